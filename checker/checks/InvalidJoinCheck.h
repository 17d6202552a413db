//===--- InvalidJoinCheck.h - threads-invalid-join ------------------------===//

#ifndef THREAD_TIDY_INVALIDJOINCHECK_H
#define THREAD_TIDY_INVALIDJOINCHECK_H

#include "analysis/ThreadLifetimeAnalysis.h"
#include "analysis/TrackedThreadTypes.h"
#include "checks/ThreadTidyCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::threads {

/// Finds join() and detach() calls on threads that are not joinable: joined
/// or detached before, moved from, never started, or the calling thread
/// itself. Each throws std::system_error.
///
/// For the user-facing documentation see docs/checks/threads-invalid-join.md.
class InvalidJoinCheck : public ThreadTidyCheck {
public:
  InvalidJoinCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void resetForTranslationUnit() override { Analyzed.clear(); }
  void checkFunction(const FunctionDecl *Fn, ASTContext &Ctx);
  void checkSelfJoin(const FieldDecl *Member);

  const TrackedThreadTypes Types;
  /// The check's name when clang-tidy profiles checks: then a function the
  /// lifetime analysis skips is reported on stderr.
  const std::string ReportIncompleteAs;
  llvm::DenseSet<const FunctionDecl *> Analyzed;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_INVALIDJOINCHECK_H
