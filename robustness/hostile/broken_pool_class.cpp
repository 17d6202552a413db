// A mutant of test/checkers/threads-exception-escape-erased-tasks.cpp (robustness
// seed 20261125, mutant 1) that crashed clang's CFG builder: the Pool class
// breaks off inside its constructor, and the member join analysis built a CFG
// for member functions of the invalid class. Kept as it was found.
// RUN: %check_threads %s threads-exception-escape %t -- -std=c++20 -fexceptions

#include <condition_variable>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <queue>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>
  template <class F> std::future<void> submit(F f) {
// A pool whose worker calls each task outside a `try`: one throwing task
// terminates the process.
class Pool {
public:
  explicit Pool(int n) {
    for (int i = 0; i < n; ++i)
      workers_.emplace_back([this] { work(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: exception 'std::runtime_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
    // CHECK-MESSAGES: :[[@LINE-2]]:38: note: call to 'Pool::work' may throw 'std::runtime_error'
};
    // CHECK-MESSAGES: :[[@LINE+46]]:15: note: task submitted here
    // CHECK-MESSAGES: :[[@LINE+46]]:5: note: 'std::runtime_error' is thrown here
  }
  ~Pool() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (std::thread &worker : workers_)
      worker.join();
  }
  template <class F> void submit(F &&task) {
    std::lock_guard<std::mutex> lock(mutex_);
    tasks_.push(std::forward<F>(task));
    ready_.notify_one();
  }

private:
  void work() {
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

int counter;

void use_pool() {
  Pool pool(4);
  pool.submit([] { ++counter; });
  pool.submit([] {
    throw std::runtime_error("task failed");
  });
}

// The same pool, but every worker catches what a task throws: silent.
class CatchingPool {
public:
  CatchingPool() { worker_ = std::thread([this] { work(); }); }
  ~CatchingPool() { worker_.join(); }
  void submit(std::function<void()> task) { tasks_.push_back(std::move(task)); }

private:
  void work() {
    while (!tasks_.empty()) {
      std::function<void()> task = std::move(tasks_.back());
      tasks_.pop_back();
      try {
        task();
      } catch (...) {
        ++counter;
      }
    }
  }
  std::thread worker_;
  std::vector<std::function<void()>> tasks_;
};

void use_catching_pool() {
  CatchingPool pool;
  pool.submit([] { throw std::runtime_error("caught by the worker"); });
}

// A pool whose tasks, every one visible, cannot throw: silent.
class QuietPool {
public:
  QuietPool() { worker_ = std::thread([this] { work(); }); }
  ~QuietPool() { worker_.join(); }
  void submit(std::function<void()> task) { tasks_.push_back(std::move(task)); }

private:
  void work() {
    for (std::function<void()> &task : tasks_)
      task();
  }
  std::thread worker_;
  std::vector<std::function<void()>> tasks_;
};

void use_quiet_pool() {
  QuietPool pool;
  pool.submit([] { ++counter; });
}

// A library's pool: nothing in this file submits to it, so nothing is known
// about its tasks; the call keeps its old answer (it does not throw).
class LibraryPool {
public:
  LibraryPool() { worker_ = std::thread([this] { work(); }); }
  ~LibraryPool() { worker_.join(); }
  void submit(std::function<void()> task) { tasks_.push_back(std::move(task)); }

private:
  void work() {
    for (std::function<void()> &task : tasks_)
      task();
  }
  std::thread worker_;
  std::vector<std::function<void()>> tasks_;
};

// Tasks wrapped in a std::packaged_task: the exception goes into the future.
class FuturePool {
public:
  FuturePool() { worker_ = std::thread([this] { work(); }); }
  ~FuturePool() { worker_.join(); }

    auto task = std::make_shared<std::packaged_task<void()>>(std::move(f));
    std::future<void> result = task->get_future();
    tasks_.push_back([task] { (*task)(); });
    return result;
  }

private:
  void work() {
    for (std::function<void()> &task : tasks_)
      task();
  }
  std::thread worker_;
  std::vector<std::function<void()>> tasks_;
    // CHECK-MESSAGES: :[[@LINE+31]]:7: note: the task called here may throw 'std::runtime_error'

void use_future_pool() {
  FuturePool pool;
  std::future<void> done =
      pool.submit([] { throw std::runtime_error("kept in the future"); });
  done.get();
}

// A submit that wraps every task in a catching lambda: silent.
class WrappingPool {
public:
  WrappingPool() { worker_ = std::thread([this] { work(); }); }
  ~WrappingPool() { worker_.join(); }
  void submit(std::function<void()> task) {
    tasks_.push_back([task = std::move(task)] {
      try {
        task();
      } catch (const std::exception &) {
        ++counter;
      }
    });
  }

private:
  void work() {
    for (std::function<void()> &task : tasks_)
      task();
  }
  std::thread worker_;
  std::vector<std::function<void()>> tasks_;
};

void use_wrapping_pool() {
  WrappingPool pool;
  pool.submit([] { throw std::runtime_error("caught by the wrapper"); });
}

// A callback member set by the constructor and called by the thread.
class Poller {
public:
  explicit Poller(std::function<void(int)> on_event)
      : on_event_(std::move(on_event)) {}
  void start() { thread_ = std::thread(&Poller::poll, this); }
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: exception 'std::out_of_range' may escape the thread entry function 'Poller::poll' and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+6]]:17: note: the task called here may throw 'std::out_of_range'
  // CHECK-MESSAGES: :[[@LINE+12]]:7: note: task submitted here
  // CHECK-MESSAGES: :[[@LINE+11]]:23: note: 'std::out_of_range' is thrown here
  ~Poller() { thread_.join(); }

private:
  void poll() { on_event_(1); }
  std::function<void(int)> on_event_;
  std::thread thread_;
};

void use_poller() {
  Poller poller(
      [](int event) { throw std::out_of_range("event " + std::to_string(event)); });
  poller.start();
}

// A function pointer handed to the thread's function.
void run_callback(void (*callback)()) { callback(); }
void fails() { throw std::logic_error("callback failed"); }
void succeeds() { ++counter; }

void use_function_pointers() {
  std::thread first(run_callback, &fails);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: exception 'std::logic_error' may escape the thread entry function 'run_callback' and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-7]]:41: note: the task called here may throw 'std::logic_error'
  // CHECK-MESSAGES: :[[@LINE-3]]:35: note: task submitted here

void quiet_runner(void (*callback)()) { callback(); }

void use_quiet_function_pointer() {
  std::thread second(quiet_runner, &succeeds);
  second.join();
}

// A task that declares it cannot throw: silent.
class NoexceptPool {
public:
  NoexceptPool() { worker_ = std::thread([this] { work(); }); }
  ~NoexceptPool() { worker_.join(); }
  void submit(std::function<void()> task) { tasks_.push_back(std::move(task)); }

private:
  void work() {
    for (std::function<void()> &task : tasks_)
      task();
  }
  std::thread worker_;
  std::vector<std::function<void()>> tasks_;
};

void use_noexcept_pool() {
  NoexceptPool pool;
  pool.submit([]() noexcept { ++counter; });
}

// A virtual call runs whichever override the object has: any visible one.
struct Job {
  virtual ~Job() = default;
  virtual void run() = 0;
};
struct CountJob : Job {
  void run() override { ++counter; }
};
struct ParseJob : Job {
  void run() override { throw std::invalid_argument("bad input"); }
};

void run_job(Job *job) { job->run(); }

void use_jobs(ParseJob &parse) {
  std::thread worker(run_job, &parse);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: exception 'std::invalid_argument' may escape the thread entry function 'run_job' and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-5]]:31: note: call to 'ParseJob::run' may throw 'std::invalid_argument'
  // CHECK-MESSAGES: :[[@LINE-9]]:25: note: 'std::invalid_argument' is thrown here
  worker.join();
}

// A call qualified with the class runs that class's function only, and a
// final class has no overrides: silent.
struct Step {
  virtual ~Step() = default;
  virtual void apply() { ++counter; }
};
struct FailingStep : Step {
  void apply() override { throw std::runtime_error("step failed"); }
};
struct LastStep final : Step {
  void apply() override { ++counter; }
};

void apply_base_only(Step *step) { step->Step::apply(); }
void apply_last(LastStep *step) { step->apply(); }

void use_steps(Step &step, LastStep &last) {
  std::thread base_only(apply_base_only, &step);
  std::thread final_one(apply_last, &last);
  base_only.join();
  final_one.join();
}
