// REQUIRES: boost-thread
// A boost::thread is no future, and the jthread modernization is for
// std::thread only: boost::thread joined at the end of its scope stays.
// RUN: %check_threads %s threads-unchecked-future,threads-prefer-jthread %t \
// RUN:   -- -std=c++20 -DVERSION_4
// RUN: %check_threads %s threads-unchecked-future,threads-prefer-jthread %t \
// RUN:   -- -std=c++20

#ifdef VERSION_4
#define BOOST_THREAD_VERSION 4
#endif
#include <boost/thread.hpp>

void work();

void joined_at_scope_end() {
  boost::thread t(work);
  t.join();
}
