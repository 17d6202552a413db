// RUN: %check_threads %s threads-invalid-join %t -- -std=c++17
// Self-joins through array members whose elements are started by
// assignment: a std::array of threads and a C array of threads.

#include <array>
#include <atomic>
#include <cstddef>
#include <thread>

bool failed();
void wait_a_bit();

// --- flagged --------------------------------------------------------------

// A fixed-size pool whose worker stops the pool.
class FixedPool {
public:
  void start() {
    for (std::size_t i = 0; i < workers_.size(); ++i)
      workers_[i] = std::thread(&FixedPool::work, this);
  }
  void stop() {
    running_ = false;
    for (auto &w : workers_)
      w.join();
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: a thread in 'workers_' may join itself: 'FixedPool::stop' is reached from the function the thread runs; join() from its own thread throws std::system_error (resource_deadlock_would_occur) [threads-invalid-join]
      // CHECK-MESSAGES: :[[@LINE-7]]:7: note: a thread in 'workers_' is started here running the thread entry function 'FixedPool::work'
      // CHECK-MESSAGES: :[[@LINE+7]]:9: note: 'FixedPool::work' calls 'FixedPool::stop' here
  }

private:
  void work() {
    while (running_)
      if (failed())
        stop();
  }
  std::atomic<bool> running_{true};
  std::array<std::thread, 4> workers_;
};

// A C array of pollers, started by a lambda capturing `this`.
class Pollers {
public:
  void start() {
    for (int i = 0; i < 2; ++i)
      threads_[i] = std::thread([this] { poll(); });
  }
  void shutdown() {
    for (int i = 0; i < 2; ++i)
      threads_[i].join();
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: a thread in 'threads_' may join itself: 'Pollers::shutdown' is reached from the function the thread runs; join() from its own thread throws std::system_error (resource_deadlock_would_occur) [threads-invalid-join]
      // CHECK-MESSAGES: :[[@LINE-6]]:7: note: a thread in 'threads_' is started here running the thread's entry lambda
      // CHECK-MESSAGES: :[[@LINE-7]]:42: note: the thread's entry lambda calls 'Pollers::poll' here
      // CHECK-MESSAGES: :[[@LINE+6]]:7: note: 'Pollers::poll' calls 'Pollers::shutdown' here
  }

private:
  void poll() {
    if (failed())
      shutdown();
  }
  std::thread threads_[2];
};

// Started through the loop variable of a range-for.
class RangeStarted {
public:
  void start() {
    for (auto &t : threads_)
      t = std::thread(&RangeStarted::run, this);
  }
  void stop() {
    for (auto &t : threads_)
      t.join();
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: a thread in 'threads_' may join itself: 'RangeStarted::stop' is reached from the function the thread runs; join() from its own thread throws std::system_error (resource_deadlock_would_occur) [threads-invalid-join]
      // CHECK-MESSAGES: :[[@LINE-6]]:7: note: a thread in 'threads_' is started here running the thread entry function 'RangeStarted::run'
      // CHECK-MESSAGES: :[[@LINE+6]]:7: note: 'RangeStarted::run' calls 'RangeStarted::stop' here
  }

private:
  void run() {
    if (failed())
      stop();
  }
  std::thread threads_[3];
};

// --- must NOT warn ----------------------------------------------------------

// The worker skips its own thread.
class CarefulFixedPool {
public:
  void start() {
    for (auto &w : workers_)
      w = std::thread(&CarefulFixedPool::work, this);
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
  std::array<std::thread, 4> workers_;
};

// The workers never reach the joining function.
class QuietArray {
public:
  void start() {
    for (int i = 0; i < 2; ++i)
      threads_[i] = std::thread(&QuietArray::work, this);
  }
  void stop() {
    for (auto &t : threads_)
      t.join();
  }

private:
  void work() { wait_a_bit(); }
  std::thread threads_[2];
};

// A worker detaching itself from the array is legal.
class SelfDetachingArray {
public:
  void start() { threads_[0] = std::thread(&SelfDetachingArray::run, this); }

private:
  void run() { threads_[0].detach(); }
  std::array<std::thread, 1> threads_;
};
