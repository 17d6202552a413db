// RUN: %check_threads %s threads-exception-escape %t -- -std=c++20 -fexceptions

// A substr/at/replace whose position is computed from a size() of the same
// string (or of the same argument-less getter on the same object) is
// assumed in range: the programmer reasoned about the length. A position
// from anything else stays reported.

#include <cstddef>
#include <string>
#include <thread>

void use_text(const std::string &);
void use_char(char);

struct Log {
  std::string sink;
  std::string contents() { return sink; }
  std::string other() { return sink; }
  void encode(const std::string &msg) { sink += "header:" + msg; }
};

// --- clean ----------------------------------------------------------------

// rocksdb's log tests: the size before a record was appended.
void tail_of_log(Log &log, std::string *part) {
  std::thread writer([&] {
    std::size_t old_size = log.contents().size();
    log.encode("foo");
    *part = log.contents().substr(old_size, 3);
    std::size_t delta = 2;
    *part += log.contents().substr(old_size + delta, 1);
  });
  writer.join();
}

// The same, in a test fixture whose getter is called on `this`.
class LogTest : public Log {
public:
  void tail(std::string *part) {
    std::thread writer([&] {
      std::size_t old_size = contents().size();
      encode("foo");
      *part = contents().substr(old_size, 3);
    });
    writer.join();
  }
};

void suffix_and_last(std::string text, std::size_t k) {
  std::thread t([text, k] {
    use_text(text.substr(text.size() - k));
    use_char(text.at(text.length() - 1));
  });
  t.join();
}

// --- flagged --------------------------------------------------------------

// A position unrelated to the string.
void unrelated_position(std::string text, std::size_t i) {
  std::thread t([text, i] { use_text(text.substr(i)); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:43: note: call to 'std::basic_string::substr' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
  t.join();
}

// The size of another string, or of another getter.
void size_of_something_else(Log &log, std::string text, std::string other) {
  std::thread t([text, other] { use_text(text.substr(other.size() - 1)); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:47: note: call to 'std::basic_string::substr' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
  t.join();
  std::thread u([&log] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+2]]:29: note: call to 'std::basic_string::substr' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    std::size_t old_size = log.other().size();
    use_text(log.contents().substr(old_size));
  });
  u.join();
}

// at(size()) is past the end on every run: an off-by-one.
void at_size(std::string text) {
  std::thread t([text] { use_char(text.at(text.size())); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:40: note: call to 'std::basic_string::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
  t.join();
}
