// RUN: %check_threads --check-suffixes=JOINABLE %s threads-joinable-at-exit %t -- -std=c++17
// Joining a map's threads one by one in a loop is no invalid join.
// RUN: %check_threads --check-suffixes=INVALID %s threads-invalid-join %t -- -std=c++17

// A local map of threads is tracked like a vector of them: started when an
// entry's thread is, joined when a loop that joins each entry's thread is
// left.

#include <list>
#include <map>
#include <string>
#include <thread>
#include <unordered_map>

void work();
void work_on(int);
bool ready();

// --- flagged --------------------------------------------------------------

int early_return_before_binding_loop(int n) {
  std::map<int, std::thread> sessions;
  for (int i = 0; i < n; ++i)
    sessions[i] = std::thread(work_on, i);
  if (!ready())
    return 1;
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-1]]:5: warning: threads in 'sessions' are still joinable when this 'return' leaves their scope; their destructors will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-6]]:30: note: container 'sessions' declared here
  for (auto &[id, t] : sessions)
    t.join();
  return 0;
}

int early_return_before_second_loop() {
  std::unordered_map<std::string, std::thread> pollers;
  pollers.emplace("disk", work);
  pollers.try_emplace("net", work);
  if (!ready())
    return 1;
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-1]]:5: warning: threads in 'pollers' are still joinable when this 'return' leaves their scope; their destructors will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-6]]:48: note: container 'pollers' declared here
  for (auto &p : pollers)
    p.second.join();
  return 0;
}

void list_started_at_front(int n) {
  std::list<std::thread> workers;
  workers.push_front(std::thread(work));
  if (n < 0)
    return;
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-1]]:5: warning: threads in 'workers' are still joinable when this 'return' leaves their scope; their destructors will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-5]]:26: note: container 'workers' declared here
  for (auto &t : workers)
    t.join();
}

// --- not flagged ----------------------------------------------------------

void joined_by_binding_loop(int n) {
  std::map<int, std::thread> sessions;
  for (int i = 0; i < n; ++i)
    sessions.try_emplace(i, work_on, i);
  for (auto &[id, t] : sessions)
    t.join();
}

void joined_through_second() {
  std::unordered_map<std::string, std::thread> pollers;
  pollers.insert({"disk", std::thread(work)});
  for (auto &p : pollers)
    p.second.join();
}

void joined_through_iterator() {
  std::multimap<int, std::thread> jobs;
  jobs.emplace(1, work);
  for (auto it = jobs.begin(); it != jobs.end(); ++it)
    it->second.join();
}

int returns_before_any_start() {
  std::map<int, std::thread> sessions;
  if (!ready())
    return 1;
  sessions[0] = std::thread(work);
  for (auto &[id, t] : sessions)
    t.join();
  return 0;
}
