// RUN: %check_threads %s threads-unjoined-thread %t -- -std=c++17
// A std::shared_ptr to a thread destroys it with its last owner. One that is
// never copied is the only owner, like a unique_ptr; one that is copied
// anywhere (stored, passed on, captured, returned) may have another owner
// that joins the thread, and is left alone.
// A thread type of the ThreadTypes option works the same:
// RUN: %check_threads --check-suffixes=CUSTOM %s threads-unjoined-thread %t \
// RUN:   --config="{CheckOptions: {threads-unjoined-thread.ThreadTypes: '::std::thread;::lib::worker'}}" \
// RUN:   -- -std=c++17

#include <memory>
#include <thread>
#include <utility>
#include <vector>

void work();

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

// --- flagged --------------------------------------------------------------

void make_shared_never_joined() {
  auto p = std::make_shared<std::thread>(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: thread owned by 'p' is started but never joined or detached; destroying it will call std::terminate [threads-unjoined-thread]
}

void new_never_joined() {
  std::shared_ptr<std::thread> p(new std::thread(work));
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: thread owned by 'p' is started
}

void reset_later() {
  std::shared_ptr<std::thread> p;
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: thread owned by 'p' is started
  p.reset(new std::thread(work));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: thread started here
}

void assigned_later() {
  std::shared_ptr<std::thread> p;
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: thread owned by 'p' is started
  p = std::make_shared<std::thread>(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: thread started here
}

void discarded() {
  std::make_shared<std::thread>(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary thread owner is destroyed at the end of this statement while its thread is still joinable; its destructor will call std::terminate [threads-unjoined-thread]
}

class Service {
public:
  void start() { worker_ = std::make_shared<std::thread>(&Service::run, this); }
  bool running() const { return worker_ && worker_->joinable(); }

private:
  void run() {}
  std::shared_ptr<std::thread> worker_;
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: thread owned by member 'worker_' is started but no member function of 'Service' joins or detaches it; destroying a 'Service' will call std::terminate [threads-unjoined-thread]
  // CHECK-MESSAGES: :[[@LINE-7]]:18: note: thread started here
};

void custom_never_joined() {
  auto p = std::make_shared<lib::worker>(work);
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:8: warning: thread owned by 'p' is started but never joined or detached; destroying it will call std::terminate [threads-unjoined-thread]
}

// --- not flagged ----------------------------------------------------------

void joined_arrow() {
  auto p = std::make_shared<std::thread>(work);
  if (p && p->joinable())
    p->join();
}

void detached_deref() {
  std::shared_ptr<std::thread> p(new std::thread(work));
  (*p).detach();
}

void custom_joined() {
  auto p = std::make_shared<lib::worker>(work);
  p->join();
}

void copied_to_another_local() {
  auto p = std::make_shared<std::thread>(work);
  auto q = p;
  q->join();
}

void keep(std::shared_ptr<std::thread> p);
void passed_by_value() {
  auto p = std::make_shared<std::thread>(work);
  keep(p);
}

void look(const std::shared_ptr<std::thread> &p);
void passed_by_const_reference() {
  // The callee may keep a copy.
  auto p = std::make_shared<std::thread>(work);
  look(p);
}

void captured_by_value() {
  auto p = std::make_shared<std::thread>(work);
  auto running = [p] { return p->joinable(); };
  running();
}

void stored_in_container(std::vector<std::shared_ptr<std::thread>> &all) {
  auto p = std::make_shared<std::thread>(work);
  all.push_back(p);
}

void observed_by_weak_ptr() {
  auto p = std::make_shared<std::thread>(work);
  std::weak_ptr<std::thread> w = p;
  (void)w;
}

std::shared_ptr<std::thread> returned() {
  auto p = std::make_shared<std::thread>(work);
  return p;
}

// Another owner may hold what a factory returns or what is moved in.
std::shared_ptr<std::thread> shared_worker();
void from_elsewhere(std::shared_ptr<std::thread> other) {
  std::shared_ptr<std::thread> p = shared_worker();
  std::shared_ptr<std::thread> q = std::move(other);
}

void never_started() {
  auto p = std::make_shared<std::thread>();
  std::shared_ptr<std::thread> q;
}

class Handle {
public:
  void start() { worker_ = std::make_shared<std::thread>(work); }
  // Callers get a copy: one of them may join it.
  std::shared_ptr<std::thread> worker() const { return worker_; }

private:
  std::shared_ptr<std::thread> worker_;
};

class Joined {
public:
  void start() { worker_.reset(new std::thread(work)); }
  ~Joined() {
    if (worker_ && worker_->joinable())
      worker_->join();
  }

private:
  std::shared_ptr<std::thread> worker_;
};
