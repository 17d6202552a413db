// Incomplete and invalid types around threads.
#include <memory>
#include <thread>

struct Forward;
struct Task;

void run(Task &task);

void incomplete_functor(Task &task) {
  std::thread t(run, std::ref(task));
  t.join();
}

struct Owner {
  std::unique_ptr<Forward> impl_; // pimpl: destructor elsewhere
  std::thread th_;
  void start();
  ~Owner();
};

struct Node {
  Node *next = nullptr;
  std::thread *thread = nullptr; // raw pointer: not an owner
};

void catch_incomplete() {
  std::thread t([] {
    try {
      throw 1;
    } catch (Forward &) {
    } catch (...) {
    }
  });
  t.join();
}
