//===--- ThreadUseClassifier.cpp ------------------------------------------===//

#include "analysis/ThreadUseClassifier.h"
#include "analysis/BoostThreads.h"
#include "analysis/HandleCreations.h"
#include "analysis/SingleThreadOwners.h"
#include "analysis/ThreadMaps.h"
#include "analysis/ThreadStarts.h"
#include "utils/AstUtils.h"
#include "utils/DeclNames.h"
#include "utils/ThreadTidyCompat.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::threads {

/// Recursion through aliases, elements and iterators is shallow in real code;
/// past this depth a use is treated as an escape (silence, never a guess).
static constexpr unsigned MaxClassifyDepth = 8;

/// The references through which the alias \p Alias reaches threads: those
/// of \p Alias, or for a structured binding of a map's entry
/// (`auto &[k, t] : m`), those of the binding of the thread.
static void findAliasReferences(const Stmt *S, const VarDecl *Alias,
                                const TrackedThreadTypes &Types,
                                llvm::SmallVectorImpl<const Expr *> &Refs) {
  const auto *Decomposition = llvm::dyn_cast<DecompositionDecl>(Alias);
  if (!Decomposition || !isThreadMapEntry(Alias->getType(), Types)) {
    findReferences(S, Alias, Refs);
    return;
  }
  for (const BindingDecl *Binding : Decomposition->bindings())
    if (Types.isThreadType(Binding->getType()))
      findReferences(S, Binding, Refs);
}

/// `entry.second` or `it->second` when \p Entry, a map's entry (or a
/// pointer to one), is used only to reach its thread; null otherwise.
static const Expr *mappedThreadOf(const ParentMap &Parents, const Expr *Entry) {
  const Stmt *Child = nullptr;
  const auto *Member =
      llvm::dyn_cast_or_null<MemberExpr>(semanticParent(Parents, Entry, Child));
  if (!Member || Member->getBase() != Child)
    return nullptr;
  const auto *Field = llvm::dyn_cast<FieldDecl>(Member->getMemberDecl());
  return Field && identifierOf(Field) == "second" ? Member : nullptr;
}

/// Whether \p S contains a call of a JoinMethod.
static bool containsJoinCall(const Stmt *S, const TrackedThreadTypes &Types) {
  return anyStmtIn(S, [&](const Stmt *Node) {
    const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(Node);
    return Call && Types.isJoinMethod(Call->getMethodDecl());
  });
}

/// Whether the callable \p E, handed to an algorithm together with iterators
/// over threads, joins or detaches them: a lambda or function whose body
/// calls a JoinMethod, or `&std::thread::join` (possibly via std::mem_fn).
static bool callableJoins(const Expr *E, const TrackedThreadTypes &Types) {
  E = stripTemporaryWrappers(E);
  if (!E)
    return false;
  if (const auto *Lambda = llvm::dyn_cast<LambdaExpr>(E))
    return containsJoinCall(Lambda->getBody(), Types);
  if (const auto *AddrOf = llvm::dyn_cast<UnaryOperator>(E))
    if (AddrOf->getOpcode() == UO_AddrOf)
      E = AddrOf->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E)) {
    if (const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Ref->getDecl()))
      if (Types.isJoinMethod(Method))
        return true;
    if (const auto *Fn = llvm::dyn_cast<FunctionDecl>(Ref->getDecl()))
      return containsJoinCall(Fn->getBody(), Types);
  }
  if (const auto *Call = llvm::dyn_cast<CallExpr>(E))
    for (const Expr *Arg : Call->arguments())
      if (callableJoins(Arg, Types))
        return true;
  return false;
}

ThreadUseClassifier::ThreadUseClassifier(const Stmt *Body,
                                         const TrackedThreadTypes &Types)
    : Body(Body), Types(Types), Parents(const_cast<Stmt *>(Body)) {}

