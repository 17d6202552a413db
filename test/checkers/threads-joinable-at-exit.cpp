// RUN: %check_threads %s threads-joinable-at-exit %t -- -std=c++20 -fexceptions

#include <stdexcept>
#include <thread>
#include <utility>

void work();
void opaque();
void log_error();
int parse(int x) {
  if (x < 0)
    throw std::invalid_argument("negative");
  return x;
}
int parse_twice(int x) { return parse(x) + parse(x + 1); }
int safe(int x) noexcept { return x; }

// --- flagged --------------------------------------------------------------

int early_return(bool fail) {
  std::thread t(work);
  if (fail)
    return 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: thread 't' is still joinable when this 'return' leaves its scope; its destructor will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: thread 't' declared here
  t.join();
  return 0;
}

void joined_on_some_paths(bool wait) {
  std::thread t(work);
  if (wait)
    t.join();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: thread 't' may still be joinable at the end of its scope; its destructor will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-5]]:15: note: thread 't' declared here

void break_out_of_loop(int n) {
  for (int i = 0; i < n; ++i) {
    std::thread t(work);
    if (i == 3)
      break;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable when this 'break' leaves its scope
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: thread 't' declared here
    t.join();
  }
}

void continue_in_loop(int n) {
  for (int i = 0; i < n; ++i) {
    std::thread t(work);
    if (i % 2)
      continue;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable when this 'continue' leaves its scope
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: thread 't' declared here
    t.join();
  }
}

void goto_out(bool bail) {
  {
    std::thread t(work);
    if (bail)
      goto done;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable when this 'goto' leaves its scope
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: thread 't' declared here
    t.join();
  }
done:
  return;
}

void switch_case_returns(int mode) {
  std::thread t(work);
  switch (mode) {
  case 0:
    break;
  case 1:
    return;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: thread 't' is still joinable when this 'return' leaves its scope
  // CHECK-MESSAGES: :[[@LINE-7]]:15: note: thread 't' declared here
  default:
    break;
  }
  t.join();
}

void throws_directly(bool bad) {
  std::thread t(work);
  if (bad)
    throw std::runtime_error("bad input");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: thread 't' is still joinable when this exception leaves its scope; its destructor will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: thread 't' declared here
  t.join();
}

void call_may_throw(int x) {
  std::thread t(work);
  parse_twice(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread 't' is still joinable if 'parse_twice' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-86]]:33: note: call to 'parse' may throw 'std::invalid_argument'
  // CHECK-MESSAGES: :[[@LINE-90]]:5: note: 'std::invalid_argument' is thrown here
  // CHECK-MESSAGES: :[[@LINE-5]]:15: note: thread 't' declared here
  t.join();
}

void declared_inside_try(int x) {
  try {
    std::thread t(work);
    parse(x);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: thread 't' is still joinable if 'parse' throws here
    // CHECK-MESSAGES: :[[@LINE-100]]:5: note: 'std::invalid_argument' is thrown here
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: thread 't' declared here
    t.join();
  } catch (const std::exception &) {
  }
}

void overwritten() {
  std::thread t(work);
  t = std::thread(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread 't' is still joinable when it is move-assigned here; the assignment will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-3]]:15: note: thread 't' declared here
  t.join();
}

// --- not flagged ----------------------------------------------------------

void guarded_join(bool b) {
  std::thread t(work);
  if (b) {
    if (t.joinable())
      t.join();
    return;
  }
  if (t.joinable())
    t.join();
}

void negative_guard(std::thread source) {
  std::thread t = std::move(source);
  if (!t.joinable())
    return;
  t.join();
}

void joined_in_every_branch(int mode) {
  std::thread t(work);
  switch (mode) {
  case 0:
    t.join();
    return;
  case 1:
    t.detach();
    break;
  default:
    t.join();
  }
}

void join_then_rethrow(int x) {
  std::thread t(work);
  try {
    parse(x);
  } catch (...) {
    t.join();
    throw;
  }
  t.join();
}

void handler_joins_and_swallows(int x) {
  std::thread t(work);
  try {
    parse(x);
  } catch (const std::exception &) {
    log_error();
  }
  t.join();
}

int started_after_early_return(bool fail) {
  if (fail)
    return 1;
  std::thread t(work);
  t.join();
  return 0;
}

int joined_before_early_return(bool fail) {
  std::thread t(work);
  t.join();
  if (fail)
    return 1;
  return 0;
}

void take(std::thread);
void moved_away(bool b) {
  std::thread t(work);
  if (b)
    return take(std::move(t));
  t.join();
}

struct thread_guard {
  explicit thread_guard(std::thread &t) : t(t) {}
  ~thread_guard() {
    if (t.joinable())
      t.join();
  }
  std::thread &t;
};
void raii_guard(int x) {
  std::thread t(work);
  thread_guard g(t);
  parse(x);
  if (x > 3)
    return;
}

void noexcept_and_opaque_calls(int x) {
  std::thread t(work);
  safe(x);
  opaque(); // only with AssumeOpaqueCallsThrow
  t.join();
}

// Not evaluated: no exception can come from it (Catch2 writes every
// assertion's expression there, for the compiler's warnings).
void unevaluated_builtin_argument(int x) {
  std::thread t(work);
  (void)__builtin_constant_p(parse(x) > 0);
  t.join();
}

void restart_after_join() {
  std::thread t(work);
  t.join();
  t = std::thread(work);
  t.join();
}

void lambda_joins(bool b) {
  std::thread t(work);
  auto finish = [&] { t.join(); };
  if (b)
    return finish();
  finish();
}

#define JOIN_IF_RUNNING(th) \
  if ((th).joinable())      \
  (th).join()
void joined_through_macro(bool b) {
  std::thread t(work);
  if (b) {
    JOIN_IF_RUNNING(t);
    return;
  }
  JOIN_IF_RUNNING(t);
}

void never_joined_is_another_check(bool b) {
  std::thread t(work);
  if (b)
    return;
}

void jthread_joins_itself(bool b) {
  std::jthread t(work);
  if (b)
    return;
  t.join();
}

template <typename F> void uninstantiated(F f, bool b) {
  std::thread t(f);
  if (b)
    return;
  t.join();
}

template <typename F> void instantiated(F f, bool b) {
  std::thread t(f);
  if (b)
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: thread 't' is still joinable when this 'return' leaves its scope
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: thread 't' declared here
  // CHECK-MESSAGES: :[[@LINE+4]]:3: note: in instantiation of 'instantiated<void (*)()>' requested here
  t.join();
}
void instantiate_twice(bool b) {
  instantiated(work, b);
  instantiated([] {}, b);
}


#include <vector>
void joined_in_loop_over_container(int n) {
  // Leaving the join loop joins every thread of the container (see
  // threads-joinable-at-exit-containers.cpp).
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back(work);
  for (auto &w : workers)
    if (w.joinable())
      w.join();
}

void threads_joined_in_a_loop(int n) {
  std::thread a(work), b(work);
  for (int i = 0; i < n; ++i) {
    if (i == 0)
      a.join();
  }
  if (a.joinable())
    a.join();
  b.join();
}
