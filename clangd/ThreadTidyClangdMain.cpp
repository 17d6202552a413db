// thread-tidy-clangd: clangd with the threads-* checks built in.
//
// clangd cannot load clang-tidy plugins, so this is clangd's own main
// (libclangdMain.a) linked with the check objects; the module registers itself
// through its static ClangTidyModuleRegistry entry. Everything else is stock
// clangd of the same LLVM.

#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace clang::clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clang::clangd

int main(int argc, char *argv[]) {
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
