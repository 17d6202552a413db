// Non-ASCII before the code: ★ café — clang's offsets count bytes. ©
// The shapes the enclosing-function finder must get right (not compiled).
#include <thread>
/*@*/

void plain() { /*@plain*/ }

template <typename T = int, std::enable_if_t<std::is_integral_v<T>, int> = 0>
void with_defaults(T t) { /*@with_defaults*/ }

template <class T> struct Box {
  void put(T) { /*@Box::put*/ }
};

template <class T> requires std::integral<T>
void constrained(T) { /*@constrained*/ }

[[nodiscard]] int attributed() { /*@attributed*/ return 0; }

auto trailing() -> decltype(plain()) { /*@trailing*/ }

decltype(auto) deduced() { /*@deduced*/ return 1; }

struct tm make_tm() { /*@make_tm*/ return {}; }

struct alignas(64) Padded {
  void touch() { /*@Padded::touch*/ }
};

template <class T> void Queue<T>::push(T v) { /*@Queue<T>::push*/ }

struct Call {
  void operator()() const { /*@Call::operator()*/ }
};

std::ostream &operator<<(std::ostream &os, const Call &) { /*@operator<<*/ return os; }

void after_macro() NOEXCEPT_MACRO { /*@after_macro*/ }

class Worker {
public:
  Worker();
  Worker(int n) : count_{n}, thread_([this] { /*@Worker::Worker*/ loop(); }) {
    /*@Worker::Worker*/
  }
private:
  void loop() { for (int i = 0; i < count_; ++i) { /*@Worker::loop*/ } }
  int count_ = 0;
  std::thread thread_;
};

Worker::Worker()
    : count_{1},
      thread_([this] { /*@Worker::Worker*/ loop(); }) {
  /*@Worker::Worker*/
}

void iterate(Iter *it) {
  for (; it->Valid(); it->Next()) {
    /*@iterate*/
  }
}

void platform() {
#ifdef _WIN32
  if (a) {
#else
  if (b) {
#endif
    /*@platform*/
  }
}

void after_platform() { /*@after_platform*/ }

namespace net::detail {
class Server {
  void serve();
};
void Server::serve() { /*@net::detail::Server::serve*/ }
}

void lambdas() {
  auto f = [&] { /*@lambdas*/ };
  std::thread t([] { if (x) { /*@lambdas*/ } });
}

IO::IO(int fd) : fd_(fd) { /*@IO::IO*/ }

TEST_F(Suite, HandlesShutdown) { /*@TEST_F(Suite, HandlesShutdown)*/ }

TEST_CASE("pool drains" * doctest::timeout(300)) { /*@TEST_CASE("pool drains" * doctest::timeout(300))*/ }

void function_try() try { /*@function_try*/ } catch (...) { /*@function_try*/ }

const char *text = "{ not a brace";
char brace = '{';
void after_literals() { /*@after_literals*/ }

class Member {
  std::thread worker_; /*@Member*/
};
