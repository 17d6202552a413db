// RUN: %check_threads %s threads-exception-escape %t -- -std=c++20 -fexceptions

#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <queue>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

int counter;

// A task kept in a struct with its priority: the worker calls the field of
// the job it took from the priority queue.
struct Job {
  std::function<void()> fn;
  int priority;
  bool operator<(const Job &other) const { return priority < other.priority; }
};

class PriorityPool {
public:
  PriorityPool() { worker_ = std::thread(&PriorityPool::work, this); }
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: exception 'std::runtime_error' may escape the thread entry function 'PriorityPool::work' and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+14]]:7: note: the task called here may throw 'std::runtime_error'
  // CHECK-MESSAGES: :[[@LINE+24]]:15: note: task submitted here
  // CHECK-MESSAGES: :[[@LINE+23]]:20: note: 'std::runtime_error' is thrown here
  ~PriorityPool() { worker_.join(); }
  void submit(std::function<void()> f, int priority) {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.push(Job{std::move(f), priority});
  }

private:
  void work() {
    while (!queue_.empty()) {
      Job job = queue_.top();
      queue_.pop();
      job.fn();
    }
  }
  std::priority_queue<Job> queue_;
  std::mutex mutex_;
  std::thread worker_;
};

void use_priority_pool() {
  PriorityPool pool;
  pool.submit([] { ++counter; }, 1);
  pool.submit([] { throw std::runtime_error("job failed"); }, 2);
}

// A designated initializer, and the job read by reference from the front of
// the queue.
struct NamedTask {
  std::string name;
  std::function<void()> fn;
};

class FifoPool {
public:
  FifoPool() { worker_ = std::thread(&FifoPool::work, this); }
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: exception 'std::invalid_argument' may escape the thread entry function 'FifoPool::work' and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+12]]:7: note: the task called here may throw 'std::invalid_argument'
  // CHECK-MESSAGES: :[[@LINE+21]]:24: note: task submitted here
  // CHECK-MESSAGES: :[[@LINE+20]]:29: note: 'std::invalid_argument' is thrown here
  ~FifoPool() { worker_.join(); }
  void submit(std::string name, std::function<void()> f) {
    queue_.push(NamedTask{.name = std::move(name), .fn = std::move(f)});
  }

private:
  void work() {
    while (!queue_.empty()) {
      NamedTask &task = queue_.front();
      task.fn();
      queue_.pop();
    }
  }
  std::queue<NamedTask> queue_;
  std::thread worker_;
};

void use_fifo_pool() {
  FifoPool pool;
  pool.submit("parse", [] { throw std::invalid_argument("bad input"); });
}

// Pairs of a sequence number and a task, pushed and emplaced.
class PairQueue {
public:
  PairQueue() { worker_ = std::thread(&PairQueue::work, this); }
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: exception 'std::length_error' may escape the thread entry function 'PairQueue::work' and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+14]]:7: note: the task called here may throw 'std::length_error'
  // CHECK-MESSAGES: :[[@LINE+24]]:23: note: task submitted here
  // CHECK-MESSAGES: :[[@LINE+23]]:28: note: 'std::length_error' is thrown here
  ~PairQueue() { worker_.join(); }
  void post(int seq, std::function<void()> f) {
    tasks_.push_back({seq, std::move(f)});
  }
  void post_front(int seq, std::function<void()> f) {
    tasks_.emplace_front(seq, std::move(f));
  }

private:
  void work() {
    while (!tasks_.empty()) {
      tasks_.front().second();
      tasks_.pop_front();
    }
  }
  std::deque<std::pair<int, std::function<void()>>> tasks_;
  std::thread worker_;
};

void use_pair_queue() {
  PairQueue queue;
  queue.post(1, [] { ++counter; });
  queue.post_front(2, [] { throw std::length_error("too long"); });
}

// Timers kept in a vector, each with its callback; one set by assignment.
struct Timer {
  std::function<void()> cb;
  int when = 0;
};

