//===--- InvalidJoinCheck.h - threads-invalid-join ------------------------===//

#ifndef THREAD_TIDY_INVALIDJOINCHECK_H
#define THREAD_TIDY_INVALIDJOINCHECK_H

#include "checks/ThreadLifetimeCheck.h"

namespace clang::tidy::threads {

/// Finds join() and detach() calls on threads that are not joinable: joined
/// or detached before, moved from, never started, or the calling thread
/// itself. Each throws std::system_error.
///
/// For the user-facing documentation see docs/checks/threads-invalid-join.md.
class InvalidJoinCheck : public ThreadLifetimeCheck {
public:
  InvalidJoinCheck(StringRef Name, ClangTidyContext *Context)
      : ThreadLifetimeCheck(Name, Context) {}
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }

private:
  /// Self-joins are found through every kind of owning member: a thread,
  /// a unique_ptr to one, a container of them.
  MemberKind membersToCheck() const override { return MemberKind::AnyOwner; }
  /// Joins of local threads that are not joinable on some path.
  void checkFunction(const FunctionDecl *Fn, ASTContext &Ctx) override;
  /// A member thread joined from the function it runs.
  void checkMember(const FieldDecl *Member) override;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_INVALIDJOINCHECK_H
