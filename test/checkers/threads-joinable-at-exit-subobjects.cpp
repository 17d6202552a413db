// RUN: %check_threads %s threads-joinable-at-exit %t -- -std=c++20

#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

void work();
int parse(const std::string &s) {
  if (s.empty())
    throw std::invalid_argument("empty");
  return 1;
}
void noThrow() noexcept;
void opaque();
void registerService(void *service);

struct Config {
  explicit Config(const std::string &s) : port(parse(s)) {}
  int port;
};

// A worker that starts its thread in its constructor and leaves joining it
// to its owner's stop(): its destructor does not join. The class gets the
// member rule's warning (it relies on stop()); the constructors of its
// owners below get the subobject one (stop() cannot be called there).
class Worker {
public:
  Worker() : t_(&Worker::run, this) {}
  ~Worker() {}
  void stop() { t_.join(); }

private:
  void run() {}
  std::thread t_;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: member thread 't_' is joined only by 'stop'; a 'Worker' destroyed without calling it (including during exception unwinding) will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-6]]:17: note: joined here
  // CHECK-MESSAGES: :[[@LINE-8]]:3: note: the destructor of 'Worker' does not join it
};

// The same, with the start in a start() its owner calls, and the implicit
// destructor.
class Poller {
public:
  void start() { t_ = std::thread(work); }
  void stop() {
    if (t_.joinable())
      t_.join();
  }

private:
  std::thread t_;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: member thread 't_' is joined only by 'stop'; a 'Poller' destroyed without calling it (including during exception unwinding) will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-6]]:7: note: joined here
  // CHECK-MESSAGES: :[[@LINE-12]]:7: note: the implicit destructor of 'Poller' does not join it
};

// --- flagged ---------------------------------------------------------------

// A later member's initializer throws after the worker member started.
class Service {
public:
  explicit Service(const std::string &s) : w_(), port_(parse(s)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: member 'w_' of 'Service' owns a running thread ('Worker::t_') when 'parse' throws later in the constructor of 'Service'; its destructor does not join it and std::terminate is called [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-36]]:14: note: 'Worker::t_' is started here
  // CHECK-MESSAGES: :[[@LINE-3]]:56: note: call to 'parse' may throw 'std::invalid_argument'
  // CHECK-MESSAGES: :[[@LINE-56]]:5: note: 'std::invalid_argument' is thrown here
  // CHECK-MESSAGES: :[[@LINE-38]]:3: note: the destructor of 'Worker' does not join it
  ~Service() { w_.stop(); }

private:
  Worker w_;
  int port_;
};

// A base class, and a later member whose constructor throws.
class BaseService : Worker {
public:
  explicit BaseService(const std::string &s) : Worker(), config_(s) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: base class 'Worker' of 'BaseService' owns a running thread ('Worker::t_') when the constructor of 'Config' throws later in the constructor of 'BaseService'; its destructor does not join it and std::terminate is called [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-52]]:14: note: 'Worker::t_' is started here
  // CHECK-MESSAGES: :[[@LINE-3]]:58: note: call to 'Config::Config' may throw 'std::invalid_argument'
  // CHECK-MESSAGES: :[[@LINE-64]]:48: note: call to 'parse' may throw 'std::invalid_argument'
  // CHECK-MESSAGES: :[[@LINE-73]]:5: note: 'std::invalid_argument' is thrown here
  // CHECK-MESSAGES: :[[@LINE-55]]:3: note: the destructor of 'Worker' does not join it
  ~BaseService() { stop(); }

private:
  Config config_;
};

// The member is started by a call in the body, then a throw.
class Pump {
public:
  explicit Pump(int n) {
    p_.start();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: member 'p_' of 'Pump' owns a running thread ('Poller::t_') when an exception is thrown later in the constructor of 'Pump'; its destructor does not join it and std::terminate is called [threads-joinable-at-exit]
    // CHECK-MESSAGES: :[[@LINE-53]]:18: note: 'Poller::t_' is started here
    // CHECK-MESSAGES: :[[@LINE+3]]:7: note: exception thrown here
    // CHECK-MESSAGES: :[[@LINE-57]]:7: note: the implicit destructor of 'Poller' does not join it
    if (n < 0)
      throw std::out_of_range("n");
  }
  ~Pump() { p_.stop(); }

private:
  Poller p_;
};

