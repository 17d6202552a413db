// RUN: %check_threads --check-suffixes=DEFAULT %s threads-joinable-at-exit %t -- -std=c++17
// RUN: %check_threads --check-suffixes=OPAQUE %s threads-joinable-at-exit %t \
// RUN:   --config="{CheckOptions: {threads-joinable-at-exit.AssumeOpaqueCallsThrow: true}}" -- -std=c++17
// RUN: %check_threads --check-suffixes=NOMEMBERS %s threads-joinable-at-exit %t \
// RUN:   --config="{CheckOptions: {threads-joinable-at-exit.CheckMemberDestructors: false}}" -- -std=c++17
// The options are written back: --dump-config shows them with their defaults.
// RUN: %clang_tidy --load=%plugin '--checks=-*,threads-joinable-at-exit' --dump-config %s -- -std=c++17 \
// RUN:   | %FileCheck %s --check-prefix=DUMP
// DUMP-DAG: threads-joinable-at-exit.AssumeOpaqueCallsThrow: 'false'
// DUMP-DAG: threads-joinable-at-exit.CheckMemberDestructors: 'true'
// DUMP-DAG: threads-joinable-at-exit.ReportTestAssertionExits: 'true'
// DUMP-DAG: threads-joinable-at-exit.TestFrameworkMacros: 'GTEST_FATAL_FAILURE_;DOCTEST_REQUIRE*;
// DUMP-DAG: threads-joinable-at-exit.NonFatalTestMacros: 'GTEST_NONFATAL_FAILURE_;DOCTEST_WARN*;
// DUMP-DAG: threads-joinable-at-exit.ThreadTypes: '::std::thread'
// DUMP-DAG: threads-joinable-at-exit.JoinMethods: 'join;detach'

#include <ostream>
#include <thread>

void work();
void opaque();

void opaque_call() {
  std::thread t(work);
  opaque();
  // CHECK-MESSAGES-OPAQUE: :[[@LINE-1]]:3: warning: thread 't' is still joinable if 'opaque' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES-OPAQUE: :[[@LINE-3]]:15: note: thread 't' declared here
  t.join();
}

// Even then, C functions and stream output are assumed not to throw.
extern "C" int c_log(const char *);
void logging_between_start_and_join(std::ostream &log) {
  std::thread t(work);
  c_log("started");
  log << "started" << std::endl;
  t.join();
}

class Service {
public:
  void start() { th_ = std::thread(work); }
  void stop() {
    if (th_.joinable())
      th_.join();
  }

private:
  std::thread th_;
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:15: warning: member thread 'th_' is joined only by 'stop'; a 'Service' destroyed without calling it (including during exception unwinding) will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-6]]:7: note: joined here
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-12]]:7: note: the implicit destructor of 'Service' does not join it
  // CHECK-MESSAGES-OPAQUE: :[[@LINE-4]]:15: warning: member thread 'th_' is joined only by 'stop'
  // CHECK-MESSAGES-OPAQUE: :[[@LINE-9]]:7: note: joined here
  // CHECK-MESSAGES-OPAQUE: :[[@LINE-15]]:7: note: the implicit destructor of 'Service' does not join it
};
