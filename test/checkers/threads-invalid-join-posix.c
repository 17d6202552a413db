// POSIX threads in C, against glibc's <pthread.h>: joins and detaches of a
// handle that names no joinable thread are undefined behaviour.
// RUN: %check_threads %s threads-invalid-join %t -- -std=c11
// RUN: %check_threads %s threads-invalid-join %t -- -x c++ -std=c++11

#include <pthread.h>
#include <stdio.h>

static void *work(void *arg) { return arg; }
int prepare(void);

// --- flagged --------------------------------------------------------------

void joined_twice(void) {
  pthread_t t;
  if (pthread_create(&t, NULL, work, NULL) != 0)
    return;
  pthread_join(t, NULL);
  pthread_join(t, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: POSIX thread 't' is already joined or detached here; 'pthread_join' on it is undefined behaviour [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 't' is joined here
}

void joined_after_detach(int fast) {
  pthread_t t;
  if (pthread_create(&t, NULL, work, NULL) != 0)
    return;
  if (fast)
    pthread_detach(t);
  pthread_join(t, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: POSIX thread 't' may already be joined or detached here; 'pthread_join' on it is undefined behaviour [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-3]]:5: note: 't' is detached here
}

void detached_twice(void) {
  pthread_t t;
  if (pthread_create(&t, NULL, work, NULL) != 0)
    return;
  pthread_detach(t);
  pthread_detach(t);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: POSIX thread 't' is already joined or detached here; 'pthread_detach' on it is undefined behaviour [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 't' is detached here
}

void created_detached_then_joined(void) {
  pthread_t t;
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  if (pthread_create(&t, &attr, work, NULL) != 0)
    return;
  pthread_join(t, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: POSIX thread 't' is already joined or detached here; 'pthread_join' on it is undefined behaviour [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-4]]:7: note: 't' is created detached here
}

// The failure is logged, and the path goes on to the join.
void failure_only_logged(void) {
  pthread_t t;
  if (pthread_create(&t, NULL, work, NULL) != 0)
    fprintf(stderr, "cannot start the worker\n");
  pthread_join(t, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: POSIX thread 't' may not have been created; 'pthread_join' on a handle that names no thread is undefined behaviour [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-4]]:7: note: 'pthread_create' may fail here and the path goes on to the join
}

void result_not_checked(void) {
  pthread_t t;
  pthread_create(&t, NULL, work, NULL);
  pthread_join(t, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: POSIX thread 't' may not have been created: the result of 'pthread_create' is not checked; 'pthread_join' on a handle that names no thread is undefined behaviour [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'pthread_create' may fail here
}

// Every element is joined, the one whose create failed too.
void array_failure_logged(void) {
  pthread_t tid[4];
  for (int i = 0; i < 4; i++) {
    int error = pthread_create(&tid[i], NULL, work, NULL);
    if (error)
      fprintf(stderr, "could not start thread %d\n", i);
  }
  for (int i = 0; i < 4; i++)
    pthread_join(tid[i], NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: POSIX thread 'tid' may not have been created; 'pthread_join' on a handle that names no thread is undefined behaviour [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-7]]:17: note: 'pthread_create' may fail here and the path goes on to the join
}

void array_unchecked(void) {
  pthread_t tid[4];
  for (int i = 0; i < 4; i++)
    pthread_create(&tid[i], NULL, work, NULL);
  for (int i = 0; i < 4; i++)
    pthread_join(tid[i], NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: POSIX thread 'tid' may not have been created: the result of 'pthread_create' is not checked; 'pthread_join' on a handle that names no thread is undefined behaviour [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-4]]:5: note: 'pthread_create' may fail here
}

void join_self(void) {
  pthread_join(pthread_self(), NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_join' of the calling thread ('pthread_self()') makes the thread wait for its own end: it fails with EDEADLK or deadlocks [threads-invalid-join]
}

// --- not flagged ------------------------------------------------------------

void joined_once(void) {
  pthread_t t;
  if (pthread_create(&t, NULL, work, NULL) != 0)
    return;
  pthread_join(t, NULL);
}

int checked_in_a_local(void) {
  pthread_t t;
  int rc = pthread_create(&t, NULL, work, NULL);
  if (rc != 0)
    return rc;
  return pthread_join(t, NULL);
}

void joined_only_when_created(void) {
  pthread_t t;
  int created = pthread_create(&t, NULL, work, NULL) == 0;
  if (prepare() < 0)
    return;
  if (created)
    pthread_join(t, NULL);
}

// Created again after the join: a new thread to join.
void recreated_in_a_loop(void) {
  pthread_t t;
  for (int i = 0; i < 3; i++) {
    if (pthread_create(&t, NULL, work, NULL) != 0)
      break;
    pthread_join(t, NULL);
  }
}

// The join loop stops at the number of threads created.
int array_counts_what_it_created(void) {
  pthread_t tids[4];
  int count = 4, rc = 0;
  for (int i = 0; i < count; i++) {
    if (pthread_create(&tids[i], NULL, work, NULL) != 0) {
      count = i;
      rc = -1;
      goto cleanup;
    }
  }
cleanup:
  for (int i = 0; i < count; i++)
    pthread_join(tids[i], NULL);
  return rc;
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

// The test suite's failure macro does not come back (its function is in
// another file and says so only by its name).
void test_fail0(const char *file, int line, const char *fmt, ...);
#define TEST_FAIL(...) test_fail0(__FILE__, __LINE__, __VA_ARGS__)

void failure_ends_the_test(void) {
  pthread_t t;
  if (pthread_create(&t, NULL, work, NULL) != 0)
    TEST_FAIL("cannot create the thread");
  pthread_join(t, NULL);
}

void detached_only(void) {
  pthread_t t;
  if (pthread_create(&t, NULL, work, NULL) == 0)
    pthread_detach(t);
}

void joins_another_thread(pthread_t other) {
  if (!pthread_equal(other, pthread_self()))
    pthread_join(other, NULL);
}
