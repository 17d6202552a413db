// RUN: %check_threads %s threads-exception-escape %t -- -std=c++20 -fexceptions

#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

void log_error(const char *);
void opaque();
void consume(int);

int parse_line(const std::string &line) { return std::stoi(line); }

void parse_all(std::vector<std::string> lines) {
  for (const std::string &line : lines)
    consume(parse_line(line));
}

void validate(int x) {
  if (x < 0)
    throw std::invalid_argument("negative");
}

struct config_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};
void load_config() { throw config_error("missing key"); }

constexpr int parse_format(const char *format) {
  if (*format == '\0')
    throw std::invalid_argument("empty format");
  return 1;
}

// --- flagged --------------------------------------------------------------

void through_known_thrower(std::vector<std::string> lines) {
  std::thread t(parse_all, lines);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::invalid_argument' may escape the thread entry function 'parse_all' and call std::terminate; 1 more exception type may escape too [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-24]]:13: note: call to 'parse_line' may throw 'std::invalid_argument'
  // CHECK-MESSAGES: :[[@LINE-29]]:50: note: call to 'std::stoi' may throw 'std::invalid_argument' (listed in KnownThrowingFunctions)
  t.join();
}

void lambda_throws() {
  std::thread t([] { throw std::runtime_error("boom"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::runtime_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:22: note: 'std::runtime_error' is thrown here
  t.detach();
}

void call_chain(int x) {
  std::thread t([x] { validate(x); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::invalid_argument' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:23: note: call to 'validate' may throw 'std::invalid_argument'
  // CHECK-MESSAGES: :[[@LINE-35]]:5: note: 'std::invalid_argument' is thrown here
  t.join();
}

class Server {
public:
  void start() { worker_ = std::thread(&Server::serve, this); }
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: exception 'config_error' may escape the thread entry function 'Server::serve' and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+5]]:18: note: call to 'load_config' may throw 'config_error'
  // CHECK-MESSAGES: :[[@LINE-38]]:22: note: 'config_error' is thrown here
  void stop() { worker_.join(); }

private:
  void serve() { load_config(); }
  std::thread worker_;
};

struct Job {
  void operator()() const { validate(-1); }
};
void functor() {
  std::thread t{Job{}};
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::invalid_argument' may escape the thread entry function 'Job::operator()' and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-5]]:29: note: call to 'validate' may throw 'std::invalid_argument'
  // CHECK-MESSAGES: :[[@LINE-59]]:5: note: 'std::invalid_argument' is thrown here
  t.join();
}

void bound(int x) {
  std::thread t(std::bind(validate, x));
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::invalid_argument' may escape the thread entry function 'validate' and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-66]]:5: note: 'std::invalid_argument' is thrown here
  t.join();
}

void named_lambda() {
  auto task = [] { load_config(); };
  std::thread t(task);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'config_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-3]]:20: note: call to 'load_config' may throw 'config_error'
  // CHECK-MESSAGES: :[[@LINE-69]]:22: note: 'config_error' is thrown here
  t.join();
}

void pool(unsigned n) {
  std::vector<std::thread> workers;
  for (unsigned i = 0; i < n; ++i)
    workers.emplace_back([i] { validate(static_cast<int>(i) - 1); });
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: exception 'std::invalid_argument' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
    // CHECK-MESSAGES: :[[@LINE-2]]:32: note: call to 'validate' may throw 'std::invalid_argument'
    // CHECK-MESSAGES: :[[@LINE-85]]:5: note: 'std::invalid_argument' is thrown here
  for (std::thread &w : workers)
    w.join();
}

void heap_thread() {
  auto t = std::make_unique<std::thread>([] { load_config(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: exception 'config_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:47: note: call to 'load_config' may throw 'config_error'
  // CHECK-MESSAGES: :[[@LINE-88]]:22: note: 'config_error' is thrown here
  t->join();
}

void jthread_too() {
  std::jthread t([] { validate(-1); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: exception 'std::invalid_argument' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:23: note: call to 'validate' may throw 'std::invalid_argument'
  // CHECK-MESSAGES: :[[@LINE-102]]:5: note: 'std::invalid_argument' is thrown here
}

// A handler for an unrelated type does not catch it.
void wrong_handler() {
  std::thread t([] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::invalid_argument' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+3]]:7: note: call to 'validate' may throw 'std::invalid_argument'
  // CHECK-MESSAGES: :[[@LINE-110]]:5: note: 'std::invalid_argument' is thrown here
    try {
      validate(-1);
    } catch (const std::out_of_range &) {
      log_error("range");
    }
  });
  t.join();
}

// Logging and rethrowing is still an escape.
void rethrown() {
  std::thread t([] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'config_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+4]]:7: note: call to 'load_config' may throw 'config_error'
  // CHECK-MESSAGES: :[[@LINE-119]]:22: note: 'config_error' is thrown here
  // CHECK-MESSAGES: :[[@LINE+5]]:7: note: 'config_error' is rethrown here
    try {
      load_config();
    } catch (...) {
      log_error("config");
      throw;
    }
  });
  t.join();
}

// Element access that throws out_of_range, and a second type on another path.
void several_types(std::vector<int> v, int x) {
  std::thread t([&v, x] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate; 1 more exception type may escape too [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+1]]:15: note: call to 'std::vector::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    consume(v.at(3));
    validate(x);
  });
  t.join();
}

// Mutual recursion terminates and is reported once.
void ping(int n);
void pong(int n) {
  if (n == 0)
    throw std::logic_error("done");
  ping(n - 1);
}
void ping(int n) { pong(n); }
void recursive() {
  std::thread t(ping, 10);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::logic_error' may escape the thread entry function 'ping' and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-4]]:20: note: call to 'pong' may throw 'std::logic_error'
  // CHECK-MESSAGES: :[[@LINE-8]]:5: note: 'std::logic_error' is thrown here
  t.join();
}

// Instantiations of a template are reported once, at the template's code.
template <typename T> void run_template(T value) {
  std::thread t([value] { validate(static_cast<int>(value)); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::invalid_argument' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:27: note: call to 'validate' may throw 'std::invalid_argument'
  // CHECK-MESSAGES: :[[@LINE-169]]:5: note: 'std::invalid_argument' is thrown here
  t.join(); // CHECK-MESSAGES: :[[@LINE+3]]:3: note: in instantiation of 'run_template<int>' requested here
}
void instantiate() {
  run_template(1);
  run_template(2.0);
}

void heap_allocated_and_shared() {
  auto raw = new std::thread([] { validate(-2); });
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: exception 'std::invalid_argument' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:35: note: call to 'validate' may throw 'std::invalid_argument'
  // CHECK-MESSAGES: :[[@LINE-181]]:5: note: 'std::invalid_argument' is thrown here
  raw->join();
  delete raw;
  auto shared = std::make_shared<std::thread>([] { load_config(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: exception 'config_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:52: note: call to 'load_config' may throw 'config_error'
  // CHECK-MESSAGES: :[[@LINE-181]]:22: note: 'config_error' is thrown here
  shared->join();
}

void bind_front_and_ref(int x) {
  std::thread t(std::bind_front(validate, x));
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::invalid_argument' may escape the thread entry function 'validate' and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-194]]:5: note: 'std::invalid_argument' is thrown here
  t.join();
  Job job;
  std::thread u(std::ref(job));
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::invalid_argument' may escape the thread entry function 'Job::operator()' and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-146]]:29: note: call to 'validate' may throw 'std::invalid_argument'
  // CHECK-MESSAGES: :[[@LINE-200]]:5: note: 'std::invalid_argument' is thrown here
  u.join();
}

// A pointer handler does not catch a class thrown by value.
void pointer_handler() {
  std::thread t([] {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'config_error' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE+3]]:7: note: call to 'load_config' may throw 'config_error'
  // CHECK-MESSAGES: :[[@LINE-203]]:22: note: 'config_error' is thrown here
    try {
      load_config();
    } catch (const std::exception *) {
    }
  });
  t.join();
}

// The same constexpr function called at run time may throw.
void run_time_constexpr_call(const char *format) {
  std::thread t([format] { consume(parse_format(format)); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: exception 'std::invalid_argument' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:36: note: call to 'parse_format' may throw 'std::invalid_argument'
  // CHECK-MESSAGES: :[[@LINE-213]]:5: note: 'std::invalid_argument' is thrown here
  t.join();
}

// --- must not warn --------------------------------------------------------

struct base_error {};
struct derived_error : base_error {};
void throws_pointer() { throw new derived_error; }
void caught_by_base_pointer() {
  std::thread t([] {
    try {
      throws_pointer();
    } catch (const base_error *error) {
      delete error;
    }
  });
  t.join();
}

void caught_by_base() {
  std::thread t([] {
    try {
      validate(-1);
    } catch (const std::exception &e) {
      log_error(e.what());
    }
  });
  t.join();
}

void caught_by_exact_base_of_known_thrower(std::string s) {
  std::thread t([s] {
    try {
      consume(std::stoi(s));
    } catch (const std::logic_error &) {
      log_error("bad number");
    }
  });
  t.join();
}

void caught_by_derived_handler_chain() {
  std::thread t([] {
    try {
      load_config();
    } catch (const config_error &) {
      log_error("config");
    } catch (const std::runtime_error &) {
      log_error("runtime");
    }
  });
  t.join();
}

// The correct hand-over: std::exception_ptr to the joining thread.
void exception_ptr_transfer() {
  std::exception_ptr error;
  std::thread t([&error] {
    try {
      validate(-1);
    } catch (...) {
      error = std::current_exception();
    }
  });
  t.join();
  if (error)
    std::rethrow_exception(error);
}

void promise_transfer() {
  std::promise<int> result;
  std::future<int> value = result.get_future();
  std::thread t([&result] {
    try {
      validate(-1);
      result.set_value(1);
    } catch (...) {
      result.set_exception(std::current_exception());
    }
  });
  t.join();
  consume(value.get());
}

int compute() {
  validate(-1);
  return 1;
}
void packaged_task() {
  std::packaged_task<int()> task(compute);
  std::future<int> value = task.get_future();
  std::thread t(std::move(task));
  t.join();
  consume(value.get());
}

void async_get() {
  auto value = std::async(std::launch::async, compute);
  consume(value.get());
}

void safe_work() noexcept { validate(-1); }
void noexcept_entry() {
  std::thread t(safe_work);
  t.join();
}

void quiet(int) noexcept;
void noexcept_callee() {
  std::thread t([] { quiet(-1); });
  t.join();
}

void only_bad_alloc() {
  std::thread t([] { throw std::bad_alloc(); });
  t.join();
}

void invisible_body() {
  std::thread t(opaque);
  t.join();
}

void generic_lambda() {
  std::thread t([](auto x) { validate(x); }, -1);
  t.join();
}

void function_pointer(void (*entry)()) {
  std::thread t(entry);
  t.join();
}

void std_function(std::function<void()> entry) {
  std::thread t(entry);
  t.join();
}

// A lambda defined in the thread but run elsewhere does not throw here.
void nested_lambda(std::vector<std::function<void()>> &queue) {
  std::thread t([&queue] { queue.push_back([] { validate(-1); }); });
  t.join();
}

// What the compiler evaluates cannot throw at run time: a throw there is a
// compile error. fmt and std::format check format strings this way.
struct format_string {
  consteval format_string(const char *format) {
    if (*format == '\0')
      throw std::invalid_argument("empty format");
  }
};
void log_formatted(format_string) {}
void compile_time_only() {
  std::thread t([] {
    constexpr int checked = parse_format("{}");
    static_assert(checked == 1);
    log_formatted("{}");
  });
  t.join();
}

// The callee handles its own exceptions.
void load_config_or_default() {
  try {
    load_config();
  } catch (const config_error &error) {
    log_error(error.what());
  }
}
void handled_in_callee() {
  std::thread t(load_config_or_default);
  t.join();
}

// Templates are analysed in their instantiations only.
template <typename F> void launch_later(F f) {
  std::thread t(f);
  t.join();
}
