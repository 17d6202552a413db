// RUN: %check_threads %s threads-joinable-at-exit %t -- -std=c++20

#include <atomic>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

void work();
int parse(const std::string &s) {
  if (s.empty())
    throw std::invalid_argument("empty");
  return 1;
}
void noThrow() noexcept;
void opaque();

struct Config {
  explicit Config(const std::string &s) : port(parse(s)) {}
  int port;
};

// --- constructor exceptions: flagged --------------------------------------

// A later member's initializer throws after the thread member started.
class LaterMember {
public:
  explicit LaterMember(const std::string &s)
      : t_(&LaterMember::run, this), config_(s) {}
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: member thread 't_' started in the constructor of 'LaterMember' is still joinable if the constructor of 'Config' throws later in it; the destructor of 'LaterMember' does not run and std::terminate is called [threads-joinable-at-exit]
      // CHECK-MESSAGES: :[[@LINE-2]]:38: note: call to 'Config::Config' may throw 'std::invalid_argument'
      // CHECK-MESSAGES: :[[@LINE-13]]:48: note: call to 'parse' may throw 'std::invalid_argument'
      // CHECK-MESSAGES: :[[@LINE-21]]:5: note: 'std::invalid_argument' is thrown here
      // CHECK-MESSAGES: :[[@LINE+5]]:15: note: member 't_' declared here
  ~LaterMember() { t_.join(); }

private:
  void run() {}
  std::thread t_;
  Config config_;
};

// Started in the body, then a call that may throw.
class BodyCall {
public:
  explicit BodyCall(const std::string &s) {
    t_ = std::thread(work);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: member thread 't_' started in the constructor of 'BodyCall' is still joinable if 'parse' throws later in it; the destructor of 'BodyCall' does not run and std::terminate is called [threads-joinable-at-exit]
    // CHECK-MESSAGES: :[[@LINE+3]]:13: note: call to 'parse' may throw 'std::invalid_argument'
    // CHECK-MESSAGES: :[[@LINE-38]]:5: note: 'std::invalid_argument' is thrown here
    // CHECK-MESSAGES: :[[@LINE+9]]:15: note: member 't_' declared here
    port_ = parse(s);
  }
  ~BodyCall() {
    if (t_.joinable())
      t_.join();
  }

private:
  std::thread t_;
  int port_ = 0;
};

// A throw in the body.
class BodyThrow {
public:
  explicit BodyThrow(int n) : t_(work) {
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: member thread 't_' started in the constructor of 'BodyThrow' is still joinable if an exception is thrown later in it; the destructor of 'BodyThrow' does not run and std::terminate is called [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE+3]]:7: note: exception thrown here
  // CHECK-MESSAGES: :[[@LINE+7]]:15: note: member 't_' declared here
    if (n < 0)
      throw std::out_of_range("n");
  }
  ~BodyThrow() { t_.join(); }

private:
  std::thread t_;
};

// A unique_ptr member.
class PtrMember {
public:
  explicit PtrMember(const std::vector<int> &v)
      : t_(std::make_unique<std::thread>(work)) {
      // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: member thread owned by 't_' started in the constructor of 'PtrMember' is still joinable if 'at' throws later in it; the destructor of 'PtrMember' does not run and std::terminate is called [threads-joinable-at-exit]
      // CHECK-MESSAGES: :[[@LINE+2]]:16: note: call to 'std::vector::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
      // CHECK-MESSAGES: :[[@LINE+6]]:32: note: member 't_' declared here
    first_ = v.at(0);
  }
  ~PtrMember() { t_->join(); }

private:
  std::unique_ptr<std::thread> t_;
  int first_ = 0;
};

// A vector member.
class Workers {
public:
  Workers(int n, const std::string &s) {
    for (int i = 0; i < n; ++i)
      threads_.emplace_back(work);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: member threads in 'threads_' started in the constructor of 'Workers' are still joinable if 'parse' throws later in it; the destructor of 'Workers' does not run and std::terminate is called [threads-joinable-at-exit]
      // CHECK-MESSAGES: :[[@LINE+3]]:14: note: call to 'parse' may throw 'std::invalid_argument'
      // CHECK-MESSAGES: :[[@LINE-93]]:5: note: 'std::invalid_argument' is thrown here
      // CHECK-MESSAGES: :[[@LINE+9]]:28: note: member 'threads_' declared here
    limit_ = parse(s);
  }
  ~Workers() {
    for (auto &t : threads_)
      t.join();
  }

private:
  std::vector<std::thread> threads_;
  int limit_ = 0;
};

