//===--- GuardConditions.cpp ----------------------------------------------===//

#include "analysis/GuardConditions.h"
#include "analysis/GuardedValues.h"
#include "analysis/ThrowPreconditions.h"
#include "utils/DeclNames.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::threads {

namespace {

/// \p E as a member call of one of \p Names, made on an object reached
/// without `->`.
const CXXMemberCallExpr *
testedCall(const Expr *E, std::initializer_list<llvm::StringRef> Names) {
  const Expr *Object = nullptr;
  if (!memberCallNamed(E, Names, Object))
    return nullptr;
  const auto *Call = llvm::cast<CXXMemberCallExpr>(stripValueWrappers(E));
  return calledObject(Call) ? Call : nullptr;
}

/// Parentheses, implicit conversions, cleanups and explicit casts to bool.
const Expr *stripCondition(const Expr *E) {
  while (E) {
    const Expr *Inner = stripValueWrappers(E);
    if (const auto *Cast = llvm::dyn_cast<ExplicitCastExpr>(Inner))
      if (Cast->getType()->isBooleanType())
        Inner = Cast->getSubExpr();
    if (Inner == E)
      return E;
    E = Inner;
  }
  return E;
}

/// `npos` of std::basic_string or std::basic_string_view.
bool isNpos(const Expr *E) {
  E = stripValueWrappers(E);
  const ValueDecl *D = nullptr;
  if (const auto *Ref = llvm::dyn_cast_or_null<DeclRefExpr>(E))
    D = Ref->getDecl();
  else if (const auto *Member = llvm::dyn_cast_or_null<MemberExpr>(E))
    D = Member->getMemberDecl();
  const auto *Var = llvm::dyn_cast_or_null<VarDecl>(D);
  if (identifierOf(Var) != "npos")
    return false;
  const auto *Owner = llvm::dyn_cast<CXXRecordDecl>(Var->getDeclContext());
  return hasPlainName(Owner, "std::basic_string") ||
         hasPlainName(Owner, "std::basic_string_view");
}

GuardFact factAbout(GuardFact::FactKind Kind, const Expr *Object,
                    const Expr *Operand = nullptr) {
  GuardFact Fact{Kind};
  Fact.Object = Object;
  Fact.Operand = Operand;
  return Fact;
}

} // namespace

void GuardConditions::factsWhen(const Expr *Condition, bool Value,
                                llvm::SmallVectorImpl<GuardFact> &Facts) {
  const Expr *E = stripCondition(Condition);
  if (!E)
    return;
  if (const auto *Not = llvm::dyn_cast<UnaryOperator>(E);
      Not && Not->getOpcode() == UO_LNot) {
    factsWhen(Not->getSubExpr(), !Value, Facts);
    return;
  }
  if (const auto *Bin = llvm::dyn_cast<BinaryOperator>(E)) {
    bool BothHold = (Bin->getOpcode() == BO_LAnd && Value) ||
                    (Bin->getOpcode() == BO_LOr && !Value);
    if (BothHold) {
      factsWhen(Bin->getLHS(), Value, Facts);
      factsWhen(Bin->getRHS(), Value, Facts);
      return;
    }
    if (Bin->getOpcode() == BO_Comma) {
      factsWhen(Bin->getRHS(), Value, Facts);
      return;
    }
  }
  if (std::optional<GuardFact> Fact = atomFact(E, Value)) {
    if (!Fact->Since)
      Fact->Since = E;
    Facts.push_back(*Fact);
  }
}

std::optional<GuardFact> GuardConditions::atomFact(const Expr *Atom,
                                                   bool Value) {
  if (std::optional<GuardFact> Fact = memberTestFact(Atom, Value))
    return Fact;
  if (std::optional<GuardFact> Fact = holdsAlternativeFact(Atom, Value))
    return Fact;
  Relation Rel;
  const Expr *LHS = nullptr;
  const Expr *RHS = nullptr;
  if (!comparison(Atom, Rel, LHS, RHS))
    return std::nullopt;
  if (!Value)
    Rel = negated(Rel);
  const auto *Builtin = llvm::dyn_cast<BinaryOperator>(Atom);
  bool UnsignedOperands =
      Builtin && Builtin->getLHS()->getType()->isUnsignedIntegerType();
  if (std::optional<GuardFact> Fact =
          comparisonFact(Rel, LHS, RHS, UnsignedOperands))
    return Fact;
  return comparisonFact(mirrored(Rel), RHS, LHS, UnsignedOperands);
}

