// REQUIRES: boost-thread
// A boost::thread member that its class never joins: with version 2 (the
// default) its destructor detaches the thread when the object is destroyed,
// and a thread that uses the object goes on using a destroyed one. Version 4
// terminates instead: threads-unjoined-thread reports the member.
// RUN: %check_threads --check-suffixes=V2 %s threads-dangling-capture %t -- \
// RUN:   -std=c++17
// RUN: %check_threads %s threads-dangling-capture %t -- -std=c++17 \
// RUN:   -DVERSION_4
// RUN: %check_threads --check-suffixes=V4 %s threads-unjoined-thread %t -- \
// RUN:   -std=c++17 -DVERSION_4

#ifdef VERSION_4
#define BOOST_THREAD_VERSION 4
#endif
#include <boost/enable_shared_from_this.hpp>
#include <boost/thread.hpp>
#include <atomic>

void poll();
void work();

class Poller {
public:
  Poller() : thread_(&Poller::loop, this) {}
  ~Poller() { stop_ = true; }

private:
  void loop() {
    while (!stop_)
      poll();
  }
  std::atomic<bool> stop_{false};
  boost::thread thread_;
  // CHECK-MESSAGES-V2: :[[@LINE-1]]:17: warning: thread 'thread_' is never joined: the destructor of a boost::thread of this version detaches it when a 'Poller' is destroyed, but it runs the thread entry function 'Poller::loop', which uses the object; the thread may go on using the destroyed 'Poller' [threads-dangling-capture]
  // CHECK-MESSAGES-V2: :[[@LINE-11]]:14: note: the thread is started here
  // CHECK-MESSAGES-V2: :[[@LINE-7]]:13: note: the thread uses the object here
  // CHECK-MESSAGES-V4: :[[@LINE-4]]:17: warning: member thread 'thread_' is started but no member function of 'Poller' joins or detaches it; destroying a 'Poller' will call std::terminate [threads-unjoined-thread]
  // CHECK-MESSAGES-V4: :[[@LINE-14]]:14: note: thread started here
};

class Listener {
public:
  void start() {
    thread_ = boost::thread([this] {
      while (running_)
        poll();
    });
  }

private:
  std::atomic<bool> running_{true};
  boost::thread thread_;
  // CHECK-MESSAGES-V2: :[[@LINE-1]]:17: warning: thread 'thread_' is never joined: the destructor of a boost::thread of this version detaches it when a 'Listener' is destroyed, but it runs the thread's entry lambda, which uses the object; the thread may go on using the destroyed 'Listener' [threads-dangling-capture]
  // CHECK-MESSAGES-V2: :[[@LINE-10]]:5: note: the thread is started here
  // CHECK-MESSAGES-V2: :[[@LINE-10]]:14: note: the thread uses the object here
  // CHECK-MESSAGES-V4: :[[@LINE-4]]:17: warning: member thread 'thread_' is started but no member function of 'Listener' joins or detaches it; destroying a 'Listener' will call std::terminate [threads-unjoined-thread]
  // CHECK-MESSAGES-V4: :[[@LINE-13]]:5: note: thread started here
};

// Clean: the destructor interrupts and joins.
class Interrupted {
public:
  Interrupted() : thread_(&Interrupted::loop, this) {}
  ~Interrupted() {
    thread_.interrupt();
    thread_.join();
  }

private:
  void loop() {
    for (;;) {
      boost::this_thread::interruption_point();
      ++count_;
    }
  }
  int count_ = 0;
  boost::thread thread_;
};

// Clean: a stop() joins it; whether the owner calls it before destroying
// the object is the owner's protocol, not in sight.
class Stoppable {
public:
  void start() { thread_ = boost::thread(&Stoppable::loop, this); }
  void stop() {
    stop_ = true;
    thread_.join();
  }

private:
  void loop() {
    while (!stop_)
      poll();
  }
  std::atomic<bool> stop_{false};
  boost::thread thread_;
};

// Clean for this check: the thread keeps the object alive through a shared
// owner. (Version 4 still terminates when the last owner destroys it.)
class Session : public boost::enable_shared_from_this<Session> {
public:
  void start() {
    thread_ = boost::thread([self = shared_from_this()] { self->serve(); });
  }

private:
  void serve() { poll(); }
  boost::thread thread_;
  // CHECK-MESSAGES-V4: :[[@LINE-1]]:17: warning: member thread 'thread_' is started but no member function of 'Session' joins or detaches it; destroying a 'Session' will call std::terminate [threads-unjoined-thread]
  // CHECK-MESSAGES-V4: :[[@LINE-7]]:5: note: thread started here
};

// Clean for this check: the thread does not use the object.
class FireAndForget {
public:
  FireAndForget() : thread_(work) {}

private:
  boost::thread thread_;
  // CHECK-MESSAGES-V4: :[[@LINE-1]]:17: warning: member thread 'thread_' is started but no member function of 'FireAndForget' joins or detaches it; destroying a 'FireAndForget' will call std::terminate [threads-unjoined-thread]
  // CHECK-MESSAGES-V4: :[[@LINE-5]]:21: note: thread started here
};

// Clean: a function of the class is not in sight; it may join the thread.
class Opaque {
public:
  Opaque() : thread_(&Opaque::loop, this) {}
  void close();

private:
  void loop() { ++count_; }
  int count_ = 0;
  boost::thread thread_;
};

// Clean: a public member may be joined by the object's users.
struct Exposed {
  Exposed() : thread_(&Exposed::loop, this) {}
  void loop() { ++count_; }
  int count_ = 0;
  boost::thread thread_;
};
