// (vi) Names classes that point to a thread's owner (Holder) or share a
// member's name with one (`Env::Default`, not `Scheduler::Default`), and
// App's plain member: nothing that reaches a thread.
#include "app.h"

int count(Holder &holder) { return holder.count + app().requests; }
int files() { return Env::Default()->files; }
