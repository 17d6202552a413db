//===--- GuardFacts.cpp ---------------------------------------------------===//

#include "analysis/GuardFacts.h"
#include "analysis/GuardedValues.h"

namespace clang::tidy::threads {

namespace {

/// The value of \p E when it is an integer literal.
std::optional<uint64_t> literalOf(const Expr *E) {
  const auto *Literal =
      llvm::dyn_cast_or_null<IntegerLiteral>(stripValueWrappers(E));
  if (!Literal || Literal->getValue().getActiveBits() > 63)
    return std::nullopt;
  return Literal->getValue().getZExtValue();
}

/// The least size() that \p Have says the object has, when it says one:
/// `!v.empty()` 1, `v.size() > 2` 3, `v.size() >= 2` 2.
std::optional<uint64_t> sizeAtLeast(const GuardFact &Have) {
  if (Have.Kind == GuardFact::NonEmpty)
    return 1;
  std::optional<uint64_t> Bound = literalOf(Have.Operand);
  if (Bound && Have.Kind == GuardFact::IndexBelowSize)
    return *Bound + 1;
  if (Bound && Have.Kind == GuardFact::PositionAtMostSize)
    return *Bound;
  return std::nullopt;
}

/// `Base` when \p Position is `Base + 1` computed in Base's own unsigned
/// type: then a Base below size() (or npos, which wraps to 0) gives a
/// position not past the end.
const Expr *successorBase(const Expr *Position) {
  const auto *Add =
      llvm::dyn_cast_or_null<BinaryOperator>(stripValueWrappers(Position));
  if (!Add || Add->getOpcode() != BO_Add || !isIntegerLiteral(Add->getRHS(), 1))
    return nullptr;
  const Expr *Base = Add->getLHS()->IgnoreParenImpCasts();
  QualType Type = Add->getType().getCanonicalType();
  if (!Type->isUnsignedIntegerType() ||
      Type != Base->getType().getCanonicalType().getUnqualifiedType())
    return nullptr;
  return Base;
}

/// `N` when \p Position is `Object.size() - N`.
const Expr *takenFromSize(const Expr *Position, const Expr *Object) {
  const auto *Sub =
      llvm::dyn_cast_or_null<BinaryOperator>(stripValueWrappers(Position));
  const Expr *Measured = nullptr;
  if (!Sub || Sub->getOpcode() != BO_Sub ||
      !Sub->getType()->isUnsignedIntegerType() ||
      !memberCallNamed(Sub->getLHS(), {"size", "length"}, Measured) ||
      !sameValue(Measured, Object))
    return nullptr;
  return Sub->getRHS();
}

/// Whether the operand of \p Have is \p E; a fact derived from a variable
/// (`pos` holding a find result) may name the variable instead.
bool sameOperand(const GuardFact &Have, const Expr *E) {
  if (Have.Operand)
    return sameValue(Have.Operand, E);
  std::optional<AccessPath> Path = accessPathOf(E);
  return Have.Derived && Path && Path->Members.empty() &&
         Path->Root == Have.Derived->getCanonicalDecl();
}

bool sameType(QualType A, QualType B) {
  return !A.isNull() && !B.isNull() &&
         A.getCanonicalType().getUnqualifiedType() ==
             B.getCanonicalType().getUnqualifiedType();
}

} // namespace

bool implies(const GuardFact &Have, const GuardFact &Need) {
  if (Need.Object ? !sameValue(Have.Object, Need.Object)
                  : Have.Object != nullptr)
    return false;
  switch (Need.Kind) {
  case GuardFact::Engaged:
  case GuardFact::NonEmpty:
    return Have.Kind == Need.Kind;
  case GuardFact::HasKey:
  case GuardFact::FindResult:
  case GuardFact::NotNpos:
  case GuardFact::NonNegative:
  case GuardFact::LiteralValue:
    return Have.Kind == Need.Kind && sameOperand(Have, Need.Operand);
  case GuardFact::IndexBelowSize: {
    std::optional<uint64_t> Size = sizeAtLeast(Have);
    if (std::optional<uint64_t> Index = literalOf(Need.Operand))
      return Size && *Size > *Index;
    // size() - k, k >= 1, is below size() when size() >= k: no wrap.
    if (const Expr *Taken = takenFromSize(Need.Operand, Need.Object)) {
      std::optional<uint64_t> Back = literalOf(Taken);
      return Back && *Back >= 1 && Size && *Size >= *Back;
    }
    return Have.Kind == GuardFact::IndexBelowSize &&
           sameOperand(Have, Need.Operand);
  }
  case GuardFact::PositionAtMostSize: {
    std::optional<uint64_t> Size = sizeAtLeast(Have);
    if (std::optional<uint64_t> Position = literalOf(Need.Operand))
      return Size && *Size >= *Position;
    bool Bounds = Have.Kind == GuardFact::IndexBelowSize ||
                  Have.Kind == GuardFact::PositionAtMostSize;
    if (Bounds && sameOperand(Have, Need.Operand))
      return true;
    if (const Expr *Base = successorBase(Need.Operand))
      return (Have.Kind == GuardFact::IndexBelowSize ||
              Have.Kind == GuardFact::FindResult) &&
             sameOperand(Have, Base);
    // size() - n is not past the end when n is not: it does not wrap.
    if (const Expr *Taken = takenFromSize(Need.Operand, Need.Object)) {
      std::optional<uint64_t> Back = literalOf(Taken);
      if (Back)
        return Size && *Size >= *Back;
      return Bounds && sameOperand(Have, Taken);
    }
    return false;
  }
  case GuardFact::HoldsType:
    return Have.Kind == GuardFact::HoldsType && sameType(Have.Type, Need.Type);
  case GuardFact::HoldsIndex:
    return Have.Kind == GuardFact::HoldsIndex && Have.Index == Need.Index;
  }
  return false;
}

} // namespace clang::tidy::threads
