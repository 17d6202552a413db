// POSIX threads whose handle is kept in a struct field and joined by
// another function (the object's destroy function), against glibc's
// <pthread.h>: a create that fails and whose failure branch still reaches
// that join joins a handle that names no thread.
// RUN: %check_threads %s threads-invalid-join %t -- -std=c11
// RUN: %check_threads %s threads-invalid-join %t -- -x c++ -std=c++11

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static void *work(void *arg) { return arg; }

struct server {
  pthread_t tid;
  pthread_t other;
  int started;
  int fd;
  pthread_mutex_t lock;
};

// --- flagged --------------------------------------------------------------

// The destroy function joins on every path (librdkafka's mock cluster).
void server_destroy(struct server *s) {
  pthread_mutex_lock(&s->lock);
  s->fd = -1;
  pthread_mutex_unlock(&s->lock);
  pthread_join(s->tid, NULL);
  free(s);
}

struct server *server_new(void) {
  struct server *s = (struct server *)calloc(1, sizeof *s);
  if (!s)
    return NULL;
  pthread_mutex_init(&s->lock, NULL);
  if (pthread_create(&s->tid, NULL, work, s) != 0) {
    fprintf(stderr, "cannot start the server thread\n");
    server_destroy(s);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'server_destroy' joins POSIX thread 's->tid', whose creation failed on this path; 'pthread_join' on a handle that names no thread is undefined behaviour [threads-invalid-join]
    // CHECK-MESSAGES: :[[@LINE-4]]:7: note: 'pthread_create' fails here and this branch goes on to the join
    // CHECK-MESSAGES: :[[@LINE-14]]:3: note: 'server_destroy' joins it here
    return NULL;
  }
  return s;
}

// The failure branch joins the field itself.
int server_start_direct(struct server *s) {
  if (pthread_create(&s->tid, NULL, work, s)) {
    pthread_join(s->tid, NULL);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: POSIX thread 's->tid' is not created on this path, where 'pthread_create' failed; 'pthread_join' on a handle that names no thread is undefined behaviour [threads-invalid-join]
    // CHECK-MESSAGES: :[[@LINE-3]]:7: note: 'pthread_create' fails here and this branch goes on to the join
    return -1;
  }
  return 0;
}

// The failure branch jumps to a cleanup label that joins.
int server_start_goto(struct server *s) {
  int rc = pthread_create(&s->tid, NULL, work, s);
  if (rc != 0)
    goto fail;
  return 0;
fail:
  if (s->fd >= 0)
    s->fd = -1;
  server_destroy(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'server_destroy' joins POSIX thread 's->tid', whose creation failed on this path; 'pthread_join' on a handle that names no thread is undefined behaviour [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-9]]:12: note: 'pthread_create' fails here and this branch goes on to the join
  // CHECK-MESSAGES: :[[@LINE-43]]:3: note: 'server_destroy' joins it here
  return rc;
}

// Through a helper of the destroy function, whose pointer parameter is
// copied to a local first; a fatal check before the join ends only paths
// that never return.
static void stop_worker(void *arg) {
  struct server *self = (struct server *)arg;
  if (self->fd < -1)
    abort();
  pthread_join(self->tid, NULL);
}

void server_close(struct server *s) {
  stop_worker(s);
  free(s);
}

int server_start_nested(struct server *s) {
  if (pthread_create(&s->tid, NULL, work, s) != 0) {
    server_close(s);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'server_close' joins POSIX thread 's->tid', whose creation failed on this path; 'pthread_join' on a handle that names no thread is undefined behaviour [threads-invalid-join]
    // CHECK-MESSAGES: :[[@LINE-3]]:7: note: 'pthread_create' fails here and this branch goes on to the join
    // CHECK-MESSAGES: :[[@LINE-9]]:3: note: 'server_close' calls 'stop_worker' here
    // CHECK-MESSAGES: :[[@LINE-14]]:3: note: 'stop_worker' joins it here
    return -1;
  }
  return 0;
}

// A detach of the never-created handle is undefined behaviour too.
void server_release(struct server *s) { pthread_detach(s->tid); }

void server_start_release(struct server *s) {
  if (pthread_create(&s->tid, NULL, work, s) != 0)
    server_release(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'server_release' detaches POSIX thread 's->tid', whose creation failed on this path; 'pthread_detach' on a handle that names no thread is undefined behaviour [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-3]]:7: note: 'pthread_create' fails here and this branch goes on to the detach
  // CHECK-MESSAGES: :[[@LINE-7]]:41: note: 'server_release' detaches it here
}

