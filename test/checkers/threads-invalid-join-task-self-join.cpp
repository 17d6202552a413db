// RUN: %check_threads %s threads-invalid-join %t -- -std=c++20 -fexceptions

#include <condition_variable>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <utility>
#include <vector>

// A pool whose shutdown() joins the workers: a task that calls it runs on
// a worker, which then joins itself.
class Pool {
public:
  explicit Pool(int n) {
    for (int i = 0; i < n; ++i)
      workers_.emplace_back([this] { loop(); });
  }
  ~Pool() { shutdown(); }
  void submit(std::function<void()> task) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      tasks_.push(std::move(task));
    }
    ready_.notify_one();
  }
  void shutdown() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (std::thread &worker : workers_)
      if (worker.joinable())
        worker.join();
  }

private:
  void loop() {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
        if (stopping_ && tasks_.empty())
          return;
        task = std::move(tasks_.front());
        tasks_.pop();
      }
      task();
    }
  }

  std::vector<std::thread> workers_;
  std::queue<std::function<void()>> tasks_;
  std::mutex mutex_;
  std::condition_variable ready_;
  bool stopping_ = false;
};

void stop_from_a_task() {
  Pool pool(2);
  pool.submit([&pool] { pool.shutdown(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: task submitted here may join the thread that runs it: it calls 'Pool::shutdown', which joins the threads in 'workers_' that run the task; join() from its own thread throws std::system_error (resource_deadlock_would_occur) [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-48]]:7: note: a thread in 'workers_' is started here running the thread's entry lambda
  // CHECK-MESSAGES: :[[@LINE-16]]:7: note: the thread runs the task here
  // CHECK-MESSAGES: :[[@LINE-4]]:25: note: the task calls 'Pool::shutdown' here
  // CHECK-MESSAGES: :[[@LINE-33]]:9: note: 'workers_' is joined here
}

// A task that submits more work joins nothing: silent.
void submit_from_a_task() {
  Pool pool(2);
  pool.submit([&pool] { pool.submit([] {}); });
}

// A shutdown() that skips the calling thread: silent.
class CarefulPool {
public:
  CarefulPool() { worker_ = std::thread([this] { loop(); }); }
  ~CarefulPool() { shutdown(); }
  void submit(std::function<void()> task) { tasks_.push(std::move(task)); }
  void shutdown() {
    if (worker_.joinable() &&
        worker_.get_id() != std::this_thread::get_id())
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

void careful_stop_from_a_task() {
  CarefulPool pool;
  pool.submit([&pool] { pool.shutdown(); });
}
