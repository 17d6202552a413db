// The documentation links of the threads-* diagnostics that
// thread-tidy-clangd publishes.
//
// clangd links every clang-tidy diagnostic (LSP Diagnostic.codeDescription)
// to clang.llvm.org, deriving the page from the check's name; for our checks
// that page (.../checks/threads/<rest>.html) does not exist. CheckDocLinks
// knows where the real pages are and rewrites those links in an outgoing LSP
// message: to a file:// URI of threads-<rest>.md, or, when there is no such
// page, away (the diagnostic then has no link). Links of other checks are
// never touched.

#ifndef THREAD_TIDY_CLANGD_CHECKDOCLINKS_H
#define THREAD_TIDY_CLANGD_CHECKDOCLINKS_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace thread_tidy {

class CheckDocLinks {
public:
  /// The pages of the installed docs, <dir of the binary>/<InstalledRel>,
  /// when that directory exists; else SourceDir (the source tree's
  /// docs/checks) when it exists; else none (every link is dropped).
  static CheckDocLinks locate(const char *Argv0, llvm::StringRef InstalledRel,
                              llvm::StringRef SourceDir);

  /// The directory the pages are looked up in; empty when there is none.
  const std::string &directory() const { return Dir; }

  /// file:// URI of Check's page (Check.md), if the page exists now.
  std::optional<std::string> uriFor(llvm::StringRef Check) const;

  /// Rewrites the links of threads-* diagnostics in one LSP message body.
  /// Returns false, and leaves Out alone, when nothing had to change (the
  /// caller then sends the original bytes); the rewritten message is
  /// serialized as clangd serializes (compact, or indented by 2 when the
  /// original was pretty-printed).
  bool rewrite(llvm::StringRef Body, std::string &Out) const;

private:
  std::string Dir;
};

} // namespace thread_tidy

#endif
