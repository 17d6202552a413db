// Correct ways to own a thread: none of these is flagged.
#include <memory>
#include <thread>
#include <utility>
#include <vector>

void work() {}

// An RAII guard joins on every path out of the scope, exceptions included.
class ScopedJoin {
public:
  explicit ScopedJoin(std::thread &t) : t_(t) {}
  ~ScopedJoin() {
    if (t_.joinable())
      t_.join();
  }
  ScopedJoin(const ScopedJoin &) = delete;
  ScopedJoin &operator=(const ScopedJoin &) = delete;

private:
  std::thread &t_;
};

void guarded() {
  std::thread t(work);
  ScopedJoin guard(t);
}

// Ownership handed to the caller.
std::thread spawn() { return std::thread(work); }

// Ownership handed to a container that someone else joins.
void enqueue(std::vector<std::thread> &threads) {
  std::thread t(work);
  threads.push_back(std::move(t));
}

// Joined on the normal path.
void joined() {
  auto worker = std::make_unique<std::thread>(work);
  worker->join();
}

int main() {
  guarded();
  std::thread t = spawn();
  t.join();
  std::vector<std::thread> threads;
  enqueue(threads);
  for (auto &th : threads)
    th.join();
  joined();
  return 0;
}
