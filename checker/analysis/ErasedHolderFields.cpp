//===--- ErasedHolderFields.cpp - Callables kept inside structs and maps --===//

#include "analysis/ErasedHolderFields.h"
#include "utils/AstUtils.h"
#include "utils/DeclNames.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::threads {

namespace {

bool isPair(const CXXRecordDecl *RD) { return isStdDeclNamed(RD, {"pair"}); }

/// The field at \p Index of \p RD (in declaration order), when it holds
/// callables.
const FieldDecl *callableFieldAt(const CXXRecordDecl *RD, unsigned Index) {
  if (!RD || !(RD = RD->getDefinition()))
    return nullptr;
  for (const FieldDecl *Field : RD->fields())
    if (Index-- == 0)
      return holdsCallables(Field->getType()) ? Field : nullptr;
  return nullptr;
}

/// `std::make_pair(id, f)` behind the conversions of its result.
const CallExpr *makePairCall(const Expr *E) {
  const auto *Call =
      llvm::dyn_cast_or_null<CallExpr>(stripTemporaryWrappers(E));
  return Call && Call->getNumArgs() == 2 &&
                 isStdFunctionNamed(Call->getDirectCallee(), {"make_pair"})
             ? Call
             : nullptr;
}

/// Stores the two values a std::pair of type \p Pair is made of.
void storePairElements(const CXXRecordDecl *Pair, const Expr *First,
                       const Expr *Second, FieldStore Store) {
  if (const FieldDecl *Field = callableFieldAt(Pair, 0))
    Store(Field, First);
  if (const FieldDecl *Field = callableFieldAt(Pair, 1))
    Store(Field, Second);
}

/// `Job{f, 1}`, `{.fn = f}`: the semantic form lists the bases first, then
/// one initializer per field in declaration order (unnamed bit-fields
/// have none).
void storeAggregateFields(const InitListExpr *List, const CXXRecordDecl *RD,
                          FieldStore Store) {
  if (RD->isUnion())
    return;
  unsigned Index = RD->getNumBases();
  for (const FieldDecl *Field : RD->fields()) {
    if (Field->isBitField() && Field->getDeclName().isEmpty())
      continue;
    if (Index >= List->getNumInits())
      return;
    const Expr *Init = List->getInit(Index++);
    if (holdsCallables(Field->getType()) && Init &&
        !llvm::isa<ImplicitValueInitExpr>(Init))
      Store(Field, Init);
  }
}

/// The argument an emplacement starts the element's values at: after the
/// position of `emplace_hint`.
bool emplacementStart(const CXXMethodDecl *Method, unsigned &Start) {
  llvm::StringRef Name = identifierOf(Method);
  Start = Name == "emplace_hint" ? 1 : 0;
  return Name == "emplace" || Name == "emplace_back" ||
         Name == "emplace_front" || Name == "emplace_hint" ||
         Name == "try_emplace" || Name == "insert_or_assign";
}

} // namespace

bool holdsCallables(QualType T, unsigned Nesting) {
  if (T.isNull() || Nesting > 2)
    return false;
  T = T.getNonReferenceType().getCanonicalType();
  if (isCallableType(T))
    return true;
  const auto *Spec = llvm::dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (!Spec)
    return false;
  QualType Element = firstTemplateTypeArgument(Spec);
  return !Element.isNull() && holdsCallables(Element, Nesting + 1);
}

const FieldDecl *mappedCallableField(QualType MapType) {
  if (MapType.isNull())
    return nullptr;
  const CXXRecordDecl *Map = MapType.getNonReferenceType()
                                 ->getPointeeOrArrayElementType()
                                 ->getAsCXXRecordDecl();
  if (!isStdDeclNamed(Map,
                      {"map", "multimap", "unordered_map", "unordered_multimap",
                       "flat_map", "flat_multimap"}) ||
      !Map->hasDefinition())
    return nullptr;
  ASTContext &Ctx = Map->getASTContext();
  for (const NamedDecl *Found :
       Map->getDefinition()->lookup(&Ctx.Idents.get("value_type")))
    if (const auto *Alias = llvm::dyn_cast<TypedefNameDecl>(Found)) {
      const CXXRecordDecl *Value =
          Alias->getUnderlyingType().getCanonicalType()->getAsCXXRecordDecl();
      return isPair(Value) ? callableFieldAt(Value, 1) : nullptr;
    }
  return nullptr;
}

