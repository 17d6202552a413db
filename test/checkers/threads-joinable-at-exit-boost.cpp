// REQUIRES: boost-thread
// A boost::thread of version 3 or later terminates when destroyed joinable,
// so a path that skips its join is a bug; version 2's detaches instead.
// RUN: %check_threads --check-suffixes=V4 %s threads-joinable-at-exit %t -- \
// RUN:   -std=c++17 -DVERSION_4
// RUN: %check_threads %s threads-joinable-at-exit %t -- -std=c++17

#ifdef VERSION_4
#define BOOST_THREAD_VERSION 4
#endif
#include <boost/thread.hpp>
#include <boost/thread/scoped_thread.hpp>
#include <stdexcept>

void work();
bool failed();

void early_return() {
  boost::thread t(work);
  if (failed())
    return;
  // CHECK-MESSAGES-V4: :[[@LINE-1]]:5: warning: thread 't' is still joinable when this 'return' leaves its scope; its destructor will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES-V4: :[[@LINE-4]]:17: note: thread 't' declared here
  t.join();
}

void exception_before_join() {
  boost::thread t(work);
  if (failed())
    throw std::runtime_error("failed");
  // CHECK-MESSAGES-V4: :[[@LINE-1]]:5: warning: thread 't' is still joinable when this exception leaves its scope; its destructor will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES-V4: :[[@LINE-4]]:17: note: thread 't' declared here
  t.join();
}

void interrupt_does_not_join() {
  boost::thread t(work);
  t.interrupt();
  if (failed())
    return;
  // CHECK-MESSAGES-V4: :[[@LINE-1]]:5: warning: thread 't' is still joinable when this 'return' leaves its scope; its destructor will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES-V4: :[[@LINE-5]]:17: note: thread 't' declared here
  t.join();
}

void joined_on_every_path() {
  boost::thread t(work);
  if (failed()) {
    t.interrupt();
    t.join();
    return;
  }
  t.join();
}

void scoped_thread_early_return() {
  boost::scoped_thread<> t{boost::thread(work)};
  if (failed())
    return;
  t.interrupt();
}
