// An exception that escapes a POSIX or C11 thread's start routine calls
// std::terminate, whether the routine is extern "C" or not.
// RUN: %check_threads %s threads-exception-escape %t -- -std=c++17
// RUN: %check_threads %s threads-exception-escape %t -- -std=c++98

#include <pthread.h>
#include <stdexcept>

void load(int id) {
  if (id < 0)
    throw std::invalid_argument("negative id");
}

extern "C" void *serve(void *arg) {
  load(*static_cast<int *>(arg));
  return NULL;
}

static void *serve_safely(void *arg) {
  try {
    load(*static_cast<int *>(arg));
  } catch (const std::exception &) {
    return arg;
  }
  return NULL;
}

void start(int *id) {
  pthread_t t;
  if (pthread_create(&t, NULL, serve, id) != 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: exception 'std::invalid_argument' may escape the thread entry function 'serve' and call std::terminate [threads-exception-escape]
    // CHECK-MESSAGES: :[[@LINE-17]]:3: note: call to 'load' may throw 'std::invalid_argument'
    // CHECK-MESSAGES: :[[@LINE-22]]:5: note: 'std::invalid_argument' is thrown here
    return;
  pthread_join(t, NULL);
}

void start_safely(int *id) {
  pthread_t t;
  if (pthread_create(&t, NULL, serve_safely, id) != 0)
    return;
  pthread_join(t, NULL);
}
