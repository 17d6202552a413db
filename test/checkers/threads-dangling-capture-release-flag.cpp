// A detached thread that ends by releasing an atomic flag or counter, while
// the function that detached it waits for that release before its locals
// go away, does not outlive them: not reported. Any gap in that handshake
// (the release not last, the wait not on every path, another variable)
// keeps the finding.
// RUN: %check_threads %s threads-dangling-capture %t -- -std=c++17

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

bool step();
void work(int);
void log_done();

template <typename T> void spin_wait_until_eq(const std::atomic<T> &v, T x) {
  while (v.load() != x)
    std::this_thread::yield();
}

// ---------------------------------------------------------------------------
// Clean: the thread's last action is the release, the function waits.
// ---------------------------------------------------------------------------

int flag_stored_last() {
  std::atomic<bool> released{false};
  bool ok = true;
  std::thread t([&] {
    ok &= step();
    released = true;
  });
  t.detach();
  while (!released)
    std::this_thread::yield();
  return ok ? 0 : 1;
}

// A guard whose destructor stores the flag: destroyed last, on every path.
struct release_guard {
  explicit release_guard(std::atomic<bool> &flag) : flag_(flag) {}
  ~release_guard() { flag_.store(true); }
  std::atomic<bool> &flag_;
};

int guard_releases_last() {
  std::atomic<bool> done{false};
  bool ok = true;
  std::thread worker([&] {
    release_guard guard(done);
    if (!step())
      return;
    ok &= step();
  });
  worker.detach();
  while (!done.load()) {
    std::this_thread::yield();
  }
  return ok ? 0 : 1;
}

// A functor holding references to locals; the counter goes down last.
class Waiter {
public:
  Waiter(int &total, std::atomic<int> &pending)
      : total_(total), pending_(pending) {}
  void operator()(int i) const {
    work(i + total_);
    --pending_;
  }

private:
  int &total_;
  std::atomic<int> &pending_;
};

void counter_decremented_last(int n) {
  int total = 0;
  std::atomic<int> pending(0);
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < n; ++i) {
      ++pending;
      std::thread(Waiter(total, pending), i).detach();
    }
    while (pending != 0)
      std::this_thread::yield();
  }
}

// The release through a member function the functor calls last.
struct Job {
  std::atomic<int> &left;
  int &sum;
  void finish() { left.fetch_sub(1); }
  void operator()() {
    sum += 1;
    finish();
  }
};

void release_in_member_function() {
  std::atomic<int> left{1};
  int sum = 0;
  std::thread{Job{left, sum}}.detach();
  spin_wait_until_eq(left, 0);
}

// Both branches end with the release.
void release_on_both_branches() {
  std::atomic<bool> finished{false};
  int value = 0;
  std::thread([&value, &finished] {
    if (step()) {
      value = 1;
      finished = true;
    } else {
      finished.store(true);
    }
  }).detach();
  do {
    std::this_thread::yield();
  } while (!finished);
}

// A global flag, waited for with a condition variable's predicate.
std::atomic<bool> global_done{false};
std::mutex m;
std::condition_variable cv;

void global_flag_predicate_wait() {
  int result = 0;
  std::thread([&result] {
    result = 42;
    global_done = true;
  }).detach();
  std::unique_lock<std::mutex> lock(m);
  cv.wait(lock, [] { return global_done.load(); });
}

// ---------------------------------------------------------------------------
// Flagged: a gap in the handshake.
// ---------------------------------------------------------------------------

// The release is not the thread's last action.
void release_not_last() {
  std::atomic<bool> released{false};
  int value = 0;
  std::thread t([&value, &released] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread may outlive local variable 'value', which it refers to (and 1 more) [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:19: note: 'value' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-3]]:27: note: 'released' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE+5]]:3: note: the thread is detached here
    value = 1;
    released = true;
    log_done();
  });
  t.detach();
  while (!released)
    std::this_thread::yield();
}

// A local is used after the release.
void local_used_after_release() {
  std::atomic<int> pending{1};
  int total = 0;
  std::thread([&pending, &total] {
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread may outlive local variable 'pending', which it refers to (and 1 more) [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: 'pending' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-3]]:27: note: 'total' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the thread is detached here
    --pending;
    total += 1;
  }).detach();
  while (pending)
    std::this_thread::yield();
}

// A lock guard's destructor unlocks the captured mutex after the release.
void lock_released_after_flag() {
  std::mutex mu;
  std::atomic<bool> released{false};
  std::thread([&mu, &released] {
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread may outlive local variable 'mu', which it refers to (and 1 more) [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: 'mu' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-3]]:22: note: 'released' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the thread is detached here
    std::lock_guard<std::mutex> lock(mu);
    released = true;
  }).detach();
  while (!released)
    std::this_thread::yield();
}

