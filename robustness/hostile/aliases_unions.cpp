// std::thread behind aliases, in subclasses, unions, arrays and optionals.
#include <optional>
#include <thread>
#include <vector>

void work();

using Thread = std::thread;
typedef std::thread LegacyThread;
namespace alias = std;

struct Joining : std::thread {
  using std::thread::thread;
  ~Joining() {
    if (joinable())
      join();
  }
};
struct Plain : std::thread {
  using std::thread::thread;
};

union Slot {
  Slot() {}
  ~Slot() {}
  std::thread thread;
  int placeholder;
};

struct Anonymous {
  union {
    std::thread th;
    long raw;
  };
  Anonymous() {}
  ~Anonymous() {}
};

void everything() {
  Thread a(work);
  LegacyThread b(work);
  alias::thread c(work);
  Joining d(work);
  Plain e(work);
  e.join();
  Slot slot;
  new (&slot.thread) std::thread(work);
  slot.thread.join();
  std::thread array[3];
  for (auto &t : array)
    t = std::thread(work);
  std::optional<std::thread> maybe;
  maybe.emplace(work);
  maybe->join();
  std::vector<Thread> pool(2);
  a.join();
  b.detach();
  c.join();
  for (auto &t : array)
    t.join();
}

std::thread global_thread(work);
thread_local std::thread per_thread;
struct Statics {
  static std::thread shared;
};
std::thread Statics::shared;
void default_argument(std::thread t = std::thread(work)) { t.join(); }