void ThreadUseClassifier::collectUses(const ValueDecl *Owner,
                                      ThreadOwnerKind Kind,
                                      llvm::SmallVectorImpl<ThreadUse> &Uses) {
  llvm::SmallVector<const Expr *, 8> Refs;
  findReferences(Body, Owner, Refs);
  for (const Expr *Ref : Refs)
    Uses.push_back(classify(Ref, Kind));
}

ThreadUse ThreadUseClassifier::classifyArgument(const Stmt *Call,
                                                const Expr *Arg) {
  const FunctionDecl *Callee = calleeOf(Call);
  llvm::ArrayRef<const Expr *> Args = argumentsOf(Call);
  const auto *Found = llvm::find(Args, Arg);
  if (Found == Args.end())
    return {ThreadUseKind::Query, Call};
  unsigned Index = Found - Args.begin();
  unsigned FirstParamArg = 0;
  // An overloaded operator implemented as a member takes its object as
  // argument 0; parameters start at argument 1.
  if (llvm::isa<CXXOperatorCallExpr>(Call) &&
      llvm::isa_and_nonnull<CXXMethodDecl>(Callee)) {
    if (Index == 0)
      return {ThreadUseKind::Query, Call};
    FirstParamArg = 1;
  }
  // std::move, std::swap, std::ref, std::addressof and friends hand the
  // thread to whoever receives the result.
  if (!Callee ||
      isStdFunctionNamed(Callee, {"move", "forward", "swap", "exchange", "ref",
                                  "addressof", "iter_swap"}))
    return {ThreadUseKind::Escape, Call};
  // A copy shares what it copies (a std::shared_future's state): the copy
  // is another owner. Threads themselves cannot be copied.
  if (const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Callee))
    if (Method->isCopyAssignmentOperator() ||
        (llvm::isa<CXXConstructorDecl>(Method) &&
         llvm::cast<CXXConstructorDecl>(Method)->isCopyConstructor()))
      return {ThreadUseKind::Escape, Call};
  unsigned ParamIndex = Index - FirstParamArg;
  if (ParamIndex >= Callee->getNumParams())
    return {ThreadUseKind::Escape, Call}; // variadic: unknown
  QualType ParamType = Callee->getParamDecl(ParamIndex)->getType();
  if (ParamType->isReferenceType() &&
      ParamType.getNonReferenceType().isConstQualified())
    return {ThreadUseKind::Query, Call};
  // A non-const reference (an RAII guard, a registry), an rvalue reference or
  // a by-value parameter (a template taking anything) may join or keep it.
  return {ThreadUseKind::Escape, Call};
}

ThreadUse ThreadUseClassifier::classifyElement(const Expr *Element) {
  // A map's element is an entry: what matters is what is done to its thread.
  if (isThreadMapEntry(Element->getType(), Types))
    if (const Expr *Thread = mappedThreadOf(Parents, Element))
      return classify(Thread, ThreadOwnerKind::Thread);
  return classify(Element, ThreadOwnerKind::Thread);
}

ThreadUse
ThreadUseClassifier::classifyContainerMember(const CXXMemberCallExpr *Call,
                                             llvm::StringRef Name) {
  if (std::optional<ContainerInsertion> Insertion =
          containerInsertion(Call->getMethodDecl())) {
    bool Started = insertionStartsThread(Call, *Insertion, Types);
    return {Started ? ThreadUseKind::Start : ThreadUseKind::Query, Call};
  }
  if (Name == "at" || Name == "front" || Name == "back")
    return classifyElement(Call);
  if (Name == "begin" || Name == "end" || Name == "cbegin" || Name == "cend" ||
      Name == "rbegin" || Name == "rend" || Name == "crbegin" ||
      Name == "crend" || Name == "before_begin" || Name == "find")
    return classifyIterator(Call);
  if (Name == "swap" || Name == "data" || Name == "splice" || Name == "merge" ||
      Name == "extract")
    return {ThreadUseKind::Escape, Call};
  return {ThreadUseKind::Query, Call};
}

