//===--- InvalidJoinCheck.h - threads-invalid-join ------------------------===//

#ifndef THREAD_TIDY_INVALIDJOINCHECK_H
#define THREAD_TIDY_INVALIDJOINCHECK_H

#include "analysis/FieldHandleJoins.h"
#include "analysis/TypeErasedCalls.h"
#include "checks/ThreadLifetimeCheck.h"

namespace clang::tidy::threads {

struct ContainerRejoin;
struct MemberUseSummary;
struct TaskSelfJoin;

/// Finds join() and detach() calls on threads that are not joinable: joined
/// or detached before, moved from, never started, or the calling thread
/// itself. Each throws std::system_error.
///
/// For the user-facing documentation see docs/checks/threads-invalid-join.md.
class InvalidJoinCheck : public ThreadLifetimeCheck {
public:
  InvalidJoinCheck(StringRef Name, ClangTidyContext *Context)
      : ThreadLifetimeCheck(Name, Context) {}
  /// Every language: POSIX and C11 threads are C's (and C++98's) too.
  bool isLanguageVersionSupported(const LangOptions &) const override {
    return true;
  }

private:
  /// Self-joins are found through every kind of owning member: a thread,
  /// a unique_ptr to one, a container of them.
  MemberKind membersToCheck() const override { return MemberKind::AnyOwner; }
  /// Joins of local threads that are not joinable on some path.
  void checkFunction(const FunctionDecl *Fn, ASTContext &Ctx) override;
  bool checksHandleSelfJoins() const override { return true; }
  /// `pthread_join(pthread_self(), ...)`: a thread cannot wait for itself.
  void checkHandleSelfJoin(const CallExpr *Join) override;
  /// An invalid join of a handle (`pthread_t`, `thrd_t`): undefined
  /// behaviour, where std::thread would throw.
  void reportHandleJoin(const LifetimeEvent &Event, const HandleThreadApi &Api,
                        const FunctionDecl *Fn);
  bool checksStoredHandleCreations() const override { return true; }
  /// Joins of a handle kept in a field (`ctx->tid`) or a global that
  /// cannot be right: after its create failed, or from the thread itself
  /// (FieldHandleJoins).
  void checkStoredHandleCreation(const CallExpr *Create,
                                 ASTContext &Ctx) override;
  void reportJoinAfterFailedCreation(const FailedCreationJoin &Join,
                                     const HandleCreation &Creation,
                                     const StoredHandle &Handle);
  void reportStoredHandleSelfJoin(const StoredHandleSelfJoin &Found,
                                  const HandleCreation &Creation,
                                  const StoredHandle &Handle);
  /// A member thread joined from the function it runs, or joined unguarded
  /// where it may not be running.
  void checkMember(const FieldDecl *Member) override;
  /// Joins of a plain thread \p Member that a visible sequence reaches when
  /// it is not running (MemberJoinStates).
  void reportInvalidMemberJoins(const FieldDecl *Member,
                                const CXXRecordDecl *RD,
                                llvm::ArrayRef<const FunctionDecl *> Functions,
                                const MemberUseSummary &Summary);
  /// Joins of the threads of a container \p Member that a visible caller
  /// reaches again after an earlier join left them in it (ContainerRejoins).
  void reportContainerRejoins(const FieldDecl *Member, const CXXRecordDecl *RD,
                              const MemberUseSummary &Summary);
  /// The calls on `this` from the joining function to the join, as notes.
  void noteCallsToJoin(const ContainerRejoin &Rejoin, const CXXRecordDecl *RD);
  /// A task that a worker of \p Member runs and that joins it (a pool's
  /// task calling its shutdown()).
  void reportTaskSelfJoin(const FieldDecl *Member, const Stmt *Start,
                          const FunctionDecl *Entry, const Stmt *JoinSite,
                          const TaskSelfJoin &Found);
  void resetForTranslationUnit() override {
    ThreadLifetimeCheck::resetForTranslationUnit();
    ErasedCalls.reset();
    HandleJoins.reset();
  }

  TypeErasedCalls ErasedCalls;
  FieldHandleJoins HandleJoins;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_INVALIDJOINCHECK_H
