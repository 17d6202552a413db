//===--- AstUtils.cpp -----------------------------------------------------===//

#include "utils/AstUtils.h"
#include "utils/DeclNames.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::threads {

const Expr *stripTemporaryWrappers(const Expr *E, ElidedCopies Copies) {
  while (E) {
    const Expr *Next = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Cast = llvm::dyn_cast<CXXFunctionalCastExpr>(Next))
      Next = Cast->getSubExpr();
    if (Next == E && Copies == ElidedCopies::Strip)
      if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(E))
        if (Construct->isElidable() && Construct->getNumArgs() == 1)
          Next = Construct->getArg(0);
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

bool hasErrors(const Expr *E) { return E && E->containsErrors(); }

bool declarationHasErrors(const VarDecl *Var) {
  if (!Var)
    return false;
  if (Var->isInvalidDecl() || hasErrors(Var->getInit()))
    return true;
  // clang drops a constructor call that did not compile: a local of a class
  // that is not trivially default-constructible then has no initializer.
  const CXXRecordDecl *RD = Var->getType()->getAsCXXRecordDecl();
  return !Var->getInit() && Var->hasLocalStorage() &&
         !llvm::isa<ParmVarDecl>(Var) && RD && RD->hasDefinition() &&
         !RD->hasTrivialDefaultConstructor() &&
         !Var->getDeclContext()->isDependentContext();
}

const FunctionDecl *functionDeclaring(const VarDecl *Local) {
  return llvm::dyn_cast_or_null<FunctionDecl>(
      Local->getParentFunctionOrMethod());
}

const FunctionDecl *visibleDefinition(const FunctionDecl *FD) {
  const FunctionDecl *Def = nullptr;
  if (!FD || !FD->hasBody(Def))
    return nullptr;
  return Def;
}

const FunctionDecl *userDefinition(const FunctionDecl *FD) {
  const FunctionDecl *Def = visibleDefinition(FD);
  if (!Def || Def->isDependentContext() ||
      Def->getASTContext().getSourceManager().isInSystemHeader(
          Def->getLocation()))
    return nullptr;
  return Def;
}

bool isLambdaCallOperator(const FunctionDecl *FD) {
  const auto *Method = llvm::dyn_cast_or_null<CXXMethodDecl>(FD);
  return Method && Method->getParent()->isLambda();
}

