// Code that does not compile, in the ways half-edited code does not.
#include <future>
#include <thread>
#include <vector>

void work();

void missing_semicolon() {
  std::thread t(work)
  t.join();
}

void undeclared_callable() {
  std::thread t(not_declared_anywhere);
  t.detach();
  auto f = std::async(also_missing);
  f.wait();
}

template <typename T> void broken_template(T value) {
  std::thread t([value] { value.no_such_member(); });
  t.join(;
}

void unbalanced() {
  std::vector<std::thread> pool;
  pool.emplace_back([] { throw undeclared_type(); );
  for (auto &t : pool)
    t.join();
}

struct Half {
  std::thread th_;
  void start() { th_ = std::thread(&Half::missing_method, this); }
  ~Half() { th_.join() }
};
