// RUN: %check_threads %s threads-joinable-at-exit %t -- -std=c++17

// A new thread assigned to a member thread that may still be running
// (issue 17, shape 2), on the evidence of the class's own code: the
// constructor left it running, or a function starts it twice or in a loop,
// or calls such a function twice or in a loop, with no join in between.

#include <memory>
#include <thread>

void work();

// --- (a) the constructor leaves it running: flagged -----------------------

// Started by a member initializer; restart() assigns without joining.
class InitThenRestart {
public:
  InitThenRestart() : t_(&InitThenRestart::run, this) {}
  ~InitThenRestart() {
    if (t_.joinable())
      t_.join();
  }
  void restart() { t_ = std::thread(&InitThenRestart::run, this); }
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: member thread 't_' may still be joinable when it is move-assigned here; the assignment will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-7]]:23: note: 't_' is started here, in the constructor of 'InitThenRestart', and may still be running afterwards
  // CHECK-MESSAGES: :[[@LINE+4]]:15: note: member 't_' declared here

private:
  void run() {}
  std::thread t_;
};

// Started in the constructor's body; a public reconfigure() restarts it.
class BodyThenReconfigure {
public:
  BodyThenReconfigure() { t_ = std::thread(work); }
  ~BodyThenReconfigure() {
    if (t_.joinable())
      t_.join();
  }
  void reconfigure() { t_ = std::thread(work); }
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: member thread 't_' may still be joinable when it is move-assigned here; the assignment will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-7]]:27: note: 't_' is started here, in the constructor of 'BodyThenReconfigure', and may still be running afterwards
  // CHECK-MESSAGES: :[[@LINE+3]]:15: note: member 't_' declared here

private:
  std::thread t_;
};

// A unique_ptr<std::thread> member, restarted by assignment and by reset().
class UniqueRestart {
public:
  UniqueRestart() : p_(std::make_unique<std::thread>(work)) {}
  ~UniqueRestart() {
    if (p_ && p_->joinable())
      p_->join();
  }
  void restart() { p_ = std::make_unique<std::thread>(work); }
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: member thread owned by 'p_' may still be joinable when it is move-assigned here; the assignment will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-7]]:24: note: 'p_' is started here, in the constructor of 'UniqueRestart', and may still be running afterwards
  // CHECK-MESSAGES: :[[@LINE+7]]:32: note: member 'p_' declared here
  void replace() { p_.reset(new std::thread(work)); }
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: member thread owned by 'p_' may still be joinable when it is reset here; the reset will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-11]]:24: note: 'p_' is started here, in the constructor of 'UniqueRestart', and may still be running afterwards
  // CHECK-MESSAGES: :[[@LINE+3]]:32: note: member 'p_' declared here

private:
  std::unique_ptr<std::thread> p_;
};

// The constructor's own body assigns over what its initializer started.
class InitThenBody {
public:
  InitThenBody() : t_(work) { t_ = std::thread(work); }
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: member thread 't_' may still be joinable when it is move-assigned here; the assignment will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:20: note: 't_' is started here, in the constructor of 'InitThenBody', and may still be running afterwards
  // CHECK-MESSAGES: :[[@LINE+7]]:15: note: member 't_' declared here
  ~InitThenBody() {
    if (t_.joinable())
      t_.join();
  }

private:
  std::thread t_;
};

// --- (b) the assigning function starts it twice: flagged ------------------

class StartsInLoop {
public:
  ~StartsInLoop() {
    if (t_.joinable())
      t_.join();
  }
  void start(int n) {
    for (int i = 0; i < n; ++i)
      t_ = std::thread(work);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: member thread 't_' may still be joinable when it is move-assigned here; the assignment will call std::terminate [threads-joinable-at-exit]
      // CHECK-MESSAGES: :[[@LINE-3]]:5: note: this loop starts 't_' again without joining it first
      // CHECK-MESSAGES: :[[@LINE+4]]:15: note: member 't_' declared here
  }

private:
  std::thread t_;
};

class StartsTwice {
public:
  ~StartsTwice() {
    if (t_.joinable())
      t_.join();
  }
  void start() {
    t_ = std::thread(work);
    t_ = std::thread(work);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: member thread 't_' may still be joinable when it is move-assigned here; the assignment will call std::terminate [threads-joinable-at-exit]
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: 't_' is started here and not joined before it is started again
    // CHECK-MESSAGES: :[[@LINE+4]]:15: note: member 't_' declared here
  }

private:
  std::thread t_;
};

