// RUN: %check_threads --check-suffixes=CXX17 %s threads-unjoined-thread %t -- -std=c++17
// RUN: %check_threads --check-suffixes=CXX20 %s threads-unjoined-thread %t -- -std=c++20
// The C++20 run applied its jthread fix-its; the result still compiles.
// RUN: %clangxx -std=c++20 -fsyntax-only %t.cpp

#include <thread>
#include <utility>

void work();
void work_with(int);

// --- flagged --------------------------------------------------------------

void never_joined() {
  std::thread t(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread 't' is started but never joined or detached; its destructor will call std::terminate [threads-unjoined-thread]
  // CHECK-FIXES-CXX20: std::jthread t(work);
  // CHECK-FIXES-CXX17: std::thread t(work);
}

void auto_from_temporary() {
  auto t = std::thread(work_with, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: thread 't' is started but never joined or detached; its destructor will call std::terminate [threads-unjoined-thread]
  // CHECK-FIXES-CXX20: auto t = std::jthread(work_with, 1);
  // CHECK-FIXES-CXX17: auto t = std::thread(work_with, 1);
}

void global_qualified() {
  ::std::thread t([] { work(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread 't' is started but never joined or detached; its destructor will call std::terminate [threads-unjoined-thread]
  // CHECK-FIXES-CXX20: ::std::jthread t([] { work(); });
}

void assigned_later(bool fast) {
  std::thread t;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread 't' is started but never joined or detached; its destructor will call std::terminate [threads-unjoined-thread]
  // CHECK-FIXES-CXX20: std::thread t;
  if (fast)
    t = std::thread(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: thread started here
}

void only_queried() {
  std::thread t(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread 't' is started
  // CHECK-FIXES-CXX20: std::jthread t(work);
  if (t.joinable())
    (void)t.get_id();
}

void observed_through_const_ref(const std::thread &);
void passed_by_const_ref() {
  std::thread t(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread 't' is started
  // A const reference cannot join; the fix would not compile, so none.
  // CHECK-FIXES-CXX20: std::thread t(work);
  observed_through_const_ref(t);
}

std::thread make_worker();
void from_factory() {
  std::thread t = make_worker();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread 't' is started
  // CHECK-FIXES-CXX20: std::thread t = make_worker();
}

void moved_into_another_local() {
  std::thread a(work);
  std::thread b = std::move(a);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread 'b' is started
  // CHECK-FIXES-CXX20: std::thread b = std::move(a);
}

using WorkerThread = std::thread;
void through_alias() {
  WorkerThread t(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: thread 't' is started
  // CHECK-FIXES-CXX20: WorkerThread t(work);
}

#define THREAD_TYPE std::thread
void through_macro() {
  THREAD_TYPE t(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread 't' is started
  // CHECK-FIXES-CXX20: THREAD_TYPE t(work);
}

void generic_lambda() {
  // std::jthread would pass a stop_token to a callable that takes one.
  std::thread t([](auto... args) { work(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread 't' is started
  // CHECK-FIXES-CXX20: std::thread t([](auto... args) { work(); });
}

void in_a_loop() {
  for (int i = 0; i < 3; ++i) {
    std::thread t(work_with, i);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread 't' is started
    // CHECK-FIXES-CXX20: std::jthread t(work_with, i);
  }
}

void inside_lambda() {
  auto run = [] {
    std::thread inner(work);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread 'inner' is started
    // CHECK-FIXES-CXX20: std::jthread inner(work);
  };
  run();
}

// --- not flagged ----------------------------------------------------------

void joined() {
  std::thread t(work);
  t.join();
}

void detached() {
  std::thread t(work);
  t.detach();
}

void joined_on_one_path_only(bool b) {
  // Paths that skip the join are threads-joinable-at-exit's business.
  std::thread t(work);
  if (b)
    t.join();
}

void joined_in_lambda() {
  std::thread t(work);
  auto finish = [&] { t.join(); };
  finish();
}

void default_constructed_never_started() {
  std::thread t;
  (void)t.joinable();
}

std::thread returned() {
  std::thread t(work);
  return t;
}

void take(std::thread);
void moved_into_callee() {
  std::thread t(work);
  take(std::move(t));
}

struct thread_guard {
  explicit thread_guard(std::thread &t) : t(t) {}
  ~thread_guard() {
    if (t.joinable())
      t.join();
  }
  std::thread &t;
};

void raii_guard() {
  std::thread t(work);
  thread_guard g(t);
}

void register_thread(std::thread *);
void passed_by_pointer() {
  std::thread t(work);
  register_thread(&t);
}

void swapped_member(std::thread &other) {
  std::thread t(work);
  t.swap(other);
}

void swapped_std(std::thread &other) {
  std::thread t(work);
  std::swap(t, other);
}

void bound_to_reference() {
  std::thread t(work);
  std::thread &alias = t;
  alias.join();
}

void captured_by_init_capture() {
  std::thread t(work);
  auto owner = [t = std::move(t)]() mutable { t.join(); };
  owner();
}

template <typename F> void uninstantiated_template(F f) {
  std::thread t(f);
}

template <typename F> void instantiated_twice(F f) {
  std::thread t(f);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread 't' is started
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: in instantiation of 'instantiated_twice<void (*)()>' requested here
}
void instantiate() {
  instantiated_twice(work);
  instantiated_twice([] {});
}

template <typename F> void joined_template(F f) {
  std::thread t(f);
  t.join();
}
void instantiate_joined() { joined_template(work); }
