// Subobjects that own threads, in shapes that try to break the subobject
// rule of threads-joinable-at-exit: virtual and dependent bases, inherited
// and delegating constructors, anonymous unions, arrays, incomplete and
// invalid classes, recursion through start().
#include <stdexcept>
#include <thread>

int mayThrow(int n) {
  if (n < 0)
    throw std::runtime_error("n");
  return n;
}

struct Worker {
  Worker() : t_([] {}) {}
  explicit Worker(int) { start(); }
  ~Worker() {}
  void start() { t_ = std::thread([] {}); start(); }
  void stop() { t_.join(); }
  std::thread t_;
};

struct Virtual : virtual Worker {
  Virtual() : Worker(), n_(mayThrow(1)) {}
  int n_;
};

struct Inheriting : Worker {
  using Worker::Worker;
  int n_ = mayThrow(2);
};

struct Delegating {
  Delegating() : Delegating(mayThrow(3)) {}
  explicit Delegating(int n) : w_(n), n_(mayThrow(n)) {}
  Worker w_;
  int n_;
};

struct WithUnion {
  WithUnion() : w_(), n_(mayThrow(4)) {}
  ~WithUnion() {}
  union {
    Worker w_;
    int i_;
  };
  int n_;
};

struct Arrayed {
  Arrayed() : n_(mayThrow(5)) {}
  Worker ws_[2];
  int n_;
};

struct Incomplete;
struct HoldsIncomplete {
  HoldsIncomplete() : p_(nullptr), n_(mayThrow(6)) {}
  Incomplete *p_;
  int n_;
};

template <typename Base> struct Dependent : Base {
  Dependent() : Base(), n_(mayThrow(7)) {}
  int n_;
};
Dependent<Worker> instantiated;

struct Broken {
  Broken() : w_(undeclared()), n_(mayThrow(8)) {}
  Worker w_;
  int n_;
};

struct BrokenBase : Missing {
  BrokenBase() : Missing(), n_(mayThrow(9)) {}
  int n_;
};

struct SelfReferencing {
  SelfReferencing() : w_(), n_(mayThrow(10)) { w_.start(); }
  Worker w_;
  int n_;
  SelfReferencing *next_ = nullptr;
};