// A try whose handler rethrows without joining.
class RethrowingHandler {
public:
  explicit RethrowingHandler(const std::string &s) : t_(work) {
  // CHECK-MESSAGES: :[[@LINE-1]]:54: warning: member thread 't_' started in the constructor of 'RethrowingHandler' is still joinable if 'parse' throws later in it; the destructor of 'RethrowingHandler' does not run and std::terminate is called [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE+4]]:7: note: call to 'parse' may throw 'std::invalid_argument'
  // CHECK-MESSAGES: :[[@LINE-113]]:5: note: 'std::invalid_argument' is thrown here
  // CHECK-MESSAGES: :[[@LINE+10]]:15: note: member 't_' declared here
    try {
      parse(s);
    } catch (...) {
      throw;
    }
  }
  ~RethrowingHandler() { t_.join(); }

private:
  std::thread t_;
};

// A function-try-block whose handler does not join.
class FunctionTryNoJoin {
public:
  explicit FunctionTryNoJoin(const std::string &s) try : t_(work) {
  // CHECK-MESSAGES: :[[@LINE-1]]:58: warning: member thread 't_' started in the constructor of 'FunctionTryNoJoin' is still joinable if 'parse' throws later in it; the destructor of 'FunctionTryNoJoin' does not run and std::terminate is called [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: call to 'parse' may throw 'std::invalid_argument'
  // CHECK-MESSAGES: :[[@LINE-133]]:5: note: 'std::invalid_argument' is thrown here
  // CHECK-MESSAGES: :[[@LINE+7]]:15: note: member 't_' declared here
    parse(s);
  } catch (...) {
  }
  ~FunctionTryNoJoin() { t_.join(); }

private:
  std::thread t_;
};

// --- constructor exceptions: silent ---------------------------------------

// The start is the last thing that can throw.
class StartLast {
public:
  explicit StartLast(const std::string &s) : port_(parse(s)), t_(work) {}
  ~StartLast() { t_.join(); }

private:
  int port_;
  std::thread t_;
};

// Nothing after the start may throw.
class NothingThrowsAfter {
public:
  NothingThrowsAfter() : t_(work) { noThrow(); }
  ~NothingThrowsAfter() { t_.join(); }

private:
  std::thread t_;
};

// The throwing call is in a try whose handler joins.
class HandlerJoins {
public:
  explicit HandlerJoins(const std::string &s) : t_(work) {
    try {
      parse(s);
    } catch (...) {
      t_.join();
      throw;
    }
  }
  ~HandlerJoins() { t_.join(); }

private:
  std::thread t_;
};

// A function-try-block whose handler joins.
class FunctionTryJoins {
public:
  explicit FunctionTryJoins(const std::string &s) try : t_(work) {
    parse(s);
  } catch (...) {
    t_.join();
  }
  ~FunctionTryJoins() { t_.join(); }

private:
  std::thread t_;
};

// A std::jthread member joins itself.
class JthreadMember {
public:
  explicit JthreadMember(const std::string &s) : t_(work) { parse(s); }

private:
  std::jthread t_;
};

// Calls whose bodies are not visible are not assumed to throw.
class OpaqueAfter {
public:
  OpaqueAfter() : t_(work) { opaque(); }
  ~OpaqueAfter() { t_.join(); }

private:
  std::thread t_;
};

// --- destructors that join only sometimes: flagged ------------------------

class FlagGuardedJoin {
public:
  void start() { t_ = std::thread(work); }
  ~FlagGuardedJoin() {
    if (!done_)
      t_.join();
  }
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: member thread 't_' may still be joinable at the end of the destructor of 'FlagGuardedJoin'; destroying it will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-4]]:9: note: 't_' is not joined when this condition is false
  // CHECK-MESSAGES: :[[@LINE-7]]:18: note: 't_' is started here

private:
  std::thread t_;
  bool done_ = false;
};