ThreadUse ThreadUseClassifier::classifyIterator(const Expr *Iterator) {
  const Stmt *Child = nullptr;
  const Stmt *Parent = semanticParent(Parents, Iterator, Child);
  if (!Parent)
    return {ThreadUseKind::Query, Iterator};
  if (const auto *Decls = llvm::dyn_cast<DeclStmt>(Parent)) {
    for (const Decl *D : Decls->decls())
      if (const auto *Var = llvm::dyn_cast<VarDecl>(D))
        if (Var->getInit() == Child)
          return classifyAliasVariable(Var, Parent, /*ViaDeref=*/true);
    return {ThreadUseKind::Query, Parent};
  }
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(Parent)) {
    if ((Op->getOperator() == OO_Star || Op->getOperator() == OO_Arrow) &&
        Op->getNumArgs() >= 1 && Op->getArg(0) == Child)
      return classifyElement(Op);
    return {ThreadUseKind::Query, Parent};
  }
  if (const auto *Call = llvm::dyn_cast<CallExpr>(Parent)) {
    // An algorithm over the threads: what matters is the callable it runs.
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (isStdFunctionNamed(Callee, {"move", "move_backward", "swap_ranges",
                                    "iter_swap", "make_move_iterator"}))
      return {ThreadUseKind::Escape, Call};
    bool HasCallable = false;
    for (const Expr *Arg : Call->arguments()) {
      if (Arg == Child)
        continue;
      if (callableJoins(Arg, Types))
        return {ThreadUseKind::Join, Call};
      HasCallable |= isCallableType(Arg->getType());
    }
    return {HasCallable || !Callee ? ThreadUseKind::Escape
                                   : ThreadUseKind::Query,
            Call};
  }
  return {ThreadUseKind::Query, Parent};
}

ThreadUse ThreadUseClassifier::classifyAliasVariable(const VarDecl *Alias,
                                                     const Stmt *AliasSite,
                                                     bool ViaDeref) {
  llvm::SmallVector<const Expr *, 8> Refs;
  findAliasReferences(Body, Alias, Types, Refs);
  ThreadUse Result{ThreadUseKind::Query, AliasSite};
  auto Rank = [](ThreadUseKind K) {
    switch (K) {
    case ThreadUseKind::Join:
      return 3;
    case ThreadUseKind::Escape:
      return 2;
    case ThreadUseKind::Start:
      return 1;
    case ThreadUseKind::Query:
      return 0;
    }
    return 0;
  };
  for (const Expr *Ref : Refs) {
    ThreadUse Use{ThreadUseKind::Query, Ref};
    if (ViaDeref) {
      const Stmt *Child = nullptr;
      const Stmt *Parent = semanticParent(Parents, Ref, Child);
      const auto *Op = llvm::dyn_cast_or_null<CXXOperatorCallExpr>(Parent);
      if (Op &&
          (Op->getOperator() == OO_Star || Op->getOperator() == OO_Arrow) &&
          Op->getNumArgs() >= 1 && Op->getArg(0) == Child)
        Use = classifyElement(Op);
    } else {
      Use = classifyElement(Ref);
    }
    if (Rank(Use.Kind) > Rank(Result.Kind))
      Result = Use;
  }
  Result.IsMemberCallOnOwner = false;
  return Result;
}

ThreadUse ThreadUseClassifier::classify(const Expr *Ref, ThreadOwnerKind Kind) {
  if (Depth >= MaxClassifyDepth)
    return {ThreadUseKind::Escape, Ref};
  ++Depth;
  auto RestoreDepth = compat::scopeExit([this] { --Depth; });

  const Stmt *Child = nullptr;
  const Stmt *Parent = semanticParent(Parents, Ref, Child);
  if (!Parent)
    return {ThreadUseKind::Query, Ref};
  // Inside a template pattern nothing is resolved yet: assume the worst for
  // the analysis, which is the best for the user (silence).
  if (const auto *ParentExpr = llvm::dyn_cast<Expr>(Parent))
    if (ParentExpr->isInstantiationDependent())
      return {ThreadUseKind::Escape, Parent};
  if (isHandleKind(Kind))
    return classifyHandleUse(Parent, Child, Kind);
  return classifyUseIn(Parent, Child, Kind);
}

