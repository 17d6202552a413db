//===--- ValueChanges.cpp -------------------------------------------------===//

#include "analysis/ValueChanges.h"
#include "utils/AstUtils.h"
#include "utils/ContainerInsertion.h"
#include "utils/DeclNames.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::threads {

namespace {

/// A function of the standard library, or a compiler builtin
/// (`__builtin_inff()` is what INFINITY expands to).
bool isLibraryFunction(const FunctionDecl *FD) {
  return FD->getBuiltinID() != 0 ||
         FD->getASTContext().getSourceManager().isInSystemHeader(
             FD->getLocation());
}

/// Calls through which another thread may run in between, or wake up: lock
/// and unlock, waits, futures, atomics, sleeping.
bool isSynchronization(const FunctionDecl *FD) {
  std::string Name = llvm::StringRef(plainQualifiedName(FD)).lower();
  for (llvm::StringRef Part :
       {"mutex", "lock", "condition_variable", "semaphore", "latch", "barrier",
        "future", "promise", "packaged_task", "thread", "atomic", "stop_",
        "notify", "once"})
    if (llvm::StringRef(Name).contains(Part))
      return true;
  return false;
}

/// Non-const members of the standard containers, strings and optional that
/// never remove an element, a key or the value: they give access, or add.
bool keepsElements(const CXXMethodDecl *Method) {
  const CXXRecordDecl *Class = Method->getParent();
  std::string ClassName = plainQualifiedName(Class);
  if (!Class->isInStdNamespace() || ClassName == "std::variant" ||
      ClassName == "std::any")
    return false;
  switch (Method->getOverloadedOperator()) {
  case OO_Subscript:
  case OO_Star:
  case OO_Arrow:
  case OO_PlusEqual:
    return true;
  default:
    break;
  }
  // Access, or add without removing: the insertions, and these.
  static constexpr llvm::StringLiteral Keeping[] = {
      "at",          "value",  "find", "lower_bound", "upper_bound",
      "equal_range", "begin",  "end",  "rbegin",      "rend",
      "front",       "back",   "data", "try_emplace", "insert_or_assign",
      "append",      "reserve"};
  llvm::StringRef Name = identifierOf(Method);
  // optional::emplace destroys the value first: a throwing constructor
  // leaves it empty.
  if (ClassName == "std::optional")
    return Name == "value";
  return containerInsertion(Method) || llvm::is_contained(Keeping, Name);
}

/// Whether code of the project (not of the standard library) may run when
/// a standard function handles a \p T: a class of the project, or a
/// standard template instantiated with one (its copies, moves, comparisons
/// and destructors are the project's).
bool involvesProjectCode(QualType T, unsigned Depth = 0) {
  T = T.getNonReferenceType().getCanonicalType();
  while (const ArrayType *Array = T->getAsArrayTypeUnsafe())
    T = Array->getElementType().getCanonicalType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  if (!RD->isInStdNamespace() || Depth > 4)
    return true;
  const auto *Spec = llvm::dyn_cast<ClassTemplateSpecializationDecl>(RD);
  if (!Spec)
    return false;
  for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
    if (Arg.getKind() == TemplateArgument::Type &&
        involvesProjectCode(Arg.getAsType(), Depth + 1))
      return true;
    if (Arg.getKind() == TemplateArgument::Pack)
      for (const TemplateArgument &Element : Arg.pack_elements())
        if (Element.getKind() == TemplateArgument::Type &&
            involvesProjectCode(Element.getAsType(), Depth + 1))
          return true;
  }
  return false;
}

/// Whether an object of type \p Holder may own an object of type \p Held
/// (be it, have it as a member or base, or hold it as an element), so that
/// changing the holder may change or destroy the held object.
bool mayContain(QualType Holder, QualType Held, unsigned Depth = 0) {
  Holder = Holder.getNonReferenceType().getCanonicalType();
  while (const ArrayType *Array = Holder->getAsArrayTypeUnsafe())
    Holder = Array->getElementType().getCanonicalType();
  Holder = Holder.getUnqualifiedType();
  if (Holder == Held || Holder->isVoidType() || Holder->isCharType() ||
      Holder->isStdByteType())
    return true;
  const CXXRecordDecl *RD = Holder->getAsCXXRecordDecl();
  if (!RD)
    return false;
  if (Depth > 4 || !(RD = RD->getDefinition()))
    return true;
  auto Contains = [&](QualType T) { return mayContain(T, Held, Depth + 1); };
  if (const auto *Spec = llvm::dyn_cast<ClassTemplateSpecializationDecl>(RD))
    for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
      if (Arg.getKind() == TemplateArgument::Type && Contains(Arg.getAsType()))
        return true;
  if (RD->isInStdNamespace())
    return false; // its own members are the library's, not the project's
  for (const FieldDecl *Field : RD->fields())
    if (Contains(Field->getType()))
      return true;
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (Contains(Base.getType()))
      return true;
  return false;
}

