#include <thread>
void work();
void forgotten() { std::thread t(work); }
