// REQUIRES: boost-thread
// A detached boost::thread that refers to a local, in every version.
// RUN: %check_threads %s threads-dangling-capture %t -- -std=c++17
// RUN: %check_threads %s threads-dangling-capture %t -- -std=c++17 \
// RUN:   -DVERSION_4

#ifdef VERSION_4
#define BOOST_THREAD_VERSION 4
#endif
#include <boost/thread.hpp>

void consume(int &);

void detached_capture() {
  int count = 0;
  boost::thread t([&] { consume(count); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: thread may outlive local variable 'count', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:33: note: 'count' is captured by reference here
  t.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the thread is detached here
}

void joined_capture() {
  int count = 0;
  boost::thread t([&] { consume(count); });
  t.join();
}
