// A health monitor and a log flusher: three ways to misuse a std::thread.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

bool probe(const std::string &host) { return !host.empty(); }

// BUG: stop() joins the monitor thread, and the monitor thread itself calls
// stop() when a probe fails: a thread joining itself throws.
class Monitor {
public:
  explicit Monitor(std::string host) : host_(std::move(host)) {}
  void start() { thread_ = std::thread(&Monitor::loop, this); }
  void stop() {
    running_ = false;
    thread_.join();
  }
  ~Monitor() {
    if (thread_.joinable())
      thread_.join();
  }

private:
  void loop() {
    while (running_) {
      if (!probe(host_))
        stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  std::string host_;
  std::atomic<bool> running_{true};
  std::thread thread_;
};

// BUG: the detached thread keeps using 'lines' after flush_async returns.
void flush_async() {
  std::vector<std::string> lines{"a", "b"};
  std::thread([&lines] {
    for (const std::string &line : lines)
      std::puts(line.c_str());
  }).detach();
}

// BUG: in quiet mode the thread is detached, then joined.
void report(bool quiet) {
  std::thread printer([] { std::puts("report"); });
  if (quiet)
    printer.detach();
  printer.join();
}

// Correct: the thread gets its own copy of the data.
void flush_copy() {
  std::vector<std::string> lines{"a", "b"};
  std::thread([lines] {
    for (const std::string &line : lines)
      std::puts(line.c_str());
  }).detach();
}

// Correct: join only what is still joinable.
void report_safely(bool quiet) {
  std::thread printer([] { std::puts("report"); });
  if (quiet)
    printer.detach();
  if (printer.joinable())
    printer.join();
}

int main() {
  Monitor monitor("example.org");
  monitor.start();
  flush_async();
  flush_copy();
  report(false);
  report_safely(true);
  monitor.stop();
}
