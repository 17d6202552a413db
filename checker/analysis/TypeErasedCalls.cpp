//===--- TypeErasedCalls.cpp - What a call through type erasure may run ---===//

#include "analysis/TypeErasedCalls.h"
#include "analysis/ErasedHolderFields.h"
#include "utils/AstUtils.h"
#include "utils/DeclNames.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::threads {

namespace {

/// Whether \p RD is a class that erases the type of the callable it holds.
bool isErasureClass(const CXXRecordDecl *RD) {
  if (isStdDeclNamed(RD, {"function", "move_only_function", "copyable_function",
                          "function_ref"}))
    return true;
  return RD && identifierOf(RD) == "function" &&
         isDirectlyInNamespace(RD, "boost");
}

/// Whether a call with result type \p T hands out a callable (an element
/// read from a holder: `front()`, `top()`, `pop()` of a pool's own queue).
bool returnsCallable(QualType T) {
  return !T.isNull() && !T->isVoidType() &&
         isCallableType(T.getNonReferenceType().getCanonicalType());
}

/// The object a member call or member operator call is made on.
const Expr *objectOf(const Expr *Call) {
  if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(Call))
    return Member->getImplicitObjectArgument();
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(Call))
    if (Op->getNumArgs() > 0 &&
        llvm::isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee()))
      return Op->getArg(0);
  return nullptr;
}

/// The variable or data member that \p E reads, through element access of
/// a holder (`tasks_.front()`, `queue_.pop()`, `handlers_[id]`, `*slot`):
/// the place whose stored values \p E may be. Parameters are not places of
/// their own (their values come from their callers) and give null.
const Decl *holderOf(const Expr *E) {
  for (unsigned Steps = 0; E && Steps < 4; ++Steps) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Member = llvm::dyn_cast<MemberExpr>(E)) {
      const ValueDecl *D = Member->getMemberDecl();
      return llvm::isa<FieldDecl, VarDecl>(D) && holdsCallables(D->getType())
                 ? D
                 : nullptr;
    }
    if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E)) {
      const auto *Var = llvm::dyn_cast<VarDecl>(Ref->getDecl());
      return Var && !llvm::isa<ParmVarDecl>(Var) &&
                     holdsCallables(Var->getType())
                 ? Var
                 : nullptr;
    }
    if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(E)) {
      if (Unary->getOpcode() != UO_Deref)
        return nullptr;
      E = Unary->getSubExpr();
      continue;
    }
    if (const FieldDecl *Read = pairFieldRead(E))
      return Read;
    const Expr *Object = objectOf(E);
    if (!Object || !returnsCallable(E->getType()))
      return nullptr;
    if (const FieldDecl *Mapped = mappedCallableField(Object->getType()))
      return Mapped;
    E = Object;
  }
  return nullptr;
}

/// Where the arguments that bind to the callee's parameters start in a call
/// or construction: after the object of a member operator call.
unsigned firstParameterArgument(const Expr *Site) {
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(Site))
    if (llvm::isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee()))
      return 1;
  return 0;
}

/// The argument at \p Index of \p Site; null past the end.
const Expr *argumentAt(const Expr *Site, unsigned Index) {
  llvm::ArrayRef<const Expr *> Args = argumentsOf(Site);
  return Index < Args.size() ? Args[Index] : nullptr;
}

/// The argument that binds to parameter \p Index of the call or
/// construction \p Site; null when there is none (a variadic tail).
const Expr *argumentFor(const Expr *Site, unsigned Index) {
  return argumentAt(Site, firstParameterArgument(Site) + Index);
}

/// The function \p E names (`run`, `&run`, `&Worker::run`), if any.
const FunctionDecl *namedFunction(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *AddrOf = llvm::dyn_cast<UnaryOperator>(E))
    if (AddrOf->getOpcode() == UO_AddrOf)
      E = AddrOf->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E))
    return llvm::dyn_cast<FunctionDecl>(Ref->getDecl());
  return nullptr;
}

bool hasCallableParameter(const FunctionDecl *FD) {
  return llvm::any_of(FD->parameters(), [](const ParmVarDecl *P) {
    return holdsCallables(P->getType());
  });
}

