// RUN: %check_threads %s threads-joinable-at-exit %t -- -std=c++20 -fexceptions

// threads-joinable-at-exit asks the same question as
// threads-exception-escape: a known thrower that a guard rules out cannot
// leave the scope with an exception. A thread that cannot start does not
// count here.

#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <thread>

void work();
void use(int);

int lookup(const std::map<int, int> &table, int key) {
  if (!table.count(key))
    return 0;
  return table.at(key);
}

void start_worker() {
  std::thread worker(work);
  worker.detach();
}

// --- flagged --------------------------------------------------------------

void unguarded(const std::map<int, int> &table, int key) {
  std::thread t(work);
  use(table.at(key));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'at' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:13: note: call to 'std::map::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: thread 't' declared here
  t.join();
}

void pattern_from_data(const std::string &pattern) {
  std::thread t(work);
  std::regex compiled(pattern);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: thread 't' is still joinable if the constructor of 'std::regex' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:14: note: call to 'std::basic_regex::basic_regex' may throw 'std::regex_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: thread 't' declared here
  t.join();
}

void file_may_be_unreadable(const std::filesystem::path &file) {
  std::thread t(work);
  use(std::filesystem::exists(file));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'exists' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::exists' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: thread 't' declared here
  t.join();
}

// --- must not warn --------------------------------------------------------

void guarded(const std::map<int, int> &table, int key,
             std::optional<int> limit) {
  std::thread t(work);
  if (table.count(key))
    use(table.at(key));
  use(lookup(table, key));
  if (limit)
    use(limit.value());
  t.join();
}

void safe_forms(const std::filesystem::path &file) {
  std::thread t(work);
  std::regex fixed("[a-z]+");
  std::error_code ec;
  use(std::filesystem::exists(file, ec));
  t.join();
}

// Starting a second thread while one runs: a thread that cannot start is
// threads-exception-escape's finding (inside a thread), not a path here.
void two_threads() {
  std::thread a(work);
  std::thread b(work);
  a.join();
  b.join();
}

void thread_and_jthread() {
  std::thread a(work);
  std::jthread b(work);
  a.join();
}

void starts_another_thread() {
  std::thread a(work);
  start_worker();
  a.join();
}
