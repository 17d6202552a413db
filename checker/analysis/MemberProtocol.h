//===--- MemberProtocol.h - A member thread across ctor and dtor ----------===//
//
// A member thread outlives the function that starts it; what happens to it
// is decided by the constructor that starts it and the destructor that
// ends it. Two shapes go wrong there (issue 17):
//
// - a constructor starts it, then something throws before the constructor
//   completes: the destructor never runs and the member is destroyed
//   joinable;
// - the destructor joins it only under a condition that is not its
//   joinability: the other path destroys a running thread.
//
// Both run the lifetime dataflow (ThreadLifetimeAnalysis::analyzeMember)
// on one member function; this file says which functions, from which
// state, and what the dataflow needs to know about the class.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_MEMBERPROTOCOL_H
#define THREAD_TIDY_MEMBERPROTOCOL_H

#include "analysis/MemberThreadUses.h"
#include "analysis/ThreadLifetimeAnalysis.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>

namespace clang {
class ParentMap;
} // namespace clang

namespace clang::tidy::threads {

/// The expression that initializes the member of \p Init: the in-class
/// initializer when the constructor does not write one.
const Expr *memberInitializerExpr(const CXXCtorInitializer *Init);

/// Whether \p Ctor starts \p Member in its member initializer (written or
/// the in-class one).
bool memberInitializerStarts(const CXXConstructorDecl *Ctor,
                             const FieldDecl *Member, ThreadOwnerKind Kind,
                             const TrackedThreadTypes &Types);

/// Whether an exception that \p Try catches leaves \p Member safe: every
/// handler joins, detaches or hands it over, or none throws again (the
/// function goes on, and its owner's destructor will run).
bool handlersLeaveMemberSafe(const CXXTryStmt *Try, const FieldDecl *Member,
                             ThreadOwnerKind Kind,
                             const TrackedThreadTypes &Types);

/// Adds to \p Around every statement of \p Body that encloses a join of the
/// member (from \p Uses) or a return: a branch of such a statement may go
/// around the join.
void collectStatementsAroundJoins(const Stmt *Body,
                                  llvm::ArrayRef<ThreadUse> Uses,
                                  const ParentMap &Parents,
                                  llvm::DenseSet<const Stmt *> &Around);

/// A constructor that starts the member and may then throw.
struct ConstructorThrow {
  const CXXConstructorDecl *Constructor;
  /// Where the constructor starts the member (its first start).
  const Stmt *Start;
  /// The ExceptionExit event of the first call or throw, in source order.
  LifetimeEvent Throw;
};

/// The constructor and destructor of one thread-owning member's class.
class MemberProtocol {
public:
  MemberProtocol(const FieldDecl *Member, ThreadOwnerKind Kind,
                 const MemberUseSummary &Summary,
                 ThreadLifetimeAnalysis &Lifetimes)
      : Member(Member), Kind(Kind), Summary(Summary), Lifetimes(Lifetimes) {}

  /// The constructors among \p Functions that start the member and may
  /// throw before they complete, with nothing that joins it on the way out.
  llvm::SmallVector<ConstructorThrow, 2>
  constructorThrows(llvm::ArrayRef<const FunctionDecl *> Functions,
                    const TrackedThreadTypes &Types) const;

  /// The end of destructor \p Dtor, when it joins the member itself but
  /// not on every path while the class may have it running (it starts it
  /// somewhere): a ScopeExit event at its body.
  std::optional<LifetimeEvent>
  destructorLeavesJoinable(const FunctionDecl *Dtor,
                           const TrackedThreadTypes &Types) const;

  /// Whether \p Condition reads a flag that every function starting the
  /// member sets and the thread itself never writes (`running_`).
  bool conditionTracksStarts(const Expr *Condition,
                             const TrackedThreadTypes &Types) const;

private:
  const Stmt *firstStartIn(const CXXConstructorDecl *Ctor,
                           const TrackedThreadTypes &Types) const;
  bool functionTryBlockReleases(const CXXConstructorDecl *Ctor,
                                const TrackedThreadTypes &Types) const;

  const FieldDecl *Member;
  ThreadOwnerKind Kind;
  const MemberUseSummary &Summary;
  ThreadLifetimeAnalysis &Lifetimes;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_MEMBERPROTOCOL_H
