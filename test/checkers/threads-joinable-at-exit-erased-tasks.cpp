// RUN: %check_threads %s threads-joinable-at-exit %t -- -std=c++20 -fexceptions

#include <functional>
#include <map>
#include <stdexcept>
#include <thread>
#include <vector>

// The second task runs on this thread between the start and the join: when
// it throws, the first task's thread is destroyed joinable.
void run_in_parallel(std::function<void()> first,
                     std::function<void()> second) {
  std::thread worker(first);
  second();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread 'worker' is still joinable if 'second' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE+11]]:33: note: task submitted here
  // CHECK-MESSAGES: :[[@LINE+12]]:7: note: 'std::runtime_error' is thrown here
  // CHECK-MESSAGES: :[[@LINE-5]]:15: note: thread 'worker' declared here
  worker.join();
}

int counter;

void merge_halves() { ++counter; }

void use_run_in_parallel() {
  run_in_parallel(merge_halves, [] {
    if (counter > 2)
      throw std::runtime_error("second half failed");
  });
}

// Every task given to it is visible and cannot throw: silent.
void run_both(std::function<void()> first, std::function<void()> second) {
  std::thread worker(first);
  second();
  worker.join();
}

void use_run_both() { run_both(merge_halves, [] { ++counter; }); }

// A task through a function pointer.
void run_with(void (*step)()) {
  std::thread worker(merge_halves);
  step();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread 'worker' is still joinable if 'step' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE+8]]:32: note: task submitted here
  // CHECK-MESSAGES: :[[@LINE+5]]:23: note: 'std::logic_error' is thrown here
  // CHECK-MESSAGES: :[[@LINE-5]]:15: note: thread 'worker' declared here
  worker.join();
}

void failing_step() { throw std::logic_error("step failed"); }

void use_run_with() { run_with(&failing_step); }

// Nothing in this file calls it: what `step` runs is unknown, and the call
// keeps its old answer.
void run_unknown(void (*step)()) {
  std::thread worker(merge_halves);
  step();
  worker.join();
}

// A callback kept in a map runs between the start and the join.
struct Callbacks {
  std::map<int, std::function<void()>> by_id;
  void on(int id, std::function<void()> f) { by_id[id] = std::move(f); }
};

void dispatch_while_working(Callbacks &callbacks) {
  std::thread worker(merge_halves);
  callbacks.by_id[1]();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread 'worker' is still joinable if the task called throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE+7]]:19: note: task submitted here
  // CHECK-MESSAGES: :[[@LINE+6]]:24: note: 'std::runtime_error' is thrown here
  // CHECK-MESSAGES: :[[@LINE-5]]:15: note: thread 'worker' declared here
  worker.join();
}

void register_failing(Callbacks &callbacks) {
  callbacks.on(1, [] { throw std::runtime_error("handler failed"); });
}

// A struct's callback whose every stored task cannot throw: silent.
struct Step {
  std::function<void()> fn;
  int order;
};

void run_step_while_working(Step &step) {
  std::thread worker(merge_halves);
  step.fn();
  worker.join();
}

void make_steps(std::vector<Step> &steps) {
  steps.push_back(Step{[] { ++counter; }, 1});
}
