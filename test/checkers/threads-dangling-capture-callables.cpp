// RUN: %check_threads %s threads-dangling-capture %t -- -std=c++20

#include <thread>
#include <utility>
#include <vector>

// A functor whose member is a reference bound to a local.
struct Counter {
  int &total;
  explicit Counter(int &t) : total(t) {}
  void operator()() { ++total; }
};

void functor_reference() {
  int total = 0;
  std::thread t{Counter(total)};
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread may outlive local variable 'total', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:25: note: 'total' is kept in member 'total' of the callable here
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: the thread is detached here
  t.detach();
}

void named_functor() {
  int total = 0;
  Counter counter(total);
  std::thread t(counter);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread may outlive local variable 'total', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: 'total' is kept in member 'total' of the callable here
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: the thread is detached here
  t.detach();
}

// An aggregate functor holding a pointer to a local.
struct Sink {
  int *out;
  void operator()() { *out = 1; }
};

void aggregate_pointer() {
  int result = 0;
  std::thread t{Sink{&result}};
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread may outlive local variable 'result', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:22: note: 'result' is kept in member 'out' of the callable here
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: the thread is detached here
  t.detach();
}

// A named closure moved or copied into the thread.
void closure_moved() {
  int total = 0;
  auto count = [&total] { ++total; };
  std::thread t(std::move(count));
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread may outlive local variable 'total', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-3]]:18: note: 'total' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: the thread is detached here
  t.detach();
}

void closure_emplaced() {
  int total = 0;
  auto count = [&total] { ++total; };
  std::vector<std::thread> workers;
  workers.emplace_back(count);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: thread may outlive local variable 'total', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-4]]:18: note: 'total' is captured by reference here
  for (std::thread &worker : workers)
    worker.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: the thread is detached here
}

// Threads detached in a loop over their container.
void jthreads_detached() {
  int total = 0;
  std::vector<std::jthread> workers;
  for (int i = 0; i < 3; ++i)
    workers.emplace_back([&total] { ++total; });
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: thread may outlive local variable 'total', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:28: note: 'total' is captured by reference here
  for (std::jthread &worker : workers)
    worker.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: the thread is detached here
}

// Must NOT warn: a functor holding values or shared_ptrs, joined threads.
struct ValueCounter {
  int total;
  explicit ValueCounter(int &t) : total(t) {}
  void operator()() { ++total; }
};

void functor_value() {
  int total = 0;
  std::thread t{ValueCounter(total)};
  t.detach();
}

void functor_joined() {
  int total = 0;
  std::thread t{Counter(total)};
  t.join();
}

void closure_moved_joined() {
  int total = 0;
  auto count = [&total] { ++total; };
  std::thread t(std::move(count));
  t.join();
}

void container_joined() {
  int total = 0;
  std::vector<std::thread> workers;
  for (int i = 0; i < 3; ++i)
    workers.emplace_back([&total] { ++total; });
  for (std::thread &worker : workers)
    worker.join();
}

// A functor built from a static: it outlives every thread.
int shared_total;
void functor_static() {
  std::thread t{Counter(shared_total)};
  t.detach();
}