// The release is inside a loop of the thread.
void release_in_loop() {
  std::atomic<int> count{0};
  int data = 0;
  std::thread([&count, &data] {
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread may outlive local variable 'count', which it refers to (and 1 more) [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: 'count' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-3]]:25: note: 'data' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the thread is detached here
    for (int i = 0; i < 4; ++i) {
      data += i;
      ++count;
    }
  }).detach();
  while (count != 4)
    std::this_thread::yield();
}

// The thread may return before the release.
void thread_returns_early() {
  std::atomic<bool> released{false};
  int value = 0;
  std::thread([&value, &released] {
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread may outlive local variable 'value', which it refers to (and 1 more) [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: 'value' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-3]]:25: note: 'released' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the thread is detached here
    if (!step())
      return;
    value = 1;
    released = true;
  }).detach();
  while (!released)
    std::this_thread::yield();
}

// The function waits on one branch only.
void wait_on_one_branch(bool patient) {
  std::atomic<bool> released{false};
  int value = 0;
  std::thread([&value, &released] {
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread may outlive local variable 'value', which it refers to (and 1 more) [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: 'value' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-3]]:25: note: 'released' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the thread is detached here
    value = 1;
    released = true;
  }).detach();
  if (patient)
    while (!released)
      std::this_thread::yield();
}

// The function may return before the wait.
int returns_before_wait() {
  std::atomic<bool> released{false};
  int value = 0;
  std::thread([&value, &released] {
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread may outlive local variable 'value', which it refers to (and 1 more) [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: 'value' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-3]]:25: note: 'released' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the thread is detached here
    value = 1;
    released = true;
  }).detach();
  if (!step())
    return -1;
  while (!released)
    std::this_thread::yield();
  return value;
}

// The function waits on another variable than the one released.
void waits_on_other_variable() {
  std::atomic<bool> released{false};
  std::atomic<bool> started{false};
  int value = 0;
  std::thread([&value, &released] {
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread may outlive local variable 'value', which it refers to (and 1 more) [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: 'value' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-3]]:25: note: 'released' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the thread is detached here
    value = 1;
    released = true;
  }).detach();
  while (!started)
    std::this_thread::yield();
}

// The wait comes before the detach only.
void waits_before_detach() {
  std::atomic<int> pending{0};
  int value = 0;
  while (pending != 0)
    std::this_thread::yield();
  std::thread([&value, &pending] {
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread may outlive local variable 'value', which it refers to (and 1 more) [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: 'value' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-3]]:25: note: 'pending' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the thread is detached here
    value = 1;
    --pending;
  }).detach();
}

// The wait is outside the scope of a local the thread uses.
void wait_after_scope_ends() {
  std::atomic<bool> released{false};
  {
    int value = 0;
    std::thread([&value, &released] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread may outlive local variable 'value', which it refers to (and 1 more) [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:19: note: 'value' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-3]]:27: note: 'released' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-4]]:5: note: the thread is detached here
      value = 1;
      released = true;
    }).detach();
  }
  while (!released)
    std::this_thread::yield();
}

// The release is not atomic.
void plain_flag() {
  volatile bool released = false;
  int value = 0;
  std::thread([&value, &released] {
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread may outlive local variable 'value', which it refers to (and 1 more) [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: 'value' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-3]]:25: note: 'released' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the thread is detached here
    value = 1;
    released = true;
  }).detach();
  while (!released)
    std::this_thread::yield();
}

// A timed wait may return before the release.
void timed_wait() {
  std::atomic<bool> released{false};
  int value = 0;
  std::thread([&value, &released] {
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread may outlive local variable 'value', which it refers to (and 1 more) [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: 'value' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-3]]:25: note: 'released' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the thread is detached here
    value = 1;
    released = true;
  }).detach();
  std::unique_lock<std::mutex> lock(m);
  cv.wait_for(lock, std::chrono::seconds(1), [&] { return released.load(); });
}

// The lock that the thread's `if` declares is released after both branches.
void lock_in_if_init() {
  std::mutex mu;
  std::atomic<bool> released{false};
  std::thread([&mu, &released] {
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread may outlive local variable 'mu', which it refers to (and 1 more) [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: 'mu' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-3]]:22: note: 'released' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the thread is detached here
    if (std::lock_guard<std::mutex> lock(mu); step())
      released = true;
    else
      released.store(true);
  }).detach();
  while (!released)
    std::this_thread::yield();
}