/// The type of the object an access path names.
QualType typeAt(const AccessPath &Path) {
  QualType T = !Path.Members.empty() ? Path.Members.back()->getType()
               : Path.Root           ? Path.Root->getType()
                                     : QualType();
  return T.isNull()
             ? T
             : T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
}

/// A variable of its own (not a reference, not reached through a pointer):
/// no other object owns it.
bool isCompleteObject(const AccessPath &Path) {
  return Path.Root && !Path.ThroughPointer &&
         !Path.Root->getType()->isReferenceType();
}

/// Whether \p Var is \p Function's own: a local or a parameter of it, or a
/// copy its lambda captured (a member of the closure, which only the
/// lambda's body uses); not a variable of the enclosing function.
bool isOwnedBy(const VarDecl *Var, const FunctionDecl *Function) {
  const auto *Owner = llvm::dyn_cast<FunctionDecl>(Var->getDeclContext());
  if (Owner && Owner->getCanonicalDecl() == Function->getCanonicalDecl())
    return true;
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Function);
  if (!Method || !Method->getParent()->isLambda())
    return false;
  for (const LambdaCapture &Capture : Method->getParent()->captures())
    if (Capture.capturesVariable() &&
        Capture.getCapturedVar()->getCanonicalDecl() == Var->getCanonicalDecl())
      return Capture.getCaptureKind() == LCK_ByCopy;
  return false;
}

/// A local variable \p Function declares (not a parameter, not static).
bool isCreatedBy(const VarDecl *Var, const FunctionDecl *Function) {
  const auto *Owner = llvm::dyn_cast<FunctionDecl>(Var->getDeclContext());
  return Owner && Var->hasLocalStorage() && !llvm::isa<ParmVarDecl>(Var) &&
         Owner->getCanonicalDecl() == Function->getCanonicalDecl();
}

/// Whether the object at \p Path existed before \p Function started: it
/// is reached from `this`, a parameter, a global or a captured variable.
bool existedBefore(const AccessPath &Path, const FunctionDecl *Function) {
  return !Path.Root || !isCreatedBy(Path.Root, Function);
}

} // namespace

bool ValueChanges::mayChange(const AccessPath &Path,
                             llvm::ArrayRef<const Stmt *> Region,
                             const Stmt *Before) const {
  if (isImmutable(Path))
    return false;
  bool Private = isPrivate(Path);
  for (const Stmt *S : Region) {
    if (refersToRoot(S, Path)) {
      const Stmt *User = nullptr;
      Effect E = effectOfReference(llvm::cast<Expr>(S), Path, &User);
      // `h = h.substr(1)`: the assignment uses h after the call.
      bool AfterwardsOnly = Before && User && Layout.isWithin(Before, User);
      if ((E == Effect::Writes || E == Effect::Escapes) && !AfterwardsOnly)
        return true;
    }
    if (!Private && mayRunOtherCode(S, Path))
      return true;
  }
  return false;
}

bool ValueChanges::keepsInitialValue(const VarDecl *Var) const {
  if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType() ||
      !isOwnedBy(Var, Layout.function()))
    return false;
  AccessPath Path;
  Path.Root = Var->getCanonicalDecl();
  for (const Expr *Ref : Layout.referencesTo(Var)) {
    Effect E = effectOfReference(Ref, Path, nullptr, /*AddingWrites=*/true);
    if (E == Effect::Writes || E == Effect::Escapes)
      return false;
  }
  return true;
}

bool ValueChanges::assignedOnly(
    const VarDecl *Var,
    llvm::function_ref<bool(const Expr *)> IsAccepted) const {
  // A parameter or a captured copy has a value from outside.
  if (!Var || Var->getType()->isReferenceType() ||
      !isCreatedBy(Var, Layout.function()) ||
      (Var->getInit() && !IsAccepted(Var->getInit())))
    return false;
  AccessPath Path;
  Path.Root = Var->getCanonicalDecl();
  for (const Expr *Ref : Layout.referencesTo(Var)) {
    Effect E = effectOfReference(Ref, Path, nullptr, /*AddingWrites=*/true);
    if (E == Effect::Reads || E == Effect::Unrelated)
      continue;
    const auto *Assign =
        llvm::dyn_cast_or_null<BinaryOperator>(Layout.parentOf(Ref));
    if (!Assign || Assign->getOpcode() != BO_Assign ||
        Assign->getLHS() != Ref || !IsAccepted(Assign->getRHS()))
      return false;
  }
  return true;
}

