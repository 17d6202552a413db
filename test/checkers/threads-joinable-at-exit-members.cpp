// RUN: %check_threads %s threads-joinable-at-exit %t -- -std=c++17

#include <memory>
#include <thread>
#include <vector>

void work();

// --- flagged --------------------------------------------------------------

class Poller {
public:
  void start() { th_ = std::thread(work); }
  void stop() { th_.join(); }
  ~Poller() { flush(); }
  // (its destructor does not call stop(): see the note below)
  void flush() {}

private:
  std::thread th_;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: member thread 'th_' is joined only by 'stop'; a 'Poller' destroyed without calling it (including during exception unwinding) will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-8]]:17: note: joined here
  // CHECK-MESSAGES: :[[@LINE-8]]:3: note: the destructor of 'Poller' does not join it
};

class Pool {
public:
  explicit Pool(int n) {
    for (int i = 0; i < n; ++i)
      workers_.emplace_back(work);
  }
  void shutdown() {
    for (auto &w : workers_)
      w.join();
  }

private:
  std::vector<std::thread> workers_;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: member threads in 'workers_' are joined only by 'shutdown'; a 'Pool' destroyed without calling it
  // CHECK-MESSAGES: :[[@LINE-6]]:7: note: joined here
  // CHECK-MESSAGES: :[[@LINE-15]]:7: note: the implicit destructor of 'Pool' does not join it
};

// Started and joined by run(), but a path returns before the join: the
// object can be destroyed with the thread running.
class RunsUntilError {
public:
  bool run(bool fail) {
    th_ = std::thread(work);
    if (fail)
      return false;
    th_.join();
    return true;
  }

private:
  std::thread th_;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: member thread 'th_' is joined only by 'run'; a 'RunsUntilError' destroyed without calling it (including during exception unwinding) will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-7]]:5: note: joined here
  // CHECK-MESSAGES: :[[@LINE-14]]:7: note: the implicit destructor of 'RunsUntilError' does not join it
};

// run() joins what it starts, but start() starts it too and only stop()
// joins that.
class RunsOrStarts {
public:
  void run() {
    th_ = std::thread(work);
    th_.join();
  }
  void start() { th_ = std::thread(work); }
  void stop() { th_.join(); }

private:
  std::thread th_;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: member thread 'th_' is joined only by 'run'; a 'RunsOrStarts' destroyed without calling it (including during exception unwinding) will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-8]]:5: note: joined here
  // CHECK-MESSAGES: :[[@LINE-13]]:7: note: the implicit destructor of 'RunsOrStarts' does not join it
};

// The destructor builds an object, but not from the object itself: nothing
// it hands over can reach stop().
struct Tracer {
  explicit Tracer(const char *what);
};
class TracedWorker {
public:
  void start() { th_ = std::thread(work); }
  void stop() { th_.join(); }
  ~TracedWorker() { Tracer trace("bye"); }

private:
  std::thread th_;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: member thread 'th_' is joined only by 'stop'; a 'TracedWorker' destroyed without calling it (including during exception unwinding) will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-6]]:17: note: joined here
  // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the destructor of 'TracedWorker' does not join it
};

// --- not flagged ----------------------------------------------------------

class Service {
public:
  void start() { th_ = std::thread(work); }
  void stop() {
    if (th_.joinable())
      th_.join();
  }
  ~Service() {
    if (running_)
      stop();
  }

private:
  bool running_ = false;
  std::thread th_;
};

class DestructorElsewhere {
public:
  void start() { th_ = std::thread(work); }
  void stop() { th_.join(); }
  ~DestructorElsewhere(); // defined in another file

private:
  std::thread th_;
};

class JoinsDirectly {
public:
  JoinsDirectly() : th_(work) {}
  void stop() { th_.join(); }
  ~JoinsDirectly() {
    if (th_.joinable())
      th_.join();
  }

private:
  std::thread th_;
};

class CallsOpaqueMember {
public:
  void start() { th_ = std::thread(work); }
  void stop() { th_.join(); }
  ~CallsOpaqueMember() { shutdown(); }
  void shutdown(); // not visible: may join

private:
  std::thread th_;
};

class NeverJoined {
  // threads-unjoined-thread's finding, not this check's.
  std::thread th_;

public:
  NeverJoined() : th_(work) {}
};

class Registry;
void unregister(Registry *);
class Registry {
public:
  void start() { th_ = std::thread(work); }
  void stop() { th_.join(); }
  ~Registry() { unregister(this); }

private:
  std::thread th_;
};

