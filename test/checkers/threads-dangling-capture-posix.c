// POSIX threads in C (CERT CON34-C): the address of a local given to a
// thread that is detached, or created detached, outlives the local.
// RUN: %check_threads %s threads-dangling-capture %t -- -std=c11
// RUN: %check_threads %s threads-dangling-capture %t -- -x c++ -std=c++11

#include <pthread.h>
#include <stdlib.h>

struct job {
  int id;
  int fd;
};

static void *work(void *arg) { return arg; }

// --- flagged --------------------------------------------------------------

void detached_with_a_local(void) {
  struct job j = {1, 2};
  pthread_t t;
  if (pthread_create(&t, NULL, work, &j) == 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: thread may outlive local variable 'j', which it refers to [threads-dangling-capture]
    // CHECK-MESSAGES: :[[@LINE-2]]:38: note: the address of 'j' is passed here
    pthread_detach(t);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: the thread is detached here
}

void created_detached_with_an_array_element(void) {
  int ids[4];
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  for (int i = 0; i < 4; i++) {
    pthread_t t;
    ids[i] = i;
    pthread_create(&t, &attr, work, &ids[i]);
    // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: thread may outlive local variable 'ids', which it refers to [threads-dangling-capture]
    // CHECK-MESSAGES: :[[@LINE-2]]:37: note: the address of 'ids' is passed here
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: the thread is created detached here
  }
}

void detached_with_a_buffer(void) {
  char buf[64];
  pthread_t t;
  if (pthread_create(&t, NULL, work, (void *)buf) != 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: thread may outlive local variable 'buf', which it refers to [threads-dangling-capture]
    // CHECK-MESSAGES: :[[@LINE-2]]:46: note: the address of 'buf' is passed here
    return;
  pthread_detach(t);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the thread is detached here
}

// One element of a thread array is detached on a slow path.
void array_element_detached(int slow) {
  struct job args[4];
  pthread_t th[4];
  for (int i = 0; i < 4; i++)
    pthread_create(&th[i], NULL, work, &args[i]);
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: thread may outlive local variable 'args', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:40: note: the address of 'args' is passed here
  for (int i = 0; i < 4; i++) {
    if (slow)
      pthread_detach(th[i]);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the thread is detached here
    else
      pthread_join(th[i], NULL);
  }
}

// --- not flagged ------------------------------------------------------------

void detached_with_heap_arguments(void) {
  struct job *j = (struct job *)malloc(sizeof *j);
  pthread_t t;
  if (pthread_create(&t, NULL, work, j) == 0)
    pthread_detach(t);
  else
    free(j);
}

void joined_before_the_local_dies(void) {
  struct job j = {1, 2};
  pthread_t t;
  if (pthread_create(&t, NULL, work, &j) == 0)
    pthread_join(t, NULL);
}

static struct job global_job;

void detached_with_a_global(void) {
  pthread_t t;
  if (pthread_create(&t, NULL, work, &global_job) == 0)
    pthread_detach(t);
}

void detached_with_a_static(void) {
  static struct job j;
  pthread_t t;
  if (pthread_create(&t, NULL, work, &j) == 0)
    pthread_detach(t);
}

// The argument points at what the caller owns.
void detached_with_the_callers_object(struct job *j) {
  pthread_t t;
  if (pthread_create(&t, NULL, work, j) == 0)
    pthread_detach(t);
}

// --- flagged: never joined ---------------------------------------------------

void never_joined_with_a_local(void) {
  struct job j = {1, 2};
  pthread_t t;
  pthread_create(&t, NULL, work, &j);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: thread may outlive local variable 'j', which it refers to [threads-dangling-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:34: note: the address of 'j' is passed here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the thread is created here and 't' is never joined or detached
}

// A copy of the handle goes to someone who may join it.
void handle_handed_over(pthread_t *out) {
  struct job j = {1, 2};
  pthread_t t;
  pthread_create(&t, NULL, work, &j);
  *out = t;
}

// --- flagged: a path that leaves the thread running (CERT CON34-C) ----------

int send_request(struct job *j);

// The early return of the error path skips the join: the thread goes on
// reading `j` after the function returned.
int error_path_skips_the_join(void) {
  struct job j = {1, 2};
  pthread_t t;
  if (pthread_create(&t, NULL, work, &j) != 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: thread may outlive local variable 'j', which it refers to [threads-dangling-capture]
    // CHECK-MESSAGES: :[[@LINE-2]]:38: note: the address of 'j' is passed here
    return -1;
  if (send_request(&j) < 0)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 't' is not joined when this 'return' leaves its scope; the thread may still be running
  pthread_join(t, NULL);
  return 0;
}

// A loop over a thread array that a `break` leaves before every join.
void break_skips_the_joins(void) {
  int ids[4];
  pthread_t th[4];
  for (int i = 0; i < 4; i++) {
    ids[i] = i;
    if (pthread_create(&th[i], NULL, work, &ids[i]) != 0)
      // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: thread may outlive local variable 'ids', which it refers to [threads-dangling-capture]
      // CHECK-MESSAGES: :[[@LINE-2]]:44: note: the address of 'ids' is passed here
      return;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: 'th' is not joined when this 'return' leaves its scope; the thread may still be running
  }
  for (int i = 0; i < 4; i++)
    pthread_join(th[i], NULL);
}

// --- not flagged: every path joins, or the exit ends the process ------------

int error_path_joins_first(void) {
  struct job j = {1, 2};
  pthread_t t;
  if (pthread_create(&t, NULL, work, &j) != 0)
    return -1;
  if (send_request(&j) < 0) {
    pthread_join(t, NULL);
    return -1;
  }
  pthread_join(t, NULL);
  return 0;
}

int error_path_exits_the_process(void) {
  struct job j = {1, 2};
  pthread_t t;
  if (pthread_create(&t, NULL, work, &j) != 0)
    return -1;
  if (send_request(&j) < 0)
    abort();
  pthread_join(t, NULL);
  return 0;
}

// The created threads are counted and exactly those are joined.
int joins_what_was_created(void) {
  int ids[4];
  pthread_t th[4];
  int created = 0;
  for (int i = 0; i < 4; i++, created++) {
    ids[i] = i;
    if (pthread_create(&th[i], NULL, work, &ids[i]) != 0)
      break;
  }
  for (int i = 0; i < created; i++)
    pthread_join(th[i], NULL);
  return created == 4 ? 0 : -1;
}

// The handles live in a heap block; the arguments are locals.
int heap_handles_local_arguments(int n) {
  int ids[16];
  pthread_t *tids = (pthread_t *)malloc(n * sizeof *tids);
  for (int i = 0; i < n; i++) {
    ids[i] = i;
    if (pthread_create(&tids[i], NULL, work, &ids[i]) != 0)
      // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: thread may outlive local variable 'ids', which it refers to [threads-dangling-capture]
      // CHECK-MESSAGES: :[[@LINE-2]]:46: note: the address of 'ids' is passed here
      return -1;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: 'tids' is not joined when this 'return' leaves its scope; the thread may still be running
  }
  for (int i = 0; i < n; i++)
    pthread_join(tids[i], NULL);
  free(tids);
  return 0;
}

// Not flagged: the exit that skips the join is a macro's hidden `return`
// (a test assertion or an error macro); the thread dangles only on a
// failure that ends the test, and threads-joinable-at-exit names the leak.
#define CHECK_OR_RETURN(cond) \
  do {                        \
    if (!(cond))              \
      return -1;              \
  } while (0)

int macro_exit_skips_the_join(void) {
  struct job j = {1, 2};
  pthread_t t;
  if (pthread_create(&t, NULL, work, &j) != 0)
    return -1;
  CHECK_OR_RETURN(send_request(&j) >= 0);
  pthread_join(t, NULL);
  return 0;
}
