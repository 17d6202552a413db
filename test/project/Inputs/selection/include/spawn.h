#pragma once
#include <thread>

// A macro of a project header that starts a thread.
#define SPAWN(f) std::thread(f).detach()
