// REQUIRES: qt5
// The ThreadApis option: without `qt`, no check follows QThreads.
// RUN: %check_threads --check-suffixes=UNJOINED %s threads-unjoined-thread %t -- -std=c++17 %qt_flags
// RUN: %check_threads --check-suffixes=AT-EXIT %s threads-joinable-at-exit %t -- -std=c++17 %qt_flags
// RUN: %check_threads --check-suffixes=ESCAPE %s threads-exception-escape %t -- -std=c++17 %qt_flags
// RUN: %check_threads %s threads-unjoined-thread %t \
// RUN:   --config="{CheckOptions: {threads-unjoined-thread.ThreadApis: 'std;posix'}}" -- -std=c++17 %qt_flags
// RUN: %check_threads %s threads-joinable-at-exit %t \
// RUN:   --config="{CheckOptions: {threads-joinable-at-exit.ThreadApis: 'std;posix'}}" -- -std=c++17 %qt_flags
// RUN: %check_threads %s threads-exception-escape %t \
// RUN:   --config="{CheckOptions: {threads-exception-escape.ThreadApis: 'std;posix'}}" -- -std=c++17 %qt_flags

#include <QtCore/QThread>
#include <stdexcept>

bool failed();

void neverWaited() {
  QThread t;
  // CHECK-MESSAGES-UNJOINED: :[[@LINE-1]]:11: warning: QThread 't' is started and may still run when it is destroyed: nothing waits for it; ~QThread() aborts with 'QThread: Destroyed while thread is still running' [threads-unjoined-thread]
  // CHECK-MESSAGES-UNJOINED: :[[@LINE+1]]:5: note: 't' is started here
  t.start();
  t.quit();
}
// CHECK-MESSAGES-UNJOINED: :[[@LINE-1]]:1: note: 't' is destroyed here

void skipsWait() {
  QThread t;
  t.start();
  if (failed())
    return;
  // CHECK-MESSAGES-AT-EXIT: :[[@LINE-1]]:5: warning: QThread 't' may still run when it is destroyed here, on a path that skips its 'wait()'; ~QThread() aborts with 'QThread: Destroyed while thread is still running' [threads-joinable-at-exit]
  // CHECK-MESSAGES-AT-EXIT: :[[@LINE-4]]:5: note: 't' is started here
  // CHECK-MESSAGES-AT-EXIT: :[[@LINE+1]]:5: note: 't' is waited for here, on other paths
  t.wait();
}

class Thrower : public QThread {
  // CHECK-MESSAGES-ESCAPE: :[[@LINE+1]]:8: warning: exception 'std::runtime_error' may escape the thread entry function 'Thrower::run' and call std::terminate [threads-exception-escape]
  void run() override { throw std::runtime_error("stop"); }
  // CHECK-MESSAGES-ESCAPE: :[[@LINE-1]]:25: note: 'std::runtime_error' is thrown here
};
