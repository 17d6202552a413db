//===--- GuardedValues.cpp ------------------------------------------------===//

#include "analysis/GuardedValues.h"
#include "utils/AstUtils.h"
#include "utils/DeclNames.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::threads {

namespace {

/// A construction the compiler inserted to convert one argument (a
/// `std::string` from a `const char *`, an elided copy), not one written.
const Expr *convertedArgument(const CXXConstructExpr *Construct) {
  if (llvm::isa<CXXTemporaryObjectExpr>(Construct) ||
      Construct->getNumArgs() == 0 || Construct->isListInitialization())
    return nullptr;
  for (const Expr *Extra : llvm::drop_begin(Construct->arguments()))
    if (!llvm::isa<CXXDefaultArgExpr>(Extra))
      return nullptr;
  return Construct->getArg(0);
}

/// `size()` or `length()` of a standard container or string: a value that
/// only changes when the object does.
const Expr *sizeQueryObject(const Expr *E) {
  const Expr *Object = nullptr;
  const CXXMethodDecl *Method = memberCallNamed(E, {"size", "length"}, Object);
  if (!Method || !Method->isConst() || Method->getNumParams() != 0 ||
      !Method->getParent()->isInStdNamespace())
    return nullptr;
  return Object;
}

bool sameAccessPath(const AccessPath &A, const AccessPath &B) {
  if (A.Root != B.Root || A.ThroughPointer != B.ThroughPointer ||
      A.Members.size() != B.Members.size())
    return false;
  for (size_t I = 0; I < A.Members.size(); ++I)
    if (A.Members[I]->getCanonicalDecl() != B.Members[I]->getCanonicalDecl())
      return false;
  return true;
}

bool isValueOperator(BinaryOperatorKind Op) {
  return BinaryOperator::isAdditiveOp(Op) ||
         BinaryOperator::isMultiplicativeOp(Op) ||
         BinaryOperator::isShiftOp(Op) || BinaryOperator::isBitwiseOp(Op);
}

bool isValueOperator(UnaryOperatorKind Op) {
  return Op == UO_Minus || Op == UO_Plus || Op == UO_Not || Op == UO_LNot;
}

} // namespace

const Expr *stripValueWrappers(const Expr *E) {
  while (E) {
    const Expr *Inner = E->IgnoreParenImpCasts();
    if (const auto *Full = llvm::dyn_cast<FullExpr>(Inner))
      Inner = Full->getSubExpr();
    else if (const auto *Temp = llvm::dyn_cast<MaterializeTemporaryExpr>(Inner))
      Inner = Temp->getSubExpr();
    else if (const auto *Bind = llvm::dyn_cast<CXXBindTemporaryExpr>(Inner))
      Inner = Bind->getSubExpr();
    else if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(Inner))
      Inner =
          convertedArgument(Construct) ? convertedArgument(Construct) : Inner;
    if (Inner == E)
      return E;
    E = Inner;
  }
  return E;
}

std::optional<AccessPath> accessPathOf(const Expr *E) {
  AccessPath Path;
  E = stripValueWrappers(E);
  while (const auto *Member = llvm::dyn_cast_or_null<MemberExpr>(E)) {
    if (const auto *Static = llvm::dyn_cast<VarDecl>(Member->getMemberDecl())) {
      Path.Root = Static;
      std::reverse(Path.Members.begin(), Path.Members.end());
      return Path;
    }
    const auto *Field = llvm::dyn_cast<FieldDecl>(Member->getMemberDecl());
    if (!Field)
      return std::nullopt;
    Path.Members.push_back(Field);
    const Expr *Base = Member->getBase()->IgnoreParenImpCasts();
    if (Member->isArrow() && !llvm::isa<CXXThisExpr>(Base))
      Path.ThroughPointer = true;
    E = Base;
  }
  std::reverse(Path.Members.begin(), Path.Members.end());
  if (llvm::isa_and_nonnull<CXXThisExpr>(E))
    return Path;
  const auto *Ref = llvm::dyn_cast_or_null<DeclRefExpr>(E);
  const auto *Var = Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var)
    return std::nullopt;
  Path.Root = Var->getCanonicalDecl();
  // Named from a non-mutable lambda, a copy it captured is const; the
  // captured variable itself is not.
  Path.ConstCapturedCopy = Ref->refersToEnclosingVariableOrCapture() &&
                           Ref->getType().isConstQualified() &&
                           !Var->getType().isConstQualified() &&
                           !Var->getType()->isReferenceType();
  return Path;
}

