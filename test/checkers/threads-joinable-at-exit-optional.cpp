// RUN: %check_threads %s threads-joinable-at-exit %t -- -std=c++17 -fexceptions
// Paths that skip the join of a thread held in a std::optional.

#include <optional>
#include <stdexcept>
#include <thread>
#include <utility>

void work();
bool ready();
int parse(int x) {
  if (x < 0)
    throw std::invalid_argument("negative");
  return x;
}

// --- flagged --------------------------------------------------------------

int early_return(bool fail) {
  std::optional<std::thread> o;
  o.emplace(work);
  if (fail)
    return 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: thread owned by 'o' is still joinable when this 'return' leaves its scope; its destructor will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-5]]:30: note: owner 'o' declared here
  o->join();
  return 0;
}

void joined_on_some_paths(bool wait) {
  std::optional<std::thread> o = std::thread(work);
  if (wait)
    o.value().join();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: thread owned by 'o' may still be joinable at the end of its scope; its destructor will call std::terminate [threads-joinable-at-exit]
// CHECK-MESSAGES: :[[@LINE-5]]:30: note: owner 'o' declared here

void throws_before_join(int x) {
  std::optional<std::thread> o(std::in_place, work);
  parse(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread owned by 'o' is still joinable if 'parse' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-29]]:5: note: 'std::invalid_argument' is thrown here
  // CHECK-MESSAGES: :[[@LINE-4]]:30: note: owner 'o' declared here
  (*o).join();
}

void assigned_over_running() {
  std::optional<std::thread> o;
  o = std::thread(work);
  o = std::thread(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread owned by 'o' is still joinable when it is move-assigned here; the assignment will call std::terminate [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-4]]:30: note: owner 'o' declared here
  o->join();
}

// reset() destroys a running thread; it is reported at the end of the scope.
void reset_instead_of_join(bool stop) {
  std::optional<std::thread> o;
  o.emplace(work);
  if (stop)
    o.reset();
  else
    o->join();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: thread owned by 'o' may still be joinable at the end of its scope; its destructor will call std::terminate [threads-joinable-at-exit]
// CHECK-MESSAGES: :[[@LINE-8]]:30: note: owner 'o' declared here

// A constructor that starts an optional member and then throws.
class Service {
public:
  explicit Service(int x) {
    worker_.emplace(work);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: member thread owned by 'worker_' started in the constructor of 'Service' is still joinable if 'parse' throws later in it; the destructor of 'Service' does not run and std::terminate is called [threads-joinable-at-exit]
    // CHECK-MESSAGES: :[[@LINE+3]]:14: note: call to 'parse' may throw 'std::invalid_argument'
    // CHECK-MESSAGES: :[[@LINE-62]]:5: note: 'std::invalid_argument' is thrown here
    // CHECK-MESSAGES: :[[@LINE+9]]:30: note: member 'worker_' declared here
    limit_ = parse(x);
  }
  ~Service() {
    if (worker_ && worker_->joinable())
      worker_->join();
  }

private:
  std::optional<std::thread> worker_;
  int limit_ = 0;
};

// --- not flagged ----------------------------------------------------------

void guarded_join() {
  std::optional<std::thread> o;
  if (ready())
    o.emplace(work);
  if (o && o->joinable())
    o->join();
}

void held_test_join() {
  std::optional<std::thread> o;
  if (ready())
    o = std::thread(work);
  if (o.has_value())
    o->join();
}

int return_before_start(bool fail) {
  std::optional<std::thread> o;
  if (fail)
    return 1;
  o.emplace(work);
  o->join();
  return 0;
}

void handed_over(std::optional<std::thread> &out) {
  std::optional<std::thread> o;
  o.emplace(work);
  out = std::move(o);
}
