// RUN: %check_threads %s threads-exception-escape %t -- -std=c++20 -fexceptions

// `queues_.at(n % count_)` cannot throw when every constructor gives
// `queues_` `count_` elements, nothing in the class changes its size or
// writes `count_` afterwards, and `n` is not negative. Nor can
// `v.at(x % v.size())`. Anything less stays reported.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <thread>
#include <vector>

void use(int);
unsigned hardware_threads();

struct Queue {
  bool try_push(int item);
  bool pop(int &item);
  void stop();
};

// --- clean ----------------------------------------------------------------

// async_simple's ThreadPool: the count from the constructor's argument, the
// queues sized by the count, picked by a counter that starts at zero.
class ThreadPool {
public:
  explicit ThreadPool(std::size_t threadNum);
  ~ThreadPool();
  bool scheduleById(int item);
  bool scheduleByKey(std::size_t key, int item);
  int threadNum() const { return _threadNum; }

private:
  int32_t _threadNum;
  std::vector<Queue> _queues;
  std::vector<std::thread> _threads;
};

ThreadPool::ThreadPool(std::size_t threadNum)
    : _threadNum(threadNum ? threadNum : hardware_threads()),
      _queues(_threadNum) {
  _threads.reserve(_threadNum);
  for (auto i = 0; i < _threadNum; ++i)
    _threads.emplace_back([this, i] {
      int item = 0;
      while (_queues[i].pop(item))
        use(item);
    });
}

ThreadPool::~ThreadPool() {
  for (auto &queue : _queues)
    queue.stop();
  for (auto &thread : _threads)
    thread.join();
}

bool ThreadPool::scheduleById(int item) {
  for (auto n = 0; n < _threadNum * 2; ++n)
    if (_queues.at(n % _threadNum).try_push(item))
      return true;
  return false;
}

// An unsigned index, through `this->`.
bool ThreadPool::scheduleByKey(std::size_t key, int item) {
  return this->_queues.at(key % this->_threadNum).try_push(item);
}

void submit(ThreadPool &pool) {
  std::thread t([&pool] { pool.scheduleById(1); });
  std::thread u([&pool] { pool.scheduleByKey(7, 1); });
  t.join();
  u.join();
}

// The count and the container sized from the same parameter, in a deque.
class Shards {
public:
  Shards(std::size_t count) : count_(count), shards_(count, 0) {}
  ~Shards() {}
  void run() {
    std::thread t([this] {
      for (std::size_t key = 0; key < 100; ++key)
        use(shards_.at(key % count_));
    });
    t.join();
  }

private:
  std::size_t count_;
  std::deque<int> shards_;
};

// A remainder by the container's own size needs no invariant.
void by_own_size(std::vector<int> slots, int key) {
  std::thread t([slots, key] {
    use(slots.at(key % slots.size()));
  });
  t.join();
}

// --- flagged --------------------------------------------------------------

// A member function resizes the queues.
class Resized {
public:
  Resized(int count) : count_(count), queues_(count_) {}
  ~Resized() {}
  void grow() { queues_.resize(count_ + 1); }
  void run() {
    std::thread t([this] {
      for (int n = 0; n < 10; ++n)
        use(queues_.at(n % count_));
    });
    // CHECK-MESSAGES: :[[@LINE-4]]:19: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: call to 'std::vector::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    t.join();
  }

private:
  int count_;
  std::vector<int> queues_;
};

// A member function adds an element.
class Appended {
public:
  Appended(int count) : count_(count), queues_(count_) {}
  ~Appended() {}
  void add(int item) { queues_.push_back(item); }
  void run() {
    std::thread t([this] {
      for (int n = 0; n < 10; ++n)
        use(queues_.at(n % count_));
    });
    // CHECK-MESSAGES: :[[@LINE-4]]:19: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: call to 'std::vector::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    t.join();
  }

private:
  int count_;
  std::vector<int> queues_;
};

// A second constructor leaves the queues empty.
class UnsizedConstructor {
public:
  UnsizedConstructor(int count) : count_(count), queues_(count_) {}
  UnsizedConstructor() : count_(4) {}
  ~UnsizedConstructor() {}
  void run() {
    std::thread t([this] {
      for (int n = 0; n < 10; ++n)
        use(queues_.at(n % count_));
    });
    // CHECK-MESSAGES: :[[@LINE-4]]:19: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: call to 'std::vector::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    t.join();
  }

private:
  int count_;
  std::vector<int> queues_;
};

// No constructor: the implicit one leaves the queues empty.
class ImplicitConstructor {
public:
  ~ImplicitConstructor() {}
  void run() {
    std::thread t([this] {
      for (int n = 0; n < 10; ++n)
        use(queues_.at(n % count_));
    });
    // CHECK-MESSAGES: :[[@LINE-4]]:19: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: call to 'std::vector::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    t.join();
  }

private:
  int count_ = 4;
  std::vector<int> queues_;
};

