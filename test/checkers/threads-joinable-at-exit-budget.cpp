// RUN: %check_threads %s threads-joinable-at-exit %t -- -std=c++17 -I %S/Inputs

// The lifetime dataflow bounds its work by the height of its state: every
// block is queued once when first reached and once more per possibility
// (never started, joinable, ended, moved from, handed over) a thread's state
// can gain there. A budget that assumed two possibilities per thread ran out
// on this function and dropped every finding in it without a word.
//
// Why it is costly: each case of the switch gives one thread one new
// possibility, and the cases' lengths all differ, so the block after the
// switch learns them one at a time, and each time the long tail after it
// is walked again. (The joins of threads that may never have started are
// threads-invalid-join's business, not run here.)

#include <thread>
#include <utility>

void work();
void sink(std::thread);
void keep(std::thread &);

#include "branch_ladder.h"

void many_threads_many_blocks(int k) {
  std::thread last(work);
  std::thread t0;
  std::thread t1;
  std::thread t2;
  std::thread t3;
  switch (k) {
  case 1: P1 t0 = std::thread(work); break;
  case 2: P2 t1 = std::thread(work); break;
  case 3: P1 P2 t2 = std::thread(work); break;
  case 4: P4 t3 = std::thread(work); break;
  case 5: P1 P4 t0.join(); break;
  case 6: P2 P4 t1.join(); break;
  case 7: P1 P2 P4 t2.join(); break;
  case 8: P8 t3.join(); break;
  case 9: P1 P8 sink(std::move(t0)); break;
  case 10: P2 P8 sink(std::move(t1)); break;
  case 11: P1 P2 P8 sink(std::move(t2)); break;
  case 12: P4 P8 sink(std::move(t3)); break;
  case 13: P1 P4 P8 keep(t0); break;
  case 14: P2 P4 P8 keep(t1); break;
  case 15: P1 P2 P4 P8 keep(t2); break;
  case 16: P16 keep(t3); break;
  }
  P4 P8 P16 P64 P128 P256 P1024
  if (t0.joinable()) t0.join();
  if (t1.joinable()) t1.join();
  if (t2.joinable()) t2.join();
  if (t3.joinable()) t3.join();
  if (c())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: thread 'last' is still joinable when this 'return' leaves its scope; its destructor will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-31]]:15: note: thread 'last' declared here
  last.join();
}
