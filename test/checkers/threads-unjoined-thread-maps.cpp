// RUN: %check_threads %s threads-unjoined-thread %t -- -std=c++17
// A thread type of the ThreadTypes option is a map's thread too.
// RUN: %check_threads --check-suffixes=CUSTOM %s threads-unjoined-thread %t \
// RUN:   --config="{CheckOptions: {threads-unjoined-thread.ThreadTypes: '::std::thread;::pool::worker'}}" \
// RUN:   -- -std=c++17 -DCUSTOM

// Maps own their mapped threads as vectors own their elements: started by
// insert, emplace, try_emplace, insert_or_assign or `m[k] = std::thread(f)`;
// joined by a loop over the entries (`entry.second`, a structured binding,
// `it->second`). Lists, deques and forward_lists are started at the front
// and after a position too.

#include <deque>
#include <forward_list>
#include <list>
#include <map>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>

void work();
void work_on(int);

#ifdef CUSTOM
namespace pool {
class worker {
public:
  worker() = default;
  template <typename F> explicit worker(F f) {}
  worker(worker &&) = default;
  worker &operator=(worker &&) = default;
  ~worker() {}
  void join() {}
};
} // namespace pool

void custom_threads_never_joined() {
  std::map<int, pool::worker> workers;
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:31: warning: threads in 'workers' are started but never joined or detached; destroying them will call std::terminate [threads-unjoined-thread]
  workers.try_emplace(1, work);
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:3: note: thread started here
}

void custom_threads_joined() {
  std::map<int, pool::worker> workers;
  workers.try_emplace(1, work);
  for (auto &[id, w] : workers)
    w.join();
}
#endif

// --- flagged --------------------------------------------------------------

void subscript_assignment(int n) {
  std::map<int, std::thread> sessions;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: threads in 'sessions' are started but never joined or detached; destroying them will call std::terminate [threads-unjoined-thread]
  for (int i = 0; i < n; ++i)
    sessions[i] = std::thread(work_on, i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: thread started here
}

void emplace_key_and_callable() {
  std::unordered_map<std::string, std::thread> pollers;
  // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: threads in 'pollers' are started
  pollers.emplace("disk", work);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: thread started here
}

void try_emplace_callable() {
  std::map<int, std::thread> workers;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: threads in 'workers' are started
  workers.try_emplace(1, work_on, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: thread started here
}

void insert_braced_entry() {
  std::multimap<int, std::thread> jobs;
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: threads in 'jobs' are started
  jobs.insert({1, std::thread(work)});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: thread started here
}

void insert_made_pair() {
  std::map<int, std::thread> jobs;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: threads in 'jobs' are started
  jobs.insert(std::make_pair(2, std::thread(work)));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: thread started here
}

void insert_or_assign_moved(std::thread t) {
  std::map<int, std::thread> jobs;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: threads in 'jobs' are started
  jobs.insert_or_assign(3, std::move(t));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: thread started here
}

void only_keys_looked_at() {
  std::map<int, std::thread> jobs;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: threads in 'jobs' are started
  jobs.emplace(1, std::thread(work));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: thread started here
  for (auto &entry : jobs)
    (void)entry.first;
}

void list_front() {
  std::list<std::thread> l;
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: threads in 'l' are started
  l.emplace_front(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: thread started here
}

void forward_list_after() {
  std::forward_list<std::thread> l;
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: threads in 'l' are started
  l.emplace_after(l.before_begin(), work);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: thread started here
}

void deque_insert(std::deque<std::thread>::size_type n) {
  std::deque<std::thread> d;
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: threads in 'd' are started
  d.insert(d.begin(), std::thread(work_on, int(n)));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: thread started here
}

class SessionTable {
  std::map<int, std::thread> sessions_;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: threads in member 'sessions_' are started but no member function of 'SessionTable' joins or detaches them; destroying a 'SessionTable' will call std::terminate [threads-unjoined-thread]

public:
  void open(int id) { sessions_[id] = std::thread(work_on, id); }
  // CHECK-MESSAGES: :[[@LINE-1]]:23: note: thread started here
};

// --- not flagged ----------------------------------------------------------

class JoinedSessionTable {
  std::unordered_map<int, std::thread> sessions_;

public:
  void open(int id) { sessions_.try_emplace(id, work_on, id); }
  ~JoinedSessionTable() {
    for (auto &[id, t] : sessions_)
      if (t.joinable())
        t.join();
  }
};

void joined_by_structured_binding(int n) {
  std::map<int, std::thread> sessions;
  for (int i = 0; i < n; ++i)
    sessions[i] = std::thread(work_on, i);
  for (auto &[id, t] : sessions)
    t.join();
}

void joined_through_second() {
  std::unordered_map<std::string, std::thread> pollers;
  pollers.emplace("disk", work);
  for (auto &p : pollers)
    p.second.join();
}

void joined_by_iterator() {
  std::map<int, std::thread> jobs;
  jobs.try_emplace(1, work);
  for (auto it = jobs.begin(); it != jobs.end(); ++it)
    it->second.detach();
}

void joined_by_key() {
  std::map<int, std::thread> jobs;
  jobs[7] = std::thread(work);
  jobs[7].join();
}

void joined_by_at() {
  std::map<int, std::thread> jobs;
  jobs.emplace(7, std::thread(work));
  jobs.at(7).join();
}

void joined_after_find() {
  std::map<int, std::thread> jobs;
  jobs.emplace(7, work);
  auto it = jobs.find(7);
  if (it != jobs.end())
    it->second.join();
}

void default_threads_only() {
  std::map<int, std::thread> slots;
  slots.try_emplace(1);
  slots[2];
  slots.emplace(3, std::thread());
}

void handed_over_node(std::map<int, std::thread> &registry) {
  std::map<int, std::thread> jobs;
  jobs.emplace(1, work);
  registry.insert(jobs.extract(1));
}

void register_all(std::map<int, std::thread> &);
void handed_to_callee() {
  std::map<int, std::thread> jobs;
  jobs.emplace(1, work);
  register_all(jobs);
}

std::map<int, std::thread> returned_map() {
  std::map<int, std::thread> jobs;
  jobs.emplace(1, work);
  return jobs;
}

void entry_moved_out(std::thread &out) {
  std::map<int, std::thread> jobs;
  jobs.emplace(1, work);
  out = std::move(jobs.begin()->second);
}

void map_of_ints_is_no_owner() {
  std::map<std::thread::id, int> counts;
  counts[std::this_thread::get_id()] = 1;
}

void list_front_joined() {
  std::list<std::thread> l;
  l.push_front(std::thread(work));
  for (auto &t : l)
    t.join();
}
