//===--- UnjoinedThreadCheck.h - threads-unjoined-thread ------------------===//

#ifndef THREAD_TIDY_UNJOINEDTHREADCHECK_H
#define THREAD_TIDY_UNJOINEDTHREADCHECK_H

#include "analysis/TrackedThreadTypes.h"
#include "checks/ThreadTidyCheck.h"

namespace clang::tidy::threads {

/// Finds threads that are started and that nothing ever joins, detaches or
/// hands to another owner: their destructor calls std::terminate.
///
/// For the user-facing documentation see
/// docs/checks/threads-unjoined-thread.md.
class UnjoinedThreadCheck : public ThreadTidyCheck {
public:
  UnjoinedThreadCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void checkLocal(const VarDecl *Owner, ASTContext &Ctx);
  void checkTemporary(const Expr *Temporary, ASTContext &Ctx);
  void checkMember(const FieldDecl *Owner);

  const TrackedThreadTypes Types;
  const bool JthreadFixIt;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_UNJOINEDTHREADCHECK_H
