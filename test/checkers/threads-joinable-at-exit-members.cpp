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
