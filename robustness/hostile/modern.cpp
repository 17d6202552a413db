// C++20 corners: lambdas in unevaluated operands, coroutines-free generics,
// structured bindings, if constexpr, requires, jthread and stop tokens.
#include <future>
#include <map>
#include <stop_token>
#include <thread>
#include <vector>

void work();

using Closure = decltype([] { std::thread t(work); t.join(); });

template <bool Detach> void maybe_detach() {
  std::thread t(work);
  if constexpr (Detach)
    t.detach();
  else
    t.join();
}

void bindings(std::map<int, int> &m) {
  for (auto &[key, value] : m) {
    std::thread t([&key, &value] { (void)key; ++value; });
    t.detach();
  }
}

void stop_tokens() {
  std::jthread j([](std::stop_token token) {
    while (!token.stop_requested()) {
    }
  });
  j.request_stop();
  std::vector<std::jthread> pool;
  pool.emplace_back([](std::stop_token) {});
}

void futures() {
  std::vector<std::future<void>> results;
  for (int i = 0; i < 3; ++i)
    results.push_back(std::async(std::launch::deferred, work));
  std::shared_future<void> shared = std::async(work).share();
  auto copy = shared;
  copy.get();
}

int main() {
  Closure{}();
  maybe_detach<true>();
  maybe_detach<false>();
}
