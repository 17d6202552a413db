// RUN: %check_threads %s threads-invalid-join %t -- -std=c++20

#include <atomic>
#include <cstdlib>
#include <thread>
#include <vector>

void work();
void cleanup();

// --- already joined: flagged ------------------------------------------------

// The destructor stops, then joins again.
class StopThenJoin {
public:
  StopThenJoin() : t_(work) {}
  ~StopThenJoin() {
    stop();
    t_.join();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: member thread 't_' is already joined or detached when the destructor of 'StopThenJoin' reaches this 'join()'; it will throw std::system_error, and std::terminate is called since it is thrown from a destructor [threads-invalid-join]
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: 't_' is joined or detached by this call of 'StopThenJoin::stop' first
  }
  void stop() { t_.join(); }

private:
  std::thread t_;
};

// A shutdown() that stops twice.
class DoubleStop {
public:
  DoubleStop() : t_(work) {}
  ~DoubleStop() {
    if (t_.joinable())
      t_.join();
  }
  void shutdown() {
    stop();
    stop();
  }
  void stop() {
    running_ = false;
    t_.join();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: member thread 't_' is already joined or detached when 'DoubleStop::shutdown' reaches this 'join()'; it will throw std::system_error [threads-invalid-join]
    // CHECK-MESSAGES: :[[@LINE-7]]:5: note: 't_' is joined or detached by this call of 'DoubleStop::stop' first
    // CHECK-MESSAGES: :[[@LINE-7]]:5: note: 'DoubleStop::shutdown' calls 'DoubleStop::stop' here
  }

private:
  std::atomic<bool> running_{true};
  std::thread t_;
};

// A detach, then a join on some paths: "may".
class DetachThenJoin {
public:
  DetachThenJoin() : t_(work) {}
  ~DetachThenJoin() {
    if (t_.joinable())
      t_.join();
  }
  void finish(bool background) {
    if (background)
      t_.detach();
    t_.join();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: member thread 't_' may already be joined or detached when 'DetachThenJoin::finish' reaches this 'join()'; it would throw std::system_error [threads-invalid-join]
    // CHECK-MESSAGES: :[[@LINE-3]]:7: note: 't_' is detached here first
  }

private:
  std::thread t_;
};

// The classic bug: the owner calls stop(), then the destructor calls it
// again.
class Classic {
public:
  Classic() : t_(work) {}
  void stop() {
    running_ = false;
    t_.join();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: member thread 't_' is already joined or detached when 'c' is destroyed after its call of 'Classic::stop'; the destructor of 'Classic' reaches this 'join()' again, which throws std::system_error, and std::terminate is called [threads-invalid-join]
    // CHECK-MESSAGES: :[[@LINE+12]]:5: note: 'c' is stopped here
    // CHECK-MESSAGES: :[[@LINE+12]]:1: note: 'c' is destroyed here
    // CHECK-MESSAGES: :[[@LINE+2]]:16: note: 'Classic::~Classic' calls 'Classic::stop' here
  }
  ~Classic() { stop(); }

private:
  std::atomic<bool> running_{true};
  std::thread t_;
};
void useClassic() {
  Classic c;
  c.stop();
}

// --- never started: flagged -------------------------------------------------

// Started only by start(); a Lazy destroyed without start() joins a thread
// that never ran.
class Lazy {
public:
  void start() {
    running_ = true;
    t_ = std::thread(work);
  }
  void stop() {
    running_ = false;
    t_.join();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: member thread 't_' may never have been started when the destructor of 'Lazy' reaches this 'join()'; 'Lazy' objects destroyed before 't_' is started make it throw std::system_error, and std::terminate is called [threads-invalid-join]
    // CHECK-MESSAGES: :[[@LINE-10]]:7: note: the implicit constructor of 'Lazy' does not start 't_'
    // CHECK-MESSAGES: :[[@LINE-7]]:5: note: 't_' is started here
    // CHECK-MESSAGES: :[[@LINE+2]]:13: note: 'Lazy::~Lazy' calls 'Lazy::stop' here
  }
  ~Lazy() { stop(); }

private:
  bool running_ = false;
  std::thread t_;
};

