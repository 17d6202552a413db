//===--- JoinableAtExitCheck.h - threads-joinable-at-exit -----------------===//

#ifndef THREAD_TIDY_JOINABLEATEXITCHECK_H
#define THREAD_TIDY_JOINABLEATEXITCHECK_H

#include "analysis/ExceptionFlowAnalysis.h"
#include "analysis/MemberThreadUses.h"
#include "analysis/SubobjectConstruction.h"
#include "analysis/ThreadLifetimeAnalysis.h"
#include "checks/ThreadLifetimeCheck.h"
#include "utils/TestAssertions.h"

namespace clang::tidy::threads {

struct QtThreadUses;
struct QtUnwaitedEnd;

/// Finds the paths on which a thread that is joined somewhere is still
/// joinable when it is destroyed or overwritten: an early return, a break,
/// an exception, a move-assignment; and member threads that the destructor
/// leaves to a stop() nobody is obliged to call.
///
/// For the user-facing documentation see
/// docs/checks/threads-joinable-at-exit.md.
class JoinableAtExitCheck : public ThreadLifetimeCheck {
public:
  JoinableAtExitCheck(StringRef Name, ClangTidyContext *Context);
  /// Every language: POSIX and C11 threads are C's (and C++98's) too.
  bool isLanguageVersionSupported(const LangOptions &) const override {
    return true;
  }

private:
  MemberKind membersToCheck() const override {
    return CheckMemberDestructors ? MemberKind::AnyOwner : MemberKind::None;
  }
  bool checksLocalContainers() const override { return true; }
  /// Paths on which a local thread is destroyed or overwritten joinable.
  void checkFunction(const FunctionDecl *Fn, ASTContext &Ctx) override;
  /// A member thread that the destructor leaves to a stop() function.
  void checkMember(const FieldDecl *Member) override;
  /// A path that skips the wait() of a local QThread (QtThreads).
  void checkQtLocal(const VarDecl *Thread, ASTContext &Ctx) override;
  /// A path that skips the join_all() of a local boost::thread_group whose
  /// threads terminate when deleted running (BoostThreads).
  bool checksBoostGroups() const override { return true; }
  void checkBoostGroupLocal(const VarDecl *Group, ASTContext &Ctx) override;
  /// An exception that destroys a local QThread before its wait().
  void reportQtUnwinding(const VarDecl *Thread, const QtUnwaitedEnd &End,
                         const QtThreadUses &Uses, const FunctionDecl *Fn,
                         ASTContext &Ctx);
  bool checksConstructors() const override { return CheckMemberDestructors; }
  /// Subobjects of \p Ctor's class (bases, members) that own a running
  /// thread when something later in \p Ctor may throw.
  void checkConstructor(const CXXConstructorDecl *Ctor) override;
  void reportSubobjectThrow(const CXXConstructorDecl *Ctor,
                            const SubobjectThrow &Found);
  /// The notes that follow a throw at \p Site in \p Fn, from the site on.
  void noteThrowSite(const Stmt *Site, const FunctionDecl *Fn);
  /// The note that \p RD's destructor (\p DtorDef, when visible) does not
  /// join a member thread.
  void noteDestructorDoesNotJoin(const CXXRecordDecl *RD,
                                 const FunctionDecl *DtorDef);
  /// Constructors that start \p Member and may throw before completing.
  void reportConstructorThrows(const FieldDecl *Member, const CXXRecordDecl *RD,
                               llvm::ArrayRef<const FunctionDecl *> Functions,
                               const MemberUseSummary &Summary);
  /// A destructor that joins \p Member only on some paths; true when
  /// reported.
  bool reportDestructorSkip(const FieldDecl *Member, const CXXRecordDecl *RD,
                            const FunctionDecl *DtorDef,
                            const MemberUseSummary &Summary);
  /// New threads assigned to \p Member while it may still own a running
  /// one (see MemberRestarts).
  void reportRestarts(const FieldDecl *Member);
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;
  void resetForTranslationUnit() override {
    ThreadLifetimeCheck::resetForTranslationUnit();
    Exceptions.reset();
  }
  void report(const LifetimeEvent &Event, const FunctionDecl *Fn,
              ASTContext &Ctx);
  /// The event of a handle (`pthread_t`, `thrd_t`, or an array of them):
  /// its thread leaks, where a std::thread would terminate.
  void reportHandle(const LifetimeEvent &Event, SourceLocation Loc,
                    const HandleThreadApi &Api, const FunctionDecl *Fn,
                    ASTContext &Ctx);
  bool isContainer(const VarDecl *Owner) const {
    return Types.ownerKind(Owner->getType()) == ThreadOwnerKind::Container;
  }

  const bool AssumeOpaqueCallsThrow;
  const bool CheckMemberDestructors;
  /// Exits on a test framework's failure path: reported once per thread,
  /// or not at all.
  const bool ReportTestAssertionExits;
  const TestAssertionMacros TestAssertions;
  const ExceptionOptions ExceptionOpts;
  ExceptionFlowAnalysis Exceptions;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_JOINABLEATEXITCHECK_H
