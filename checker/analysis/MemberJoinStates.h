//===--- MemberJoinStates.h - Joins that can meet a member not running ----===//
//
// `~Service() { stop(); }` with `void stop() { thread_.join(); }`: the
// destructor joins whatever state the object is in. A Service destroyed
// without start() joins a thread that never ran, one stopped by its owner
// first joins it twice; both throw std::system_error, from a destructor:
// std::terminate (issue 17, shape 3).
//
// The lifetime dataflow (ThreadLifetimeAnalysis::analyzeMember) runs on
// each member function that touches the member, once per state the member
// may be in on entry; a call on `this` is applied with the effect of the
// function it calls (computed the same way). This file says which
// sequences to run and turns their invalid joins into findings.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_MEMBERJOINSTATES_H
#define THREAD_TIDY_MEMBERJOINSTATES_H

#include "analysis/MemberCallChains.h"
#include "analysis/MemberProtocol.h"
#include "analysis/MemberThreadUses.h"
#include "analysis/ThreadLifetimeAnalysis.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::threads {

/// The instantiated class template specialization that declares
/// \p Member; null for anything else. Member joins are judged in class
/// template instantiations too: each is a class of its own.
const CXXRecordDecl *instantiatedClassOf(const FieldDecl *Member);

/// The member functions of the instantiation \p RD that were instantiated
/// with a body (the ones this translation unit uses), in \p Fns.
void collectInstantiatedMemberFunctions(
    const CXXRecordDecl *RD, llvm::SmallVectorImpl<const FunctionDecl *> &Fns);

/// An unguarded join() or detach() of a member thread that may meet it not
/// joinable on a visible sequence of the class's functions.
struct InvalidMemberJoin {
  enum ShapeKind {
    /// One function reaches it after an earlier join (`stop(); stop();`).
    JoinedTwice,
    /// A local object is stopped, then destroyed, and the destructor
    /// reaches it again.
    StoppedThenDestroyed,
    /// A constructor leaves the member not started, and the destructor
    /// reaches it.
    DestroyedUnstarted,
  };
  ShapeKind Shape;
  /// The join() or detach() that throws.
  const Stmt *Join;
  /// The function whose path reaches it (the destructor for the last two
  /// shapes).
  const FunctionDecl *From;
  /// How From reaches Join (no steps: Join is in From).
  llvm::SmallVector<MemberCallStep, 4> Steps;
  /// The path joins it on some paths only.
  bool OnlyOnSomePaths = false;
  /// JoinedTwice: the member was moved from, not joined.
  bool MovedFrom = false;
  /// JoinedTwice: the join, detach, move or call in From that ended it.
  const Stmt *Prior = nullptr;
  /// StoppedThenDestroyed: the object, the call that stops it, and where
  /// it is destroyed.
  const VarDecl *Object = nullptr;
  const CXXMemberCallExpr *StopCall = nullptr;
  SourceLocation DestroyedAt;
  /// DestroyedUnstarted: the constructor that does not start it (null for
  /// an implicit or defaulted one), and a start of the member.
  const FunctionDecl *Constructor = nullptr;
  const Stmt *Start = nullptr;
};

/// The states of one plain thread member across the functions of its class.
class MemberJoinStates {
public:
  MemberJoinStates(const FieldDecl *Member, const CXXRecordDecl *RD,
                   const MemberUseSummary &Summary,
                   ThreadLifetimeAnalysis &Lifetimes,
                   const TrackedThreadTypes &Types)
      : Member(Member), RD(RD), Summary(Summary), Lifetimes(Lifetimes),
        Types(Types),
        Protocol(Member, ThreadOwnerKind::Thread, Summary, Lifetimes) {}

  /// The invalid joins that the visible member functions \p Functions and
  /// the functions of the translation unit show, at most one per shape and
  /// join.
  void findInvalidJoins(llvm::ArrayRef<const FunctionDecl *> Functions,
                        llvm::SmallVectorImpl<InvalidMemberJoin> &Found);

private:
  using CallEffects =
      llvm::DenseMap<const Stmt *, ThreadLifetimeAnalysis::MemberCallEffect>;
  /// What a whole function does to the member: its effect as a call, and
  /// for each possibility on entry in which it throws, where (a join, or
  /// a call that throws there).
  struct FunctionEffect {
    ThreadLifetimeAnalysis::MemberCallEffect Effect;
    const Stmt *ThrowSite[JoinState::NumPossibilities] = {};
    /// Leaves the member as it was and never throws.
    bool Identity = true;
  };
  static FunctionEffect unknownEffect();

  FunctionEffect effectOf(const FunctionDecl *Fn, unsigned Depth);
  /// The calls in \p Fn that act on the member: calls on `this` of
  /// functions that touch it, and code the object is handed to.
  CallEffects callEffectsIn(const FunctionDecl *Fn, unsigned Depth);
  /// Runs the dataflow on \p Fn from \p Entry; false when it could not.
  bool run(const FunctionDecl *Fn, JoinState Entry, bool Constructor,
           const CallEffects &Calls, JoinState &AtReturn,
           llvm::SmallVectorImpl<LifetimeEvent> &InvalidJoins);
  /// Whether a flag guards \p Site in \p Fn (tested around it, or before
  /// it by an `if` that returns): one that every start sets, or one that
  /// \p Fn writes itself (a stop() that runs once).
  bool guardedByFlag(const Stmt *Site, const FunctionDecl *Fn) const;
  /// Follows \p Site (a join, or a call that throws in \p Bad) down to the
  /// join that throws, recording the calls; false when it cannot.
  bool resolveJoin(const Stmt *Site, const FunctionDecl *In, unsigned Bad,
                   InvalidMemberJoin &Found);

  void findJoinedTwice(llvm::ArrayRef<const FunctionDecl *> Functions,
                       llvm::SmallVectorImpl<InvalidMemberJoin> &Found);
  void
  findStoppedThenDestroyed(llvm::ArrayRef<const FunctionDecl *> Functions,
                           const FunctionDecl *Dtor,
                           llvm::SmallVectorImpl<InvalidMemberJoin> &Found);
  void findDestroyedUnstarted(const FunctionDecl *Dtor,
                              llvm::SmallVectorImpl<InvalidMemberJoin> &Found);
  /// A constructor that may leave the member not started, in \p Ctor
  /// (null for an implicit or defaulted one); false when every one starts
  /// it or cannot be seen.
  bool constructorLeavingUnstarted(const FunctionDecl *&Ctor);

  const FieldDecl *Member;
  const CXXRecordDecl *RD;
  const MemberUseSummary &Summary;
  ThreadLifetimeAnalysis &Lifetimes;
  const TrackedThreadTypes &Types;
  MemberProtocol Protocol;
  llvm::DenseMap<const FunctionDecl *, FunctionEffect> Effects;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_MEMBERJOINSTATES_H
