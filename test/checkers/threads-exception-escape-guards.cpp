// RUN: %check_threads %s threads-exception-escape %t -- -std=c++20 -fexceptions

// Known throwers that a guard in the same function rules out are not
// reported; value-dependent throws that are not guarded stay reported.

#include <cassert>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

void use(int);
void log_line(const char *);
void reset(std::optional<int> &);
int lookup_unguarded(const std::map<int, int> &m, int k) { return m.at(k); }

// --- flagged --------------------------------------------------------------

void unguarded(std::optional<int> opt) {
  std::thread t([opt] { use(opt.value()); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::bad_optional_access' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:33: note: call to 'std::optional::value' may throw 'std::bad_optional_access' (listed in KnownThrowingFunctions)
  t.join();
}

void guard_on_another_object(std::optional<int> a, std::optional<int> b) {
  std::thread t([a, b] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::bad_optional_access' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+2]]:13: note: call to 'std::optional::value' may throw 'std::bad_optional_access' (listed in KnownThrowingFunctions)
    if (a)
      use(b.value());
  });
  t.join();
}

void guard_on_another_key(std::map<int, int> m, int k, int j) {
  std::thread t([m, k, j] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+2]]:13: note: call to 'std::map::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    if (m.count(k))
      use(m.at(j));
  });
  t.join();
}

void erased_between(std::map<int, int> m, int k) {
  std::thread t([m, k]() mutable {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+4]]:11: note: call to 'std::map::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    if (!m.count(k))
      return;
    m.erase(k);
    use(m.at(k));
  });
  t.join();
}

void handed_out_by_reference(std::optional<int> opt) {
  std::thread t([opt]() mutable {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::bad_optional_access' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+4]]:13: note: call to 'std::optional::value' may throw 'std::bad_optional_access' (listed in KnownThrowingFunctions)
    if (!opt)
      return;
    reset(opt);
    use(opt.value());
  });
  t.join();
}

// Compared as int, a negative index passes the test and fails at().
void signed_comparison(std::vector<int> v, int i) {
  std::thread t([v, i] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+2]]:13: note: call to 'std::vector::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    if (i < static_cast<int>(v.size()))
      use(v.at(i));
  });
  t.join();
}

void shrunk_in_the_loop(std::vector<int> v) {
  std::thread t([v]() mutable {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+3]]:13: note: call to 'std::vector::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    for (std::size_t i = 0; i < v.size(); ++i) {
      v.pop_back();
      use(v.at(i));
    }
  });
  t.join();
}

// The erase runs before the next iteration's call, without a new test.
void erased_in_an_inner_loop(std::map<int, int> m, int k, int n) {
  std::thread t([m, k, n]() mutable {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+4]]:13: note: call to 'std::map::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    if (!m.count(k))
      return;
    for (int r = 0; r < n; ++r) {
      use(m.at(k));
      m.erase(k);
    }
  });
  t.join();
}

// `||` that is true says nothing about its left side.
void either(std::optional<int> opt, bool fallback) {
  std::thread t([opt, fallback] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::bad_optional_access' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+2]]:15: note: call to 'std::optional::value' may throw 'std::bad_optional_access' (listed in KnownThrowingFunctions)
    if (opt || fallback)
      use(opt.value());
  });
  t.join();
}

// The guard is in the caller, the call in another function.
void guarded_by_the_caller(std::map<int, int> m, int k) {
  std::thread t([m, k] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+3]]:11: note: call to 'lookup_unguarded' may throw 'std::out_of_range'
  // CHECK-MESSAGES: :[[@LINE-109]]:69: note: call to 'std::map::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    if (m.count(k))
      use(lookup_unguarded(m, k));
  });
  t.join();
}

