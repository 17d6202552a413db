// RUN: %check_threads --check-suffixes=DEFAULT %s threads-exception-escape %t -- -std=c++20 -fexceptions
// RUN: %check_threads --check-suffixes=ASSUMED %s threads-exception-escape %t \
// RUN:   --config="{CheckOptions: {threads-exception-escape.AssumeUnknownTasksThrow: true}}" -- -std=c++20 -fexceptions
// RUN: %check_threads --check-suffixes=JOINABLE %s threads-joinable-at-exit %t \
// RUN:   --config="{CheckOptions: {threads-joinable-at-exit.AssumeUnknownTasksThrow: true}}" -- -std=c++20 -fexceptions

#include <functional>
#include <stdexcept>
#include <thread>
#include <vector>

// CHECK-MESSAGES-DEFAULT-NOT: warning:

// A library's pool: nothing in this file submits a task to it. By default
// what its tasks do is unknown and the call does not count; with
// AssumeUnknownTasksThrow it may throw anything.
class LibraryPool {
public:
  LibraryPool() { worker_ = std::thread([this] { work(); }); }
  // CHECK-MESSAGES-ASSUMED: :[[@LINE-1]]:41: warning: exception 'unknown' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES-ASSUMED: :[[@LINE-2]]:50: note: call to 'LibraryPool::work' may throw 'unknown'
  // CHECK-MESSAGES-ASSUMED: :[[@LINE+8]]:9: note: no visible code submits the task called here; it is assumed to throw (AssumeUnknownTasksThrow)
  ~LibraryPool() { worker_.join(); }
  void submit(std::function<void()> task) { tasks_.push_back(std::move(task)); }

private:
  void work() {
    for (std::function<void()> &task : tasks_) {
      try {
        task();
      } catch (const std::exception &) {
        // a handler for one type does not catch an unknown exception
      }
    }
  }
  std::thread worker_;
  std::vector<std::function<void()>> tasks_;
};

// A worker that catches everything stays silent either way.
class CatchAllPool {
public:
  CatchAllPool() { worker_ = std::thread([this] { work(); }); }
  ~CatchAllPool() { worker_.join(); }
  void submit(std::function<void()> task) { tasks_.push_back(std::move(task)); }

private:
  void work() {
    for (std::function<void()> &task : tasks_) {
      try {
        task();
      } catch (...) {
      }
    }
  }
  std::thread worker_;
  std::vector<std::function<void()>> tasks_;
};

// A callback between a start and its join.
void run_with(void (*step)()) {
  std::thread worker([] {});
  step();
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-1]]:3: warning: thread 'worker' is still joinable if 'step' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-2]]:3: note: no visible code submits the task called here; it is assumed to throw (AssumeUnknownTasksThrow)
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-4]]:15: note: thread 'worker' declared here
  worker.join();
}
