// Options of threads-exception-escape, in a translation unit without standard
// headers: the exception types of KnownThrowingFunctions are then only known
// by name, and handlers still match them through the standard hierarchy.
// RUN: %check_threads --check-suffixes=DEFAULT %s threads-exception-escape %t -- -std=c++17 -fexceptions
// RUN: %check_threads --check-suffixes=IGNORE %s threads-exception-escape %t \
// RUN:   --config="{CheckOptions: {threads-exception-escape.IgnoredExceptions: '::std::invalid_argument;::std::bad_alloc'}}" \
// RUN:   -- -std=c++17 -fexceptions
// RUN: %check_threads --check-suffixes=KNOWN %s threads-exception-escape %t \
// RUN:   --config="{CheckOptions: {threads-exception-escape.KnownThrowingFunctions: '::net::fetch=::net::timeout_error;::net::connect'}}" \
// RUN:   -- -std=c++17 -fexceptions
// A global option applies to every check that reads it.
// RUN: %check_threads --check-suffixes=KNOWN %s threads-exception-escape %t \
// RUN:   --config="{CheckOptions: {KnownThrowingFunctions: '::net::fetch=::net::timeout_error;::net::connect'}}" \
// RUN:   -- -std=c++17 -fexceptions
// RUN: %check_threads --check-suffixes=TYPES %s threads-exception-escape %t \
// RUN:   --config="{CheckOptions: {threads-exception-escape.ThreadTypes: '::app::worker_thread'}}" \
// RUN:   -- -std=c++17 -fexceptions
// RUN: %clang_tidy --load=%plugin --checks=-*,threads-exception-escape --dump-config %s -- -std=c++17 \
// RUN:   | %FileCheck %s --check-prefix=DUMP
// DUMP-DAG: threads-exception-escape.ThreadTypes: '::std::thread;::std::jthread'
// DUMP-DAG: threads-exception-escape.ReportThreadStartFailures: 'false'
// DUMP-DAG: threads-exception-escape.IgnoredExceptions: '::std::bad_alloc'
// DUMP-DAG: threads-exception-escape.KnownThrowingFunctions: '::std::stoi=::std::invalid_argument|::std::out_of_range;

namespace std {
class exception {
public:
  virtual ~exception();
};
int stoi(const char *text);
class thread {
public:
  template <typename F> explicit thread(F f) {}
  ~thread();
  void join();
};
} // namespace std

namespace net {
int fetch(const char *url);
void connect(const char *host);
} // namespace net

namespace app {
class worker_thread {
public:
  template <typename F> explicit worker_thread(F f) {}
  ~worker_thread();
  void join();
};
} // namespace app

void consume(int);

void parse_numbers() {
  std::thread t([] { consume(std::stoi("12")); });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:17: warning: exception 'std::invalid_argument' may escape the thread's entry lambda and call std::terminate; 1 more exception type may escape too [threads-exception-escape]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:30: note: call to 'std::stoi' may throw 'std::invalid_argument' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES-IGNORE: :[[@LINE-3]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES-IGNORE: :[[@LINE-4]]:30: note: call to 'std::stoi' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
  t.join();
}

void caught_through_the_standard_hierarchy() {
  std::thread t([] {
    try {
      consume(std::stoi("12"));
    } catch (const std::exception &) {
    }
  });
  t.join();
}

void download() {
  std::thread t([] { consume(net::fetch("https://example.org")); });
  // CHECK-MESSAGES-KNOWN: :[[@LINE-1]]:17: warning: exception 'net::timeout_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES-KNOWN: :[[@LINE-2]]:30: note: call to 'net::fetch' may throw 'net::timeout_error' (listed in KnownThrowingFunctions)
  t.join();
}

void handshake() {
  std::thread t([] {
    try {
      net::connect("example.org");
    } catch (const std::exception &) {
    }
  });
  t.join();
}

void untyped_entry_is_a_std_exception() {
  std::thread t([] { net::connect("example.org"); });
  // CHECK-MESSAGES-KNOWN: :[[@LINE-1]]:17: warning: exception 'std::exception' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES-KNOWN: :[[@LINE-2]]:22: note: call to 'net::connect' may throw 'std::exception' (listed in KnownThrowingFunctions)
  t.join();
}

void unknown_type_caught_by_catch_all() {
  std::thread t([] {
    try {
      consume(net::fetch("https://example.org"));
    } catch (...) {
    }
  });
  t.join();
}

void custom_thread_type() {
  app::worker_thread t([] { consume(std::stoi("12")); });
  // CHECK-MESSAGES-TYPES: :[[@LINE-1]]:24: warning: exception 'std::invalid_argument' may escape the thread's entry lambda and call std::terminate; 1 more exception type may escape too [threads-exception-escape]
  // CHECK-MESSAGES-TYPES: :[[@LINE-2]]:37: note: call to 'std::stoi' may throw 'std::invalid_argument' (listed in KnownThrowingFunctions)
  t.join();
}
