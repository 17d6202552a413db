// RUN: %check_threads %s threads-unchecked-future %t -- -std=c++17 -fexceptions
// RUN: %clang_tidy --load=%plugin --checks=-*,threads-unchecked-future --dump-config %s -- -std=c++17 \
// RUN:   | %FileCheck %s --check-prefix=DUMP
// DUMP-DAG: threads-unchecked-future.FutureTypes: '::std::future;::std::shared_future'
// DUMP-DAG: threads-unchecked-future.IgnoredExceptions: '::std::bad_alloc'
// DUMP-DAG: threads-unchecked-future.KnownThrowingFunctions: '::std::stoi=

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <chrono>
#include <exception>
#include <functional>
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

void discarded_async_in_lambda_and_loop(int n) {
  auto fire = [] {
    std::async(std::launch::async, compute, 30);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: future returned by 'std::async' is discarded
  };
  fire();
  for (int i = 0; i < n; ++i)
    std::async(std::launch::async, compute, i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: future returned by 'std::async' is discarded
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

// The producer can store an exception in the promise.
void promise_side() {
  std::promise<int> promise;
  std::future<int> value = promise.get_future();
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: future 'value' is never retrieved with get(); an exception thrown by its task is lost silently [threads-unchecked-future]
  // CHECK-MESSAGES: :[[@LINE+9]]:3: note: waiting does not rethrow the task's exception; get() does
  std::thread producer([&promise] {
    try {
      promise.set_value(compute(6));
    } catch (...) {
      promise.set_exception(std::current_exception());
    }
  });
  producer.join();
  value.wait();
}

// The promise is handed to code that calls set_exception on it.
void fulfil(std::promise<int> promise) {
  try {
    promise.set_value(compute(7));
  } catch (...) {
    promise.set_exception(std::current_exception());
  }
}

void promise_moved_to_producer() {
  std::promise<int> promise;
  std::future<int> value = promise.get_future();
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: future 'value' is never retrieved with get(); an exception thrown by its task is lost silently [threads-unchecked-future]
  std::thread producer(fulfil, std::move(promise));
  producer.join();
}

// A member promise that some member function fails.
class Loader {
public:
  void start();
  void fail() { ready_.set_exception(std::current_exception()); }

private:
  std::promise<void> ready_;
};

void Loader::start() {
  std::future<void> ready = ready_.get_future();
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: future 'ready' is never retrieved with get(); an exception thrown by its task is lost silently [threads-unchecked-future]
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: waiting does not rethrow the task's exception; get() does
  ready.wait();
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

// A container of futures of a promise handed to code that may fail it.
void may_fail(std::promise<void> &promise);

void promise_futures_in_a_container() {
  std::promise<void> first;
  std::vector<std::future<void>> signals;
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: futures in 'signals' are never retrieved with get(); exceptions thrown by their tasks are lost silently [threads-unchecked-future]
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: future obtained here
  signals.push_back(first.get_future());
  may_fail(first);
  for (auto &signal : signals)
    signal.wait();
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

// A promise fulfilled only with set_value never holds an exception: the
// future is a signal or a value, and waiting for it loses nothing.
void promise_only_set_value() {
  std::promise<int> promise;
  std::future<int> value = promise.get_future();
  std::thread producer([&promise] { promise.set_value(compute(6)); });
  producer.join();
  value.wait();
}

// Handed to code elsewhere, but nothing in this translation unit calls
// set_exception on a std::promise<bool>.
void hand_over(std::promise<bool> *promise);

bool promise_handed_over() {
  std::promise<bool> promise;
  auto ready = promise.get_future();
  hand_over(&promise);
  return ready.wait_for(std::chrono::seconds(1)) == std::future_status::ready;
}

void promise_assigned_later(bool now) {
  std::promise<void> done;
  std::future<void> signal;
  if (now)
    signal = done.get_future();
  std::thread worker([&done] { done.set_value_at_thread_exit(); });
  worker.join();
}

class Barrier {
public:
  void arrive() { reached_.set_value(); }
  void await();

private:
  std::promise<void> reached_;
};

void Barrier::await() {
  std::future<void> reached = reached_.get_future();
  reached.wait();
}

// The same with a promise only ever set_value()-d: no exception to lose.
void promise_futures_only_set_value() {
  std::promise<void> first;
  std::vector<std::future<void>> signals;
  signals.emplace_back(first.get_future());
  std::thread producer([&first] { first.set_value(); });
  producer.join();
  for (auto &signal : signals)
    signal.wait();
}

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

// A thread pool's own submit: its one lambda is the task.
struct Executor {
  template <typename F> std::future<int> async(const char *name, F &&task) {
    return std::async(std::launch::deferred, task);
  }
  template <typename F, typename G>
  std::future<int> async_pair(F &&first, G &&second) {
    return std::async(std::launch::deferred, [first, second] {
      return first() + second();
    });
  }
};

void pool_task_cannot_throw(Executor &executor, std::atomic<int> &counter) {
  std::future<int> done = executor.async("count", [&counter] {
    return counter.fetch_add(1, std::memory_order_relaxed);
  });
  done.wait();
}

void pool_task_may_throw(Executor &executor, int input) {
  std::future<int> result =
      executor.async("parse", [input] { return parse_or_throw(input); });
  // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: future 'result' is never retrieved with get(); an exception thrown by its task is lost silently [threads-unchecked-future]
  result.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: waiting does not rethrow the task's exception; get() does
  // CHECK-MESSAGES: :[[@LINE-4]]:48: note: call to 'parse_or_throw' may throw 'std::invalid_argument'
  // CHECK-MESSAGES: :[[@LINE-57]]:5: note: 'std::invalid_argument' is thrown here
}

// Two lambdas: which one the future carries is the library's business, so
// the future is reported even though neither can throw.
void pool_two_lambdas(Executor &executor) {
  std::future<int> both = executor.async_pair([] { return 1; }, [] { return 2; });
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: future 'both' is never retrieved with get(); an exception thrown by its task is lost silently [threads-unchecked-future]
  both.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: waiting does not rethrow the task's exception; get() does
}

// A task that only logs, with C stdio or a standard stream, cannot throw:
// neither reports a failure with an exception (a stream throws only when
// exceptions() asks it to).
void logging_tasks_waited(const std::string &name) {
  std::future<void> printed = std::async(std::launch::async, [] {
    std::printf("task %d done\n", 1);
    std::fflush(stdout);
  });
  printed.wait();
  std::future<void> slept = std::async(std::launch::async, [] {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::this_thread::yield();
  });
  slept.wait();
  std::future<int> streamed = std::async(std::launch::async, [&name] {
    std::cout << "task " << name << ' ' << 2 << std::endl;
    std::cerr.write("x", 1).flush();
    return 2;
  });
  streamed.wait();
}

// A C function that calls back into C++ code may carry its exception.
int compare_or_throw(const void *, const void *);
void c_function_with_callback_in_task(int *values, std::size_t count) {
  std::future<void> sorted = std::async(std::launch::async, [=] {
    std::qsort(values, count, sizeof(int), compare_or_throw);
  });
  // CHECK-MESSAGES: :[[@LINE-3]]:21: warning: future 'sorted' is never retrieved with get(); an exception thrown by its task is lost silently [threads-unchecked-future]
  sorted.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: waiting does not rethrow the task's exception; get() does
}

// A task graph is given its tasks first and run later: the future of the
// run carries what the tasks given to the graph throw.
struct TaskGraph {
  template <typename F> int emplace(F &&task) {
    tasks.emplace_back(std::forward<F>(task));
    return 0;
  }
  void name(const char *);
  std::vector<std::function<void()>> tasks;
};
struct GraphExecutor {
  std::future<void> run(TaskGraph &graph);
};
void build_graph(TaskGraph &graph);
void plain_task();

void graph_tasks_cannot_throw(GraphExecutor &executor,
                              std::atomic<int> &counter) {
  TaskGraph graph;
  graph.name("count");
  graph.emplace([&counter] { counter.fetch_add(1); });
  graph.emplace([&counter] { counter.fetch_sub(1); });
  std::future<void> done = executor.run(graph);
  done.wait();
  auto later = [&] {
    std::future<void> again = executor.run(graph);
    again.wait();
  };
  later();
}

void graph_task_may_throw(GraphExecutor &executor, int input) {
  TaskGraph graph;
  graph.emplace([input] { parse_or_throw(input); });
  std::future<void> done = executor.run(graph);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: future 'done' is never retrieved with get(); an exception thrown by its task is lost silently [threads-unchecked-future]
  done.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: waiting does not rethrow the task's exception; get() does
}

// A task that is not a lambda, or a graph handed to other code, may hold
// anything.
void graph_with_unknown_tasks(GraphExecutor &executor) {
  TaskGraph named;
  named.emplace(plain_task);
  std::future<void> first = executor.run(named);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: future 'first' is never retrieved with get(); an exception thrown by its task is lost silently [threads-unchecked-future]
  first.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: waiting does not rethrow the task's exception; get() does
  TaskGraph built;
  build_graph(built);
  std::future<void> second = executor.run(built);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: future 'second' is never retrieved with get(); an exception thrown by its task is lost silently [threads-unchecked-future]
  second.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: waiting does not rethrow the task's exception; get() does
}
