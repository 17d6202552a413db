/* A log shipper in C with POSIX threads: one reader thread per source, one
 * uploader, and a watchdog. Three thread bugs hide on its error paths. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct source {
  const char *path;
  long lines;
};

struct upload {
  const char *endpoint;
  int retries;
};

static void *read_source(void *arg) {
  struct source *src = arg;
  src->lines = (long)strlen(src->path);
  return NULL;
}

static void *upload_batch(void *arg) {
  struct upload *up = arg;
  up->retries = 0;
  return NULL;
}

static int connect_endpoint(const char *endpoint) { return endpoint[0] ? 0 : -1; }

/* Bug 1: when the endpoint is down, the early return leaves the readers
 * running; their stacks leak, and every retry leaks four more. */
int ship_all(struct source *sources, const char *endpoint) {
  pthread_t readers[4];
  for (int i = 0; i < 4; i++)
    if (pthread_create(&readers[i], NULL, read_source, &sources[i]) != 0)
      return -1;
  if (connect_endpoint(endpoint) != 0)
    return -1;
  for (int i = 0; i < 4; i++)
    pthread_join(readers[i], NULL);
  return 0;
}

/* Bug 2: the uploader gets the address of a local and is detached: it may
 * still write the retry count after ship_async has returned. */
void ship_async(const char *endpoint) {
  struct upload up = {endpoint, 3};
  pthread_t uploader;
  if (pthread_create(&uploader, NULL, upload_batch, &up) != 0)
    return;
  pthread_detach(uploader);
}

/* Bug 3: a failed create is only logged, and the join goes ahead on a handle
 * that names no thread. */
void ship_with_watchdog(struct source *src) {
  pthread_t watchdog;
  if (pthread_create(&watchdog, NULL, read_source, src) != 0)
    fprintf(stderr, "no watchdog\n");
  pthread_join(watchdog, NULL);
}

/* Correct: the created readers are joined on the error path too. */
int ship_checked(struct source *sources) {
  pthread_t readers[4];
  int started = 0;
  for (; started < 4; started++)
    if (pthread_create(&readers[started], NULL, read_source,
                       &sources[started]) != 0)
      break;
  for (int i = 0; i < started; i++)
    pthread_join(readers[i], NULL);
  return started == 4 ? 0 : -1;
}
