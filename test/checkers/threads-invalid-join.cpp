// RUN: %check_threads %s threads-invalid-join %t -- -std=c++17
// RUN: %clang_tidy --load=%plugin --checks=-*,threads-invalid-join --dump-config %s -- -std=c++17 \
// RUN:   | %FileCheck %s --check-prefix=DUMP
// DUMP-DAG: threads-invalid-join.ThreadTypes: '::std::thread'
// DUMP-DAG: threads-invalid-join.JoinMethods: 'join;detach'

#include <atomic>
#include <thread>
#include <utility>
#include <vector>

void work();
void take(std::thread);
void guard(std::thread &);

// --- flagged --------------------------------------------------------------

void double_join() {
  std::thread t(work);
  t.join();
  t.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread 't' is already joined or detached here; 'join()' will throw std::system_error [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 't' is joined here
}

void join_after_detach(bool background) {
  std::thread t(work);
  if (background)
    t.detach();
  t.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread 't' may already be joined or detached here; 'join()' would throw std::system_error [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-3]]:5: note: 't' is detached here
}

void detach_after_join() {
  std::thread t(work);
  t.join();
  t.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread 't' is already joined or detached here; 'detach()' will throw std::system_error [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 't' is joined here
}

void detach_in_loop() {
  std::thread t(work);
  for (int i = 0; i < 3; ++i)
    t.detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: thread 't' may already be joined or detached here; 'detach()' would throw std::system_error [threads-invalid-join]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: 't' is detached here on an earlier iteration
}

void moved_into_container(std::vector<std::thread> &pool) {
  std::thread t(work);
  pool.push_back(std::move(t));
  t.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread 't' was moved from; 'join()' on the empty thread will throw std::system_error [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-3]]:18: note: 't' is moved from here
}

void moved_into_callee() {
  std::thread t(work);
  take(std::move(t));
  t.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread 't' was moved from; 'detach()' on the empty thread will throw std::system_error [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-3]]:8: note: 't' is moved from here
}

class Holder {
public:
  void adopt() {
    std::thread t(work);
    worker_ = std::move(t);
    t.join();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: thread 't' was moved from; 'join()' on the empty thread will throw std::system_error [threads-invalid-join]
    // CHECK-MESSAGES: :[[@LINE-3]]:15: note: 't' is moved from here
  }
  ~Holder() { worker_.join(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: member thread 'worker_' may never have been started when the destructor of 'Holder' reaches this 'join()'; 'Holder' objects destroyed before 'worker_' is started make it throw std::system_error, and std::terminate is called [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-11]]:7: note: the implicit constructor of 'Holder' does not start 'worker_'
  // CHECK-MESSAGES: :[[@LINE-8]]:5: note: 'worker_' is started here

private:
  std::thread worker_;
};

void never_started() {
  std::thread t;
  t.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread 't' is never started; 'join()' on a default-constructed thread will throw std::system_error [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-3]]:15: note: thread 't' declared here
}

// A member function the thread itself calls, through other members.
class Service {
public:
  void start() { thread_ = std::thread(&Service::loop, this); }
  void stop() {
    running_ = false;
    thread_.join();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: thread 'thread_' may join itself: 'Service::stop' is reached from the function the thread runs; join() from its own thread throws std::system_error (resource_deadlock_would_occur) [threads-invalid-join]
    // CHECK-MESSAGES: :[[@LINE-5]]:18: note: 'thread_' is started here running the thread entry function 'Service::loop'
    // CHECK-MESSAGES: :[[@LINE+11]]:7: note: 'Service::loop' calls 'Service::step' here
    // CHECK-MESSAGES: :[[@LINE+14]]:7: note: 'Service::step' calls 'Service::stop' here
  }
  ~Service() {
    if (thread_.joinable())
      thread_.join();
  }

private:
  void loop() {
    while (running_)
      step();
  }
  void step() {
    if (failed())
      stop();
  }
  bool failed();
  std::atomic<bool> running_{true};
  std::thread thread_;
};

class Watchdog {
public:
  Watchdog() : thread_([this] { shutdown(); }) {}
  void shutdown() { thread_.join(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: thread 'thread_' may join itself: 'Watchdog::shutdown' is reached from the function the thread runs; join() from its own thread throws std::system_error (resource_deadlock_would_occur) [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-3]]:16: note: 'thread_' is started here running the thread's entry lambda
  // CHECK-MESSAGES: :[[@LINE-4]]:33: note: the thread's entry lambda calls 'Watchdog::shutdown' here

private:
  std::thread thread_;
};

// --- must not warn --------------------------------------------------------

void guarded() {
  std::thread t(work);
  t.join();
  if (t.joinable())
    t.join();
}

void early_out_guard() {
  std::thread t(work);
  t.detach();
  if (!t.joinable())
    return;
  t.join();
}

void exclusive_branches(bool wait) {
  std::thread t(work);
  if (wait)
    t.join();
  else
    t.detach();
}

void restart() {
  std::thread t(work);
  t.join();
  t = std::thread(work);
  t.join();
}

void moved_then_reassigned(std::vector<std::thread> &pool) {
  std::thread t(work);
  pool.push_back(std::move(t));
  t = std::thread(work);
  t.join();
}

// The state of a thread passed in is unknown.
void by_reference(std::thread &t) {
  t.join();
  t.join();
}

void handed_to_guard() {
  std::thread t(work);
  guard(t);
  t.join();
}

void swapped(std::thread &other) {
  std::thread t(work);
  t.join();
  std::swap(t, other);
  t.join();
}

// Started on some paths only: correlated conditions are the norm here.
void maybe_started(bool start) {
  std::thread t;
  if (start)
    t = std::thread(work);
  if (start)
    t.join();
}

// The usual guard against a self-join.
class Careful {
public:
  void start() { thread_ = std::thread([this] { loop(); }); }
  void stop() {
    if (std::this_thread::get_id() != thread_.get_id() && thread_.joinable())
      thread_.join();
  }

private:
  void loop() { stop(); }
  std::thread thread_;
};

// Detaching from the thread itself is fine.
class Detacher {
public:
  void start() { thread_ = std::thread(&Detacher::run, this); }

private:
  void run() { thread_.detach(); }
  std::thread thread_;
};