bool ValueChanges::refersToRoot(const Stmt *S, const AccessPath &Path) const {
  if (!Path.Root)
    return llvm::isa<CXXThisExpr>(S);
  const ValueDecl *D = nullptr;
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(S))
    D = Ref->getDecl();
  else if (const auto *Member = llvm::dyn_cast<MemberExpr>(S))
    D = llvm::dyn_cast<VarDecl>(Member->getMemberDecl()); // a static member
  return D && D->getCanonicalDecl() == Path.Root;
}

// Climbs from a reference to the path's root through the member chain and
// the conversions that keep the object, to the expression that uses it.
ValueChanges::Effect ValueChanges::effectOfReference(const Expr *Ref,
                                                     const AccessPath &Path,
                                                     const Stmt **User,
                                                     bool AddingWrites) const {
  const Expr *E = Ref;
  size_t Depth = 0;
  while (true) {
    const Stmt *Parent = Layout.parentOf(E);
    if (User)
      *User = Parent;
    if (!Parent)
      return Effect::Reads;
    if (const auto *Cast = llvm::dyn_cast<ImplicitCastExpr>(Parent)) {
      switch (Cast->getCastKind()) {
      case CK_NoOp:
      case CK_DerivedToBase:
      case CK_UncheckedDerivedToBase:
        E = Cast;
        continue;
      case CK_LValueToRValue:
      case CK_ToVoid:
        return Effect::Reads;
      default:
        return E->isGLValue() ? Effect::Escapes : Effect::Reads;
      }
    }
    if (llvm::isa<ParenExpr, FullExpr, MaterializeTemporaryExpr,
                  CXXBindTemporaryExpr>(Parent)) {
      E = llvm::cast<Expr>(Parent);
      continue;
    }
    if (const auto *Member = llvm::dyn_cast<MemberExpr>(Parent)) {
      const ValueDecl *D = Member->getMemberDecl();
      if (const auto *Method = llvm::dyn_cast<CXXMethodDecl>(D)) {
        if (User)
          *User = Layout.parentOf(Member); // the call
        return effectOfMemberCall(Method, !AddingWrites &&
                                              Depth >= Path.Members.size());
      }
      const auto *Field = llvm::dyn_cast<FieldDecl>(D);
      if (!Field)
        return Effect::Unrelated;
      if (Depth < Path.Members.size()) {
        if (Field->getCanonicalDecl() !=
            Path.Members[Depth]->getCanonicalDecl())
          return Effect::Unrelated; // a sibling member
        ++Depth;
      }
      E = Member;
      continue;
    }
    if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(Parent)) {
      const auto *Method =
          llvm::dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
      if (Method && Op->getNumArgs() > 0 && Op->getArg(0) == E)
        return effectOfMemberCall(Method, !AddingWrites &&
                                              Depth >= Path.Members.size());
      return effectOfArgument(E, Op);
    }
    if (llvm::isa<CallExpr, CXXConstructExpr>(Parent))
      return effectOfArgument(E, llvm::cast<Expr>(Parent));
    if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(Parent)) {
      if (Unary->getOpcode() == UO_AddrOf)
        return Effect::Escapes;
      if (Unary->isIncrementDecrementOp())
        return Effect::Writes;
      if (Unary->getOpcode() == UO_Deref && !Path.Root) {
        E = Unary; // *this
        continue;
      }
      return Effect::Reads;
    }
    if (const auto *Bin = llvm::dyn_cast<BinaryOperator>(Parent)) {
      if (Bin->isAssignmentOp() && Bin->getLHS() == E)
        return Effect::Writes;
      if (Bin->getOpcode() == BO_Comma && Bin->getRHS() == E) {
        E = Bin;
        continue;
      }
      return Effect::Reads;
    }
    if (const auto *Cond =
            llvm::dyn_cast<AbstractConditionalOperator>(Parent)) {
      if (Cond->getCond() == E)
        return Effect::Reads;
      E = Cond; // the result may be bound to a reference
      continue;
    }
    if (llvm::isa<DeclStmt>(Parent))
      return effectOfInitialization(E, Parent);
    if (const auto *Lambda = llvm::dyn_cast<LambdaExpr>(Parent))
      return effectOfCapture(Lambda, Path);
    if (llvm::isa<ReturnStmt, CXXTypeidExpr, UnaryExprOrTypeTraitExpr,
                  CXXNoexceptExpr, CompoundStmt, IfStmt, WhileStmt, DoStmt,
                  ForStmt, SwitchStmt, CXXThrowExpr>(Parent))
      return Effect::Reads;
    return Effect::Escapes; // a use we do not know: it may change it
  }
}

