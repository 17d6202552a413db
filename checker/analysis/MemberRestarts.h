//===--- MemberRestarts.h - A new thread assigned over a running one -----===//
//
// `t_ = std::thread(...)` (or `p_ = std::make_unique<std::thread>(...)`,
// `p_.reset(new std::thread(...))`) in a member function destroys the
// thread the member held; if that one is still joinable, std::terminate is
// called (issue 17, shape 2). Whether it may be is a question about the
// whole class, and a start() that a user could call twice is no evidence:
// every service has one. The evidence this file looks for is in the
// class's own code:
//
// - a constructor leaves the member running, and a member function that
//   the constructors do not call assigns a new thread to it without
//   joining it first;
// - a function starts it twice on one path, or in a loop, with no join in
//   between;
// - a function calls such an assigning function twice on one path, or in
//   a loop, with no join in between.
//
// All three run the lifetime dataflow (ThreadLifetimeAnalysis::analyzeMember)
// on one member function; calls on `this` to a function that joins the
// member on every path, or that starts it, count as that use of it.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_MEMBERRESTARTS_H
#define THREAD_TIDY_MEMBERRESTARTS_H

#include "analysis/MemberProtocol.h"
#include "analysis/MemberThreadUses.h"
#include "analysis/ThreadLifetimeAnalysis.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::threads {

/// A new thread assigned to a member that may still own a running one.
struct MemberRestart {
  enum EvidenceKind {
    StartedByConstructor, ///< PriorStart, in a constructor, leaves it running.
    StartedEarlier,       ///< PriorStart, on the same path, did not join it.
    StartedInLoop,        ///< Loop runs the start again without a join.
  };
  /// The assignment or reset() that overwrites the member, and its function.
  const Stmt *Assignment;
  const FunctionDecl *Assigning;
  EvidenceKind Evidence;
  /// The start (or the call of a starting function) that left it running.
  const Stmt *PriorStart = nullptr;
  /// The loop around the start or the call.
  const Stmt *Loop = nullptr;
  /// When another member function calls Assigning again: that call.
  const Stmt *RepeatedCall = nullptr;
};

/// Finds the restarts of one thread-owning member of a class.
class MemberRestarts {
public:
  MemberRestarts(const FieldDecl *Member, ThreadOwnerKind Kind,
                 const CXXRecordDecl *RD, const MemberUseSummary &Summary,
                 ThreadLifetimeAnalysis &Lifetimes,
                 const TrackedThreadTypes &Types)
      : Member(Member), Kind(Kind), RD(RD), Summary(Summary),
        Lifetimes(Lifetimes), Types(Types),
        Protocol(Member, Kind, Summary, Lifetimes) {}

  /// The restarts in \p Functions, the visible member functions of the
  /// class, one per assignment, in the order found.
  llvm::SmallVector<MemberRestart, 2>
  find(llvm::ArrayRef<const FunctionDecl *> Functions);

private:
  /// What a call of a member function does to the member.
  struct FunctionFacts {
    /// Leaves it joined (or never started) on every path, whatever its
    /// state on entry: a stop().
    bool Joins = false;
    /// Starts it and may return with it running: a start().
    bool Starts = false;
    /// Where it assigns a new thread to it when it may be running on
    /// entry, with no guard that could know: a start() not safe to call
    /// twice. Null when it is.
    const Stmt *OverwriteWhenRunning = nullptr;
  };

  void learnJoiningFunctions(llvm::ArrayRef<const FunctionDecl *> Functions);
  void learnStartingFunctions(llvm::ArrayRef<const FunctionDecl *> Functions);
  /// The calls on `this` in \p Fn to functions that join or start the
  /// member, as uses of it.
  llvm::SmallVector<ThreadUse, 4> callEffectsIn(const FunctionDecl *Fn) const;
  /// The Overwrite events of the dataflow on \p Fn from \p Entry.
  llvm::SmallVector<LifetimeEvent, 2> overwritesIn(const FunctionDecl *Fn,
                                                   JoinState Entry) const;
  /// Whether a condition in \p Fn may know whether the member is running:
  /// it reads the member (a null test), a function that reads it, or a
  /// flag that every start sets (`if (running_) return;`).
  bool mayTestRunning(const FunctionDecl *Fn) const;
  /// Whether \p Fn calls a member function whose body is not visible, or
  /// hands the object to other code: either may join the member.
  bool mayJoinOutOfSight(const FunctionDecl *Fn) const;
  /// The function called at \p Site, if it is a starting one.
  const FunctionDecl *startingCallee(const Stmt *Site) const;

  void findAfterConstructors(llvm::ArrayRef<const FunctionDecl *> Functions,
                             llvm::SmallVectorImpl<MemberRestart> &Found);
  /// Where \p Ctor starts the member itself and may leave it running.
  const Stmt *constructorLeavesRunning(const CXXConstructorDecl *Ctor) const;
  void findRepeatedStarts(const FunctionDecl *Fn,
                          llvm::SmallVectorImpl<MemberRestart> &Found);
  /// The evidence for an Overwrite at \p Site in \p Fn: the last start
  /// before it in \p Fn, else the loop around it.
  MemberRestart explainRepeat(const FunctionDecl *Fn, const Stmt *Site) const;

  const FieldDecl *Member;
  ThreadOwnerKind Kind;
  const CXXRecordDecl *RD;
  const MemberUseSummary &Summary;
  ThreadLifetimeAnalysis &Lifetimes;
  const TrackedThreadTypes &Types;
  MemberProtocol Protocol;
  llvm::DenseMap<const FunctionDecl *, FunctionFacts> Facts;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_MEMBERRESTARTS_H
