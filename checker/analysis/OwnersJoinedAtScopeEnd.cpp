//===--- OwnersJoinedAtScopeEnd.cpp ---------------------------------------===//

#include "analysis/OwnersJoinedAtScopeEnd.h"
#include "analysis/ThreadStarts.h"
#include "analysis/ThreadUseClassifier.h"
#include "utils/AstUtils.h"
#include "utils/JthreadRewrite.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::threads {

namespace {

const Stmt *withoutFullExpr(const Stmt *S) {
  if (const auto *Full = llvm::dyn_cast_or_null<FullExpr>(S))
    return Full->getSubExpr();
  return S;
}

/// Whether \p Loop is a range-for over \p Array whose body is \p Join alone.
bool joinsEveryElement(const Stmt *Loop, const VarDecl *Array,
                       const Stmt *Join) {
  const auto *ForRange = llvm::dyn_cast_or_null<CXXForRangeStmt>(Loop);
  if (!ForRange || referencedVariable(ForRange->getRangeInit()) != Array)
    return false;
  const Stmt *Body = ForRange->getBody();
  if (const auto *Block = llvm::dyn_cast<CompoundStmt>(Body)) {
    if (Block->size() != 1)
      return false;
    Body = Block->body_front();
  }
  return withoutFullExpr(Body) == Join;
}

/// Whether \p S may leave the enclosing scope before its end.
bool mayLeaveEarly(const Stmt *S) {
  return anyStmtIn(S, [](const Stmt *Node) {
    return llvm::isa<ReturnStmt, BreakStmt, ContinueStmt, GotoStmt,
                     IndirectGotoStmt, CoreturnStmt, CXXThrowExpr>(Node);
  });
}

} // namespace

bool isJthreadCandidateOwner(const VarDecl *Owner, ThreadOwnerKind Kind) {
  if (holdsOneThread(Kind))
    return true;
  return Kind == ThreadOwnerKind::Container &&
         Owner->getType()->isConstantArrayType();
}

const Stmt *ownerJoinedAtScopeEnd(const VarDecl *Owner, ThreadOwnerKind Kind,
                                  const DeclStmt *Declaration,
                                  const FunctionDecl *Fn,
                                  const TrackedThreadTypes &StdThread) {
  if (!isJthreadCandidateOwner(Owner, Kind) || !Fn->getBody())
    return nullptr;
  // One start, one join; other uses only member calls on the threads
  // (get_id(), joinable()), which std::jthread has too.
  llvm::SmallVector<const Stmt *, 2> Starts;
  if (initializerStartsThread(Owner->getInit(), Kind, StdThread))
    Starts.push_back(Owner->getInit());
  llvm::SmallVector<ThreadUse, 8> Uses;
  ThreadUseClassifier(Fn->getBody(), StdThread).collectUses(Owner, Kind, Uses);
  const Stmt *Join = nullptr;
  for (const ThreadUse &Use : Uses) {
    switch (Use.Kind) {
    case ThreadUseKind::Start:
      Starts.push_back(Use.Site);
      break;
    case ThreadUseKind::Join:
      if (Join || !llvm::isa<CXXMemberCallExpr>(Use.Site) ||
          TrackedThreadTypes::joinKindAt(Use.Site) !=
              TrackedThreadTypes::JoinKind::Join)
        return nullptr;
      Join = Use.Site;
      break;
    case ThreadUseKind::Query:
      if (!Use.IsMemberCallOnOwner)
        return nullptr;
      break;
    case ThreadUseKind::Escape:
      return nullptr;
    }
  }
  if (!Join || Starts.size() != 1)
    return nullptr;
  const Expr *Callable = startedCallable(Starts.front(), Kind, StdThread);
  if (!Callable || !callableIgnoresStopToken(Callable))
    return nullptr;

  // The join ends the owner's own scope, and nothing before it leaves the
  // scope early or declares a local the threads could outlive.
  ParentMap Parents(Fn->getBody());
  const auto *Scope =
      llvm::dyn_cast_or_null<CompoundStmt>(Parents.getParent(Declaration));
  if (!Scope || Scope->body_empty())
    return nullptr;
  const Stmt *Last = withoutFullExpr(Scope->body_back());
  bool IsArray = Kind == ThreadOwnerKind::Container;
  if (IsArray ? !joinsEveryElement(Last, Owner, Join) : Last != Join)
    return nullptr;
  bool AfterOwner = false;
  for (const Stmt *S : Scope->body()) {
    if (withoutFullExpr(S) == Last)
      break;
    if (AfterOwner && (mayLeaveEarly(S) || llvm::isa<DeclStmt>(S)))
      return nullptr;
    AfterOwner |= S == Declaration;
  }
  return AfterOwner ? Scope->body_back() : nullptr;
}

} // namespace clang::tidy::threads
