// REQUIRES: boost-thread
// A local boost::thread_group deletes its threads when destroyed: from
// version 3 on, each destructor of a thread still running calls
// std::terminate, so a path that skips join_all() terminates. Version 2
// detaches them instead: threads-dangling-capture's, silent here.
// RUN: %check_threads --check-suffixes=V4 %s threads-joinable-at-exit %t -- \
// RUN:   -std=c++17 -DVERSION_4
// RUN: %check_threads %s threads-joinable-at-exit %t -- -std=c++17

#ifdef VERSION_4
#define BOOST_THREAD_VERSION 4
#endif
#include <boost/thread.hpp>
#include <stdexcept>
#include <string>

void work();
bool setUp();
void opaque();
void hand(boost::thread_group &);

void parse(const std::string &text) {
  if (text.empty())
    throw std::runtime_error("empty");
}

void earlyReturn() {
  boost::thread_group workers;
  for (int i = 0; i < 4; ++i)
    workers.create_thread(work);
  if (!setUp())
    return;
  // CHECK-MESSAGES-V4: :[[@LINE-1]]:5: warning: threads in 'workers' may still be joinable when this 'return' leaves its scope; destroying the group deletes them, and their destructors will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES-V4: :[[@LINE-4]]:5: note: thread started here
  // CHECK-MESSAGES-V4: :[[@LINE+1]]:3: note: 'workers' is joined here, on other paths
  workers.join_all();
}

void breakOutOfScope() {
  for (int round = 0; round < 3; ++round) {
    boost::thread_group workers;
    workers.add_thread(new boost::thread(work));
    if (!setUp())
      break;
    // CHECK-MESSAGES-V4: :[[@LINE-1]]:7: warning: threads in 'workers' may still be joinable when this 'break' leaves its scope; destroying the group deletes them, and their destructors will call std::terminate [threads-joinable-at-exit]
    // CHECK-MESSAGES-V4: :[[@LINE-4]]:5: note: thread started here
    // CHECK-MESSAGES-V4: :[[@LINE+1]]:5: note: 'workers' is joined here, on other paths
    workers.join_all();
  }
}

void throwingCall(const std::string &text) {
  boost::thread_group workers;
  workers.create_thread(work);
  parse(text);
  // CHECK-MESSAGES-V4: :[[@LINE-1]]:3: warning: threads in 'workers' may still be joinable if 'parse' throws here; destroying the group deletes them, and their destructors will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES-V4: :[[@LINE-33]]:5: note: 'std::runtime_error' is thrown here
  // CHECK-MESSAGES-V4: :[[@LINE-4]]:3: note: thread started here
  // CHECK-MESSAGES-V4: :[[@LINE+1]]:3: note: 'workers' is joined here, on other paths
  workers.join_all();
}

void throwExpression() {
  boost::thread_group workers;
  workers.create_thread(work);
  if (!setUp())
    throw std::runtime_error("set-up failed");
  // CHECK-MESSAGES-V4: :[[@LINE-1]]:5: warning: threads in 'workers' may still be joinable when this exception leaves its scope; destroying the group deletes them, and their destructors will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES-V4: :[[@LINE-4]]:3: note: thread started here
  // CHECK-MESSAGES-V4: :[[@LINE+2]]:3: note: 'workers' is joined here, on other paths
  workers.interrupt_all();
  workers.join_all();
}

// Clean: every path joins.
void joinedOnEveryPath() {
  boost::thread_group workers;
  workers.create_thread(work);
  if (!setUp()) {
    workers.interrupt_all();
    workers.join_all();
    return;
  }
  workers.join_all();
}

// Clean: the return comes before the first start.
void returnBeforeStart() {
  boost::thread_group workers;
  if (!setUp())
    return;
  workers.create_thread(work);
  workers.create_thread(work);
  workers.join_all();
}

// Clean: the handler, inside the group's scope, joins and rethrows.
void joinInHandler(const std::string &text) {
  boost::thread_group workers;
  workers.create_thread(work);
  try {
    parse(text);
  } catch (...) {
    workers.interrupt_all();
    workers.join_all();
    throw;
  }
  workers.join_all();
}

// Clean: the throwing call comes after join_all(); a call not in sight is
// not assumed to throw (AssumeOpaqueCallsThrow is off).
void throwAfterJoin(const std::string &text) {
  boost::thread_group workers;
  workers.create_thread(work);
  opaque();
  workers.join_all();
  parse(text);
}

// Clean: passed on, the group may be joined by the callee.
void handedOver() {
  boost::thread_group workers;
  workers.create_thread(work);
  if (!setUp()) {
    hand(workers);
    return;
  }
  workers.join_all();
}

// Clean: joined in a lambda, whose time of running is not in sight.
void joinedByLambda() {
  boost::thread_group workers;
  workers.create_thread(work);
  auto finish = [&workers] { workers.join_all(); };
  if (!setUp())
    return finish();
  workers.join_all();
}
