// RUN: %check_threads %s threads-unjoined-thread %t -- -std=c++17

#include <algorithm>
#include <array>
#include <deque>
#include <functional>
#include <list>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

void work();
void work_with(int);

// --- flagged --------------------------------------------------------------

void pool_never_joined(int n) {
  std::vector<std::thread> workers;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: threads in 'workers' are started but never joined or detached; destroying them will call std::terminate [threads-unjoined-thread]
  for (int i = 0; i < n; ++i)
    workers.emplace_back(work_with, i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: thread started here
}

void push_back_temporary() {
  std::deque<std::thread> q;
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: threads in 'q' are started
  q.push_back(std::thread(work));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: thread started here
}

void moved_in_from_local() {
  std::list<std::thread> l;
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: threads in 'l' are started
  std::thread t(work);
  l.push_back(std::move(t));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: thread started here
}

void array_assigned_elements() {
  std::array<std::thread, 2> a;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: threads in 'a' are started
  a[0] = std::thread(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: thread started here
}

void only_size_queried() {
  std::vector<std::thread> v;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: threads in 'v' are started
  v.emplace_back(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: thread started here
  if (v.size() > 1)
    v.front().get_id();
}

// --- not flagged ----------------------------------------------------------

void joined_range_for(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back(work_with, i);
  for (auto &t : workers)
    t.join();
}

void joined_by_index(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.push_back(std::thread(work_with, i));
  for (std::size_t i = 0; i < workers.size(); ++i)
    workers[i].join();
}

void joined_by_iterator() {
  std::vector<std::thread> workers;
  workers.emplace_back(work);
  for (auto it = workers.begin(); it != workers.end(); ++it)
    it->join();
}

void joined_by_for_each_lambda() {
  std::vector<std::thread> workers;
  workers.emplace_back(work);
  std::for_each(workers.begin(), workers.end(),
                [](std::thread &t) { t.join(); });
}

void joined_by_mem_fn() {
  std::vector<std::thread> workers;
  workers.emplace_back(work);
  std::for_each(workers.begin(), workers.end(), std::mem_fn(&std::thread::join));
}

void joined_at_back() {
  std::vector<std::thread> workers;
  workers.emplace_back(work);
  workers.back().detach();
}

void join_all(std::vector<std::thread> &);
void handed_to_callee() {
  std::vector<std::thread> workers;
  workers.emplace_back(work);
  join_all(workers);
}

std::vector<std::thread> returned_pool() {
  std::vector<std::thread> workers;
  workers.emplace_back(work);
  return workers;
}

struct Pool {
  std::vector<std::thread> threads;
};
void moved_into_member(Pool &p) {
  std::vector<std::thread> workers;
  workers.emplace_back(work);
  p.threads = std::move(workers);
}

void never_filled() {
  std::vector<std::thread> workers;
  workers.reserve(4);
}

void default_elements_only() {
  std::vector<std::thread> workers(4);
  workers.emplace_back();
}

void joined_through_unknown_callable() {
  std::vector<std::thread> workers;
  workers.emplace_back(work);
  struct Joiner {
    void operator()(std::thread &t) const { t.join(); }
  };
  std::for_each(workers.begin(), workers.end(), Joiner());
}
