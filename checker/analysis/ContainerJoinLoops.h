//===--- ContainerJoinLoops.h - Loops that join a container of threads ----===//
//
// A local container of threads (std::vector<std::thread>, ...) is filled by
// emplace_back/push_back in a loop and joined by a later loop over its
// elements (a range-for, or an index or iterator loop calling join() on each
// one). In the CFG that loop's body runs zero or more times, and the path
// that skips it is the one on which the container was empty: so a path that
// leaves a joining loop (at its condition, or by a `break` out of it) has
// joined every thread of the container. The lifetime dataflow asks this
// class which CFG edges those are.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_CONTAINERJOINLOOPS_H
#define THREAD_TIDY_CONTAINERJOINLOOPS_H

#include "clang/AST/ParentMap.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::threads {

class ContainerJoinLoops {
public:
  /// \p Parents covers the analysed function's body.
  explicit ContainerJoinLoops(const ParentMap &Parents) : Parents(Parents) {}

  /// Records a join of an element of the tracked container number
  /// \p Container (declared directly in \p Scope) at \p JoinSite. When a
  /// loop inside \p Scope runs the join, leaving that loop joins the whole
  /// container.
  void addJoin(unsigned Container, const Stmt *JoinSite, const Stmt *Scope);

  /// The containers joined on the edge from \p Block to its successor
  /// number \p SuccIndex.
  llvm::ArrayRef<unsigned> joinedOnEdge(const CFGBlock &Block,
                                        unsigned SuccIndex) const;

private:
  /// The innermost loop whose body holds \p JoinSite, if that loop is
  /// inside \p Scope (a loop around the declaration joins one container
  /// per iteration, not all of them).
  const Stmt *joiningLoop(const Stmt *JoinSite, const Stmt *Scope) const;
  /// Records the `break`s below \p S that leave the loop being recorded.
  void addBreaksBelow(const Stmt *S, unsigned Container);

  const ParentMap &Parents;
  /// A joining loop (the terminator of its condition block), and the
  /// containers its exit edge joins.
  llvm::DenseMap<const Stmt *, llvm::SmallVector<unsigned, 1>> LoopExits;
  /// A `break` out of a joining loop, and the containers it joins.
  llvm::DenseMap<const Stmt *, llvm::SmallVector<unsigned, 1>> Breaks;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_CONTAINERJOINLOOPS_H
