// C11 threads whose handle is kept in a struct field, against glibc's
// <threads.h>: the failure branch of thrd_create calls the destroy function,
// which joins the handle (librdkafka's mock cluster).
// RUN: %check_threads %s threads-invalid-join %t -- -std=c11

#include <stdlib.h>
#include <threads.h>

static int serve(void *arg) { return arg != 0; }

typedef struct cluster {
  thrd_t thread;
  int running;
} cluster_t;

// --- flagged --------------------------------------------------------------

void cluster_destroy(cluster_t *c) {
  int res;
  if (thrd_join(c->thread, &res) != thrd_success)
    abort();
  free(c);
}

cluster_t *cluster_new(void) {
  cluster_t *c = calloc(1, sizeof(*c));
  if (thrd_create(&c->thread, serve, c) != thrd_success) {
    cluster_destroy(c);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'cluster_destroy' joins C11 thread 'c->thread', whose creation failed on this path; 'thrd_join' on a handle that names no thread is undefined behaviour [threads-invalid-join]
    // CHECK-MESSAGES: :[[@LINE-3]]:7: note: 'thrd_create' fails here and this branch goes on to the join
    // CHECK-MESSAGES: :[[@LINE-11]]:7: note: 'cluster_destroy' joins it here
    return NULL;
  }
  return c;
}

// The thread joins the handle it was created into.
static thrd_t g_poller;

static int poller(void *arg) {
  thrd_join(g_poller, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: C11 thread 'g_poller' may join itself: 'thrd_join' is reached from its start routine 'poller'; a thread that waits for its own end fails with thrd_error or deadlocks [threads-invalid-join]
  return arg != 0;
}

void poller_start(void) {
  if (thrd_create(&g_poller, poller, NULL) != thrd_success)
    abort();
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: 'g_poller' is created here running 'poller'
}

// --- not flagged ------------------------------------------------------------

void cluster_stop(cluster_t *c) {
  if (c->running)
    thrd_join(c->thread, NULL);
}

cluster_t *cluster_new_guarded(void) {
  cluster_t *c = calloc(1, sizeof(*c));
  if (thrd_create(&c->thread, serve, c) != thrd_success) {
    cluster_stop(c);
    free(c);
    return NULL;
  }
  c->running = 1;
  return c;
}

// A thread detaching itself is legal.
static int serve_detached(void *arg) {
  cluster_t *c = arg;
  thrd_detach(c->thread);
  return 0;
}

int cluster_start_detached(cluster_t *c) {
  return thrd_create(&c->thread, serve_detached, c);
}