// --- (c) another member function calls it twice: flagged ------------------

class CalledTwice {
public:
  ~CalledTwice() {
    if (t_.joinable())
      t_.join();
  }
  void start() { t_ = std::thread(work); }
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: member thread 't_' may still be joinable when it is move-assigned here; the assignment will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE+4]]:5: note: 't_' is started here and not joined before it is started again
  // CHECK-MESSAGES: :[[@LINE+4]]:5: note: 'start' is called here and assigns a new thread to 't_'
  // CHECK-MESSAGES: :[[@LINE+7]]:15: note: member 't_' declared here
  void restart() {
    start();
    start();
  }

private:
  std::thread t_;
};

class CalledInLoop {
public:
  ~CalledInLoop() {
    if (t_.joinable())
      t_.join();
  }
  void start() { t_ = std::thread(work); }
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: member thread 't_' may still be joinable when it is move-assigned here; the assignment will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE+4]]:5: note: this loop starts 't_' again without joining it first
  // CHECK-MESSAGES: :[[@LINE+4]]:7: note: 'start' is called here and assigns a new thread to 't_'
  // CHECK-MESSAGES: :[[@LINE+7]]:15: note: member 't_' declared here
  void startMany(int n) {
    while (n-- > 0)
      start();
  }

private:
  std::thread t_;
};

// The constructor starts it, then calls a start() that does not join.
class InitThenStartCall {
public:
  InitThenStartCall() : t_(work) { start(); }
  ~InitThenStartCall() {
    if (t_.joinable())
      t_.join();
  }
  void start() { t_ = std::thread(work); }
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: member thread 't_' may still be joinable when it is move-assigned here; the assignment will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-7]]:25: note: 't_' is started here, in the constructor of 'InitThenStartCall', and may still be running afterwards
  // CHECK-MESSAGES: :[[@LINE-8]]:36: note: 'start' is called here and assigns a new thread to 't_'
  // CHECK-MESSAGES: :[[@LINE+3]]:15: note: member 't_' declared here

private:
  std::thread t_;
};

// A class template: reported in its instantiation, with the caller.
template <typename T> class TemplateWorker {
public:
  TemplateWorker() : t_(work) {}
  ~TemplateWorker() {
    if (t_.joinable())
      t_.join();
  }
  void restart() { t_ = std::thread(work); }
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: member thread 't_' may still be joinable when it is move-assigned here; the assignment will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-7]]:22: note: 't_' is started here, in the constructor of 'TemplateWorker', and may still be running afterwards
  // CHECK-MESSAGES: :[[@LINE+4]]:15: note: member 't_' declared here
  // CHECK-MESSAGES: :[[@LINE+7]]:23: note: in instantiation of 'TemplateWorker<int>' requested here

private:
  std::thread t_;
};

void useTemplateWorker() {
  TemplateWorker<int> w;
  w.restart();
}

// Through a macro.
#define RESTART_THREAD(owner) owner = std::thread(work)
class MacroRestart {
public:
  MacroRestart() : t_(work) {}
  ~MacroRestart() {
    if (t_.joinable())
      t_.join();
  }
  void restart() { RESTART_THREAD(t_); }
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: member thread 't_' may still be joinable when it is move-assigned here; the assignment will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-7]]:20: note: 't_' is started here, in the constructor of 'MacroRestart', and may still be running afterwards
  // CHECK-MESSAGES: :[[@LINE+3]]:15: note: member 't_' declared here

private:
  std::thread t_;
};

// --- clean -----------------------------------------------------------------

// restart() joins first.
class JoinsFirst {
public:
  JoinsFirst() : t_(work) {}
  ~JoinsFirst() {
    if (t_.joinable())
      t_.join();
  }
  void restart() {
    if (t_.joinable())
      t_.join();
    t_ = std::thread(work);
  }

private:
  std::thread t_;
};

// restart() calls a stop() that joins on every path.
class StopsFirst {
public:
  StopsFirst() : t_(work) {}
  ~StopsFirst() { stop(); }
  void stop() {
    if (t_.joinable())
      t_.join();
  }
  void restart() {
    stop();
    t_ = std::thread(work);
  }

private:
  std::thread t_;
};

// The usual service: start() and stop(), nothing calls start() twice. A
// user could; that is no evidence.
class Service {
public:
  ~Service() { stop(); }
  void start() { t_ = std::thread(work); }
  void stop() {
    if (t_.joinable())
      t_.join();
  }

private:
  std::thread t_;
};