ValueChanges::Effect
ValueChanges::effectOfMemberCall(const CXXMethodDecl *Method,
                                 bool OnPathItself) const {
  if (Method->isStatic() || Method->isConst())
    return Effect::Reads;
  if (OnPathItself && keepsElements(Method))
    return Effect::Reads;
  return Effect::Writes;
}

ValueChanges::Effect ValueChanges::effectOfArgument(const Expr *Arg,
                                                    const Expr *Call) const {
  const FunctionDecl *Callee = calleeOf(Call);
  llvm::ArrayRef<const Expr *> Args = argumentsOf(Call);
  // An operator member function's object comes first.
  unsigned ObjectArgs = llvm::isa<CXXOperatorCallExpr>(Call) &&
                                llvm::isa_and_nonnull<CXXMethodDecl>(Callee)
                            ? 1
                            : 0;
  if (!Callee)
    return Effect::Escapes;
  const auto *Found = llvm::find(Args, Arg);
  if (Found == Args.end())
    return Effect::Escapes; // the callee expression itself
  unsigned Index = Found - Args.begin();
  if (Index < ObjectArgs)
    return Effect::Escapes;
  Index -= ObjectArgs;
  if (Index >= Callee->getNumParams()) // a C variadic argument: a copy
    return Arg->getType()->isPointerType() ? Effect::Escapes : Effect::Reads;
  QualType Param = Callee->getParamDecl(Index)->getType();
  if (Param->isReferenceType())
    return Param->isLValueReferenceType() &&
                   Param->getPointeeType().isConstQualified()
               ? Effect::Reads
               : Effect::Escapes;
  if (Param->isPointerType())
    return Param->getPointeeType().isConstQualified() ? Effect::Reads
                                                      : Effect::Escapes;
  return Effect::Reads;
}

ValueChanges::Effect
ValueChanges::effectOfInitialization(const Expr *Init,
                                     const Stmt *Decls) const {
  for (const Decl *D : llvm::cast<DeclStmt>(Decls)->decls()) {
    const auto *Var = llvm::dyn_cast<VarDecl>(D);
    if (!Var || Var->getInit() != Init)
      continue;
    // The range of a range-for: iterating changes no key, size or value.
    if (Var->isImplicit() || !Var->getType()->isReferenceType())
      return Effect::Reads;
    QualType Type = Var->getType();
    return Type->isLValueReferenceType() &&
                   Type->getPointeeType().isConstQualified()
               ? Effect::Reads
               : Effect::Escapes;
  }
  return Effect::Escapes;
}

ValueChanges::Effect
ValueChanges::effectOfCapture(const LambdaExpr *Lambda,
                              const AccessPath &Path) const {
  for (const LambdaCapture &Capture : Lambda->captures()) {
    bool ThisPath = !Path.Root && Capture.capturesThis();
    bool ThisVariable =
        Path.Root && Capture.capturesVariable() &&
        Capture.getCapturedVar()->getCanonicalDecl() == Path.Root &&
        Capture.getCaptureKind() == LCK_ByRef;
    if (ThisPath || ThisVariable)
      return Effect::Escapes;
  }
  return Effect::Reads;
}

// A const object, or a const member (outside its constructor), keeps its
// value unless a later link is `mutable`.
bool ValueChanges::isImmutable(const AccessPath &Path) const {
  auto IsConst = [](QualType T, const ASTContext &Ctx) {
    return !T->isReferenceType() &&
           Ctx.getBaseElementType(T).isConstQualified();
  };
  auto NoMutableAfter = [&](size_t First) {
    for (size_t I = First; I < Path.Members.size(); ++I)
      if (Path.Members[I]->isMutable())
        return false;
    return true;
  };
  if (Path.Root && !Path.ThroughPointer &&
      (Path.ConstCapturedCopy ||
       IsConst(Path.Root->getType(), Path.Root->getASTContext())) &&
      NoMutableAfter(0))
    return true;
  for (size_t I = 0; I < Path.Members.size(); ++I)
    if (IsConst(Path.Members[I]->getType(), Path.Members[I]->getASTContext()) &&
        NoMutableAfter(I + 1))
      return true;
  return false;
}

