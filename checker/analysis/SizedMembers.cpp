//===--- SizedMembers.cpp -------------------------------------------------===//

#include "analysis/SizedMembers.h"
#include "analysis/GuardedValues.h"
#include "analysis/NonNegativeLocals.h"
#include "utils/AstUtils.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::threads {

namespace {

/// How many wrappers (a cast, a default member initializer) are looked
/// through to find a member's construction.
constexpr unsigned MaxConstructionWrappers = 4;

bool isSizedContainer(QualType Type) {
  if (Type->isReferenceType())
    return false;
  const CXXRecordDecl *RD = Type->getAsCXXRecordDecl();
  return hasPlainName(RD, "std::vector") || hasPlainName(RD, "std::deque");
}

bool isCountType(QualType Type) {
  return Type->isIntegerType() && !Type->isBooleanType() &&
         !Type->isReferenceType();
}

/// The construction of a member from its initializer: `m(n)`, `m{n}`,
/// `m = std::vector<T>(n)` in the class.
const CXXConstructExpr *constructionOf(const Expr *Init) {
  for (unsigned I = 0; Init && I < MaxConstructionWrappers; ++I) {
    Init = Init->IgnoreImplicit();
    if (const auto *Default = llvm::dyn_cast<CXXDefaultInitExpr>(Init))
      Init = Default->getExpr();
    else if (const auto *Cast = llvm::dyn_cast<CXXFunctionalCastExpr>(Init))
      Init = Cast->getSubExpr();
    else
      return llvm::dyn_cast<CXXConstructExpr>(Init);
  }
  return nullptr;
}

/// The element count of `std::vector<T> m(n)` or `m(n, value)`: the
/// constructor's first parameter is the count (a constructor template
/// instantiated with integers, `vector(first, last)`, is not).
const Expr *countOfConstruction(const CXXConstructExpr *Construct) {
  const CXXConstructorDecl *Ctor =
      Construct ? Construct->getConstructor() : nullptr;
  if (!Ctor || Construct->getNumArgs() == 0 || Ctor->getNumParams() == 0 ||
      Ctor->getTemplatedKind() ==
          FunctionDecl::TK_FunctionTemplateSpecialization ||
      Ctor->isCopyOrMoveConstructor() ||
      !isCountType(Ctor->getParamDecl(0)->getType()))
    return nullptr;
  return Construct->getArg(0);
}

const CXXCtorInitializer *initializerOf(const CXXConstructorDecl *Ctor,
                                        const FieldDecl *Field) {
  for (const CXXCtorInitializer *Init : Ctor->inits())
    if (Init->isMemberInitializer() && Init->getMember() == Field)
      return Init;
  return nullptr;
}

/// Member functions that give access to elements without adding or
/// removing any.
bool keepsElementCount(const CXXMemberCallExpr *Call) {
  const CXXMethodDecl *Method = Call->getMethodDecl();
  if (!Method)
    return false;
  if (Method->isConst())
    return true;
  if (Method->getOverloadedOperator() == OO_Subscript)
    return true;
  static constexpr llvm::StringLiteral ElementAccess[] = {
      "at", "begin", "end", "rbegin", "rend", "data", "front", "back"};
  const IdentifierInfo *Name = Method->getIdentifier();
  return Name && llvm::is_contained(ElementAccess, Name->getName());
}

/// Checks one (container, count) pair of data members against the
/// class's code: its constructors size the container by the count, and
/// nothing else changes either.
class SizeInvariant {
public:
  SizeInvariant(const FieldDecl *Container, const FieldDecl *Count)
      : Container(Container), Count(Count) {}

  bool holds() const {
    const auto *Class = llvm::dyn_cast<CXXRecordDecl>(Container->getParent());
    llvm::SmallVector<const CXXRecordDecl *, 4> Classes;
    return Class && isCandidate(Class) &&
           collectClosedClasses(Class, Classes) && cannotBeMovedFrom(Class) &&
           constructorsSizeIt(Class) &&
           llvm::all_of(Classes, [&](const CXXRecordDecl *RD) {
             return bodiesOnlyRead(RD);
           });
  }

private:
  /// Private members of the same (non-template) class: only its own
  /// code can reach them.
  bool isCandidate(const CXXRecordDecl *Class) const {
    return Count->getParent() == Class && Class->hasDefinition() &&
           !Class->isUnion() && !Class->isDependentContext() &&
           !llvm::isa<ClassTemplateSpecializationDecl>(Class) &&
           Container->getAccess() == AS_private &&
           Count->getAccess() == AS_private &&
           isSizedContainer(Container->getType()) &&
           isCountType(Count->getType());
  }

