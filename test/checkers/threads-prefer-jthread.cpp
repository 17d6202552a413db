// RUN: %check_threads %s threads-prefer-jthread %t -- -std=c++20
// The fixed file still compiles.
// RUN: %clangxx -std=c++20 -fsyntax-only %t.cpp
// Before C++20 there is no std::jthread: nothing to suggest.
// RUN: %clang_tidy --load=%plugin '--checks=-*,threads-prefer-jthread' %s -- -std=c++17 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=CXX17 --allow-empty
// CXX17-NOT: warning:

#include <atomic>
#include <stop_token>
#include <thread>
#include <utility>
#include <vector>

void work();
void step();
#if __cplusplus > 201703L
void with_token(std::stop_token);
#endif

#define THREAD std::thread
using thread_alias = std::thread;

// --- flagged --------------------------------------------------------------

void basic() {
  std::thread t(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread 't' is joined at the end of its scope on every path; use std::jthread, which joins on destruction, also when an exception leaves the scope [threads-prefer-jthread]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: this join becomes redundant
  step();
  t.join();
}

void auto_declared() {
  auto t = std::thread([] { work(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: thread 't' is joined at the end of its scope on every path; use std::jthread, which joins on destruction, also when an exception leaves the scope [threads-prefer-jthread]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: this join becomes redundant
  step();
  t.join();
}

void loop_body() {
  for (int i = 0; i < 3; ++i) {
    std::thread t(work);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread 't' is joined at the end of its scope on every path; use std::jthread, which joins on destruction, also when an exception leaves the scope [threads-prefer-jthread]
    // CHECK-MESSAGES: :[[@LINE+1]]:5: note: this join becomes redundant
    t.join();
  }
}

void only_queries() {
  ::std::thread t(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread 't' is joined at the end of its scope on every path; use std::jthread, which joins on destruction, also when an exception leaves the scope [threads-prefer-jthread]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: this join becomes redundant
  if (t.get_id() == std::this_thread::get_id())
    step();
  t.join();
}

// The type changes and the trailing join goes, with its line:
// CHECK-FIXES: void basic()
// CHECK-FIXES: {{^}}  std::jthread t(work);{{$}}
// CHECK-FIXES: {{^}}  step();{{$}}
// CHECK-FIXES-NOT: t.join();
// CHECK-FIXES: void auto_declared()
// CHECK-FIXES: {{^}}  auto t = std::jthread([] { work(); });{{$}}
// CHECK-FIXES-NOT: t.join();
// CHECK-FIXES: void loop_body()
// CHECK-FIXES: {{^}}    std::jthread t(work);{{$}}
// CHECK-FIXES-NOT: t.join();
// CHECK-FIXES: void only_queries()
// CHECK-FIXES: {{^}}  ::std::jthread t(work);{{$}}
// CHECK-FIXES-NOT: t.join();
// CHECK-FIXES: void local_declared_after_the_thread(
// CHECK-FIXES: {{^}}  std::thread t([&shared] {{{$}}
// CHECK-FIXES: void joined_early()
// CHECK-FIXES: {{^}}  std::thread t(work);{{$}}
// CHECK-FIXES: {{^}}  t.join();{{$}}

// --- must not warn --------------------------------------------------------

// 'later' would be destroyed before a jthread's join, while the thread may
// still be using it.
void local_declared_after_the_thread(std::atomic<const int *> &shared) {
  std::thread t([&shared] {
    while (!shared.load()) {
    }
  });
  int later = 42;
  shared = &later;
  t.join();
}

void joined_early() {
  std::thread t(work);
  t.join();
  step();
}

void detached() {
  std::thread t(work);
  t.detach();
}

// An early return skips the join: threads-joinable-at-exit's finding.
void early_return(bool stop) {
  std::thread t(work);
  if (stop)
    return;
  t.join();
}

void spelled_by_macro() {
  THREAD t(work);
  t.join();
}

void spelled_by_alias() {
  thread_alias t(work);
  t.join();
}

#if __cplusplus > 201703L
// jthread would pass its stop_token to this callable.
void takes_stop_token() {
  std::thread t(with_token, std::stop_token{});
  t.join();
}
#endif

void generic_lambda() {
  std::thread t([](auto n) { (void)n; }, 1);
  t.join();
}

void guarded_join() {
  std::thread t(work);
  if (t.joinable())
    t.join();
}

void moved_away(std::vector<std::thread> &pool) {
  std::thread t(work);
  pool.push_back(std::move(t));
}

void restarted() {
  std::thread t(work);
  t = std::thread(work);
  t.join();
}

void not_started_at_declaration() {
  std::thread t;
  t = std::thread(work);
  t.join();
}

void two_in_one_declaration() {
  std::thread a(work), b(work);
  a.join();
  b.join();
}

template <typename F> void in_template(F f) {
  std::thread t(f);
  t.join();
}