const FieldDecl *pairFieldRead(const Expr *E) {
  const auto *Call = llvm::dyn_cast_or_null<CallExpr>(E->IgnoreParenImpCasts());
  if (!Call || Call->getNumArgs() != 1)
    return nullptr;
  const FunctionDecl *Get = Call->getDirectCallee();
  if (!isStdFunctionNamed(Get, {"get"}))
    return nullptr;
  const TemplateArgumentList *Args = Get->getTemplateSpecializationArgs();
  const CXXRecordDecl *Pair =
      Call->getArg(0)->getType().getNonReferenceType()->getAsCXXRecordDecl();
  if (!Args || Args->size() == 0 || !isPair(Pair) ||
      Args->get(0).getKind() != TemplateArgument::Integral)
    return nullptr;
  return callableFieldAt(Pair, Args->get(0).getAsIntegral().getZExtValue());
}

void forEachFieldInitialized(const Expr *E, FieldStore Store) {
  if (const auto *List = llvm::dyn_cast<InitListExpr>(E)) {
    if (!List->isSemanticForm())
      List = List->getSemanticForm();
    const CXXRecordDecl *RD = List->getType()->getAsCXXRecordDecl();
    if (RD && RD->hasDefinition())
      storeAggregateFields(List, RD->getDefinition(), Store);
    return;
  }
  const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(E);
  if (!Construct)
    return;
  const CXXRecordDecl *Pair = Construct->getConstructor()->getParent();
  if (!isPair(Pair))
    return;
  if (Construct->getNumArgs() == 2)
    storePairElements(Pair, Construct->getArg(0), Construct->getArg(1), Store);
  else if (Construct->getNumArgs() == 1)
    if (const CallExpr *Make = makePairCall(Construct->getArg(0)))
      storePairElements(Pair, Make->getArg(0), Make->getArg(1), Store);
}

void forEachFieldEmplaced(
    const CXXMemberCallExpr *Call, FieldStore Store,
    llvm::function_ref<void(const CXXConstructorDecl *, unsigned)> Constructs) {
  const CXXMethodDecl *Method = Call->getMethodDecl();
  unsigned Start = 0;
  if (!Method || !emplacementStart(Method, Start))
    return;
  unsigned Values = Call->getNumArgs() > Start ? Call->getNumArgs() - Start : 0;
  // A map's emplacement takes the key and then the mapped value.
  if (const FieldDecl *Mapped = mappedCallableField(Call->getObjectType())) {
    if (Values == 2)
      Store(Mapped, Call->getArg(Start + 1));
    return;
  }
  if (identifierOf(Method) == "try_emplace" ||
      identifierOf(Method) == "insert_or_assign" || Values == 0)
    return;
  QualType Element = firstTemplateTypeArgument(Method->getParent());
  const CXXRecordDecl *RD =
      Element.isNull() ? nullptr : Element->getAsCXXRecordDecl();
  if (!RD || !(RD = RD->getDefinition()))
    return;
  if (isPair(RD)) {
    if (Values == 2)
      storePairElements(RD, Call->getArg(Start), Call->getArg(Start + 1),
                        Store);
    return;
  }
  if (RD->getASTContext().getSourceManager().isInSystemHeader(
          RD->getLocation()))
    return;
  if (RD->isAggregate()) {
    // C++20 parenthesized aggregate initialisation: one value per field.
    if (RD->getNumBases() != 0)
      return;
    unsigned Index = 0;
    for (const FieldDecl *Field : RD->fields()) {
      if (Index == Values)
        return;
      const Expr *Value = Call->getArg(Start + Index++);
      if (holdsCallables(Field->getType()))
        Store(Field, Value);
    }
    return;
  }
  for (const CXXConstructorDecl *Ctor : RD->ctors())
    if (!Ctor->isCopyOrMoveConstructor() && Ctor->getNumParams() >= Values &&
        Ctor->getMinRequiredArguments() <= Values)
      Constructs(Ctor, Start);
}

} // namespace clang::tidy::threads
