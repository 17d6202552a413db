// Dependent, variadic and recursive templates that launch threads.
#include <future>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

template <typename... Fs> void launch_all(Fs &&...fs) {
  std::vector<std::thread> threads;
  (threads.emplace_back(std::forward<Fs>(fs)), ...);
  for (auto &t : threads)
    t.join();
}

template <int N> struct Fan {
  static void run() {
    std::thread t([] { Fan<N - 1>::run(); });
    t.join();
  }
};
template <> struct Fan<0> {
  static void run() { throw N0(); }
  struct N0 {};
};

template <typename T> struct Worker {
  T value;
  std::thread th;
  void start() { th = std::thread(&Worker::loop, this); }
  void loop() {
    if (!value)
      throw value;
  }
  ~Worker() {
    if (th.joinable())
      th.join();
  }
};

template <typename F, typename... Args>
auto spawn(F &&f, Args &&...args) {
  return std::async(std::launch::async, std::forward<F>(f),
                    std::forward<Args>(args)...);
}

template <typename T>
concept Joinable = requires(T t) { t.join(); };

template <Joinable T> void finish(T &t) { t.join(); }

void use_them() {
  launch_all([] {}, [] { throw 1; }, [] {});
  Fan<8>::run();
  Worker<int> w{0};
  w.start();
  auto f = spawn([](int x) { return x; }, 1);
  std::thread t([] {});
  finish(t);
  std::apply([](auto... xs) { (std::thread([xs] { (void)xs; }).detach(), ...); },
             std::make_tuple(1, 2.0, 'c'));
}