// The worker's initializer is implicit; the constructor's name is where
// its construction begins.
class ImplicitInit {
public:
  explicit ImplicitInit(const std::string &s) : config_(s) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: member 'w_' of 'ImplicitInit' owns a running thread ('Worker::t_') when the constructor of 'Config' throws later in the constructor of 'ImplicitInit'; its destructor does not join it and std::terminate is called [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-87]]:14: note: 'Worker::t_' is started here
  // CHECK-MESSAGES: :[[@LINE-3]]:49: note: call to 'Config::Config' may throw 'std::invalid_argument'
  // CHECK-MESSAGES: :[[@LINE-99]]:48: note: call to 'parse' may throw 'std::invalid_argument'
  // CHECK-MESSAGES: :[[@LINE-108]]:5: note: 'std::invalid_argument' is thrown here
  // CHECK-MESSAGES: :[[@LINE-90]]:3: note: the destructor of 'Worker' does not join it
  ~ImplicitInit() { w_.stop(); }

private:
  Worker w_;
  Config config_;
};

// A worker whose constructor calls its own start(), with a defaulted
// destructor.
class SelfStarting {
public:
  SelfStarting() { start(); }
  ~SelfStarting() = default;
  void start() { t_ = std::thread(work); }
  void stop() { t_.join(); }

private:
  std::thread t_;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: member thread 't_' is joined only by 'stop'; a 'SelfStarting' destroyed without calling it (including during exception unwinding) will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-5]]:17: note: joined here
  // CHECK-MESSAGES: :[[@LINE-8]]:3: note: the defaulted destructor of 'SelfStarting' does not join it
};

class Listener {
public:
  explicit Listener(const std::string &s) : s_() { port_ = parse(s); }
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: member 's_' of 'Listener' owns a running thread ('SelfStarting::t_') when 'parse' throws later in the constructor of 'Listener'; its destructor does not join it and std::terminate is called [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-16]]:20: note: 'SelfStarting::t_' is started here
  // CHECK-MESSAGES: :[[@LINE-3]]:60: note: call to 'parse' may throw 'std::invalid_argument'
  // CHECK-MESSAGES: :[[@LINE-139]]:5: note: 'std::invalid_argument' is thrown here
  // CHECK-MESSAGES: :[[@LINE-18]]:3: note: the defaulted destructor of 'SelfStarting' does not join it
  ~Listener() { s_.stop(); }

private:
  SelfStarting s_;
  int port_ = 0;
};

// A function-try-block does not help: its handler runs after the
// subobjects are destroyed.
class TryBlockService {
public:
  explicit TryBlockService(const std::string &s) try : w_(), port_(parse(s)) {
  // CHECK-MESSAGES: :[[@LINE-1]]:56: warning: member 'w_' of 'TryBlockService' owns a running thread ('Worker::t_') when 'parse' throws later in the constructor of 'TryBlockService'; its destructor does not join it and std::terminate is called [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-136]]:14: note: 'Worker::t_' is started here
  // CHECK-MESSAGES: :[[@LINE-3]]:68: note: call to 'parse' may throw 'std::invalid_argument'
  // CHECK-MESSAGES: :[[@LINE-156]]:5: note: 'std::invalid_argument' is thrown here
  // CHECK-MESSAGES: :[[@LINE-138]]:3: note: the destructor of 'Worker' does not join it
  } catch (...) {
    throw;
  }
  ~TryBlockService() { w_.stop(); }

private:
  Worker w_;
  int port_;
};

// --- not flagged -----------------------------------------------------------

// The worker is stopped before the call that may throw.
class StoppedFirst {
public:
  explicit StoppedFirst(const std::string &s) : w_() {
    w_.stop();
    port_ = parse(s);
  }

private:
  Worker w_;
  int port_ = 0;
};

// The worker's destructor joins it (guarded by joinable()): destroying it
// during unwinding is safe.
class JoiningWorker {
public:
  JoiningWorker() : t_(work) {}
  ~JoiningWorker() {
    if (t_.joinable())
      t_.join();
  }
  void stop() { t_.join(); }

private:
  std::thread t_;
};

