/* K&R-style C: the checks that run on C (POSIX and C11 threads) must not mind. */
#include <pthread.h>
#include <stddef.h>

static void *worker(arg)
void *arg;
{
  return arg;
}

int start(count, ids)
int count;
pthread_t *ids;
{
  int i;
  for (i = 0; i < count; ++i)
    if (pthread_create(&ids[i], NULL, worker, NULL) != 0)
      return -1;
  return 0;
}
