// RUN: %check_threads %s threads-exception-escape %t -- -std=c++20 -fexceptions

// The standard library's throwing calls in the default
// KnownThrowingFunctions: each is reported where it can throw, and its safe
// form is not.

#include <any>
#include <bitset>
#include <filesystem>
#include <regex>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <variant>
#include <vector>

void use(int);
void use_text(const std::string &);
void use_view(std::string_view);
void work();

// --- std::basic_regex: a pattern from data ---------------------------------

void regex_from_data(std::string pattern) {
  std::thread t([pattern] { std::regex compiled(pattern); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::regex_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:40: note: call to 'std::basic_regex::basic_regex' may throw 'std::regex_error' (listed in KnownThrowingFunctions)
  t.join();
}

void regex_assigned_from_data(std::string pattern) {
  std::thread t([pattern] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::regex_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+2]]:14: note: call to 'std::basic_regex::assign' may throw 'std::regex_error' (listed in KnownThrowingFunctions)
    std::regex compiled;
    compiled.assign(pattern, std::regex::icase);
  });
  t.join();
}

void regex_pattern_changed(std::string suffix) {
  std::thread t([suffix] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::regex_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+3]]:16: note: call to 'std::basic_regex::basic_regex' may throw 'std::regex_error' (listed in KnownThrowingFunctions)
    std::string pattern = "[a-z]+";
    pattern += suffix;
    std::regex compiled(pattern);
  });
  t.join();
}

const char *const WordPattern = "[a-z]+";

// A fixed pattern fails on the first run that reaches it, in every test.
void regex_fixed() {
  std::thread t([] {
    std::regex literal("[0-9]+");
    std::regex constant(WordPattern);
    std::regex copy(literal);
    std::string local = "[a-z]+";
    std::regex from_local(local);
    copy.assign("[a-f]+");
    copy.assign(literal);
  });
  t.join();
}

// --- std::filesystem: the overloads without error_code ----------------------

void filesystem_throwing(std::filesystem::path dir) {
  std::thread t([dir] { std::filesystem::create_directories(dir); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::filesystem::filesystem_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:25: note: call to 'std::filesystem::create_directories' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  t.join();
  std::thread u([dir] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::filesystem::filesystem_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+1]]:30: note: call to 'std::filesystem::directory_iterator::directory_iterator' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
    for (const auto &entry : std::filesystem::directory_iterator(dir))
      use(entry.is_regular_file());
  });
  u.join();
  std::thread v([dir] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::filesystem::filesystem_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+3]]:15: note: call to 'std::filesystem::directory_entry::is_regular_file' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
    std::error_code ec;
    std::filesystem::directory_entry entry(dir, ec);
    use(entry.is_regular_file());
  });
  v.join();
  std::thread w([dir] { std::filesystem::directory_entry entry(dir); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::filesystem::filesystem_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:58: note: call to 'std::filesystem::directory_entry::directory_entry' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  w.join();
  std::thread x([dir] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::filesystem::filesystem_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+1]]:30: note: call to 'std::filesystem::recursive_directory_iterator::recursive_directory_iterator' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
    for (const auto &entry : std::filesystem::recursive_directory_iterator(dir))
      use(entry.is_regular_file());
  });
  x.join();
}

void filesystem_error_code(std::filesystem::path dir) {
  std::thread t([dir] {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (std::filesystem::exists(dir, ec))
      use(std::filesystem::remove_all(dir, ec));
    for (std::filesystem::directory_iterator it(dir, ec), end; it != end;
         it.increment(ec))
      use(it->is_regular_file(ec));
  });
  t.join();
}

// --- basic_string and basic_string_view positions ---------------------------

void string_positions(std::string text, std::size_t n) {
  std::thread t([text, n] { use_text(text.substr(n)); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:43: note: call to 'std::basic_string::substr' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
  t.join();
  std::thread u([text, n] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+2]]:10: note: call to 'std::basic_string::replace' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    std::string copy = text;
    copy.replace(n, 1, "x");
  });
  u.join();
  std::thread v([text, n] { use(text.at(n)); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:38: note: call to 'std::basic_string::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
  v.join();
  std::thread w([text, n] { use_view(std::string_view(text).substr(n)); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:61: note: call to 'std::basic_string_view::substr' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
  w.join();
  std::thread x([text] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+2]]:16: note: call to 'std::basic_string::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    if (text.size() >= 2)
      use(text.at(2));
  });
  x.join();
}

void string_positions_safe(std::string text, std::size_t n) {
  std::thread t([text, n] {
    use_text(text.substr());
    use_text(text.substr(0, n));
    use_text(text.substr(text.find('=') + 1));
    std::size_t colon = text.find(':');
    use_text(text.substr(0, colon));
    use_text(text.substr(colon + 1));
    if (colon != std::string::npos)
      use_text(text.substr(colon));
    if (n <= text.size())
      use_text(text.substr(n));
    if (n < text.size())
      use(text.at(n));
    std::string_view view = text;
    if (n <= view.size())
      use_view(view.substr(n));
    if (text.size() > 3)
      use(text.at(3) + text.at(text.size() - 4));
    std::string copy = text;
    if (copy.size() >= 2 && copy.front() == '[')
      copy = copy.substr(1, copy.size() - 2);
    copy.replace(0, 1, "x");
    copy.replace(copy.begin(), copy.end(), "y");
  });
  t.join();
}