  /// The class and the classes nested in it (which see its private
  /// members), without friends, member templates (whose code is not all
  /// in sight) or using-declarations.
  static bool
  collectClosedClasses(const CXXRecordDecl *RD,
                       llvm::SmallVectorImpl<const CXXRecordDecl *> &Out) {
    if (RD->hasFriends())
      return false;
    Out.push_back(RD);
    for (const Decl *D : RD->decls()) {
      // `using Base::Base;` constructs without sizing the container.
      if (llvm::isa<FunctionTemplateDecl, ClassTemplateDecl, UsingDecl>(D))
        return false;
      const auto *Nested = llvm::dyn_cast<CXXRecordDecl>(D);
      if (Nested && !Nested->isImplicit() && !collectClosedClasses(Nested, Out))
        return false;
    }
    return true;
  }

  /// A move leaves the container empty and the count as it was.
  static bool cannotBeMovedFrom(const CXXRecordDecl *Class) {
    if (Class->needsImplicitMoveConstructor() ||
        Class->needsImplicitMoveAssignment())
      return false;
    return llvm::none_of(Class->methods(), [](const CXXMethodDecl *Method) {
      const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(Method);
      bool Moves = (Ctor && Ctor->isMoveConstructor()) ||
                   Method->isMoveAssignmentOperator();
      return Moves && !Method->isDeleted() && !Method->isUserProvided();
    });
  }

  bool constructorsSizeIt(const CXXRecordDecl *Class) const {
    if (Class->needsImplicitDefaultConstructor() && !sizedInClass())
      return false;
    return llvm::all_of(Class->ctors(), [&](const CXXConstructorDecl *Ctor) {
      if (Ctor->isDeleted())
        return true;
      if (!Ctor->isUserProvided()) // implicit moves: cannotBeMovedFrom
        return Ctor->isCopyConstructor() || sizedInClass();
      const auto *Def =
          llvm::dyn_cast_or_null<CXXConstructorDecl>(Ctor->getDefinition());
      return Def && (Def->isDelegatingConstructor() || sizedBy(Def));
    });
  }

  /// `int k = 4; std::vector<T> m = std::vector<T>(k);` in the class.
  bool sizedInClass() const {
    return Count->hasInClassInitializer() &&
           Container->hasInClassInitializer() &&
           namesCountBeforeIt(countOfConstruction(
               constructionOf(Container->getInClassInitializer())));
  }

  /// The count member, initialized before the container.
  bool namesCountBeforeIt(const Expr *Size) const {
    return Size && memberOfThis(Size) == Count &&
           Count->getFieldIndex() < Container->getFieldIndex();
  }

  /// `k(n), m(k)` or `k(n), m(n)` in \p Ctor's initializers.
  bool sizedBy(const CXXConstructorDecl *Ctor) const {
    const CXXCtorInitializer *ContainerInit = initializerOf(Ctor, Container);
    const Expr *Size =
        ContainerInit
            ? countOfConstruction(constructionOf(ContainerInit->getInit()))
            : nullptr;
    if (!Size)
      return false;
    if (namesCountBeforeIt(Size))
      return true;
    const CXXCtorInitializer *CountInit = initializerOf(Ctor, Count);
    if (!CountInit || llvm::isa<CXXDefaultInitExpr>(CountInit->getInit()))
      return false;
    return sameParameterValue(stripValueWrappers(CountInit->getInit()),
                              stripValueWrappers(Size));
  }

  /// The same literal or parameters, of the count's own type (a
  /// conversion could make the count differ from the size).
  bool sameParameterValue(const Expr *CountValue, const Expr *Size) const {
    llvm::SmallVector<AccessPath, 2> Paths;
    if (!CountValue || !Size || !sameValue(CountValue, Size) ||
        !collectAccessPaths(Size, Paths))
      return false;
    ASTContext &Ctx = Count->getASTContext();
    if (!Ctx.hasSameUnqualifiedType(Size->getType(), Count->getType()))
      return false;
    return llvm::all_of(Paths, [](const AccessPath &Path) {
      return Path.Root && llvm::isa<ParmVarDecl>(Path.Root) &&
             !Path.Root->getType()->isReferenceType() && Path.Members.empty();
    });
  }

  /// Every member function of \p RD is in sight, and only reads the
  /// count and the container's size.
  bool bodiesOnlyRead(const CXXRecordDecl *RD) const {
    for (const FieldDecl *Field : RD->fields())
      if (Field->hasInClassInitializer() &&
          !onlyReads(Field->getInClassInitializer()))
        return false;
    return llvm::all_of(RD->methods(), [&](const CXXMethodDecl *Method) {
      if (Method->isImplicit() || Method->isDeleted() || Method->isDefaulted())
        return true; // member-wise: keeps both or copies both
      const FunctionDecl *Def = Method->getDefinition();
      if (!Def || !Def->getBody() || !onlyReads(Def->getBody()))
        return false;
      const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(Def);
      return !Ctor ||
             llvm::all_of(Ctor->inits(), [&](const CXXCtorInitializer *Init) {
               return !Init->getInit() || onlyReads(Init->getInit());
             });
    });
  }

