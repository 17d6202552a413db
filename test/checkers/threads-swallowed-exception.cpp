// RUN: %check_threads %s threads-swallowed-exception %t -- -std=c++20 -fexceptions
// RUN: %check_threads --check-suffixes=RUNTIME %s threads-swallowed-exception %t \
// RUN:   --config="{CheckOptions: {threads-swallowed-exception.BroadExceptionTypes: '::std::exception;::std::runtime_error'}}" \
// RUN:   -- -std=c++20 -fexceptions
// RUN: %clang_tidy --load=%plugin --checks=-*,threads-swallowed-exception --dump-config %s -- -std=c++20 \
// RUN:   | %FileCheck %s --check-prefix=DUMP
// DUMP-DAG: threads-swallowed-exception.BroadExceptionTypes: '::std::exception'
// DUMP-DAG: threads-swallowed-exception.ThreadTypes: '::std::thread;::std::jthread'

#include <atomic>
#include <exception>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

void work();
void log_error(const char *);
void report(std::exception_ptr);

// --- flagged --------------------------------------------------------------

void catch_all_in_lambda() {
  std::thread t([] {
    try {
      work();
    } catch (...) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'catch (...)' in the thread's entry lambda swallows the exception silently; the thread's failure is lost [threads-swallowed-exception]
    // CHECK-MESSAGES: :[[@LINE-5]]:17: note: thread started here
    }
  });
  t.join();
}

void handle_requests() {
  try {
    work();
  } catch (const std::exception &) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handler for 'std::exception' in the thread entry function 'handle_requests' swallows the exception silently; the thread's failure is lost [threads-swallowed-exception]
  // CHECK-MESSAGES: :[[@LINE+4]]:17: note: thread started here
  }
}
void named_entry_function() {
  std::thread t(handle_requests);
  t.join();
}

void unused_exception_object() {
  std::thread t([] {
    try {
      work();
    } catch (std::exception &error) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: handler for 'std::exception' in the thread's entry lambda swallows the exception silently; the thread's failure is lost [threads-swallowed-exception]
    // CHECK-MESSAGES: :[[@LINE-5]]:17: note: thread started here
    }
  });
  t.detach();
}

// The thread's return value is discarded: returning an error code from the
// entry function reports nothing.
int poll_once() {
  try {
    work();
  } catch (...) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'catch (...)' in the thread entry function 'poll_once' swallows the exception silently; the thread's failure is lost [threads-swallowed-exception]
  // CHECK-MESSAGES: :[[@LINE+6]]:17: note: thread started here
    return -1;
  }
  return 0;
}
void return_code_from_entry() {
  std::thread t(poll_once);
  t.join();
}

// A worker loop that keeps going and forgets every failure.
void worker_loop(std::atomic<bool> &running) {
  std::thread t([&running] {
    while (running) {
      try {
        work();
      } catch (...) {
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'catch (...)' in the thread's entry lambda swallows the exception silently; the thread's failure is lost [threads-swallowed-exception]
      // CHECK-MESSAGES: :[[@LINE-6]]:17: note: thread started here
        continue;
      }
    }
  });
  t.join();
}

// In a function the entry function calls directly.
void process_one() {
  try {
    work();
  } catch (...) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'catch (...)' in 'process_one' (called from the thread's entry lambda) swallows the exception silently; the thread's failure is lost [threads-swallowed-exception]
  // CHECK-MESSAGES: :[[@LINE+4]]:17: note: thread started here
  }
}
void direct_callee() {
  std::thread t([] {
    for (int i = 0; i < 10; ++i)
      process_one();
  });
  t.join();
}

class Poller {
public:
  void start() { thread_ = std::thread(&Poller::run, this); }
  void stop() { thread_.join(); }

private:
  void run() {
    try {
      work();
    } catch (...) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'catch (...)' in the thread entry function 'Poller::run' swallows the exception silently; the thread's failure is lost [threads-swallowed-exception]
    // CHECK-MESSAGES: :[[@LINE-9]]:40: note: thread started here
    }
  }
  std::thread thread_;
};

