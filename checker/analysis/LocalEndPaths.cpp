//===--- LocalEndPaths.cpp ------------------------------------------------===//

#include "analysis/LocalEndPaths.h"
#include "analysis/ThreadLifetimeAnalysis.h"
#include "utils/AstUtils.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include <optional>

namespace clang::tidy::threads {

std::unique_ptr<CFG> buildLocalEndCfg(const FunctionDecl *Fn, ASTContext &Ctx) {
  if (!isCfgBuildable(Fn))
    return nullptr;
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = true;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Cfg = CFG::buildCFG(Fn, Fn->getBody(), &Ctx, Options);
  if (Cfg && Cfg->getNumBlockIDs() > ThreadLifetimeAnalysis::MaxBlocks)
    return nullptr;
  return Cfg;
}

LocalEndSearch::LocalEndSearch(const VarDecl *Local, bool DestroyedAtScopeEnd,
                               llvm::ArrayRef<const Stmt *> Stops,
                               llvm::ArrayRef<const Stmt *> Ends,
                               llvm::function_ref<bool(const Stmt *)> Unwinds)
    : Local(Local), DestroyedAtScopeEnd(DestroyedAtScopeEnd), Unwinds(Unwinds) {
  this->Stops.insert(Stops.begin(), Stops.end());
  this->Ends.insert(Ends.begin(), Ends.end());
}

const Stmt *LocalEndSearch::search(const CFG &Cfg, const Stmt *Start) {
  Visited.assign(Cfg.getNumBlockIDs(), false);
  llvm::SmallVector<const CFGBlock *, 16> Work;
  for (const CFGBlock *Block : Cfg) {
    for (unsigned I = 0, N = Block->size(); I != N; ++I) {
      std::optional<CFGStmt> Element = (*Block)[I].getAs<CFGStmt>();
      if (!Element || Element->getStmt() != Start)
        continue;
      Step Result = scan(*Block, I + 1);
      if (Result.End || Result.Stopped)
        return Result.End;
      pushSuccessors(*Block, Work);
    }
  }
  while (!Work.empty()) {
    const CFGBlock *Block = Work.pop_back_val();
    Step Result = scan(*Block, 0);
    if (Result.End)
      return Result.End;
    if (!Result.Stopped)
      pushSuccessors(*Block, Work);
  }
  return nullptr;
}

LocalEndSearch::Step LocalEndSearch::scan(const CFGBlock &Block,
                                          unsigned From) const {
  for (unsigned I = From, N = Block.size(); I != N; ++I) {
    CFGElement Element = Block[I];
    if (std::optional<CFGStmt> S = Element.getAs<CFGStmt>()) {
      if (Stops.count(S->getStmt()))
        return {nullptr, true};
      if (Ends.count(S->getStmt()) || (Unwinds && Unwinds(S->getStmt())))
        return {S->getStmt(), true};
    } else if (std::optional<CFGAutomaticObjDtor> Dtor =
                   Element.getAs<CFGAutomaticObjDtor>()) {
      if (DestroyedAtScopeEnd && Dtor->getVarDecl() == Local)
        return {Dtor->getTriggerStmt(), true};
    }
  }
  return {};
}

void LocalEndSearch::pushSuccessors(
    const CFGBlock &Block, llvm::SmallVectorImpl<const CFGBlock *> &Work) {
  for (const CFGBlock::AdjacentBlock &Succ : Block.succs()) {
    const CFGBlock *Next = Succ.getReachableBlock();
    if (Next && !Visited[Next->getBlockID()]) {
      Visited[Next->getBlockID()] = true;
      Work.push_back(Next);
    }
  }
}

LocalScopeExceptions::LocalScopeExceptions(const FunctionDecl *Fn,
                                           const VarDecl *Local)
    : Parents(Fn->getBody()) {
  forEachStmtIn(Fn->getBody(), Lambdas::Skip, [&](const Stmt *S) {
    const auto *Decls = llvm::dyn_cast<DeclStmt>(S);
    if (!Declaration && Decls && llvm::is_contained(Decls->decls(), Local))
      Declaration = Decls;
  });
}

bool LocalScopeExceptions::isWithin(const Stmt *S, const Stmt *Outer) const {
  for (; S; S = Parents.getParent(S))
    if (S == Outer)
      return true;
  return false;
}

bool LocalScopeExceptions::leavesScope(const Stmt *Site) const {
  if (!Declaration ||
      !llvm::isa<CallExpr, CXXConstructExpr, CXXThrowExpr>(Site))
    return false;
  // The innermost try around the site decides: if the local is declared
  // inside its try block, so it is in every enclosing one.
  if (!Parents.getParent(Site))
    return false; // not in sight: a default argument's, say
  const Stmt *Child = Site;
  for (const Stmt *P = Parents.getParent(Site); P;
       Child = P, P = Parents.getParent(P)) {
    const auto *Try = llvm::dyn_cast<CXXTryStmt>(P);
    if (Try && Try->getTryBlock() == Child)
      return isWithin(Declaration, Child);
  }
  return true;
}

} // namespace clang::tidy::threads
