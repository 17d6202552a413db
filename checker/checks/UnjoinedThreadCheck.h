//===--- UnjoinedThreadCheck.h - threads-unjoined-thread ------------------===//

#ifndef THREAD_TIDY_UNJOINEDTHREADCHECK_H
#define THREAD_TIDY_UNJOINEDTHREADCHECK_H

#include "analysis/RawThreadPointers.h"
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
  /// Every language: POSIX and C11 threads are C's (and C++98's) too.
  bool isLanguageVersionSupported(const LangOptions &) const override {
    return true;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// A local `pthread_t`/`thrd_t` (or array of them) that some create
  /// call starts and nothing joins, detaches or hands over.
  void checkHandleLocal(const VarDecl *Owner);
  void checkLocal(const VarDecl *Owner, ASTContext &Ctx);
  /// A local boost::thread_group whose threads are never joined.
  void checkBoostThreadGroup(const VarDecl *Group);
  void checkTemporary(const Expr *Temporary, ASTContext &Ctx);
  void checkMember(const FieldDecl *Owner);
  /// A raw pointer that owns a thread made by `new` (RawThreadPointers).
  void checkRawPointerLocal(const VarDecl *Owner);
  void checkRawPointerMember(const FieldDecl *Owner);
  /// A local struct whose public thread member its user starts
  /// (ThreadHolders).
  void checkHolder(const VarDecl *Holder);
  /// A QThread local, or member, destroyed while it may run (QtThreads).
  void checkQtLocal(const VarDecl *Thread, ASTContext &Ctx);
  void checkQtMember(const FieldDecl *Member);
  /// Reports a `delete` of a joinable thread, or a thread never joined nor
  /// deleted, for \p Owner (a member of \p Class when that is not null).
  void reportRawPointer(const NamedDecl *Owner, const RawPointerUses &Uses,
                        const CXXRecordDecl *Class);

  const TrackedThreadTypes Types;
  const bool JthreadFixIt;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_UNJOINEDTHREADCHECK_H
