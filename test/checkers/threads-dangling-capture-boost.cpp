// REQUIRES: boost-thread
// A detached boost::thread that refers to a local, in every version; in
// version 2 (the default) also one never joined: its destructor detaches it.
// RUN: %check_threads --check-suffixes=V2 %s threads-dangling-capture %t -- \
// RUN:   -std=c++17
// RUN: %check_threads %s threads-dangling-capture %t -- -std=c++17 \
// RUN:   -DVERSION_4

#ifdef VERSION_4
#define BOOST_THREAD_VERSION 4
#endif
#include <boost/thread.hpp>
#include <vector>

void consume(int &);
void fill(std::vector<int> *);
void work();

void detached_capture() {
  int count = 0;
  boost::thread t([&] { consume(count); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: thread may outlive local variable 'count', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:33: note: 'count' is captured by reference here
  t.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the thread is detached here
}

void never_joined_capture() {
  // Version 2: the thread goes on using 'count' after the function returns.
  // Version 4: the destructor terminates (threads-unjoined-thread's).
  int count = 0;
  boost::thread t([&] { consume(count); });
  // CHECK-MESSAGES-V2: :[[@LINE-1]]:19: warning: thread may outlive local variable 'count', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES-V2: :[[@LINE-2]]:33: note: 'count' is captured by reference here
  // CHECK-MESSAGES-V2: :[[@LINE-3]]:17: note: 't' is never joined; the destructor of a boost::thread of this version detaches it when it goes out of scope
}

void never_joined_address() {
  std::vector<int> buffer;
  boost::thread t(fill, &buffer);
  // CHECK-MESSAGES-V2: :[[@LINE-1]]:19: warning: thread may outlive local variable 'buffer', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES-V2: :[[@LINE-2]]:25: note: the address of 'buffer' is passed here
  // CHECK-MESSAGES-V2: :[[@LINE-3]]:17: note: 't' is never joined; the destructor of a boost::thread of this version detaches it when it goes out of scope
}

void interrupted_capture() {
  // interrupt() does not join: the thread may still be running.
  int count = 0;
  boost::thread t([&] { consume(count); });
  // CHECK-MESSAGES-V2: :[[@LINE-1]]:19: warning: thread may outlive local variable 'count', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES-V2: :[[@LINE-2]]:33: note: 'count' is captured by reference here
  // CHECK-MESSAGES-V2: :[[@LINE-3]]:17: note: 't' is never joined; the destructor of a boost::thread of this version detaches it when it goes out of scope
  t.interrupt();
}

#ifndef VERSION_4 // version 4 takes attributes as the callable's argument
void never_joined_with_attributes() {
  boost::thread::attributes attrs;
  int count = 0;
  boost::thread t(attrs, [&] { consume(count); });
  // CHECK-MESSAGES-V2: :[[@LINE-1]]:26: warning: thread may outlive local variable 'count', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES-V2: :[[@LINE-2]]:40: note: 'count' is captured by reference here
  // CHECK-MESSAGES-V2: :[[@LINE-3]]:17: note: 't' is never joined; the destructor of a boost::thread of this version detaches it when it goes out of scope
}
#endif

void joined_capture() {
  int count = 0;
  boost::thread t([&] { consume(count); });
  t.join();
}

void timed_join_capture() {
  // The code decides what happens when the thread does not end in time.
  int count = 0;
  boost::thread t([&] { consume(count); });
  t.try_join_for(boost::chrono::seconds(1));
}

void fire_and_forget() {
  // Refers to nothing local: the implicit detach is what legacy code wants.
  boost::thread t(work);
  int count = 0;
  boost::thread copies([count]() mutable { consume(count); });
}

boost::thread returned_thread(int &count) {
  // Handed to the caller, who decides; the parameter is the caller's too.
  boost::thread t([&count] { consume(count); });
  return t;
}
