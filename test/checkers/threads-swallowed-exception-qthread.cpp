// REQUIRES: qt5
// RUN: %check_threads %s threads-swallowed-exception %t -- -std=c++17 %qt_flags

#include <QtCore/QDebug>
#include <QtCore/QThread>
#include <stdexcept>

void poll();
void logFailure(const char *what);

// The run() of a QThread subclass is its thread's entry function.
class Poller : public QThread {
protected:
  void run() override {
    while (!isInterruptionRequested()) {
      try {
        poll();
      } catch (...) {
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'catch (...)' in the thread entry function 'Poller::run' swallows the exception silently; the thread's failure is lost [threads-swallowed-exception]
      }
    }
  }
};

// A function run() calls directly is searched too.
class Importer : public QThread {
  void importAll() {
    try {
      poll();
    } catch (const std::exception &) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: handler for 'std::exception' in 'Importer::importAll' (called from the thread entry function 'Importer::run') swallows the exception silently; the thread's failure is lost [threads-swallowed-exception]
    }
  }

protected:
  void run() override { importAll(); }
};

// The callable of QThread::create(f) runs in the new thread's run().
QThread *startPoller() {
  QThread *t = QThread::create([] {
    try {
      poll();
    } catch (...) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'catch (...)' in the thread's entry lambda swallows the exception silently; the thread's failure is lost [threads-swallowed-exception]
    // CHECK-MESSAGES: :[[@LINE-5]]:32: note: thread started here
    }
  });
  QObject::connect(t, &QThread::finished, t, &QObject::deleteLater);
  t->start();
  return t;
}

// Clean: the handler logs the failure.
class LoggingPoller : public QThread {
protected:
  void run() override {
    try {
      poll();
    } catch (const std::exception &error) {
      qWarning() << "poller failed:" << error.what();
    } catch (...) {
      logFailure("unknown");
    }
  }
};

// Clean: a run() that is not a QThread's is no thread entry function.
class Job {
public:
  virtual ~Job() = default;
  virtual void run() {}
};

class QuietJob : public Job {
  void run() override {
    try {
      poll();
    } catch (...) {
    }
  }
};

// Clean: a narrow handler is a decision, not a swallowed failure.
class RetryingPoller : public QThread {
protected:
  void run() override {
    try {
      poll();
    } catch (const std::range_error &) {
    }
  }
};
