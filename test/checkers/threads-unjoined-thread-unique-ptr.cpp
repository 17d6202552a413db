// RUN: %check_threads %s threads-unjoined-thread %t -- -std=c++17

#include <memory>
#include <thread>
#include <utility>

void work();

// --- flagged --------------------------------------------------------------

void make_unique_never_joined() {
  auto p = std::make_unique<std::thread>(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: thread owned by 'p' is started but never joined or detached; destroying it will call std::terminate [threads-unjoined-thread]
}

void new_never_joined() {
  std::unique_ptr<std::thread> p(new std::thread(work));
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: thread owned by 'p' is started
}

void reset_later() {
  std::unique_ptr<std::thread> p;
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: thread owned by 'p' is started
  p.reset(new std::thread(work));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: thread started here
}

void assigned_later() {
  std::unique_ptr<std::thread> p;
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: thread owned by 'p' is started
  p = std::make_unique<std::thread>(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: thread started here
}

// --- not flagged ----------------------------------------------------------

void joined_arrow() {
  auto p = std::make_unique<std::thread>(work);
  p->join();
}

void joined_deref() {
  auto p = std::make_unique<std::thread>(work);
  (*p).detach();
}

std::unique_ptr<std::thread> returned() {
  auto p = std::make_unique<std::thread>(work);
  return p;
}

void adopt(std::thread *);
void released() {
  auto p = std::make_unique<std::thread>(work);
  adopt(p.release());
}

void moved() {
  auto p = std::make_unique<std::thread>(work);
  std::unique_ptr<std::thread> q = std::move(p);
  q->join();
}

void never_started() {
  auto p = std::make_unique<std::thread>();
  std::unique_ptr<std::thread> q;
}
