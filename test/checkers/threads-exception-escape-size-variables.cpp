// RUN: %check_threads %s threads-exception-escape %t -- -std=c++20 -fexceptions

// A bound kept in a local initialized from `size()` (`n = s.size()`, then
// `i < n`) guards like `i < s.size()` while the local and the string keep
// their values; a signed index must count up from a non-negative literal.

#include <cstddef>
#include <string>
#include <thread>
#include <vector>

void use(int);
void use_text(const std::string &);

// --- clean ----------------------------------------------------------------

// Tokenizer loops over int indices bounded by the string's size.
std::vector<std::string> split_all(const std::string &word) {
  std::vector<std::string> parts;
  int i = 0;
  int n = word.size();
  while (i < n) {
    int j = n;
    while (j > i) {
      parts.push_back(word.substr(i, j - i));
      --j;
    }
    ++i;
  }
  return parts;
}

void int_bound(const std::string &word) {
  std::thread t([&] { split_all(word); });
  t.join();
}

void size_t_bound(std::string text) {
  std::thread t([text] {
    std::size_t n = text.size();
    for (std::size_t i = 0; i < n; ++i)
      use_text(text.substr(i, 1));
  });
  t.join();
}

void cast_bound(std::vector<int> v) {
  std::thread t([v] {
    const int n = static_cast<int>(v.size());
    for (int i = 0; i < n; i += 1)
      use(v.at(i));
  });
  t.join();
}

// --- flagged --------------------------------------------------------------

// The string changes after its size was read: n is stale.
void string_changed_after_read(std::string text) {
  std::thread t([text]() mutable {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+4]]:21: note: call to 'std::basic_string::substr' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    std::size_t n = text.size();
    text.clear();
    for (std::size_t i = 0; i < n; ++i)
      use_text(text.substr(i, 1));
  });
  t.join();
}

// The bound is changed after it was initialized.
void bound_changed(std::string text) {
  std::thread t([text] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+4]]:21: note: call to 'std::basic_string::substr' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    std::size_t n = text.size();
    n += 2;
    for (std::size_t i = 0; i < n; ++i)
      use_text(text.substr(i, 1));
  });
  t.join();
}

// The size of another string.
void bound_of_another_string(std::string text, std::string other) {
  std::thread t([text, other] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+3]]:21: note: call to 'std::basic_string::substr' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    std::size_t n = other.size();
    for (std::size_t i = 0; i < n; ++i)
      use_text(text.substr(i, 1));
  });
  t.join();
}

// A signed index that can be negative passes `i < n`.
void signed_index_from_outside(std::string text, int start) {
  std::thread t([text, start] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+3]]:21: note: call to 'std::basic_string::substr' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    int n = text.size();
    for (int i = start; i < n; ++i)
      use_text(text.substr(i, 1));
  });
  t.join();
}

void signed_index_counting_down(std::string text) {
  std::thread t([text] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+3]]:21: note: call to 'std::basic_string::substr' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    int n = text.size();
    for (int i = 0; i < n; --i)
      use_text(text.substr(i, 1));
  });
  t.join();
}

// Compared unsigned, a negative int bound would become huge.
void unsigned_index_signed_bound(std::string text) {
  std::thread t([text] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+3]]:21: note: call to 'std::basic_string::substr' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    int n = text.size();
    for (std::size_t i = 0; i < n; ++i)
      use_text(text.substr(i, 1));
  });
  t.join();
}

// --- clean: the bound declared with the index -------------------------------

void bound_in_for_init(std::vector<int> v) {
  std::thread t([v] {
    for (std::size_t i = 0, n = v.size(); i < n; ++i)
      use(v.at(i));
  });
  t.join();
}
