// RUN: %check_threads --check-suffixes=DEFAULT %s threads-exception-escape %t -- -std=c++20 -fexceptions
// RUN: %check_threads --check-suffixes=REPORT %s threads-exception-escape %t \
// RUN:   --config="{CheckOptions: {threads-exception-escape.ReportThreadStartFailures: true}}" \
// RUN:   -- -std=c++20 -fexceptions

// A thread body that starts threads may throw std::system_error when the
// system cannot create one. That failure alone is a finding only with
// ReportThreadStartFailures; other exceptions of the same body are reported
// either way, and the count says whether a thread start failure adds one.

#include <stdexcept>
#include <thread>
#include <vector>

void work();
bool ready();

void nested_threads() {
  std::vector<std::thread> top;
  for (int i = 0; i < 4; ++i)
    top.emplace_back([] {
    // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:22: warning: exception 'std::system_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
    // CHECK-MESSAGES-REPORT: :[[@LINE+1]]:19: note: call to 'std::thread::thread' may throw 'std::system_error' (listed in KnownThrowingFunctions)
      std::thread inner([] {});
      inner.join();
    });
  for (auto &t : top)
    t.join();
}

void jthread_in_a_thread() {
  std::thread t([] { std::jthread inner(work); });
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:17: warning: exception 'std::system_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES-REPORT: :[[@LINE-2]]:35: note: call to 'std::jthread::jthread' may throw 'std::system_error' (listed in KnownThrowingFunctions)
  t.join();
}

// Another exception still makes the finding; the thread start failure is
// counted only when asked for.
void thread_start_and_a_throw() {
  std::thread t([] {
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:17: warning: exception 'std::runtime_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE+6]]:7: note: 'std::runtime_error' is thrown here
  // CHECK-MESSAGES-REPORT: :[[@LINE-3]]:17: warning: exception 'std::runtime_error' may escape the thread's entry lambda and call std::terminate; 1 more exception type may escape too [threads-exception-escape]
  // CHECK-MESSAGES-REPORT: :[[@LINE+4]]:7: note: 'std::runtime_error' is thrown here
    std::thread helper(work);
    helper.join();
    if (!ready())
      throw std::runtime_error("not ready");
  });
  t.join();
}
