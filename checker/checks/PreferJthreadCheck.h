//===--- PreferJthreadCheck.h - threads-prefer-jthread --------------------===//

#ifndef THREAD_TIDY_PREFERJTHREADCHECK_H
#define THREAD_TIDY_PREFERJTHREADCHECK_H

#include "analysis/TrackedThreadTypes.h"
#include "checks/ThreadTidyCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace clang::tidy::threads {

/// Suggests std::jthread for a local std::thread that is joined as the last
/// statement of its scope on every path: exactly what jthread's destructor
/// does, and it also joins when an exception leaves the scope.
///
/// For the user-facing documentation see
/// docs/checks/threads-prefer-jthread.md.
class PreferJthreadCheck : public ThreadTidyCheck {
public:
  PreferJthreadCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void resetForTranslationUnit() override { Functions.clear(); }
  /// What the check learns about a function once, not once per thread: the
  /// threads the lifetime dataflow reports an event for (an early exit,
  /// an overwrite), and how many candidates were looked at.
  struct FunctionFacts {
    llvm::DenseSet<const VarDecl *> ThreadsWithEvents;
    unsigned Candidates = 0;
  };
  FunctionFacts &factsOf(const FunctionDecl *Fn, ASTContext &Ctx);
  /// A local optional, smart pointer or C array of threads whose threads
  /// are joined where a std::jthread's destructor would join them
  /// (OwnersJoinedAtScopeEnd): reported without a fix-it.
  void checkOwner(const VarDecl *Owner, const DeclStmt *Declaration);

  /// Only std::thread has a jthread to become; the option-configured thread
  /// types of the other checks do not apply.
  const TrackedThreadTypes StdThread;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<FunctionFacts>>
      Functions;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_PREFERJTHREADCHECK_H