// A local struct handed on by address.
void local_server(void) {
  struct server s;
  s.fd = 0;
  if (pthread_create(&s.tid, NULL, work, &s) != 0) {
    stop_worker(&s);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'stop_worker' joins POSIX thread 's.tid', whose creation failed on this path; 'pthread_join' on a handle that names no thread is undefined behaviour [threads-invalid-join]
    // CHECK-MESSAGES: :[[@LINE-3]]:7: note: 'pthread_create' fails here and this branch goes on to the join
    // CHECK-MESSAGES: :[[@LINE-39]]:3: note: 'stop_worker' joins it here
    return;
  }
  pthread_join(s.tid, NULL);
}

// --- not flagged ------------------------------------------------------------

// The destroy function joins only when a flag says the thread was started.
void guarded_destroy(struct server *s) {
  if (s->started)
    pthread_join(s->tid, NULL);
  free(s);
}

int start_guarded(struct server *s) {
  if (pthread_create(&s->tid, NULL, work, s) != 0) {
    guarded_destroy(s);
    return -1;
  }
  s->started = 1;
  return 0;
}

// A test of the handle itself guards the join.
void handle_tested_destroy(struct server *s) {
  if (s->tid)
    pthread_join(s->tid, NULL);
}

int start_handle_tested(struct server *s) {
  if (pthread_create(&s->tid, NULL, work, s) != 0) {
    handle_tested_destroy(s);
    return -1;
  }
  return 0;
}

// zstd's pool: the failed element is not counted, and the destroy function
// joins only the threads counted.
struct pool {
  pthread_t threads[8];
  size_t count;
};

void pool_free(struct pool *p) {
  for (size_t i = 0; i < p->count; ++i)
    pthread_join(p->threads[i], NULL);
  free(p);
}

struct pool *pool_new(size_t n) {
  struct pool *p = (struct pool *)calloc(1, sizeof *p);
  for (size_t i = 0; i < n && i < 8; ++i) {
    if (pthread_create(&p->threads[i], NULL, work, p)) {
      p->count = i;
      pool_free(p);
      return NULL;
    }
  }
  p->count = n;
  return p;
}

// The failure branch tries again: the handle is written before the join.
int start_retry(struct server *s) {
  if (pthread_create(&s->tid, NULL, work, s) != 0) {
    if (pthread_create(&s->tid, NULL, work, s) != 0)
      return -1;
    server_destroy(s);
  }
  return 0;
}

// The failure branch stores another thread's handle in the field first.
int start_fallback(struct server *s, pthread_t spare) {
  if (pthread_create(&s->tid, NULL, work, s) != 0) {
    s->tid = spare;
    server_destroy(s);
  }
  return 0;
}

// Another object is destroyed.
int start_other_object(struct server *s, struct server *old) {
  if (pthread_create(&s->tid, NULL, work, s) != 0) {
    server_destroy(old);
    return -1;
  }
  return 0;
}

// Another field is joined.
void other_destroy(struct server *s) { pthread_join(s->other, NULL); }

int start_other_field(struct server *s) {
  if (pthread_create(&s->tid, NULL, work, s) != 0) {
    other_destroy(s);
    return -1;
  }
  return 0;
}

// The destroy function is not visible: what it does is not known.
void server_free(struct server *s);

int start_invisible(struct server *s) {
  if (pthread_create(&s->tid, NULL, work, s) != 0) {
    server_free(s);
    return -1;
  }
  return 0;
}

// Code out of sight gets the object before the join: it may create the
// thread.
void server_restart(struct server *s);

int start_handed_on(struct server *s) {
  if (pthread_create(&s->tid, NULL, work, s) != 0) {
    server_restart(s);
    server_destroy(s);
  }
  return 0;
}

// A visible function hands the object to code out of sight first.
void server_reset(struct server *s) {
  s->fd = -1;
  server_restart(s);
}

int start_reset(struct server *s) {
  if (pthread_create(&s->tid, NULL, work, s) != 0) {
    server_reset(s);
    server_destroy(s);
  }
  return 0;
}

// The destroy function returns early on some path.
void early_return_destroy(struct server *s) {
  if (!s)
    return;
  pthread_join(s->tid, NULL);
}

int start_early_return(struct server *s) {
  if (pthread_create(&s->tid, NULL, work, s) != 0) {
    early_return_destroy(s);
    return -1;
  }
  return 0;
}

// Only the branch where the create succeeded joins.
int start_joined_on_success(struct server *s) {
  if (pthread_create(&s->tid, NULL, work, s) != 0) {
    fprintf(stderr, "no server thread\n");
    return -1;
  }
  server_destroy(s);
  return 0;
}

// Only one path of the failure branch joins.
int start_join_sometimes(struct server *s, int fatal) {
  if (pthread_create(&s->tid, NULL, work, s) != 0) {
    if (fatal)
      server_destroy(s);
    return -1;
  }
  return 0;
}

