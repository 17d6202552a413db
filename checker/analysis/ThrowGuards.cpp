//===--- ThrowGuards.cpp --------------------------------------------------===//

#include "analysis/ThrowGuards.h"
#include "analysis/GuardConditions.h"
#include "analysis/GuardedValues.h"
#include "analysis/NonNegativeLocals.h"
#include "analysis/PositionVariables.h"
#include "analysis/ThrowPreconditions.h"
#include "analysis/ValueChanges.h"
#include "utils/AstUtils.h"
#include "utils/DeclNames.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::threads {

namespace {

const Expr *withoutWrappers(const Expr *E) {
  while (true) {
    const Expr *Inner = E->IgnoreParenImpCasts();
    if (const auto *Full = llvm::dyn_cast<FullExpr>(Inner))
      Inner = Full->getSubExpr();
    if (Inner == E)
      return E;
    E = Inner;
  }
}

/// An expression statement that ends the program or the function when
/// \p Condition is false (or true): glibc's `assert(c)` expands to
/// `c ? void(0) : __assert_fail(...)`.
bool isAssertion(const Stmt *S, const Expr *&Condition, bool &HoldsWhen) {
  const auto *E = llvm::dyn_cast<Expr>(S);
  const auto *Cond =
      E ? llvm::dyn_cast<ConditionalOperator>(withoutWrappers(E)) : nullptr;
  if (!Cond)
    return false;
  Condition = Cond->getCond();
  if (neverFallsThrough(Cond->getFalseExpr()) &&
      !neverFallsThrough(Cond->getTrueExpr())) {
    HoldsWhen = true;
    return true;
  }
  if (neverFallsThrough(Cond->getTrueExpr()) &&
      !neverFallsThrough(Cond->getFalseExpr())) {
    HoldsWhen = false;
    return true;
  }
  return false;
}

} // namespace

bool neverFallsThrough(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *E = llvm::dyn_cast<Expr>(S)) {
    E = withoutWrappers(E);
    if (llvm::isa<CXXThrowExpr>(E))
      return true;
    if (const auto *Call = llvm::dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      return Callee && Callee->isNoReturn();
    }
    if (const auto *Cond = llvm::dyn_cast<ConditionalOperator>(E))
      return neverFallsThrough(Cond->getTrueExpr()) &&
             neverFallsThrough(Cond->getFalseExpr());
    return false;
  }
  if (llvm::isa<ReturnStmt, BreakStmt, ContinueStmt, CoreturnStmt, GotoStmt>(S))
    return true;
  if (const auto *Block = llvm::dyn_cast<CompoundStmt>(S)) {
    for (const Stmt *Child : Block->body())
      if (llvm::isa<SwitchCase, LabelStmt>(Child))
        return false; // code after a label can be reached by a jump
    return llvm::any_of(Block->body(), [](const Stmt *Child) {
      return neverFallsThrough(Child);
    });
  }
  if (const auto *If = llvm::dyn_cast<IfStmt>(S))
    return neverFallsThrough(If->getThen()) && neverFallsThrough(If->getElse());
  if (const auto *Attributed = llvm::dyn_cast<AttributedStmt>(S))
    return neverFallsThrough(Attributed->getSubStmt());
  return false;
}

bool startsStandardThread(const FunctionDecl *Callee) {
  const auto *Ctor = llvm::dyn_cast_or_null<CXXConstructorDecl>(Callee);
  if (!Ctor)
    return false;
  return hasPlainName(Ctor->getParent(), "std::thread") ||
         hasPlainName(Ctor->getParent(), "std::jthread");
}

bool ThrowGuards::rulesOut(const Expr *Call, const FunctionDecl *Callee,
                           const FunctionDecl *Caller) {
  ThrowPrecondition Pre = ThrowPreconditions::of(Call, Callee);
  if (Pre.Kind == ThrowPrecondition::Impossible)
    return true;
  if (Pre.Kind == ThrowPrecondition::Unconditional || !Caller ||
      !Caller->getBody())
    return false;
  const FunctionAnalyses &Function = analysesOf(Caller);
  const FunctionLayout &Layout = Function.Layout;
  // A `goto` can enter the code after a guard without passing it.
  if (!Layout.contains(Call) || Layout.hasGoto())
    return false;
  // `queues_.at(n % threads_)`: below the size the class keeps.
  if (Pre.Need.Kind == GuardFact::IndexBelowSize &&
      Sized.indexBelowSize(Call, Pre.Need.Object, Layout))
    return true;
  const ValueChanges &Changes = Function.Changes;
  const PositionVariables &Positions = Function.Positions;
  llvm::SmallVector<GuardFact, 4> Facts;
  collectDominatingFacts(Call, Layout, Facts);
  collectPositionFacts(Pre.Need, Call, Positions, Facts);
  collectFixedValueFacts(Pre.Need, Changes, Facts);
  for (const GuardFact &Fact : Facts)
    if (implies(Fact, Pre.Need) && stillHolds(Fact, Call, Layout, Changes) &&
        signHolds(Fact, Facts, Call, Layout, Changes))
      return true;
  return false;
}

