// REQUIRES: boost-test
// RUN: %check_threads %s threads-joinable-at-exit %t -- -std=c++17

// Boost.Test's REQUIRE level throws when an assertion fails; its CHECK and
// WARN levels (BOOST_CHECK*, BOOST_TEST, BOOST_ERROR) go on.

#define BOOST_TEST_MODULE thread_lifetimes
#include <boost/test/unit_test.hpp>
#include <thread>
#include <vector>

void work();
int Get(int);
bool ready();

// --- flagged --------------------------------------------------------------

BOOST_AUTO_TEST_CASE(assertions_between_start_and_join) {
  std::thread t(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread 't' is still joinable at 5 test assertions; a failing assertion between its start and its join aborts the test binary with std::terminate [threads-joinable-at-exit]
  BOOST_REQUIRE(ready());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'BOOST_REQUIRE' may throw here when it fails
  BOOST_CHECK(Get(1) == 1);
  BOOST_REQUIRE_EQUAL(Get(2), 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'BOOST_REQUIRE_EQUAL' may throw here when it fails
  BOOST_TEST(Get(3) == 3);
  BOOST_TEST_REQUIRE(Get(4) == 4);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'BOOST_TEST_REQUIRE' may throw here when it fails
  BOOST_REQUIRE_MESSAGE(ready(), "not ready");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'BOOST_REQUIRE_MESSAGE' may throw here when it fails
  if (!ready())
    BOOST_FAIL("not ready");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'BOOST_FAIL' may throw here when it fails
  t.join();
}

BOOST_AUTO_TEST_CASE(threads_in_a_vector) {
  std::vector<std::thread> threads;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: threads in 'threads' are still joinable at 1 test assertion; a failing assertion between their start and their join aborts the test binary with std::terminate [threads-joinable-at-exit]
  for (int i = 0; i < 4; ++i)
    threads.push_back(std::thread(work));
  BOOST_REQUIRE_EQUAL(threads.size(), 4u);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'BOOST_REQUIRE_EQUAL' may throw here when it fails
  for (std::thread &t : threads)
    t.join();
}

// --- not flagged ----------------------------------------------------------

BOOST_AUTO_TEST_CASE(checks_only) {
  std::thread t(work);
  BOOST_CHECK(ready());
  BOOST_CHECK_EQUAL(Get(1), 1);
  BOOST_TEST(Get(2) == 2);
  BOOST_WARN(Get(3) == 3);
  BOOST_ERROR("noted");
  t.join();
}
