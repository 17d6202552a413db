/* C with POSIX threads that does not compile: wrong arities, unknown
 * routines, a handle of the wrong type, a missing brace at the end. The
 * checks see a broken AST and must not crash. */
#include <pthread.h>

static void *run(void *arg) { return arg; }

void wrong_arity(void) {
  pthread_t t;
  pthread_create(&t, run);
  pthread_join(t);
}

void unknown_routine(void) {
  pthread_t t;
  if (pthread_create(&t, NULL, no_such_routine, NULL) == 0)
    pthread_join(t, NULL);
}

void wrong_handle(void) {
  float f;
  pthread_create(&f, NULL, run, NULL);
  pthread_join(f, NULL);
}

void unterminated(void) {
  pthread_t t;
  if (pthread_create(&t, NULL, run, NULL) == 0) {
    pthread_join(t, NULL);