ThreadUse ThreadUseClassifier::classifyHandleUse(const Stmt *Parent,
                                                 const Stmt *Child,
                                                 ThreadOwnerKind Kind) {
  if (Kind == ThreadOwnerKind::HandleArray) {
    if (const auto *Subscript = llvm::dyn_cast<ArraySubscriptExpr>(Parent);
        Subscript && Subscript->getBase() == Child)
      return classify(Subscript, ThreadOwnerKind::Handle);
    if (llvm::isa<UnaryExprOrTypeTraitExpr>(Parent)) // sizeof
      return {ThreadUseKind::Query, Parent};
    // `free(tids)` of a heap block of handles releases the memory, not the
    // threads: those still have to be joined, before.
    if (isHeapRelease(llvm::dyn_cast<CallExpr>(Parent)))
      return {ThreadUseKind::Query, Parent};
    // The array decays to a pointer that anyone may join through.
    return {ThreadUseKind::Escape, Parent};
  }
  if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(Parent)) {
    if (Unary->getOpcode() == UO_AddrOf)
      return classifyHandleAddress(Unary);
    return {ThreadUseKind::Query, Parent};
  }
  if (const auto *Call = llvm::dyn_cast<CallExpr>(Parent))
    return classifyHandleArgument(Call, llvm::cast<Expr>(Child));
  if (const auto *Binary = llvm::dyn_cast<BinaryOperator>(Parent)) {
    // A copy is another handle to the same thread, which may join it; an
    // assignment to the handle names another thread.
    if (Binary->isAssignmentOp())
      return {ThreadUseKind::Escape, Parent};
    return {ThreadUseKind::Query, Parent};
  }
  if (const auto *Cond = llvm::dyn_cast<AbstractConditionalOperator>(Parent))
    if (Child != Cond->getCond())
      return classify(Cond, Kind);
  if (llvm::isa<DeclStmt, ReturnStmt, InitListExpr, LambdaExpr, CXXThrowExpr,
                CXXConstructExpr, CompoundLiteralExpr>(Parent))
    return {ThreadUseKind::Escape, Parent};
  return {ThreadUseKind::Query, Parent};
}

ThreadUse
ThreadUseClassifier::classifyHandleAddress(const UnaryOperator *AddrOf) {
  const Stmt *Child = nullptr;
  const auto *Call =
      llvm::dyn_cast_or_null<CallExpr>(semanticParent(Parents, AddrOf, Child));
  if (std::optional<HandleCreation> Creation = handleCreationOf(Call))
    if (Creation->Handle &&
        Call->getArg(Creation->Api->HandleArg)->IgnoreParenImpCasts() ==
            AddrOf) {
      ThreadUse Use{ThreadUseKind::Start, Call};
      Use.StartsDetached = createsDetached(*Creation, Body);
      return Use;
    }
  // Anyone holding the address may join the thread, or store another one.
  return {ThreadUseKind::Escape, AddrOf};
}

