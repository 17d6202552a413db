#include <thread>

void work();

void broken() {
  std::thread t(work, undeclared_name);
  std::thread u(work)
  t = std::thread(nonexistent);
}
