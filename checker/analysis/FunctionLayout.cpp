//===--- FunctionLayout.cpp -----------------------------------------------===//

#include "analysis/FunctionLayout.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include <utility>

namespace clang::tidy::threads {

namespace {

/// The part of a loop that is evaluated before each iteration.
const Stmt *loopConditionOf(const Stmt *Loop) {
  if (const auto *For = llvm::dyn_cast<ForStmt>(Loop))
    return For->getCond();
  if (const auto *While = llvm::dyn_cast<WhileStmt>(Loop))
    return While->getCond();
  return nullptr;
}

bool isLoop(const Stmt *S) {
  return llvm::isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
}

} // namespace

FunctionLayout::FunctionLayout(const FunctionDecl *Function)
    : Function(Function), Body(Function->getBody()),
      Parents(const_cast<Stmt *>(Body)) {
  number(Body);
}

void FunctionLayout::number(const Stmt *Root) {
  // Iterative: hostile code nests deeper than the stack allows.
  std::vector<std::pair<const Stmt *, Stmt::const_child_iterator>> Stack;
  auto Enter = [&](const Stmt *S) {
    if (!S || Range.count(S))
      return;
    Range[S] = Span{static_cast<unsigned>(Order.size()), 0};
    Order.push_back(S);
    if (llvm::isa<GotoStmt, IndirectGotoStmt>(S))
      HasGoto = true;
    indexReference(S);
    Stack.emplace_back(S, S->child_begin());
  };
  Enter(Root);
  while (!Stack.empty()) {
    auto &[S, Next] = Stack.back();
    if (Next == S->child_end()) {
      Range[S].Last = static_cast<unsigned>(Order.size()) - 1;
      Stack.pop_back();
      continue;
    }
    const Stmt *Child = *Next++;
    Enter(Child);
  }
}

void FunctionLayout::indexReference(const Stmt *S) {
  if (const auto *Decls = llvm::dyn_cast<DeclStmt>(S))
    for (const Decl *D : Decls->decls())
      Declarations.try_emplace(D->getCanonicalDecl(), S);
  const Decl *Named = nullptr;
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(S))
    Named = llvm::dyn_cast<VarDecl>(Ref->getDecl());
  else if (const auto *Member = llvm::dyn_cast<MemberExpr>(S))
    Named = llvm::dyn_cast<VarDecl>(Member->getMemberDecl());
  else if (!llvm::isa<CXXThisExpr>(S))
    return;
  if (Named || llvm::isa<CXXThisExpr>(S))
    References[Named ? Named->getCanonicalDecl() : nullptr].push_back(
        llvm::cast<Expr>(S));
}

const Stmt *FunctionLayout::declarationOf(const VarDecl *Var) const {
  auto Found = Declarations.find(Var ? Var->getCanonicalDecl() : nullptr);
  return Found == Declarations.end() ? nullptr : Found->second;
}

llvm::ArrayRef<const Expr *>
FunctionLayout::referencesTo(const VarDecl *Var) const {
  auto Found = References.find(Var ? Var->getCanonicalDecl() : nullptr);
  if (Found == References.end())
    return {};
  return Found->second;
}

const Stmt *FunctionLayout::parentOf(const Stmt *S) const {
  return Parents.getParent(const_cast<Stmt *>(S));
}

bool FunctionLayout::isWithin(const Stmt *Inner, const Stmt *Outer) const {
  auto In = Range.find(Inner);
  auto Out = Range.find(Outer);
  return In != Range.end() && Out != Range.end() &&
         Out->second.First <= In->second.First &&
         In->second.First <= Out->second.Last;
}

const Stmt *FunctionLayout::commonAncestor(const Stmt *A, const Stmt *B) const {
  for (const Stmt *S = B; S; S = parentOf(S))
    if (isWithin(A, S))
      return S;
  return nullptr;
}

