#pragma once
#include "pool.h"
#include "worker.h"

// App holds a pool by value: App is not a thread type, but its member
// `pool` reaches one. Holder only points to a Worker.
struct App {
  Pool pool;
  int requests = 0;
};
App &app();

struct Holder {
  Worker *worker = nullptr;
  int count = 0;
};

struct Scheduler {
  static Worker *Default();
};
struct Env {
  static Env *Default();
  int files = 0;
};