// A flag the thread itself sets when it finishes says nothing about
// joinability: the finished thread is joinable until it is joined.
class DoneFlagJoin {
public:
  void start() {
    done_ = false;
    t_ = std::thread([this] {
      work();
      done_ = true;
    });
  }
  ~DoneFlagJoin() {
    if (!done_)
      t_.join();
  }
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: member thread 't_' may still be joinable at the end of the destructor of 'DoneFlagJoin'; destroying it will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-4]]:9: note: 't_' is not joined when this condition is false
  // CHECK-MESSAGES: :[[@LINE-11]]:5: note: 't_' is started here

private:
  std::thread t_;
  std::atomic<bool> done_{false};
};

// Joinability and a flag: the flag's false branch keeps it running.
class JoinableAndFlag {
public:
  JoinableAndFlag() : t_(work) {}
  ~JoinableAndFlag() {
    if (t_.joinable() && !stopping_)
      t_.join();
  }
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: member thread 't_' may still be joinable at the end of the destructor of 'JoinableAndFlag'; destroying it will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-4]]:9: note: 't_' is not joined when this condition is false
  // CHECK-MESSAGES: :[[@LINE-7]]:23: note: 't_' is started here

private:
  std::thread t_;
  bool stopping_ = false;
};

// The inverted guard joins only a thread that is not running.
class InvertedGuard {
public:
  InvertedGuard() : t_(work) {}
  ~InvertedGuard() {
    if (!t_.joinable())
      t_.join();
  }
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: member thread 't_' may still be joinable at the end of the destructor of 'InvertedGuard'; destroying it will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-4]]:9: note: 't_' is not joined when this condition is false
  // CHECK-MESSAGES: :[[@LINE-7]]:21: note: 't_' is started here

private:
  std::thread t_;
};

// A return before the join.
class EarlyReturn {
public:
  EarlyReturn() : t_(work) {}
  ~EarlyReturn() {
    if (detached_)
      return;
    t_.join();
  }
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: member thread 't_' may still be joinable at the end of the destructor of 'EarlyReturn'; destroying it will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-5]]:9: note: 't_' is not joined when this condition is true
  // CHECK-MESSAGES: :[[@LINE-8]]:19: note: 't_' is started here

private:
  std::thread t_;
  bool detached_ = false;
};

// --- destructors that join only sometimes: silent -------------------------

class JoinableGuard {
public:
  JoinableGuard() : t_(work) {}
  ~JoinableGuard() {
    if (t_.joinable())
      t_.join();
  }

private:
  std::thread t_;
};

// Joinability and a flag, the other branch detaching.
class JoinOrDetach {
public:
  JoinOrDetach() : t_(work) {}
  ~JoinOrDetach() {
    if (t_.joinable() && !stopping_)
      t_.join();
    else if (t_.joinable())
      t_.detach();
  }

private:
  std::thread t_;
  bool stopping_ = false;
};

// The destructor calls a stop() that joins on every path.
class CallsStop {
public:
  CallsStop() : t_(work) {}
  void stop() { t_.join(); }
  ~CallsStop() {
    if (!stopped_)
      stop();
    else if (t_.joinable())
      t_.join();
  }

private:
  std::thread t_;
  bool stopped_ = false;
};

// Nothing in the class starts it.
class NeverStarted {
public:
  ~NeverStarted() {
    if (!done_)
      t_.join();
  }

private:
  std::thread t_;
  bool done_ = false;
};

// A flag every start sets and the thread never writes says whether the
// class started the thread: `if (running_)` guards like joinable() does.
class RunningFlagJoin {
public:
  void start() {
    running_ = true;
    t_ = std::thread([this] {
      while (running_)
        work();
    });
  }
  ~RunningFlagJoin() {
    if (running_) {
      running_ = false;
      t_.join();
    }
  }

private:
  std::thread t_;
  std::atomic<bool> running_{false};
};

class RunningStoreJoin {
public:
  void start() {
    t_ = std::thread(&RunningStoreJoin::loop, this);
    started_.store(true);
  }
  ~RunningStoreJoin() {
    if (started_.load())
      t_.join();
  }

private:
  void loop() { work(); }
  std::thread t_;
  std::atomic<bool> started_{false};
};
