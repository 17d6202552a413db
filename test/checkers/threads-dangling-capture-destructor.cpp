// RUN: %check_threads %s threads-dangling-capture %t -- -std=c++17
// A destructor (or a member function it calls) that detaches a member
// thread which still uses the object: the object dies under the thread.

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

void poll();

// --- flagged --------------------------------------------------------------

class Worker {
public:
  Worker() : thread_(&Worker::loop, this) {}
  ~Worker() {
    stop_ = true;
    thread_.detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: thread 'thread_' is detached when a 'Worker' is destroyed, but it runs the thread entry function 'Worker::loop', which uses the object; the thread may go on using the destroyed 'Worker' [threads-dangling-capture]
    // CHECK-MESSAGES: :[[@LINE-5]]:14: note: the thread is started here
    // CHECK-MESSAGES: :[[@LINE+5]]:13: note: the thread uses the object here
  }

private:
  void loop() {
    while (!stop_)
      poll();
  }
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// Through a member function the destructor calls, with a lambda capturing
// this, guarded by joinable() (the guard does not change what detach does).
class Service {
public:
  void start() {
    thread_ = std::thread([this] {
      while (running_)
        poll();
    });
  }
  void shutdown() {
    running_ = false;
    if (thread_.joinable())
      thread_.detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 'thread_' is detached when a 'Service' is destroyed, but it runs the thread's entry lambda, which uses the object; the thread may go on using the destroyed 'Service' [threads-dangling-capture]
    // CHECK-MESSAGES: :[[@LINE-10]]:5: note: the thread is started here
    // CHECK-MESSAGES: :[[@LINE-10]]:14: note: the thread uses the object here
    // CHECK-MESSAGES: :[[@LINE+2]]:16: note: 'Service::~Service' calls 'Service::shutdown' here
  }
  ~Service() { shutdown(); }

private:
  std::atomic<bool> running_{false};
  std::thread thread_;
};

// A pool detaching its workers in the destructor.
class Pool {
public:
  explicit Pool(int n) {
    for (int i = 0; i < n; ++i)
      workers_.emplace_back([this] { work(); });
  }
  ~Pool() {
    for (auto &w : workers_)
      w.detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: a thread in 'workers_' is detached when a 'Pool' is destroyed, but it runs the thread's entry lambda, which uses the object; the thread may go on using the destroyed 'Pool' [threads-dangling-capture]
    // CHECK-MESSAGES: :[[@LINE-6]]:7: note: the thread is started here
    // CHECK-MESSAGES: :[[@LINE-7]]:38: note: the thread uses the object here
  }

private:
  void work();
  std::vector<std::thread> workers_;
};

// --- must NOT warn ----------------------------------------------------------

// The destructor joins: the thread is done before the object goes.
class Joiner {
public:
  Joiner() : thread_(&Joiner::loop, this) {}
  ~Joiner() {
    stop_ = true;
    thread_.join();
  }

private:
  void loop() {
    while (!stop_)
      poll();
  }
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// The thread does not use the object.
class FireAndForget {
public:
  FireAndForget() : thread_(poll) {}
  ~FireAndForget() { thread_.detach(); }

private:
  std::thread thread_;
};

// The thread keeps the object alive with a shared owner.
class Session : public std::enable_shared_from_this<Session> {
public:
  void start() {
    thread_ = std::thread([self = shared_from_this()] { self->serve(); });
  }
  void startMember() {
    other_ = std::thread(&Session::serve, shared_from_this());
  }
  ~Session() {
    thread_.detach();
    other_.detach();
  }

private:
  void serve();
  std::thread thread_;
  std::thread other_;
};

// Detached somewhere the destructor does not reach: not this check's case.
class Launcher {
public:
  void launch() {
    thread_ = std::thread([this] { work(); });
    thread_.detach();
  }
  ~Launcher() {}

private:
  void work();
  std::thread thread_;
};

// --- macros and templates ---------------------------------------------------

// A detach written through a macro is the same detach.
#define DETACH_THREAD(t) (t).detach()
class MacroWorker {
public:
  MacroWorker() : thread_(&MacroWorker::loop, this) {}
  ~MacroWorker() { DETACH_THREAD(thread_); }
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: thread 'thread_' is detached when a 'MacroWorker' is destroyed, but it runs the thread entry function 'MacroWorker::loop', which uses the object; the thread may go on using the destroyed 'MacroWorker' [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-6]]:26: note: expanded from macro 'DETACH_THREAD'
  // CHECK-MESSAGES: :[[@LINE-4]]:19: note: the thread is started here
  // CHECK-MESSAGES: :[[@LINE+4]]:13: note: the thread uses the object here

private:
  void loop() {
    while (!stop_)
      poll();
  }
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// Class templates are not judged (see Limits), instantiated or not.
template <typename T> class TemplateWorker {
public:
  TemplateWorker() : thread_(&TemplateWorker::loop, this) {}
  ~TemplateWorker() { thread_.detach(); }

private:
  void loop() { value_ = T(); }
  T value_{};
  std::thread thread_;
};
TemplateWorker<int> *make_worker() { return new TemplateWorker<int>; }
