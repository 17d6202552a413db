//===--- SizeDerivedPositions.cpp -----------------------------------------===//

#include "analysis/SizeDerivedPositions.h"
#include "analysis/GuardedValues.h"
#include "analysis/ThrowPreconditions.h"
#include "utils/AstUtils.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::threads {

namespace {

/// Locals initialized from locals: how far the position is followed.
constexpr unsigned MaxInitializerDepth = 3;

bool isPositionedCall(llvm::StringRef Name) {
  return Name == "std::basic_string::substr" ||
         Name == "std::basic_string_view::substr" ||
         Name == "std::basic_string::at" ||
         Name == "std::basic_string_view::at" ||
         Name == "std::basic_string::replace";
}

/// The same variable or member chain, or two calls of the same
/// argument-less member function on the same object (`log.contents()`,
/// `contents()`).
bool sameString(const Expr *A, const Expr *B) {
  if (sameValue(A, B))
    return true;
  const auto *CallA =
      llvm::dyn_cast_or_null<CXXMemberCallExpr>(stripValueWrappers(A));
  const auto *CallB =
      llvm::dyn_cast_or_null<CXXMemberCallExpr>(stripValueWrappers(B));
  if (!CallA || !CallB || CallA->getNumArgs() != 0 ||
      CallB->getNumArgs() != 0 || !CallA->getMethodDecl() ||
      !CallB->getMethodDecl() ||
      CallA->getMethodDecl()->getCanonicalDecl() !=
          CallB->getMethodDecl()->getCanonicalDecl())
    return false;
  // A getter called without an object (`contents()` in a member function
  // or a lambda capturing this) is called on `this` each time.
  if (isThis(CallA->getImplicitObjectArgument()) &&
      isThis(CallB->getImplicitObjectArgument()))
    return true;
  const Expr *ObjectA = calledObject(CallA);
  const Expr *ObjectB = calledObject(CallB);
  return ObjectA && ObjectB && sameString(ObjectA, ObjectB);
}

bool computedFromSizeOf(const Expr *Position, const Expr *String,
                        unsigned Depth) {
  return anyStmtIn(Position, [&](const Stmt *S) {
    const auto *E = llvm::dyn_cast<Expr>(S);
    if (!E)
      return false;
    const Expr *Measured = nullptr;
    if (const CXXMethodDecl *Size =
            memberCallNamed(E, {"size", "length"}, Measured))
      if (Size->getNumParams() == 0 && sameString(Measured, String))
        return true;
    const VarDecl *Var = localVariableOf(E);
    return Var && !llvm::isa<ParmVarDecl>(Var) && Var->getInit() &&
           Depth < MaxInitializerDepth &&
           computedFromSizeOf(Var->getInit(), String, Depth + 1);
  });
}

} // namespace

bool positionFromOwnSize(const Expr *Call, llvm::StringRef Name) {
  const auto *MemberCall = llvm::dyn_cast_or_null<CXXMemberCallExpr>(Call);
  if (!MemberCall || !isPositionedCall(Name) || MemberCall->getNumArgs() == 0)
    return false;
  const Expr *String = calledObject(MemberCall);
  const Expr *Position = MemberCall->getArg(0);
  // `s.at(s.size())` is past the end: an off-by-one, not a computation.
  const Expr *Measured = nullptr;
  if ((Name == "std::basic_string::at" ||
       Name == "std::basic_string_view::at") &&
      memberCallNamed(Position, {"size", "length"}, Measured))
    return false;
  return String && computedFromSizeOf(Position, String, 0);
}

} // namespace clang::tidy::threads
