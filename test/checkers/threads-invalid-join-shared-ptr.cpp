// RUN: %check_threads %s threads-invalid-join %t -- -std=c++17
// A self-join through a std::shared_ptr member, as through a unique_ptr.

#include <memory>
#include <thread>

bool failed();

// --- flagged --------------------------------------------------------------

class Poller {
public:
  void start() { thread_ = std::make_shared<std::thread>(&Poller::run, this); }
  void stop() {
    if (thread_)
      thread_->join();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread owned by 'thread_' may join itself: 'Poller::stop' is reached from the function the thread runs; join() from its own thread throws std::system_error (resource_deadlock_would_occur) [threads-invalid-join]
    // CHECK-MESSAGES: :[[@LINE-5]]:18: note: the thread owned by 'thread_' is started here running the thread entry function 'Poller::run'
    // CHECK-MESSAGES: :[[@LINE+6]]:7: note: 'Poller::run' calls 'Poller::stop' here
  }

private:
  void run() {
    if (failed())
      stop();
  }
  std::shared_ptr<std::thread> thread_;
};

// --- must NOT warn ----------------------------------------------------------

// Detaching itself is legal.
class SelfDetacher {
public:
  void start() { thread_.reset(new std::thread(&SelfDetacher::run, this)); }

private:
  void run() { thread_->detach(); }
  std::shared_ptr<std::thread> thread_;
};
