// REQUIRES: gtest
// RUN: %check_threads %s threads-joinable-at-exit %t -- -std=c++17

// gtest's fatal assertions (ASSERT_*, FAIL(), ASSERT_NO_FATAL_FAILURE)
// return from the test body when they fail: with a thread running, its
// destructor calls std::terminate and the whole test binary aborts. That is
// one finding per thread, at the thread, with a note per assertion; with the
// real gtest headers.

#include <gtest/gtest.h>
#include <stdexcept>
#include <thread>
#include <vector>

struct Status {
  bool ok() const;
};
::testing::AssertionResult AssertStatus(const char *, const Status &);
// A project's own assertions, wrapping gtest's (as RocksDB's do).
#define ASSERT_OK(s) ASSERT_PRED_FORMAT1(AssertStatus, s)
#define EXPECT_OK(s) EXPECT_PRED_FORMAT1(AssertStatus, s)

void work();
Status Put(int);
int Get(int);
bool ready();
int parse(int x) {
  if (x < 0)
    throw std::invalid_argument("negative");
  return x;
}

// --- flagged --------------------------------------------------------------

TEST(Flagged, AssertionsBetweenStartAndJoin) {
  std::thread t(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread 't' is still joinable at 4 test assertions; a failing assertion between its start and its join aborts the test binary with std::terminate [threads-joinable-at-exit]
  ASSERT_OK(Put(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'ASSERT_OK' returns here when it fails
  ASSERT_EQ(1, Get(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'ASSERT_EQ' returns here when it fails
  EXPECT_EQ(2, Get(2)); // non-fatal: no exit
  EXPECT_OK(Put(2));
  ASSERT_TRUE(ready());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'ASSERT_TRUE' returns here when it fails
  ASSERT_NO_FATAL_FAILURE(work());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'ASSERT_NO_FATAL_FAILURE' returns here when it fails
  t.join();
  ASSERT_EQ(3, Get(3)); // after the join
}

TEST(Flagged, ManyAssertionsAreCounted) {
  std::thread t(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread 't' is still joinable at 7 test assertions; a failing assertion between its start and its join aborts the test binary with std::terminate [threads-joinable-at-exit]
  ASSERT_OK(Put(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'ASSERT_OK' returns here when it fails
  ASSERT_OK(Put(2));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'ASSERT_OK' returns here when it fails
  ASSERT_NE(0, Get(3));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'ASSERT_NE' returns here when it fails
  ASSERT_LT(0, Get(4));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'ASSERT_LT' returns here when it fails
  ASSERT_GE(Get(5), 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: and 3 more test assertions from here on
  ASSERT_FALSE(ready());
  if (!ready())
    FAIL() << "not ready";
  t.join();
}

TEST(Flagged, JoinedOnSomePathsBeforeTheAssertion) {
  std::thread t(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread 't' may still be joinable at 1 test assertion; a failing assertion between its start and its join aborts the test binary with std::terminate [threads-joinable-at-exit]
  if (ready())
    t.join();
  ASSERT_OK(Put(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'ASSERT_OK' returns here when it fails
  if (t.joinable())
    t.join();
}

// Exits that are not assertions keep their own findings: a plain `return`,
// and the test's own throwing call passed to an assertion.
TEST(Flagged, OtherExitsKeepTheirFindings) {
  std::thread t(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread 't' is still joinable at 1 test assertion; a failing assertion between its start and its join aborts the test binary with std::terminate [threads-joinable-at-exit]
  ASSERT_EQ(parse(Get(1)), 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'ASSERT_EQ' returns here when it fails
  // CHECK-MESSAGES: :[[@LINE-2]]:13: warning: thread 't' is still joinable if 'parse' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-61]]:5: note: 'std::invalid_argument' is thrown here
  // CHECK-MESSAGES: :[[@LINE-6]]:15: note: thread 't' declared here
  if (!ready())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: thread 't' is still joinable when this 'return' leaves its scope; its destructor will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-10]]:15: note: thread 't' declared here
  t.join();
}

TEST(Flagged, ThreadStartedInALoop) {
  for (int i = 0; i < 3; ++i) {
    std::thread t(work);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread 't' is still joinable at 1 test assertion; a failing assertion between its start and its join aborts the test binary with std::terminate [threads-joinable-at-exit]
    ASSERT_OK(Put(i));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'ASSERT_OK' returns here when it fails
    t.join();
  }
}

TEST(Flagged, ThreadsInAVectorJoinedByALaterLoop) {
  std::vector<std::thread> threads;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: threads in 'threads' are still joinable at 2 test assertions; a failing assertion between their start and their join aborts the test binary with std::terminate [threads-joinable-at-exit]
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(work);
  ASSERT_OK(Put(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'ASSERT_OK' returns here when it fails
  ASSERT_EQ(4u, threads.size());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'ASSERT_EQ' returns here when it fails
  for (auto &t : threads)
    t.join();
  ASSERT_OK(Put(2));
}

TEST(Flagged, ThreadsAssertedOnWhileTheyAreStarted) {
  std::vector<std::thread> threads;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: threads in 'threads' are still joinable at 1 test assertion; a failing assertion between their start and their join aborts the test binary with std::terminate [threads-joinable-at-exit]
  for (int i = 0; i < 4; ++i) {
    threads.push_back(std::thread(work));
    ASSERT_OK(Put(i));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'ASSERT_OK' returns here when it fails
  }
  for (size_t i = 0; i < threads.size(); ++i)
    threads[i].join();
}

// --- not flagged ----------------------------------------------------------

TEST(Clean, OnlyNonFatalExpectations) {
  std::thread t(work);
  EXPECT_OK(Put(1));
  EXPECT_EQ(1, Get(1));
  EXPECT_TRUE(ready()) << "not ready";
  EXPECT_THROW(parse(-1), std::invalid_argument);
  t.join();
}

TEST(Clean, AssertionsOutsideTheThreadsLifetime) {
  ASSERT_OK(Put(1));
  std::thread t(work);
  t.join();
  ASSERT_EQ(1, Get(1));
}

struct Joiner {
  explicit Joiner(std::thread &t) : t(t) {}
  ~Joiner() {
    if (t.joinable())
      t.join();
  }
  std::thread &t;
};

TEST(Clean, JoinedByAGuard) {
  std::thread t(work);
  Joiner joiner(t);
  ASSERT_OK(Put(1));
}

TEST(Clean, ThreadsJoinedByALoopBeforeTheAssertions) {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(work);
  for (auto &t : threads)
    t.join();
  ASSERT_OK(Put(1));
}
