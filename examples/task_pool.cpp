// A task queue whose worker lets a task's exception escape, and its fixed
// form. join() does not rethrow what a thread throws: the process ends.
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <functional>
#include <mutex>
#include <queue>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>

class JobQueue {
public:
  // BUG: a job that throws leaves run() and the worker's entry function:
  // std::terminate, for every job that fails.
  JobQueue() : worker_([this] { run(); }) {}
  ~JobQueue() {
    post({});
    worker_.join();
  }
  void post(std::function<void()> job) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      jobs_.push(std::move(job));
    }
    ready_.notify_one();
  }

private:
  void run() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [this] { return !jobs_.empty(); });
        job = std::move(jobs_.front());
        jobs_.pop();
      }
      if (!job)
        return;
      job();
    }
  }

  std::mutex mutex_;
  std::condition_variable ready_;
  std::queue<std::function<void()>> jobs_;
  std::thread worker_;
};

// FIXED: the worker catches what a job throws and reports it; the queue
// goes on with the next job.
class SafeJobQueue {
public:
  SafeJobQueue() : worker_([this] { run(); }) {}
  ~SafeJobQueue() {
    post({});
    worker_.join();
  }
  void post(std::function<void()> job) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      jobs_.push(std::move(job));
    }
    ready_.notify_one();
  }

private:
  void run() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [this] { return !jobs_.empty(); });
        job = std::move(jobs_.front());
        jobs_.pop();
      }
      if (!job)
        return;
      try {
        job();
      } catch (const std::exception &failure) {
        std::fprintf(stderr, "job failed: %s\n", failure.what());
      }
    }
  }

  std::mutex mutex_;
  std::condition_variable ready_;
  std::queue<std::function<void()>> jobs_;
  std::thread worker_;
};

int parse_port(const std::string &text) {
  int port = std::stoi(text);
  if (port <= 0 || port > 65535)
    throw std::out_of_range("port out of range: " + text);
  return port;
}

int main(int argc, char **argv) {
  std::string text = argc > 1 ? argv[1] : "8080";
  int port = 0;
  {
    JobQueue jobs;
    jobs.post([&] { port = parse_port(text); });
  }
  {
    SafeJobQueue jobs;
    jobs.post([&] { port = parse_port(text); });
  }
  return port > 0 ? 0 : 1;
}
