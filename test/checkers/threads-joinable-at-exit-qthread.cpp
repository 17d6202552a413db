// REQUIRES: qt5
// RUN: %check_threads %s threads-joinable-at-exit %t -- -std=c++17 %qt_flags

#include <QtCore/QObject>
#include <QtCore/QThread>
#include <memory>

void work();
bool failed();

class Worker : public QObject {
public:
  bool setUp();
};

// An early return skips the wait() at the end.
void earlyReturn() {
  QThread t;
  Worker w;
  w.moveToThread(&t);
  t.start();
  if (!w.setUp())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: QThread 't' may still run when it is destroyed here, on a path that skips its 'wait()'; ~QThread() aborts with 'QThread: Destroyed while thread is still running' [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-4]]:5: note: 't' is started here
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: 't' is waited for here, on other paths
  t.quit();
  t.wait();
}

// The error path deletes the thread without waiting for it.
void deleteOnError() {
  QThread *t = QThread::create(work);
  t->start();
  if (failed()) {
    t->quit();
    delete t;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: QThread 't' may still run when it is deleted here, on a path that skips its 'wait()'; ~QThread() aborts with 'QThread: Destroyed while thread is still running' [threads-joinable-at-exit]
    // CHECK-MESSAGES: :[[@LINE-5]]:6: note: 't' is started here
    // CHECK-MESSAGES: :[[@LINE+3]]:6: note: 't' is waited for here, on other paths
    return;
  }
  t->wait();
  delete t;
}

void uniquePointerEarlyReturn() {
  std::unique_ptr<QThread> t(QThread::create(work));
  t->start();
  for (int i = 0; i < 3; ++i)
    if (failed())
      return;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: QThread 't' may still run when it is destroyed here, on a path that skips its 'wait()'; ~QThread() aborts with 'QThread: Destroyed while thread is still running' [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-5]]:6: note: 't' is started here
  // CHECK-MESSAGES: :[[@LINE+1]]:6: note: 't' is waited for here, on other paths
  t->wait();
}

// Clean: every path waits.
void waitOnEveryPath() {
  QThread t;
  t.start();
  if (failed()) {
    t.quit();
    t.wait();
    return;
  }
  t.quit();
  t.wait();
}

// Clean: the return comes before the start.
void returnBeforeStart() {
  QThread t;
  if (failed())
    return;
  t.start();
  t.wait();
}

// Clean: a path that knows the thread is not running.
void guardedByIsRunning() {
  QThread t;
  t.start();
  if (!t.isRunning())
    return;
  t.quit();
  t.wait();
}

// Clean: a timed wait whose result is checked, then terminate() and wait().
void terminateThenWait() {
  QThread *t = QThread::create(work);
  t->start();
  if (!t->wait(500)) {
    t->terminate();
    t->wait();
  }
  delete t;
}

// Clean: the subclass's stop() waits.
class Stoppable : public QThread {
public:
  void stop() {
    requestInterruption();
    wait();
  }
};

void stopsThroughSubclass() {
  Stoppable t;
  t.start();
  if (failed()) {
    t.stop();
    return;
  }
  t.wait();
}

// Clean: handed to a lambda, whose time of running is not in sight.
void waitedByLambda() {
  QThread t;
  t.start();
  auto finish = [&t] { t.wait(); };
  if (failed())
    return finish();
  t.wait();
}
