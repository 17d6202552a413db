//===--- NonNegativeLocals.cpp --------------------------------------------===//

#include "analysis/NonNegativeLocals.h"
#include "analysis/GuardedValues.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::threads {

namespace {

bool isNonNegativeLiteral(const Expr *E) {
  const auto *Literal =
      llvm::dyn_cast_or_null<IntegerLiteral>(stripValueWrappers(E));
  return Literal && Literal->getValue().isNonNegative();
}

/// What the expression around \p Ref does with the variable: read its
/// value, increment it, or add or assign a non-negative literal.
bool keepsNonNegative(const Expr *Ref, const FunctionLayout &Layout) {
  const Stmt *Parent = Layout.parentOf(Ref);
  while (llvm::isa_and_nonnull<ParenExpr>(Parent)) {
    Ref = llvm::cast<Expr>(Parent);
    Parent = Layout.parentOf(Parent);
  }
  if (const auto *Cast = llvm::dyn_cast_or_null<ImplicitCastExpr>(Parent))
    return Cast->getCastKind() == CK_LValueToRValue;
  if (const auto *Unary = llvm::dyn_cast_or_null<UnaryOperator>(Parent))
    return Unary->isIncrementOp();
  if (const auto *Binary = llvm::dyn_cast_or_null<BinaryOperator>(Parent))
    return Binary->getLHS() == Ref &&
           (Binary->getOpcode() == BO_Assign ||
            Binary->getOpcode() == BO_AddAssign) &&
           isNonNegativeLiteral(Binary->getRHS());
  return false;
}

} // namespace

bool staysNonNegative(const VarDecl *Var, const FunctionLayout &Layout) {
  if (!Var || !Var->hasLocalStorage() || llvm::isa<ParmVarDecl>(Var) ||
      !Var->getType()->isIntegerType() || !Layout.declarationOf(Var) ||
      !isNonNegativeLiteral(Var->getInit()))
    return false;
  return llvm::all_of(Layout.referencesTo(Var), [&](const Expr *Ref) {
    return keepsNonNegative(Ref, Layout);
  });
}

} // namespace clang::tidy::threads
