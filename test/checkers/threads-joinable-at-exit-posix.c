// POSIX threads in C, against glibc's <pthread.h>: an exit that skips the
// join leaks the thread.
// RUN: %check_threads %s threads-joinable-at-exit %t -- -std=c11
// RUN: %check_threads %s threads-joinable-at-exit %t -- -x c++ -std=c++11

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static void *work(void *arg) { return arg; }
int prepare(void);

// --- flagged --------------------------------------------------------------

int early_return(int fd) {
  pthread_t t;
  if (pthread_create(&t, NULL, work, NULL) != 0)
    return -1;
  if (prepare() < 0)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: POSIX thread 't' is neither joined nor detached when this 'return' leaves its scope; its resources leak until the process exits [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-6]]:13: note: thread 't' declared here
  pthread_join(t, NULL);
  return 0;
}

// A goto to the cleanup label that skips the join.
int goto_cleanup(void) {
  pthread_t t;
  int rc = pthread_create(&t, NULL, work, NULL);
  if (rc != 0)
    goto out;
  if (prepare() < 0)
    goto out;
  pthread_join(t, NULL);
out:
  return rc;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: POSIX thread 't' may be neither joined nor detached when this 'return' leaves its scope; its resources leak until the process exits [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-10]]:13: note: thread 't' declared here
}

// The error path of the creating loop leaves the threads it created.
int create_all(void) {
  pthread_t th[8];
  for (int i = 0; i < 8; i++)
    if (pthread_create(&th[i], NULL, work, NULL) != 0)
      return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: POSIX threads in 'th' {{are|may be}} neither joined nor detached when this 'return' leaves their scope; their resources leak until the process exits [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-5]]:13: note: array 'th' declared here
  for (int i = 0; i < 8; i++)
    pthread_join(th[i], NULL);
  return 0;
}

