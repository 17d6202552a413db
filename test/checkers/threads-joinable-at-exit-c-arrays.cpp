// RUN: %check_threads --check-suffixes=JOINABLE %s threads-joinable-at-exit %t -- -std=c++17
// Joining an array's threads one by one in a loop is no invalid join.
// RUN: %check_threads --check-suffixes=INVALID %s threads-invalid-join %t -- -std=c++17

// A local C array of threads is tracked like a std::array of them: started
// when an element is, joined when a loop over its elements that joins each
// one is left.

#include <stdexcept>
#include <thread>

void work();
bool ready();
void join_all(std::thread *threads, int n);

// --- flagged --------------------------------------------------------------

int early_return_before_range_for_join() {
  std::thread workers[4];
  for (int i = 0; i < 4; ++i)
    workers[i] = std::thread(work);
  if (!ready())
    return 1;
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-1]]:5: warning: threads in 'workers' are still joinable when this 'return' leaves their scope; their destructors will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-6]]:15: note: container 'workers' declared here
  for (auto &t : workers)
    t.join();
  return 0;
}

void early_return_before_index_join() {
  std::thread workers[4];
  for (int i = 0; i < 4; ++i)
    workers[i] = std::thread(work);
  if (!ready())
    return;
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-1]]:5: warning: threads in 'workers' are still joinable when this 'return' leaves their scope; their destructors will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-6]]:15: note: container 'workers' declared here
  for (int i = 0; i < 4; ++i)
    workers[i].join();
}

void throws_before_the_join_loop(int n) {
  std::thread workers[2];
  for (auto &t : workers)
    t = std::thread(work);
  if (n > 8)
    throw std::invalid_argument("too many");
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-1]]:5: warning: threads in 'workers' are still joinable when this exception leaves their scope; their destructors will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES-JOINABLE: :[[@LINE-6]]:15: note: container 'workers' declared here
  for (auto &t : workers)
    t.join();
}

// --- not flagged ----------------------------------------------------------

int joined_on_every_path() {
  std::thread workers[4];
  for (int i = 0; i < 4; ++i)
    workers[i] = std::thread(work);
  for (auto &t : workers)
    t.join();
  if (!ready())
    return 1;
  return 0;
}

int index_join_before_return() {
  std::thread workers[4];
  for (int i = 0; i < 4; ++i)
    workers[i] = std::thread(work);
  for (int i = 0; i < 4; ++i)
    workers[i].join();
  return ready() ? 0 : 1;
}

void handed_over_before_return() {
  std::thread workers[4];
  for (int i = 0; i < 4; ++i)
    workers[i] = std::thread(work);
  join_all(workers, 4);
  if (!ready())
    return;
}
