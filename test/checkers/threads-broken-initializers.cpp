// Code that does not compile: a thread, future or launch whose initializer
// or callable has errors (clang keeps a recovery expression) is left alone by
// every check; only the compiler's errors are reported.
// RUN: %check_threads --expect-clang-tidy-error %s threads-* %t -- -std=c++17 -fexceptions

#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

void body(int);

void neverStartedOnBrokenArgument() {
  std::thread t(body, FLAGS_threads);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: error: use of undeclared identifier 'FLAGS_threads' [clang-diagnostic-error]
  t.join();
}

void neverJoinedOnBrokenArgument() {
  std::thread t(body, FLAGS_count);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: error: use of undeclared identifier 'FLAGS_count' [clang-diagnostic-error]
}

void earlyReturnOnBrokenArgument(bool fail) {
  std::thread t(body, FLAGS_early);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: error: use of undeclared identifier 'FLAGS_early' [clang-diagnostic-error]
  if (fail)
    return;
  t.join();
}

void throwingLambdaWithBrokenArgument() {
  std::thread t([](int) { throw std::runtime_error("x"); }, FLAGS_arg);
  // CHECK-MESSAGES: :[[@LINE-1]]:61: error: use of undeclared identifier 'FLAGS_arg' [clang-diagnostic-error]
  t.join();
}

void detachedCaptureWithBrokenArgument() {
  int local = 0;
  std::thread([&local](int) { ++local; }, FLAGS_detach).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:43: error: use of undeclared identifier 'FLAGS_detach' [clang-diagnostic-error]
}

void temporaryWithBrokenArgument() {
  std::thread(body, FLAGS_temp);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: error: use of undeclared identifier 'FLAGS_temp' [clang-diagnostic-error]
}

void containerWithBrokenInitializer() {
  std::vector<std::thread> pool(FLAGS_pool + 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:33: error: use of undeclared identifier 'FLAGS_pool' [clang-diagnostic-error]
  pool.emplace_back(body, 1);
}

void futuresOnBrokenArgument() {
  std::async(std::launch::async, body, FLAGS_async);
  // CHECK-MESSAGES: :[[@LINE-1]]:40: error: use of undeclared identifier 'FLAGS_async' [clang-diagnostic-error]
  std::future<void> done = std::async(std::launch::async, body, FLAGS_done);
  // CHECK-MESSAGES: :[[@LINE-1]]:65: error: use of undeclared identifier 'FLAGS_done' [clang-diagnostic-error]
  done.wait();
}

// The same shapes that compile are still reported: the checks are on.
void neverStarted() {
  std::thread t;
  t.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread 't' is never started; {{.*}} [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-3]]:15: note: thread 't' declared here
}
