//===--- ThrowPreconditions.cpp -------------------------------------------===//

#include "analysis/ThrowPreconditions.h"
#include "analysis/GuardedValues.h"
#include "analysis/SizeDerivedPositions.h"
#include "utils/AstUtils.h"
#include "utils/DeclNames.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"

namespace clang::tidy::threads {

namespace {

const Expr *argumentOf(const Expr *Call, unsigned Index) {
  llvm::ArrayRef<const Expr *> Args = argumentsOf(Call);
  return Index < Args.size() ? Args[Index] : nullptr;
}

const TemplateArgument *firstTemplateArgument(const FunctionDecl *FD) {
  const TemplateArgumentList *Args = FD->getTemplateSpecializationArgs();
  return Args && Args->size() > 0 ? &Args->get(0) : nullptr;
}

/// A variable whose value is fixed at its declaration: const (or constexpr)
/// and not a reference.
bool isConstantVariable(const VarDecl *Var) {
  if (!Var || Var->getType()->isReferenceType())
    return false;
  ASTContext &Ctx = Var->getASTContext();
  return Var->isConstexpr() ||
         Ctx.getBaseElementType(Var->getType()).isConstQualified();
}

} // namespace

const Expr *calledObject(const Expr *Call) {
  const auto *MemberCall = llvm::dyn_cast_or_null<CXXMemberCallExpr>(Call);
  if (!MemberCall)
    return nullptr;
  const auto *Callee =
      llvm::dyn_cast<MemberExpr>(MemberCall->getCallee()->IgnoreParens());
  if (!Callee || Callee->isArrow())
    return nullptr;
  return MemberCall->getImplicitObjectArgument();
}

namespace {

/// The fact \p Kind about the object \p Call is made on and its first
/// argument (the key or the index), when the call has both.
std::optional<GuardFact> objectAndFirstArgument(const Expr *Call,
                                                GuardFact::FactKind Kind) {
  const Expr *Object = calledObject(Call);
  const Expr *First = argumentOf(Call, 0);
  if (!Object || !First)
    return std::nullopt;
  GuardFact Need{Kind};
  Need.Object = Object;
  Need.Operand = First;
  return Need;
}

} // namespace

bool isStringFindName(llvm::StringRef Name) {
  return Name == "find" || Name == "rfind" || Name == "find_first_of" ||
         Name == "find_last_of" || Name == "find_first_not_of" ||
         Name == "find_last_not_of";
}

ThrowPrecondition ThrowPreconditions::of(const Expr *Call,
                                         const FunctionDecl *Callee) {
  ThrowPrecondition Result;
  if (!Call || !Callee)
    return Result;
  std::string Name = plainQualifiedName(Callee);
  if (reportsThroughErrorCode(Call, Callee) || buildsNothingNew(Callee) ||
      hasConstantPattern(Call, Name) || fitsInResult(Callee, Name) ||
      isIteratorOverload(Callee, Name) || positionFromOwnSize(Call, Name)) {
    Result.Kind = ThrowPrecondition::Impossible;
    return Result;
  }
  std::optional<GuardFact> Need = optionalAccess(Call, Name);
  if (!Need)
    Need = keyedAccess(Call, Name);
  if (!Need)
    Need = indexedAccess(Call, Name);
  if (!Need)
    Need = alternativeAccess(Call, Callee, Name);
  if (!Need)
    Need = patternInVariable(Call, Name);
  if (Need) {
    Result.Kind = ThrowPrecondition::Needs;
    Result.Need = *Need;
    return Result;
  }
  return positionedAccess(Call, Callee, Name);
}

// The filesystem (and networking) convention: the overload that takes a
// `std::error_code &` reports failure there instead of throwing.
bool ThrowPreconditions::reportsThroughErrorCode(const Expr *Call,
                                                 const FunctionDecl *Callee) {
  for (unsigned I = 0; I < Callee->getNumParams(); ++I) {
    QualType Type = Callee->getParamDecl(I)->getType();
    const auto *Ref = Type->getAs<LValueReferenceType>();
    if (!Ref || Ref->getPointeeType().isConstQualified())
      continue;
    const CXXRecordDecl *RD = Ref->getPointeeType()->getAsCXXRecordDecl();
    if (hasPlainName(RD, "std::error_code") && argumentOf(Call, I))
      return true;
  }
  return false;
}

// A default, copy or move construction of a listed class (a std::regex
// copied, a std::thread moved) builds nothing from input that could fail.
bool ThrowPreconditions::buildsNothingNew(const FunctionDecl *Callee) {
  const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(Callee);
  return Ctor &&
         (Ctor->isDefaultConstructor() || Ctor->isCopyOrMoveConstructor());
}

// A regular expression built from a string literal (or a constant
// initialized with one) is the same on every run: if it is invalid, the
// first run that reaches it fails, in every test. Only patterns that come
// from data can fail in production, and only those count.
bool ThrowPreconditions::hasConstantPattern(const Expr *Call,
                                            llvm::StringRef Name) {
  if (Name != "std::basic_regex::basic_regex" &&
      Name != "std::basic_regex::assign")
    return false;
  const Expr *Pattern = argumentOf(Call, 0);
  if (!Pattern)
    return false;
  if (hasPlainName(Pattern->getType()->getAsCXXRecordDecl(),
                   "std::basic_regex"))
    return true; // assign(const basic_regex &) copies a compiled one
  const Expr *Value = stripValueWrappers(Pattern);
  if (llvm::isa_and_nonnull<StringLiteral>(Value))
    return true;
  const auto *Ref = llvm::dyn_cast_or_null<DeclRefExpr>(Value);
  const auto *Var = Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return isConstantVariable(Var) && Var->getInit() &&
         llvm::isa_and_nonnull<StringLiteral>(
             stripValueWrappers(Var->getInit()));
}

// std::string pattern = R"(...)"; std::regex re(pattern); is as fixed as a
// literal when nothing changes the local: ThrowGuards looks.
std::optional<GuardFact>
ThrowPreconditions::patternInVariable(const Expr *Call, llvm::StringRef Name) {
  if (Name != "std::basic_regex::basic_regex" &&
      Name != "std::basic_regex::assign")
    return std::nullopt;
  const Expr *Pattern = stripValueWrappers(argumentOf(Call, 0));
  const auto *Ref = llvm::dyn_cast_or_null<DeclRefExpr>(Pattern);
  const auto *Var = Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || llvm::isa<ParmVarDecl>(Var) || !Var->hasLocalStorage() ||
      !Var->getInit() ||
      !llvm::isa_and_nonnull<StringLiteral>(stripValueWrappers(Var->getInit())))
    return std::nullopt;
  GuardFact Need{GuardFact::LiteralValue};
  Need.Operand = Ref;
  return Need;
}

