// RUN: %check_threads --check-suffixes=DEFAULT %s threads-dangling-capture %t -- -std=c++20
// RUN: %check_threads --check-suffixes=PARAMS %s threads-dangling-capture %t \
// RUN:   --config="{CheckOptions: {threads-dangling-capture.AssumeParametersOutliveThreads: true}}" -- -std=c++20
// RUN: %clang_tidy --load=%plugin '--checks=-*,threads-dangling-capture' --dump-config %s -- -std=c++20 \
// RUN:   | %FileCheck %s --check-prefix=DUMP
// DUMP-DAG: threads-dangling-capture.AssumeParametersOutliveThreads: 'false'
// DUMP-DAG: threads-dangling-capture.ThreadTypes: '::std::thread;::std::jthread'

#include <atomic>
#include <functional>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

void use(int &);
void consume(std::vector<int> &);
std::thread g_worker;

// --- flagged --------------------------------------------------------------

void detached_lambda() {
  int counter = 0;
  std::thread t([&] { use(counter); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread may outlive local variable 'counter', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:27: note: 'counter' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: the thread is detached here
  t.detach();
}

void detached_temporary() {
  std::vector<int> data;
  std::thread([&data] { consume(data); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread may outlive local variable 'data', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: 'data' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the thread is detached here
}

void std_ref_argument() {
  int x = 0;
  std::thread t(use, std::ref(x));
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread may outlive local variable 'x', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:22: note: 'x' is passed by reference here
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: the thread is detached here
  t.detach();
}

void address_argument() {
  int x = 0;
  std::thread t([](int *p) { use(*p); }, &x);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread may outlive local variable 'x', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:42: note: the address of 'x' is passed here
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: the thread is detached here
  t.detach();
}

class Server {
public:
  // A by-value parameter is a local of start().
  void start(int port) {
    worker_ = std::thread([&port] { use(port); });
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: thread may outlive parameter 'port', which it refers to [threads-dangling-capture]
    // CHECK-MESSAGES: :[[@LINE-2]]:29: note: 'port' is captured by reference here
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: the thread is stored in member 'worker_' here
  }
  void start_pool() {
    std::atomic<bool> ready{false};
    int shared = 0;
    pool_.emplace_back([&shared, &ready] {
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: thread may outlive local variable 'shared', which it refers to (and 1 more) [threads-dangling-capture]
    // CHECK-MESSAGES: :[[@LINE-2]]:26: note: 'shared' is captured by reference here
    // CHECK-MESSAGES: :[[@LINE-3]]:35: note: 'ready' is captured by reference here
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: the thread is stored in member 'pool_' here
      use(shared);
      ready = true;
    });
  }
  ~Server() {
    worker_.join();
    for (std::thread &t : pool_)
      t.join();
  }

private:
  std::thread worker_;
  std::vector<std::thread> pool_;
};

void stored_in_global() {
  int local = 1;
  g_worker = std::thread([&] { use(local); });
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: thread may outlive local variable 'local', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:36: note: 'local' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the thread is stored in 'g_worker', which outlives the function
}

std::thread returned() {
  int local = 1;
  return std::thread([&local] { use(local); });
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: thread may outlive local variable 'local', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:24: note: 'local' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the thread is returned here
}

void into_callers_container(std::vector<std::thread> &out) {
  int local = 1;
  std::thread t([&local] { use(local); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread may outlive local variable 'local', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:19: note: 'local' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: the thread is stored in 'out', which belongs to the caller
  out.push_back(std::move(t));
}

void named_closure() {
  int local = 1;
  auto task = [&local] { use(local); };
  std::thread(task).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread may outlive local variable 'local', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-3]]:17: note: 'local' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the thread is detached here
}

// The caller's object may be gone before the thread is done with it.
void reference_parameter(int &value) {
  std::thread([&value] { use(value); }).detach();
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:15: warning: thread may outlive parameter 'value', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:17: note: 'value' is captured by reference here
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-3]]:3: note: the thread is detached here
}

// --- must not warn --------------------------------------------------------

void joined_in_scope() {
  int x = 0;
  std::thread t([&] { use(x); });
  t.join();
}

void jthread_joins_itself() {
  int x = 0;
  std::jthread t([&] { use(x); });
}

void by_value() {
  int x = 0;
  std::thread([x]() mutable { use(x); }).detach();
}

void shared_ownership() {
  auto state = std::make_shared<int>(0);
  std::thread([state] { use(*state); }).detach();
}

void static_and_global() {
  static int calls = 0;
  std::thread([] { use(calls); }).detach();
}

void local_container_joined() {
  int x = 0;
  std::vector<std::thread> workers;
  workers.emplace_back([&] { use(x); });
  for (std::thread &t : workers)
    t.join();
}

// A local reference names an object of unknown lifetime.
void local_reference(std::vector<int> &source) {
  std::vector<int> &data = source;
  std::thread([&data] { consume(data); }).detach();
}

class Poller {
public:
  // `this` and members: the object's lifetime is its owner's business.
  void start() {
    thread_ = std::thread([this] { use(interval_); });
  }
  ~Poller() { thread_.join(); }

private:
  int interval_ = 10;
  std::thread thread_;
};

// Templates (instantiated or not) and macros follow the same rules.
#define START_JOINED(name, body) std::thread name(body); name.join()
template <typename T> void joined_template(T value) {
  std::thread t([&value] { (void)value; });
  t.join();
}
void instantiate_and_macro() {
  joined_template(1);
  int x = 0;
  START_JOINED(worker, [&x] { use(x); });
}
