// Long-running services that own a thread as a data member.
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

// BUG: start() launches the poller, but no member function ever joins it.
// Destroying a MetricsPoller calls std::terminate.
class MetricsPoller {
public:
  void start() { poller_ = std::thread(&MetricsPoller::poll, this); }
  void request_stop() { stop_ = true; }

private:
  void poll() {
    while (!stop_)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }

  std::atomic<bool> stop_{false};
  std::thread poller_;
};

// Correct: stop() joins, and the destructor calls stop().
class Heartbeat {
public:
  void start() { beat_ = std::thread(&Heartbeat::run, this); }
  void stop() {
    stop_ = true;
    if (beat_.joinable())
      beat_.join();
  }
  ~Heartbeat() { stop(); }

private:
  void run() {
    while (!stop_)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }

  std::atomic<bool> stop_{false};
  std::thread beat_;
};

int parse_interval(const std::string &text) {
  if (text.empty())
    throw std::invalid_argument("empty interval");
  return std::stoi(text);
}

// BUG: the constructor starts the watcher, then parses its setting. If the
// parse throws, the destructor never runs and the running member thread is
// destroyed: std::terminate.
class ConfigWatcher {
public:
  explicit ConfigWatcher(const std::string &interval)
      : watcher_(&ConfigWatcher::watch, this) {
    interval_ms_ = parse_interval(interval);
  }
  ~ConfigWatcher() {
    stop_ = true;
    watcher_.join();
  }

private:
  void watch() {
    while (!stop_)
      std::this_thread::sleep_for(std::chrono::milliseconds(interval_ms_));
  }

  std::atomic<bool> stop_{false};
  std::atomic<int> interval_ms_{100};
  std::thread watcher_;
};

// BUG: the destructor detaches a thread that still reads the object's
// members: after the destructor, it reads freed memory.
class LogFlusher {
public:
  LogFlusher() : flusher_(&LogFlusher::flush_loop, this) {}
  ~LogFlusher() {
    stop_ = true;
    flusher_.detach();
  }

private:
  void flush_loop() {
    while (!stop_)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }

  std::atomic<bool> stop_{false};
  std::thread flusher_;
};

// BUG: stop() joins without asking joinable(), and the destructor calls
// stop() again. An owner that stops the uploader and then lets it go out of
// scope joins a thread that is no longer joinable: std::system_error, thrown
// from a destructor, so std::terminate.
class Uploader {
public:
  Uploader() : sender_(&Uploader::send_loop, this) {}
  void stop() {
    stop_ = true;
    sender_.join();
  }
  ~Uploader() { stop(); }

private:
  void send_loop() {
    while (!stop_)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }

  std::atomic<bool> stop_{false};
  std::thread sender_;
};

void upload_once() {
  Uploader uploader;
  uploader.stop();
}

int main() {
  upload_once();
  Heartbeat heartbeat;
  heartbeat.start();
  heartbeat.stop();
  MetricsPoller poller;
  poller.start();
  poller.request_stop();
  ConfigWatcher watcher("250");
  LogFlusher flusher;
  return 0;
}