// bitset<N>::to_ulong() throws only when a set bit does not fit the result.
bool ThrowPreconditions::fitsInResult(const FunctionDecl *Callee,
                                      llvm::StringRef Name) {
  if (Name != "std::bitset::to_ulong" && Name != "std::bitset::to_ullong")
    return false;
  const auto *Bitset =
      llvm::dyn_cast<ClassTemplateSpecializationDecl>(Callee->getDeclContext());
  if (!Bitset || Bitset->getTemplateArgs().size() < 1 ||
      Bitset->getTemplateArgs()[0].getKind() != TemplateArgument::Integral)
    return false;
  llvm::APSInt Bits = Bitset->getTemplateArgs()[0].getAsIntegral();
  uint64_t Width = Callee->getASTContext().getTypeSize(Callee->getReturnType());
  return Bits.isNonNegative() && Bits.getActiveBits() <= 64 &&
         Bits.getZExtValue() <= Width;
}

// basic_string::replace throws out_of_range for a position past the end;
// the overloads taking iterators have no position.
bool ThrowPreconditions::isIteratorOverload(const FunctionDecl *Callee,
                                            llvm::StringRef Name) {
  return Name == "std::basic_string::replace" && Callee->getNumParams() > 0 &&
         !Callee->getParamDecl(0)->getType()->isIntegerType();
}

std::optional<GuardFact>
ThrowPreconditions::optionalAccess(const Expr *Call, llvm::StringRef Name) {
  const Expr *Object = calledObject(Call);
  if (Name != "std::optional::value" || !Object)
    return std::nullopt;
  GuardFact Need{GuardFact::Engaged};
  Need.Object = Object;
  return Need;
}

std::optional<GuardFact> ThrowPreconditions::keyedAccess(const Expr *Call,
                                                         llvm::StringRef Name) {
  if (Name != "std::map::at" && Name != "std::unordered_map::at" &&
      Name != "std::flat_map::at")
    return std::nullopt;
  return objectAndFirstArgument(Call, GuardFact::HasKey);
}

