//===--- JoinableAtExitCheck.h - threads-joinable-at-exit -----------------===//

#ifndef THREAD_TIDY_JOINABLEATEXITCHECK_H
#define THREAD_TIDY_JOINABLEATEXITCHECK_H

#include "analysis/ThreadLifetimeAnalysis.h"
#include "analysis/TrackedThreadTypes.h"
#include "checks/ThreadTidyCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::threads {

/// Finds the paths on which a thread that is joined somewhere is still
/// joinable when it is destroyed or overwritten: an early return, a break,
/// an exception, a move-assignment; and member threads that the destructor
/// leaves to a stop() nobody is obliged to call.
///
/// For the user-facing documentation see
/// docs/checks/threads-joinable-at-exit.md.
class JoinableAtExitCheck : public ThreadTidyCheck {
public:
  JoinableAtExitCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void resetForTranslationUnit() override {
    Exceptions.reset();
    Analyzed.clear();
  }
  void checkFunction(const FunctionDecl *Fn, ASTContext &Ctx);
  void checkMemberDestructor(const FieldDecl *Member);
  void report(const LifetimeEvent &Event, ASTContext &Ctx);

  const TrackedThreadTypes Types;
  const bool AssumeOpaqueCallsThrow;
  const bool CheckMemberDestructors;
  /// The check's name when clang-tidy profiles checks: then a function the
  /// lifetime analysis skips is reported on stderr.
  const std::string ReportIncompleteAs;
  const ExceptionOptions ExceptionOpts;
  ExceptionFlowAnalysis Exceptions;
  llvm::DenseSet<const FunctionDecl *> Analyzed;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_JOINABLEATEXITCHECK_H