/// What hands a callable on unchanged (handedOnValue), and the conversion
/// into a std::function.
const Expr *handedOnCallable(const Expr *E) {
  for (unsigned Steps = 0; E && Steps < 8; ++Steps) {
    E = handedOnValue(E);
    const auto *Construct = llvm::dyn_cast_or_null<CXXConstructExpr>(E);
    if (!Construct || Construct->getNumArgs() == 0 ||
        !isErasureClass(Construct->getConstructor()->getParent()))
      return E;
    E = Construct->getArg(0);
  }
  return E;
}

} // namespace

/// Indexes, in one walk of the translation unit's own code, the values
/// stored into every place that holds callables and the visible calls of
/// every function with a callable parameter.
class ErasedFlowIndexer : public RecursiveASTVisitor<ErasedFlowIndexer> {
  /// What stores a value into a field (ErasedHolderFields).
  auto storeInto() {
    return [this](const FieldDecl *Field, const Expr *Value) {
      Flow.Stores[Field].push_back(Value);
    };
  }

public:
  ErasedFlowIndexer(TypeErasedCalls::FlowIndex &Flow, const SourceManager &SM)
      : Flow(Flow), SM(SM) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaBodies() const { return true; }

  bool TraverseDecl(Decl *D) {
    // Library code stores into its own internals only; skipping it keeps
    // the walk to the unit's own code.
    if (D &&
        !llvm::isa<TranslationUnitDecl, NamespaceDecl, LinkageSpecDecl>(D) &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitVarDecl(VarDecl *Var) {
    if (!llvm::isa<ParmVarDecl>(Var) && Var->getInit() &&
        holdsCallables(Var->getType()))
      Flow.Stores[Var].push_back(Var->getInit());
    return true;
  }

  /// `for (auto &task : tasks_)`: the loop variable is each element.
  bool VisitCXXForRangeStmt(CXXForRangeStmt *Loop) {
    const VarDecl *Element = Loop->getLoopVariable();
    if (Element && Loop->getRangeInit() && holdsCallables(Element->getType()))
      Flow.Stores[Element].push_back(Loop->getRangeInit());
    return true;
  }

  bool VisitFieldDecl(FieldDecl *Field) {
    if (Field->hasInClassInitializer() && Field->getInClassInitializer() &&
        holdsCallables(Field->getType()))
      Flow.Stores[Field].push_back(Field->getInClassInitializer());
    return true;
  }

  bool TraverseConstructorInitializer(CXXCtorInitializer *Init) {
    if (const FieldDecl *Field = Init->getMember())
      if (Init->getInit() && holdsCallables(Field->getType()))
        Flow.Stores[Field].push_back(Init->getInit());
    return RecursiveASTVisitor::TraverseConstructorInitializer(Init);
  }

  bool VisitCXXMethodDecl(CXXMethodDecl *Method) {
    if (Method->isVirtual() && !Method->getDescribedFunctionTemplate())
      for (const CXXMethodDecl *Base : Method->overridden_methods())
        Flow.Overrides[Base->getCanonicalDecl()].push_back(Method);
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *Assign) {
    if (Assign->getOpcode() == BO_Assign && !Assign->isTypeDependent())
      if (const Decl *Holder = holderOf(Assign->getLHS()))
        Flow.Stores[Holder].push_back(Assign->getRHS());
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    if (Call->isInstantiationDependent())
      return true;
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return true;
    recordCallSite(Call, Callee);
    if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(Call))
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
        if (const Decl *Holder = holderOf(Op->getArg(0)))
          Flow.Stores[Holder].push_back(Op->getArg(1));
        return true;
      }
    if (const Expr *Object = objectOf(Call)) {
      if (const Decl *Holder = holderOf(Object))
        recordMemberCallOnHolder(Call, Callee, Holder);
      else if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(Call))
        forEachFieldEmplaced(
            Member, storeInto(),
            [&](const CXXConstructorDecl *Ctor, unsigned FirstArgument) {
              if (hasCallableParameter(Ctor))
                Flow.CallSites[Ctor->getCanonicalDecl()].push_back(
                    {Member, FirstArgument});
            });
    }
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    if (Construct->isInstantiationDependent())
      return true;
    recordCallSite(Construct, Construct->getConstructor());
    forEachFieldInitialized(Construct, storeInto());
    return true;
  }

  /// `Job{std::move(task), priority}`: the field holds the task. The
  /// walk may meet both forms of a list: the syntactic one stands for it.
  bool VisitInitListExpr(InitListExpr *List) {
    if (List->isSyntacticForm() && !List->isInstantiationDependent())
      forEachFieldInitialized(List, storeInto());
    return true;
  }