struct Guard {
  explicit Guard(std::thread &t) : t(t) {}
  ~Guard() {
    if (t.joinable())
      t.join();
  }
  std::thread &t;
};
class GuardedMember {
public:
  GuardedMember() : th_(work), guard_(th_) {}
  void stop() { th_.join(); }

private:
  std::thread th_;
  Guard guard_;
};

class GuardedByInClassInitializer {
public:
  void start() { th_ = std::thread(work); }
  void stop() { th_.join(); }

private:
  std::thread th_;
  Guard guard_{th_};
};

class ExposesReference {
public:
  void start() { th_ = std::thread(work); }
  void stop() { th_.join(); }
  std::thread &thread() { return th_; }

private:
  std::thread th_;
};

// Joined by a constructor's cleanup and by shutdown(): the warning names the
// function that stops a running pool, and the defaulted destructor.
class FailSafePool {
public:
  explicit FailSafePool(int n) {
    try {
      for (int i = 0; i < n; ++i)
        threads_.emplace_back(work);
    } catch (...) {
      for (std::thread &t : threads_)
        if (t.joinable())
          t.join();
      throw;
    }
  }
  ~FailSafePool() = default;
  void shutdown() {
    for (std::thread &t : threads_)
      if (t.joinable())
        t.join();
  }

private:
  std::vector<std::thread> threads_;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: member threads in 'threads_' are joined only by 'shutdown'; a 'FailSafePool' destroyed without calling it (including during exception unwinding) will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-6]]:9: note: joined here
  // CHECK-MESSAGES: :[[@LINE-11]]:3: note: the defaulted destructor of 'FailSafePool' does not join it
};

// A test fixture: the framework calls TearDown() before the destructor, so
// a join in an override of a base class's hook is enough.
struct TestBase {
  virtual ~TestBase() = default;
  virtual void SetUp() {}
  virtual void TearDown() {}
};
class ServerTest : public TestBase {
protected:
  void SetUp() override { server_ = std::thread(work); }
  void TearDown() override { server_.join(); }

private:
  std::thread server_;
};

// A pool whose shutdown() hook, called by its owner through the base class,
// joins finished threads through a helper (cpp-httplib's ThreadPool): the
// helper is part of the hook.
struct TaskQueue {
  virtual ~TaskQueue() = default;
  virtual void shutdown() = 0;
};
class HookPool final : public TaskQueue {
public:
  ~HookPool() override = default;
  void enqueue() {
    cleanup_finished();
    finished_.emplace_back(work);
  }
  void shutdown() override { cleanup_finished(); }

private:
  void cleanup_finished() {
    for (auto &t : finished_)
      if (t.joinable())
        t.join();
    finished_.clear();
  }
  std::vector<std::thread> finished_;
};

// Destructors that join through an object they build from `this` or
// `*this`, whose constructor (or destructor) calls the joining member.
class StopsThroughGuard {
public:
  ~StopsThroughGuard() { StopGuard guard(this); }
  void start() { th_ = std::thread(work); }

private:
  struct StopGuard {
    explicit StopGuard(StopsThroughGuard *owner) { owner->stop(); }
  };
  void stop() { th_.join(); }
  std::thread th_;
};

class StopsThroughJoiner;
struct Joiner {
  explicit Joiner(StopsThroughJoiner &owner) : owner(owner) {}
  ~Joiner();
  StopsThroughJoiner &owner;
};
class StopsThroughJoiner {
public:
  ~StopsThroughJoiner() { auto joiner = Joiner(*this); }
  void start() { workers_.emplace_back(work); }
  void stop() {
    for (std::thread &w : workers_)
      w.join();
  }

private:
  std::vector<std::thread> workers_;
};
Joiner::~Joiner() { owner.stop(); }

// Member threads started and joined by the same member function on every
// path: empty whenever that function is not running, so nothing can destroy
// the object with a thread in them.
class JoinsWhatItStarts {
public:
  void run() {
    th_ = std::thread(work);
    th_.join();
  }

private:
  std::thread th_;
};

class StressTest {
public:
  int run(int n) {
    for (int i = 0; i < n; ++i)
      threads_.emplace_back([this] { write(); });
    for (std::thread &t : threads_)
      t.join();
    threads_.clear();
    return 0;
  }

private:
  void write() {}
  std::vector<std::thread> threads_;
};

class JoinsIfJoinable {
public:
  void step(bool parallel) {
    if (parallel)
      th_ = std::thread(work);
    work();
    if (th_.joinable())
      th_.join();
  }

private:
  std::thread th_;
};
