// A function whose CFG is too large for the lifetime dataflow is skipped
// (a bounded cost), but never silently: with --enable-check-profile every
// check built on the dataflow says which function it did not analyse.
//
// RUN: %clang_tidy --load=%plugin --enable-check-profile \
// RUN:   --checks='-*,threads-joinable-at-exit,threads-invalid-join,threads-prefer-jthread' \
// RUN:   %s -- -std=c++20 2>&1 | %FileCheck %s --check-prefix=PROFILE
// RUN: %clang_tidy --load=%plugin \
// RUN:   --checks='-*,threads-joinable-at-exit,threads-invalid-join,threads-prefer-jthread' \
// RUN:   %s -- -std=c++20 2>&1 | %FileCheck %s --check-prefix=QUIET

#include <thread>

void work();
bool c();
void g();
void h();

#define P1 if (c()) g(); else h();
#define P2 P1 P1
#define P4 P2 P2
#define P8 P4 P4
#define P16 P8 P8
#define P32 P16 P16
#define P64 P32 P32
#define P128 P64 P64
#define P256 P128 P128
#define P512 P256 P256
#define P1024 P512 P512
#define P2048 P1024 P1024
#define P4096 P2048 P2048
#define P8192 P4096 P4096

void generated(bool fail) {
  std::thread t(work);
  P8192
  if (fail)
    return;
  t.join();
}
// PROFILE-DAG: threads-lifetime-analysis-limits.cpp:[[@LINE-7]]:6: threads-joinable-at-exit: 'generated' was not analysed: its CFG has {{[0-9]+}} blocks (limit 20000)
// PROFILE-DAG: threads-lifetime-analysis-limits.cpp:[[@LINE-8]]:6: threads-invalid-join: 'generated' was not analysed: its CFG has {{[0-9]+}} blocks (limit 20000)
// PROFILE-DAG: threads-lifetime-analysis-limits.cpp:[[@LINE-9]]:6: threads-prefer-jthread: 'generated' was not analysed: its CFG has {{[0-9]+}} blocks (limit 20000)
// QUIET-NOT: was not analysed
// QUIET: {{warnings? generated}}