std::optional<GuardFact>
ThrowPreconditions::indexedAccess(const Expr *Call, llvm::StringRef Name) {
  if (Name != "std::vector::at" && Name != "std::deque::at" &&
      Name != "std::array::at" && Name != "std::basic_string::at" &&
      Name != "std::basic_string_view::at")
    return std::nullopt;
  return objectAndFirstArgument(Call, GuardFact::IndexBelowSize);
}

ThrowPrecondition ThrowPreconditions::positionedAccess(
    const Expr *Call, const FunctionDecl *Callee, llvm::StringRef Name) {
  ThrowPrecondition Result;
  const Expr *Object = calledObject(Call);
  if (!Object || (Name != "std::basic_string::substr" &&
                  Name != "std::basic_string_view::substr" &&
                  Name != "std::basic_string::replace"))
    return Result;
  // replace(pos, n, str, pos2, n2) has a second position, into str.
  if (Name == "std::basic_string::replace" && Callee->getNumParams() >= 4 &&
      Callee->getParamDecl(2)->getType().getNonReferenceType()->isRecordType())
    return Result;
  const Expr *Position = argumentOf(Call, 0);
  if (!Position || llvm::isa<CXXDefaultArgExpr>(Position) ||
      isIntegerLiteral(Position, 0)) {
    Result.Kind = ThrowPrecondition::Impossible; // substr() starts at 0
    return Result;
  }
  // s.substr(s.find(c) + 1): below size() plus one, or npos + 1 == 0.
  if (const auto *Add =
          llvm::dyn_cast<BinaryOperator>(stripValueWrappers(Position))) {
    const Expr *Searched = nullptr;
    const CXXMethodDecl *Find = nullptr;
    if (Add->getOpcode() == BO_Add && isIntegerLiteral(Add->getRHS(), 1) &&
        Add->getType()->isUnsignedIntegerType())
      Find = memberCallNamed(Add->getLHS(),
                             {"find", "rfind", "find_first_of", "find_last_of",
                              "find_first_not_of", "find_last_not_of"},
                             Searched);
    if (Find && sameValue(Searched, Object) &&
        Add->getType().getCanonicalType() ==
            Find->getReturnType().getCanonicalType()) {
      Result.Kind = ThrowPrecondition::Impossible;
      return Result;
    }
  }
  Result.Kind = ThrowPrecondition::Needs;
  Result.Need = GuardFact{GuardFact::PositionAtMostSize};
  Result.Need.Object = Object;
  Result.Need.Operand = Position;
  return Result;
}

std::optional<GuardFact> ThrowPreconditions::alternativeAccess(
    const Expr *Call, const FunctionDecl *Callee, llvm::StringRef Name) {
  const Expr *Object = argumentOf(Call, 0);
  const TemplateArgument *Alternative = firstTemplateArgument(Callee);
  if (!Object || !Alternative || Callee->getNumParams() != 1)
    return std::nullopt;
  QualType Param = Callee->getParamDecl(0)->getType();
  if (!Param->isReferenceType())
    return std::nullopt; // the pointer overloads are noexcept anyway
  const CXXRecordDecl *Holder =
      Param.getNonReferenceType()->getAsCXXRecordDecl();
  GuardFact Need{GuardFact::HoldsType};
  Need.Object = Object;
  if (Name == "std::get" && hasPlainName(Holder, "std::variant")) {
    if (Alternative->getKind() == TemplateArgument::Integral) {
      llvm::APSInt Index = Alternative->getAsIntegral();
      if (Index.isNegative() || Index.getActiveBits() > 64)
        return std::nullopt;
      Need.Kind = GuardFact::HoldsIndex;
      Need.Index = Index.getZExtValue();
      return Need;
    }
    if (Alternative->getKind() != TemplateArgument::Type)
      return std::nullopt;
    Need.Type = Alternative->getAsType();
    return Need;
  }
  // any_cast<const T &>(a) needs `a` to hold a T.
  if (Name == "std::any_cast" && hasPlainName(Holder, "std::any") &&
      Alternative->getKind() == TemplateArgument::Type) {
    Need.Type = Alternative->getAsType().getNonReferenceType();
    return Need;
  }
  return std::nullopt;
}

} // namespace clang::tidy::threads