void pool() {
  std::vector<std::jthread> workers;
  for (int i = 0; i < 4; ++i)
    workers.emplace_back([] {
      try {
        work();
      } catch (const std::runtime_error &) {
      // CHECK-MESSAGES-RUNTIME: :[[@LINE-1]]:9: warning: handler for 'std::runtime_error' in the thread's entry lambda swallows the exception silently; the thread's failure is lost [threads-swallowed-exception]
      // CHECK-MESSAGES-RUNTIME: :[[@LINE-5]]:26: note: thread started here
      }
    });
}

// --- must not warn --------------------------------------------------------

void logs_the_exception() {
  std::thread t([] {
    try {
      work();
    } catch (const std::exception &e) {
      log_error(e.what());
    }
  });
  t.join();
}

void logs_anything() {
  std::thread t([] {
    try {
      work();
    } catch (...) {
      log_error("worker failed");
    }
  });
  t.join();
}

void hands_it_over(std::exception_ptr &error) {
  std::thread t([&error] {
    try {
      work();
    } catch (...) {
      error = std::current_exception();
    }
  });
  t.join();
}

void sets_a_flag(bool &failed) {
  std::thread t([&failed] {
    try {
      work();
    } catch (...) {
      failed = true;
    }
  });
  t.join();
}

void counts(std::atomic<int> &failures) {
  std::thread t([&failures] {
    try {
      work();
    } catch (...) {
      ++failures;
    }
  });
  t.join();
}

void rethrows() {
  std::thread t([] {
    try {
      work();
    } catch (...) {
      throw;
    }
  });
  t.join();
}

void promise_gets_it(std::promise<void> &done) {
  std::thread t([&done] {
    try {
      work();
      done.set_value();
    } catch (...) {
      done.set_exception(std::current_exception());
    }
  });
  t.join();
}

void narrow_handler() {
  std::thread t([] {
    try {
      work();
    } catch (const std::out_of_range &) {
    }
  });
  t.join();
}

// A callee that returns a value its caller can check reports the failure.
bool try_once() {
  try {
    work();
    return true;
  } catch (...) {
    return false;
  }
}
void checked_result() {
  std::thread t([] {
    while (!try_once()) {
    }
  });
  t.join();
}

// Not run by a thread: other checks' business.
void not_a_thread_body() {
  try {
    work();
  } catch (...) {
  }
}

// A lambda created in the thread body may run anywhere.
void nested_lambda(std::vector<void (*)()> &queue) {
  std::thread t([&queue] {
    auto task = [] {
      try {
        work();
      } catch (...) {
      }
    };
    (void)task;
  });
  t.join();
}

// A handler that reports through a macro reports; templates are analysed in
// their instantiations, which here report too.
#define REPORT(message) log_error(message)
template <typename F> void run_logged(F f) {
  std::thread t([f] {
    try {
      f();
    } catch (...) {
      REPORT("task failed");
    }
  });
  t.join();
}
void instantiate() { run_logged(work); }

// A packaged_task keeps its task's exception for its future: a try block
// that only invokes one swallows nothing of the thread's work.
void packaged_task_only(std::packaged_task<void()> &task) {
  std::thread t([&task] {
    try {
      task();
    } catch (...) {
    }
  });
  t.join();
}

// Anything else in the try block that may throw is still lost.
void packaged_task_and_work(std::packaged_task<void()> &task) {
  std::thread t([&task] {
    try {
      task();
      work();
    } catch (...) {
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'catch (...)' in the thread's entry lambda swallows the exception silently; the thread's failure is lost [threads-swallowed-exception]
      // CHECK-MESSAGES: :[[@LINE-6]]:17: note: thread started here
    }
  });
  t.join();
}