// A local of this function (not a reference) that no code can reach but
// this function's own: its address and non-const references never leave.
bool ValueChanges::isPrivate(const AccessPath &Path) const {
  if (!Path.Root || Path.ThroughPointer || !Path.Root->hasLocalStorage() ||
      Path.Root->getType()->isReferenceType() ||
      !isOwnedBy(Path.Root, Layout.function()))
    return false;
  for (const Expr *Ref : Layout.referencesTo(Path.Root))
    if (effectOfReference(Ref, Path) == Effect::Escapes)
      return false;
  return true;
}

// A standard function given \p Written to change can only change that
// object and what it owns.
bool ValueChanges::cannotReach(const Expr *Written,
                               const AccessPath &Path) const {
  // IgnoreParenImpCasts also skips the materialization of a temporary.
  const Expr *E = Written->IgnoreParenImpCasts();
  if (const auto *AddrOf = llvm::dyn_cast<UnaryOperator>(E);
      AddrOf && AddrOf->getOpcode() == UO_AddrOf)
    E = AddrOf->getSubExpr();
  else if (E->isPRValue())
    // A temporary is a new object: it holds nothing older. A pointer value
    // points to who knows what.
    return !E->getType()->isPointerType();
  std::optional<AccessPath> Target = accessPathOf(E);
  if (!Target || !isCompleteObject(*Target))
    return false;
  if (isCompleteObject(Path))
    return Target->Root != Path.Root;
  // A local created by this function cannot hold what a parameter, `this`,
  // a global or a captured variable referred to before it existed.
  if (isCreatedBy(Target->Root, Layout.function()) &&
      existedBefore(Path, Layout.function()))
    return true;
  return !typeAt(Path).isNull() && !mayContain(E->getType(), typeAt(Path));
}

// Whether \p S may run code that changes a shared (non-private) object:
// anything but a standard library call that handles no type of the
// project's, is given no callable, and may change only objects that cannot
// hold the guarded one.
bool ValueChanges::mayRunOtherCode(const Stmt *S,
                                   const AccessPath &Path) const {
  if (llvm::isa<CoroutineSuspendExpr, CXXDeleteExpr>(S))
    return true;
  if (!llvm::isa<CallExpr, CXXConstructExpr>(S))
    return false;
  const FunctionDecl *Callee = calleeOf(S);
  if (!Callee)
    return true; // through a pointer or std::function
  if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(S)) {
    if (Construct->getConstructor()->isTrivial())
      return false;
    if (involvesProjectCode(Construct->getType()))
      return true;
  }
  const Expr *Object = nullptr;
  llvm::ArrayRef<const Expr *> Args = argumentsOf(S);
  if (const auto *MemberCall = llvm::dyn_cast<CXXMemberCallExpr>(S)) {
    Object = MemberCall->getImplicitObjectArgument();
  } else if (llvm::isa<CXXOperatorCallExpr>(S) &&
             llvm::isa<CXXMethodDecl>(Callee) && !Args.empty()) {
    Object = Args.front();
    Args = Args.drop_front();
  }
  // Calls on the guarded object itself are judged as uses of it.
  if (Object) {
    std::optional<AccessPath> Called = accessPathOf(Object);
    if (Called && Called->Root == Path.Root &&
        Called->ThroughPointer == Path.ThroughPointer &&
        Called->Members.size() == Path.Members.size() &&
        std::equal(Called->Members.begin(), Called->Members.end(),
                   Path.Members.begin()))
      return false;
  }
  if (!isLibraryFunction(Callee) || isSynchronization(Callee) ||
      Callee->getOverloadedOperator() == OO_Call ||
      involvesProjectCode(Callee->getReturnType()))
    return true;
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Callee);
  if (Object && (involvesProjectCode(Object->getType()) ||
                 (Method && !Method->isConst() && !Method->isStatic() &&
                  !cannotReach(Object, Path))))
    return true;
  for (size_t I = 0; I < Args.size(); ++I) {
    QualType ArgType = Args[I]->getType();
    if (isCallableType(ArgType) || involvesProjectCode(ArgType))
      return true;
    if (I >= Callee->getNumParams())
      continue;
    QualType Param = Callee->getParamDecl(I)->getType();
    bool MayWrite = (Param->isReferenceType() || Param->isPointerType()) &&
                    !Param->getPointeeType().isConstQualified();
    if (MayWrite && !cannotReach(Args[I], Path))
      return true;
  }
  return false;
}

} // namespace clang::tidy::threads
