#!/usr/bin/env python3
"""Writes a small multi-file CMake project with known thread bugs into OUT
and configures it, so that OUT/build/compile_commands.json exists.

  make_project.py OUT --cxx CLANGXX [--broken] [--git]

Findings (with the default checks), by file:
  src/app/worker.h      unjoined-thread   (included by two files: one finding)
  src/jobs/import.cpp   joinable-at-exit  (an early return skips the join)
  src/jobs/export.cpp   exception-escape  (std::stoi in the thread)
  lib/net/server.cpp    unjoined-thread   (a member no member function joins)
Clean on purpose: src/app/main.cpp, lib/net/pool.cpp (a thread pool).
--broken adds src/broken.cpp, which does not compile.
--git makes the tree a git repository with one commit.
"""
import argparse
import os
import subprocess
import sys

FILES = {
    "CMakeLists.txt": """\
cmake_minimum_required(VERSION 3.16)
project(demo_service LANGUAGES CXX)
set(CMAKE_CXX_STANDARD 17)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
find_package(Threads REQUIRED)
add_library(net lib/net/server.cpp lib/net/pool.cpp)
target_include_directories(net PUBLIC lib)
target_link_libraries(net PUBLIC Threads::Threads)
add_executable(app src/app/main.cpp src/jobs/import.cpp src/jobs/export.cpp @BROKEN@)
target_include_directories(app PRIVATE src)
# C++20: the unjoined thread in worker.h gets the std::jthread fix-it.
set_target_properties(app PROPERTIES CXX_STANDARD 20)
target_link_libraries(app PRIVATE net)
""",
    "src/app/worker.h": """\
#pragma once
#include <thread>

inline void warm_up() {}

inline void start_warm_up() {
  std::thread warmer(warm_up);
}
""",
    "src/app/main.cpp": """\
#include "app/worker.h"
#include "net/pool.h"

int run_jobs(bool fast);
int export_rows();

int main() {
  std::thread t([] { warm_up(); });
  t.join();
  return run_jobs(true) + export_rows();
}
""",
    "src/jobs/import.cpp": """\
#include <thread>

static void import_rows() {}

int run_jobs(bool fast) {
  std::thread importer(import_rows);
  if (fast)
    return 1;
  importer.join();
  return 0;
}
""",
    "src/jobs/export.cpp": """\
#include "app/worker.h"
#include <string>

int export_rows() {
  int rows = 0;
  std::thread exporter([&rows] { rows = std::stoi("12"); });
  exporter.join();
  start_warm_up();
  return rows;
}
""",
    "lib/net/server.h": """\
#pragma once
#include <thread>

class Server {
public:
  void start();
private:
  void serve() {}
  std::thread listener_;
};
""",
    "lib/net/server.cpp": """\
#include "net/server.h"

void Server::start() { listener_ = std::thread(&Server::serve, this); }
""",
    "lib/net/pool.h": """\
#pragma once
#include <condition_variable>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

class Pool {
public:
  explicit Pool(unsigned n);
  ~Pool();
  void submit(std::function<void()> job);
private:
  void loop();
  std::vector<std::thread> workers_;
  std::queue<std::function<void()>> jobs_;
  std::mutex mutex_;
  std::condition_variable ready_;
  bool stopping_ = false;
};
""",
    "lib/net/pool.cpp": """\
#include "net/pool.h"

Pool::Pool(unsigned n) {
  for (unsigned i = 0; i < n; ++i)
    workers_.emplace_back([this] { loop(); });
}

Pool::~Pool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread &worker : workers_)
    worker.join();
}

void Pool::submit(std::function<void()> job) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    jobs_.push(std::move(job));
  }
  ready_.notify_one();
}

void Pool::loop() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (stopping_ && jobs_.empty())
        return;
      job = std::move(jobs_.front());
      jobs_.pop();
    }
    try {
      job();
    } catch (const std::exception &error) {
      std::fprintf(stderr, "job failed: %s\\n", error.what());
    }
  }
}
""",
}

BROKEN = """\
#include <thread>
void broken() { std::thread t(; }
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--cxx", required=True)
    parser.add_argument("--broken", action="store_true")
    parser.add_argument("--git", action="store_true")
    args = parser.parse_args()
    files = dict(FILES)
    files["CMakeLists.txt"] = files["CMakeLists.txt"].replace(
        "@BROKEN@", "src/broken.cpp" if args.broken else "")
    if args.broken:
        files["src/broken.cpp"] = BROKEN
    # pool.cpp uses fprintf: include it where a real project would.
    files["lib/net/pool.cpp"] = "#include <cstdio>\n" + files["lib/net/pool.cpp"]
    for name, text in files.items():
        path = os.path.join(args.out, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as handle:
            handle.write(text)
    configure = subprocess.run(
        ["cmake", "-S", args.out, "-B", os.path.join(args.out, "build"),
         "-DCMAKE_CXX_COMPILER=" + args.cxx],
        capture_output=True, text=True)
    if configure.returncode != 0:
        sys.stderr.write(configure.stdout + configure.stderr)
        return 1
    if args.git:
        def git(*command):
            subprocess.run(["git", "-c", "user.name=test",
                            "-c", "user.email=test@example.invalid",
                            "-c", "init.defaultBranch=main"] + list(command),
                           cwd=args.out, check=True, capture_output=True)
        with open(os.path.join(args.out, ".gitignore"), "w") as handle:
            handle.write("/build/\n")
        git("init", "-q")
        git("add", "-A")
        git("commit", "-q", "-m", "initial")
    return 0


if __name__ == "__main__":
    sys.exit(main())
