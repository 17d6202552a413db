// RUN: %check_threads %s threads-unjoined-thread %t -- -std=c++17
// A thread type of the ThreadTypes option is held the same way.
// RUN: %check_threads --check-suffixes=CUSTOM %s threads-unjoined-thread %t \
// RUN:   --config="{CheckOptions: {threads-unjoined-thread.ThreadTypes: '::std::thread;::pool::worker'}}" \
// RUN:   -- -std=c++17 -DCUSTOM

// A struct with a public thread member that its users start and join from
// outside (`Job j; j.t = std::thread(f);`): a local of it owns that thread.

#include <thread>
#include <utility>
#include <vector>

void work();
void work_on(int);
bool ready();

struct Job {
  std::thread t;
  int id = 0;
};

struct Pair {
  std::thread reader;
  std::thread writer;
};

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

struct Task {
  pool::worker w;
};

void custom_thread_never_joined() {
  Task task;
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:8: warning: thread 'task.w' is started but never joined or detached; its destructor will call std::terminate [threads-unjoined-thread]
  task.w = pool::worker(work);
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:3: note: thread started here
}

void custom_thread_joined() {
  Task task;
  task.w = pool::worker(work);
  task.w.join();
}
#endif

// --- flagged --------------------------------------------------------------

void started_from_outside() {
  Job j;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 'j.t' is started but never joined or detached; its destructor will call std::terminate [threads-unjoined-thread]
  j.id = 1;
  j.t = std::thread(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: thread started here
}

void started_by_aggregate_initializer() {
  Job j{std::thread(work_on, 2), 2};
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 'j.t' is started but never joined or detached
  if (j.t.joinable())
    work();
}

void one_of_two_joined() {
  Pair p;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: thread 'p.writer' is started but never joined or detached
  p.reader = std::thread(work);
  p.writer = std::thread(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: thread started here
  p.reader.join();
}

// --- not flagged ----------------------------------------------------------

void joined_from_outside() {
  Job j;
  j.t = std::thread(work);
  j.t.join();
}

void detached_in_a_lambda() {
  Job j;
  j.t = std::thread(work);
  auto finish = [&] { j.t.detach(); };
  finish();
}

void finish(Job &job);
void handed_to_a_function() {
  Job j;
  j.t = std::thread(work);
  finish(j);
}

Job returned() {
  Job j;
  j.t = std::thread(work);
  return j;
}

void moved_into_a_vector(std::vector<Job> &jobs) {
  Job j;
  j.t = std::thread(work);
  jobs.push_back(std::move(j));
}

void thread_moved_out(std::thread &out) {
  Job j;
  j.t = std::thread(work);
  out = std::move(j.t);
}

void never_started() {
  Job j;
  j.id = 3;
}

void vector_of_jobs_joined(int n) {
  std::vector<Job> jobs(n);
  for (int i = 0; i < n; ++i)
    jobs[i].t = std::thread(work_on, i);
  for (auto &job : jobs)
    job.t.join();
}

struct Guarded {
  std::thread t;
  ~Guarded() {
    if (t.joinable())
      t.join();
  }
};

void holder_with_a_destructor() {
  Guarded g;
  g.t = std::thread(work);
}

struct JoinGuard {
  explicit JoinGuard(std::thread &t) : t(t) {}
  ~JoinGuard() {
    if (t.joinable())
      t.join();
  }
  std::thread &t;
};

struct GuardedJob {
  std::thread t;
  JoinGuard guard{t};
};

void joined_by_a_guard_member() {
  GuardedJob j;
  j.t = std::thread(work);
}

class Private {
  std::thread t_;

public:
  void start() { t_ = std::thread(work); }
  void stop() { t_.join(); }
};

void holder_with_private_thread() {
  Private p;
  p.start();
}
