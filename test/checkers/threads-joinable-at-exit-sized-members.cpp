// RUN: %check_threads %s threads-joinable-at-exit %t -- -std=c++20 -fexceptions

// threads-joinable-at-exit asks threads-exception-escape's question: a
// `queues_.at(n % count_)` on queues the class keeps at `count_` cannot
// throw while a thread runs; on queues that a member function resizes it
// can.

#include <thread>
#include <vector>

void work();
void use(int);

// --- clean ----------------------------------------------------------------

class Pool {
public:
  Pool(int count) : count_(count), queues_(count_) {}
  ~Pool() {}
  void drain() {
    std::thread t(work);
    for (int n = 0; n < count_ * 2; ++n)
      use(queues_.at(n % count_));
    t.join();
  }

private:
  int count_;
  std::vector<int> queues_;
};

// --- flagged --------------------------------------------------------------

class ResizedPool {
public:
  ResizedPool(int count) : count_(count), queues_(count_) {}
  ~ResizedPool() {}
  void shrink() { queues_.pop_back(); }
  void drain() {
    std::thread t(work);
    for (int n = 0; n < count_ * 2; ++n)
      use(queues_.at(n % count_));
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: thread 't' is still joinable if 'at' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
    // CHECK-MESSAGES: :[[@LINE-2]]:19: note: call to 'std::vector::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    // CHECK-MESSAGES: :[[@LINE-5]]:17: note: thread 't' declared here
    t.join();
  }

private:
  int count_;
  std::vector<int> queues_;
};