// opt, opt.has_value(), m.count(k), m.contains(k), !v.empty(), v.size().
std::optional<GuardFact> GuardConditions::memberTestFact(const Expr *Atom,
                                                         bool Value) {
  const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(Atom);
  if (!Call || !Call->getMethodDecl() || !calledObject(Call))
    return std::nullopt;
  const CXXMethodDecl *Method = Call->getMethodDecl();
  const Expr *Object = calledObject(Call);
  if (llvm::isa<CXXConversionDecl>(Method) &&
      hasPlainName(Method->getParent(), "std::optional") && Value)
    return factAbout(GuardFact::Engaged, Object);
  llvm::StringRef Name = identifierOf(Method);
  if (Name == "has_value" && Value)
    return factAbout(GuardFact::Engaged, Object);
  if ((Name == "count" || Name == "contains") && Value &&
      Call->getNumArgs() == 1)
    return factAbout(GuardFact::HasKey, Object, Call->getArg(0));
  if ((Name == "empty" && !Value) ||
      ((Name == "size" || Name == "length") && Value))
    return factAbout(GuardFact::NonEmpty, Object);
  return std::nullopt;
}

std::optional<GuardFact> GuardConditions::holdsAlternativeFact(const Expr *Atom,
                                                               bool Value) {
  const auto *Call = llvm::dyn_cast<CallExpr>(Atom);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Value || !Callee || Call->getNumArgs() != 1 ||
      !hasPlainName(Callee, "std::holds_alternative"))
    return std::nullopt;
  const TemplateArgumentList *Args = Callee->getTemplateSpecializationArgs();
  if (!Args || Args->size() < 1 ||
      Args->get(0).getKind() != TemplateArgument::Type)
    return std::nullopt;
  GuardFact Fact = factAbout(GuardFact::HoldsType, Call->getArg(0));
  Fact.Type = Args->get(0).getAsType();
  return Fact;
}

bool GuardConditions::comparison(const Expr *Atom, Relation &Rel,
                                 const Expr *&LHS, const Expr *&RHS) {
  BinaryOperatorKind Op;
  if (const auto *Bin = llvm::dyn_cast<BinaryOperator>(Atom)) {
    Op = Bin->getOpcode();
    LHS = Bin->getLHS();
    RHS = Bin->getRHS();
  } else if (const auto *Rewritten =
                 llvm::dyn_cast<CXXRewrittenBinaryOperator>(Atom)) {
    Op = Rewritten->getOperator();
    LHS = Rewritten->getLHS();
    RHS = Rewritten->getRHS();
  } else if (const auto *Overloaded = llvm::dyn_cast<CXXOperatorCallExpr>(Atom);
             Overloaded && Overloaded->getNumArgs() == 2) {
    if (Overloaded->getOperator() == OO_EqualEqual)
      Op = BO_EQ;
    else if (Overloaded->getOperator() == OO_ExclaimEqual)
      Op = BO_NE;
    else
      return false;
    LHS = Overloaded->getArg(0);
    RHS = Overloaded->getArg(1);
  } else {
    return false;
  }
  switch (Op) {
  case BO_LT:
    Rel = Relation::Less;
    return true;
  case BO_LE:
    Rel = Relation::LessEqual;
    return true;
  case BO_GT:
    Rel = Relation::Greater;
    return true;
  case BO_GE:
    Rel = Relation::GreaterEqual;
    return true;
  case BO_EQ:
    Rel = Relation::Equal;
    return true;
  case BO_NE:
    Rel = Relation::NotEqual;
    return true;
  default:
    return false;
  }
}

std::optional<GuardFact>
GuardConditions::comparisonFact(Relation Rel, const Expr *LHS, const Expr *RHS,
                                bool UnsignedOperands) {
  if (std::optional<GuardFact> Fact = sizeFact(Rel, LHS, RHS, UnsignedOperands))
    return Fact;
  if (std::optional<GuardFact> Fact = countFact(Rel, LHS, RHS))
    return Fact;
  if (std::optional<GuardFact> Fact = foundFact(Rel, LHS, RHS))
    return Fact;
  if (std::optional<GuardFact> Fact = nposFact(Rel, LHS, RHS))
    return Fact;
  if (std::optional<GuardFact> Fact = nulloptFact(Rel, LHS, RHS))
    return Fact;
  if (std::optional<GuardFact> Fact = nonNegativeFact(Rel, LHS, RHS))
    return Fact;
  return alternativeFact(Rel, LHS, RHS);
}

