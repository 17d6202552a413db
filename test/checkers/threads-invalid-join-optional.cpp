// RUN: %check_threads %s threads-invalid-join %t -- -std=c++17
// A thread held in a std::optional: a self-join through it, as through a
// unique_ptr. A join of an empty optional is not judged (as a join through
// a null unique_ptr is not).

#include <optional>
#include <thread>

void work();
bool failed();

// --- flagged --------------------------------------------------------------

// A poller that holds its thread in an optional and stops itself from its
// own loop.
class Poller {
public:
  void start() { thread_.emplace([this] { poll(); }); }
  void shutdown() {
    if (thread_)
      thread_->join();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread owned by 'thread_' may join itself: 'Poller::shutdown' is reached from the function the thread runs; join() from its own thread throws std::system_error (resource_deadlock_would_occur) [threads-invalid-join]
    // CHECK-MESSAGES: :[[@LINE-5]]:18: note: the thread owned by 'thread_' is started here running the thread's entry lambda
    // CHECK-MESSAGES: :[[@LINE-6]]:43: note: the thread's entry lambda calls 'Poller::poll' here
    // CHECK-MESSAGES: :[[@LINE+6]]:7: note: 'Poller::poll' calls 'Poller::shutdown' here
  }

private:
  void poll() {
    if (failed())
      shutdown();
  }
  std::optional<std::thread> thread_;
};

// Assigned a thread that runs a member function.
class Assigned {
public:
  void start() { thread_ = std::thread(&Assigned::run, this); }
  void stop() { thread_.value().join(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread owned by 'thread_' may join itself: 'Assigned::stop' is reached from the function the thread runs; join() from its own thread throws std::system_error (resource_deadlock_would_occur) [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-3]]:18: note: the thread owned by 'thread_' is started here running the thread entry function 'Assigned::run'
  // CHECK-MESSAGES: :[[@LINE+5]]:7: note: 'Assigned::run' calls 'Assigned::stop' here

private:
  void run() {
    if (failed())
      stop();
  }
  std::optional<std::thread> thread_;
};

// --- must NOT warn ----------------------------------------------------------

// Detaching itself is legal.
class SelfDetacher {
public:
  void start() { thread_.emplace(&SelfDetacher::run, this); }

private:
  void run() { thread_->detach(); }
  std::optional<std::thread> thread_;
};

// The thread never reaches the joining function.
class Quiet {
public:
  void start() { thread_.emplace(&Quiet::run, this); }
  void stop() {
    if (thread_ && thread_->joinable())
      thread_->join();
  }

private:
  void run() { failed(); }
  std::optional<std::thread> thread_;
};

// Not judged: joins of an empty optional (std::bad_optional_access from
// value(), undefined behaviour through `->`), like joins of a null
// unique_ptr; and a second join of a local optional.
void empty_optional() {
  std::optional<std::thread> o;
  o->join();
}

void joined_twice() {
  std::optional<std::thread> o;
  o.emplace(work);
  o->join();
  o->join();
}
