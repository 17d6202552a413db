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

// Every place a statement's value is dropped: a case, a label, a loop body,
// a for loop's increment, an else branch; and the bodies of lambdas, local
// classes and template instantiations, which are functions of their own.
void discarded_in_statements(int n, bool b) {
  switch (n) {
  case 1:
    std::thread(work_with, 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: temporary thread is destroyed
  }
again:
  std::thread(work_with, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary thread is destroyed
  while (b)
    std::thread(work_with, 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: temporary thread is destroyed
  do
    std::thread(work_with, 4);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: temporary thread is destroyed
  while (b);
  for (int i = 0; i < n; std::thread(work_with, i))
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: temporary thread is destroyed
    ++i;
  int values[] = {1, 2};
  for (int v : values)
    std::thread(work_with, v);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: temporary thread is destroyed
  if (b)
    work();
  else
    std::thread(work_with, 5);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: temporary thread is destroyed
  if (n > 9)
    goto again;
}

void discarded_in_lambda() {
  auto start = [] {
    std::thread(work_with, 6);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: temporary thread is destroyed
  };
  start();
}

auto global_lambda = [] {
  std::thread(work_with, 7);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary thread is destroyed
};

void discarded_in_local_class() {
  struct Starter {
    void run() {
      std::thread(work_with, 8);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: temporary thread is destroyed
    }
  };
  Starter().run();
}

template <typename T> void discarded_in_template(T value) {
  std::thread(work_with, value);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary thread is destroyed
}
void instantiate() { discarded_in_template(9); }
// CHECK-MESSAGES: :[[@LINE-1]]:22: note: in instantiation of 'discarded_in_template<int>' requested here

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
