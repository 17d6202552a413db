// REQUIRES: boost-thread
// A version 2 boost::thread_group whose join_all() an early exit or a
// `throw` skips: its destructor deletes the running threads, which detaches
// them, and they go on using the locals they refer to. Version 4
// terminates instead (threads-joinable-at-exit's): silent here.
// RUN: %check_threads --check-suffixes=V2 %s threads-dangling-capture %t -- \
// RUN:   -std=c++17
// RUN: %check_threads %s threads-dangling-capture %t -- -std=c++17 \
// RUN:   -DVERSION_4

#ifdef VERSION_4
#define BOOST_THREAD_VERSION 4
#endif
#include <boost/thread.hpp>
#include <stdexcept>

void consume(int &);
void work();
bool setUp();

void earlyReturn() {
  int count = 0;
  boost::thread_group workers;
  workers.create_thread([&] { consume(count); });
  // CHECK-MESSAGES-V2: :[[@LINE-1]]:25: warning: thread may outlive local variable 'count', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES-V2: :[[@LINE-2]]:39: note: 'count' is captured by reference here
  if (!setUp())
    return;
  // CHECK-MESSAGES-V2: :[[@LINE-1]]:5: note: 'workers' is destroyed here, on a path that skips its join_all(); its destructor deletes its threads, and the destructor of a boost::thread of this version detaches them
  workers.join_all();
}

void throwSkipsJoin() {
  int count = 0;
  boost::thread_group workers;
  workers.add_thread(new boost::thread([&count] { consume(count); }));
  // CHECK-MESSAGES-V2: :[[@LINE-1]]:40: warning: thread may outlive local variable 'count', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES-V2: :[[@LINE-2]]:42: note: 'count' is captured by reference here
  if (!setUp())
    throw std::runtime_error("set-up failed");
  // CHECK-MESSAGES-V2: :[[@LINE-1]]:5: note: 'workers' is destroyed here, on a path that skips its join_all(); its destructor deletes its threads, and the destructor of a boost::thread of this version detaches them
  workers.join_all();
}

// Clean: the thread started after the early return is joined on every
// path that reaches it.
void startedAfterTheReturn() {
  int count = 0;
  boost::thread_group workers;
  workers.create_thread(work);
  if (!setUp())
    return;
  workers.create_thread([&] { consume(count); });
  workers.join_all();
}

// Clean: joined on every path.
void joinedOnEveryPath() {
  int count = 0;
  boost::thread_group workers;
  workers.create_thread([&] { consume(count); });
  if (!setUp()) {
    workers.join_all();
    return;
  }
  workers.join_all();
}

// Clean: the callable refers to no local.
void refersToNothingLocal() {
  boost::thread_group workers;
  workers.create_thread(work);
  if (!setUp())
    return;
  workers.join_all();
}
