// RUN: %check_threads %s threads-unjoined-thread %t -- -std=c++17

#include <memory>
#include <thread>
#include <vector>

void work();

// --- flagged --------------------------------------------------------------

class Listener {
public:
  void start() { th_ = std::thread(&Listener::run, this); }
  bool running() const { return th_.joinable(); }

private:
  void run() {}
  std::thread th_;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: member thread 'th_' is started but no member function of 'Listener' joins or detaches it; destroying a 'Listener' will call std::terminate [threads-unjoined-thread]
  // CHECK-MESSAGES: :[[@LINE-7]]:18: note: thread started here
};

class StartedInConstructor {
  std::thread worker_;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: member thread 'worker_' is started but no member function of 'StartedInConstructor' joins
public:
  StartedInConstructor() : worker_(work) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:28: note: thread started here
};

class Pool {
  std::vector<std::thread> workers_;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: threads in member 'workers_' are started but no member function of 'Pool' joins or detaches them; destroying a 'Pool' will call std::terminate [threads-unjoined-thread]

public:
  explicit Pool(int n) {
    for (int i = 0; i < n; ++i)
      workers_.emplace_back(work);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: thread started here
  }
};

class OwnsPointer {
  std::unique_ptr<std::thread> p_;
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: thread owned by member 'p_' is started but no member function of 'OwnsPointer' joins or detaches it

public:
  void start() { p_ = std::make_unique<std::thread>(work); }
  // CHECK-MESSAGES: :[[@LINE-1]]:18: note: thread started here
};

class NonCopyableLegacy {
  std::thread t_;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: member thread 't_' is started
  // Declared, never defined: the pre-C++11 non-copyable idiom.
  NonCopyableLegacy(const NonCopyableLegacy &);
  NonCopyableLegacy &operator=(const NonCopyableLegacy &);

public:
  NonCopyableLegacy() : t_(work) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:25: note: thread started here
};

// --- not flagged ----------------------------------------------------------

class Service {
public:
  void start() { th_ = std::thread(work); }
  void stop() {
    if (th_.joinable())
      th_.join();
  }
  ~Service() { stop(); }

private:
  std::thread th_;
};

class JoinedOutOfLine {
public:
  JoinedOutOfLine();
  ~JoinedOutOfLine();

private:
  std::thread th_;
};
JoinedOutOfLine::JoinedOutOfLine() : th_(work) {}
JoinedOutOfLine::~JoinedOutOfLine() { th_.join(); }

class DefinedElsewhere {
public:
  DefinedElsewhere() : th_(work) {}
  void shutdown(); // defined in another translation unit: may join.

private:
  std::thread th_;
};

struct PublicMember {
  // Anyone can join a public member; the owner of the struct usually does.
  std::thread t;
  void start() { t = std::thread(work); }
};

class ExposesReference {
public:
  ExposesReference() : th_(work) {}
  std::thread &thread() { return th_; }

private:
  std::thread th_;
};

struct Guard {
  explicit Guard(std::thread &t) : t(t) {}
  ~Guard() {
    if (t.joinable())
      t.join();
  }
  std::thread &t;
};
class GuardedMember {
public:
  GuardedMember() : th_(work), guard_(th_) {}

private:
  std::thread th_;
  Guard guard_;
};

class PoolJoinedInDestructor {
public:
  PoolJoinedInDestructor() { workers_.emplace_back(work); }
  ~PoolJoinedInDestructor() {
    for (auto &w : workers_)
      if (w.joinable())
        w.join();
  }

private:
  std::vector<std::thread> workers_;
};

class NeverStarted {
  std::thread th_;

public:
  bool idle() const { return !th_.joinable(); }
};

class WithFriend {
  friend class Supervisor;
  std::thread th_;

public:
  WithFriend() : th_(work) {}
};

template <typename T> class TemplatePool {
  std::vector<std::thread> workers_;

public:
  TemplatePool() { workers_.emplace_back(work); }
};
TemplatePool<int> instance;

class MemberTemplateJoins {
public:
  MemberTemplateJoins() : th_(work) {}
  template <typename F> void finish(F f) {
    f();
    th_.join();
  }

private:
  std::thread th_;
};
