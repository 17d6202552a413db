// RUN: %check_threads %s threads-invalid-join %t -- -std=c++17
// A container member joined by stop() and never cleared: a second cycle
// (start, stop, start, stop) joins the threads of the first one again.

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

bool more();
void wait_a_bit();

// --- flagged --------------------------------------------------------------

// A worker pool restarted by its owner: the second stop() joins the
// workers of the first cycle again.
class Pool {
public:
  void start(int n) {
    running_ = true;
    for (int i = 0; i < n; ++i)
      workers_.emplace_back(&Pool::work, this);
  }
  void stop() {
    running_ = false;
    for (auto &w : workers_)
      w.join();
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: a thread in 'workers_' is already joined when this 'join()' reaches it again: 'workers_' keeps the threads an earlier call of 'Pool::stop' joined, and 'reconfigure' calls 'Pool::stop' again; 'join()' will throw std::system_error [threads-invalid-join]
      // CHECK-MESSAGES: :[[@LINE+18]]:3: note: 'Pool::start' adds threads to 'workers_' here
      // CHECK-MESSAGES: :[[@LINE+18]]:3: note: 'Pool::stop' joins them here and does not clear 'workers_'
      // CHECK-MESSAGES: :[[@LINE+20]]:3: note: 'Pool::start' adds more threads here
      // CHECK-MESSAGES: :[[@LINE+20]]:3: note: 'Pool::stop' is called again here
  }
  int size() const { return static_cast<int>(workers_.size()); }

private:
  void work() {
    while (running_)
      wait_a_bit();
  }
  std::atomic<bool> running_{false};
  std::vector<std::thread> workers_;
};

void reconfigure() {
  Pool pool;
  pool.start(4);
  pool.stop();
  if (pool.size() > 8)
    wait_a_bit();
  pool.start(8);
  pool.stop();
}

// A poller restarted in a loop; the join loop is an index loop and the
// joining goes through a helper.
class Poller {
public:
  void start() {
    for (int i = 0; i < 2; ++i)
      threads_.push_back(std::thread([this] { poll(); }));
  }
  void stop() {
    done_ = true;
    joinAll();
  }

private:
  void joinAll() {
    for (std::size_t i = 0; i < threads_.size(); ++i)
      threads_[i].join();
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: a thread in 'threads_' is already joined when this 'join()' reaches it again: 'threads_' keeps the threads an earlier call of 'Poller::stop' joined, and a loop in 'serve' calls 'Poller::stop' again; 'join()' will throw std::system_error [threads-invalid-join]
      // CHECK-MESSAGES: :[[@LINE+14]]:5: note: 'Poller::start' adds threads to 'threads_' here
      // CHECK-MESSAGES: :[[@LINE+15]]:5: note: 'Poller::stop' joins them here and does not clear 'threads_'
      // CHECK-MESSAGES: :[[@LINE+11]]:3: note: the next iteration of this loop calls 'Poller::start' and 'Poller::stop' again
      // CHECK-MESSAGES: :[[@LINE-11]]:5: note: 'Poller::stop' calls 'Poller::joinAll' here
  }
  void poll() {}
  std::atomic<bool> done_{false};
  std::vector<std::thread> threads_;
};

Poller poller;

void serve() {
  while (more()) {
    poller.start();
    wait_a_bit();
    poller.stop();
  }
}

void joinOne(std::thread &t) { t.join(); }

// The class's own code stops twice after one start; the joining loop is an
// algorithm.
class Server {
public:
  void run() {
    start();
    stop();
    stop();
  }
  void start() { pool_.emplace_back([] { wait_a_bit(); }); }
  void stop() { std::for_each(pool_.begin(), pool_.end(), joinOne); }
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: a thread in 'pool_' is already joined when this 'join()' reaches it again: 'pool_' keeps the threads an earlier call of 'Server::stop' joined, and 'Server::run' calls 'Server::stop' again; 'join()' will throw std::system_error [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-7]]:5: note: 'Server::start' adds threads to 'pool_' here
  // CHECK-MESSAGES: :[[@LINE-7]]:5: note: 'Server::stop' joins them here and does not clear 'pool_'
  // CHECK-MESSAGES: :[[@LINE-7]]:5: note: 'Server::stop' is called again here

private:
  std::vector<std::thread> pool_;
};

// --- must NOT warn ----------------------------------------------------------

// stop() clears the container after joining.
class ClearingPool {
public:
  void start() { workers_.emplace_back([] { wait_a_bit(); }); }
  void stop() {
    for (auto &w : workers_)
      w.join();
    workers_.clear();
  }

private:
  std::vector<std::thread> workers_;
};

// The join loop skips threads that are not joinable.
class GuardedPool {
public:
  void start() { workers_.emplace_back([] { wait_a_bit(); }); }
  void stop() {
    for (auto &w : workers_)
      if (w.joinable())
        w.join();
  }

private:
  std::vector<std::thread> workers_;
};

// stop() runs once: a flag it clears returns early the second time.
class OnceStopped {
public:
  void start() {
    running_ = true;
    workers_.emplace_back([] { wait_a_bit(); });
  }
  void stop() {
    if (!running_.exchange(false))
      return;
    for (auto &w : workers_)
      w.join();
  }

private:
  std::atomic<bool> running_{false};
  std::vector<std::thread> workers_;
};

// start() clears what an earlier stop() left.
class RestartClears {
public:
  void start() {
    workers_.clear();
    workers_.emplace_back([] { wait_a_bit(); });
  }
  void stop() {
    for (auto &w : workers_)
      w.join();
  }

private:
  std::vector<std::thread> workers_;
};

// The caller clears in between: a public member.
struct Crew {
  void start() { threads.emplace_back([] { wait_a_bit(); }); }
  void stop() {
    for (auto &t : threads)
      t.join();
  }
  std::vector<std::thread> threads;
};

void one_cycle_each() {
  // A stop() reached once per object.
  ClearingPool a;
  a.start();
  a.stop();
  a.start();
  a.stop();
  GuardedPool b;
  b.start();
  b.stop();
  b.start();
  b.stop();
  OnceStopped c;
  c.start();
  c.stop();
  c.stop();
  RestartClears d;
  d.start();
  d.stop();
  d.start();
  d.stop();
  Crew e;
  e.start();
  e.stop();
  e.threads.clear();
  e.start();
  e.stop();
  Pool f;
  f.start(2);
  f.stop();
  // A fresh object each iteration.
  for (int i = 0; i < 3; ++i) {
    Pool g;
    g.start(1);
    g.stop();
  }
  // Two objects, one cycle each.
  Pool h, k;
  h.start(1);
  k.start(1);
  h.stop();
  k.stop();
  // The second start and stop only on some paths: a branch ends the
  // sequence.
  Pool m;
  m.start(1);
  m.stop();
  if (more()) {
    m.start(1);
  }
  m.stop();
}

// A stop() called twice without a start before: the container may be empty.
void stop_only(Pool &p) {
  p.stop();
  p.stop();
}

// Handed to other code between the cycles, which may do anything to it.
void reset(Pool &p);
void handed_over() {
  Pool p;
  p.start(1);
  p.stop();
  reset(p);
  p.start(1);
  p.stop();
}
