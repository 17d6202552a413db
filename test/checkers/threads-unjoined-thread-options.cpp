// Custom thread types and join methods, and the fix-it switch.
// RUN: %check_threads --check-suffixes=BOOST %s threads-unjoined-thread %t \
// RUN:   --config="{CheckOptions: {threads-unjoined-thread.ThreadTypes: '::std::thread;::boost::thread', threads-unjoined-thread.JoinMethods: 'join;detach;interrupt_and_join'}}" \
// RUN:   -- -std=c++20
// RUN: %check_threads --check-suffixes=NOFIX %s threads-unjoined-thread %t \
// RUN:   --config="{CheckOptions: {threads-unjoined-thread.JthreadFixIt: false}}" \
// RUN:   -- -std=c++20
// The options are written back: clang-tidy --dump-config shows them.
// RUN: %clang_tidy --load=%plugin --checks=-*,threads-unjoined-thread \
// RUN:   --config="{CheckOptions: {threads-unjoined-thread.ThreadTypes: '::std::thread;::boost::thread'}}" \
// RUN:   --dump-config %s -- -std=c++17 | %FileCheck %s --check-prefix=DUMP
// DUMP-DAG: threads-unjoined-thread.ThreadTypes: '::std::thread;::boost::thread'
// DUMP-DAG: threads-unjoined-thread.JoinMethods: 'join;detach'
// DUMP-DAG: threads-unjoined-thread.JthreadFixIt: 'true'

#include <thread>

namespace boost {
class thread {
public:
  thread() = default;
  template <typename F> explicit thread(F f) {}
  thread(thread &&) = default;
  thread &operator=(thread &&) = default;
  ~thread() {}
  void join() {}
  void detach() {}
  void interrupt_and_join() {}
  bool joinable() const { return true; }
};
} // namespace boost

void work();

void boost_never_joined() {
  boost::thread t(work);
  // CHECK-MESSAGES-BOOST: :[[@LINE-1]]:17: warning: thread 't' is started but never joined or detached; its destructor will call std::terminate [threads-unjoined-thread]
}

void boost_joined_by_custom_method() {
  boost::thread t(work);
  t.interrupt_and_join();
}

void std_thread_still_tracked() {
  std::thread t(work);
  // CHECK-MESSAGES-BOOST: :[[@LINE-1]]:15: warning: thread 't' is started
  // CHECK-MESSAGES-NOFIX: :[[@LINE-2]]:15: warning: thread 't' is started
  // CHECK-FIXES-BOOST: std::jthread t(work);
  // CHECK-FIXES-NOFIX: std::thread t(work);
}

void jthread_is_never_flagged() {
  std::jthread t(work);
}

class MyThread : public std::thread {
public:
  using std::thread::thread;
};
void derived_thread_type() {
  MyThread t(work);
  // CHECK-MESSAGES-BOOST: :[[@LINE-1]]:12: warning: thread 't' is started
  // CHECK-MESSAGES-NOFIX: :[[@LINE-2]]:12: warning: thread 't' is started
}

class JoiningThread : public std::thread {
public:
  using std::thread::thread;
  ~JoiningThread() {
    if (joinable())
      join();
  }
};
void derived_with_own_destructor() { JoiningThread t(work); }
