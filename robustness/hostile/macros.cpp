// Macros that create, join and name threads.
#include <thread>
#include <vector>

void work();

#define SPAWN(name, fn) std::thread name(fn)
#define JOIN(name) name.join()
#define FIRE_AND_FORGET(fn) std::thread(fn).detach()
#define THREAD_T std::thread
#define TRY_ALL(body)                                                          \
  try {                                                                        \
    body;                                                                      \
  } catch (...) {                                                              \
  }
#define WORKER(x) [&] { TRY_ALL(work()); x; }

void macro_threads(bool early) {
  SPAWN(a, work);
  if (early)
    return;
  JOIN(a);
  FIRE_AND_FORGET(work);
  THREAD_T b(WORKER((void)early));
  b.join();
  std::vector<THREAD_T> pool;
  for (int i = 0; i < 3; ++i)
    pool.emplace_back(WORKER(++i));
  for (auto &t : pool)
    JOIN(t);
}
