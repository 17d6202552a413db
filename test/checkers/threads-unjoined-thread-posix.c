// POSIX threads in C, against glibc's <pthread.h>: a created thread that no
// code joins or detaches leaks.
// RUN: %check_threads %s threads-unjoined-thread %t -- -std=c11
// The same file as C++98 (legacy C++ has pthreads, not std::thread).
// RUN: %check_threads %s threads-unjoined-thread %t -- -x c++ -std=c++98
// ThreadApis without posix: POSIX threads are not followed.
// RUN: %clang_tidy --load=%plugin --checks=-*,threads-unjoined-thread \
// RUN:   --config="{CheckOptions: {threads-unjoined-thread.ThreadApis: 'std;c11'}}" \
// RUN:   %s -- -std=c11 2>&1 | %FileCheck %s --check-prefix=NONE --allow-empty
// NONE-NOT: {{warning|error}}:

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static void *work(void *arg) { return arg; }
void keep(pthread_t t);
void keep_all(pthread_t *threads, int n);

// --- flagged --------------------------------------------------------------

int spawn_and_forget(void) {
  pthread_t t;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: POSIX thread 't' is created but never joined or detached; its resources leak until the process exits, and repeated leaks make 'pthread_create' fail with EAGAIN [threads-unjoined-thread]
  if (pthread_create(&t, NULL, work, NULL) != 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: thread created here
    return -1;
  return 0;
}

void per_connection(int fd) {
  pthread_t tid;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: POSIX thread 'tid' is created
  pthread_create(&tid, NULL, work, (void *)(long)fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: thread created here
  printf("started %lu\n", (unsigned long)tid);
}

void array_never_joined(void) {
  pthread_t th[4];
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: POSIX threads in 'th' are created but never joined or detached; their resources leak until the process exits, and repeated leaks make 'pthread_create' fail with EAGAIN [threads-unjoined-thread]
  for (int i = 0; i < 4; i++)
    pthread_create(&th[i], NULL, work, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: thread created here
}

// --- not flagged ------------------------------------------------------------

void joined(void) {
  pthread_t t;
  if (pthread_create(&t, NULL, work, NULL) == 0)
    pthread_join(t, NULL);
}

void detached(void) {
  pthread_t t;
  if (pthread_create(&t, NULL, work, NULL) == 0)
    pthread_detach(t);
}

// Created detached: nothing has to join it.
void created_detached(void) {
  pthread_t t;
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_create(&t, &attr, work, NULL);
  pthread_attr_destroy(&attr);
}

// A copy of the handle goes elsewhere: someone else may join it.
void handed_to_a_function(void) {
  pthread_t t;
  pthread_create(&t, NULL, work, NULL);
  keep(t);
}

pthread_t returned(void) {
  pthread_t t;
  pthread_create(&t, NULL, work, NULL);
  return t;
}

struct worker {
  pthread_t tid;
};

void stored_in_a_struct(struct worker *w) {
  pthread_t t;
  pthread_create(&t, NULL, work, NULL);
  w->tid = t;
}

void array_joined_in_a_loop(void) {
  pthread_t th[4];
  for (int i = 0; i < 4; i++)
    pthread_create(&th[i], NULL, work, NULL);
  for (int i = 0; i < 4; i++)
    pthread_join(th[i], NULL);
}

void array_handed_over(void) {
  pthread_t th[4];
  for (int i = 0; i < 4; i++)
    pthread_create(&th[i], NULL, work, NULL);
  keep_all(th, 4);
}

// Signals and queries do not join, but nothing here creates a thread.
void only_queries(pthread_t other) {
  pthread_t self = pthread_self();
  if (pthread_equal(self, other))
    return;
}

// A thread written into through a pointer is someone else's to join.
void created_through_a_pointer(pthread_t *out) {
  pthread_create(out, NULL, work, NULL);
}

// A GNU cleanup function joins it at every scope exit.
static void join_on_exit(pthread_t *t) { pthread_join(*t, NULL); }

void joined_by_a_cleanup_function(void) {
  pthread_t t __attribute__((cleanup(join_on_exit)));
  pthread_create(&t, NULL, work, NULL);
}

// A heap block of handles whose threads nobody joins.
void heap_block_never_joined(int n) {
  pthread_t *tids = (pthread_t *)malloc(n * sizeof(pthread_t));
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: POSIX threads in 'tids' are created but never joined or detached; their resources leak until the process exits, and repeated leaks make 'pthread_create' fail with EAGAIN [threads-unjoined-thread]
  for (int i = 0; i < n; i++)
    pthread_create(&tids[i], NULL, work, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: thread created here
  free(tids);
}

// Clean: a pointer into a block that someone else allocated.
void heap_block_of_the_caller(pthread_t *tids, int n) {
  pthread_t *first = tids;
  pthread_create(&first[0], NULL, work, NULL);
  (void)n;
}
