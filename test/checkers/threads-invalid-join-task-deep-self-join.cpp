// RUN: %check_threads %s threads-invalid-join %t -- -std=c++20 -fexceptions

#include <condition_variable>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <utility>
#include <vector>

// A pool whose shutdown() joins the workers.
class Pool {
public:
  Pool() {
    for (int i = 0; i < 2; ++i)
      workers_.emplace_back([this] { loop(); });
  }
  ~Pool() { shutdown(); }
  void submit(std::function<void()> task) {
    std::lock_guard<std::mutex> lock(mutex_);
    tasks_.push(std::move(task));
  }
  void shutdown() {
    for (std::thread &worker : workers_)
      if (worker.joinable())
        worker.join();
  }

private:
  void loop() {
    while (!tasks_.empty()) {
      std::function<void()> task = std::move(tasks_.front());
      tasks_.pop();
      task();
    }
  }
  std::vector<std::thread> workers_;
  std::queue<std::function<void()>> tasks_;
  std::mutex mutex_;
};

// A free function given the pool by reference stops it.
void stop_pool(Pool &pool) { pool.shutdown(); }
void on_fatal_error(Pool &pool) { stop_pool(pool); }

void stop_through_helpers() {
  Pool pool;
  pool.submit([&pool] { on_fatal_error(pool); });
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: task submitted here may join the thread that runs it: it calls 'Pool::shutdown', which joins the threads in 'workers_' that run the task; join() from its own thread throws std::system_error (resource_deadlock_would_occur) [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-34]]:7: note: a thread in 'workers_' is started here running the thread's entry lambda
  // CHECK-MESSAGES: :[[@LINE-17]]:7: note: the thread runs the task here
  // CHECK-MESSAGES: :[[@LINE-4]]:25: note: the task calls 'on_fatal_error' here
  // CHECK-MESSAGES: :[[@LINE-9]]:35: note: 'on_fatal_error' calls 'stop_pool' here
  // CHECK-MESSAGES: :[[@LINE-11]]:30: note: 'stop_pool' calls 'Pool::shutdown' here
  // CHECK-MESSAGES: :[[@LINE-29]]:9: note: 'workers_' is joined here
}

// A global pool stopped by a function the task calls.
class GlobalPool {
public:
  GlobalPool() { worker_ = std::thread([this] { loop(); }); }
  ~GlobalPool() { shutdown(); }
  void submit(std::function<void()> task) { tasks_.push(std::move(task)); }
  void shutdown() {
    if (worker_.joinable())
      worker_.join();
  }

private:
  void loop() {
    while (!tasks_.empty()) {
      std::function<void()> task = std::move(tasks_.front());
      tasks_.pop();
      task();
    }
  }
  std::thread worker_;
  std::queue<std::function<void()>> tasks_;
};

GlobalPool g_pool;
void drain_and_exit() { g_pool.shutdown(); }
void on_signal() { drain_and_exit(); }

void schedule_signal_handler() { g_pool.submit(&on_signal); }
// CHECK-MESSAGES: :[[@LINE-1]]:48: warning: task submitted here may join the thread that runs it: it calls 'GlobalPool::shutdown', which joins thread 'worker_' that runs the task; join() from its own thread throws std::system_error (resource_deadlock_would_occur) [threads-invalid-join]
// CHECK-MESSAGES: :[[@LINE-26]]:18: note: 'worker_' is started here running the thread's entry lambda
// CHECK-MESSAGES: :[[@LINE-14]]:7: note: the thread runs the task here
// CHECK-MESSAGES: :[[@LINE-6]]:20: note: the task calls 'drain_and_exit' here
// CHECK-MESSAGES: :[[@LINE-8]]:25: note: 'drain_and_exit' calls 'GlobalPool::shutdown' here
// CHECK-MESSAGES: :[[@LINE-25]]:7: note: 'worker_' is joined here

// A member of another class, given a pointer to the pool.
class PointerPool {
public:
  PointerPool() { worker_ = std::thread([this] { loop(); }); }
  ~PointerPool() { shutdown(); }
  void submit(std::function<void()> task) { tasks_.push(std::move(task)); }
  void shutdown() {
    if (worker_.joinable())
      worker_.join();
  }

private:
  void loop() {
    while (!tasks_.empty()) {
      std::function<void()> task = std::move(tasks_.front());
      tasks_.pop();
      task();
    }
  }
  std::thread worker_;
  std::queue<std::function<void()>> tasks_;
};

class Supervisor {
public:
  void halt(PointerPool *pool) { pool->shutdown(); }
};