class TimerThread {
public:
  TimerThread() { thread_ = std::thread(&TimerThread::run, this); }
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: exception 'std::range_error' may escape the thread entry function 'TimerThread::run' and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+14]]:7: note: the task called here may throw 'std::range_error'
  // CHECK-MESSAGES: :[[@LINE+21]]:20: note: task submitted here
  // CHECK-MESSAGES: :[[@LINE+20]]:25: note: 'std::range_error' is thrown here
  ~TimerThread() { thread_.join(); }
  void after(int when, std::function<void()> cb) {
    Timer timer;
    timer.when = when;
    timer.cb = std::move(cb);
    timers_.push_back(std::move(timer));
  }

private:
  void run() {
    for (Timer &timer : timers_)
      timer.cb();
  }
  std::vector<Timer> timers_;
  std::thread thread_;
};

void use_timer_thread() {
  TimerThread timers;
  timers.after(10, [] { throw std::range_error("timer failed"); });
}

// A struct whose constructor keeps the callback, emplaced in place.
class Entry {
public:
  Entry(std::function<void()> fn, int id) : fn_(std::move(fn)), id_(id) {}
  void run() const { fn_(); }
  int id() const { return id_; }

private:
  std::function<void()> fn_;
  int id_;
};

class EntryLoop {
public:
  EntryLoop() { thread_ = std::thread(&EntryLoop::run, this); }
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: exception 'std::overflow_error' may escape the thread entry function 'EntryLoop::run' and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+12]]:13: note: call to 'Entry::run' may throw 'std::overflow_error'
  // CHECK-MESSAGES: :[[@LINE-13]]:22: note: the task called here may throw 'std::overflow_error'
  // CHECK-MESSAGES: :[[@LINE+18]]:12: note: task submitted here
  // CHECK-MESSAGES: :[[@LINE+17]]:17: note: 'std::overflow_error' is thrown here
  ~EntryLoop() { thread_.join(); }
  void add(std::function<void()> fn, int id) {
    entries_.emplace_back(std::move(fn), id);
  }

private:
  void run() {
    for (const Entry &entry : entries_)
      entry.run();
  }
  std::vector<Entry> entries_;
  std::thread thread_;
};

void use_entry_loop() {
  EntryLoop loop;
  loop.add([] { throw std::overflow_error("entry failed"); }, 7);
}

// Callbacks in a map, stored with [] and called with [].
class Dispatcher {
public:
  Dispatcher() { thread_ = std::thread(&Dispatcher::run, this); }
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: exception 'std::domain_error' may escape the thread entry function 'Dispatcher::run' and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+7]]:16: note: the task called here may throw 'std::domain_error'
  // CHECK-MESSAGES: :[[@LINE+13]]:20: note: task submitted here
  // CHECK-MESSAGES: :[[@LINE+12]]:25: note: 'std::domain_error' is thrown here
  ~Dispatcher() { thread_.join(); }
  void on(int id, std::function<void()> handler) { handlers_[id] = handler; }

private:
  void run() { handlers_[0](); }
  std::map<int, std::function<void()>> handlers_;
  std::thread thread_;
};

void use_dispatcher() {
  Dispatcher dispatcher;
  dispatcher.on(0, [] { throw std::domain_error("no handler"); });
}

