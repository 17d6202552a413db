// REQUIRES: qt5
// RUN: %check_threads %s threads-exception-escape %t -- -std=c++17 %qt_flags

#include <QtCore/QThread>
#include <stdexcept>

void load(int id) {
  if (id < 0)
    throw std::runtime_error("bad id");
}

// QThread calls run() and catches nothing.
class Loader : public QThread {
  // CHECK-MESSAGES: :[[@LINE+1]]:8: warning: exception 'std::runtime_error' may escape the thread entry function 'Loader::run' and call std::terminate [threads-exception-escape]
  void run() override { load(id_); }
  // CHECK-MESSAGES: :[[@LINE-1]]:25: note: call to 'load' may throw 'std::runtime_error'
  // CHECK-MESSAGES: :[[@LINE-8]]:5: note: 'std::runtime_error' is thrown here
  int id_ = 0;
};

// QThread::create(f) runs f in run(): its exception escapes run() too.
void startLoader(int id) {
  QThread *t = QThread::create([id] { load(id); });
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: exception 'std::runtime_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:39: note: call to 'load' may throw 'std::runtime_error'
  // CHECK-MESSAGES: :[[@LINE-17]]:5: note: 'std::runtime_error' is thrown here
  QObject::connect(t, &QThread::finished, t, &QObject::deleteLater);
  t->start();
}

// Clean: the exception is caught inside run().
class CarefulLoader : public QThread {
  void run() override {
    try {
      load(id_);
    } catch (const std::exception &) {
      failed_ = true;
    }
  }
  int id_ = 0;
  bool failed_ = false;
};

// Clean: nothing throws.
class Idle : public QThread {
  void run() override { exec(); }
};

void startQuiet() {
  QThread *t = QThread::create([] {});
  QObject::connect(t, &QThread::finished, t, &QObject::deleteLater);
  t->start();
}

// Clean: a run() that is not QThread's.
struct Task {
  virtual ~Task() = default;
  virtual void run() = 0;
};
struct LoadTask : Task {
  void run() override { load(-1); }
};
