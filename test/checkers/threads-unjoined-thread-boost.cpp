// REQUIRES: boost-thread
// boost::thread's destructor terminates from version 3 on: it is a thread
// like std::thread. Version 2's (the default) detaches: never reported here.
// RUN: %check_threads --check-suffixes=V4 %s threads-unjoined-thread %t -- \
// RUN:   -std=c++17 -DVERSION_4
// RUN: %check_threads %s threads-unjoined-thread %t -- -std=c++17
// RUN: %check_threads %s threads-unjoined-thread %t \
// RUN:   --config="{CheckOptions: {threads-unjoined-thread.ThreadApis: 'std'}}" \
// RUN:   -- -std=c++17 -DVERSION_4

#ifdef VERSION_4
#define BOOST_THREAD_VERSION 4
#endif
#include <boost/thread.hpp>
#include <boost/thread/scoped_thread.hpp>

void work();

void never_joined() {
  boost::thread t(work);
  // CHECK-MESSAGES-V4: :[[@LINE-1]]:17: warning: thread 't' is started but never joined or detached; its destructor will call std::terminate [threads-unjoined-thread]
}

void interrupted_only() {
  // interrupt() asks the thread to stop; it neither joins nor detaches.
  boost::thread t(work);
  // CHECK-MESSAGES-V4: :[[@LINE-1]]:17: warning: thread 't' is started but never joined or detached; its destructor will call std::terminate [threads-unjoined-thread]
  t.interrupt();
}

void temporary() {
  boost::thread{work};
  // CHECK-MESSAGES-V4: :[[@LINE-1]]:3: warning: temporary thread is destroyed at the end of this statement while its thread is still joinable; its destructor will call std::terminate [threads-unjoined-thread]
}

void joined() {
  boost::thread t(work);
  t.join();
}

void detached() {
  boost::thread t(work);
  t.detach();
}

void interrupted_and_joined() {
  boost::thread t(work);
  t.interrupt();
  t.join();
}

void timed_join() {
  // try_join_for joins when the thread ends in time; the code decides what
  // happens otherwise.
  boost::thread t(work);
  if (!t.try_join_for(boost::chrono::milliseconds(100)))
    t.detach();
}

void scoped_threads() {
  // RAII joiners: their destructors join.
  boost::scoped_thread<> s{boost::thread(work)};
  s.interrupt();
  boost::strict_scoped_thread<> strict{boost::thread(work)};
}

void moved_into_scoped_thread() {
  boost::thread t(work);
  boost::scoped_thread<> s(boost::move(t));
}