// `i < (int)v.size()` rules out `v.at(i)` when `i >= 0` holds too.
bool ThrowGuards::signHolds(const GuardFact &Fact,
                            llvm::ArrayRef<GuardFact> Facts, const Expr *Call,
                            const FunctionLayout &Layout,
                            const ValueChanges &Changes) const {
  // An integer literal is not negative.
  if (!Fact.NeedsNonNegative ||
      llvm::isa_and_nonnull<IntegerLiteral>(stripValueWrappers(Fact.Operand)))
    return true;
  // `int i = 0; ... ++i`: a counter that never goes below zero.
  if (staysNonNegative(localVariableOf(Fact.Operand), Layout))
    return true;
  return llvm::any_of(Facts, [&](const GuardFact &Sign) {
    return Sign.Kind == GuardFact::NonNegative &&
           sameValue(Sign.Operand, Fact.Operand) &&
           stillHolds(Sign, Call, Layout, Changes);
  });
}

ThrowGuards::FunctionAnalyses::FunctionAnalyses(const FunctionDecl *Function)
    : Layout(Function), Changes(Layout), Positions(Layout, Changes) {}

const ThrowGuards::FunctionAnalyses &
ThrowGuards::analysesOf(const FunctionDecl *Function) {
  std::unique_ptr<FunctionAnalyses> &Analyses = Functions[Function];
  if (!Analyses)
    Analyses = std::make_unique<FunctionAnalyses>(Function);
  return *Analyses;
}

// The conditions every path from the function's entry to the call
// evaluates, with the value they had on that path.
void ThrowGuards::collectDominatingFacts(
    const Expr *Call, const FunctionLayout &Layout,
    llvm::SmallVectorImpl<GuardFact> &Facts) const {
  const Stmt *Child = Call;
  for (const Stmt *Parent = Layout.parentOf(Call); Parent;
       Child = Parent, Parent = Layout.parentOf(Parent)) {
    if (llvm::isa<LambdaExpr, BlockExpr, CapturedStmt>(Parent))
      return; // runs later, not where it is written
    if (const auto *If = llvm::dyn_cast<IfStmt>(Parent)) {
      if (If->getCond() && Child == If->getThen())
        GuardConditions::factsWhen(If->getCond(), true, Facts);
      else if (If->getCond() && Child == If->getElse())
        GuardConditions::factsWhen(If->getCond(), false, Facts);
    } else if (const auto *Cond = llvm::dyn_cast<ConditionalOperator>(Parent)) {
      if (Child == Cond->getTrueExpr())
        GuardConditions::factsWhen(Cond->getCond(), true, Facts);
      else if (Child == Cond->getFalseExpr())
        GuardConditions::factsWhen(Cond->getCond(), false, Facts);
    } else if (const auto *Logical = llvm::dyn_cast<BinaryOperator>(Parent)) {
      if (Child == Logical->getRHS() && Logical->getOpcode() == BO_LAnd)
        GuardConditions::factsWhen(Logical->getLHS(), true, Facts);
      else if (Child == Logical->getRHS() && Logical->getOpcode() == BO_LOr)
        GuardConditions::factsWhen(Logical->getLHS(), false, Facts);
    } else if (const auto *While = llvm::dyn_cast<WhileStmt>(Parent)) {
      if (Child == While->getBody())
        GuardConditions::factsWhen(While->getCond(), true, Facts);
    } else if (const auto *For = llvm::dyn_cast<ForStmt>(Parent)) {
      if (Child == For->getBody() && For->getCond())
        GuardConditions::factsWhen(For->getCond(), true, Facts);
    } else if (const auto *Block = llvm::dyn_cast<CompoundStmt>(Parent)) {
      collectEarlierExits(Block, Child, Facts);
    }
  }
}

// `if (!opt) return;` before the statement holding the call: past it, the
// condition was false. An assertion works the same way.
void ThrowGuards::collectEarlierExits(
    const CompoundStmt *Block, const Stmt *Child,
    llvm::SmallVectorImpl<GuardFact> &Facts) const {
  for (const Stmt *S : Block->body()) {
    if (S == Child)
      return;
    if (const auto *If = llvm::dyn_cast<IfStmt>(S); If && If->getCond()) {
      bool ThenExits = neverFallsThrough(If->getThen());
      bool ElseExits = neverFallsThrough(If->getElse());
      if (ThenExits == ElseExits)
        continue;
      size_t First = Facts.size();
      GuardConditions::factsWhen(If->getCond(), ElseExits, Facts);
      for (size_t I = First; I < Facts.size(); ++I)
        Facts[I].ExitBranch = ThenExits ? If->getThen() : If->getElse();
      continue;
    }
    const Expr *Condition = nullptr;
    bool HoldsWhen = true;
    if (isAssertion(S, Condition, HoldsWhen))
      GuardConditions::factsWhen(Condition, HoldsWhen, Facts);
  }
}

