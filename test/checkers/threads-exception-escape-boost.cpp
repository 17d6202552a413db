// REQUIRES: boost-thread
// An exception leaving a boost::thread's function terminates in every
// version of Boost.Thread, except boost::thread_interrupted, which the
// library's thread_proxy catches (interrupt() throws it in the thread).
// RUN: %check_threads --check-suffixes=BOOST %s threads-exception-escape %t \
// RUN:   -- -std=c++17
// RUN: %check_threads --check-suffixes=BOOST %s threads-exception-escape %t \
// RUN:   -- -std=c++17 -DVERSION_4
// Without the boost family, boost::threads are not followed.
// RUN: %check_threads %s threads-exception-escape %t \
// RUN:   --config="{CheckOptions: {threads-exception-escape.ThreadApis: 'std'}}" \
// RUN:   -- -std=c++17

#ifdef VERSION_4
#define BOOST_THREAD_VERSION 4
#endif
#include <boost/thread.hpp>
#include <stdexcept>

bool failed();

void throws_runtime_error() {
  boost::thread t([] {
    // CHECK-MESSAGES-BOOST: :[[@LINE-1]]:19: warning: exception 'std::runtime_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
    if (failed())
      throw std::runtime_error("failed");
    // CHECK-MESSAGES-BOOST: :[[@LINE-1]]:7: note: 'std::runtime_error' is thrown here
  });
  t.join();
}

void detached_worker() {
  boost::thread([] {
    // CHECK-MESSAGES-BOOST: :[[@LINE-1]]:17: warning: exception 'std::logic_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
    throw std::logic_error("bug");
    // CHECK-MESSAGES-BOOST: :[[@LINE-1]]:5: note: 'std::logic_error' is thrown here
  }).detach();
}

struct Stop : boost::thread_interrupted {};

void interrupted() {
  // thread_proxy catches boost::thread_interrupted and what derives from it.
  boost::thread t([] {
    if (failed())
      throw boost::thread_interrupted();
    if (failed())
      throw Stop();
  });
  t.interrupt();
  t.join();
}

void caught_inside() {
  boost::thread t([] {
    try {
      throw std::runtime_error("failed");
    } catch (const std::exception &) {
    }
  });
  t.join();
}
