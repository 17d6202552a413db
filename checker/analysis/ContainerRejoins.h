//===--- ContainerRejoins.h - A container member joined twice -------------===//
//
// `void start() { for (...) ws_.emplace_back(&C::run, this); }` and
// `void stop() { for (auto &t : ws_) t.join(); }`: stop() joins the threads
// and leaves them in the container. A second cycle, start(); stop();
// start(); stop();, adds new threads and joins the old ones again, and
// join() on a joined thread throws std::system_error (issue 17, shape 3).
// So does a second stop() after one cycle.
//
// A stop() that anyone could call twice is no evidence: every pool has one.
// Like the restart rule (MemberRestarts), this file wants a visible caller
// that shows the second cycle: a function that calls start and stop on one
// object twice in one sequence of statements, or in a loop, with nothing
// else done to the object in between.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_CONTAINERREJOINS_H
#define THREAD_TIDY_CONTAINERREJOINS_H

#include "analysis/MemberThreadUses.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::threads {

/// A join of the threads of a container member that a visible sequence of
/// calls reaches a second time, the threads joined the first time still in
/// the container.
struct ContainerRejoin {
  /// The join() or detach() of an element, in the joining loop.
  const Stmt *Join;
  /// The function the caller calls to join them (stop()), and the one it
  /// calls to add threads (start()).
  const FunctionDecl *Joining;
  const FunctionDecl *Starting;
  /// The function whose statements show the sequence.
  const FunctionDecl *Caller;
  /// The calls of that sequence: the start whose threads are joined
  /// twice, their first join, the start in between (null for stop();
  /// stop();) and the call that joins them again.
  const Stmt *FirstStart;
  const Stmt *FirstJoin;
  const Stmt *Restart = nullptr;
  const Stmt *SecondJoin = nullptr;
  /// Or: the loop whose next iteration calls FirstStart and FirstJoin again.
  const Stmt *Loop = nullptr;
};

/// Finds the second joins of one container member of a class.
class ContainerRejoins {
public:
  ContainerRejoins(const FieldDecl *Member, const CXXRecordDecl *RD,
                   const MemberUseSummary &Summary)
      : Member(Member), RD(RD), Summary(Summary) {}

  /// At most one finding per joining function, in the order found.
  llvm::SmallVector<ContainerRejoin, 1> find();

private:
  /// What calling a member function does to the member's threads.
  enum class RoleKind {
    Untouched, ///< Nothing.
    Starts,    ///< Adds threads, joins and removes none.
    Joins,     ///< Joins every element, unguarded, and removes none.
    Other,     ///< Anything else, or not known: ends a sequence.
  };
  struct Role {
    RoleKind Kind = RoleKind::Untouched;
    /// Joins: the element join that throws the second time.
    const Stmt *Join = nullptr;
  };

  Role roleOf(const FunctionDecl *Fn, unsigned Depth);
  /// The role of \p Fn's own uses of the member, calls not included.
  Role ownRole(const FunctionDecl *Fn);
  /// Whether \p JoinSite is in a loop that every call of \p Fn runs and
  /// that does not test the element's joinability.
  bool joinsEveryElement(const FunctionDecl *Fn, const Stmt *JoinSite) const;
  /// Looks for the sequences in every compound statement and loop of
  /// \p Caller.
  void findIn(const FunctionDecl *Caller,
              llvm::SmallVectorImpl<ContainerRejoin> &Found);

  const FieldDecl *Member;
  const CXXRecordDecl *RD;
  const MemberUseSummary &Summary;
  llvm::DenseMap<const FunctionDecl *, Role> Roles;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_CONTAINERREJOINS_H
