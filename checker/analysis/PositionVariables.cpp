//===--- PositionVariables.cpp --------------------------------------------===//

#include "analysis/PositionVariables.h"
#include "analysis/GuardedValues.h"
#include "analysis/ThrowPreconditions.h"
#include "utils/DeclNames.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::threads {

namespace {

/// An unsigned variable at least as wide as size_t: a position stored in it
/// is the position, and npos + 1 wraps to 0 in it.
bool holdsSizes(const VarDecl *Var) {
  QualType Type = Var->getType().getCanonicalType();
  const ASTContext &Ctx = Var->getASTContext();
  return Type->isUnsignedIntegerType() &&
         Ctx.getTypeSize(Type) >= Ctx.getTypeSize(Ctx.getSizeType());
}

/// A call of the find family on \p String.
const CXXMethodDecl *findCallOn(const Expr *Value, const Expr *String) {
  const auto *Find =
      llvm::dyn_cast_or_null<CXXMemberCallExpr>(stripValueWrappers(Value));
  const CXXMethodDecl *Method = Find ? Find->getMethodDecl() : nullptr;
  if (!Method || !isStringFindName(identifierOf(Method)) ||
      !calledObject(Find) || !sameValue(calledObject(Find), String))
    return nullptr;
  return hasPlainName(Method->getParent(), "std::basic_string") ||
                 hasPlainName(Method->getParent(), "std::basic_string_view")
             ? Method
             : nullptr;
}

} // namespace

bool PositionVariables::holdsFindResult(const VarDecl *Var, const Expr *String,
                                        const Stmt *Point) const {
  if (!Var || !holdsSizes(Var))
    return false;
  auto IsFind = [&](const Expr *Value) { return isFindOn(Value, String, Var); };
  return keepsInitialValue(Var, String, Point, IsFind) ||
         onlyEverHolds(Var, String, Point, IsFind);
}

bool PositionVariables::holdsPosition(const VarDecl *Var, const Expr *String,
                                      const Stmt *Point, unsigned Depth) const {
  if (!Var || !holdsSizes(Var) || Depth > 3)
    return false;
  auto IsPosition = [&](const Expr *Value) {
    return isPositionOn(Value, String, Depth + 1);
  };
  return keepsInitialValue(Var, String, Point, IsPosition) ||
         onlyEverHolds(Var, String, Point, IsPosition);
}

// The result of find as it is, not converted to a narrower type.
bool PositionVariables::isFindOn(const Expr *Value, const Expr *String,
                                 const VarDecl *Holder) const {
  const CXXMethodDecl *Find = findCallOn(Value, String);
  return Find && Find->getReturnType().getCanonicalType() ==
                     Holder->getType().getCanonicalType().getUnqualifiedType();
}

// 0, size(), a find result plus one (npos + 1 is 0), or a variable that
// holds one of those where \p Value reads it.
bool PositionVariables::isPositionOn(const Expr *Value, const Expr *String,
                                     unsigned Depth) const {
  const Expr *E = stripValueWrappers(Value);
  if (isIntegerLiteral(E, 0))
    return true;
  const Expr *Measured = nullptr;
  if (memberCallNamed(E, {"size", "length"}, Measured) &&
      sameValue(Measured, String))
    return true;
  if (const auto *Add = llvm::dyn_cast_or_null<BinaryOperator>(E)) {
    if (Add->getOpcode() != BO_Add || !isIntegerLiteral(Add->getRHS(), 1) ||
        !Add->getType()->isUnsignedIntegerType())
      return false;
    const Expr *Base = Add->getLHS()->IgnoreParenImpCasts();
    if (Base->getType().getCanonicalType().getUnqualifiedType() !=
        Add->getType().getCanonicalType())
      return false;
    if (const CXXMethodDecl *Find = findCallOn(Base, String))
      return Find->getReturnType().getCanonicalType() ==
             Add->getType().getCanonicalType();
    return holdsFindResult(localVariableOf(Base), String, Value);
  }
  return holdsPosition(localVariableOf(E), String, Value, Depth);
}

// Initialized with such a value, never written, and the string has not
// changed since.
bool PositionVariables::keepsInitialValue(const VarDecl *Var,
                                          const Expr *String, const Stmt *Point,
                                          ValueTest IsAccepted) const {
  const Expr *Init = Var->getInit();
  return Init && IsAccepted(Init) && Changes.keepsInitialValue(Var) &&
         unchangedBetween(Init, String, Point);
}

// Every value the function gives it is such a value, and the string does
// not change from the variable's declaration to the point: any path from
// an assignment to the point runs there (a loop around both declares the
// variable anew).
bool PositionVariables::onlyEverHolds(const VarDecl *Var, const Expr *String,
                                      const Stmt *Point,
                                      ValueTest IsAccepted) const {
  const Stmt *Declaration = Layout.declarationOf(Var);
  return Declaration && Changes.assignedOnly(Var, IsAccepted) &&
         unchangedBetween(Declaration, String, Point);
}

bool PositionVariables::unchangedBetween(const Stmt *From, const Expr *String,
                                         const Stmt *To) const {
  std::vector<const Stmt *> Region;
  llvm::SmallVector<AccessPath, 2> Paths;
  if (!To || !Layout.between(From, To, Region) ||
      !collectAccessPaths(String, Paths))
    return false;
  return llvm::none_of(Paths, [&](const AccessPath &Path) {
    return Changes.mayChange(Path, Region, To);
  });
}

} // namespace clang::tidy::threads
