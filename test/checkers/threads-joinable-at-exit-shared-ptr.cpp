// RUN: %check_threads %s threads-joinable-at-exit %t -- -std=c++17 -fexceptions
// A std::shared_ptr member that nothing copies is the thread's only owner:
// a constructor that starts it and then throws destroys it joinable. Locals
// are not followed along paths (as unique_ptr locals are not).

#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

void work();
bool ready();
int parse(int x) {
  if (x < 0)
    throw std::invalid_argument("negative");
  return x;
}
void track(std::shared_ptr<std::thread> t);

// --- flagged --------------------------------------------------------------

class Service {
public:
  explicit Service(int x) : worker_(std::make_shared<std::thread>(work)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: member thread owned by 'worker_' started in the constructor of 'Service' is still joinable if 'parse' throws later in it; the destructor of 'Service' does not run and std::terminate is called [threads-joinable-at-exit]
    // CHECK-MESSAGES: :[[@LINE+3]]:14: note: call to 'parse' may throw 'std::invalid_argument'
    // CHECK-MESSAGES: :[[@LINE-12]]:5: note: 'std::invalid_argument' is thrown here
    // CHECK-MESSAGES: :[[@LINE+9]]:32: note: member 'worker_' declared here
    limit_ = parse(x);
  }
  ~Service() {
    if (worker_ && worker_->joinable())
      worker_->join();
  }

private:
  std::shared_ptr<std::thread> worker_;
  int limit_ = 0;
};

// --- not flagged ----------------------------------------------------------

// A copy went to a registry before the throw: it may be joined there.
class Registered {
public:
  explicit Registered(int x) {
    worker_.reset(new std::thread(work));
    track(worker_);
    limit_ = parse(x);
  }
  ~Registered() {
    if (worker_ && worker_->joinable())
      worker_->join();
  }

private:
  std::shared_ptr<std::thread> worker_;
  int limit_ = 0;
};

int local_early_return(bool fail) {
  auto p = std::make_shared<std::thread>(work);
  if (fail)
    return 1;
  p->join();
  return 0;
}
