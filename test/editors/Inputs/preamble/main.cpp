#include "lib.h"
#include <thread>

void work() {}

int run() {
  std::thread t(work);
  int sum = safe_add(1, 2);
  t.join();
  return sum;
}
