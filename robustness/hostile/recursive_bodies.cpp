// Thread bodies that call each other recursively: the exception analysis
// and the self-join search must terminate.
#include <stdexcept>
#include <thread>

void pong(int n);
void ping(int n) {
  if (n == 0)
    throw std::runtime_error("ping");
  std::thread t(pong, n - 1);
  t.join();
  pong(n - 1);
}
void pong(int n) {
  if (n < 0)
    throw std::logic_error("pong");
  std::thread t(ping, n - 1);
  t.join();
  ping(n);
}

struct Loop {
  std::thread th_;
  void start() { th_ = std::thread(&Loop::a, this); }
  void a() { b(); }
  void b() { c(); }
  void c() { a(); stop(); }
  void stop() { th_.join(); }
  ~Loop() { if (th_.joinable()) th_.join(); }
};

int main() {
  std::thread t(ping, 3);
  t.join();
  Loop l;
  l.start();
}
