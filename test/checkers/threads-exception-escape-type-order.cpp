// RUN: %check_threads --check-suffixes=ESCAPE %s threads-exception-escape %t \
// RUN:   --config="{CheckOptions: {threads-exception-escape.ReportThreadStartFailures: true}}" \
// RUN:   -- -std=c++20 -fexceptions
// RUN: %check_threads --check-suffixes=EXIT %s threads-joinable-at-exit %t \
// RUN:   --config="{CheckOptions: {IgnoredExceptions: '::std::length_error', KnownThrowingFunctions: '::pool::grow=::std::bad_alloc;::parse_port=::std::invalid_argument'}}" \
// RUN:   -- -std=c++20 -fexceptions

// When several exception types may escape, the finding names the one worth
// fixing first: what the code throws, or what a library call throws because
// of its arguments, before a resource failure (a thread that cannot start,
// an allocation that fails), whatever the order of the code.

#include <regex>
#include <stdexcept>
#include <string>
#include <thread>

void work();
bool ready();

// --- threads-exception-escape ----------------------------------------------

void start_then_compile(const std::string &pattern) {
  std::thread helper(work);
  helper.join();
  std::regex compiled(pattern);
}

void value_throw_behind_thread_start(std::string pattern) {
  std::thread t(start_then_compile, pattern);
  // CHECK-MESSAGES-ESCAPE: :[[@LINE-1]]:17: warning: exception 'std::regex_error' may escape the thread entry function 'start_then_compile' and call std::terminate; 1 more exception type may escape too [threads-exception-escape]
  // CHECK-MESSAGES-ESCAPE: :[[@LINE-6]]:14: note: call to 'std::basic_regex::basic_regex' may throw 'std::regex_error' (listed in KnownThrowingFunctions)
  t.join();
}

void explicit_throw_behind_thread_start() {
  std::thread t([] {
  // CHECK-MESSAGES-ESCAPE: :[[@LINE-1]]:17: warning: exception 'std::runtime_error' may escape the thread's entry lambda and call std::terminate; 1 more exception type may escape too [threads-exception-escape]
  // CHECK-MESSAGES-ESCAPE: :[[@LINE+4]]:7: note: 'std::runtime_error' is thrown here
    std::thread helper(work);
    helper.join();
    if (!ready())
      throw std::runtime_error("not ready");
  });
  t.join();
}

// Only a resource failure may escape: it is the one named.
void only_thread_start() {
  std::thread t([] {
  // CHECK-MESSAGES-ESCAPE: :[[@LINE-1]]:17: warning: exception 'std::system_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES-ESCAPE: :[[@LINE+1]]:17: note: call to 'std::thread::thread' may throw 'std::system_error' (listed in KnownThrowingFunctions)
    std::thread helper(work);
    helper.join();
  });
  t.join();
}

// --- threads-joinable-at-exit: the "may throw" note -------------------------

namespace pool {
void grow();
}
int parse_port(const char *text);

int grow_then_parse(const char *text) {
  pool::grow();
  return parse_port(text);
}

void allocation_failure_behind_a_value_throw(const char *text) {
  std::thread t(work);
  grow_then_parse(text);
  // CHECK-MESSAGES-EXIT: :[[@LINE-1]]:3: warning: thread 't' is still joinable if 'grow_then_parse' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES-EXIT: :[[@LINE-7]]:10: note: call to 'parse_port' may throw 'std::invalid_argument' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES-EXIT: :[[@LINE-4]]:15: note: thread 't' declared here
  t.join();
}
