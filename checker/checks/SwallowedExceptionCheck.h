//===--- SwallowedExceptionCheck.h - threads-swallowed-exception ----------===//

#ifndef THREAD_TIDY_SWALLOWEDEXCEPTIONCHECK_H
#define THREAD_TIDY_SWALLOWEDEXCEPTIONCHECK_H

#include "checks/ThreadLaunchCheck.h"

namespace clang {
class CXXCatchStmt;
} // namespace clang

namespace clang::tidy::threads {

/// Finds handlers in thread entry functions (and the functions they call
/// directly) that catch everything, or a broad base class, and do nothing
/// with it: the thread's failure is lost without a trace.
///
/// For the user-facing documentation see
/// docs/checks/threads-swallowed-exception.md.
class SwallowedExceptionCheck : public ThreadLaunchCheck {
public:
  SwallowedExceptionCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus && LangOpts.CXXExceptions;
  }

private:
  void checkLaunch(const ThreadLaunch &Launch,
                   const ast_matchers::MatchFinder::MatchResult &) override;
  /// The run() of a QThread subclass: what its thread runs.
  bool checksQThreadRuns() const override { return true; }
  void checkQThreadRun(const CXXMethodDecl *Run) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;
  /// The handlers in \p Entry and in the functions it calls directly;
  /// \p StartedAt, when valid, is where its thread is started.
  void checkEntry(const FunctionDecl *Entry, SourceLocation StartedAt);
  void checkHandlersIn(const FunctionDecl *Fn, const FunctionDecl *Entry,
                       SourceLocation StartedAt);
  void checkHandler(const CXXCatchStmt *Handler, const FunctionDecl *Fn,
                    const FunctionDecl *Entry, SourceLocation StartedAt);
  bool isBroad(QualType Caught) const;

  const std::string BroadExceptionTypesOption;
  const llvm::SmallVector<std::string, 4> BroadExceptionTypes;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_SWALLOWEDEXCEPTIONCHECK_H