// A second create into the same handle loses the first thread.
void created_twice(void) {
  pthread_t t;
  if (pthread_create(&t, NULL, work, NULL) != 0)
    return;
  if (pthread_create(&t, NULL, work, NULL) != 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: POSIX thread 't' is neither joined nor detached when 'pthread_create' stores a new thread in it here; the previous thread's resources leak until the process exits [threads-joinable-at-exit]
    // CHECK-MESSAGES: :[[@LINE-5]]:13: note: thread 't' declared here
    return; // the first thread leaks: reported once, at the create
  pthread_join(t, NULL);
}

// A thread per loop iteration, joined only after the loop.
void one_handle_per_loop(void) {
  pthread_t t;
  for (int i = 0; i < 4; i++)
    pthread_create(&t, NULL, work, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: POSIX thread 't' may be neither joined nor detached when 'pthread_create' stores a new thread in it here
  // CHECK-MESSAGES: :[[@LINE-4]]:13: note: thread 't' declared here
  pthread_join(t, NULL);
}

// --- not flagged ------------------------------------------------------------

// The failed create started nothing: its error path leaks nothing.
int checked_create(void) {
  pthread_t t;
  if (pthread_create(&t, NULL, work, NULL) != 0) {
    perror("pthread_create");
    return -1;
  }
  pthread_join(t, NULL);
  return 0;
}

// The result kept in a local, tested later.
int result_in_a_local(void) {
  pthread_t t;
  int err = pthread_create(&t, NULL, work, NULL);
  if (err)
    return err;
  pthread_join(t, NULL);
  return 0;
}

int joined_on_every_path(void) {
  pthread_t t;
  if (pthread_create(&t, NULL, work, NULL))
    return -1;
  if (prepare() < 0) {
    pthread_join(t, NULL);
    return -1;
  }
  pthread_join(t, NULL);
  return 0;
}

int cleanup_label_joins(void) {
  pthread_t t;
  int rc = -1;
  if (pthread_create(&t, NULL, work, NULL))
    return -1;
  if (prepare() < 0)
    goto join;
  rc = 0;
join:
  pthread_join(t, NULL);
  return rc;
}

// The created threads are joined on the error path too.
int create_all_or_undo(void) {
  pthread_t th[8];
  int n = 0;
  for (; n < 8; n++)
    if (pthread_create(&th[n], NULL, work, NULL) != 0)
      break;
  for (int i = 0; i < n; i++)
    pthread_join(th[i], NULL);
  return n == 8 ? 0 : -1;
}

// A flag records the creation; the join tests it.
int flag_records_creation(void) {
  pthread_t tid = 0;
  int valid = 0;
  int rc = pthread_create(&tid, NULL, work, NULL);
  if (!rc)
    valid = 1;
  else
    goto cleanup;
  prepare();
cleanup:
  if (valid)
    pthread_join(tid, NULL);
  return rc;
}

// A failure macro of the test suite ends the path.
void test_fail0(const char *file, int line, const char *fmt, ...);
#define TEST_FAIL(...) test_fail0(__FILE__, __LINE__, __VA_ARGS__)

int failure_ends_the_test(void) {
  pthread_t t;
  if (pthread_create(&t, NULL, work, NULL) != 0)
    return -1;
  if (prepare() < 0) {
    TEST_FAIL("not prepared");
    return -1;
  }
  pthread_join(t, NULL);
  return 0;
}

// Create again only while the last attempt failed with EAGAIN (oneTBB's
// rml thread monitor): no running thread is overwritten.
#include <errno.h>
pthread_t launch_with_retries(void *arg) {
  pthread_t handle;
  int error = EAGAIN;
  for (int i = 0; i < 20 && error == EAGAIN; i++)
    error = pthread_create(&handle, NULL, work, arg);
  if (error)
    abort();
  return handle;
}

void detached_right_away(void) {
  pthread_t t;
  if (pthread_create(&t, NULL, work, NULL) != 0)
    return;
  pthread_detach(t);
  if (prepare() < 0)
    return;
}

// pthread_exit and exit do not return: nothing leaks past them.
void exits_the_process(void) {
  pthread_t t;
  if (pthread_create(&t, NULL, work, NULL) != 0)
    exit(1);
  if (prepare() < 0)
    exit(1);
  pthread_join(t, NULL);
}

// --- a heap block of handles is followed like an array ----------------------

int create_on_the_heap(int n) {
  pthread_t *tids = (pthread_t *)malloc(n * sizeof *tids);
  if (!tids)
    return -1;
  for (int i = 0; i < n; i++)
    if (pthread_create(&tids[i], NULL, work, NULL) != 0) {
      free(tids);
      return -1;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: POSIX threads in 'tids' may be neither joined nor detached when this 'return' leaves their scope; their resources leak until the process exits [threads-joinable-at-exit]
      // CHECK-MESSAGES: :[[@LINE-8]]:14: note: array 'tids' declared here
    }
  for (int i = 0; i < n; i++)
    pthread_join(tids[i], NULL);
  free(tids);
  return 0;
}

// Clean: every created thread is joined before the block is freed.
int heap_block_joined(int n) {
  pthread_t *tids = (pthread_t *)calloc(n, sizeof(pthread_t));
  int created = 0;
  if (!tids)
    return -1;
  for (; created < n; created++)
    if (pthread_create(&tids[created], NULL, work, NULL) != 0)
      break;
  for (int i = 0; i < created; i++)
    pthread_join(tids[i], NULL);
  free(tids);
  return created == n ? 0 : -1;
}

// Clean: the block goes to a pool that joins it later.
struct pool {
  pthread_t *threads;
  int size;
};

int heap_block_handed_to_the_pool(struct pool *p, int n) {
  pthread_t *tids = (pthread_t *)malloc(n * sizeof *tids);
  for (int i = 0; i < n; i++)
    if (pthread_create(&tids[i], NULL, work, NULL) != 0)
      break;
  p->threads = tids;
  p->size = n;
  return 0;
}

// Clean: a pointer the caller passed is not this function's to join.
int create_into_the_callers_block(pthread_t *out, int n) {
  for (int i = 0; i < n; i++)
    if (pthread_create(&out[i], NULL, work, NULL) != 0)
      return -1;
  return 0;
}
