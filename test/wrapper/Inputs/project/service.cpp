#include <thread>

void work();

void forgotten() {
  std::thread t(work);
}

void suppressed() {
  std::thread t(work); // NOLINT(threads-unjoined-thread)
}

void suppressed_next_line() {
  // NOLINTNEXTLINE(threads-*)
  std::thread t(work);
}