// i < v.size(), pos <= s.size(), 0 < v.size(), 0 != v.size().
std::optional<GuardFact> GuardConditions::sizeFact(Relation Rel,
                                                   const Expr *Value,
                                                   const Expr *Size,
                                                   bool UnsignedOperands) {
  // `n = s.size()` then `i < n`: the bound stands for the size it holds.
  const VarDecl *Holder = sizeHolder(Size, UnsignedOperands);
  // (int)v.size(): converted to a signed type, the size is the size or
  // less (or negative), so a non-negative index below it is below the size.
  const Expr *Measured = stripValueWrappers(Holder ? Holder->getInit() : Size);
  const auto *Narrowed = llvm::dyn_cast_or_null<ExplicitCastExpr>(Measured);
  if (Narrowed && Narrowed->getType()->isSignedIntegerType() &&
      !UnsignedOperands)
    Measured = Narrowed->getSubExpr();
  const CXXMemberCallExpr *Query = testedCall(Measured, {"size", "length"});
  if (!Query || Query->getNumArgs() != 0)
    return std::nullopt;
  const Expr *Object = calledObject(Query);
  std::optional<GuardFact> Fact;
  if ((isIntegerLiteral(Value, 0) &&
       (Rel == Relation::Less || Rel == Relation::NotEqual)) ||
      (isIntegerLiteral(Value, 1) && Rel == Relation::LessEqual))
    Fact = factAbout(GuardFact::NonEmpty, Object);
  else if (Rel == Relation::Less)
    Fact = factAbout(GuardFact::IndexBelowSize, Object, Value);
  else if (Rel == Relation::LessEqual)
    Fact = factAbout(GuardFact::PositionAtMostSize, Object, Value);
  // Compared signed, a negative index passes the test and fails at().
  if (Fact && !UnsignedOperands && Fact->Kind != GuardFact::NonEmpty)
    Fact->NeedsNonNegative = true;
  if (Fact && Holder) {
    Fact->Derived = Holder; // must keep the size it was initialized with
    Fact->SizeRead = Holder->getInit();
  }
  return Fact;
}

// A local, declared by the function, initialized with a `size()`. Converted
// to a signed type it holds the size or less (or a negative value, which a
// signed comparison keeps negative); compared unsigned, a negative value
// would become huge.
const VarDecl *GuardConditions::sizeHolder(const Expr *Bound,
                                           bool UnsignedOperands) {
  const VarDecl *Holder = localVariableOf(Bound);
  if (!Holder || llvm::isa<ParmVarDecl>(Holder) || !Holder->getInit() ||
      !Holder->getType()->isIntegerType() ||
      (Holder->getType()->isSignedIntegerType() && UnsignedOperands))
    return nullptr;
  const Expr *Init = stripValueWrappers(Holder->getInit());
  if (const auto *Cast = llvm::dyn_cast<ExplicitCastExpr>(Init))
    Init = Cast->getSubExpr();
  const Expr *Object = nullptr;
  if (!memberCallNamed(Init, {"size", "length"}, Object))
    return nullptr;
  return Holder;
}

// i >= 0.
std::optional<GuardFact> GuardConditions::nonNegativeFact(Relation Rel,
                                                          const Expr *Value,
                                                          const Expr *Bound) {
  if (Rel != Relation::GreaterEqual || !isIntegerLiteral(Bound, 0) ||
      !Value->getType()->isIntegerType())
    return std::nullopt;
  return factAbout(GuardFact::NonNegative, nullptr, Value);
}

// m.count(k) != 0, > 0, >= 1, == 1.
std::optional<GuardFact>
GuardConditions::countFact(Relation Rel, const Expr *Count, const Expr *Bound) {
  const CXXMemberCallExpr *Query = testedCall(Count, {"count"});
  if (!Query || Query->getNumArgs() != 1)
    return std::nullopt;
  bool Found = ((Rel == Relation::NotEqual || Rel == Relation::Greater) &&
                isIntegerLiteral(Bound, 0)) ||
               ((Rel == Relation::GreaterEqual || Rel == Relation::Equal) &&
                isIntegerLiteral(Bound, 1));
  if (!Found)
    return std::nullopt;
  return factAbout(GuardFact::HasKey, calledObject(Query), Query->getArg(0));
}

// m.find(k) != m.end(), and `it != m.end()` after `auto it = m.find(k)`.
std::optional<GuardFact>
GuardConditions::foundFact(Relation Rel, const Expr *Found, const Expr *End) {
  const CXXMemberCallExpr *EndCall = testedCall(End, {"end", "cend"});
  if (Rel != Relation::NotEqual || !EndCall || EndCall->getNumArgs() != 0)
    return std::nullopt;
  const VarDecl *Iterator = localVariableOf(Found);
  const CXXMemberCallExpr *Find = testedCall(
      Iterator && Iterator->getInit() ? Iterator->getInit() : Found, {"find"});
  if (!Find || Find->getNumArgs() != 1 ||
      !sameValue(calledObject(Find), calledObject(EndCall)))
    return std::nullopt;
  GuardFact Fact =
      factAbout(GuardFact::HasKey, calledObject(Find), Find->getArg(0));
  if (Iterator) {
    Fact.Since = Iterator->getInit();
    Fact.Derived = Iterator;
  }
  return Fact;
}

