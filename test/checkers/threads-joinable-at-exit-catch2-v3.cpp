// RUN: %check_threads %s threads-joinable-at-exit %t -- -std=c++17 -I %S/Inputs/catch2-v3

// Catch2 v3 calls the assertion handler's complete() from INTERNAL_CATCH_TEST
// itself; its REQUIRE and CHECK are recognised through that macro as in v2.
// (Inputs/catch2-v3 stands in for the real header, which Debian does not
// package.)

#include <catch2/catch_test_macros.hpp>
#include <thread>
#include <vector>

void work();
int Get(int);

TEST_CASE("assertions between start and join") {
  std::vector<int> values;
  std::thread t(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread 't' is still joinable at 3 test assertions; a failing assertion between its start and its join aborts the test binary with std::terminate [threads-joinable-at-exit]
  REQUIRE(Get(1) == 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'REQUIRE' may throw here when it fails
  CHECK(Get(2) == 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'CHECK' may throw here when it fails
  REQUIRE(values.at(0) == 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'REQUIRE' may throw here when it fails
  t.join();
  REQUIRE(Get(4) == 4);
}