bool sameValue(const Expr *A, const Expr *B) {
  A = stripValueWrappers(A);
  B = stripValueWrappers(B);
  if (!A || !B)
    return false;
  if (std::optional<AccessPath> PathA = accessPathOf(A)) {
    std::optional<AccessPath> PathB = accessPathOf(B);
    return PathB && sameAccessPath(*PathA, *PathB);
  }
  if (const auto *RefA = llvm::dyn_cast<DeclRefExpr>(A)) {
    const auto *RefB = llvm::dyn_cast<DeclRefExpr>(B);
    return RefB && llvm::isa<EnumConstantDecl>(RefA->getDecl()) &&
           RefA->getDecl() == RefB->getDecl();
  }
  if (const auto *IntA = llvm::dyn_cast<IntegerLiteral>(A)) {
    const auto *IntB = llvm::dyn_cast<IntegerLiteral>(B);
    return IntB && llvm::APInt::isSameValue(IntA->getValue(), IntB->getValue());
  }
  if (const auto *CharA = llvm::dyn_cast<CharacterLiteral>(A)) {
    const auto *CharB = llvm::dyn_cast<CharacterLiteral>(B);
    return CharB && CharA->getValue() == CharB->getValue();
  }
  if (const auto *StrA = llvm::dyn_cast<StringLiteral>(A)) {
    const auto *StrB = llvm::dyn_cast<StringLiteral>(B);
    return StrB && StrA->getCharByteWidth() == StrB->getCharByteWidth() &&
           StrA->getBytes() == StrB->getBytes();
  }
  if (const auto *BoolA = llvm::dyn_cast<CXXBoolLiteralExpr>(A)) {
    const auto *BoolB = llvm::dyn_cast<CXXBoolLiteralExpr>(B);
    return BoolB && BoolA->getValue() == BoolB->getValue();
  }
  if (const auto *BinA = llvm::dyn_cast<BinaryOperator>(A)) {
    const auto *BinB = llvm::dyn_cast<BinaryOperator>(B);
    return BinB && BinA->getOpcode() == BinB->getOpcode() &&
           isValueOperator(BinA->getOpcode()) &&
           sameValue(BinA->getLHS(), BinB->getLHS()) &&
           sameValue(BinA->getRHS(), BinB->getRHS());
  }
  if (const auto *UnA = llvm::dyn_cast<UnaryOperator>(A)) {
    const auto *UnB = llvm::dyn_cast<UnaryOperator>(B);
    return UnB && UnA->getOpcode() == UnB->getOpcode() &&
           isValueOperator(UnA->getOpcode()) &&
           sameValue(UnA->getSubExpr(), UnB->getSubExpr());
  }
  if (const auto *CastA = llvm::dyn_cast<ExplicitCastExpr>(A)) {
    const auto *CastB = llvm::dyn_cast<ExplicitCastExpr>(B);
    return CastB && CastA->getCastKind() == CastB->getCastKind() &&
           CastA->getType().getCanonicalType() ==
               CastB->getType().getCanonicalType() &&
           sameValue(CastA->getSubExpr(), CastB->getSubExpr());
  }
  if (const Expr *ObjectA = sizeQueryObject(A)) {
    const Expr *ObjectB = sizeQueryObject(B);
    return ObjectB && sameValue(ObjectA, ObjectB);
  }
  return false;
}

bool collectAccessPaths(const Expr *E,
                        llvm::SmallVectorImpl<AccessPath> &Paths) {
  E = stripValueWrappers(E);
  if (!E)
    return false;
  if (std::optional<AccessPath> Path = accessPathOf(E)) {
    Paths.push_back(std::move(*Path));
    return true;
  }
  if (llvm::isa<IntegerLiteral, CharacterLiteral, StringLiteral,
                CXXBoolLiteralExpr>(E))
    return true;
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E))
    return llvm::isa<EnumConstantDecl>(Ref->getDecl());
  if (const auto *Bin = llvm::dyn_cast<BinaryOperator>(E))
    return isValueOperator(Bin->getOpcode()) &&
           collectAccessPaths(Bin->getLHS(), Paths) &&
           collectAccessPaths(Bin->getRHS(), Paths);
  if (const auto *Un = llvm::dyn_cast<UnaryOperator>(E))
    return isValueOperator(Un->getOpcode()) &&
           collectAccessPaths(Un->getSubExpr(), Paths);
  if (const auto *Cast = llvm::dyn_cast<ExplicitCastExpr>(E))
    return collectAccessPaths(Cast->getSubExpr(), Paths);
  if (const Expr *Object = sizeQueryObject(E))
    return collectAccessPaths(Object, Paths);
  return false;
}

bool hasPlainName(const NamedDecl *D, llvm::StringRef QualifiedName) {
  return D && plainQualifiedName(D) == QualifiedName;
}

const VarDecl *localVariableOf(const Expr *E) {
  const VarDecl *Var = referencedVariable(stripValueWrappers(E));
  if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType())
    return nullptr;
  return Var;
}

bool isIntegerLiteral(const Expr *E, uint64_t Value) {
  const auto *Literal =
      llvm::dyn_cast_or_null<IntegerLiteral>(stripValueWrappers(E));
  return Literal && Literal->getValue().getActiveBits() <= 64 &&
         Literal->getValue().getZExtValue() == Value;
}

const CXXMethodDecl *
memberCallNamed(const Expr *E, std::initializer_list<llvm::StringRef> Names,
                const Expr *&Object) {
  const auto *Call =
      llvm::dyn_cast_or_null<CXXMemberCallExpr>(stripValueWrappers(E));
  if (!Call)
    return nullptr;
  const CXXMethodDecl *Method = Call->getMethodDecl();
  llvm::StringRef Called = identifierOf(Method);
  if (Called.empty())
    return nullptr;
  for (llvm::StringRef Name : Names)
    if (Called == Name) {
      Object = Call->getImplicitObjectArgument();
      return Object ? Method : nullptr;
    }
  return nullptr;
}

} // namespace clang::tidy::threads
