#pragma once
#include <thread>

// A thread only in a project header: the finding is in this header.
inline void start_warm_up() {
  std::thread warmer([] {});
}
