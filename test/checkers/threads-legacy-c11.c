// C11 threads, against glibc's <threads.h>: the same lifetime bugs as with
// POSIX threads (CERT CON39-C, MISRA C:2023 Rule 22.11).
// RUN: %check_threads %s threads-unjoined-thread,threads-joinable-at-exit,threads-invalid-join %t -- -std=c11

#include <stdio.h>
#include <threads.h>

static int work(void *arg) { return arg != 0; }
int prepare(void);

// --- flagged --------------------------------------------------------------

void never_joined(void) {
  thrd_t t;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: C11 thread 't' is created but never joined or detached; its resources leak until the process exits, and repeated leaks make 'thrd_create' fail with thrd_nomem [threads-unjoined-thread]
  if (thrd_create(&t, work, NULL) != thrd_success)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: thread created here
    return;
}

int early_return(void) {
  thrd_t t;
  if (thrd_create(&t, work, NULL) != thrd_success)
    return -1;
  if (prepare() < 0)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: C11 thread 't' is neither joined nor detached when this 'return' leaves its scope; its resources leak until the process exits [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-6]]:10: note: thread 't' declared here
  thrd_join(t, NULL);
  return 0;
}

void join_after_detach(void) {
  thrd_t t;
  if (thrd_create(&t, work, NULL) == thrd_success) {
    thrd_detach(t);
    thrd_join(t, NULL);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: C11 thread 't' is already joined or detached here; 'thrd_join' on it is undefined behaviour [threads-invalid-join]
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: 't' is detached here
  }
}

void join_current(void) {
  thrd_join(thrd_current(), NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'thrd_join' of the calling thread ('thrd_current()') makes the thread wait for its own end: it fails with thrd_error or deadlocks [threads-invalid-join]
}

// --- not flagged ------------------------------------------------------------

int joined(void) {
  thrd_t t;
  int res = 0;
  if (thrd_create(&t, work, NULL) != thrd_success)
    return -1;
  thrd_join(t, &res);
  return res;
}

void detached(void) {
  thrd_t t;
  if (thrd_create(&t, work, NULL) == thrd_success)
    thrd_detach(t);
}

int pool(void) {
  thrd_t th[4];
  int n;
  for (n = 0; n < 4; n++)
    if (thrd_create(&th[n], work, NULL) != thrd_success)
      break;
  for (int i = 0; i < n; i++)
    thrd_join(th[i], NULL);
  return n;
}
