#pragma once
#include <thread>

class Worker {
public:
  Worker();
  ~Worker();

private:
  std::thread thread_;
};