// What the variables in a string position hold: `s.substr(pos + 1)` after
// `auto pos = s.find(':')` needs no guard (npos + 1 is 0), and `pos != npos`
// makes pos an index below size().
void ThrowGuards::collectPositionFacts(
    const GuardFact &Need, const Expr *Call, const PositionVariables &Positions,
    llvm::SmallVectorImpl<GuardFact> &Facts) const {
  if (!Need.Operand || (Need.Kind != GuardFact::IndexBelowSize &&
                        Need.Kind != GuardFact::PositionAtMostSize))
    return;
  auto Holds = [&](GuardFact::FactKind Kind, const Expr *Ref,
                   const Stmt *Since) {
    GuardFact Fact{Kind};
    Fact.Object = Need.Object;
    Fact.Operand = Ref;
    Fact.Since = Since;
    Facts.push_back(Fact);
  };
  forEachStmtIn(Need.Operand, Lambdas::Skip, [&](const Stmt *S) {
    const auto *Ref = llvm::dyn_cast<DeclRefExpr>(S);
    const auto *Var = Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (Positions.holdsFindResult(Var, Need.Object, Call))
      Holds(GuardFact::FindResult, Ref, nullptr);
    if (Positions.holdsPosition(Var, Need.Object, Call))
      Holds(GuardFact::PositionAtMostSize, Ref, nullptr);
  });
  // A `pos != npos` guard about a variable that holds a find result.
  for (size_t I = 0, N = Facts.size(); I < N; ++I) {
    if (Facts[I].Kind != GuardFact::NotNpos)
      continue;
    const auto *Ref =
        llvm::dyn_cast<DeclRefExpr>(stripValueWrappers(Facts[I].Operand));
    if (Ref && Positions.holdsFindResult(
                   llvm::dyn_cast<VarDecl>(Ref->getDecl()), Need.Object, Call))
      Holds(GuardFact::IndexBelowSize, Facts[I].Operand, Facts[I].Since);
  }
}

// A local that keeps the literal it was initialized with.
void ThrowGuards::collectFixedValueFacts(
    const GuardFact &Need, const ValueChanges &Changes,
    llvm::SmallVectorImpl<GuardFact> &Facts) const {
  const auto *Ref = llvm::dyn_cast_or_null<DeclRefExpr>(Need.Operand);
  if (Need.Kind != GuardFact::LiteralValue || !Ref ||
      !Changes.keepsInitialValue(llvm::dyn_cast<VarDecl>(Ref->getDecl())))
    return;
  GuardFact Fact{GuardFact::LiteralValue};
  Fact.Operand = Ref;
  Facts.push_back(Fact); // known to hold at the call
}

bool ThrowGuards::stillHolds(const GuardFact &Fact, const Expr *Call,
                             const FunctionLayout &Layout,
                             const ValueChanges &Changes) const {
  if (!Fact.Since)
    return true; // known to hold at the call
  std::vector<const Stmt *> Region;
  if (!Layout.between(Fact.Since, Call, Region))
    return false;
  if (Fact.ExitBranch)
    llvm::erase_if(Region, [&](const Stmt *S) {
      return Layout.isWithin(S, Fact.ExitBranch);
    });
  // A case or label in between: a jump there skips the guard.
  for (const Stmt *S : Region)
    if (llvm::isa<SwitchCase, LabelStmt>(S))
      return false;
  llvm::SmallVector<AccessPath, 4> Paths;
  if ((Fact.Object && !collectAccessPaths(Fact.Object, Paths)) ||
      (Fact.Operand && !collectAccessPaths(Fact.Operand, Paths)))
    return false;
  for (const AccessPath &Path : Paths)
    if (Changes.mayChange(Path, Region, Call))
      return false;
  if (Fact.SizeRead && !sizeStillRead(Fact, Call, Layout, Changes))
    return false;
  return !Fact.Derived || Changes.keepsInitialValue(Fact.Derived);
}

// `n = s.size()` ... `i < n` ... `s.substr(i)`: the size n holds is still
// s's size when s does not change from the read to the call.
bool ThrowGuards::sizeStillRead(const GuardFact &Fact, const Expr *Call,
                                const FunctionLayout &Layout,
                                const ValueChanges &Changes) const {
  std::vector<const Stmt *> Region;
  llvm::SmallVector<AccessPath, 2> Paths;
  if (!Layout.between(Fact.SizeRead, Call, Region) ||
      !collectAccessPaths(Fact.Object, Paths))
    return false;
  for (const Stmt *S : Region)
    if (llvm::isa<SwitchCase, LabelStmt>(S))
      return false;
  return llvm::none_of(Paths, [&](const AccessPath &Path) {
    return Changes.mayChange(Path, Region, Call);
  });
}

} // namespace clang::tidy::threads
