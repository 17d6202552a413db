//===--- SubobjectConstruction.cpp ----------------------------------------===//

#include "analysis/SubobjectConstruction.h"
#include "analysis/MemberProtocol.h"
#include "analysis/MemberThreadUses.h"
#include "analysis/ThreadStarts.h"
#include "utils/AstUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::threads {

namespace {

/// Whether \p D is a template, an instantiation of one, or library code:
/// its functions are not all there to be judged.
bool isTemplateOrLibraryClass(const CXXRecordDecl *D) {
  return D->isLambda() || D->isDependentContext() ||
         D->getDescribedClassTemplate() ||
         llvm::isa<ClassTemplateSpecializationDecl>(D) ||
         D->getASTContext().getSourceManager().isInSystemHeader(
             D->getLocation());
}

/// Whether \p Arg hands \p Field of `this` on (`w_`, `&w_`).
bool namesMember(const Expr *Arg, const FieldDecl *Field) {
  const Expr *E = Arg->IgnoreParenImpCasts();
  if (const auto *AddressOf = llvm::dyn_cast<UnaryOperator>(E);
      AddressOf && AddressOf->getOpcode() == UO_AddrOf)
    E = AddressOf->getSubExpr();
  return memberOfThis(E) == Field;
}

/// Whether \p Arg is a lambda that captures `this`: the code it is given
/// to may reach any subobject.
bool isLambdaCapturingThis(const Expr *Arg) {
  const auto *Lambda =
      llvm::dyn_cast<LambdaExpr>(Arg->IgnoreParenImpCasts()->IgnoreImplicit());
  return Lambda && llvm::any_of(Lambda->captures(), [](const LambdaCapture &C) {
           return C.capturesThis();
         });
}

} // namespace

llvm::SmallVector<SubobjectThrow, 2> SubobjectConstruction::find() const {
  llvm::SmallVector<SubobjectThrow, 2> Found;
  if (!constructorIsAnalyzable())
    return Found;
  // Ctor->inits() is in construction order: bases, then members.
  for (const CXXCtorInitializer *Init : Ctor->inits()) {
    const CXXRecordDecl *Class = subobjectClass(Init);
    if (!Class)
      continue;
    for (const FieldDecl *Thread : Class->fields()) {
      if (Types.ownerKind(Thread->getType()) != ThreadOwnerKind::Thread)
        continue;
      if (std::optional<SubobjectThrow> Throw = findFor(Init, Class, Thread)) {
        Found.push_back(*Throw);
        break;
      }
    }
  }
  return Found;
}

bool SubobjectConstruction::constructorIsAnalyzable() const {
  // An implicit or defaulted constructor has no code of its own to point
  // at; a delegating one leaves the subobjects to the one it calls.
  return Ctor->doesThisDeclarationHaveABody() && !Ctor->isDefaulted() &&
         !Ctor->isImplicit() && !Ctor->isDelegatingConstructor() &&
         !Ctor->isInvalidDecl() &&
         Ctor->getTemplatedKind() == FunctionDecl::TK_NonTemplate &&
         !isTemplateOrLibraryClass(Ctor->getParent());
}

const CXXRecordDecl *
SubobjectConstruction::subobjectClass(const CXXCtorInitializer *Init) const {
  QualType Type;
  if (Init->isBaseInitializer() && !Init->isBaseVirtual())
    Type = QualType(Init->getBaseClass(), 0);
  else if (const FieldDecl *Field = Init->getMember())
    Type = Field->getType();
  else
    return nullptr;
  // A thread owner itself is the member rule's; a pointer, a reference or
  // an array is no record (and a pointee is not destroyed with it).
  if (Types.ownerKind(Type) != ThreadOwnerKind::None)
    return nullptr;
  const CXXRecordDecl *Class = Type->getAsCXXRecordDecl();
  if (!Class || !Class->hasDefinition())
    return nullptr;
  Class = Class->getDefinition();
  return isTemplateOrLibraryClass(Class) ? nullptr : Class;
}

