// RUN: %check_threads --check-suffixes=UNJOINED %s threads-unjoined-thread %t -- -std=c++17
// RUN: %check_threads --check-suffixes=EXIT %s threads-joinable-at-exit %t -- -std=c++17
// RUN: %check_threads --check-suffixes=INVALID %s threads-invalid-join %t -- -std=c++17

// One access rule for every member check: a private member of a class
// without friends is reached only by the class's own code. The checks that
// need "nothing else joins it" (threads-unjoined-thread: never joined;
// threads-joinable-at-exit: joined only by 'stop') report only such
// members; for a public or protected member, or one of a class with
// friends, code outside the class may join it. A finding the class's own
// code proves alone (threads-invalid-join's self-join) holds for any access.
// Each check runs alone, so every line below belongs to one.

#include <thread>

void work();

// --- private members: reported ---------------------------------------------

class PrivateNeverJoined {
public:
  void start() { worker_ = std::thread(work); }

private:
  std::thread worker_;
  // CHECK-MESSAGES-UNJOINED: :[[@LINE-1]]:15: warning: member thread 'worker_' is started but no member function of 'PrivateNeverJoined' joins or detaches it; destroying a 'PrivateNeverJoined' will call std::terminate [threads-unjoined-thread]
  // CHECK-MESSAGES-UNJOINED: :[[@LINE-5]]:18: note: thread started here
};

class PrivateJoinedByStop {
public:
  void start() { worker_ = std::thread(work); }
  void stop() { worker_.join(); }

private:
  std::thread worker_;
  // CHECK-MESSAGES-EXIT: :[[@LINE-1]]:15: warning: member thread 'worker_' is joined only by 'stop'; a 'PrivateJoinedByStop' destroyed without calling it (including during exception unwinding) will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES-EXIT: :[[@LINE-5]]:17: note: joined here
  // CHECK-MESSAGES-EXIT: :[[@LINE-9]]:7: note: the implicit destructor of 'PrivateJoinedByStop' does not join it
};

class PrivateSelfJoin {
public:
  PrivateSelfJoin() : worker_([this] { finish(); }) {}
  void finish() { worker_.join(); }
  // CHECK-MESSAGES-INVALID: :[[@LINE-1]]:19: warning: thread 'worker_' may join itself: 'PrivateSelfJoin::finish' is reached from the function the thread runs; join() from its own thread throws std::system_error (resource_deadlock_would_occur) [threads-invalid-join]
  // CHECK-MESSAGES-INVALID: :[[@LINE-3]]:23: note: 'worker_' is started here running the thread's entry lambda
  // CHECK-MESSAGES-INVALID: :[[@LINE-4]]:40: note: the thread's entry lambda calls 'PrivateSelfJoin::finish' here
  ~PrivateSelfJoin() {
    if (worker_.joinable())
      worker_.join();
  }

private:
  std::thread worker_;
};

// --- public and protected members, friends: silent --------------------------

// Public, never joined by the class: its users may join it.
struct PublicNeverJoined {
  void start() { worker = std::thread(work); }
  std::thread worker;
};

// Public, joined only by finish(): its users may join it directly.
struct PublicJoinedByFinish {
  void start() { worker = std::thread(work); }
  void finish() { worker.join(); }
  std::thread worker;
};

// Protected: a derived class may join it.
class ProtectedJoinedByStop {
public:
  void start() { th_ = std::thread(work); }
  void stop() { th_.join(); }

protected:
  std::thread th_;
};

class ProtectedNeverJoined {
public:
  void start() { th_ = std::thread(work); }

protected:
  std::thread th_;
};

// A class with friends: the friend may join it.
class Befriended {
  friend class Supervisor;

public:
  void start() { th_ = std::thread(work); }
  void stop() { th_.join(); }

private:
  std::thread th_;
};

// Structs with public thread members, started and joined by their owner.
struct Slot {
  std::thread thread;
  bool busy = false;
};
struct Lane {
  void start() { thread = std::thread(work); }
  std::thread thread;
};
struct Pump {
  void start() { thread = std::thread(work); }
  void stop() { thread.join(); }
  std::thread thread;
};

class Station {
public:
  void open() {
    slot_.thread = std::thread(work);
    lane_.start();
    pump_.start();
  }
  ~Station() {
    if (slot_.thread.joinable())
      slot_.thread.join();
    if (lane_.thread.joinable())
      lane_.thread.join();
    pump_.stop();
  }

private:
  Slot slot_;
  Lane lane_;
  Pump pump_;
};

// --- a self-join is the class's own finding, whatever the access ----------

struct PublicSelfJoin {
  PublicSelfJoin() : thread([this] { reap(); }) {}
  void reap() { thread.join(); }
  // CHECK-MESSAGES-INVALID: :[[@LINE-1]]:17: warning: thread 'thread' may join itself: 'PublicSelfJoin::reap' is reached from the function the thread runs; join() from its own thread throws std::system_error (resource_deadlock_would_occur) [threads-invalid-join]
  // CHECK-MESSAGES-INVALID: :[[@LINE-3]]:22: note: 'thread' is started here running the thread's entry lambda
  // CHECK-MESSAGES-INVALID: :[[@LINE-4]]:38: note: the thread's entry lambda calls 'PublicSelfJoin::reap' here
  std::thread thread;
};
