// A small thread pool (correct) and a parallel sum that forgets its workers.
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <numeric>
#include <queue>
#include <thread>
#include <vector>

class ThreadPool {
public:
  explicit ThreadPool(std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
      workers_.emplace_back([this] { loop(); });
  }

  ~ThreadPool() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (std::thread &worker : workers_)
      worker.join();
  }

  void submit(std::function<void()> task) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      tasks_.push(std::move(task));
    }
    ready_.notify_one();
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

// BUG: the partial sums are computed, but nobody waits for the workers.
// Returning destroys 'workers' while they are joinable: std::terminate.
long parallel_sum(const std::vector<int> &data, std::size_t parts) {
  std::vector<long> partial(parts, 0);
  std::vector<std::thread> workers;
  std::size_t chunk = data.size() / parts;
  for (std::size_t p = 0; p < parts; ++p) {
    workers.emplace_back([&, p] {
      auto first = data.begin() + p * chunk;
      auto last = p + 1 == parts ? data.end() : first + chunk;
      partial[p] = std::accumulate(first, last, 0L);
    });
  }
  return std::accumulate(partial.begin(), partial.end(), 0L);
}

int main() {
  ThreadPool pool(2);
  pool.submit([] {});
  std::vector<int> data(1000, 1);
  return parallel_sum(data, 4) == 1000 ? 0 : 1;
}
