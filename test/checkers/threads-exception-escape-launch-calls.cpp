// RUN: %check_threads %s threads-exception-escape %t -- -std=c++17 -fexceptions
// The calls that launch a thread are told from others by their callee's
// identifier first (LaunchCalls.h); a look-alike of another namespace or
// class is no launch.

#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

void load() { throw std::runtime_error("load failed"); }

// The real ones.
void launches() {
  auto owned = std::make_shared<std::thread>([] { load(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: exception 'std::runtime_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:51: note: call to 'load' may throw 'std::runtime_error'
  // CHECK-MESSAGES: :[[@LINE-7]]:15: note: 'std::runtime_error' is thrown here
  owned->join();
  std::vector<std::thread> workers;
  workers.emplace_back([] { load(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: exception 'std::runtime_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:29: note: call to 'load' may throw 'std::runtime_error'
  // CHECK-MESSAGES: :[[@LINE-13]]:15: note: 'std::runtime_error' is thrown here
  workers.back().join();
}

// Must NOT warn: a make_unique of another namespace runs nothing.
namespace pool {
template <typename T, typename F> std::unique_ptr<T> make_unique(F) {
  return nullptr;
}
} // namespace pool

void notStdMakeUnique() {
  auto task = pool::make_unique<std::thread>([] { load(); });
}

// Must NOT warn: create() of a class that is not QThread, create_thread()
// of a thread_group that is not Boost's.
struct Factory {
  template <typename F> static void *create(F) { return nullptr; }
};
struct thread_group {
  template <typename F> void create_thread(F) {}
};

void lookAlikes() {
  Factory::create([] { load(); });
  thread_group group;
  group.create_thread([] { load(); });
}

// Must NOT warn: emplace_back into a container of callables, not of threads.
void notThreadContainer() {
  std::vector<void (*)()> callbacks;
  callbacks.emplace_back(load);
}
