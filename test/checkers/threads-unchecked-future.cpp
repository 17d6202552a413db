// RUN: %check_threads %s threads-unchecked-future %t -- -std=c++17 -fexceptions
// RUN: %clang_tidy --load=%plugin --checks=-*,threads-unchecked-future --dump-config %s -- -std=c++17 \
// RUN:   | %FileCheck %s --check-prefix=DUMP
// DUMP-DAG: threads-unchecked-future.FutureTypes: '::std::future;::std::shared_future'
// DUMP-DAG: threads-unchecked-future.IgnoredExceptions: '::std::bad_alloc'
// DUMP-DAG: threads-unchecked-future.KnownThrowingFunctions: '::std::stoi=

#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

int compute(int);
void consume(int);
void store(std::future<int> &&);
void inspect(const std::future<int> &);

// --- flagged --------------------------------------------------------------

void discarded_async() {
  std::async(std::launch::async, compute, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: future returned by 'std::async' is discarded; its destructor waits for the task to finish, so the call is not asynchronous, and an exception thrown by the task is lost [threads-unchecked-future]
}

void discarded_async_cast_to_void() {
  (void)std::async(std::launch::async, compute, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: future returned by 'std::async' is discarded; its destructor waits for the task to finish, so the call is not asynchronous, and an exception thrown by the task is lost [threads-unchecked-future]
}

void only_waited() {
  std::future<int> result = std::async(std::launch::async, compute, 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: future 'result' is never retrieved with get(); an exception thrown by its task is lost silently [threads-unchecked-future]
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: waiting does not rethrow the task's exception; get() does
  result.wait();
}

void never_touched() {
  auto result = std::async(compute, 4);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: future 'result' is never retrieved with get(); an exception thrown by its task is lost silently [threads-unchecked-future]
}

void waited_with_timeout() {
  auto result = std::async(std::launch::async, compute, 5);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: future 'result' is never retrieved with get(); an exception thrown by its task is lost silently [threads-unchecked-future]
  // CHECK-MESSAGES: :[[@LINE+1]]:10: note: waiting does not rethrow the task's exception; get() does
  while (result.wait_for(std::chrono::milliseconds(10)) !=
         std::future_status::ready) {
  }
}

void promise_side() {
  std::promise<int> promise;
  std::future<int> value = promise.get_future();
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: future 'value' is never retrieved with get(); an exception thrown by its task is lost silently [threads-unchecked-future]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: waiting does not rethrow the task's exception; get() does
  std::thread producer([&promise] { promise.set_value(compute(6)); });
  producer.join();
  value.wait();
}

void packaged() {
  std::packaged_task<int(int)> task(compute);
  std::future<int> value = task.get_future();
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: future 'value' is never retrieved with get(); an exception thrown by its task is lost silently [threads-unchecked-future]
  std::thread runner(std::move(task), 7);
  runner.join();
}

void assigned_later(bool now) {
  std::future<int> result;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: future 'result' is never retrieved with get(); an exception thrown by its task is lost silently [threads-unchecked-future]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: future obtained here
  if (now)
    result = std::async(std::launch::async, compute, 8);
}

void container_only_waited() {
  std::vector<std::future<int>> results;
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: futures in 'results' are never retrieved with get(); exceptions thrown by their tasks are lost silently [threads-unchecked-future]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: future obtained here
  for (int i = 0; i < 4; ++i)
    results.push_back(std::async(std::launch::async, compute, i));
  for (auto &result : results)
    result.wait();
}

void shared_future_never_read() {
  std::shared_future<int> shared = std::async(compute, 9).share();
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: future 'shared' is never retrieved with get(); an exception thrown by its task is lost silently [threads-unchecked-future]
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: waiting does not rethrow the task's exception; get() does
  shared.wait();
}

// A callee taking a const reference can only look at it.
void only_inspected() {
  auto result = std::async(std::launch::async, compute, 20);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: future 'result' is never retrieved with get(); an exception thrown by its task is lost silently [threads-unchecked-future]
  inspect(result);
}

// --- must not warn --------------------------------------------------------

int retrieved() {
  auto result = std::async(std::launch::async, compute, 10);
  return result.get();
}

void retrieved_on_some_path(bool need) {
  auto result = std::async(std::launch::async, compute, 11);
  if (need)
    consume(result.get());
}

std::future<int> returned() {
  auto result = std::async(std::launch::async, compute, 12);
  return result;
}

void moved_away() {
  auto result = std::async(std::launch::async, compute, 13);
  store(std::move(result));
}

void container_retrieved() {
  std::vector<std::future<int>> results;
  for (int i = 0; i < 4; ++i)
    results.emplace_back(std::async(std::launch::async, compute, i));
  for (auto &result : results)
    consume(result.get());
}

void container_by_index() {
  std::vector<std::future<int>> results;
  results.push_back(std::async(compute, 1));
  consume(results[0].get());
}

void shared_then_read() {
  std::future<int> result = std::async(compute, 14);
  std::shared_future<int> shared = result.share();
  consume(shared.get());
}

// A copy of a shared_future shares its state: retrieving through the copy
// is enough.
void shared_copy_retrieved() {
  std::shared_future<int> shared = std::async(compute, 21).share();
  auto copy = shared;
  consume(copy.get());
}

void captured_by_reference() {
  auto result = std::async(std::launch::async, compute, 15);
  auto read = [&result] { return result.get(); };
  consume(read());
}

// A callee taking a non-const reference may read it.
void passed_by_reference(std::future<int> &out);
void handed_to_callee() {
  auto result = std::async(std::launch::async, compute, 16);
  passed_by_reference(result);
}

void kept(std::future<int> &member) {
  member = std::async(std::launch::async, compute, 17);
}

void default_constructed_only() {
  std::future<int> nothing_yet;
  consume(nothing_yet.valid());
}

void async_result_used() {
  consume(std::async(compute, 18).get());
}

std::future<int> async_returned() { return std::async(compute, 19); }

template <typename F> void generic(F f) {
  auto result = std::async(f);
  result.wait();
}

// --- the task's exceptions ------------------------------------------------

// A visible task that may throw: the path to the throw is shown.
int parse_or_throw(int value) {
  if (value < 0)
    throw std::invalid_argument("negative");
  return value;
}
void throwing_task_waited(int input) {
  auto result = std::async(std::launch::async, [input] {
    return parse_or_throw(input);
  });
  // CHECK-MESSAGES: :[[@LINE-3]]:8: warning: future 'result' is never retrieved with get(); an exception thrown by its task is lost silently [threads-unchecked-future]
  result.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: waiting does not rethrow the task's exception; get() does
  // CHECK-MESSAGES: :[[@LINE-5]]:12: note: call to 'parse_or_throw' may throw 'std::invalid_argument'
  // CHECK-MESSAGES: :[[@LINE-11]]:5: note: 'std::invalid_argument' is thrown here
}

// A visible task that cannot throw (atomic adds only) loses nothing.
void nothrow_task_waited(std::atomic<int> &counter) {
  std::future<void> done = std::async(std::launch::async, [&counter] {
    counter.fetch_add(1, std::memory_order_relaxed);
  });
  done.wait_for(std::chrono::milliseconds(100));
}

// A task that calls a function whose body is not visible may throw: flagged.
void opaque_call_in_task() {
  std::future<int> value = std::async([] { return compute(1) + 1; });
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: future 'value' is never retrieved with get(); an exception thrown by its task is lost silently [threads-unchecked-future]
  value.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: waiting does not rethrow the task's exception; get() does
}
