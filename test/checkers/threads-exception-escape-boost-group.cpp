// REQUIRES: boost-thread
// boost::thread_group::create_thread(f) runs f in a boost::thread; so does
// version 2's boost::thread(attributes, f).
// RUN: %check_threads %s threads-exception-escape %t -- -std=c++17

#include <boost/thread.hpp>
#include <stdexcept>

bool failed();

void create_thread() {
  boost::thread_group workers;
  workers.create_thread([] {
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: exception 'std::runtime_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
    if (failed())
      throw std::runtime_error("failed");
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: 'std::runtime_error' is thrown here
  });
  workers.create_thread([] {
    if (failed())
      throw boost::thread_interrupted();
  });
  workers.join_all();
}

void with_attributes() {
  // The callable comes after the attributes (the stack size).
  boost::thread::attributes attrs;
  attrs.set_stack_size(1 << 20);
  boost::thread t(attrs, [] {
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: exception 'std::runtime_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
    throw std::runtime_error("failed");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'std::runtime_error' is thrown here
  });
  t.join();
}
