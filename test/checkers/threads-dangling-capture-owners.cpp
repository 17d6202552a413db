// RUN: %check_threads %s threads-dangling-capture %t -- -std=c++17
// A destructor that detaches a member thread which uses the object, for
// every kind of owner: arrays of threads started by assignment.

#include <array>
#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>
#include <thread>

void wait_a_bit();

// --- flagged --------------------------------------------------------------

// A C array of threads started through the loop variable.
class ArrayWorkers {
public:
  void start() {
    for (auto &t : threads_)
      t = std::thread(&ArrayWorkers::loop, this);
  }
  ~ArrayWorkers() {
    stop_ = true;
    for (auto &t : threads_)
      t.detach();
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: a thread in 'threads_' is detached when a 'ArrayWorkers' is destroyed, but it runs the thread entry function 'ArrayWorkers::loop', which uses the object; the thread may go on using the destroyed 'ArrayWorkers' [threads-dangling-capture]
      // CHECK-MESSAGES: :[[@LINE-7]]:7: note: the thread is started here
      // CHECK-MESSAGES: :[[@LINE+5]]:13: note: the thread uses the object here
  }

private:
  void loop() {
    while (!stop_)
      wait_a_bit();
  }
  std::atomic<bool> stop_{false};
  std::thread threads_[2];
};

// A std::array started by index, detached through shutdown(), guarded by
// joinable() (the guard does not change what detach does).
class StdArrayWorkers {
public:
  void start() {
    for (std::size_t i = 0; i < threads_.size(); ++i)
      threads_[i] = std::thread([this] { loop(); });
  }
  ~StdArrayWorkers() { shutdown(); }

private:
  void shutdown() {
    stop_ = true;
    for (auto &t : threads_)
      if (t.joinable())
        t.detach();
        // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: a thread in 'threads_' is detached when a 'StdArrayWorkers' is destroyed, but it runs the thread's entry lambda, which uses the object; the thread may go on using the destroyed 'StdArrayWorkers' [threads-dangling-capture]
        // CHECK-MESSAGES: :[[@LINE-11]]:7: note: the thread is started here
        // CHECK-MESSAGES: :[[@LINE-12]]:42: note: the thread uses the object here
        // CHECK-MESSAGES: :[[@LINE-11]]:24: note: 'StdArrayWorkers::~StdArrayWorkers' calls 'StdArrayWorkers::shutdown' here
  }
  void loop() {
    while (!stop_)
      wait_a_bit();
  }
  std::atomic<bool> stop_{false};
  std::array<std::thread, 2> threads_;
};

// --- must NOT warn ----------------------------------------------------------

// The destructor joins the array.
class JoinedArray {
public:
  void start() {
    for (auto &t : threads_)
      t = std::thread(&JoinedArray::loop, this);
  }
  ~JoinedArray() {
    stop_ = true;
    for (auto &t : threads_)
      if (t.joinable())
        t.join();
  }

private:
  void loop() {
    while (!stop_)
      wait_a_bit();
  }
  std::atomic<bool> stop_{false};
  std::thread threads_[2];
};

// The detached threads do not use the object.
class IndependentArray {
public:
  void start() {
    for (auto &t : threads_)
      t = std::thread(wait_a_bit);
  }
  ~IndependentArray() {
    for (auto &t : threads_)
      t.detach();
  }

private:
  std::array<std::thread, 2> threads_;
};