// The count changes after construction.
class CountWritten {
public:
  CountWritten(int count) : count_(count), queues_(count_) {}
  ~CountWritten() {}
  void set_count(int count) { count_ = count; }
  void run() {
    std::thread t([this] {
      for (int n = 0; n < 10; ++n)
        use(queues_.at(n % count_));
    });
    // CHECK-MESSAGES: :[[@LINE-4]]:19: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: call to 'std::vector::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    t.join();
  }

private:
  int count_;
  std::vector<int> queues_;
};

// A member function whose body is not in sight may change them.
class HiddenMember {
public:
  HiddenMember(int count) : count_(count), queues_(count_) {}
  ~HiddenMember() {}
  void reconfigure();
  void run() {
    std::thread t([this] {
      for (int n = 0; n < 10; ++n)
        use(queues_.at(n % count_));
    });
    // CHECK-MESSAGES: :[[@LINE-4]]:19: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: call to 'std::vector::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    t.join();
  }

private:
  int count_;
  std::vector<int> queues_;
};

// An index that is not a remainder, and a signed one that may be negative.
class Indices {
public:
  Indices(int count) : count_(count), queues_(count_) {}
  ~Indices() {}
  void run(unsigned id, int signed_id) {
    std::thread t([this, id] { use(queues_.at(id)); });
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
    // CHECK-MESSAGES: :[[@LINE-2]]:44: note: call to 'std::vector::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    std::thread u([this, signed_id] { use(queues_.at(signed_id % count_)); });
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
    // CHECK-MESSAGES: :[[@LINE-2]]:51: note: call to 'std::vector::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    t.join();
    u.join();
  }
  // The queues of another object, whose count may differ.
  void run_other(Indices &other) {
    std::thread t([this, &other] {
      for (unsigned n = 0; n < 10; ++n)
        use(other.queues_.at(n % count_));
    });
    // CHECK-MESSAGES: :[[@LINE-4]]:19: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
    // CHECK-MESSAGES: :[[@LINE-3]]:27: note: call to 'std::vector::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    t.join();
  }

private:
  int count_;
  std::vector<int> queues_;
};

// A constructor inherited from the base leaves the queues empty.
struct PoolBase {
  PoolBase(int) {}
};
class InheritedConstructor : PoolBase {
public:
  using PoolBase::PoolBase;
  InheritedConstructor(unsigned count)
      : PoolBase(0), count_(count), queues_(count_) {}
  ~InheritedConstructor() {}
  void run() {
    std::thread t([this] {
      for (int n = 0; n < 10; ++n)
        use(queues_.at(n % count_));
    });
    // CHECK-MESSAGES: :[[@LINE-4]]:19: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: call to 'std::vector::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    t.join();
  }

private:
  int count_;
  std::vector<int> queues_;
};

// A friend may resize the queues; so may anyone, when they are public.
class WithFriend {
  friend void clear_all(WithFriend &);

public:
  WithFriend(int count) : count_(count), queues_(count_) {}
  ~WithFriend() {}
  void run() {
    std::thread t([this] {
      for (int n = 0; n < 10; ++n)
        use(queues_.at(n % count_));
    });
    // CHECK-MESSAGES: :[[@LINE-4]]:19: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: call to 'std::vector::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    t.join();
  }

private:
  int count_;
  std::vector<int> queues_;
};

struct PublicQueues {
  PublicQueues(int count) : count_(count), queues_(count_) {}
  ~PublicQueues() {}
  void run() {
    std::thread t([this] {
      for (int n = 0; n < 10; ++n)
        use(queues_.at(n % count_));
    });
    // CHECK-MESSAGES: :[[@LINE-4]]:19: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: call to 'std::vector::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    t.join();
  }
  int count_;
  std::vector<int> queues_;
};

// A moved-from object keeps its count and has no queues.
class Movable {
public:
  Movable(int count) : count_(count), queues_(count_) {}
  void run() {
    std::thread t([this] {
      for (int n = 0; n < 10; ++n)
        use(queues_.at(n % count_));
    });
    // CHECK-MESSAGES: :[[@LINE-4]]:19: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: call to 'std::vector::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    t.join();
  }

private:
  int count_;
  std::vector<int> queues_;
};

// A move constructor of its own that leaves the new object's queues empty.
class MoveWithoutQueues {
public:
  MoveWithoutQueues(int count) : count_(count), queues_(count_) {}
  MoveWithoutQueues(MoveWithoutQueues &&other) : count_(other.count_) {}
  ~MoveWithoutQueues() {}
  void run() {
    std::thread t([this] {
      for (int n = 0; n < 10; ++n)
        use(queues_.at(n % count_));
    });
    // CHECK-MESSAGES: :[[@LINE-4]]:19: warning: exception 'std::out_of_range' may escape the thread's entry lambda and call std::terminate [threads-exception-escape]
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: call to 'std::vector::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
    t.join();
  }

private:
  int count_;
  std::vector<int> queues_;
};
