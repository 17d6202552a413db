// Tasks that flow in circles through std::function, function pointers and
// queues: the type-erased flow and the task self-join search must end.
#include <functional>
#include <queue>
#include <stdexcept>
#include <thread>
#include <vector>

std::queue<std::function<void()>> tasks;
std::function<void()> current;
void (*hook)() = nullptr;

void resubmit() {
  tasks.push(resubmit);
  tasks.push(current);
  current = tasks.front();
  hook = &resubmit;
}

void drain() {
  while (!tasks.empty()) {
    std::function<void()> task = tasks.front();
    tasks.pop();
    task();
    current();
    if (hook)
      hook();
  }
}

void relay(std::function<void()> task) { relay(task); task(); }
void bounce(std::function<void()> task) { relay(std::move(task)); }

struct Loop {
  std::vector<std::thread> workers;
  std::function<void()> self;
  Loop() {
    self = [this] { self(); stop(); };
    workers.emplace_back([this] { self(); });
    workers.emplace_back([this] { (*this).self(); });
  }
  void stop() {
    for (auto &w : workers)
      w.join();
  }
};

int main() {
  tasks.push([] { throw std::runtime_error("queued"); });
  std::thread t(drain);
  bounce([] { bounce({}); });
  std::thread u(relay, std::function<void()>(drain));
  Loop l;
  t.join();
  u.join();
}
