// RUN: %check_threads %s threads-unjoined-thread %t -- -std=c++17
// A std::optional of a thread: emplace, assignment and construction start
// its thread; `o->join()`, `(*o).join()` and `o.value().join()` join it.
// A thread type of the ThreadTypes option works the same:
// RUN: %check_threads --check-suffixes=CUSTOM %s threads-unjoined-thread %t \
// RUN:   --config="{CheckOptions: {threads-unjoined-thread.ThreadTypes: '::std::thread;::lib::worker'}}" \
// RUN:   -- -std=c++17

#include <optional>
#include <thread>
#include <utility>

void work();
bool ready();

namespace lib {
class worker {
public:
  worker() = default;
  template <typename F> explicit worker(F f) {}
  worker(worker &&) = default;
  worker &operator=(worker &&) = default;
  ~worker() {}
  void join() {}
  void detach() {}
  bool joinable() const { return true; }
};
} // namespace lib

// --- flagged --------------------------------------------------------------

void emplaced_never_joined() {
  std::optional<std::thread> o;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: thread owned by 'o' is started but never joined or detached; destroying it will call std::terminate [threads-unjoined-thread]
  o.emplace(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: thread started here
}

void assigned_never_joined() {
  std::optional<std::thread> o;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: thread owned by 'o' is started
  o = std::thread(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: thread started here
}

void constructed_never_joined() {
  std::optional<std::thread> o(std::thread{work});
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: thread owned by 'o' is started
}

void in_place_never_joined() {
  std::optional<std::thread> o(std::in_place, work);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: thread owned by 'o' is started
}

void made_never_joined() {
  auto o = std::make_optional<std::thread>(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: thread owned by 'o' is started
}

// reset() and `= std::nullopt` destroy a joinable thread: std::terminate.
void reset_instead_of_joined() {
  std::optional<std::thread> o;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: thread owned by 'o' is started
  o.emplace(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: thread started here
  o.reset();
}

void nullopt_instead_of_joined() {
  std::optional<std::thread> o = std::thread(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: thread owned by 'o' is started
  o = std::nullopt;
}

class Service {
public:
  void start() { worker_.emplace(&Service::run, this); }
  bool running() const { return worker_ && worker_->joinable(); }

private:
  void run() {}
  std::optional<std::thread> worker_;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: thread owned by member 'worker_' is started but no member function of 'Service' joins or detaches it; destroying a 'Service' will call std::terminate [threads-unjoined-thread]
  // CHECK-MESSAGES: :[[@LINE-7]]:18: note: thread started here
};

class Assigning {
  std::optional<std::thread> worker_;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: thread owned by member 'worker_' is started but no member function of 'Assigning' joins
public:
  void start() { worker_ = std::thread(work); }
  // CHECK-MESSAGES: :[[@LINE-1]]:18: note: thread started here
};

void custom_never_joined() {
  std::optional<lib::worker> o;
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:30: warning: thread owned by 'o' is started but never joined or detached; destroying it will call std::terminate [threads-unjoined-thread]
  o.emplace(work);
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:3: note: thread started here
}

// --- not flagged ----------------------------------------------------------

void joined_arrow() {
  std::optional<std::thread> o;
  o.emplace(work);
  if (o && o->joinable())
    o->join();
}

void joined_deref() {
  std::optional<std::thread> o(std::in_place, work);
  (*o).join();
}

void detached_value() {
  std::optional<std::thread> o = std::thread(work);
  o.value().detach();
}

void custom_joined() {
  std::optional<lib::worker> o;
  o.emplace(work);
  o->join();
}

std::optional<std::thread> returned() {
  std::optional<std::thread> o;
  o.emplace(work);
  return o;
}

void moved() {
  std::optional<std::thread> o;
  o.emplace(work);
  std::optional<std::thread> p = std::move(o);
  p->join();
}

void moved_thread_out() {
  std::optional<std::thread> o;
  o.emplace(work);
  std::thread t = std::move(*o);
  t.join();
}

void swapped(std::optional<std::thread> &other) {
  std::optional<std::thread> o;
  o.emplace(work);
  o.swap(other);
}

void never_started() {
  std::optional<std::thread> empty;
  std::optional<std::thread> nothing_to_run;
  nothing_to_run.emplace();
  std::optional<std::thread> none = std::nullopt;
  if (ready())
    empty = std::nullopt;
}

class Joined {
public:
  void start() { worker_.emplace(work); }
  ~Joined() {
    if (worker_ && worker_->joinable())
      worker_->join();
  }

private:
  std::optional<std::thread> worker_;
};