const VarDecl *referencedVariable(const Expr *E) {
  const auto *Ref = llvm::dyn_cast_or_null<DeclRefExpr>(
      E ? E->IgnoreParenImpCasts() : nullptr);
  return Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

const ValueDecl *memberOfThis(const Expr *E) {
  const auto *Member = llvm::dyn_cast_or_null<MemberExpr>(
      E ? E->IgnoreParenImpCasts() : nullptr);
  return Member && isThis(Member->getBase()) ? Member->getMemberDecl()
                                             : nullptr;
}

bool isThis(const Expr *E) {
  return E && llvm::isa<CXXThisExpr>(E->IgnoreParenImpCasts());
}

bool isThisObject(const Expr *E) {
  if (!E || isThis(E))
    return E != nullptr;
  const auto *Deref = llvm::dyn_cast<UnaryOperator>(E->IgnoreParenImpCasts());
  return Deref && Deref->getOpcode() == UO_Deref && isThis(Deref->getSubExpr());
}

const CXXMethodDecl *methodCalledOnThis(const Stmt *S) {
  const auto *Call = llvm::dyn_cast_or_null<CXXMemberCallExpr>(S);
  if (!Call || !isThis(Call->getImplicitObjectArgument()))
    return nullptr;
  return Call->getMethodDecl();
}

void forEachStmtIn(const Stmt *S, Lambdas InLambdas,
                   llvm::function_ref<void(const Stmt *)> Visit) {
  if (!S || (InLambdas == Lambdas::Skip && llvm::isa<LambdaExpr>(S)))
    return;
  Visit(S);
  for (const Stmt *Child : S->children())
    forEachStmtIn(Child, InLambdas, Visit);
}

static void visitInClosures(const Stmt *S, bool InClosure,
                            llvm::function_ref<void(const Stmt *)> Visit) {
  if (!S)
    return;
  if (llvm::isa<LambdaExpr>(S))
    InClosure = true;
  else if (InClosure)
    Visit(S);
  for (const Stmt *Child : S->children())
    visitInClosures(Child, InClosure, Visit);
}

void forEachStmtInClosures(const Stmt *S,
                           llvm::function_ref<void(const Stmt *)> Visit) {
  visitInClosures(S, /*InClosure=*/false, Visit);
}

bool anyStmtIn(const Stmt *S, llvm::function_ref<bool(const Stmt *)> Pred) {
  if (!S)
    return false;
  if (Pred(S))
    return true;
  for (const Stmt *Child : S->children())
    if (anyStmtIn(Child, Pred))
      return true;
  return false;
}

const Expr *handedOnValue(const Expr *E) {
  for (unsigned Steps = 0; E && Steps < 8; ++Steps) {
    E = stripTemporaryWrappers(E->IgnoreParenImpCasts(), ElidedCopies::Strip);
    if (const auto *Call = llvm::dyn_cast<CallExpr>(E);
        Call && Call->getNumArgs() == 1 &&
        isStdMoveOrForward(Call->getDirectCallee())) {
      E = Call->getArg(0);
      continue;
    }
    if (const auto *Copy = llvm::dyn_cast<CXXConstructExpr>(E);
        Copy && Copy->getNumArgs() == 1 &&
        Copy->getConstructor()->isCopyOrMoveConstructor()) {
      E = Copy->getArg(0);
      continue;
    }
    break;
  }
  return E;
}

const Stmt *loopBody(const Stmt *S) {
  if (const auto *For = llvm::dyn_cast<ForStmt>(S))
    return For->getBody();
  if (const auto *While = llvm::dyn_cast<WhileStmt>(S))
    return While->getBody();
  if (const auto *Do = llvm::dyn_cast<DoStmt>(S))
    return Do->getBody();
  if (const auto *ForRange = llvm::dyn_cast<CXXForRangeStmt>(S))
    return ForRange->getBody();
  return nullptr;
}

void findReferences(const Stmt *S, const ValueDecl *Owner,
                    llvm::SmallVectorImpl<const Expr *> &Refs) {
  forEachStmtIn(S, Lambdas::Enter, [&](const Stmt *Node) {
    if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Node)) {
      if (Ref->getDecl() == Owner)
        Refs.push_back(Ref);
    } else if (const auto *Member = llvm::dyn_cast<MemberExpr>(Node)) {
      if (memberOfThis(Member) == Owner)
        Refs.push_back(Member);
    }
  });
}

namespace {
/// Whether \p FD is the C library's function \p Name (`::malloc`,
/// `std::malloc`, or the builtin).
bool isCLibraryFunction(const FunctionDecl *FD, llvm::StringRef Name) {
  if (!FD || !FD->getIdentifier() || FD->getName() != Name)
    return false;
  const DeclContext *Ctx = FD->getDeclContext()->getRedeclContext();
  return Ctx->isTranslationUnit() || Ctx->isStdNamespace() || FD->isExternC();
}
} // namespace

bool isHeapAllocation(const Expr *E) {
  const auto *Call = llvm::dyn_cast<CallExpr>(E->IgnoreParenCasts());
  if (!Call)
    return false;
  const FunctionDecl *Callee = Call->getDirectCallee();
  return isCLibraryFunction(Callee, "malloc") ||
         isCLibraryFunction(Callee, "calloc") ||
         isCLibraryFunction(Callee, "realloc");
}

bool isHeapRelease(const CallExpr *Call) {
  return Call && isCLibraryFunction(Call->getDirectCallee(), "free");
}