// A destructor that joins directly; a constructor that does not start.
class DirectJoin {
public:
  explicit DirectJoin(int n) : n_(n) {}
  void start() { t_ = std::thread(work); }
  ~DirectJoin() { t_.join(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: member thread 't_' may never have been started when the destructor of 'DirectJoin' reaches this 'join()'; 'DirectJoin' objects destroyed before 't_' is started make it throw std::system_error, and std::terminate is called [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-4]]:12: note: this constructor of 'DirectJoin' may leave 't_' not started
  // CHECK-MESSAGES: :[[@LINE-4]]:18: note: 't_' is started here

private:
  int n_;
  std::thread t_;
};

// The start function returns early when a check fails.
class EarlyReturn {
public:
  explicit EarlyReturn(bool enabled) { start(enabled); }
  ~EarlyReturn() { t_.join(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: member thread 't_' may never have been started when the destructor of 'EarlyReturn' reaches this 'join()'; 'EarlyReturn' objects destroyed before 't_' is started make it throw std::system_error, and std::terminate is called [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: this constructor of 'EarlyReturn' may leave 't_' not started
  // CHECK-MESSAGES: :[[@LINE+6]]:5: note: 't_' is started here

private:
  void start(bool enabled) {
    if (!enabled)
      return;
    t_ = std::thread(work);
  }
  std::thread t_;
};

// Through a macro.
#define JOIN_THREAD(t) (t).join()
class MacroJoin {
public:
  void start() { t_ = std::thread(work); }
  ~MacroJoin() { JOIN_THREAD(t_); }
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: member thread 't_' may never have been started when the destructor of 'MacroJoin' reaches this 'join()'; 'MacroJoin' objects destroyed before 't_' is started make it throw std::system_error, and std::terminate is called [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-6]]:24: note: expanded from macro 'JOIN_THREAD'
  // CHECK-MESSAGES: :[[@LINE-6]]:7: note: the implicit constructor of 'MacroJoin' does not start 't_'
  // CHECK-MESSAGES: :[[@LINE-5]]:18: note: 't_' is started here

private:
  std::thread t_;
};

// --- silent -----------------------------------------------------------------

// An idempotent stop(), stopped by its owner and again by the destructor.
class Idempotent {
public:
  void start() { t_ = std::thread(work); }
  void stop() {
    if (t_.joinable())
      t_.join();
  }
  ~Idempotent() { stop(); }

private:
  std::thread t_;
};
void useIdempotent() {
  Idempotent i;
  i.start();
  i.stop();
}

// Joined under the flag that every start sets.
class FlagGuarded {
public:
  void start() {
    running_ = true;
    t_ = std::thread(work);
  }
  void stop() {
    if (running_) {
      running_ = false;
      t_.join();
    }
  }
  ~FlagGuarded() { stop(); }

private:
  bool running_ = false;
  std::thread t_;
};
void useFlagGuarded() {
  FlagGuarded f;
  f.start();
  f.stop();
}

// The same flag tested by an early return, and by exchange().
class FlagReturn {
public:
  void start() {
    running_ = true;
    t_ = std::thread(work);
  }
  void stop() {
    if (!running_)
      return;
    running_ = false;
    t_.join();
  }
  ~FlagReturn() { stop(); }

private:
  bool running_ = false;
  std::thread t_;
};
class FlagExchange {
public:
  void start() {
    running_ = true;
    t_ = std::thread(work);
  }
  void stop() {
    if (running_.exchange(false))
      t_.join();
  }
  ~FlagExchange() { stop(); }

private:
  std::atomic<bool> running_{false};
  std::thread t_;
};

// A stop() that runs once through its own flag, called twice and by the
// destructor after its owner.
class StopOnce {
public:
  StopOnce() : t_(work) {}
  void stop() {
    if (stopped_)
      return;
    stopped_ = true;
    t_.join();
  }
  void shutdown() {
    stop();
    stop();
  }
  ~StopOnce() { stop(); }

private:
  bool stopped_ = false;
  std::thread t_;
};
void useStopOnce() {
  StopOnce s;
  s.stop();
}
class StopOnceExchange {
public:
  StopOnceExchange() : t_(work) {}
  void stop() {
    if (!running_.exchange(false))
      return;
    t_.join();
  }
  ~StopOnceExchange() { stop(); }

private:
  std::atomic<bool> running_{true};
  std::thread t_;
};
void useStopOnceExchange() {
  StopOnceExchange s;
  s.stop();
}

// The destructor hands the object to other code first, which may have
// started or joined it.
void unregisterWorker(void *worker);
class HandedOut {
public:
  void start() { t_ = std::thread(work); }
  ~HandedOut() {
    unregisterWorker(this);
    t_.join();
  }

private:
  std::thread t_;
};

// A thread id test guards the join as joinable() would.
class IdGuarded {
public:
  void start() { t_ = std::thread(work); }
  ~IdGuarded() {
    if (t_.get_id() != std::thread::id())
      t_.join();
  }

private:
  std::thread t_;
};

// A loop that stops on some iteration: its condition ends with the stop.
bool idle();
class LoopStop {
public:
  LoopStop() : t_(work) {}
  void drain() {
    while (running_)
      if (idle())
        stop();
  }
  void stop() {
    running_ = false;
    t_.join();
  }
  ~LoopStop() {
    if (t_.joinable())
      t_.join();
  }

private:
  bool running_ = true;
  std::thread t_;
};

// The destructor stops only while a flag is set that stop() clears.
class FlagByCallee {
public:
  FlagByCallee() : running_(true), t_(work) {}
  void stop() {
    running_ = false;
    t_.join();
  }
  ~FlagByCallee() {
    if (running_)
      stop();
  }

private:
  bool running_;
  std::thread t_;
};
void useFlagByCallee() {
  FlagByCallee f;
  f.stop();
}

// Started in every constructor and joined once.
class StartedInConstructor {
public:
  StartedInConstructor() : t_(work) {}
  explicit StartedInConstructor(int) { t_ = std::thread(work); }
  ~StartedInConstructor() { t_.join(); }

private:
  std::thread t_;
};

// std::jthread members are not std::thread (the default ThreadTypes).
class JthreadMember {
public:
  void start() { t_ = std::jthread(work); }
  void stop() { t_.join(); }
  ~JthreadMember() { stop(); }

private:
  std::jthread t_;
};

// A call the analysis cannot see into may have started it.
class OpaqueCall {
public:
  void start() { t_ = std::thread(work); }
  ~OpaqueCall() {
    prepare();
    t_.join();
  }

private:
  void prepare();
  std::thread t_;
};

// A public member: its owner may start it.
struct PublicMember {
  ~PublicMember() { t.join(); }
  void start() { t = std::thread(work); }
  std::thread t;
};

// A restart that stops first, then starts again: one join per start.
class Restart {
public:
  Restart() : t_(work) {}
  void restart() {
    stop();
    t_ = std::thread(work);
  }
  void stop() { t_.join(); }
  ~Restart() {
    if (t_.joinable())
      t_.join();
  }

private:
  std::thread t_;
};

// Stopped by its owner, then started again before it is destroyed.
class Cycled {
public:
  Cycled() : t_(work) {}
  void start() { t_ = std::thread(work); }
  void stop() { t_.join(); }
  ~Cycled() { stop(); }

private:
  std::thread t_;
};
void useCycled() {
  Cycled c;
  c.stop();
  c.start();
}

// A container member joined twice without clear(): not judged (see Limits).
class Pool {
public:
  Pool() {
    for (int i = 0; i < 2; ++i)
      ts_.emplace_back(work);
  }
  void join() {
    for (auto &t : ts_)
      t.join();
  }
  ~Pool() { join(); }

private:
  std::vector<std::thread> ts_;
};

// A class template is judged in each instantiation, over the member
// functions it instantiated; the note names the instantiation.
template <typename T> class TemplateLazy {
public:
  void start() { t_ = std::thread(work); }
  ~TemplateLazy() { t_.join(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: member thread 't_' may never have been started when the destructor of 'TemplateLazy' reaches this 'join()'; 'TemplateLazy' objects destroyed before 't_' is started make it throw std::system_error, and std::terminate is called [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-5]]:29: note: the implicit constructor of 'TemplateLazy' does not start 't_'
  // CHECK-MESSAGES: :[[@LINE-4]]:18: note: 't_' is started here
  // CHECK-MESSAGES: :[[@LINE+7]]:21: note: in instantiation of 'TemplateLazy<int>::~TemplateLazy' requested here

private:
  T value_{};
  std::thread t_;
};
void useTemplateLazy(bool go) {
  TemplateLazy<int> lazy;
  if (go)
    lazy.start();
}

// A class template that is never instantiated: silent.
template <typename T> class TemplateUnused {
public:
  void start() { t_ = std::thread(work); }
  ~TemplateUnused() { t_.join(); }

private:
  T value_{};
  std::thread t_;
};

// A constructor that aborts when it cannot start: every constructed object
// has a started thread (rocksdb's ReporterAgent in db_bench_tool.cc).
bool open_report_file();
class AbortingReporter {
public:
  AbortingReporter() {
    if (!open_report_file())
      std::abort();
    t_ = std::thread([this] { report(); });
  }
  ~AbortingReporter() { t_.join(); }

private:
  void report();
  std::thread t_;
};