// Positions kept in variables: the split loop, a suffix.
std::vector<std::string> split(const std::string &text, char separator) {
  std::vector<std::string> fields;
  std::size_t start = 0, end;
  while ((end = text.find(separator, start)) != std::string::npos) {
    fields.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  fields.push_back(text.substr(start));
  return fields;
}

char separator_found(const std::string &text) {
  std::size_t end;
  if ((end = text.find_first_of(",;")) != std::string::npos)
    return text.at(end);
  return 0;
}

std::string extension(const std::string &name) {
  if (name.size() >= 4)
    return name.substr(name.size() - 4);
  return name;
}

void string_positions_kept(std::string text) {
  std::thread t([text] {
    for (const std::string &field : split(text, separator_found(text)))
      use_text(extension(field));
  });
  t.join();
}

// A streaming parser: the buffer is cut after its lines are taken.
void buffered_lines(std::vector<std::string> chunks) {
  std::thread t([chunks] {
    std::string buffer;
    for (const std::string &chunk : chunks) {
      buffer.append(chunk);
      std::size_t line_start = 0, newline;
      while ((newline = buffer.find('\n', line_start)) != std::string::npos) {
        use_text(buffer.substr(line_start, newline - line_start));
        line_start = newline + 1;
      }
      buffer.erase(0, line_start);
    }
  });
  t.join();
}

// Cut while positions into it are still used.
void buffered_lines_cut_early(std::vector<std::string> chunks) {
  std::thread t([chunks] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+6]]:25: note: call to 'std::basic_string::substr' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    std::string buffer;
    for (const std::string &chunk : chunks) {
      buffer.append(chunk);
      std::size_t line_start = 0, newline;
      while ((newline = buffer.find('\n', line_start)) != std::string::npos) {
        use_text(buffer.substr(line_start, newline - line_start));
        line_start = newline + 1;
        buffer.erase(0, 1);
      }
    }
  });
  t.join();
}

// A position from another string; a string that shrinks after the search.
// (A suffix computed from the string's own size() is assumed in range:
// threads-exception-escape-size-positions.cpp.)
void string_positions_lost(std::string text, std::string other) {
  std::thread u([text, other] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+2]]:19: note: call to 'std::basic_string::substr' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    std::size_t colon = other.find(':');
    use_text(text.substr(colon + 1));
  });
  u.join();
  std::thread v([text]() mutable {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+3]]:19: note: call to 'std::basic_string::substr' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    std::size_t colon = text.find(':');
    text.clear();
    use_text(text.substr(colon + 1));
  });
  v.join();
}

// --- std::thread: a thread that cannot start --------------------------------

// Not reported by default: threads-exception-escape-thread-starts.cpp has
// ReportThreadStartFailures.
void thread_in_a_thread() {
  std::thread t([] {
    std::thread inner(work);
    inner.join();
  });
  t.join();
  std::thread u([] { std::jthread inner(work); });
  u.join();
}

void thread_start_handled() {
  std::thread t([] {
    try {
      std::thread inner(work);
      inner.join();
    } catch (const std::system_error &) {
      work();
    }
  });
  t.join();
}

// --- std::bitset::to_ulong / to_ullong --------------------------------------

void bitset_too_wide(std::bitset<100> bits) {
  std::thread t([bits] { use(static_cast<int>(bits.to_ulong())); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::overflow_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:52: note: call to 'std::bitset::to_ulong' may throw 'std::overflow_error' (listed in KnownThrowingFunctions)
  t.join();
  std::thread u([bits] { use(static_cast<int>(bits.to_ullong())); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::overflow_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:52: note: call to 'std::bitset::to_ullong' may throw 'std::overflow_error' (listed in KnownThrowingFunctions)
  u.join();
}

void bitset_fits(std::bitset<32> bits, std::bitset<64> wide) {
  std::thread t([bits, wide] {
    use(static_cast<int>(bits.to_ulong() + wide.to_ullong()));
  });
  t.join();
}

// --- std::any_cast ----------------------------------------------------------

void any_value(std::any value) {
  std::thread t([value] { use(std::any_cast<int>(value)); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::bad_any_cast' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:31: note: call to 'std::any_cast' may throw 'std::bad_any_cast' (listed in KnownThrowingFunctions)
  t.join();
}

void any_safe(std::any value) {
  std::thread t([value] {
    if (const int *number = std::any_cast<int>(&value))
      use(*number);
    if (value.type() == typeid(int))
      use(std::any_cast<const int &>(value));
  });
  t.join();
}

// --- std::get of a std::variant ----------------------------------------------

void variant_value(std::variant<int, std::string> value) {
  std::thread t([value] { use(std::get<int>(value)); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::bad_variant_access' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:31: note: call to 'std::get' may throw 'std::bad_variant_access' (listed in KnownThrowingFunctions)
  t.join();
  std::thread u([value] { use_text(std::get<1>(value)); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::bad_variant_access' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:36: note: call to 'std::get' may throw 'std::bad_variant_access' (listed in KnownThrowingFunctions)
  u.join();
}

void variant_safe(std::variant<int, std::string> value) {
  std::thread t([value] {
    if (std::holds_alternative<int>(value))
      use(std::get<int>(value));
    if (value.index() == 1)
      use_text(std::get<1>(value));
    if (const int *number = std::get_if<int>(&value))
      use(*number);
  });
  t.join();
}
