// RUN: %check_threads --check-suffixes=UNJOINED %s threads-unjoined-thread %t -- -std=c++20 -fexceptions
// RUN: %check_threads --check-suffixes=EXIT %s threads-joinable-at-exit %t -- -std=c++20 -fexceptions
// RUN: %check_threads --check-suffixes=INVALID %s threads-invalid-join %t -- -std=c++20 -fexceptions
// RUN: %check_threads --check-suffixes=JTHREAD %s threads-prefer-jthread %t -- -std=c++20 -fexceptions
// RUN: %check_threads --check-suffixes=ESCAPE %s threads-exception-escape %t -- -std=c++20 -fexceptions
// RUN: %check_threads --check-suffixes=SWALLOWED %s threads-swallowed-exception %t -- -std=c++20 -fexceptions
// RUN: %check_threads --check-suffixes=DANGLING %s threads-dangling-capture %t -- -std=c++20 -fexceptions
// RUN: %check_threads --check-suffixes=FUTURE %s threads-unchecked-future %t -- -std=c++20 -fexceptions

// A finding in a template that one instantiation causes names that
// instantiation, at the point where a caller requested it. Each template is
// instantiated twice, the clean instantiation first: the note must name the
// flagged one. Each check runs alone, so every line below belongs to one.

#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

int compute(int);
void work();
void log_failure();

// Which instantiation has the bug.
struct Careful {
  static constexpr bool careless = false;
  static int task() { return compute(1); }
};
struct Careless {
  static constexpr bool careless = true;
  static int task() { return compute(2); }
};

// --- threads-unjoined-thread ----------------------------------------------

template <typename Policy> void run_worker() {
  std::thread t(work);
  // CHECK-MESSAGES-UNJOINED: :[[@LINE-1]]:15: warning: thread 't' is started but never joined or detached; its destructor will call std::terminate [threads-unjoined-thread]
  // CHECK-MESSAGES-UNJOINED: :[[@LINE+8]]:3: note: in instantiation of 'run_worker<Careless>' requested here
  if constexpr (!Policy::careless)
    t.join();
}

void run_workers() {
  run_worker<Careful>();
  // A second caller of the flagged instantiation: named once, at the first.
  run_worker<Careless>();
  run_worker<Careless>();
}

template <typename Policy> void fire_and_forget() {
  if constexpr (Policy::careless)
    std::thread{Policy::task};
  // CHECK-MESSAGES-UNJOINED: :[[@LINE-1]]:5: warning: temporary thread is destroyed at the end of this statement while its thread is still joinable; its destructor will call std::terminate [threads-unjoined-thread]
  // CHECK-MESSAGES-UNJOINED: :[[@LINE+5]]:3: note: in instantiation of 'fire_and_forget<Careless>' requested here
}

void fire_all() {
  fire_and_forget<Careful>();
  fire_and_forget<Careless>();
}

// A member function of a class template: a thread pool whose jobs say
// whether the pool waits for them.
template <typename Job> class Pool {
public:
  void start() {
    std::thread worker(Job::task);
    // CHECK-MESSAGES-UNJOINED: :[[@LINE-1]]:17: warning: thread 'worker' is started but never joined or detached; its destructor will call std::terminate [threads-unjoined-thread]
    // CHECK-MESSAGES-UNJOINED: :[[@LINE+10]]:12: note: in instantiation of 'Pool<Careless>::start' requested here
    if constexpr (!Job::careless)
      worker.join();
  }
};

void start_pools() {
  Pool<Careful> careful;
  careful.start();
  Pool<Careless> careless;
  careless.start();
}

// --- threads-joinable-at-exit and threads-prefer-jthread ------------------

// Careless returns early with the thread running; Careful joins at the end
// of the scope on every path, which std::jthread would do.
template <typename Policy> void wait_for(bool stop) {
  std::thread t(work);
  // CHECK-MESSAGES-JTHREAD: :[[@LINE-1]]:15: warning: thread 't' is joined at the end of its scope on every path; use std::jthread, which joins on destruction, also when an exception leaves the scope [threads-prefer-jthread]
  // CHECK-FIXES-JTHREAD: std::jthread t(work);
  if constexpr (Policy::careless)
    if (stop)
      return;
  // CHECK-MESSAGES-EXIT: :[[@LINE-1]]:7: warning: thread 't' is still joinable when this 'return' leaves its scope; its destructor will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES-EXIT: :[[@LINE-7]]:15: note: thread 't' declared here
  // CHECK-MESSAGES-EXIT: :[[@LINE+7]]:3: note: in instantiation of 'wait_for<Careless>' requested here
  t.join();
  // CHECK-MESSAGES-JTHREAD: :[[@LINE-1]]:3: note: this join becomes redundant
  // CHECK-MESSAGES-JTHREAD: :[[@LINE+5]]:3: note: in instantiation of 'wait_for<Careful>' requested here
}

void wait_for_both(bool stop) {
  wait_for<Careless>(stop);
  wait_for<Careful>(stop);
}

// --- threads-invalid-join ------------------------------------------------

