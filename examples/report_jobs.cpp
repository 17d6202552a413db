// Building reports on background threads: three ways to lose an error.
#include <atomic>
#include <cstdio>
#include <exception>
#include <future>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

struct Report {
  std::string name;
  int rows = 0;
};

int parse_row_count(const std::string &text) { return std::stoi(text); }

Report build_report(const std::string &name, const std::string &rows) {
  if (name.empty())
    throw std::invalid_argument("report without a name");
  return Report{name, parse_row_count(rows)};
}

// BUG: an exception from build_report leaves the thread's entry function and
// calls std::terminate; join() would not have rethrown it anyway.
void build_in_background(const std::string &name, const std::string &rows) {
  std::thread worker([name, rows] {
    Report report = build_report(name, rows);
    std::printf("%s: %d rows\n", report.name.c_str(), report.rows);
  });
  worker.join();
}

// BUG: the worker loop swallows every failure and carries on.
void drain(std::vector<std::string> &queue, std::atomic<bool> &running) {
  std::thread consumer([&queue, &running] {
    while (running && !queue.empty()) {
      std::string name = queue.back();
      queue.pop_back();
      try {
        build_report(name, "1");
      } catch (...) {
      }
    }
  });
  consumer.join();
}

// BUG: the futures are waited for, never get()-ed: failures vanish.
void build_all(const std::vector<std::string> &names) {
  std::vector<std::future<Report>> pending;
  for (const std::string &name : names)
    pending.push_back(std::async(std::launch::async, build_report, name, "10"));
  for (auto &report : pending)
    report.wait();
}

// Correct: the thread hands its exception to the joining thread.
Report build_checked(const std::string &name) {
  Report result;
  std::exception_ptr error;
  std::thread worker([&] {
    try {
      result = build_report(name, "5");
    } catch (...) {
      error = std::current_exception();
    }
  });
  worker.join();
  if (error)
    std::rethrow_exception(error);
  return result;
}

// Correct: get() rethrows the task's exception here.
int total_rows(const std::vector<std::string> &names) {
  std::vector<std::future<Report>> pending;
  for (const std::string &name : names)
    pending.push_back(std::async(std::launch::async, build_report, name, "10"));
  int total = 0;
  for (auto &report : pending)
    total += report.get().rows;
  return total;
}

int main() {
  std::vector<std::string> queue{"daily", "weekly"};
  std::atomic<bool> running{true};
  build_in_background("daily", "12");
  drain(queue, running);
  build_all({"a", "b"});
  try {
    std::printf("%d\n", build_checked("monthly").rows + total_rows({"x"}));
  } catch (const std::exception &e) {
    std::printf("failed: %s\n", e.what());
  }
}
