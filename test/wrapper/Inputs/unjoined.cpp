#include <thread>

void work();

void leaks_a_thread() {
  std::thread t(work);
}

void unused(int x) { work(); }
