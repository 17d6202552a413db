// REQUIRES: gtest
// RUN: %check_threads --check-suffixes=DEFAULT,GROUPED %s threads-joinable-at-exit %t -- -std=c++17
// ReportTestAssertionExits: false drops the assertions' findings, and only
// those.
// RUN: %check_threads --check-suffixes=DROP %s threads-joinable-at-exit %t \
// RUN:   --config="{CheckOptions: {threads-joinable-at-exit.ReportTestAssertionExits: false}}" -- -std=c++17
// A project's own throwing assertion, and its own logging macro whose code
// may throw, named in the lists.
// RUN: %check_threads --check-suffixes=CUSTOM,GROUPED %s threads-joinable-at-exit %t \
// RUN:   --config="{CheckOptions: {threads-joinable-at-exit.TestFrameworkMacros: 'GTEST_FATAL_FAILURE_;MY_CHECK*', threads-joinable-at-exit.NonFatalTestMacros: 'MY_LOG'}}" -- -std=c++17
// No macro listed: every exit is reported on its own.
// RUN: %check_threads --check-suffixes=NONE %s threads-joinable-at-exit %t \
// RUN:   --config="{CheckOptions: {threads-joinable-at-exit.TestFrameworkMacros: '', threads-joinable-at-exit.NonFatalTestMacros: ''}}" -- -std=c++17
// Invalid entries are configuration warnings; the valid ones still work.
// RUN: %clang_tidy --load=%plugin '--checks=-*,threads-joinable-at-exit' \
// RUN:   "--config={CheckOptions: {threads-joinable-at-exit.TestFrameworkMacros: 'GTEST_FATAL_FAILURE_;not a macro;MY*CHECK', threads-joinable-at-exit.NonFatalTestMacros: '*'}}" \
// RUN:   %s -- -std=c++17 2>&1 | %FileCheck %s --check-prefix=INVALID
// INVALID-DAG: warning: invalid entry 'not a macro' in option 'threads-joinable-at-exit.TestFrameworkMacros'; it is ignored [clang-tidy-config]
// INVALID-DAG: warning: invalid entry 'MY*CHECK' in option 'threads-joinable-at-exit.TestFrameworkMacros'; it is ignored [clang-tidy-config]
// INVALID-DAG: warning: invalid entry '*' in option 'threads-joinable-at-exit.NonFatalTestMacros'; it is ignored [clang-tidy-config]
// INVALID-DAG: :[[@LINE+25]]:15: warning: thread 't' is still joinable at 2 test assertions;

#include <gtest/gtest.h>
#include <thread>

void work();
int Get(int);
bool ready();
// Neither is visible: only a listed macro makes such a call an exit.
[[noreturn]] void my_fail(const char *what);
void my_log_line(const char *what);
void may_throw() {
  if (!ready())
    throw 42;
}
// The project's assertion throws from code it cannot see; its logging calls
// visible code that may throw, but never fails the test.
#define MY_CHECK(c)                                                            \
  do {                                                                         \
    if (!(c))                                                                  \
      my_fail(#c);                                                             \
  } while (0)
#define MY_LOG(s) (may_throw(), my_log_line(s))

TEST(Options, GtestAssertions) {
  std::thread t(work);
  // CHECK-MESSAGES-GROUPED: :[[@LINE-1]]:15: warning: thread 't' is still joinable at 2 test assertions; a failing assertion between its start and its join aborts the test binary with std::terminate [threads-joinable-at-exit]
  ASSERT_EQ(1, Get(1));
  // CHECK-MESSAGES-GROUPED: :[[@LINE-1]]:3: note: 'ASSERT_EQ' returns here when it fails
  // CHECK-MESSAGES-NONE: :[[@LINE-2]]:3: warning: thread 't' is still joinable when this 'return' leaves its scope; its destructor will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES-NONE: gtest.h:{{[0-9]+}}:{{[0-9]+}}: note: expanded from macro 'ASSERT_EQ'
  // CHECK-MESSAGES-NONE: gtest.h:{{[0-9]+}}:{{[0-9]+}}: note: expanded from macro 'GTEST_ASSERT_EQ'
  // CHECK-MESSAGES-NONE: gtest_pred_impl.h:{{[0-9]+}}:{{[0-9]+}}: note: expanded from macro 'ASSERT_PRED_FORMAT2'
  // CHECK-MESSAGES-NONE: :[[@LINE-8]]:15: note: thread 't' declared here
  ASSERT_TRUE(ready());
  // CHECK-MESSAGES-GROUPED: :[[@LINE-1]]:3: note: 'ASSERT_TRUE' returns here when it fails
  // CHECK-MESSAGES-NONE: :[[@LINE-2]]:3: warning: thread 't' is still joinable when this 'return' leaves its scope; its destructor will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES-NONE: gtest.h:{{[0-9]+}}:{{[0-9]+}}: note: expanded from macro 'ASSERT_TRUE'
  // CHECK-MESSAGES-NONE: gtest.h:{{[0-9]+}}:{{[0-9]+}}: note: expanded from macro 'GTEST_ASSERT_TRUE'
  // CHECK-MESSAGES-NONE: :[[@LINE-14]]:15: note: thread 't' declared here
  if (!ready())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: thread 't' is still joinable when this 'return' leaves its scope; its destructor will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-18]]:15: note: thread 't' declared here
  t.join();
}

TEST(Options, ProjectAssertions) {
  std::thread t(work);
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:15: warning: thread 't' is still joinable at 1 test assertion; a failing assertion between its start and its join aborts the test binary with std::terminate [threads-joinable-at-exit]
  MY_CHECK(Get(1) == 1);
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:3: note: 'MY_CHECK' may throw here when it fails
  MY_LOG("checked");
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: thread 't' is still joinable if 'may_throw' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-32]]:20: note: expanded from macro 'MY_LOG'
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-42]]:5: note: 'int' is thrown here
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-8]]:15: note: thread 't' declared here
  // CHECK-MESSAGES-DROP: :[[@LINE-5]]:3: warning: thread 't' is still joinable if 'may_throw' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES-DROP: :[[@LINE-36]]:20: note: expanded from macro 'MY_LOG'
  // CHECK-MESSAGES-DROP: :[[@LINE-46]]:5: note: 'int' is thrown here
  // CHECK-MESSAGES-DROP: :[[@LINE-12]]:15: note: thread 't' declared here
  // CHECK-MESSAGES-NONE: :[[@LINE-9]]:3: warning: thread 't' is still joinable if 'may_throw' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES-NONE: :[[@LINE-40]]:20: note: expanded from macro 'MY_LOG'
  // CHECK-MESSAGES-NONE: :[[@LINE-50]]:5: note: 'int' is thrown here
  // CHECK-MESSAGES-NONE: :[[@LINE-16]]:15: note: thread 't' declared here
  t.join();
}

