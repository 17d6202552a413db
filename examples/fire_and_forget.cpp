// Background work started from request handlers.
#include <cstdio>
#include <string>
#include <thread>

void write_audit_log(std::string line) { std::puts(line.c_str()); }
void refresh_cache() {}

// BUG: the temporary thread is destroyed at the end of the statement while
// it is still running: std::terminate on every request.
void handle_request(const std::string &user) {
  std::thread(write_audit_log, "login: " + user);
}

// BUG: the thread is started and simply forgotten.
void on_config_change() {
  std::thread refresher(refresh_cache);
}

// Correct: detached on purpose (it owns copies of everything it uses).
void handle_logout(const std::string &user) {
  std::thread(write_audit_log, "logout: " + user).detach();
}

int main() {
  handle_logout("bob");
  return 0;
}