std::optional<SubobjectThrow>
SubobjectConstruction::findFor(const CXXCtorInitializer *Init,
                               const CXXRecordDecl *Class,
                               const FieldDecl *Thread) const {
  if (!leftToOwner(Class, Thread))
    return std::nullopt;
  SubobjectThrow Found{Init, Class, Thread, nullptr, nullptr, {}};
  llvm::SmallVector<ThreadUse, 4> Uses;
  ThreadLifetimeAnalysis::SubobjectRun Run;
  const Expr *InitExpr = memberInitializerExpr(Init);
  const auto *Construct = llvm::dyn_cast_or_null<CXXConstructExpr>(
      InitExpr ? InitExpr->IgnoreImplicit() : nullptr);
  if (Construct)
    if (const FunctionDecl *Def =
            visibleDefinition(Construct->getConstructor()))
      Found.ThreadStart = startedOnEveryPath(Def, Thread, true);
  if (Found.ThreadStart) {
    Run.StartingInitializer = Init;
  } else {
    // Started by the constructor's body: `w_.start()`.
    forEachStmtIn(Ctor->getBody(), Lambdas::Skip, [&](const Stmt *S) {
      if (Found.StartCall)
        return;
      const CXXMethodDecl *Method = methodCalledOn(S, Init);
      const FunctionDecl *Def = visibleDefinition(Method);
      if (Def && (Found.ThreadStart = startedOnEveryPath(Def, Thread, false)))
        Found.StartCall = S;
    });
    if (!Found.StartCall)
      return std::nullopt;
    Uses.push_back({ThreadUseKind::Start, Found.StartCall});
  }
  // What may stop it, in the initializers that follow and in the body.
  auto AddStops = [&](const Stmt *S) {
    if (S != Found.StartCall && mayStop(S, Init, Thread))
      Uses.push_back({ThreadUseKind::Join, S});
  };
  for (const CXXCtorInitializer *Other : Ctor->inits())
    if (Other != Init)
      forEachStmtIn(memberInitializerExpr(Other), Lambdas::Skip, AddStops);
  forEachStmtIn(Ctor->getBody(), Lambdas::Skip, AddStops);

  auto HandlersLeaveSafe = [&](const CXXTryStmt *Try) {
    return handlersLeaveSafe(Try, Init, Thread);
  };
  Run.Uses = Uses;
  Run.HandlersLeaveSafe = HandlersLeaveSafe;
  llvm::SmallVector<LifetimeEvent, 4> Events;
  ASTContext &Ctx = Ctor->getASTContext();
  if (Throws.analyzeSubobject(Ctor, Run, Ctx, Events) !=
      ThreadLifetimeAnalysis::Outcome::Complete)
    return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  const LifetimeEvent *First = firstExceptionExit(Events, SM);
  if (!First)
    return std::nullopt;
  Found.Throw = *First;
  return Found;
}

bool SubobjectConstruction::leftToOwner(const CXXRecordDecl *Class,
                                        const FieldDecl *Thread) const {
  llvm::SmallVector<const FunctionDecl *, 16> Functions;
  collectVisibleMemberFunctions(Class, Functions);
  MemberUseSummary Summary =
      summarizeMemberUses(Thread, ThreadOwnerKind::Thread, Functions, Types);
  // Never joined is threads-unjoined-thread's finding; one handed to a
  // guard member may be joined by the guard.
  if (!llvm::any_of(Summary.Uses,
                    [](const MemberUse &M) { return joinsOrHandsOver(M.Use); }))
    return false;
  if (llvm::any_of(Summary.Uses, [](const MemberUse &M) {
        return M.Use.Kind == ThreadUseKind::Escape;
      }))
    return false;
  const CXXDestructorDecl *Dtor = Class->getDestructor();
  return !(Dtor && Dtor->isUserProvided() && MayRelease(Dtor, Thread));
}

