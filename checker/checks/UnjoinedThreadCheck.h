//===--- UnjoinedThreadCheck.h - threads-unjoined-thread ------------------===//

#ifndef THREAD_TIDY_UNJOINEDTHREADCHECK_H
#define THREAD_TIDY_UNJOINEDTHREADCHECK_H

#include "analysis/TrackedThreadTypes.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::threads {

/// Finds threads that are started and that nothing ever joins, detaches or
/// hands to another owner: their destructor calls std::terminate.
///
/// For the user-facing documentation see
/// docs/checks/threads-unjoined-thread.md.
class UnjoinedThreadCheck : public ClangTidyCheck {
public:
  UnjoinedThreadCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override { Reported.clear(); }

private:
  void checkLocal(const VarDecl *Owner, ASTContext &Ctx);
  void checkTemporary(const Expr *Temporary);
  void checkMember(const FieldDecl *Owner);
  /// One report per location: template instantiations share source.
  bool firstReportAt(SourceLocation Loc) {
    return Reported.insert(Loc.getRawEncoding()).second;
  }

  const TrackedThreadTypes Types;
  const bool JthreadFixIt;
  llvm::DenseSet<SourceLocation::UIntTy> Reported;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_UNJOINEDTHREADCHECK_H
