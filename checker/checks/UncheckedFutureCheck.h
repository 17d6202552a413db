//===--- UncheckedFutureCheck.h - threads-unchecked-future ----------------===//

#ifndef THREAD_TIDY_UNCHECKEDFUTURECHECK_H
#define THREAD_TIDY_UNCHECKEDFUTURECHECK_H

#include "analysis/ExceptionFlowAnalysis.h"
#include "analysis/TrackedThreadTypes.h"
#include "checks/ThreadTidyCheck.h"

namespace clang::tidy::threads {

/// Finds futures whose value, and with it the task's exception, nobody ever
/// retrieves with get(): a discarded std::async result, a local future or a
/// local container of futures that is only waited on, or not even that.
///
/// For the user-facing documentation see
/// docs/checks/threads-unchecked-future.md.
class UncheckedFutureCheck : public ThreadTidyCheck {
public:
  UncheckedFutureCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void resetForTranslationUnit() override { Flow.reset(); }
  void checkDiscardedAsync(const CallExpr *Async, ASTContext &Ctx);
  void checkLocal(const VarDecl *Future);
  /// Whether the state a future gets from one of \p Sources may hold an
  /// exception: it does unless it comes from a promise that nothing in the
  /// translation unit can set_exception on (then only a value or a signal
  /// goes unread, which is no lost failure).
  static bool anySourceMayHoldException(llvm::ArrayRef<const Expr *> Sources,
                                        ASTContext &Context);
  /// Whether \p Source runs only objects whose tasks cannot throw:
  /// `executor.run(graph)` where every task given to the local `graph` is
  /// a lambda proven not to throw (ObjectTasks).
  bool runsOnlyTasksThatCannotThrow(const Expr *Source);

  const std::string FutureTypesOption;
  /// Futures are tracked like threads: get() (or share()) plays join().
  const TrackedThreadTypes FutureTypes;
  /// Whether the task of a future may throw at all.
  const ExceptionOptions ExceptionOpts;
  ExceptionFlowAnalysis Flow;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_UNCHECKEDFUTURECHECK_H