const Stmt *SubobjectConstruction::startedOnEveryPath(
    const FunctionDecl *Fn, const FieldDecl *Thread, bool IsConstructor) const {
  const Stmt *Body = Fn->getBody();
  llvm::SmallVector<ThreadUse, 2> CallStarts;
  if (IsConstructor)
    // `Worker() { start(); }`: one level of calls on `this`.
    forEachStmtIn(Body, Lambdas::Skip, [&](const Stmt *S) {
      const FunctionDecl *Def = visibleDefinition(methodCalledOnThis(S));
      if (Def && Def != Fn && startedOnEveryPath(Def, Thread, false))
        CallStarts.push_back({ThreadUseKind::Start, S});
    });
  ThreadLifetimeAnalysis::MemberRun Run;
  Run.Constructor = IsConstructor;
  Run.CallEffects = CallStarts;
  JoinState AtReturn;
  Run.AtReturn = &AtReturn;
  llvm::SmallVector<LifetimeEvent, 2> Ignored;
  if (Joins.analyzeMember(Fn, Thread, ThreadOwnerKind::Thread, Run,
                          Fn->getASTContext(), Ignored) !=
          ThreadLifetimeAnalysis::Outcome::Complete ||
      AtReturn.isEmpty() || AtReturn.mayBeNotJoinable())
    return nullptr;
  if (const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(Fn))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getMember() == Thread &&
          initializerStartsThread(memberInitializerExpr(Init),
                                  ThreadOwnerKind::Thread, Types))
        return memberInitializerExpr(Init);
  llvm::SmallVector<ThreadUse, 4> Uses;
  ThreadUseClassifier(Body, Types)
      .collectUses(Thread, ThreadOwnerKind::Thread, Uses);
  for (const ThreadUse &Use : Uses)
    if (Use.Kind == ThreadUseKind::Start)
      return Use.Site;
  return CallStarts.empty() ? nullptr : CallStarts.front().Site;
}

const CXXMethodDecl *
SubobjectConstruction::methodCalledOn(const Stmt *S,
                                      const CXXCtorInitializer *Init) const {
  const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(S);
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  if (!Method)
    return nullptr;
  if (const FieldDecl *Field = Init->getMember())
    return memberOfThis(Call->getImplicitObjectArgument()) == Field ? Method
                                                                    : nullptr;
  // A base: its own member function called on `this`.
  const CXXRecordDecl *Base = Init->getBaseClass()->getAsCXXRecordDecl();
  return methodCalledOnThis(S) && Base &&
                 Method->getParent()->getCanonicalDecl() ==
                     Base->getCanonicalDecl()
             ? Method
             : nullptr;
}

bool SubobjectConstruction::mayStop(const Stmt *S,
                                    const CXXCtorInitializer *Init,
                                    const FieldDecl *Thread) const {
  if (const CXXMethodDecl *Method = methodCalledOn(S, Init))
    return MayRelease(Method, Thread);
  // A function of the constructor's own class that touches the subobject
  // (or, for a base, calls anything on `this`), or cannot be seen.
  if (const CXXMethodDecl *Own = methodCalledOnThis(S);
      Own && Own->getParent()->getCanonicalDecl() ==
                 Ctor->getParent()->getCanonicalDecl()) {
    const FunctionDecl *Def = visibleDefinition(Own);
    const FieldDecl *Field = Init->getMember();
    return !Def || anyStmtIn(Def->getBody(), [&](const Stmt *Node) {
      const auto *E = llvm::dyn_cast<Expr>(Node);
      return E && (Field ? memberOfThis(E) == Field
                         : methodCalledOnThis(E) != nullptr);
    });
  }
  // The subobject, the object or a lambda that reaches them handed on.
  return llvm::any_of(argumentsOf(S), [&](const Expr *Arg) {
    return isThisObject(Arg) || isLambdaCapturingThis(Arg) ||
           (Init->getMember() && namesMember(Arg, Init->getMember()));
  });
}

bool SubobjectConstruction::handlersLeaveSafe(const CXXTryStmt *Try,
                                              const CXXCtorInitializer *Init,
                                              const FieldDecl *Thread) const {
  // The handler of a function-try-block runs after the subobjects are
  // destroyed, and rethrows.
  if (Try == Ctor->getBody())
    return false;
  for (unsigned I = 0; I < Try->getNumHandlers(); ++I) {
    const Stmt *Handler = Try->getHandler(I)->getHandlerBlock();
    if (anyStmtIn(Handler,
                  [&](const Stmt *S) { return mayStop(S, Init, Thread); }))
      continue;
    if (anyStmtIn(Handler,
                  [](const Stmt *S) { return llvm::isa<CXXThrowExpr>(S); }))
      return false;
  }
  return true;
}

} // namespace clang::tidy::threads
