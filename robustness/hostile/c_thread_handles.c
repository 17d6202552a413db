/* POSIX and C11 thread handles in the shapes legacy C code takes, and some
 * it should not: every check that runs on C must stay quiet or right, never
 * crash or hang. Compiled as gnu89 by scripts/robustness.py (C11 threads
 * need their header: included as a GNU C extension is fine). */
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <threads.h>

typedef pthread_t tid_t;
static void *run(void *arg) { return arg; }
static int run11(void *arg) { return arg != NULL; }

union either {
  pthread_t posix;
  thrd_t c11;
};

#define START(t, a) pthread_create(&(t), NULL, run, (a))
#define JOIN(t) pthread_join((t), NULL)

int macros_and_typedefs(int n) {
  tid_t t;
  tid_t grid[2][3];
  int i, j;
  if (START(t, NULL))
    return -1;
  for (i = 0; i < 2; i++)
    for (j = 0; j < 3; j++)
      if (START(grid[i][j], &grid))
        goto out;
out:
  JOIN(t);
  return n;
}

int vla_of_handles(int n) {
  pthread_t th[n > 0 ? n : 1];
  int i;
  for (i = 0; i < n; i++)
    pthread_create(th + i, NULL, run, NULL);
  for (i = 0; i < n; i++)
    pthread_join(*(th + i), NULL);
  return 0;
}

void handles_in_a_union(void) {
  union either e;
  if (pthread_create(&e.posix, NULL, run, &e) == 0)
    pthread_detach(e.posix);
  if (thrd_create(&e.c11, run11, NULL) == thrd_success)
    thrd_join(e.c11, NULL);
}

void switch_and_loops(int mode) {
  pthread_t t;
  switch (mode) {
  case 0:
    pthread_create(&t, NULL, run, NULL);
    /* fall through */
  case 1:
    while (mode--)
      if (pthread_create(&t, NULL, run, NULL))
        break;
    pthread_join(t, NULL);
    break;
  default:
    return;
  }
}

void statement_expressions(void) {
  pthread_t t;
  int rc = ({ int r = pthread_create(&t, NULL, run, NULL); r; });
  if (rc == 0)
    pthread_join(t, NULL);
}

static void join_on_exit(pthread_t *t) { pthread_join(*t, NULL); }

void cleanup_attribute(void) {
  pthread_t t __attribute__((cleanup(join_on_exit)));
  pthread_create(&t, NULL, run, NULL);
}

int (*create_through_a_pointer)(thrd_t *, thrd_start_t, void *) = thrd_create;

void indirect_create(void) {
  thrd_t t;
  if (create_through_a_pointer(&t, run11, NULL) == thrd_success)
    thrd_join(t, NULL);
}

void recursive(int depth) {
  pthread_t t;
  if (depth <= 0 || pthread_create(&t, NULL, run, NULL))
    return;
  recursive(depth - 1);
  pthread_join(t, NULL);
  pthread_join(pthread_self(), NULL);
}

void odd_calls(void) {
  pthread_t t;
  pthread_attr_t attr;
  pthread_attr_setdetachstate(&attr, 1);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  (void)pthread_create(&t, &attr, run, &attr);
  pthread_create(&t, NULL, (void *(*)(void *))odd_calls, NULL);
  pthread_join(t, NULL);
  pthread_join(t, NULL);
  thrd_join(thrd_current(), NULL);
  thrd_detach(thrd_current());
}
