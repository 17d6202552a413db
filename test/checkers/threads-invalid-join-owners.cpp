// RUN: %check_threads %s threads-invalid-join %t -- -std=c++17
// Self-joins through every kind of owning member: a unique_ptr to a thread
// and a container of threads, as thread pools and pollers hold them.

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

bool failed();

// --- flagged --------------------------------------------------------------

// A pool whose worker stops the pool: stop() joins every worker, the one
// running it included.
class Pool {
public:
  explicit Pool(int n) {
    for (int i = 0; i < n; ++i)
      workers_.emplace_back(&Pool::work, this);
  }
  void stop() {
    running_ = false;
    for (auto &w : workers_)
      w.join();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: a thread in 'workers_' may join itself: 'Pool::stop' is reached from the function the thread runs; join() from its own thread throws std::system_error (resource_deadlock_would_occur) [threads-invalid-join]
    // CHECK-MESSAGES: :[[@LINE-7]]:7: note: a thread in 'workers_' is started here running the thread entry function 'Pool::work'
    // CHECK-MESSAGES: :[[@LINE+8]]:9: note: 'Pool::work' calls 'Pool::stop' here
  }
  ~Pool() { stop(); }

private:
  void work() {
    while (running_)
      if (failed())
        stop();
  }
  std::atomic<bool> running_{true};
  std::vector<std::thread> workers_;
};

// A poller that owns its thread through a unique_ptr and stops itself from
// its own loop.
class Poller {
public:
  void start() { thread_ = std::make_unique<std::thread>([this] { poll(); }); }
  void shutdown() {
    if (thread_)
      thread_->join();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread owned by 'thread_' may join itself: 'Poller::shutdown' is reached from the function the thread runs; join() from its own thread throws std::system_error (resource_deadlock_would_occur) [threads-invalid-join]
    // CHECK-MESSAGES: :[[@LINE-5]]:18: note: the thread owned by 'thread_' is started here running the thread's entry lambda
    // CHECK-MESSAGES: :[[@LINE-6]]:67: note: the thread's entry lambda calls 'Poller::poll' here
    // CHECK-MESSAGES: :[[@LINE+6]]:7: note: 'Poller::poll' calls 'Poller::shutdown' here
  }

private:
  void poll() {
    if (failed())
      shutdown();
  }
  std::unique_ptr<std::thread> thread_;
};

// reset(new std::thread(...)) starts it the same way.
class Resetter {
public:
  void start() { thread_.reset(new std::thread(&Resetter::run, this)); }
  void stop() { thread_->join(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread owned by 'thread_' may join itself: 'Resetter::stop' is reached from the function the thread runs; join() from its own thread throws std::system_error (resource_deadlock_would_occur) [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-3]]:18: note: the thread owned by 'thread_' is started here running the thread entry function 'Resetter::run'
  // CHECK-MESSAGES: :[[@LINE+5]]:7: note: 'Resetter::run' calls 'Resetter::stop' here

private:
  void run() {
    if (failed())
      stop();
  }
  std::unique_ptr<std::thread> thread_;
};

// --- must NOT warn ----------------------------------------------------------

// The worker skips its own thread: the usual id comparison.
class CarefulPool {
public:
  void start() {
    for (int i = 0; i < 4; ++i)
      workers_.emplace_back([this] { work(); });
  }
  void stop() {
    for (auto &w : workers_)
      if (w.get_id() != std::this_thread::get_id() && w.joinable())
        w.join();
  }

private:
  void work() {
    if (failed())
      stop();
  }
  std::vector<std::thread> workers_;
};

// The workers never reach the joining function.
class QuietPool {
public:
  void start() {
    for (int i = 0; i < 4; ++i)
      workers_.push_back(std::thread(&QuietPool::work, this));
  }
  void stop() {
    running_ = false;
    for (auto &w : workers_)
      w.join();
  }

private:
  void work() {
    while (running_)
      failed();
  }
  std::atomic<bool> running_{true};
  std::vector<std::thread> workers_;
};

// Detaching itself from a unique_ptr-owned thread is legal.
class SelfDetacher {
public:
  void start() {
    thread_ = std::make_unique<std::thread>(&SelfDetacher::run, this);
  }

private:
  void run() { thread_->detach(); }
  std::unique_ptr<std::thread> thread_;
};
