//===--- ThreadTidyModule.cpp - The threads-* clang-tidy module -----------===//

#include "utils/ThreadTidyCompat.h"
// One #include per entry of checks/ThreadTidyChecks.def, written by CMake.
#include "ThreadTidyCheckHeaders.inc"
#include "clang/Basic/Version.h"
#include <cstdio>
#include <cstdlib>
#include <string>

namespace clang::tidy::threads {

class ThreadTidyModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
#define THREAD_TIDY_CHECK(Class, Id, Default)                                  \
  Factories.registerCheck<Class>(Id);
#include "checks/ThreadTidyChecks.def"
#undef THREAD_TIDY_CHECK
  }
};

/// The LLVM major of the clang-tidy that loaded us, read from the running
/// clang libraries rather than from the headers we were compiled against.
static int runningClangMajor() {
  std::string Version = clang::getClangFullVersion();
  std::string::size_type Pos = Version.find("version ");
  if (Pos == std::string::npos)
    return -1;
  return std::atoi(Version.c_str() + Pos + 8);
}

/// Registers the module, unless the plugin was loaded into a clang-tidy of
/// another LLVM major: then its classes have other layouts and the first check
/// would crash clang-tidy. Stop with one clear line instead.
static bool registerThreadTidyModule() {
  int Running = runningClangMajor();
  if (Running != THREAD_TIDY_LLVM_MAJOR) {
    std::fprintf(stderr,
                 "error: libThreadTidy.so was built for LLVM %d but was loaded "
                 "into clang-tidy %d; use clang-tidy-%d or rebuild thread-tidy "
                 "with LLVM_MAJOR=%d\n",
                 THREAD_TIDY_LLVM_MAJOR, Running, THREAD_TIDY_LLVM_MAJOR,
                 Running);
    std::fflush(stderr);
    std::_Exit(1);
  }
  static ClangTidyModuleRegistry::Add<ThreadTidyModule> Registration(
      "threads-module",
      "std::thread lifetime bugs and lost thread exceptions.");
  return true;
}

static const bool ThreadTidyModuleRegistered = registerThreadTidyModule();

} // namespace clang::tidy::threads

// Lets a static build that links the module force it in, like upstream
// modules' anchors.
volatile int ThreadTidyModuleAnchorSource = 0;