// A case label between the test and the call: `case 1` skips the test.
void case_between(std::optional<int> opt, int mode) {
  std::thread t([opt, mode] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::bad_optional_access' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+7]]:15: note: call to 'std::optional::value' may throw 'std::bad_optional_access' (listed in KnownThrowingFunctions)
    switch (mode) {
    case 0:
      if (!opt)
        return;
      [[fallthrough]];
    case 1:
      use(opt.value());
    }
  });
  t.join();
}

// A function with a goto: no point of it is known to follow the test.
void with_goto(std::optional<int> opt, int n) {
  std::thread t([opt, n] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::bad_optional_access' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+4]]:15: note: call to 'std::optional::value' may throw 'std::bad_optional_access' (listed in KnownThrowingFunctions)
    int i = 0;
  again:
    if (opt)
      use(opt.value());
    if (++i < n)
      goto again;
  });
  t.join();
}

// A member: code between the test and the call may change it, when it is
// the project's, or lets another thread run.
class Registry {
public:
  void start() {
    logged_ = std::thread(&Registry::serve_logged, this);
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: exception 'std::out_of_range' may escape the thread entry function 'Registry::serve_logged' and call std::terminate [threads-exception-escape]
    // CHECK-MESSAGES: :[[@LINE+32]]:41: note: call to 'Registry::logged_lookup' may throw 'std::out_of_range'
    // CHECK-MESSAGES: :[[@LINE+16]]:21: note: call to 'std::map::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    relocked_ = std::thread(&Registry::serve_relocked, this);
    // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: exception 'std::out_of_range' may escape the thread entry function 'Registry::serve_relocked' and call std::terminate [threads-exception-escape]
    // CHECK-MESSAGES: :[[@LINE+29]]:43: note: call to 'Registry::relocked_lookup' may throw 'std::out_of_range'
    // CHECK-MESSAGES: :[[@LINE+20]]:21: note: call to 'std::map::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
  }
  void stop() {
    logged_.join();
    relocked_.join();
  }

private:
  int logged_lookup(int k) {
    if (!entries_.count(k))
      return 0;
    log_line("hit");
    return entries_.at(k);
  }
  int relocked_lookup(int k) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!entries_.count(k))
      return 0;
    lock.unlock();
    lock.lock();
    return entries_.at(k);
  }
  int lookup(int k) const {
    if (!entries_.count(k))
      return 0;
    return entries_.at(k);
  }
  void serve_logged() { use(lookup(1) + logged_lookup(2)); }
  void serve_relocked() { use(lookup(1) + relocked_lookup(2)); }
  std::map<int, int> entries_;
  std::mutex mutex_;
  std::thread logged_;
  std::thread relocked_;
};

// --- must not warn --------------------------------------------------------

void optional_tests(std::optional<int> opt) {
  std::thread t([opt] {
    if (opt)
      use(opt.value());
    if (opt.has_value())
      use(opt.value());
    if (opt != std::nullopt)
      use(opt.value());
    if (!(opt == std::nullopt))
      use(opt.value());
    if (opt.has_value() && opt.value() > 3)
      log_line("big");
    if (!opt || opt.value() > 3)
      log_line("none or big");
    use(opt ? opt.value() : -1);
    use(!opt ? -1 : opt.value());
    if (!opt.has_value()) {
      log_line("none");
    } else {
      use(opt.value());
    }
  });
  t.join();
}

void optional_early_exits(std::optional<int> opt, int n) {
  std::thread t([opt, n] {
    for (int i = 0; i < n; ++i) {
      if (!opt)
        continue;
      use(opt.value());
    }
    if (!opt) {
      log_line("none");
      return;
    }
    use(opt.value());
  });
  t.join();
}

void optional_assert(std::optional<int> opt) {
  std::thread t([opt] {
    assert(opt.has_value());
    use(opt.value());
  });
  t.join();
}

void optional_declared_in_condition(std::optional<int> (*get)()) {
  std::thread t([get] {
    if (auto opt = get())
      use(opt.value());
    while (std::optional<int> next = get())
      use(next.value());
  });
  t.join();
}

