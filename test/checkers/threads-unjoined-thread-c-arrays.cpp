// RUN: %check_threads %s threads-unjoined-thread %t \
// RUN:   --config="{CheckOptions: {threads-unjoined-thread.ThreadTypes: '::std::thread;::lib::worker'}}" \
// RUN:   -- -std=c++17

// A C array of threads owns them as a std::array does: started when an
// element is, handed over when the array decays to a pointer.

#include <algorithm>
#include <iterator>
#include <thread>

namespace lib {
class worker {
public:
  worker() = default;
  template <typename F> explicit worker(F f) {}
  worker(worker &&) = default;
  worker &operator=(worker &&) = default;
  ~worker() {}
  void join() {}
  void detach() {}
  bool joinable() const { return true; }
};
} // namespace lib

void work();
void join_all(std::thread *threads, int n);

// --- flagged --------------------------------------------------------------

void started_by_index_never_joined() {
  std::thread workers[4];
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: threads in 'workers' are started but never joined or detached; destroying them will call std::terminate [threads-unjoined-thread]
  for (int i = 0; i < 4; ++i)
    workers[i] = std::thread(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: thread started here
}

void started_through_range_for_reference() {
  std::thread workers[2];
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: threads in 'workers' are started
  for (auto &t : workers)
    t = std::thread(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: thread started here
}

void array_of_a_configured_thread_type() {
  lib::worker pool[2];
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: threads in 'pool' are started but never joined or detached
  pool[0] = lib::worker(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: thread started here
}

class Pool {
  std::thread workers_[4];
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: threads in member 'workers_' are started but no member function of 'Pool' joins or detaches them; destroying a 'Pool' will call std::terminate [threads-unjoined-thread]

public:
  Pool() {
    for (int i = 0; i < 4; ++i)
      workers_[i] = std::thread(work);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: thread started here
  }
};

// --- not flagged ----------------------------------------------------------

void joined_range_for() {
  std::thread workers[4];
  for (int i = 0; i < 4; ++i)
    workers[i] = std::thread(work);
  for (auto &t : workers)
    t.join();
}

void joined_by_index() {
  std::thread workers[4];
  for (int i = 0; i < 4; ++i)
    workers[i] = std::thread(work);
  for (int i = 0; i < 4; ++i)
    workers[i].join();
}

void configured_type_detached() {
  lib::worker pool[2];
  pool[1] = lib::worker(work);
  pool[1].detach();
}

void decays_to_a_pointer() {
  std::thread workers[4];
  for (int i = 0; i < 4; ++i)
    workers[i] = std::thread(work);
  join_all(workers, 4);
}

void joined_by_for_each() {
  std::thread workers[2];
  workers[0] = std::thread(work);
  std::for_each(std::begin(workers), std::end(workers),
                [](std::thread &t) { t.join(); });
}

void never_started() {
  std::thread workers[4];
  for (auto &t : workers)
    (void)t.joinable();
}

void array_of_pointers_owns_nothing(std::thread &t) {
  std::thread *refs[1] = {&t};
  (void)refs;
}

class JoinedPool {
  std::thread workers_[4];

public:
  JoinedPool() {
    for (int i = 0; i < 4; ++i)
      workers_[i] = std::thread(work);
  }
  ~JoinedPool() {
    for (auto &t : workers_)
      t.join();
  }
};
