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
