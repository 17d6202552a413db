// Code that does not compile: the exception checks see recovery expressions,
// invalid handlers and unresolved callables, and neither crash nor guess.
// RUN: %check_threads --expect-clang-tidy-error %s threads-exception-escape,threads-swallowed-exception,threads-unchecked-future %t -- -std=c++17 -fexceptions

#include <thread>
#include <future>
#include <stdexcept>
struct incomplete;
void f() {
  std::thread t([] { throw undeclared_type(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:28: error: use of undeclared identifier 'undeclared_type' [clang-diagnostic-error]
  t.join();
  std::thread u(missing_function);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: error: unknown type name 'missing_function' [clang-diagnostic-error]
  u.join();
  std::thread v([] {
    try { missing(); } catch (incomplete &) {} catch (...) {}
    // CHECK-MESSAGES: :[[@LINE-1]]:11: error: use of undeclared identifier 'missing' [clang-diagnostic-error]
    // CHECK-MESSAGES: :[[@LINE-2]]:43: error: cannot catch reference to incomplete type 'incomplete' [clang-diagnostic-error]
    // CHECK-MESSAGES: :[[@LINE-12]]:8: note: forward declaration of 'incomplete'
    // CHECK-MESSAGES: :[[@LINE-4]]:48: warning: 'catch (...)' in the thread's entry lambda swallows the exception silently; the thread's failure is lost [threads-swallowed-exception]
    // CHECK-MESSAGES: :[[@LINE-6]]:17: note: thread started here
  });
  auto fut = std::async(nothing_here);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: error: use of undeclared identifier 'nothing_here' [clang-diagnostic-error]
  fut.wait();
}
template <typename... Ts> void variadic(Ts... ts) {
  std::thread t([ts...] { (throw ts, ...); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'int' may escape the thread's entry lambda and call std::terminate; 1 more exception type may escape too [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:28: note: 'int' is thrown here
  // CHECK-MESSAGES: :[[@LINE+3]]:12: note: in instantiation of 'variadic<int, double>' requested here
  t.join();
}
void g() { variadic(1, 2.0); }
void h() {
  std::thread t([] { throw; });
  t.join();
  std::thread w([] { throw std::runtime_error(unknown_message); });
  // CHECK-MESSAGES: :[[@LINE-1]]:47: error: use of undeclared identifier 'unknown_message' [clang-diagnostic-error]
  w.join();
}