// A flag set on start guards it.
class FlagGuard {
public:
  ~FlagGuard() {
    if (t_.joinable())
      t_.join();
  }
  void start() {
    if (running_)
      return;
    running_ = true;
    t_ = std::thread(work);
  }
  void restartTwice() {
    start();
    start();
  }

private:
  bool running_ = false;
  std::thread t_;
};

// joinable() guards it.
class JoinableGuard {
public:
  JoinableGuard() : t_(work) {}
  ~JoinableGuard() {
    if (t_.joinable())
      t_.join();
  }
  void start() {
    if (t_.joinable())
      return;
    t_ = std::thread(work);
  }
  void startTwice() {
    start();
    start();
  }

private:
  std::thread t_;
};

// A loop that joins before the next start.
class JoinsInLoop {
public:
  void run(int n) {
    for (int i = 0; i < n; ++i) {
      t_ = std::thread(work);
      t_.join();
    }
  }

private:
  std::thread t_;
};

// A stop() between the two calls.
class StopBetween {
public:
  ~StopBetween() { stop(); }
  void start() { t_ = std::thread(work); }
  void stop() {
    if (t_.joinable())
      t_.join();
  }
  void restart() {
    start();
    stop();
    start();
  }

private:
  std::thread t_;
};

// The constructor calls the public start(): started once per object.
class ConstructorCallsStart {
public:
  ConstructorCallsStart() { start(); }
  ~ConstructorCallsStart() {
    if (t_.joinable())
      t_.join();
  }
  void start() { t_ = std::thread(work); }

private:
  std::thread t_;
};

// A unique_ptr's null test guards the join before the new thread.
class UniqueNullTest {
public:
  UniqueNullTest() : p_(std::make_unique<std::thread>(work)) {}
  ~UniqueNullTest() {
    if (p_)
      p_->join();
  }
  void restart() {
    if (p_)
      p_->join();
    p_ = std::make_unique<std::thread>(work);
  }

private:
  std::unique_ptr<std::thread> p_;
};

// A public member: its users may join it between construction and restart.
struct PublicMember {
  PublicMember() : t(work) {}
  ~PublicMember() {
    if (t.joinable())
      t.join();
  }
  void restart() { t = std::thread(work); }
  std::thread t;
};

// Two starts on different branches.
class EitherBranch {
public:
  ~EitherBranch() {
    if (t_.joinable())
      t_.join();
  }
  void start(bool fast) {
    if (fast)
      t_ = std::thread(work);
    else
      t_ = std::thread(work);
  }

private:
  std::thread t_;
};

// A class template never instantiated.
template <typename T> class UnusedTemplate {
public:
  UnusedTemplate() : t_(work) {}
  ~UnusedTemplate() {
    if (t_.joinable())
      t_.join();
  }
  void restart() { t_ = std::thread(work); }

private:
  std::thread t_;
};

// restart() calls a shutdown() that joins through stop().
class StopsThroughHelper {
public:
  StopsThroughHelper() : t_(work) {}
  ~StopsThroughHelper() { shutdown(); }
  void restart() {
    shutdown();
    t_ = std::thread(work);
  }

private:
  void shutdown() { stop(); }
  void stop() {
    if (t_.joinable())
      t_.join();
  }
  std::thread t_;
};

// restart() calls a member function defined elsewhere, which may join.
class StopsOutOfSight {
public:
  StopsOutOfSight() : t_(work) {}
  ~StopsOutOfSight() {
    if (t_.joinable())
      t_.join();
  }
  void stop();
  void restart() {
    stop();
    t_ = std::thread(work);
  }

private:
  std::thread t_;
};

// A member function that reads the thread guards the start.
class RunningQuery {
public:
  RunningQuery() : t_(work) {}
  ~RunningQuery() {
    if (t_.joinable())
      t_.join();
  }
  void start() {
    if (running())
      return;
    t_ = std::thread(work);
  }

private:
  bool running() const { return t_.joinable(); }
  std::thread t_;
};

// --- (a) once more: the in-class initializer starts it ---------------------

// The implicit constructor runs the member's own initializer.
class InClassStart {
public:
  ~InClassStart() {
    if (t_.joinable())
      t_.join();
  }
  void restart() { t_ = std::thread(work); }
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: member thread 't_' may still be joinable when it is move-assigned here; the assignment will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE+4]]:17: note: 't_' is started here, in the constructor of 'InClassStart', and may still be running afterwards
  // CHECK-MESSAGES: :[[@LINE+3]]:15: note: member 't_' declared here

private:
  std::thread t_{work};
};
