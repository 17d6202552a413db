// RUN: %check_threads %s threads-dangling-capture %t -- -std=c++17
// A destructor that detaches a member thread which uses the object, for
// every kind of owner: arrays of threads started by assignment, optionals,
// unique_ptrs and shared_ptrs nothing copies.

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

// A std::optional<std::thread> member, emplaced by start().
class OptionalWorker {
public:
  void start() { thread_.emplace(&OptionalWorker::loop, this); }
  ~OptionalWorker() {
    stop_ = true;
    if (thread_)
      thread_->detach();
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread owned by 'thread_' is detached when a 'OptionalWorker' is destroyed, but it runs the thread entry function 'OptionalWorker::loop', which uses the object; the thread may go on using the destroyed 'OptionalWorker' [threads-dangling-capture]
      // CHECK-MESSAGES: :[[@LINE-6]]:18: note: the thread is started here
      // CHECK-MESSAGES: :[[@LINE+5]]:13: note: the thread uses the object here
  }

private:
  void loop() {
    while (!stop_)
      wait_a_bit();
  }
  std::atomic<bool> stop_{false};
  std::optional<std::thread> thread_;
};

// A std::shared_ptr<std::thread> member nothing copies, detached through
// shutdown().
class SharedWorker {
public:
  SharedWorker()
      : thread_(std::make_shared<std::thread>([this] { loop(); })) {}
  ~SharedWorker() { shutdown(); }

private:
  void shutdown() {
    stop_ = true;
    thread_->detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: thread owned by 'thread_' is detached when a 'SharedWorker' is destroyed, but it runs the thread's entry lambda, which uses the object; the thread may go on using the destroyed 'SharedWorker' [threads-dangling-capture]
    // CHECK-MESSAGES: :[[@LINE-8]]:17: note: the thread is started here
    // CHECK-MESSAGES: :[[@LINE-9]]:56: note: the thread uses the object here
    // CHECK-MESSAGES: :[[@LINE-9]]:21: note: 'SharedWorker::~SharedWorker' calls 'SharedWorker::shutdown' here
  }
  void loop() {
    while (!stop_)
      wait_a_bit();
  }
  std::atomic<bool> stop_{false};
  std::shared_ptr<std::thread> thread_;
};

// A std::unique_ptr<std::thread> member started by reset(new ...).
class UniqueWorker {
public:
  void start() { thread_.reset(new std::thread(&UniqueWorker::loop, this)); }
  ~UniqueWorker() {
    if (thread_)
      thread_->detach();
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread owned by 'thread_' is detached when a 'UniqueWorker' is destroyed, but it runs the thread entry function 'UniqueWorker::loop', which uses the object; the thread may go on using the destroyed 'UniqueWorker' [threads-dangling-capture]
      // CHECK-MESSAGES: :[[@LINE-5]]:18: note: the thread is started here
      // CHECK-MESSAGES: :[[@LINE+5]]:13: note: the thread uses the object here
  }

private:
  void loop() {
    while (!stop_)
      wait_a_bit();
  }
  std::atomic<bool> stop_{false};
  std::unique_ptr<std::thread> thread_;
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

// A copied shared_ptr: the thread has other owners, which may have joined
// it before the destructor detaches.
class CopiedShared {
public:
  CopiedShared()
      : thread_(std::make_shared<std::thread>([this] { loop(); })) {}
  std::shared_ptr<std::thread> handle() { return thread_; }
  ~CopiedShared() { thread_->detach(); }

private:
  void loop() {
    while (!stop_)
      wait_a_bit();
  }
  std::atomic<bool> stop_{false};
  std::shared_ptr<std::thread> thread_;
};

// An optional joined by the destructor; one whose thread keeps the object
// alive through shared_from_this().
class JoinedOptional {
public:
  void start() { thread_.emplace(&JoinedOptional::loop, this); }
  ~JoinedOptional() {
    stop_ = true;
    if (thread_ && thread_->joinable())
      thread_->join();
  }

private:
  void loop() {
    while (!stop_)
      wait_a_bit();
  }
  std::atomic<bool> stop_{false};
  std::optional<std::thread> thread_;
};

class SharedSession : public std::enable_shared_from_this<SharedSession> {
public:
  void start() {
    thread_ = std::make_unique<std::thread>(
        [self = shared_from_this()] { self->loop(); });
  }
  ~SharedSession() {
    if (thread_)
      thread_->detach();
  }

private:
  void loop() { wait_a_bit(); }
  std::unique_ptr<std::thread> thread_;
};