template <typename Policy> void join_once() {
  std::thread t(work);
  t.join();
  if constexpr (Policy::careless)
    t.join();
  // CHECK-MESSAGES-INVALID: :[[@LINE-1]]:5: warning: thread 't' is already joined or detached here; 'join()' will throw std::system_error [threads-invalid-join]
  // CHECK-MESSAGES-INVALID: :[[@LINE-4]]:3: note: 't' is joined here
  // CHECK-MESSAGES-INVALID: :[[@LINE+5]]:3: note: in instantiation of 'join_once<Careless>' requested here
}

void join_both() {
  join_once<Careful>();
  join_once<Careless>();
}

// --- threads-exception-escape --------------------------------------------

// A pool in a template, called with two bodies: only one of them throws.
struct Quiet {
  void operator()(int) const {}
};
struct Throwing {
  void operator()(int i) const {
    if (i > 2)
      throw std::runtime_error("too many");
  }
};

template <typename Body> void parallel_for(int n, const Body &body) {
  std::vector<std::thread> pool;
  for (int i = 0; i < n; ++i)
    pool.emplace_back([&body, i] { body(i); });
  // CHECK-MESSAGES-ESCAPE: :[[@LINE-1]]:23: warning: exception 'std::runtime_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES-ESCAPE: :[[@LINE-2]]:36: note: call to 'Throwing::operator()' may throw 'std::runtime_error'
  // CHECK-MESSAGES-ESCAPE: :[[@LINE-10]]:7: note: 'std::runtime_error' is thrown here
  // CHECK-MESSAGES-ESCAPE: :[[@LINE+7]]:3: note: in instantiation of 'parallel_for<Throwing>' requested here
  for (auto &t : pool)
    t.join();
}

void run_bodies() {
  parallel_for(4, Quiet());
  parallel_for(4, Throwing());
}

// --- threads-swallowed-exception -----------------------------------------

template <typename Policy> void guarded() {
  std::thread t([] {
    try {
      work();
    } catch (...) {
      // CHECK-MESSAGES-SWALLOWED: :[[@LINE-1]]:7: warning: 'catch (...)' in the thread's entry lambda swallows the exception silently; the thread's failure is lost [threads-swallowed-exception]
      if constexpr (!Policy::careless)
        log_failure();
    }
  });
  // CHECK-MESSAGES-SWALLOWED: :[[@LINE-9]]:17: note: thread started here
  // CHECK-MESSAGES-SWALLOWED: :[[@LINE+7]]:3: note: in instantiation of 'guarded<Careless>' requested here
  t.join();
  work();
}

void guard_both() {
  guarded<Careful>();
  guarded<Careless>();
}

// --- threads-dangling-capture --------------------------------------------

template <typename Policy> void count_in_background() {
  int counter = 0;
  std::thread t([&counter] { ++counter; });
  // CHECK-MESSAGES-DANGLING: :[[@LINE-1]]:17: warning: thread may outlive local variable 'counter', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES-DANGLING: :[[@LINE-2]]:19: note: 'counter' is captured by reference here
  if constexpr (Policy::careless)
    t.detach();
  else
    t.join();
  // CHECK-MESSAGES-DANGLING: :[[@LINE-3]]:5: note: the thread is detached here
  // CHECK-MESSAGES-DANGLING: :[[@LINE+5]]:3: note: in instantiation of 'count_in_background<Careless>' requested here
}

void count_both() {
  count_in_background<Careful>();
  count_in_background<Careless>();
}

// --- threads-unchecked-future --------------------------------------------

template <typename Policy> int poll() {
  auto result = std::async(std::launch::async, Policy::task);
  // CHECK-MESSAGES-FUTURE: :[[@LINE-1]]:8: warning: future 'result' is never retrieved with get(); an exception thrown by its task is lost silently [threads-unchecked-future]
  if constexpr (Policy::careless) {
    result.wait();
    // CHECK-MESSAGES-FUTURE: :[[@LINE-1]]:5: note: waiting does not rethrow the task's exception; get() does
    return 0;
  } else {
    return result.get();
  }
  // CHECK-MESSAGES-FUTURE: :[[@LINE+5]]:3: note: in instantiation of 'poll<Careless>' requested here
}

int poll_both() {
  poll<Careful>();
  poll<Careless>();
  return 0;
}

template <typename Policy> void submit() {
  if constexpr (Policy::careless)
    std::async(std::launch::async, Policy::task);
  // CHECK-MESSAGES-FUTURE: :[[@LINE-1]]:5: warning: future returned by 'std::async' is discarded; its destructor waits for the task to finish, so the call is not asynchronous, and an exception thrown by the task is lost [threads-unchecked-future]
  // CHECK-MESSAGES-FUTURE: :[[@LINE+5]]:3: note: in instantiation of 'submit<Careless>' requested here
}

void submit_both() {
  submit<Careful>();
  submit<Careless>();
}

// --- outside templates, and templates nobody instantiates ---------------

// No instantiation, no note.
void plain() {
  std::thread t(work);
  // CHECK-MESSAGES-UNJOINED: :[[@LINE-1]]:15: warning: thread 't' is started but never joined or detached; its destructor will call std::terminate [threads-unjoined-thread]
}

// A template nobody instantiates is not analysed.
template <typename Job> void never_instantiated(Job job) {
  std::thread t(job);
}
