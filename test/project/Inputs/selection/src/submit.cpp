// (v) Names no thread type, no relevant class: only `pool`, a member of
// App whose type is a pool. The task it submits throws on a worker.
#include "app.h"

void submit() {
  app().pool.Submit([] { throw 1; });
}