private:
  void recordCallSite(const Expr *Site, const FunctionDecl *Callee) {
    if (takesCallable(Callee))
      Flow.CallSites[Callee->getCanonicalDecl()].push_back(
          {Site, firstParameterArgument(Site)});
    if (isStandardFunction(Callee))
      recordForwardedCalls(Site);
  }

  /// hasCallableParameter, once per function: the walk asks it of every
  /// call, and most calls go to a few functions.
  bool takesCallable(const FunctionDecl *FD) {
    auto [It, Inserted] = TakesCallable.try_emplace(FD, false);
    if (Inserted)
      It->second = hasCallableParameter(FD);
    return It->second;
  }

  static bool isStandardFunction(const FunctionDecl *FD) {
    return isInTopLevelNamespace(FD, "std");
  }

  /// `std::thread(run, task)`, `std::async(&Pool::run, this, task)`: the
  /// standard library calls `run` with the arguments that follow it.
  void recordForwardedCalls(const Expr *Site) {
    llvm::ArrayRef<const Expr *> Args = argumentsOf(Site);
    for (unsigned I = 0; I < Args.size(); ++I) {
      const FunctionDecl *Run = namedFunction(Args[I]);
      if (!Run || !takesCallable(Run))
        continue;
      const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Run);
      unsigned ObjectArguments = Method && !Method->isStatic() ? 1 : 0;
      Flow.CallSites[Run->getCanonicalDecl()].push_back(
          {Site, I + 1 + ObjectArguments});
      return;
    }
  }

  /// `tasks_.push(task)` stores the task into the holder;
  /// `queue_.pop(task)` (by non-const reference) reads one out into `task`.
  void recordMemberCallOnHolder(const CallExpr *Call,
                                const FunctionDecl *Callee,
                                const Decl *Holder) {
    for (unsigned I = 0, N = Callee->getNumParams(); I < N; ++I) {
      const Expr *Arg = argumentFor(Call, I);
      if (!Arg)
        break;
      QualType ParamType = Callee->getParamDecl(I)->getType();
      bool ReadsInto = ParamType->isLValueReferenceType() &&
                       !ParamType.getNonReferenceType().isConstQualified();
      if (ReadsInto) {
        if (const VarDecl *Out = referencedVariable(Arg))
          if (holdsCallables(Out->getType()))
            Flow.Stores[Out].push_back(Call);
        continue;
      }
      if (isCallableType(ParamType.getNonReferenceType().getCanonicalType()) ||
          isCallableType(Arg->getType().getCanonicalType()))
        Flow.Stores[Holder].push_back(Arg);
    }
  }

  TypeErasedCalls::FlowIndex &Flow;
  const SourceManager &SM;
  llvm::DenseMap<const FunctionDecl *, bool> TakesCallable;
};

const Expr *TypeErasedCalls::erasedCallee(const Stmt *S) {
  const auto *Call = llvm::dyn_cast_or_null<CallExpr>(S);
  if (!Call || Call->isInstantiationDependent())
    return nullptr;
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (Op->getOperator() != OO_Call || Op->getNumArgs() == 0)
      return nullptr;
    const auto *Method =
        llvm::dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
    return Method && isErasureClass(Method->getParent()) ? Op->getArg(0)
                                                         : nullptr;
  }
  if (llvm::isa<CXXMemberCallExpr>(Call) || Call->getDirectCallee())
    return nullptr;
  const Expr *Callee = Call->getCallee()->IgnoreParenImpCasts();
  if (const auto *Deref = llvm::dyn_cast<UnaryOperator>(Callee))
    if (Deref->getOpcode() == UO_Deref)
      Callee = Deref->getSubExpr()->IgnoreParenImpCasts();
  QualType T = Callee->getType();
  return T->isFunctionPointerType() || T->isFunctionReferenceType() ? Callee
                                                                    : nullptr;
}

ErasedCallTargets TypeErasedCalls::targetsOf(const Expr *Callable,
                                             ASTContext &Ctx) {
  if (sharedIndex().Indexed != &Ctx)
    index(Ctx);
  ErasedCallTargets Out;
  addSourcesOf(Callable, SourceLocation(), 0, Out);
  Following.clear();
  Submission = nullptr;
  return Out;
}

