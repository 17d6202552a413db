// RUN: %check_threads %s threads-unjoined-thread %t -- -std=c++17

#include <memory>
#include <thread>

void work();
void work_with(int);
std::thread make_worker();

// --- flagged --------------------------------------------------------------

void discarded_temporary(int x) {
  std::thread(work_with, x);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary thread is destroyed at the end of this statement while its thread is still joinable; its destructor will call std::terminate [threads-unjoined-thread]
}

void braced_temporary() {
  std::thread{work};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary thread is destroyed
}

void discarded_factory_result() {
  make_worker();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary thread is destroyed
}

void unbraced_if_body(bool b) {
  if (b)
    std::thread(work_with, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: temporary thread is destroyed
}

void discarded_unique_ptr() {
  std::make_unique<std::thread>(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary thread owner is destroyed
}

// --- not flagged ----------------------------------------------------------

void default_temporary() { std::thread(); }

void joined_temporary() { std::thread(work).join(); }

void detached_temporary(int x) { std::thread(work_with, x).detach(); }

void returns_reference(std::thread &t);
std::thread &current();
void discarded_reference() { current(); }

void vexing_parse() {
  // Declares a default-constructed variable named 'work2'; nothing starts.
  std::thread(work2);
}