// Stored with emplace, insert and try_emplace; called through at(), an
// iterator and a structured binding.
class Registry {
public:
  Registry() {
    by_at_ = std::thread(&Registry::call_at, this);
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: exception 'std::out_of_range' may escape the thread entry function 'Registry::call_at' and call std::terminate [threads-exception-escape]
    // CHECK-MESSAGES: :[[@LINE+28]]:7: note: the task called here may throw 'std::out_of_range'
    // CHECK-MESSAGES: :[[@LINE+48]]:28: note: task submitted here
    // CHECK-MESSAGES: :[[@LINE+47]]:33: note: 'std::out_of_range' is thrown here
    by_find_ = std::thread(&Registry::call_found, this);
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: exception 'std::underflow_error' may escape the thread entry function 'Registry::call_found' and call std::terminate [threads-exception-escape]
    // CHECK-MESSAGES: :[[@LINE+28]]:7: note: the task called here may throw 'std::underflow_error'
    // CHECK-MESSAGES: :[[@LINE+44]]:28: note: task submitted here
    // CHECK-MESSAGES: :[[@LINE+43]]:33: note: 'std::underflow_error' is thrown here
    by_binding_ = std::thread(&Registry::call_all, this);
    // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: exception 'std::bad_function_call' may escape the thread entry function 'Registry::call_all' and call std::terminate [threads-exception-escape]
    // CHECK-MESSAGES: :[[@LINE+27]]:7: note: the task called here may throw 'std::bad_function_call'
    // CHECK-MESSAGES: :[[@LINE+40]]:25: note: task submitted here
    // CHECK-MESSAGES: :[[@LINE+39]]:30: note: 'std::bad_function_call' is thrown here
  }
  ~Registry() {
    by_at_.join();
    by_find_.join();
    by_binding_.join();
  }
  void add_emplaced(int id, std::function<void()> f) { first_.emplace(id, f); }
  void add_inserted(int id, std::function<void()> f) {
    second_.insert({id, f});
  }
  void add_tried(int id, std::function<void()> f) { third_.try_emplace(id, f); }

private:
  void call_at() {
    if (first_.count(1))
      first_.at(1)();
  }
  void call_found() {
    auto it = second_.find(2);
    if (it != second_.end())
      it->second();
  }
  void call_all() {
    for (auto &[id, callback] : third_)
      callback();
  }
  std::map<unsigned, std::function<void()>> first_;
  std::unordered_map<int, std::function<void(int)>> second_unused_;
  std::unordered_map<long, std::function<void()>> second_;
  std::unordered_map<short, std::function<void()>> third_;
  std::thread by_at_;
  std::thread by_find_;
  std::thread by_binding_;
};

void use_registry(Registry &registry) {
  registry.add_emplaced(1, [] { throw std::out_of_range("emplaced"); });
  registry.add_inserted(2, [] { throw std::underflow_error("inserted"); });
  registry.add_tried(3, [] { throw std::bad_function_call(); });
}

// Silent: the same shapes whose every stored task cannot throw, a worker
// that catches, and a field of another struct that holds the throwing task.
struct QuietJob {
  std::function<void()> fn;
  int priority;
};

struct OtherJob {
  std::function<void()> fn;
};

class QuietPool {
public:
  QuietPool() { worker_ = std::thread(&QuietPool::work, this); }
  ~QuietPool() { worker_.join(); }
  void submit(std::function<void()> f) { jobs_.push_back(QuietJob{f, 0}); }
  void submit_pair(std::function<void()> f) { pairs_.push_back({1, f}); }
  void on(char id, std::function<void()> f) { handlers_[id] = f; }

private:
  void work() {
    for (QuietJob &job : jobs_)
      job.fn();
    for (auto &[seq, task] : pairs_)
      task();
    handlers_['a']();
  }
  std::vector<QuietJob> jobs_;
  std::vector<std::pair<unsigned, std::function<void()>>> pairs_;
  std::map<char, std::function<void()>> handlers_;
  std::thread worker_;
};

void use_quiet_pool(std::vector<OtherJob> &others) {
  QuietPool pool;
  pool.submit([] { ++counter; });
  pool.submit_pair([]() noexcept { ++counter; });
  pool.on('a', [] { ++counter; });
  others.push_back(OtherJob{[] { throw std::runtime_error("never run"); }});
}

class CatchingPool {
public:
  CatchingPool() { worker_ = std::thread(&CatchingPool::work, this); }
  ~CatchingPool() { worker_.join(); }
  void submit(std::function<void()> f, int priority) {
    queue_.emplace(Job{std::move(f), priority});
  }

private:
  void work() {
    while (!queue_.empty()) {
      Job job = queue_.top();
      queue_.pop();
      try {
        job.fn();
      } catch (...) {
        ++counter;
      }
    }
  }
  std::priority_queue<Job> queue_;
  std::thread worker_;
};

void use_catching_pool() {
  CatchingPool pool;
  pool.submit([] { throw std::runtime_error("caught"); }, 1);
}
