// REQUIRES: qt5
// RUN: %check_threads %s threads-unjoined-thread %t -- -std=c++17 %qt_flags

#include <QtCore/QObject>
#include <QtCore/QScopedPointer>
#include <QtCore/QThread>
#include <memory>

void work();
bool ready();

class Worker : public QObject {
public:
  void process();
};

// quit() only asks the event loop to finish: the thread still runs when
// the local is destroyed.
void quitWithoutWait() {
  QThread t;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: QThread 't' is started and may still run when it is destroyed: nothing waits for it; ~QThread() aborts with 'QThread: Destroyed while thread is still running' [threads-unjoined-thread]
  Worker w;
  w.moveToThread(&t);
  t.start();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 't' is started here
  t.quit();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: 't' is destroyed here

void deletedWhileRunning() {
  QThread *t = QThread::create(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: QThread 't' is started and may still run when it is deleted: nothing waits for it; ~QThread() aborts with 'QThread: Destroyed while thread is still running' [threads-unjoined-thread]
  t->start();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: note: 't' is started here
  t->requestInterruption();
  delete t;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 't' is deleted here
}

void uniquePointer() {
  std::unique_ptr<QThread> t(new QThread);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: QThread 't' is started and may still run when it is destroyed: nothing waits for it; ~QThread() aborts with 'QThread: Destroyed while thread is still running' [threads-unjoined-thread]
  t->start();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: note: 't' is started here
  t->quit();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: 't' is destroyed here

void scopedPointerReset() {
  QScopedPointer<QThread> t(QThread::create(work));
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: QThread 't' is started and may still run when it is deleted: nothing waits for it; ~QThread() aborts with 'QThread: Destroyed while thread is still running' [threads-unjoined-thread]
  t->start();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: note: 't' is started here
  t.reset();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 't' is deleted here
}

// A timed wait whose result is dropped: on a timeout the thread runs on.
void timedWaitIgnored() {
  QThread t;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: QThread 't' is started and may still run when it is destroyed: nothing waits for it; ~QThread() aborts with 'QThread: Destroyed while thread is still running' [threads-unjoined-thread]
  t.start();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 't' is started here
  t.quit();
  t.wait(100);
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: 't' is destroyed here

class Member {
public:
  Member() { thread_.start(); }
  ~Member() { thread_.quit(); }

private:
  QThread thread_;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: QThread 'thread_' is started and no function of 'Member' waits for it: it may still run when it is destroyed; ~QThread() aborts with 'QThread: Destroyed while thread is still running' [threads-unjoined-thread]
  // CHECK-MESSAGES: :[[@LINE-6]]:22: note: 'thread_' is started here
};

class Parented : public QObject {
public:
  Parented() : thread_(new QThread(this)) {}
  void begin() {
    worker_.moveToThread(thread_);
    thread_->start();
  }
  ~Parented() { thread_->quit(); }

private:
  QThread *thread_;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: QThread 'thread_' is started and no function of 'Parented' waits for it: it may still run when its parent deletes it; ~QThread() aborts with 'QThread: Destroyed while thread is still running' [threads-unjoined-thread]
  // CHECK-MESSAGES: :[[@LINE-7]]:14: note: 'thread_' is started here
  Worker worker_;
};

class Deleting {
public:
  void begin() {
    thread_ = QThread::create(work);
    thread_->start();
  }
  ~Deleting() { delete thread_; }

private:
  QThread *thread_ = nullptr;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: QThread 'thread_' is started and no function of 'Deleting' waits for it: it may still run when it is destroyed; ~QThread() aborts with 'QThread: Destroyed while thread is still running' [threads-unjoined-thread]
  // CHECK-MESSAGES: :[[@LINE-7]]:14: note: 'thread_' is started here
};

// The worker deletes itself when the thread finishes; the thread does not.
class WorkerOwner : public QObject {
public:
  WorkerOwner() : thread_(new QThread), worker_(new Worker) {
    worker_->moveToThread(thread_);
    connect(thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_->start();
  }
  ~WorkerOwner() {
    thread_->quit();
    delete thread_;
  }

private:
  QThread *thread_;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: QThread 'thread_' is started and no function of 'WorkerOwner' waits for it: it may still run when it is destroyed; ~QThread() aborts with 'QThread: Destroyed while thread is still running' [threads-unjoined-thread]
  // CHECK-MESSAGES: :[[@LINE-10]]:14: note: 'thread_' is started here
  Worker *worker_;
};

class MadeUnique {
public:
  void begin() { thread_->start(); }
  ~MadeUnique() { thread_->requestInterruption(); }

private:
  std::unique_ptr<QThread> thread_ = std::make_unique<QThread>();
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: QThread 'thread_' is started and no function of 'MadeUnique' waits for it: it may still run when it is destroyed; ~QThread() aborts with 'QThread: Destroyed while thread is still running' [threads-unjoined-thread]
  // CHECK-MESSAGES: :[[@LINE-6]]:27: note: 'thread_' is started here
};

// A subclass whose destructor only asks.
class QuitsOnly : public QThread {
public:
  ~QuitsOnly() override { quit(); }
};

void quitsOnly() {
  QuitsOnly t;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: QThread 't' is started and may still run when it is destroyed: nothing waits for it; ~QThread() aborts with 'QThread: Destroyed while thread is still running' [threads-unjoined-thread]
  t.start();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 't' is started here
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: 't' is destroyed here

// Clean: waited for before it is destroyed.
void quitThenWait() {
  QThread t;
  Worker w;
  w.moveToThread(&t);
  t.start();
  t.quit();
  t.wait();
}

void timedWaitChecked() {
  QThread *t = QThread::create(work);
  t->start();
  if (!t->wait(1000)) {
    t->terminate();
    t->wait();
  }
  delete t;
}

// Clean: the thread deletes itself once it has finished.
void deletesItself() {
  QThread *t = QThread::create(work);
  QObject::connect(t, &QThread::finished, t, &QObject::deleteLater);
  t->start();
}

void deletesItselfOldSyntax() {
  QThread *t = new QThread;
  QObject::connect(t, SIGNAL(finished()), t, SLOT(deleteLater()));
  t->start();
}

// Clean: a child of someone else, or a pointer nobody deletes here.
void parentedElsewhere(QObject *parent) {
  QThread *t = new QThread(parent);
  t->start();
}

// Clean: handed over.
void keep(QThread *);
void handedOver() {
  QThread *t = QThread::create(work);
  t->start();
  keep(t);
}

// Clean: never started.
void neverStarted() { QThread t; }

// Clean: a subclass that waits in its own destructor.
class SelfStopping : public QThread {
public:
  ~SelfStopping() override {
    requestInterruption();
    quit();
    wait();
  }
};

void selfStopping() {
  SelfStopping t;
  t.start();
}

// Clean: the process ends before the local is destroyed.
[[noreturn]] void fatal();
void neverDestroyed() {
  QThread t;
  t.start();
  fatal();
}

class WaitsInDestructor : public QObject {
public:
  WaitsInDestructor() : thread_(new QThread(this)) { thread_->start(); }
  ~WaitsInDestructor() {
    thread_->quit();
    thread_->wait();
  }

private:
  QThread *thread_;
};

class StopsThroughHelper {
public:
  void begin() { thread_.start(); }
  ~StopsThroughHelper() { stop(); }

private:
  void stop() {
    if (thread_.isRunning()) {
      thread_.quit();
      thread_.wait();
    }
  }
  QThread thread_;
};

class DeleteLaterOnFinished : public QObject {
public:
  void begin() {
    thread_ = new QThread;
    connect(thread_, &QThread::finished, thread_, &QObject::deleteLater);
    thread_->start();
  }

private:
  QThread *thread_ = nullptr;
};

// Clean: a pointer member the class neither deletes nor made its child.
class Borrowed {
public:
  explicit Borrowed(QThread *t) : thread_(t) {}
  void begin() { thread_->start(); }

private:
  QThread *thread_;
};

class SmartMember {
public:
  SmartMember() : thread_(QThread::create(work)) { thread_->start(); }
  ~SmartMember() {
    thread_->requestInterruption();
    thread_->wait();
  }

private:
  std::unique_ptr<QThread> thread_;
};

class MadeUniqueWaited {
public:
  void begin() {
    thread_ = std::make_unique<QThread>();
    thread_->start();
  }
  ~MadeUniqueWaited() {
    if (thread_) {
      thread_->quit();
      thread_->wait();
    }
  }

private:
  std::unique_ptr<QThread> thread_;
};
