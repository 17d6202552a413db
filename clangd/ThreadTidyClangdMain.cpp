// thread-tidy-clangd: clangd with the threads-* checks built in.
//
// clangd cannot load clang-tidy plugins, so this is clangd's own main
// (libclangdMain.a) linked with the check objects; the module registers itself
// through its static ClangTidyModuleRegistry entry. Everything else is stock
// clangd of the same LLVM, except for the documentation links of the
// threads-* diagnostics (CheckDocLinks.h), which a filter on clangd's output
// points at our own pages.

#include "CheckDocLinks.h"
#include "LspOutputFilter.h"
#include "utils/DiscardedValues.h"

#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace clang::clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clang::clangd

namespace {

int runClangd(int argc, char *argv[]) {
  // clangd finds its builtin headers (<stddef.h>, intrinsics) relative to its
  // own binary, which is not inside the LLVM tree here. Point it at the LLVM
  // this was built with, unless the user chose a resource dir.
  const char *EnvFlags = std::getenv("CLANGD_FLAGS");
  bool HasResourceDir = EnvFlags && std::strstr(EnvFlags, "resource-dir");
  for (int I = 1; I < argc; ++I)
    if (std::strncmp(argv[I], "--resource-dir", 14) == 0 ||
        std::strncmp(argv[I], "-resource-dir", 13) == 0)
      HasResourceDir = true;
  struct stat Info;
  if (HasResourceDir || ::stat(THREAD_TIDY_RESOURCE_DIR, &Info) != 0)
    return clang::clangd::clangdMain(argc, argv);

  static std::string ResourceDirFlag =
      std::string("--resource-dir=") + THREAD_TIDY_RESOURCE_DIR;
  std::vector<char *> Args(argv, argv + argc);
  Args.insert(Args.begin() + 1, ResourceDirFlag.data());
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size()) - 1,
                                   Args.data());
}

} // namespace

int main(int argc, char *argv[]) {
  // clangd never visits the translation unit node, which the discarded-value
  // checks match in clang-tidy: match each function instead.
  clang::tidy::threads::matchDiscardedValueScopesPerFunction();
  // clangd links a threads-* diagnostic to a clang.llvm.org page that does
  // not exist; the filter sends the link to the installed page, or the
  // source tree's for a binary in the build tree, or drops it.
  // Never destroyed: the filter's thread uses it until the very end.
  const auto *Links =
      new thread_tidy::CheckDocLinks(thread_tidy::CheckDocLinks::locate(
          argv[0], THREAD_TIDY_INSTALLED_CHECK_DOCS,
          THREAD_TIDY_SOURCE_CHECK_DOCS));
  bool Filtered = thread_tidy::startLspOutputFilter(
      [Links](llvm::StringRef Body, std::string &Out) {
        return Links->rewrite(Body, Out);
      });
  int Status = runClangd(argc, argv);
  if (Filtered)
    thread_tidy::finishLspOutputFilter();
  return Status;
}