void supervise(Supervisor &supervisor) {
  PointerPool pool;
  pool.submit([&supervisor, p = &pool] { supervisor.halt(p); });
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: task submitted here may join the thread that runs it: it calls 'PointerPool::shutdown', which joins thread 'worker_' that runs the task; join() from its own thread throws std::system_error (resource_deadlock_would_occur) [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-29]]:19: note: 'worker_' is started here running the thread's entry lambda
  // CHECK-MESSAGES: :[[@LINE-17]]:7: note: the thread runs the task here
  // CHECK-MESSAGES: :[[@LINE-4]]:42: note: the task calls 'Supervisor::halt' here
  // CHECK-MESSAGES: :[[@LINE-10]]:34: note: 'Supervisor::halt' calls 'PointerPool::shutdown' here
  // CHECK-MESSAGES: :[[@LINE-28]]:7: note: 'worker_' is joined here
}

// A service that owns the pool: its task captures `this` and calls the
// service's own functions, which stop the pool.
class ServicePool {
public:
  ServicePool() { worker_ = std::thread([this] { loop(); }); }
  ~ServicePool() { shutdown(); }
  void submit(std::function<void()> task) { tasks_.push(std::move(task)); }
  void shutdown() {
    if (worker_.joinable())
      worker_.join();
  }

private:
  void loop() {
    while (!tasks_.empty()) {
      std::function<void()> task = std::move(tasks_.front());
      tasks_.pop();
      task();
    }
  }
  std::thread worker_;
  std::queue<std::function<void()>> tasks_;
};

class Service {
public:
  void start() {
    pool_.submit([this] { on_idle(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: task submitted here may join the thread that runs it: it calls 'ServicePool::shutdown', which joins thread 'worker_' that runs the task; join() from its own thread throws std::system_error (resource_deadlock_would_occur) [threads-invalid-join]
    // CHECK-MESSAGES: :[[@LINE-25]]:19: note: 'worker_' is started here running the thread's entry lambda
    // CHECK-MESSAGES: :[[@LINE-13]]:7: note: the thread runs the task here
    // CHECK-MESSAGES: :[[@LINE-4]]:27: note: the task calls 'Service::on_idle' here
    // CHECK-MESSAGES: :[[@LINE+7]]:20: note: 'Service::on_idle' calls 'Service::stop' here
    // CHECK-MESSAGES: :[[@LINE+3]]:17: note: 'Service::stop' calls 'ServicePool::shutdown' here
    // CHECK-MESSAGES: :[[@LINE-25]]:7: note: 'worker_' is joined here
  }
  void stop() { pool_.shutdown(); }

private:
  void on_idle() { stop(); }
  ServicePool pool_;
};

// Silent: the deeper call stops another pool object.
class QuietPool {
public:
  QuietPool() { worker_ = std::thread([this] { loop(); }); }
  std::thread::id worker_id() const { return worker_.get_id(); }
  ~QuietPool() { shutdown(); }
  void submit(std::function<void()> task) { tasks_.push(std::move(task)); }
  void shutdown() {
    if (worker_.joinable())
      worker_.join();
  }

private:
  void loop() {
    while (!tasks_.empty()) {
      std::function<void()> task = std::move(tasks_.front());
      tasks_.pop();
      task();
    }
  }
  std::thread worker_;
  std::queue<std::function<void()>> tasks_;
};

QuietPool g_other_pool;
void stop_other() { g_other_pool.shutdown(); }
void stop_quiet(QuietPool &pool) { pool.shutdown(); }

void stop_another_pool() {
  QuietPool pool;
  QuietPool other;
  pool.submit([&other] { stop_quiet(other); });
  pool.submit([] { stop_other(); });
}

// Silent: the helper skips the shutdown on a worker.
void stop_unless_worker(QuietPool &pool) {
  if (std::this_thread::get_id() != pool.worker_id())
    pool.shutdown();
}

void guarded_stop() {
  QuietPool pool;
  pool.submit([&pool] { stop_unless_worker(pool); });
}

// Silent: the task runs on the timer thread, which shutdown() does not join.
class TimedPool {
public:
  TimedPool() {
    timer_ = std::thread([this] { tick(); });
    worker_ = std::thread([this] { work(); });
  }
  ~TimedPool() {
    shutdown();
    timer_.join();
  }
  void every(std::function<void()> task) { timers_.push_back(std::move(task)); }
  void shutdown() {
    if (worker_.joinable())
      worker_.join();
  }

private:
  void tick() {
    for (std::function<void()> &task : timers_)
      task();
  }
  void work() {}
  std::vector<std::function<void()>> timers_;
  std::thread timer_;
  std::thread worker_;
};

void stop_timed(TimedPool &pool) { pool.shutdown(); }

void stop_from_a_timer() {
  TimedPool pool;
  pool.every([&pool] { stop_timed(pool); });
}

// Silent: four calls deep is past the limit.
void level4(QuietPool &pool) { pool.shutdown(); }
void level3(QuietPool &pool) { level4(pool); }
void level2(QuietPool &pool) { level3(pool); }
void level1(QuietPool &pool) { level2(pool); }

void stop_too_deep() {
  QuietPool pool;
  pool.submit([&pool] { level1(pool); });
}
