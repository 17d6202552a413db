// REQUIRES: boost-thread
// A local boost::thread_group deletes its threads when destroyed; in
// version 2 (the default) that detaches them, and they go on using the
// locals they refer to. Version 4 terminates instead (unjoined-thread's).
// RUN: %check_threads --check-suffixes=V2 %s threads-dangling-capture %t -- \
// RUN:   -std=c++17
// RUN: %check_threads %s threads-dangling-capture %t -- -std=c++17 \
// RUN:   -DVERSION_4

#ifdef VERSION_4
#define BOOST_THREAD_VERSION 4
#endif
#include <boost/thread.hpp>

void consume(int &);
void work();

void never_joined() {
  int count = 0;
  boost::thread_group workers;
  workers.create_thread([&] { consume(count); });
  // CHECK-MESSAGES-V2: :[[@LINE-1]]:25: warning: thread may outlive local variable 'count', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES-V2: :[[@LINE-2]]:39: note: 'count' is captured by reference here
  // CHECK-MESSAGES-V2: :[[@LINE-4]]:23: note: 'workers' is never joined with join_all(); its destructor deletes its threads, and the destructor of a boost::thread of this version detaches them
}

void added_never_joined() {
  int count = 0;
  boost::thread_group workers;
  workers.add_thread(new boost::thread([&] { consume(count); }));
  // CHECK-MESSAGES-V2: :[[@LINE-1]]:40: warning: thread may outlive local variable 'count', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES-V2: :[[@LINE-2]]:54: note: 'count' is captured by reference here
  // CHECK-MESSAGES-V2: :[[@LINE-4]]:23: note: 'workers' is never joined with join_all(); its destructor deletes its threads, and the destructor of a boost::thread of this version detaches them
}

void joined() {
  int count = 0;
  boost::thread_group workers;
  workers.create_thread([&] { consume(count); });
  workers.add_thread(new boost::thread([&] { consume(count); }));
  workers.join_all();
}

void refers_to_nothing_local() {
  boost::thread_group workers;
  workers.create_thread(work);
  int count = 0;
  workers.create_thread([count]() mutable { consume(count); });
}

boost::thread_group pool;

void global_group() {
  int count = 0;
  pool.create_thread([&] { consume(count); });
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: thread may outlive local variable 'count', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:36: note: 'count' is captured by reference here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the thread is stored in 'pool', which outlives the function
}
