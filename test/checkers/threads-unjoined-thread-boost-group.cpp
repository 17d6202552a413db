// REQUIRES: boost-thread
// A local boost::thread_group deletes its threads when destroyed: in
// version 3 and later each destructor then calls std::terminate for a
// thread still running. Version 2's detach: threads-dangling-capture's.
// RUN: %check_threads --check-suffixes=V4 %s threads-unjoined-thread %t -- \
// RUN:   -std=c++17 -DVERSION_4
// RUN: %check_threads %s threads-unjoined-thread %t -- -std=c++17

#ifdef VERSION_4
#define BOOST_THREAD_VERSION 4
#endif
#include <boost/thread.hpp>

void work();
void wait_for(boost::thread_group &);

void never_joined() {
  boost::thread_group workers;
  // CHECK-MESSAGES-V4: :[[@LINE-1]]:23: warning: threads in 'workers' are started but never joined with join_all(); destroying the group deletes them, and their destructors will call std::terminate [threads-unjoined-thread]
  for (int i = 0; i < 4; ++i)
    workers.create_thread(work);
  // CHECK-MESSAGES-V4: :[[@LINE-1]]:5: note: thread started here
}

void added_never_joined() {
  boost::thread_group workers;
  // CHECK-MESSAGES-V4: :[[@LINE-1]]:23: warning: threads in 'workers' are started but never joined with join_all(); destroying the group deletes them, and their destructors will call std::terminate [threads-unjoined-thread]
  workers.add_thread(new boost::thread(work));
  // CHECK-MESSAGES-V4: :[[@LINE-1]]:3: note: thread started here
}

void interrupted_only() {
  // interrupt_all() asks the threads to stop; it does not join them.
  boost::thread_group workers;
  // CHECK-MESSAGES-V4: :[[@LINE-1]]:23: warning: threads in 'workers' are started but never joined with join_all(); destroying the group deletes them, and their destructors will call std::terminate [threads-unjoined-thread]
  workers.create_thread(work);
  // CHECK-MESSAGES-V4: :[[@LINE-1]]:3: note: thread started here
  workers.interrupt_all();
}

void joined() {
  boost::thread_group workers;
  for (int i = 0; i < 4; ++i)
    workers.create_thread(work);
  workers.interrupt_all();
  workers.join_all();
}

void handed_over() {
  // The callee may join them.
  boost::thread_group workers;
  workers.create_thread(work);
  wait_for(workers);
}

void empty_group() {
  boost::thread_group workers;
  (void)workers.size();
}
