// REQUIRES: gtest
// RUN: %check_threads %s threads-joinable-at-exit %t -- -std=c++17

// A test helper template with a fatal assertion between a thread's start and
// its join in one instantiation only: the report names that instantiation
// and the test that requested it.

#include <gtest/gtest.h>
#include <thread>

void work();
bool ready();

struct Careful {
  static constexpr bool careless = false;
};
struct Careless {
  static constexpr bool careless = true;
};

template <typename Policy> void run_checked() {
  std::thread t(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread 't' is still joinable at 1 test assertion; a failing assertion between its start and its join aborts the test binary with std::terminate [threads-joinable-at-exit]
  if constexpr (Policy::careless)
    ASSERT_TRUE(ready());
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'ASSERT_TRUE' returns here when it fails
  t.join();
  if constexpr (!Policy::careless)
    ASSERT_TRUE(ready()); // after the join
}

TEST(Templates, OneInstantiationAssertsWithTheThreadRunning) {
  run_checked<Careful>();
  run_checked<Careless>();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: in instantiation of 'run_checked<Careless>' requested here
}