  /// Whether every use of the two members below \p S reads: the count's
  /// value, or the container through a call that keeps its element count
  /// (`at`, `[]`, `begin`, a const member, a range-for).
  bool onlyReads(const Stmt *S) const {
    llvm::SmallPtrSet<const Expr *, 8> Reads;
    llvm::SmallVector<const MemberExpr *, 8> Uses;
    bool Escapes = false;
    forEachStmtIn(S, Lambdas::Enter, [&](const Stmt *Node) {
      if (const auto *Member = llvm::dyn_cast<MemberExpr>(Node)) {
        if (isTracked(Member->getMemberDecl()))
          Uses.push_back(Member);
      } else if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Node)) {
        Escapes |= isTracked(Ref->getDecl()); // `&C::m`
      } else if (const auto *Decls = llvm::dyn_cast<DeclStmt>(Node)) {
        // A local class's functions are not walked here.
        Escapes |= llvm::any_of(Decls->decls(), [](const Decl *D) {
          return llvm::isa<CXXRecordDecl>(D);
        });
      } else if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(Node)) {
        if (keepsElementCount(Call))
          Reads.insert(
              Call->getImplicitObjectArgument()->IgnoreParenImpCasts());
      } else if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(Node)) {
        if (Op->getOperator() == OO_Subscript && Op->getNumArgs() > 0)
          Reads.insert(Op->getArg(0)->IgnoreParenImpCasts());
      } else if (const auto *For = llvm::dyn_cast<CXXForRangeStmt>(Node)) {
        if (For->getRangeInit())
          Reads.insert(For->getRangeInit()->IgnoreParenImpCasts());
      } else if (const auto *Cast = llvm::dyn_cast<ImplicitCastExpr>(Node)) {
        if (Cast->getCastKind() == CK_LValueToRValue)
          Reads.insert(Cast->getSubExpr()->IgnoreParens());
      }
    });
    return !Escapes && llvm::all_of(Uses, [&](const MemberExpr *Use) {
      return Reads.contains(Use);
    });
  }

  bool isTracked(const ValueDecl *D) const {
    return D == Container || D == Count;
  }

  const FieldDecl *Container;
  const FieldDecl *Count;
};

/// `x % k` computes a value in [0, k) when x is not negative: the
/// remainder is unsigned, or x is unsigned (promoted), or a local that
/// counts up from zero.
bool dividendNonNegative(const BinaryOperator *Remainder,
                         const FunctionLayout &Layout) {
  if (Remainder->getType()->isUnsignedIntegerType())
    return true;
  const Expr *Dividend = Remainder->getLHS()->IgnoreParenImpCasts();
  return Dividend->getType()->isUnsignedIntegerType() ||
         staysNonNegative(localVariableOf(Dividend), Layout);
}

} // namespace

bool SizedMembers::indexBelowSize(const Expr *Call, const Expr *Object,
                                  const FunctionLayout &Layout) {
  const auto *MemberCall = llvm::dyn_cast_or_null<CXXMemberCallExpr>(Call);
  if (!MemberCall || !Object || MemberCall->getNumArgs() != 1)
    return false;
  const auto *Remainder = llvm::dyn_cast<BinaryOperator>(
      MemberCall->getArg(0)->IgnoreParenImpCasts());
  if (!Remainder || Remainder->getOpcode() != BO_Rem)
    return false;
  const Expr *Divisor = Remainder->getRHS()->IgnoreParenImpCasts();
  // `v.at(x % v.size())`, computed unsigned: below the size.
  const Expr *Measured = nullptr;
  if (const CXXMethodDecl *Size = memberCallNamed(Divisor, {"size"}, Measured))
    return Size->getNumParams() == 0 &&
           Remainder->getType()->isUnsignedIntegerType() &&
           sameValue(Measured, Object);
  const auto *Container =
      llvm::dyn_cast_or_null<FieldDecl>(memberOfThis(Object));
  const auto *Count = llvm::dyn_cast_or_null<FieldDecl>(memberOfThis(Divisor));
  if (!Container || !Count || !dividendNonNegative(Remainder, Layout))
    return false;
  return keepsSize(Container, Count);
}

bool SizedMembers::keepsSize(const FieldDecl *Container,
                             const FieldDecl *Count) {
  auto [It, Inserted] = Invariants.try_emplace({Container, Count}, false);
  if (Inserted)
    It->second = SizeInvariant(Container, Count).holds();
  return It->second;
}

} // namespace clang::tidy::threads