const Stmt *FunctionLayout::fullExpressionOf(const Stmt *S) const {
  while (const Stmt *Parent = parentOf(S)) {
    if (!llvm::isa<Expr>(Parent) ||
        llvm::isa<StmtExpr, LambdaExpr, BlockExpr>(Parent))
      break;
    S = Parent;
  }
  return S;
}

// On the way from the common ancestor down to To: a branch To is not in is
// not taken on the way (the `then` of an `if` whose `else` holds To), and a
// `for` guarded by its own condition runs its increment only after the body.
void FunctionLayout::collectSkippedBranches(const Stmt *From, const Stmt *To,
                                            const Stmt *Ancestor,
                                            std::vector<Span> &Skipped) const {
  auto Skip = [&](const Stmt *S) {
    if (S && Range.count(S))
      Skipped.push_back(Range.find(S)->second);
  };
  for (const Stmt *Child = To; Child && Child != Ancestor;) {
    const Stmt *Parent = parentOf(Child);
    if (!Parent)
      break;
    if (const auto *If = llvm::dyn_cast<IfStmt>(Parent)) {
      if (Child == If->getElse())
        Skip(If->getThen());
    } else if (const auto *Cond = llvm::dyn_cast<ConditionalOperator>(Parent)) {
      if (Child == Cond->getFalseExpr())
        Skip(Cond->getTrueExpr());
    } else if (const auto *For = llvm::dyn_cast<ForStmt>(Parent)) {
      if (Child == For->getBody() && For->getCond() &&
          isWithin(From, For->getCond()))
        Skip(For->getInc());
    }
    Child = Parent;
  }
}

// A loop around To runs again before To is reached again, without going
// through From when From is outside the loop's repeated part.
void FunctionLayout::addRepeatedLoops(const Stmt *From, const Stmt *To,
                                      const Stmt *Ancestor,
                                      std::vector<Span> &Whole) const {
  for (const Stmt *S = parentOf(To); S; S = parentOf(S)) {
    if (isLoop(S)) {
      const Stmt *Condition = loopConditionOf(S);
      bool GuardedByOwnCondition =
          S == Ancestor && Condition && isWithin(From, Condition);
      if (!GuardedByOwnCondition)
        Whole.push_back(Range.find(S)->second);
    }
    if (S == Ancestor)
      break;
  }
}

bool FunctionLayout::between(const Stmt *From, const Stmt *To,
                             std::vector<const Stmt *> &Out) const {
  auto FromSpan = Range.find(From);
  auto ToSpan = Range.find(To);
  if (FromSpan == Range.end() || ToSpan == Range.end() ||
      ToSpan->second.First <= FromSpan->second.Last)
    return false;
  const Stmt *Ancestor = commonAncestor(From, To);
  if (!Ancestor)
    return false;
  std::vector<Span> Skipped;
  collectSkippedBranches(From, To, Ancestor, Skipped);
  std::vector<Span> Whole;
  addRepeatedLoops(From, To, Ancestor, Whole);

  unsigned AfterFrom = FromSpan->second.Last + 1;
  for (unsigned I = AfterFrom; I < ToSpan->second.First; ++I) {
    bool InSkipped = false;
    for (const Span &S : Skipped)
      if (S.First <= I && I <= S.Last) {
        I = S.Last;
        InSkipped = true;
        break;
      }
    // An expression around To does what it does after To.
    if (!InSkipped && !(llvm::isa<Expr>(Order[I]) && isWithin(To, Order[I])))
      Out.push_back(Order[I]);
  }
  for (const Span &Loop : Whole)
    for (unsigned I = Loop.First; I <= Loop.Last; ++I)
      Out.push_back(Order[I]);
  // The operands of the call's full expression are evaluated in an
  // unspecified order; the expressions enclosing the call only after it.
  Span Full = Range.find(fullExpressionOf(To))->second;
  for (unsigned I = std::max(Full.First, AfterFrom); I <= Full.Last; ++I) {
    const Stmt *S = Order[I];
    if (!isWithin(To, S) && !isWithin(S, To))
      Out.push_back(S);
  }
  return true;
}

} // namespace clang::tidy::threads
