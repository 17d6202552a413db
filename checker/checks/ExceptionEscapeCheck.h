//===--- ExceptionEscapeCheck.h - threads-exception-escape ----------------===//

#ifndef THREAD_TIDY_EXCEPTIONESCAPECHECK_H
#define THREAD_TIDY_EXCEPTIONESCAPECHECK_H

#include "analysis/ExceptionFlowAnalysis.h"
#include "checks/ThreadLaunchCheck.h"

namespace clang::tidy::threads {

/// Finds threads whose entry function may let an exception escape: that
/// calls std::terminate, whether the thread is joined, detached or stored.
///
/// For the user-facing documentation see
/// docs/checks/threads-exception-escape.md.
class ExceptionEscapeCheck : public ThreadLaunchCheck {
public:
  ExceptionEscapeCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus && LangOpts.CXXExceptions;
  }

private:
  void checkLaunch(const ThreadLaunch &Launch,
                   const ast_matchers::MatchFinder::MatchResult &) override;
  /// The run() of a QThread subclass: QThread does not catch either.
  bool checksQThreadRuns() const override { return true; }
  void checkQThreadRun(const CXXMethodDecl *Run) override;
  /// Reports at \p Loc the exceptions that may leave \p Entry; returns
  /// whether it did.
  bool reportEscaping(const FunctionDecl *Entry, SourceLocation Loc,
                      bool FromBoostThread);
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;
  void resetForTranslationUnit() override { Flow.reset(); }

  const ExceptionOptions ExceptionOpts;
  const bool ReportThreadStartFailures;
  ExceptionFlowAnalysis Flow;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_EXCEPTIONESCAPECHECK_H
