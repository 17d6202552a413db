// REQUIRES: qt5
// RUN: %check_threads %s threads-joinable-at-exit %t -- -std=c++17 %qt_flags

#include <QtCore/QDebug>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QThread>
#include <memory>
#include <stdexcept>

void work();
void opaque();
bool failed();

void loadConfig(const QString &path) {
  if (path.isEmpty())
    throw std::runtime_error("no configuration");
}

void quietStep() noexcept;

class Poller : public QThread {
protected:
  void run() override {}
};

// An exception from loadConfig() unwinds the scope before the wait().
void throwingCallBeforeWait(const QString &path) {
  QThread t;
  t.start();
  loadConfig(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: QThread 't' may still run if 'loadConfig' throws here; unwinding destroys it and ~QThread() aborts with 'QThread: Destroyed while thread is still running' [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-16]]:5: note: 'std::runtime_error' is thrown here
  // CHECK-MESSAGES: :[[@LINE-4]]:5: note: 't' is started here
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: 't' is waited for here, on the path without the exception
  t.quit();
  t.wait();
}

// A subclass, and a throw written between its start and its wait().
void throwBeforeWait() {
  Poller poller;
  poller.start();
  if (failed())
    throw std::runtime_error("poller failed");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: QThread 'poller' may still run when this exception leaves its scope; unwinding destroys it and ~QThread() aborts with 'QThread: Destroyed while thread is still running' [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-4]]:10: note: 'poller' is started here
  // CHECK-MESSAGES: :[[@LINE+2]]:10: note: 'poller' is waited for here, on the path without the exception
  poller.requestInterruption();
  poller.wait();
}

// A std::unique_ptr deletes its thread during unwinding too.
void uniquePointerThrowingCall(const QString &path) {
  std::unique_ptr<QThread> t(QThread::create(work));
  t->start();
  loadConfig(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: QThread 't' may still run if 'loadConfig' throws here; unwinding destroys it and ~QThread() aborts with 'QThread: Destroyed while thread is still running' [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-42]]:5: note: 'std::runtime_error' is thrown here
  // CHECK-MESSAGES: :[[@LINE-4]]:6: note: 't' is started here
  // CHECK-MESSAGES: :[[@LINE+1]]:6: note: 't' is waited for here, on the path without the exception
  t->wait();
}

// A try around the thread's whole scope catches the exception after the
// thread is destroyed.
void tryAroundTheScope(const QString &path) {
  try {
    QThread t;
    t.start();
    loadConfig(path);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: QThread 't' may still run if 'loadConfig' throws here; unwinding destroys it and ~QThread() aborts with 'QThread: Destroyed while thread is still running' [threads-joinable-at-exit]
    // CHECK-MESSAGES: :[[@LINE-56]]:5: note: 'std::runtime_error' is thrown here
    // CHECK-MESSAGES: :[[@LINE-4]]:7: note: 't' is started here
    // CHECK-MESSAGES: :[[@LINE+1]]:7: note: 't' is waited for here, on the path without the exception
    t.wait();
  } catch (const std::exception &) {
  }
}

// Clean: the handler, inside the thread's scope, waits and rethrows.
void waitInCatch(const QString &path) {
  QThread t;
  t.start();
  try {
    loadConfig(path);
  } catch (...) {
    t.quit();
    t.wait();
    throw;
  }
  t.quit();
  t.wait();
}

// Clean: a guard object's destructor waits on every path.
struct ThreadStopper {
  QThread &Thread;
  ~ThreadStopper() {
    Thread.quit();
    Thread.wait();
  }
};

void waitInGuard(const QString &path) {
  QThread t;
  t.start();
  ThreadStopper stopper{t};
  loadConfig(path);
}

// Clean: the throwing call comes after the wait().
void throwAfterWait(const QString &path) {
  QThread t;
  t.start();
  t.quit();
  t.wait();
  loadConfig(path);
}

// Clean: the calls between start and wait do not throw, or are not in
// sight (AssumeOpaqueCallsThrow is off), or are Qt's own.
void nothingThrowsBetween() {
  QThread t;
  QObject worker;
  worker.moveToThread(&t);
  t.start();
  quietStep();
  opaque();
  qDebug() << "started" << QString::number(42);
  t.quit();
  t.wait();
}

// Clean: a raw pointer is not destroyed by unwinding; the thread leaks,
// it does not abort.
void rawPointerLeaks(const QString &path) {
  QThread *t = QThread::create(work);
  t->start();
  loadConfig(path);
  t->wait();
  delete t;
}

// Clean: a subclass whose destructor waits ends its own thread.
class WaitingThread : public QThread {
public:
  ~WaitingThread() override {
    quit();
    wait();
  }
};

void subclassWaitsWhenDestroyed(const QString &path) {
  WaitingThread t;
  t.start();
  loadConfig(path);
  t.wait();
}