class SafeService {
public:
  explicit SafeService(const std::string &s) : w_(), port_(parse(s)) {}

private:
  JoiningWorker w_;
  int port_;
};

// A destructor that joins through a stop() of its own.
class StoppingWorker {
public:
  StoppingWorker() : t_(work) {}
  ~StoppingWorker() { stop(); }
  void stop() {
    if (t_.joinable())
      t_.join();
  }

private:
  std::thread t_;
};

class SafeBase : StoppingWorker {
public:
  explicit SafeBase(const std::string &s) : config_(s) {}

private:
  Config config_;
};

// Nothing may throw after the worker is constructed: it is the last member,
// and the body calls only noexcept code.
class LastMember {
public:
  explicit LastMember(const std::string &s) : config_(s), w_() { noThrow(); }
  ~LastMember() { w_.stop(); }

private:
  Config config_;
  Worker w_;
};

// The throwing call is in a try whose handler stops the worker first.
class StoppedInHandler {
public:
  explicit StoppedInHandler(const std::string &s) {
    try {
      port_ = parse(s);
    } catch (...) {
      w_.stop();
      throw;
    }
  }
  ~StoppedInHandler() { w_.stop(); }

private:
  Worker w_;
  int port_ = 0;
};

// The handler swallows the exception: the constructor completes.
class SwallowedInHandler {
public:
  explicit SwallowedInHandler(const std::string &s) {
    try {
      port_ = parse(s);
    } catch (const std::exception &) {
      port_ = 0;
    }
  }
  ~SwallowedInHandler() { w_.stop(); }

private:
  Worker w_;
  int port_ = 0;
};

// A std::jthread joins itself.
class JWorker {
public:
  JWorker() : t_(work) {}
  ~JWorker() {}
  void stop() { t_.join(); }

private:
  std::jthread t_;
};

class JService {
public:
  explicit JService(const std::string &s) : w_(), port_(parse(s)) {}
  ~JService() { w_.stop(); }

private:
  JWorker w_;
  int port_;
};

// The constructor does not start the poller; a member function does, later.
class LazyService {
public:
  explicit LazyService(const std::string &s) : port_(parse(s)) {}
  void run() { p_.start(); }
  ~LazyService() { p_.stop(); }

private:
  Poller p_;
  int port_;
};

// Bodies that are not visible: the start, the worker's constructor and the
// worker's destructor may do anything.
class OpaqueStart {
public:
  void start();
  void stop() { t_.join(); }

private:
  std::thread t_;
};

class OpaqueStartService {
public:
  explicit OpaqueStartService(const std::string &s) {
    w_.start();
    port_ = parse(s);
  }
  ~OpaqueStartService() { w_.stop(); }

private:
  OpaqueStart w_;
  int port_ = 0;
};

class OpaqueDestructor {
public:
  OpaqueDestructor() : t_(work) {}
  ~OpaqueDestructor();
  void stop() { t_.join(); }

private:
  std::thread t_;
};

class OpaqueDestructorService {
public:
  explicit OpaqueDestructorService(const std::string &s) : port_(parse(s)) {}

private:
  OpaqueDestructor w_;
  int port_;
};

// A class template that is never instantiated.
template <typename T> class TemplateService {
public:
  explicit TemplateService(const std::string &s) : port_(parse(s)) {}
  ~TemplateService() { w_.stop(); }

private:
  Worker w_;
  T port_;
};

// Not subobjects: a reference and an owning pointer.
class ByReference {
public:
  ByReference(Worker &w, const std::string &s) : w_(w), port_(parse(s)) {}

private:
  Worker &w_;
  int port_;
};

class ByPointer {
public:
  explicit ByPointer(const std::string &s)
      : w_(std::make_unique<Worker>()), port_(parse(s)) {}
  ~ByPointer() { w_->stop(); }

private:
  std::unique_ptr<Worker> w_;
  int port_;
};

// The object is handed to code that may stop the worker before the throw.
class Registered {
public:
  explicit Registered(const std::string &s) {
    registerService(this);
    port_ = parse(s);
  }
  ~Registered() { w_.stop(); }

private:
  Worker w_;
  int port_ = 0;
};