llvm::SmallVector<const CXXMethodDecl *, 2>
TypeErasedCalls::overridesCalledBy(const CXXMemberCallExpr *Call,
                                   ASTContext &Ctx) {
  llvm::SmallVector<const CXXMethodDecl *, 2> Result;
  const CXXMethodDecl *Method = Call->getMethodDecl();
  const auto *Callee =
      llvm::dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParens());
  if (!Method || !Method->isVirtual() || llvm::isa<CXXDestructorDecl>(Method) ||
      Method->hasAttr<FinalAttr>() || !Callee || Callee->hasQualifier())
    return Result;
  if (const CXXRecordDecl *Object = Call->getRecordDecl())
    if (Object->hasAttr<FinalAttr>())
      return Result;
  if (sharedIndex().Indexed != &Ctx)
    index(Ctx);
  llvm::SmallVector<const CXXMethodDecl *, 4> Pending{Method};
  llvm::DenseSet<const CXXMethodDecl *> Seen;
  while (!Pending.empty() && Result.size() < MaxTargets) {
    const CXXMethodDecl *Next = Pending.pop_back_val();
    auto Found = sharedIndex().Overrides.find(Next->getCanonicalDecl());
    if (Found == sharedIndex().Overrides.end())
      continue;
    for (const CXXMethodDecl *Override : Found->second)
      if (Seen.insert(Override->getCanonicalDecl()).second) {
        Result.push_back(Override);
        Pending.push_back(Override);
      }
  }
  return Result;
}

TypeErasedCalls::FlowIndex &TypeErasedCalls::sharedIndex() {
  thread_local FlowIndex Index;
  return Index;
}

void TypeErasedCalls::reset() {
  FlowIndex &Index = sharedIndex();
  Index.Indexed = nullptr;
  Index.Stores.clear();
  Index.CallSites.clear();
  Index.Overrides.clear();
  Following.clear();
}

void TypeErasedCalls::index(ASTContext &Ctx) {
  reset();
  sharedIndex().Indexed = &Ctx;
  ErasedFlowIndexer Indexer(sharedIndex(), Ctx.getSourceManager());
  Indexer.TraverseDecl(Ctx.getTranslationUnitDecl());
}

void TypeErasedCalls::addTarget(const FunctionDecl *FD,
                                SourceLocation SubmittedAt,
                                ErasedCallTargets &Out) {
  if (!FD)
    return;
  for (const ErasedCallTarget &Known : Out)
    if (Known.Function->getCanonicalDecl() == FD->getCanonicalDecl())
      return;
  Out.push_back({FD, SubmittedAt, Submission});
}

