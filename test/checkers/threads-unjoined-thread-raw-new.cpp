// RUN: %check_threads %s threads-unjoined-thread %t -- -std=c++17
// A thread type of the ThreadTypes option is owned by a raw pointer too.
// RUN: %check_threads --check-suffixes=CUSTOM %s threads-unjoined-thread %t \
// RUN:   --config="{CheckOptions: {threads-unjoined-thread.ThreadTypes: '::std::thread;::pool::worker'}}" \
// RUN:   -- -std=c++17 -DCUSTOM

// A thread made by `new` and owned by a raw pointer: deleting it while it is
// joinable calls std::terminate; never deleting it leaks it, and nothing
// waits for it. A pointer that is copied, stored, returned or passed has
// another owner and is left alone.

#include <thread>
#include <utility>
#include <vector>

void work();
void work_on(int);
bool ready();

#ifdef CUSTOM
namespace pool {
class worker {
public:
  template <typename F> explicit worker(F f) {}
  ~worker() {}
  void join() {}
};
} // namespace pool

void custom_thread_deleted() {
  pool::worker *w = new pool::worker(work);
  delete w;
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:3: warning: thread owned by 'w' is still joinable when it is deleted here; its destructor will call std::terminate [threads-unjoined-thread]
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-3]]:21: note: thread started here
}

void custom_thread_joined() {
  pool::worker *w = new pool::worker(work);
  w->join();
  delete w;
}
#endif

// --- flagged --------------------------------------------------------------

void deleted_while_joinable() {
  std::thread *p = new std::thread(work);
  delete p;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread owned by 'p' is still joinable when it is deleted here; its destructor will call std::terminate [threads-unjoined-thread]
  // CHECK-MESSAGES: :[[@LINE-3]]:20: note: thread started here
}

void deleted_after_conditional_start(bool background) {
  std::thread *p = nullptr;
  if (background)
    p = new std::thread(work_on, 1);
  if (p)
    delete p;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: thread owned by 'p' is still joinable when it is deleted here
  // CHECK-MESSAGES: :[[@LINE-4]]:9: note: thread started here
}

void leaked() {
  auto *p = new std::thread(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: thread owned by 'p' is started but never joined, detached or deleted; the thread leaks and nothing waits for it to finish [threads-unjoined-thread]
  // CHECK-MESSAGES: :[[@LINE-2]]:13: note: thread started here
  if (p->joinable())
    work();
}

class Poller {
  std::thread *thread_ = nullptr;

public:
  void start() { thread_ = new std::thread(&Poller::poll, this); }
  ~Poller() { delete thread_; }
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread owned by member 'thread_' is still joinable when it is deleted here; its destructor will call std::terminate [threads-unjoined-thread]
  // CHECK-MESSAGES: :[[@LINE-3]]:28: note: thread started here
  void poll() {}
};

class Leaky {
  std::thread *worker_;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: thread owned by member 'worker_' is started but no member function of 'Leaky' joins, detaches or deletes it; the thread leaks and nothing waits for it to finish [threads-unjoined-thread]

public:
  Leaky() : worker_(new std::thread(work)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:21: note: thread started here
};

// --- not flagged ----------------------------------------------------------

void joined_then_deleted() {
  std::thread *p = new std::thread(work);
  p->join();
  delete p;
}

void detached_through_deref() {
  std::thread *p = new std::thread(work);
  (*p).detach();
  delete p;
}

void guarded_join(bool background) {
  std::thread *p = nullptr;
  if (background)
    p = new std::thread(work);
  if (p && p->joinable())
    p->join();
  delete p;
  p = nullptr;
}

std::thread *returned() {
  std::thread *p = new std::thread(work);
  return p;
}

void registered(std::vector<std::thread *> &all) {
  std::thread *p = new std::thread(work);
  all.push_back(p);
}

void join_and_delete(std::thread *);
void passed_on() {
  std::thread *p = new std::thread(work);
  join_and_delete(p);
}

void copied() {
  std::thread *p = new std::thread(work);
  std::thread *q = p;
  q->join();
  delete q;
}

void thread_moved_out(std::thread &out) {
  std::thread *p = new std::thread(work);
  out = std::move(*p);
  delete p;
}

void captured() {
  std::thread *p = new std::thread(work);
  auto finish = [p] {
    p->join();
    delete p;
  };
  finish();
}

void not_a_started_thread() {
  std::thread *p = new std::thread();
  delete p;
}

void points_at_a_local() {
  std::thread t(work);
  std::thread *p = &t;
  p->join();
}

void deleted_before_start() {
  std::thread *p = nullptr;
  delete p;
  p = new std::thread(work);
  p->detach();
}

void forever_owned_by_a_static() {
  static std::thread *background = new std::thread(work);
  (void)background;
}

class Worker {
  std::thread *thread_ = nullptr;

public:
  void start() { thread_ = new std::thread(work); }
  void stop() {
    if (thread_) {
      thread_->join();
      delete thread_;
      thread_ = nullptr;
    }
  }
  ~Worker() { stop(); }
};

class StoppedOutOfSight {
  std::thread *thread_ = nullptr;

public:
  void start() { thread_ = new std::thread(work); }
  void stop(); // defined in another file: it may join
  ~StoppedOutOfSight() { delete thread_; }
};

struct PublicPointer {
  std::thread *t = nullptr;
  void start() { t = new std::thread(work); }
};
