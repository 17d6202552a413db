// RUN: %check_threads %s threads-unchecked-future %t \
// RUN:   --config="{CheckOptions: {threads-unchecked-future.FutureTypes: '::std::future;::lib::Future'}}" \
// RUN:   -- -std=c++17 -fexceptions

// A library future built from a standard future (taskflow's tf::Future)
// carries what that future carries.

#include <future>
#include <stdexcept>
#include <thread>

namespace lib {
template <typename T> class Future {
public:
  Future() = default;
  Future(std::future<T> &&Inner) : Inner(std::move(Inner)) {}
  bool valid() const { return Inner.valid(); }
  void wait() const { Inner.wait(); }
  T get() { return Inner.get(); }

private:
  std::future<T> Inner;
};
} // namespace lib

int compute(int);

// --- flagged --------------------------------------------------------------

// The promise may hold an exception: losing the wrapper loses it.
void wrapped_promise_with_exception() {
  std::promise<int> promise;
  lib::Future<int> result(promise.get_future());
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: future 'result' is never retrieved with get(); an exception thrown by its task is lost silently [threads-unchecked-future]
  std::thread producer([&promise] {
    try {
      promise.set_value(compute(1));
    } catch (...) {
      promise.set_exception(std::current_exception());
    }
  });
  producer.join();
  result.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: waiting does not rethrow the task's exception; get() does
}

// --- not flagged ----------------------------------------------------------

// A promise only ever set_value()-d: its wrapped future has nothing to lose.
void wrapped_promise_only_set_value() {
  std::promise<void> done;
  done.set_value();
  lib::Future<void> signal(done.get_future());
  signal.wait();
}
