// RUN: %check_threads %s threads-prefer-jthread %t -- -std=c++20
// Threads held by an optional, a unique_ptr, a shared_ptr nothing copies or
// a C array, joined at the end of the owner's scope on every path: reported
// without a fix-it (the thread type is spelled again where the thread is
// made).

#include <memory>
#include <optional>
#include <stop_token>
#include <thread>
#include <utility>

void work();
void step();
bool failed();
void with_token(std::stop_token);
void keep(std::shared_ptr<std::thread>);

// --- flagged --------------------------------------------------------------

void unique_owner() {
  auto loader = std::make_unique<std::thread>(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the thread owned by 'loader' is joined at the end of the scope of 'loader' on every path; make it own a std::jthread, which joins on destruction, also when an exception leaves the scope [threads-prefer-jthread]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: this join becomes redundant
  step();
  loader->join();
}

void unique_from_new() {
  std::unique_ptr<std::thread> loader(new std::thread(work));
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: the thread owned by 'loader' is joined at the end of the scope of 'loader' on every path; make it own a std::jthread, which joins on destruction, also when an exception leaves the scope [threads-prefer-jthread]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: this join becomes redundant
  if (loader->joinable())
    step();
  loader->join();
}

void shared_owner() {
  std::shared_ptr<std::thread> poller = std::make_shared<std::thread>(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: the thread owned by 'poller' is joined at the end of the scope of 'poller' on every path; make it own a std::jthread, which joins on destruction, also when an exception leaves the scope [threads-prefer-jthread]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: this join becomes redundant
  step();
  poller->join();
}

void optional_owner() {
  std::optional<std::thread> worker;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: the thread owned by 'worker' is joined at the end of the scope of 'worker' on every path; make it own a std::jthread, which joins on destruction, also when an exception leaves the scope [threads-prefer-jthread]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: this join becomes redundant
  worker.emplace([] { step(); });
  step();
  worker->join();
}

void array_owner() {
  std::thread workers[4];
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: the threads in 'workers' are joined at the end of the scope of 'workers' on every path; make it an array of std::jthread, whose elements join on destruction, also when an exception leaves the scope [threads-prefer-jthread]
  // CHECK-MESSAGES: :[[@LINE+4]]:3: note: these joins become redundant
  for (auto &w : workers)
    w = std::thread(work);
  step();
  for (auto &w : workers)
    w.join();
}

// --- must NOT warn ----------------------------------------------------------

// Joined early: as a jthread it would be joined later.
void joined_early() {
  auto loader = std::make_unique<std::thread>(work);
  loader->join();
  step();
}

// An early return leaves the scope before the join.
void early_return() {
  auto loader = std::make_unique<std::thread>(work);
  if (failed())
    return;
  loader->join();
}

// A copied shared_ptr: another owner.
void copied_shared() {
  auto poller = std::make_shared<std::thread>(work);
  keep(poller);
  poller->join();
}

// Tested for a thread, moved away, reset.
void tested_optional() {
  std::optional<std::thread> worker;
  if (failed())
    worker.emplace(work);
  step();
  if (worker)
    worker->join();
}

void moved_unique() {
  auto loader = std::make_unique<std::thread>(work);
  auto other = std::move(loader);
  other->join();
}

// A callable that takes a stop_token would get one from a jthread.
void stop_token_callable() {
  auto loader = std::make_unique<std::thread>(with_token, std::stop_token());
  loader->join();
}

// A local declared after the array is destroyed before a jthread joins.
void local_after() {
  std::thread workers[2];
  for (auto &w : workers)
    w = std::thread(work);
  int results[2] = {};
  (void)results;
  for (auto &w : workers)
    w.join();
}

// The join loop tests joinability, or joins part of the array.
void guarded_loop() {
  std::thread workers[2];
  for (auto &w : workers)
    w = std::thread(work);
  for (auto &w : workers)
    if (w.joinable())
      w.join();
}

void index_loop() {
  std::thread workers[2];
  for (int i = 0; i < 2; ++i)
    workers[i] = std::thread(work);
  for (int i = 0; i < 1; ++i)
    workers[i].join();
}

// Detached, or started twice.
void detached_optional() {
  std::optional<std::thread> worker;
  worker.emplace(work);
  worker->detach();
}

void restarted_array() {
  std::thread workers[2];
  for (auto &w : workers)
    w = std::thread(work);
  for (auto &w : workers)
    w = std::thread(work);
  for (auto &w : workers)
    w.join();
}
