// Long-running services that own a thread as a data member.
#include <atomic>
#include <chrono>
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

int main() {
  Heartbeat heartbeat;
  heartbeat.start();
  heartbeat.stop();
  MetricsPoller poller;
  poller.start();
  poller.request_stop();
  return 0;
}
