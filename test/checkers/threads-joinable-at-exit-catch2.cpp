// REQUIRES: catch2
// Catch2 v2 (Debian's catch2 package: the single header), as installed, and
// as a copy in the project with the implementation in this translation unit
// (CATCH_CONFIG_MAIN): the findings are the same.
// RUN: %check_threads %s threads-joinable-at-exit %t -- -std=c++17
// RUN: rm -rf %t.vendored && mkdir -p %t.vendored/catch2
// RUN: cp /usr/include/catch2/catch.hpp %t.vendored/catch2/catch.hpp
// RUN: %check_threads %s threads-joinable-at-exit %t -- -std=c++17 -I %t.vendored -DCATCH_CONFIG_MAIN

#include <catch2/catch.hpp>
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

// --- flagged --------------------------------------------------------------

TEST_CASE("assertions between start and join") {
  std::thread t(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread 't' is still joinable at 6 test assertions; a failing assertion between its start and its join aborts the test binary with std::terminate [threads-joinable-at-exit]
  REQUIRE(Get(1) == 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'REQUIRE' may throw here when it fails
  CHECK(Get(2) == 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'CHECK' may throw here when it fails
  INFO("context");
  REQUIRE_FALSE(ready());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'REQUIRE_FALSE' may throw here when it fails
  REQUIRE_NOTHROW(parse(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'REQUIRE_NOTHROW' may throw here when it fails
  CHECK_THROWS_AS(parse(-1), std::invalid_argument);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: and 2 more test assertions from here on
  REQUIRE_THAT(Get(3), Catch::Matchers::Predicate<int>(
                           [](int x) { return x > 0; }, "positive"));
  t.join();
  REQUIRE(Get(4) == 4); // after the join
}

// The expression of an assertion is the test's own code, but Catch2
// evaluates it inside a try block and turns its exception into a failed
// assertion: no finding of its own. (The copy of it that Catch2 writes into
// __builtin_constant_p, for the compiler's warnings, is never evaluated.)
TEST_CASE("a throwing expression inside an assertion") {
  std::vector<int> values;
  std::thread t(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread 't' is still joinable at 1 test assertion; a failing assertion between its start and its join aborts the test binary with std::terminate [threads-joinable-at-exit]
  REQUIRE(values.at(0) == 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'REQUIRE' may throw here when it fails
  t.join();
}

TEST_CASE("threads started in a loop and asserted on before the join loop") {
  std::vector<std::thread> threads;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: threads in 'threads' are still joinable at 2 test assertions; a failing assertion between their start and their join aborts the test binary with std::terminate [threads-joinable-at-exit]
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back(work);
    CHECK(threads.back().joinable());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'CHECK' may throw here when it fails
  }
  REQUIRE(threads.size() == 4);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'REQUIRE' may throw here when it fails
  for (auto &t : threads)
    t.join();
}

// --- not flagged ----------------------------------------------------------

TEST_CASE("logging only") {
  std::thread t(work);
  INFO("context " << Get(1));
  CAPTURE(Get(2));
  t.join();
}

TEST_CASE("assertions outside the thread's lifetime") {
  REQUIRE(ready());
  std::thread t(work);
  t.join();
  CHECK(Get(1) == 1);
}