// (end = s.find(c)) != npos, and pos != npos (which says something when
// pos holds a find result: PositionVariables knows).
std::optional<GuardFact> GuardConditions::nposFact(Relation Rel,
                                                   const Expr *Position,
                                                   const Expr *Npos) {
  if (Rel != Relation::NotEqual || !isNpos(Npos))
    return std::nullopt;
  const auto *Assign =
      llvm::dyn_cast_or_null<BinaryOperator>(stripValueWrappers(Position));
  if (Assign && Assign->getOpcode() == BO_Assign) {
    const VarDecl *Holder = localVariableOf(Assign->getLHS());
    const CXXMemberCallExpr *Find = testedCall(
        Assign->getRHS(), {"find", "rfind", "find_first_of", "find_last_of",
                           "find_first_not_of", "find_last_not_of"});
    if (!Holder || !Find ||
        Holder->getType().getCanonicalType().getUnqualifiedType() !=
            Find->getMethodDecl()->getReturnType().getCanonicalType())
      return std::nullopt;
    return factAbout(GuardFact::IndexBelowSize, calledObject(Find),
                     Assign->getLHS());
  }
  if (!localVariableOf(Position))
    return std::nullopt;
  return factAbout(GuardFact::NotNpos, nullptr, Position);
}

// opt != std::nullopt.
std::optional<GuardFact> GuardConditions::nulloptFact(Relation Rel,
                                                      const Expr *Optional,
                                                      const Expr *Nullopt) {
  const Expr *Tested = stripValueWrappers(Nullopt);
  if (Rel != Relation::NotEqual || !Tested ||
      !hasPlainName(Tested->getType()->getAsCXXRecordDecl(),
                    "std::nullopt_t") ||
      !hasPlainName(Optional->getType()->getAsCXXRecordDecl(), "std::optional"))
    return std::nullopt;
  return factAbout(GuardFact::Engaged, Optional);
}

// v.index() == I, a.type() == typeid(T).
std::optional<GuardFact>
GuardConditions::alternativeFact(Relation Rel, const Expr *Query,
                                 const Expr *Expected) {
  if (Rel != Relation::Equal)
    return std::nullopt;
  if (const CXXMemberCallExpr *Index = testedCall(Query, {"index"})) {
    const auto *Literal =
        llvm::dyn_cast_or_null<IntegerLiteral>(stripValueWrappers(Expected));
    if (!Literal || Literal->getValue().getActiveBits() > 64 ||
        !hasPlainName(Index->getMethodDecl()->getParent(), "std::variant"))
      return std::nullopt;
    GuardFact Fact = factAbout(GuardFact::HoldsIndex, calledObject(Index));
    Fact.Index = Literal->getValue().getZExtValue();
    return Fact;
  }
  const CXXMemberCallExpr *Type = testedCall(Query, {"type"});
  const auto *TypeId =
      llvm::dyn_cast_or_null<CXXTypeidExpr>(stripValueWrappers(Expected));
  if (!Type || !TypeId || !TypeId->isTypeOperand() ||
      !hasPlainName(Type->getMethodDecl()->getParent(), "std::any"))
    return std::nullopt;
  GuardFact Fact = factAbout(GuardFact::HoldsType, calledObject(Type));
  Fact.Type =
      TypeId->getTypeOperandSourceInfo()->getType().getNonReferenceType();
  return Fact;
}

GuardConditions::Relation GuardConditions::mirrored(Relation Rel) {
  switch (Rel) {
  case Relation::Less:
    return Relation::Greater;
  case Relation::LessEqual:
    return Relation::GreaterEqual;
  case Relation::Greater:
    return Relation::Less;
  case Relation::GreaterEqual:
    return Relation::LessEqual;
  case Relation::Equal:
  case Relation::NotEqual:
    return Rel;
  }
  return Rel;
}

GuardConditions::Relation GuardConditions::negated(Relation Rel) {
  switch (Rel) {
  case Relation::Less:
    return Relation::GreaterEqual;
  case Relation::LessEqual:
    return Relation::Greater;
  case Relation::Greater:
    return Relation::LessEqual;
  case Relation::GreaterEqual:
    return Relation::Less;
  case Relation::Equal:
    return Relation::NotEqual;
  case Relation::NotEqual:
    return Relation::Equal;
  }
  return Rel;
}

} // namespace clang::tidy::threads
