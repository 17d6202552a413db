// A Qt 5 thumbnailer: a scanner thread owned by a class, and a one-shot
// render thread. Both bugs abort the program with "QThread: Destroyed while
// thread is still running".
#include <QtCore/QString>
#include <QtCore/QThread>
#include <memory>

class ScanThread : public QThread {
public:
  explicit ScanThread(QString dir) : dir_(std::move(dir)) {}

protected:
  void run() override {
    while (!isInterruptionRequested())
      msleep(100);
  }

private:
  QString dir_;
};

// Bug 1: the destructor asks the scanner to stop but does not wait for it.
class Library {
public:
  explicit Library(const QString &dir) : scanner_(new ScanThread(dir)) {
    scanner_->start();
  }
  ~Library() { scanner_->requestInterruption(); }

private:
  std::unique_ptr<ScanThread> scanner_;
};

bool render_ready(int size) { return size > 0; }

// Bug 2: the early return destroys the render thread while it runs.
int render(int size) {
  std::unique_ptr<QThread> worker(QThread::create([size] { (void)size; }));
  worker->start();
  if (!render_ready(size))
    return -1;
  worker->wait();
  return 0;
}

// Correct: interrupted and waited for.
class Indexer {
public:
  Indexer() : thread_(new ScanThread(QString())) { thread_->start(); }
  ~Indexer() {
    thread_->requestInterruption();
    thread_->wait();
  }

private:
  std::unique_ptr<ScanThread> thread_;
};

int main() {
  Library library(QString("/tmp"));
  Indexer indexer;
  return render(64);
}