ThreadUse ThreadUseClassifier::classifyHandleArgument(const CallExpr *Call,
                                                      const Expr *Arg) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (HandleCall Handle = handleCallOf(Callee)) {
    bool IsHandleArg =
        Call->getNumArgs() > 0 &&
        Call->getArg(0)->IgnoreParenImpCasts() == Arg->IgnoreParenImpCasts();
    if (IsHandleArg && (Handle.Role == HandleCallRole::Join ||
                        Handle.Role == HandleCallRole::Detach))
      return {ThreadUseKind::Join, Call};
    // pthread_equal, pthread_kill, pthread_cancel, pthread_setname_np: they
    // look at the thread or signal it; none joins it.
    return {ThreadUseKind::Query, Call};
  }
  if (!Callee)
    return {ThreadUseKind::Escape, Call};
  llvm::ArrayRef<const Expr *> Args = argumentsOf(Call);
  const auto *Found = llvm::find(Args, Arg);
  // printf("%lu", t): a variadic argument is read, not kept.
  if (Found != Args.end() &&
      unsigned(Found - Args.begin()) >= Callee->getNumParams() &&
      Callee->isVariadic())
    return {ThreadUseKind::Query, Call};
  // Another function holding a copy may join it (a helper that joins).
  return {ThreadUseKind::Escape, Call};
}

ThreadUse ThreadUseClassifier::classifyUseIn(const Stmt *Parent,
                                             const Stmt *Child,
                                             ThreadOwnerKind Kind) {
  if (const auto *Member = llvm::dyn_cast<MemberExpr>(Parent))
    return classifyMemberCall(Member, Kind);
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(Parent))
    return classifyOperator(Op, Child, Kind);
  // An element of a C array of threads, as operator[] of a std::array.
  if (const auto *Subscript = llvm::dyn_cast<ArraySubscriptExpr>(Parent))
    if (Kind == ThreadOwnerKind::Container && Subscript->getBase() == Child)
      return classifyElement(Subscript);
  if (llvm::isa<CallExpr, CXXConstructExpr>(Parent)) {
    // Any callee may keep a copy of a shared_ptr, even through a const
    // reference: then the thread has another owner.
    if (Kind == ThreadOwnerKind::SharedPtr)
      return {ThreadUseKind::Escape, Parent};
    return classifyArgument(Parent, llvm::cast<Expr>(Child));
  }
  if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(Parent))
    return {Unary->getOpcode() == UO_AddrOf ? ThreadUseKind::Escape
                                            : ThreadUseKind::Query,
            Unary};
  if (llvm::isa<ReturnStmt, CoreturnStmt, InitListExpr, LambdaExpr,
                CXXThrowExpr>(Parent))
    return {ThreadUseKind::Escape, Parent};
  if (const auto *Cond = llvm::dyn_cast<AbstractConditionalOperator>(Parent))
    if (Child != Cond->getCond())
      return classify(Cond, Kind);
  if (const auto *Decls = llvm::dyn_cast<DeclStmt>(Parent))
    return classifyDeclaration(Decls, Child, Kind);
  return {ThreadUseKind::Query, Parent};
}

ThreadUse ThreadUseClassifier::classifyMemberCall(const MemberExpr *Member,
                                                  ThreadOwnerKind Kind) {
  const Stmt *MemberChild = nullptr;
  const auto *Call = llvm::dyn_cast_or_null<CXXMemberCallExpr>(
      semanticParent(Parents, Member, MemberChild));
  if (!Call || Call->getCallee() != MemberChild)
    return {ThreadUseKind::Query, Member};
  llvm::StringRef Name = identifierOf(Call->getMethodDecl());
  switch (Kind) {
  case ThreadOwnerKind::Thread:
    return classifyThreadMember(Call, Name);
  case ThreadOwnerKind::UniquePtr:
  case ThreadOwnerKind::SharedPtr:
    return classifyUniquePtrMember(Call, Name);
  case ThreadOwnerKind::Optional:
    return classifyOptionalMember(Call);
  case ThreadOwnerKind::Container:
    return classifyContainerMember(Call, Name);
  case ThreadOwnerKind::None:
  case ThreadOwnerKind::Handle:
  case ThreadOwnerKind::HandleArray:
    break;
  }
  return {ThreadUseKind::Query, Call};
}

