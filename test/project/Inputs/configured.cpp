// One source built in two configurations (-DSTATIC_BUILD, -DSHARED_BUILD):
// each holds a finding the other does not.
#include <thread>

void work();

#ifdef STATIC_BUILD
void static_only() {
  std::thread t(work);
}
#endif

#ifdef SHARED_BUILD
void shared_only() {
  std::thread t(work);
}
#endif