void TypeErasedCalls::addSourcesOf(const Expr *E, SourceLocation SubmittedAt,
                                   unsigned Steps, ErasedCallTargets &Out) {
  if (!E || Steps > MaxSteps || Out.size() >= MaxTargets)
    return;
  E = handedOnCallable(E);
  if (!E || E->isInstantiationDependent())
    return;
  SourceLocation Here = SubmittedAt.isValid() ? SubmittedAt : E->getExprLoc();

  // A parameter, also one whose type is the closure's own (a template's
  // `F &&task`): its visible callers say where the task was submitted.
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E))
    if (const auto *Param = llvm::dyn_cast<ParmVarDecl>(Ref->getDecl()))
      if (hasVisibleCalls(Param)) {
        addSourcesOfParameter(Param, Steps + 1, Out);
        return;
      }

  if (const auto *Lambda = llvm::dyn_cast<LambdaExpr>(E)) {
    addTarget(Lambda->getCallOperator(), Here, Out);
    return;
  }
  // A closure or a functor keeps its type until it is erased: its own call
  // operator is what runs.
  if (const CXXRecordDecl *RD =
          E->getType().getNonReferenceType()->getAsCXXRecordDecl()) {
    if (RD->isLambda()) {
      addTarget(RD->getLambdaCallOperator(), Here, Out);
      return;
    }
    if (RD->hasDefinition() && !isErasureClass(RD) &&
        !RD->getASTContext().getSourceManager().isInSystemHeader(
            RD->getLocation())) {
      bool IsFunctor = false;
      for (const CXXMethodDecl *Method : RD->methods())
        if (Method->getOverloadedOperator() == OO_Call) {
          addTarget(Method, Here, Out);
          IsFunctor = true;
        }
      if (IsFunctor)
        return;
    }
  }
  if (const auto *Cond = llvm::dyn_cast<AbstractConditionalOperator>(E)) {
    addSourcesOf(Cond->getTrueExpr(), SubmittedAt, Steps + 1, Out);
    addSourcesOf(Cond->getFalseExpr(), SubmittedAt, Steps + 1, Out);
    return;
  }
  if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(E))
    if (Unary->getOpcode() == UO_AddrOf) {
      addSourcesOf(Unary->getSubExpr(), SubmittedAt, Steps + 1, Out);
      return;
    }
  if (const auto *Call = llvm::dyn_cast<CallExpr>(E))
    if (isStdFunctionNamed(Call->getDirectCallee(), {"bind", "bind_front"}) &&
        Call->getNumArgs() > 0) {
      addSourcesOf(Call->getArg(0), Here, Steps + 1, Out);
      return;
    }
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *D = Ref->getDecl();
    if (const auto *FD = llvm::dyn_cast<FunctionDecl>(D)) {
      addTarget(FD, Here, Out);
      return;
    }
    if (const auto *Param = llvm::dyn_cast<ParmVarDecl>(D)) {
      addSourcesOfParameter(Param, Steps + 1, Out);
      return;
    }
    // `auto &[id, callback] = entry`: what the binding reads.
    if (const auto *Binding = llvm::dyn_cast<BindingDecl>(D)) {
      const VarDecl *Holding = Binding->getHoldingVar();
      addSourcesOf(Holding ? Holding->getInit() : Binding->getBinding(),
                   SubmittedAt, Steps + 1, Out);
      return;
    }
    if (const auto *Var = llvm::dyn_cast<VarDecl>(D)) {
      if (Var->isInitCapture()) {
        addSourcesOf(Var->getInit(), SubmittedAt, Steps + 1, Out);
        return;
      }
      addSourcesOfHolder(Var, SubmittedAt, Steps + 1, Out);
    }
    return;
  }
  if (const auto *Member = llvm::dyn_cast<MemberExpr>(E))
    if (const auto *FD = llvm::dyn_cast<FunctionDecl>(Member->getMemberDecl()))
      if (FD->isStatic()) {
        addTarget(FD, Here, Out);
        return;
      }
  if (const Decl *Holder = holderOf(E))
    addSourcesOfHolder(Holder, SubmittedAt, Steps + 1, Out);
}

void TypeErasedCalls::addSourcesOfHolder(const Decl *Holder,
                                         SourceLocation SubmittedAt,
                                         unsigned Steps,
                                         ErasedCallTargets &Out) {
  auto Stored = sharedIndex().Stores.find(Holder);
  if (Stored == sharedIndex().Stores.end() || !Following.insert(Holder).second)
    return;
  for (const Expr *Value : Stored->second)
    addSourcesOf(Value, SubmittedAt, Steps, Out);
  Following.erase(Holder);
}

bool TypeErasedCalls::hasVisibleCalls(const ParmVarDecl *Param) const {
  const auto *FD = llvm::dyn_cast<FunctionDecl>(Param->getDeclContext());
  return FD && sharedIndex().CallSites.count(FD->getCanonicalDecl());
}

void TypeErasedCalls::addSourcesOfParameter(const ParmVarDecl *Param,
                                            unsigned Steps,
                                            ErasedCallTargets &Out) {
  const auto *FD = llvm::dyn_cast<FunctionDecl>(Param->getDeclContext());
  if (!FD)
    return;
  auto Sites = sharedIndex().CallSites.find(FD->getCanonicalDecl());
  if (Sites == sharedIndex().CallSites.end() || !Following.insert(Param).second)
    return;
  const Expr *Inner = Submission;
  for (const FlowIndex::CallSite &Call : Sites->second)
    if (const Expr *Arg = argumentAt(
            Call.Site, Call.FirstArgument + Param->getFunctionScopeIndex())) {
      // The argument of the outermost visible call is where the task was
      // submitted: what the notes point at.
      Submission = Call.Site;
      addSourcesOf(Arg, Arg->getExprLoc(), Steps, Out);
    }
  Submission = Inner;
  Following.erase(Param);
}

} // namespace clang::tidy::threads
