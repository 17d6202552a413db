// Importing records while a background thread warms a cache.
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

void warm_cache() {}

int parse_record(const std::string &line) {
  if (line.empty())
    throw std::invalid_argument("empty record");
  return static_cast<int>(line.size());
}

// BUG: an empty batch returns early and skips the join; a bad record throws
// out of the function past it. Both destroy a joinable thread.
int import_batch(const std::vector<std::string> &lines) {
  std::thread warmer(warm_cache);
  if (lines.empty())
    return 0;
  int total = 0;
  for (const std::string &line : lines)
    total += parse_record(line);
  warmer.join();
  return total;
}

// Correct: the join runs on every path, including the exceptional one.
int import_batch_safely(const std::vector<std::string> &lines) {
  std::thread warmer(warm_cache);
  int total = 0;
  try {
    for (const std::string &line : lines)
      total += parse_record(line);
  } catch (...) {
    warmer.join();
    throw;
  }
  warmer.join();
  return total;
}

int main() {
  std::vector<std::string> lines{"a", "bc"};
  return import_batch(lines) + import_batch_safely(lines) == 6 ? 0 : 1;
}
