// RUN: %check_threads %s threads-unjoined-thread %t -- -std=c++17
// One declaration statement may declare locals of several kinds (a thread,
// a raw pointer to one, a struct holding one): the check matches them in
// one matcher (localVariables) and reports each on its own.

#include <thread>

void work();

struct Job {
  std::thread t;
};

void three_kinds_one_statement() {
  std::thread a(work), *raw = new std::thread(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread 'a' is started but never joined or detached; its destructor will call std::terminate [threads-unjoined-thread]
  // CHECK-MESSAGES: :[[@LINE-2]]:25: warning: thread owned by 'raw' is started but never joined, detached or deleted; the thread leaks and nothing waits for it to finish [threads-unjoined-thread]
  // CHECK-MESSAGES: :[[@LINE-3]]:31: note: thread started here
  Job j, k;
  j.t = std::thread(work);
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: thread 'j.t' is started but never joined or detached; its destructor will call std::terminate [threads-unjoined-thread]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: thread started here
  k.t = std::thread(work);
  // CHECK-MESSAGES: :[[@LINE-5]]:10: warning: thread 'k.t' is started but never joined or detached; its destructor will call std::terminate [threads-unjoined-thread]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: thread started here
}

// Must NOT warn: every local of the statement is joined.
void three_kinds_joined() {
  std::thread a(work), *raw = new std::thread(work);
  Job j;
  j.t = std::thread(work);
  a.join();
  raw->join();
  delete raw;
  j.t.join();
}