bool isNullPointerLiteral(const Expr *E) {
  const Expr *Plain = E->IgnoreParenImpCasts();
  if (llvm::isa<CXXNullPtrLiteralExpr, GNUNullExpr>(Plain))
    return true;
  const auto *Zero = llvm::dyn_cast<IntegerLiteral>(Plain);
  return Zero && Zero->getValue() == 0;
}

bool isCfgBuildable(const FunctionDecl *Fn) {
  if (!Fn || Fn->isInvalidDecl() || !Fn->getBody())
    return false;
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Fn);
  return !Method || !Method->getParent()->isInvalidDecl();
}

llvm::StringRef exitKeyword(const Stmt *Site) {
  if (llvm::isa<ReturnStmt>(Site))
    return "return";
  if (llvm::isa<BreakStmt>(Site))
    return "break";
  if (llvm::isa<ContinueStmt>(Site))
    return "continue";
  if (llvm::isa<GotoStmt, IndirectGotoStmt>(Site))
    return "goto";
  if (llvm::isa<CoreturnStmt>(Site))
    return "co_return";
  return "";
}

const FunctionDecl *calleeOf(const Stmt *S) {
  if (const auto *Call = llvm::dyn_cast_or_null<CallExpr>(S))
    return Call->getDirectCallee();
  if (const auto *Construct = llvm::dyn_cast_or_null<CXXConstructExpr>(S))
    return Construct->getConstructor();
  return nullptr;
}

llvm::ArrayRef<const Expr *> argumentsOf(const Stmt *S) {
  if (const auto *Call = llvm::dyn_cast_or_null<CallExpr>(S))
    return {Call->getArgs(), Call->getNumArgs()};
  if (const auto *Construct = llvm::dyn_cast_or_null<CXXConstructExpr>(S))
    return {Construct->getArgs(), Construct->getNumArgs()};
  return {};
}

QualType firstTemplateTypeArgument(const CXXRecordDecl *RD) {
  const auto *Spec =
      llvm::dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || Spec->getTemplateArgs().size() == 0)
    return {};
  const TemplateArgument &Arg = Spec->getTemplateArgs()[0];
  if (Arg.getKind() != TemplateArgument::Type)
    return {};
  return Arg.getAsType();
}

const Stmt *semanticParent(const ParentMap &Parents, const Stmt *S,
                           const Stmt *&Child) {
  const Stmt *Current = S;
  while (true) {
    const Stmt *Parent = Parents.getParent(Current);
    if (Parent &&
        (llvm::isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
                   CXXBindTemporaryExpr, FullExpr>(Parent))) {
      Current = Parent;
      continue;
    }
    Child = Current;
    return Parent;
  }
}

bool isStdMoveOrForward(const FunctionDecl *FD) {
  return isStdFunctionNamed(FD, {"move", "forward"});
}

static bool isCallableType(QualType T, unsigned Depth) {
  T = T.getNonReferenceType();
  if (T->isFunctionPointerType() || T->isMemberPointerType() ||
      T->isFunctionType() || T->isBlockPointerType())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !(RD = RD->getDefinition()) || Depth > 3)
    return false;
  if (RD->isLambda())
    return true;
  DeclarationName Call =
      RD->getASTContext().DeclarationNames.getCXXOperatorName(OO_Call);
  if (!RD->lookup(Call).empty())
    return true;
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (isCallableType(Base.getType(), Depth + 1))
      return true;
  return false;
}

bool isCallableType(QualType T) { return isCallableType(T, 0); }

bool isStdDeclNamed(const NamedDecl *D,
                    std::initializer_list<llvm::StringRef> Names) {
  if (!D || !D->isInStdNamespace())
    return false;
  llvm::StringRef Name = identifierOf(D);
  for (llvm::StringRef Candidate : Names)
    if (Name == Candidate)
      return true;
  return false;
}

bool isStdFunctionNamed(const FunctionDecl *FD,
                        std::initializer_list<llvm::StringRef> Names) {
  return isStdDeclNamed(FD, Names);
}

} // namespace clang::tidy::threads