ThreadUse
ThreadUseClassifier::classifyThreadMember(const CXXMemberCallExpr *Call,
                                          llvm::StringRef Name) {
  if (Types.isJoinMethod(Call->getMethodDecl()))
    return {ThreadUseKind::Join, Call};
  // A timed join joins only if the thread ends in time: the code's own
  // test of its result decides, which is more than the analysis knows.
  if (Name == "swap" || isBoostTimedJoin(Call->getMethodDecl()))
    return {ThreadUseKind::Escape, Call};
  return {ThreadUseKind::Query, Call, /*IsMemberCallOnOwner=*/true};
}

ThreadUse
ThreadUseClassifier::classifyUniquePtrMember(const CXXMemberCallExpr *Call,
                                             llvm::StringRef Name) {
  if (Name == "get" || Name == "release" || Name == "swap")
    return {ThreadUseKind::Escape, Call};
  if (Name == "reset" && Call->getNumArgs() == 1) {
    const Expr *Arg = stripTemporaryWrappers(Call->getArg(0));
    if (const auto *New = llvm::dyn_cast<CXXNewExpr>(Arg))
      if (constructsStartedThread(New->getConstructExpr(), Types))
        return {ThreadUseKind::Start, Call};
  }
  return {ThreadUseKind::Query, Call};
}

ThreadUse
ThreadUseClassifier::classifyOptionalMember(const CXXMemberCallExpr *Call) {
  switch (optionalCallRole(Call, Types)) {
  case OptionalCallRole::Start:
    return {ThreadUseKind::Start, Call};
  case OptionalCallRole::Element:
    return classifyElement(Call);
  case OptionalCallRole::Escape:
    return {ThreadUseKind::Escape, Call};
  case OptionalCallRole::Other:
    break;
  }
  return {ThreadUseKind::Query, Call};
}

ThreadUse ThreadUseClassifier::classifyOperator(const CXXOperatorCallExpr *Op,
                                                const Stmt *Child,
                                                ThreadOwnerKind Kind) {
  bool IsObject = Op->getNumArgs() >= 1 && Op->getArg(0) == Child;
  OverloadedOperatorKind OpKind = Op->getOperator();
  if (IsObject && OpKind == OO_Equal && Op->getNumArgs() == 2) {
    bool Started = initializerStartsThread(Op->getArg(1), Kind, Types);
    return {Started ? ThreadUseKind::Start : ThreadUseKind::Query, Op};
  }
  if (IsObject && holdsOneThread(Kind) &&
      (OpKind == OO_Star || OpKind == OO_Arrow))
    return classifyElement(Op);
  if (IsObject && Kind == ThreadOwnerKind::Container && OpKind == OO_Subscript)
    return classifyElement(Op);
  if (OpKind == OO_Amp && Op->getNumArgs() == 1)
    return {ThreadUseKind::Escape, Op};
  return classifyArgument(Op, llvm::cast<Expr>(Child));
}

ThreadUse ThreadUseClassifier::classifyDeclaration(const DeclStmt *Decls,
                                                   const Stmt *Child,
                                                   ThreadOwnerKind Kind) {
  const Stmt *Grand = Parents.getParent(Decls);
  if (const auto *ForRange = llvm::dyn_cast_or_null<CXXForRangeStmt>(Grand))
    if (ForRange->getRangeStmt() == Decls) {
      if (Kind != ThreadOwnerKind::Container)
        return {ThreadUseKind::Query, ForRange};
      return classifyAliasVariable(ForRange->getLoopVariable(), ForRange,
                                   /*ViaDeref=*/false);
    }
  for (const Decl *D : Decls->decls()) {
    const auto *Var = llvm::dyn_cast<VarDecl>(D);
    if (!Var || Var->getInit() != Child)
      continue;
    QualType T = Var->getType();
    if (T->isReferenceType() && !T.getNonReferenceType().isConstQualified())
      return {ThreadUseKind::Escape, Decls};
  }
  return {ThreadUseKind::Query, Decls};
}

} // namespace clang::tidy::threads
