// A function whose CFG is too large for the lifetime dataflow is skipped
// (a bounded cost), but never silently: with --enable-check-profile every
// check built on the dataflow says which function it did not analyse.
//
// RUN: %clang_tidy --load=%plugin --enable-check-profile \
// RUN:   --checks='-*,threads-joinable-at-exit,threads-invalid-join,threads-prefer-jthread' \
// RUN:   %s -- -std=c++20 -I %S/Inputs 2>&1 | %FileCheck %s --check-prefix=PROFILE
// RUN: %clang_tidy --load=%plugin \
// RUN:   --checks='-*,threads-joinable-at-exit,threads-invalid-join,threads-prefer-jthread' \
// RUN:   %s -- -std=c++20 -I %S/Inputs 2>&1 | %FileCheck %s --check-prefix=QUIET

#include <thread>

void work();

#include "branch_ladder.h"

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