void map_tests(std::map<std::string, int> m, std::string k) {
  std::thread t([m, k] {
    if (m.count(k))
      use(m.at(k));
    if (m.count(k) > 0)
      use(m.at(k));
    if (m.count(k) != 0)
      use(m.at(k));
    if (m.contains(k))
      use(m.at(k));
    if (m.find(k) != m.end())
      use(m.at(k));
    if (m.count("fixed"))
      use(m.at("fixed"));
    if (auto it = m.find(k); it != m.end())
      use(m.at(k));
  });
  t.join();
}

void map_early_exits(std::unordered_map<std::string, int> m, std::string k) {
  std::thread t([m, k] {
    if (!m.count(k))
      return;
    use(m.at(k));
  });
  t.join();
  // The throw is reported, the at() after it is not (no "1 more type").
  std::thread u([m, k] {
    auto it = m.find(k);
    if (it == m.end())
      throw std::invalid_argument("no such key");
    // CHECK-MESSAGES: :[[@LINE-4]]:17: warning: exception 'std::invalid_argument' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: 'std::invalid_argument' is thrown here
    use(m.at(k) + it->second);
  });
  u.join();
}

// Calls that only add keys, and code that cannot reach a local, keep it.
void map_kept(std::map<int, int> m, int k, int j) {
  std::thread t([m, k, j]() mutable {
    if (!m.count(k))
      return;
    m.insert({j, 1});
    m[j] = 2;
    log_line("found");
    use(m.at(k));
  });
  t.join();
}

// A copy captured by a non-mutable lambda is const: nothing changes it.
void captured_copy_is_const(std::map<int, int> m, int k) {
  std::thread t([m, k] {
    if (!m.count(k))
      return;
    log_line("found");
    use(m.at(k));
  });
  t.join();
}

void index_tests(std::vector<int> v, std::size_t i, unsigned u) {
  std::thread t([v, i, u] {
    for (std::size_t j = 0; j < v.size(); ++j)
      use(v.at(j));
    for (auto j = 0u; v.size() > j; ++j)
      use(v.at(j));
    if (i < v.size())
      use(v.at(i));
    if (i + 1 < v.size())
      use(v.at(i + 1));
    if (u < v.size())
      use(v.at(u));
    if (!v.empty())
      use(v.at(0) + v.at(v.size() - 1));
    std::size_t k = 0;
    while (k < v.size()) {
      use(v.at(k));
      ++k;
    }
  });
  t.join();
}

void index_early_exit(std::vector<int> v, std::size_t i) {
  std::thread t([v, i] {
    if (i >= v.size())
      return;
    use(v.at(i));
  });
  t.join();
}

// An int compared with size() is converted to unsigned: -1 is huge.
void int_index(std::vector<int> v, int i) {
  std::thread t([v, i] {
    if (i < v.size())
      use(v.at(i));
  });
  t.join();
}

class Table {
public:
  void start() { worker_ = std::thread(&Table::serve, this); }
  void stop() { worker_.join(); }

private:
  int lookup(int k) const {
    if (!entries_.count(k))
      return 0;
    std::string key = std::to_string(k);
    return entries_.at(k);
  }
  void serve() { use(lookup(1)); }
  std::map<int, int> entries_;
  std::thread worker_;
};

// A signed comparison with the size says enough with `i >= 0`.
void signed_index_checked(std::vector<int> v, int i) {
  std::thread t([v, i] {
    if (i >= 0 && i < static_cast<int>(v.size()))
      use(v.at(i));
    if (i < 0 || i >= (int)v.size())
      return;
    use(v.at(i));
  });
  t.join();
}

// What the branch that leaves does cannot happen before the call.
void written_in_the_leaving_branch(std::map<int, int> m, int k) {
  std::thread t([m, k]() mutable {
    if (!m.count(k)) {
      m.clear();
      return;
    }
    use(m.at(k));
  });
  t.join();
}
