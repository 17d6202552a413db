//===--- ContainerJoinLoops.cpp -------------------------------------------===//

#include "analysis/ContainerJoinLoops.h"
#include "utils/AstUtils.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::threads {

namespace {

void appendOnce(llvm::SmallVector<unsigned, 1> &Containers,
                unsigned Container) {
  if (!llvm::is_contained(Containers, Container))
    Containers.push_back(Container);
}

} // namespace

void ContainerJoinLoops::addJoin(unsigned Container, const Stmt *JoinSite,
                                 const Stmt *Scope) {
  const Stmt *Loop = joiningLoop(JoinSite, Scope);
  if (!Loop)
    return;
  appendOnce(LoopExits[Loop], Container);
  addBreaksBelow(loopBody(Loop), Container);
}

llvm::ArrayRef<unsigned>
ContainerJoinLoops::joinedOnEdge(const CFGBlock &Block,
                                 unsigned SuccIndex) const {
  const Stmt *Terminator = Block.getTerminatorStmt();
  if (!Terminator || (LoopExits.empty() && Breaks.empty()))
    return {};
  if (llvm::isa<BreakStmt>(Terminator)) {
    auto It = Breaks.find(Terminator);
    return It == Breaks.end() ? llvm::ArrayRef<unsigned>() : It->second;
  }
  // A loop's condition block goes to the body first, out of the loop second.
  auto It = LoopExits.find(Terminator);
  if (It == LoopExits.end() || SuccIndex != 1)
    return {};
  return It->second;
}

const Stmt *ContainerJoinLoops::joiningLoop(const Stmt *JoinSite,
                                            const Stmt *Scope) const {
  const Stmt *Loop = nullptr;
  const Stmt *Child = JoinSite;
  for (const Stmt *P = Parents.getParent(JoinSite); P;
       Child = P, P = Parents.getParent(P)) {
    if (P == Scope)
      return Loop;
    if (llvm::isa<LambdaExpr>(P))
      return nullptr;
    if (!Loop && loopBody(P) == Child)
      Loop = P;
  }
  return nullptr;
}

void ContainerJoinLoops::addBreaksBelow(const Stmt *S, unsigned Container) {
  if (!S)
    return;
  if (llvm::isa<BreakStmt>(S)) {
    appendOnce(Breaks[S], Container);
    return;
  }
  // A `break` in a nested loop or switch leaves that one.
  if (loopBody(S) || llvm::isa<SwitchStmt, LambdaExpr>(S))
    return;
  for (const Stmt *Child : S->children())
    addBreaksBelow(Child, Container);
}

} // namespace clang::tidy::threads