// The failure branch ends the program.
void start_or_die(struct server *s) {
  if (pthread_create(&s->tid, NULL, work, s) != 0) {
    perror("pthread_create");
    exit(1);
  }
  server_destroy(s);
}

// --- self-joins: flagged ----------------------------------------------------

// A global handle joined by the thread it names.
static pthread_t g_watchdog;

static void *watchdog(void *arg) {
  (void)arg;
  pthread_join(g_watchdog, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: POSIX thread 'g_watchdog' may join itself: 'pthread_join' is reached from its start routine 'watchdog'; a thread that waits for its own end fails with EDEADLK or deadlocks [threads-invalid-join]
  return NULL;
}

void start_watchdog(void) {
  if (pthread_create(&g_watchdog, NULL, watchdog, NULL) != 0)
    return;
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: 'g_watchdog' is created here running 'watchdog'
}

// Through a function the start routine calls.
static pthread_t g_flusher;

void flusher_shutdown(void) { pthread_join(g_flusher, NULL); }

static void *flusher(void *arg) {
  if (arg)
    flusher_shutdown();
  return NULL;
}

void start_flusher(void) {
  pthread_create(&g_flusher, NULL, flusher, &g_flusher);
  // CHECK-MESSAGES: :[[@LINE-10]]:31: warning: POSIX thread 'g_flusher' may join itself: 'pthread_join' is reached from its start routine 'flusher'; a thread that waits for its own end fails with EDEADLK or deadlocks [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: 'g_flusher' is created here running 'flusher'
  // CHECK-MESSAGES: :[[@LINE-8]]:5: note: 'flusher' calls 'flusher_shutdown' here
}

// A field of the object the thread gets as its argument.
struct service {
  pthread_t tid;
  pthread_t peer;
  int failed;
};

static void *service_main(void *arg) {
  struct service *svc = (struct service *)arg;
  if (svc->failed)
    pthread_join(svc->tid, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: POSIX thread 'svc->tid' may join itself: 'pthread_join' is reached from its start routine 'service_main'; a thread that waits for its own end fails with EDEADLK or deadlocks [threads-invalid-join]
  return NULL;
}

int service_start(struct service *svc) {
  return pthread_create(&svc->tid, NULL, service_main, svc);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: 'svc->tid' is created here running 'service_main'
}

// Through a cast of the argument, in a function handed the object.
static void service_stop(struct service *s) { pthread_join(s->tid, NULL); }

static void *service_loop(void *arg) {
  service_stop((struct service *)arg);
  return NULL;
}

int service_start_loop(struct service *svc) {
  return pthread_create(&svc->tid, NULL, service_loop, svc);
  // CHECK-MESSAGES: :[[@LINE-9]]:47: warning: POSIX thread 'svc->tid' may join itself: 'pthread_join' is reached from its start routine 'service_loop'; a thread that waits for its own end fails with EDEADLK or deadlocks [threads-invalid-join]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: 'svc->tid' is created here running 'service_loop'
  // CHECK-MESSAGES: :[[@LINE-8]]:3: note: 'service_loop' calls 'service_stop' here
}

// --- self-joins: not flagged ------------------------------------------------

// A thread detaching itself is legal.
static pthread_t g_reaper;

static void *reaper(void *arg) {
  pthread_detach(g_reaper);
  return arg;
}

void start_reaper(void) { pthread_create(&g_reaper, NULL, reaper, NULL); }

// The start routine joins another thread of the object.
static void *service_peer(void *arg) {
  struct service *svc = (struct service *)arg;
  pthread_join(svc->peer, NULL);
  return NULL;
}

int service_start_peer(struct service *svc) {
  return pthread_create(&svc->tid, NULL, service_peer, svc);
}

// The thread runs for another object than the one its handle is kept in.
int service_start_other(struct service *svc, struct service *other) {
  return pthread_create(&svc->tid, NULL, service_main, other);
}

// The join is guarded by a comparison of thread ids.
static pthread_t g_monitor;

static void *monitor(void *arg) {
  if (!pthread_equal(pthread_self(), g_monitor))
    pthread_join(g_monitor, NULL);
  return arg;
}

void start_monitor(void) { pthread_create(&g_monitor, NULL, monitor, NULL); }

// Each thread starts the next one in the same global and waits for it.
static pthread_t g_stage;

static void *stage(void *arg) {
  if (arg && pthread_create(&g_stage, NULL, stage, NULL) == 0)
    pthread_join(g_stage, NULL);
  return NULL;
}

void start_stages(void) { pthread_create(&g_stage, NULL, stage, &g_stage); }

// The start routine is not visible.
void *external_main(void *arg);

int service_start_external(struct service *svc) {
  return pthread_create(&svc->tid, NULL, external_main, svc);
}
