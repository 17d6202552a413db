// REQUIRES: boost-thread
// boost::thread's join() and detach() of a thread that is not joinable do
// nothing (unless BOOST_THREAD_THROW_IF_PRECONDITION_NOT_SATISFIED is
// defined): no std::system_error, so nothing to report, in any version.
// RUN: %check_threads %s threads-invalid-join %t -- -std=c++17 -DVERSION_4
// RUN: %check_threads %s threads-invalid-join %t -- -std=c++17

#ifdef VERSION_4
#define BOOST_THREAD_VERSION 4
#endif
#include <boost/thread.hpp>
#include <thread>

void work();

void joined_twice() {
  boost::thread t(work);
  t.join();
  t.join();
}

void detached_then_joined() {
  boost::thread t(work);
  t.detach();
  t.join();
}

void never_started() {
  boost::thread t;
  t.join();
}

void std_thread_joined_twice() {
  // The check runs: std::thread's second join() throws.
  std::thread t(work);
  t.join();
  t.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread 't' is already joined or detached here; 'join()' will throw std::system_error [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 't' is joined here
}
