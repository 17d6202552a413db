// RUN: %check_threads --check-suffixes=JOINABLE %s threads-joinable-at-exit %t -- -std=c++17
// Joining a container's threads one by one in a loop is no invalid join.
// RUN: %check_threads --check-suffixes=INVALID %s threads-invalid-join %t -- -std=c++17

// A local container of threads is tracked like one thread: started when an
// element is, joined when a loop over its elements that joins each one is
// left (the path that skips the loop's body is the one on which it was
// empty).

#include <algorithm>
#include <array>
#include <deque>
#include <list>
#include <memory>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

void work();
bool ready();
int parse(int x) {
  if (x < 0)
    throw std::invalid_argument("negative");
  return x;
}
void take(std::vector<std::thread> threads);
void adopt(std::vector<std::thread> &threads);
void inspect(const std::vector<std::thread> &threads);

// --- flagged --------------------------------------------------------------

int early_return(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back(work);
  if (!ready())
    return 1;
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-1]]:5: warning: threads in 'workers' are still joinable when this 'return' leaves their scope; their destructors will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-6]]:28: note: container 'workers' declared here
  for (auto &w : workers)
    w.join();
  return 0;
}

void exception_before_the_join_loop(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.push_back(std::thread(work));
  inspect(workers);
  parse(n);
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-1]]:3: warning: threads in 'workers' are still joinable if 'parse' throws here; their destructors will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-29]]:5: note: 'std::invalid_argument' is thrown here
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-7]]:28: note: container 'workers' declared here
  for (size_t i = 0; i < workers.size(); ++i)
    workers[i].join();
}

void started_in_the_loop_that_returns(int n) {
  std::deque<std::thread> workers;
  for (int i = 0; i < n; ++i) {
    workers.emplace_front(work);
    if (!ready())
      return;
    // CHECK-MESSAGES-JOINABLE: :[[@LINE-1]]:7: warning: threads in 'workers' are still joinable when this 'return' leaves their scope; their destructors will call std::terminate [threads-joinable-at-exit]
    // CHECK-MESSAGES-JOINABLE: :[[@LINE-6]]:27: note: container 'workers' declared here
  }
  for (std::thread &w : workers)
    w.join();
}

void joined_on_some_paths(int n, bool wait) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back(work);
  if (wait)
    for (auto &w : workers)
      w.join();
}
// CHECK-MESSAGES-JOINABLE: :[[@LINE-1]]:1: warning: threads in 'workers' may still be joinable at the end of their scope; their destructors will call std::terminate [threads-joinable-at-exit]
// CHECK-MESSAGES-JOINABLE: :[[@LINE-8]]:28: note: container 'workers' declared here

void return_inside_the_join_loop(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back(work);
  for (auto &w : workers) {
    if (!ready())
      return;
    // CHECK-MESSAGES-JOINABLE: :[[@LINE-1]]:7: warning: threads in 'workers' may still be joinable when this 'return' leaves their scope; their destructors will call std::terminate [threads-joinable-at-exit]
    // CHECK-MESSAGES-JOINABLE: :[[@LINE-7]]:28: note: container 'workers' declared here
    w.join();
  }
}

void array_assigned_then_returns() {
  std::array<std::thread, 4> workers;
  for (auto &w : workers)
    w = std::thread(work);
  if (!ready())
    return;
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-1]]:5: warning: threads in 'workers' are still joinable when this 'return' leaves their scope; their destructors will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-6]]:30: note: container 'workers' declared here
  for (auto &w : workers)
    w.join();
}

void exception_thrown_before_the_join_loop(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back(work);
  if (n > 8)
    throw std::invalid_argument("too many");
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-1]]:5: warning: threads in 'workers' are still joinable when this exception leaves their scope; their destructors will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-6]]:28: note: container 'workers' declared here
  for (auto &w : workers)
    w.join();
}

// A thread type spelled through an alias (RocksDB's port::Thread): a
// container of them is still "threads in", one of them "thread", whatever
// its name says.
namespace port {
using Thread = std::thread;
} // namespace port

int aliased_element_type(int n) {
  std::vector<port::Thread> threads;
  for (int i = 0; i < n; ++i)
    threads.emplace_back(work);
  if (!ready())
    return 1;
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-1]]:5: warning: threads in 'threads' are still joinable when this 'return' leaves their scope; their destructors will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-6]]:29: note: container 'threads' declared here
  for (auto &t : threads)
    t.join();
  return 0;
}

void one_aliased_thread_named_threads(int n) {
  port::Thread threads(work);
  parse(n);
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-1]]:3: warning: thread 'threads' is still joinable if 'parse' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-120]]:5: note: 'std::invalid_argument' is thrown here
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-4]]:16: note: thread 'threads' declared here
  threads.join();
}

// --- not flagged ----------------------------------------------------------

void joined_by_a_range_for(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back([] { work(); });
  for (auto &w : workers)
    if (w.joinable())
      w.join();
}

void joined_by_an_iterator_loop(int n) {
  std::list<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back(work);
  for (auto it = workers.begin(); it != workers.end(); ++it)
    it->join();
}

void joined_by_for_each(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back(work);
  std::for_each(workers.begin(), workers.end(),
                [](std::thread &t) { t.join(); });
}

void resized_then_assigned(int n) {
  std::vector<std::thread> workers;
  workers.resize(n);
  for (int i = 0; i < n; ++i)
    workers[i] = std::thread(work);
  for (auto &w : workers)
    w.join();
}

void break_out_of_the_join_loop(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back(work);
  for (auto &w : workers) {
    if (!w.joinable())
      break;
    w.join();
  }
}

void joined_twice(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back(work);
  for (auto &w : workers)
    w.join();
  for (auto &w : workers)
    if (w.joinable())
      w.join();
}

void one_container_per_round(int n) {
  for (int round = 0; round < 3; ++round) {
    std::vector<std::thread> workers;
    for (int i = 0; i < n; ++i)
      workers.emplace_back(work);
    for (auto &w : workers)
      w.join();
  }
}

std::vector<std::thread> returned(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back(work);
  if (!ready())
    return workers;
  for (auto &w : workers)
    w.join();
  return {};
}

void moved_out(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back(work);
  if (!ready())
    return take(std::move(workers));
  for (auto &w : workers)
    w.join();
}

void handed_over(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back(work);
  adopt(workers);
  if (!ready())
    return;
  for (auto &w : workers)
    w.join();
}

void joined_by_a_lambda(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back(work);
  auto join_all = [&] {
    for (auto &w : workers)
      w.join();
  };
  if (!ready())
    return join_all();
  join_all();
}

void filled_after_the_early_return(int n) {
  std::vector<std::thread> workers;
  if (!ready())
    return;
  for (int i = 0; i < n; ++i)
    workers.emplace_back(work);
  for (auto &w : workers)
    w.join();
}

// A unique_ptr owning a thread is not tracked along paths.
void unique_ptr_is_not_tracked() {
  auto t = std::make_unique<std::thread>(work);
  if (!ready())
    return;
  t->join();
}
