// REQUIRES: doctest
// The installed doctest: its implementation is in a system header, so the
// assertions fail through calls whose bodies the analysis does not see.
// RUN: %check_threads %s threads-joinable-at-exit %t -- -std=c++17
// A copy of the same header in the project (as oneTBB vendors it), with the
// implementation in the test's translation unit: the same assertions fail
// through a visible `throw`, and WARN's and MESSAGE's shared code has one
// too; the findings are the same.
// RUN: rm -rf %t.vendored && mkdir -p %t.vendored/doctest
// RUN: cp /usr/include/doctest/doctest.h %t.vendored/doctest/doctest.h
// RUN: %check_threads %s threads-joinable-at-exit %t -- -std=c++17 -I %t.vendored -DVENDORED_WITH_IMPLEMENTATION

#ifdef VENDORED_WITH_IMPLEMENTATION
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#endif
#include <doctest/doctest.h>
#include <stdexcept>
#include <thread>
#include <vector>

void work();
int Get(int);
bool ready();
int parse(int x) {
  if (x < 0)
    throw std::invalid_argument("negative");
  return x;
}
// oneTBB's shortcut around CHECK.
#define CHECK_FAST(x)                                                          \
  do {                                                                         \
    if (!(x)) {                                                                \
      CHECK(false);                                                            \
    }                                                                          \
  } while ((void)0, 0)

// --- flagged --------------------------------------------------------------

TEST_CASE("assertions between start and join") {
  std::thread t(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread 't' is still joinable at 4 test assertions; a failing assertion between its start and its join aborts the test binary with std::terminate [threads-joinable-at-exit]
  REQUIRE(Get(1) == 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'REQUIRE' may throw here when it fails
  CHECK(Get(2) == 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'CHECK' may throw here when it fails
  WARN(Get(3) == 3); // never fails the test
  MESSAGE("halfway");
  CHECK_MESSAGE(ready(), "not ready");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'CHECK_MESSAGE' may throw here when it fails
  REQUIRE_EQ(Get(4), 4);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'REQUIRE_EQ' may throw here when it fails
  t.join();
  REQUIRE(Get(5) == 5); // after the join
}

TEST_CASE("exceptions, messages and project shortcuts") {
  std::thread t(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread 't' is still joinable at 6 test assertions; a failing assertion between its start and its join aborts the test binary with std::terminate [threads-joinable-at-exit]
  REQUIRE_THROWS_AS(parse(-1), std::invalid_argument);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'REQUIRE_THROWS_AS' may throw here when it fails
  CHECK_NOTHROW(parse(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'CHECK_NOTHROW' may throw here when it fails
  REQUIRE_MESSAGE(ready(), "not ready");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'REQUIRE_MESSAGE' may throw here when it fails
  CHECK_FAST(Get(1) == 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'CHECK_FAST' may throw here when it fails
  if (!ready())
    FAIL("not ready");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: and 2 more test assertions from here on
  FAIL_CHECK("noted");
  t.join();
}

TEST_CASE("threads in a vector, asserted on before the join loop") {
  std::vector<std::thread> threads;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: threads in 'threads' are still joinable at 1 test assertion; a failing assertion between their start and their join aborts the test binary with std::terminate [threads-joinable-at-exit]
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(work);
  REQUIRE(threads.size() == 4);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'REQUIRE' may throw here when it fails
  for (auto &t : threads)
    t.join();
}

// --- not flagged ----------------------------------------------------------

TEST_CASE("non-fatal checks only") {
  std::thread t(work);
  WARN(Get(1) == 1);
  WARN_EQ(Get(2), 2);
  MESSAGE("running");
  INFO("context " << Get(3));
  t.join();
}

TEST_CASE("assertions before the start and after the join") {
  REQUIRE(ready());
  std::thread t(work);
  t.join();
  CHECK(Get(1) == 1);
}
