//===--- DanglingCaptureCheck.cpp - threads-dangling-capture --------------===//

#include "checks/DanglingCaptureCheck.h"
#include "analysis/BoostThreads.h"
#include "analysis/DestructorDetaches.h"
#include "analysis/HandleCreations.h"
#include "analysis/LocalThreadUses.h"
#include "analysis/ReleaseHandshakes.h"
#include "analysis/ThreadEntryFunctions.h"
#include "analysis/ThreadUseClassifier.h"
#include "utils/AstMatchers.h"
#include "utils/AstUtils.h"
#include "utils/ContainerInsertion.h"
#include "utils/DeclNames.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::threads {

namespace {

/// How a launched thread gets to run past the end of the function.
struct Outliving {
  enum OutlivingKind {
    Detached,
    /// A boost::thread of version 2 never joined: its destructor detaches.
    DetachedByDestructor,
    /// A local boost::thread_group of version 2 never joined: its
    /// destructor deletes its threads, which detaches them.
    DetachedByGroup,
    /// A local boost::thread_group of version 2 whose join_all() a scope
    /// exit or a `throw` (Site) skips after the thread's start.
    GroupJoinSkipped,
    InMember,
    InGlobal,
    InCallersContainer,
    Returned,
    /// A handle API's thread that no code joins, detaches or hands over:
    /// it runs on after the function returns (and leaks).
    NeverJoined,
    /// A handle API's thread that is joined on some paths, but that an
    /// exit (a `return`, `break`, `goto`, the end of the scope) or a second
    /// create leaves running on another path (CERT CON34-C).
    LeftRunning,
  };
  OutlivingKind Kind;
  const Stmt *Site;
  const NamedDecl *Where = nullptr; ///< The member or global.
};

/// How the thread refers to a local variable.
struct LocalReference {
  enum ReferenceKind { Capture, StdRef, Address, FunctorMember };
  ReferenceKind Kind;
  const VarDecl *Var;
  SourceLocation Loc;
  /// For FunctorMember: the reference or pointer member that holds it.
  const FieldDecl *Member = nullptr;
};

std::optional<Outliving> variableOutlives(const VarDecl *Var,
                                          const TrackedThreadTypes &Types);

/// Where threads put into the container \p Object end up.
std::optional<Outliving> containerDestination(const Expr *Object,
                                              const Stmt *Site,
                                              const TrackedThreadTypes &Types) {
  Object = Object->IgnoreParenImpCasts();
  if (const auto *Member = llvm::dyn_cast<MemberExpr>(Object))
    return Outliving{Outliving::InMember, Site, Member->getMemberDecl()};
  if (const VarDecl *Var = referencedVariable(Object)) {
    if (!Var->hasLocalStorage())
      return Outliving{Outliving::InGlobal, Site, Var};
    // A container the caller passed in outlives this function.
    if (llvm::isa<ParmVarDecl>(Var) && Var->getType()->isReferenceType())
      return Outliving{Outliving::InCallersContainer, Site, Var};
    // A local container: its threads outlive the function when a loop over
    // it detaches them (`for (auto &t : workers) t.detach();`).
    if (!Var->getType()->isReferenceType())
      return variableOutlives(Var, Types);
  }
  return std::nullopt;
}

/// Where threads that the boost::thread_group \p Group starts end up.
std::optional<Outliving> groupDestination(const Expr *Group, const Stmt *Site) {
  Group = Group->IgnoreParenImpCasts();
  if (const auto *Member = llvm::dyn_cast<MemberExpr>(Group))
    return Outliving{Outliving::InMember, Site, Member->getMemberDecl()};
  const VarDecl *Var = referencedVariable(Group);
  if (!Var)
    return std::nullopt;
  if (!Var->hasLocalStorage())
    return Outliving{Outliving::InGlobal, Site, Var};
  if (llvm::isa<ParmVarDecl>(Var) && Var->getType()->isReferenceType())
    return Outliving{Outliving::InCallersContainer, Site, Var};
  const FunctionDecl *Fn = functionDeclaring(Var);
  if (!Fn || !Fn->getBody())
    return std::nullopt;
  bool NeverJoined = groupDestroysRunningThreads(Var, Fn->getBody());
  // A group joined on some paths: a scope exit or a `throw` that skips its
  // join_all() after this start. (Calls that may throw are not followed.)
  GroupJoinSkip Skip;
  if (!NeverJoined)
    Skip = findGroupJoinSkip(
        Fn, Var, Var->getASTContext(),
        [](const Stmt *S) { return llvm::isa<CXXThrowExpr>(S); }, Site);
  if (!NeverJoined && !Skip)
    return std::nullopt;
  // Version 3 terminates instead: threads-unjoined-thread's finding, or
  // threads-joinable-at-exit's.
  const CXXRecordDecl *Thread =
      threadClassOfGroup(Var->getType()->getAsCXXRecordDecl());
  if (!Thread || boostThreadEnd(Thread) != UnjoinedEnd::Detaches)
    return std::nullopt;
  if (Skip)
    return Outliving{Outliving::GroupJoinSkipped, Skip.End, Var};
  return Outliving{Outliving::DetachedByGroup, nullptr, Var};
}

/// Where a thread stored by assignment into \p Target ends up.
std::optional<Outliving> assignedTo(const Expr *Target, const Stmt *Site,
                                    const TrackedThreadTypes &Types);

/// How the local thread \p Var can outlive its function: detached, moved
/// into a member, a global or a container of the caller, or returned.
std::optional<Outliving> variableOutlives(const VarDecl *Var,
                                          const TrackedThreadTypes &Types) {
  if (!Var->hasLocalStorage())
    return Outliving{Outliving::InGlobal, nullptr, Var};
  const FunctionDecl *Fn = functionDeclaring(Var);
  if (!Fn || !Fn->getBody())
    return std::nullopt;
  ThreadOwnerKind Kind = Types.ownerKind(Var->getType());
  if (Kind == ThreadOwnerKind::None)
    Kind = ThreadOwnerKind::Thread;
  llvm::SmallVector<ThreadUse, 8> Uses;
  ThreadUseClassifier(Fn->getBody(), Types).collectUses(Var, Kind, Uses);
  if (boostThreadDetachedByDestructor(Var, Uses))
    return Outliving{Outliving::DetachedByDestructor, nullptr, Var};
  std::optional<ParentMap> Parents;
  for (const ThreadUse &Use : Uses) {
    if (Use.Kind == ThreadUseKind::Join) {
      if (TrackedThreadTypes::joinKindAt(Use.Site) ==
          TrackedThreadTypes::JoinKind::Detach)
        return Outliving{Outliving::Detached, Use.Site};
      continue;
    }
    if (Use.Kind != ThreadUseKind::Escape)
      continue;
    if (llvm::isa<ReturnStmt>(Use.Site))
      return Outliving{Outliving::Returned, Use.Site};
    // std::move(t) handed on: follow the moved value one step.
    const auto *Move = llvm::dyn_cast<CallExpr>(Use.Site);
    if (!Move || !isStdFunctionNamed(Move->getDirectCallee(), {"move"}))
      continue;
    if (!Parents)
      Parents.emplace(const_cast<Stmt *>(Fn->getBody()));
    const Stmt *Receiver = semanticParent(*Parents, Move);
    std::optional<Outliving> Result;
    if (const auto *Call = llvm::dyn_cast_or_null<CXXMemberCallExpr>(Receiver);
        Call && containerInsertion(Call->getMethodDecl()))
      Result =
          containerDestination(Call->getImplicitObjectArgument(), Call, Types);
    else if (const auto *Op =
                 llvm::dyn_cast_or_null<CXXOperatorCallExpr>(Receiver);
             Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
      Result = assignedTo(Op->getArg(0), Op, Types);
    else if (llvm::isa_and_nonnull<ReturnStmt>(Receiver))
      Result = Outliving{Outliving::Returned, Receiver};
    if (Result)
      return Result;
  }
  return std::nullopt;
}

std::optional<Outliving> assignedTo(const Expr *Target, const Stmt *Site,
                                    const TrackedThreadTypes &Types) {
  Target = Target->IgnoreParenImpCasts();
  if (const auto *Member = llvm::dyn_cast<MemberExpr>(Target))
    return Outliving{Outliving::InMember, Site, Member->getMemberDecl()};
  if (const VarDecl *Var = referencedVariable(Target)) {
    if (!Var->hasLocalStorage())
      return Outliving{Outliving::InGlobal, Site, Var};
    if (!Var->getType()->isReferenceType())
      return variableOutlives(Var, Types);
  }
  return std::nullopt;
}

/// The lambda a callable expression names, directly or through a local
/// closure variable initialized with it (`std::thread t(std::move(fn))`).
const LambdaExpr *lambdaOf(const Expr *Callable) {
  const Expr *E = handedOnValue(Callable);
  if (const auto *Lambda = llvm::dyn_cast<LambdaExpr>(E))
    return Lambda;
  if (const VarDecl *Var = referencedVariable(E))
    if (Var->getInit())
      return llvm::dyn_cast<LambdaExpr>(handedOnValue(Var->getInit()));
  return nullptr;
}

/// The local variable that \p Arg binds to a reference (`x`) or hands as a
/// pointer (`&x`), if any.
const VarDecl *localBoundBy(const Expr *Arg, bool AsPointer) {
  const Expr *E = Arg->IgnoreParenImpCasts();
  if (AsPointer) {
    const auto *AddrOf = llvm::dyn_cast<UnaryOperator>(E);
    if (!AddrOf || AddrOf->getOpcode() != UO_AddrOf)
      return nullptr;
    E = AddrOf->getSubExpr();
  }
  return referencedVariable(E);
}

/// The reference or pointer member that the constructor \p Ctor
/// initializes from its parameter \p Param (`total_(total)`,
/// `out_(&out)`), if any.
const FieldDecl *memberHolding(const CXXConstructorDecl *Ctor,
                               const ParmVarDecl *Param) {
  for (const CXXCtorInitializer *Init : Ctor->inits()) {
    const FieldDecl *Field = Init->getMember();
    if (!Field || !Init->getInit() ||
        !(Field->getType()->isReferenceType() ||
          Field->getType()->isPointerType()))
      continue;
    const Expr *Value = Init->getInit()->IgnoreParenImpCasts();
    if (const auto *AddrOf = llvm::dyn_cast<UnaryOperator>(Value);
        AddrOf && AddrOf->getOpcode() == UO_AddrOf)
      Value = AddrOf->getSubExpr()->IgnoreParenImpCasts();
    if (referencedVariable(Value) == Param)
      return Field;
  }
  return nullptr;
}

/// A functor the thread runs that keeps references or pointers to locals in
/// its members: `std::thread t{Counter(total)}` with `Counter(int &t) :
/// total_(t) {}`, also through a named functor variable or an aggregate
/// (`Counter{total}`).
void collectFunctorReferences(const Expr *Callable,
                              llvm::SmallVectorImpl<LocalReference> &Out) {
  const Expr *E = handedOnValue(Callable);
  if (const VarDecl *Named = referencedVariable(E))
    if (Named->hasLocalStorage() && !Named->getType()->isReferenceType() &&
        Named->getInit())
      E = handedOnValue(Named->getInit());
  const CXXRecordDecl *RD = E->getType()->getAsCXXRecordDecl();
  if (!RD || RD->isLambda())
    return;
  if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(E)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    const FunctionDecl *Def = nullptr;
    if (!Ctor->hasBody(Def))
      return;
    const auto *CtorDef = llvm::cast<CXXConstructorDecl>(Def);
    for (unsigned I = 0, N = std::min<unsigned>(Construct->getNumArgs(),
                                                CtorDef->getNumParams());
         I < N; ++I) {
      const ParmVarDecl *Param = CtorDef->getParamDecl(I);
      QualType Type = Param->getType();
      bool ByReference = Type->isLValueReferenceType();
      if (!ByReference && !Type->isPointerType())
        continue;
      const FieldDecl *Member = memberHolding(CtorDef, Param);
      const VarDecl *Local =
          Member ? localBoundBy(Construct->getArg(I), !ByReference) : nullptr;
      if (Local)
        Out.push_back({LocalReference::FunctorMember, Local,
                       Construct->getArg(I)->getBeginLoc(), Member});
    }
    return;
  }
  // An aggregate with bases lists them first: only plain ones are read.
  if (const auto *Init = llvm::dyn_cast<InitListExpr>(E);
      Init && RD->getNumBases() == 0) {
    unsigned I = 0;
    for (const FieldDecl *Field : RD->fields()) {
      if (I >= Init->getNumInits())
        break;
      const Expr *Value = Init->getInit(I++);
      bool ByReference = Field->getType()->isReferenceType();
      if (!ByReference && !Field->getType()->isPointerType())
        continue;
      if (const VarDecl *Local = localBoundBy(Value, !ByReference))
        Out.push_back({LocalReference::FunctorMember, Local,
                       Value->getBeginLoc(), Field});
    }
  }
}

/// `std::ref(x)`, `std::cref(x)` or `&x` of a variable, among the thread's
/// arguments.
void collectArgumentReferences(const Expr *Arg,
                               llvm::SmallVectorImpl<LocalReference> &Out) {
  const Expr *E = stripTemporaryWrappers(Arg);
  if (const auto *Call = llvm::dyn_cast<CallExpr>(E)) {
    if (isStdFunctionNamed(Call->getDirectCallee(), {"ref", "cref"}) &&
        Call->getNumArgs() == 1)
      if (const VarDecl *Var = referencedVariable(Call->getArg(0)))
        Out.push_back({LocalReference::StdRef, Var, Call->getBeginLoc()});
    return;
  }
  if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(E))
    if (Unary->getOpcode() == UO_AddrOf)
      if (const VarDecl *Var = referencedVariable(Unary->getSubExpr()))
        Out.push_back({LocalReference::Address, Var, Unary->getBeginLoc()});
}

/// The locals that a handle API's start argument points into: `&x`,
/// `&arr[i]`, `&s.field`, or a local array that decays (CERT CON34-C).
void collectStartArgumentReferences(
    const Expr *Arg, llvm::SmallVectorImpl<LocalReference> &Out) {
  const Expr *E = Arg->IgnoreParenCasts();
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E)) {
    const auto *Var = llvm::dyn_cast<VarDecl>(Ref->getDecl());
    if (Var && Var->getType()->isArrayType())
      Out.push_back({LocalReference::Address, Var, Ref->getBeginLoc()});
    return;
  }
  const auto *AddrOf = llvm::dyn_cast<UnaryOperator>(E);
  if (!AddrOf || AddrOf->getOpcode() != UO_AddrOf)
    return;
  const Expr *Object = AddrOf->getSubExpr()->IgnoreParenImpCasts();
  for (unsigned Depth = 0; Depth < 8; ++Depth) {
    if (const auto *Element = llvm::dyn_cast<ArraySubscriptExpr>(Object)) {
      // Only an element of an array itself, not of what a pointer points at.
      if (!Element->getBase()->IgnoreParenImpCasts()->getType()->isArrayType())
        return;
      Object = Element->getBase()->IgnoreParenImpCasts();
    } else if (const auto *Member = llvm::dyn_cast<MemberExpr>(Object)) {
      if (Member->isArrow())
        return;
      Object = Member->getBase()->IgnoreParenImpCasts();
    } else {
      break;
    }
  }
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Object))
    if (const auto *Var = llvm::dyn_cast<VarDecl>(Ref->getDecl()))
      Out.push_back({LocalReference::Address, Var, AddrOf->getBeginLoc()});
}

/// The local handle (or handle array) that \p Creation stores its thread
/// in, when the dataflow follows it: not one joined by a cleanup attribute.
const VarDecl *createdLocalHandle(const HandleCreation &Creation,
                                  const TrackedThreadTypes &Types) {
  if (!Creation.Handle)
    return nullptr;
  const Expr *Handle = Creation.Handle->IgnoreParenImpCasts();
  // `&tids[i]`: the array's element.
  if (const auto *Element = llvm::dyn_cast<ArraySubscriptExpr>(Handle))
    Handle = Element->getBase()->IgnoreParenImpCasts();
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Handle);
  const auto *Var = Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->hasLocalStorage() || Var->hasAttr<CleanupAttr>())
    return nullptr;
  ThreadOwnerKind Kind = Types.handleKindOfVariable(Var);
  if (Kind != ThreadOwnerKind::Handle && Kind != ThreadOwnerKind::HandleArray)
    return nullptr;
  return Var;
}

/// How the thread that a handle API's create call starts outlives the
/// function, whatever the path: it is created detached, its handle is
/// detached, or nothing joins its local handle.
std::optional<Outliving> handleOutlives(const ThreadLaunch &Launch,
                                        const TrackedThreadTypes &Types) {
  std::optional<HandleCreation> Creation =
      handleCreationOf(llvm::dyn_cast<CallExpr>(Launch.Site));
  if (!Creation)
    return std::nullopt;
  if (createsDetached(*Creation))
    return Outliving{Outliving::Detached, Launch.Site};
  if (const CallExpr *Detach = detachOfCreatedHandle(*Creation))
    return Outliving{Outliving::Detached, Detach};
  // A local handle nothing joins: the thread runs on after the return.
  const VarDecl *Var = createdLocalHandle(*Creation, Types);
  if (!Var || Types.handleKindOfVariable(Var) != ThreadOwnerKind::Handle)
    return std::nullopt;
  const Stmt *Body = bodyDeclaringOwner(Var);
  if (!Body || summarizeLocalUses(Var, Body, ThreadOwnerKind::Handle, Types)
                   .JoinedOrHandedOver)
    return std::nullopt;
  return Outliving{Outliving::NeverJoined, Launch.Site, Var};
}

/// Whether the detached thread releases a flag as its last action and the
/// function waits for it before its locals go away (ReleaseHandshakes).
bool releasedBeforeLocalsEnd(const ThreadLaunch &Launch,
                             const Outliving &Outlives,
                             llvm::ArrayRef<LocalReference> References,
                             ASTContext &Ctx) {
  if (Outlives.Kind != Outliving::Detached)
    return false;
  llvm::SmallVector<ThreadLocalReference, 4> Locals;
  for (const LocalReference &Ref : References)
    Locals.push_back({Ref.Var, Ref.Member});
  return waitsForThreadRelease(Launch.Entry, Outlives.Site, Locals, Ctx);
}

} // namespace

const LifetimeEvent *
DanglingCaptureCheck::handleLeftRunning(const ThreadLaunch &Launch,
                                        ASTContext &Ctx) {
  std::optional<HandleCreation> Creation =
      handleCreationOf(llvm::dyn_cast<CallExpr>(Launch.Site));
  const VarDecl *Var =
      Creation ? createdLocalHandle(*Creation, Types) : nullptr;
  const FunctionDecl *Fn = Var ? functionDeclaring(Var) : nullptr;
  if (!Fn || !Fn->hasBody())
    return nullptr;
  auto [Cached, Inserted] = HandleExits.try_emplace(Fn);
  if (Inserted)
    lifetimeAnalysis(Types).analyze(Fn, Ctx, Cached->second);
  for (const LifetimeEvent &Event : Cached->second) {
    if (Event.Thread != Var || (Event.Kind != LifetimeEvent::ScopeExit &&
                                Event.Kind != LifetimeEvent::Overwrite))
      continue;
    // An exit inside a macro is most often a test assertion's or an error
    // macro's hidden `return`: the dangling thread then exists only on a
    // failure that ends the test, which threads-joinable-at-exit already
    // names as a leak.
    if (Event.Site->getBeginLoc().isMacroID())
      continue;
    return &Event;
  }
  return nullptr;
}

DanglingCaptureCheck::DanglingCaptureCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : ThreadLaunchCheck(Name, Context),
      AssumeParametersOutliveThreads(
          Options.get("AssumeParametersOutliveThreads", false)) {}

void DanglingCaptureCheck::storeCheckOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "AssumeParametersOutliveThreads",
                AssumeParametersOutliveThreads);
}

void DanglingCaptureCheck::registerMatchers(MatchFinder *Finder) {
  // Each matcher looks down from where the new thread goes to the launch,
  // so no parent map is needed.
  auto Launch = ignoringTemporaryWrappers(
      threadConstruction(&Types).bind("launch-construct"));
  // From the declaration statement, not the variable: see localVariable.
  Finder->addMatcher(
      declStmt(forEachDeclaredVariable(
          varDecl(hasInitializer(Launch)).bind("into-variable"))),
      this);
  Finder->addMatcher(cxxMemberCallExpr(callee(cxxMethodDecl(hasName(
                                           TrackedThreadTypes::DetachMethod))),
                                       on(Launch))
                         .bind("detached"),
                     this);
  Finder->addMatcher(cxxOperatorCallExpr(hasOverloadedOperatorName("="),
                                         hasArgument(1, Launch))
                         .bind("assigned"),
                     this);
  Finder->addMatcher(returnStmt(hasReturnValue(Launch)).bind("returned"), this);
  Finder->addMatcher(cxxCtorInitializer(forField(fieldDecl().bind("field")),
                                        withInitializer(Launch)),
                     this);
  Finder->addMatcher(
      cxxMemberCallExpr(
          callee(cxxMethodDecl(isContainerInsertion(/*InPlaceOnly=*/false))),
          hasAnyArgument(Launch))
          .bind("inserted"),
      this);
  if (Types.follows(ThreadApi::Boost))
    Finder->addMatcher(
        cxxMemberCallExpr(
            callee(cxxMethodDecl(hasName("add_thread"),
                                 ofClass(hasName("::boost::thread_group")))),
            hasArgument(0, cxxNewExpr(has(Launch))))
            .bind("group-added"),
        this);
  Finder->addMatcher(fieldDecl(unless(isExpansionInSystemHeader()),
                               hasType(qualType(ownsTrackedThreads(&Types))))
                         .bind(OwningMemberBinding),
                     this);
  // Threads built in place inside a container.
  ThreadLaunchCheck::registerMatchers(Finder);
}

bool DanglingCaptureCheck::diesWithFunction(const VarDecl *Var) const {
  if (!Var->hasLocalStorage())
    return false; // static or global
  bool IsReference = Var->getType()->isReferenceType();
  if (llvm::isa<ParmVarDecl>(Var))
    // A reference parameter names the caller's object: how long that lives
    // is the caller's business, unless the user vouches for it.
    return !IsReference || !AssumeParametersOutliveThreads;
  // A local reference names something else, of unknown lifetime.
  return !IsReference;
}

void DanglingCaptureCheck::checkLaunch(const ThreadLaunch &Launch,
                                       const MatchFinder::MatchResult &Result) {

  // What the thread refers to: by-reference captures, std::ref and
  // addresses among its arguments.
  llvm::SmallVector<LocalReference, 4> References;
  if (const LambdaExpr *Lambda = lambdaOf(Launch.Callable))
    for (const LambdaCapture &Capture : Lambda->captures())
      if (Capture.capturesVariable() && Capture.getCaptureKind() == LCK_ByRef)
        if (const auto *Var =
                llvm::dyn_cast_or_null<VarDecl>(Capture.getCapturedVar()))
          References.push_back(
              {LocalReference::Capture, Var, Capture.getLocation()});
  collectFunctorReferences(Launch.Callable, References);
  if (Launch.StartArgument) {
    collectStartArgumentReferences(Launch.StartArgument, References);
  } else {
    bool AfterCallable = false;
    for (const Expr *Arg : argumentsOf(Launch.Site)) {
      if (AfterCallable)
        collectArgumentReferences(Arg, References);
      AfterCallable |= Arg == Launch.Callable;
    }
  }
  llvm::erase_if(References, [&](const LocalReference &Ref) {
    return !diesWithFunction(Ref.Var);
  });
  if (References.empty())
    return;

  const BoundNodes &Nodes = Result.Nodes;
  std::optional<Outliving> Outlives;
  if (Launch.StartArgument) {
    Outlives = handleOutlives(Launch, Types);
    if (!Outlives)
      if (const LifetimeEvent *Exit =
              handleLeftRunning(Launch, *Result.Context))
        Outlives = Outliving{Outliving::LeftRunning, Exit->Site, Exit->Thread};
  } else if (const auto *Var = Nodes.getNodeAs<VarDecl>("into-variable")) {
    if (!Var->getType()->isReferenceType())
      Outlives = variableOutlives(Var, Types);
  } else if (const auto *Detach =
                 Nodes.getNodeAs<CXXMemberCallExpr>("detached")) {
    Outlives = Outliving{Outliving::Detached, Detach};
  } else if (const auto *Assign =
                 Nodes.getNodeAs<CXXOperatorCallExpr>("assigned")) {
    Outlives = assignedTo(Assign->getArg(0), Assign, Types);
  } else if (const auto *Return = Nodes.getNodeAs<ReturnStmt>("returned")) {
    Outlives = Outliving{Outliving::Returned, Return};
  } else if (const auto *Field = Nodes.getNodeAs<FieldDecl>("field")) {
    Outlives = Outliving{Outliving::InMember, Launch.Site, Field};
  } else if (const auto *Insert =
                 Nodes.getNodeAs<CXXMemberCallExpr>("inserted")) {
    Outlives = containerDestination(Insert->getImplicitObjectArgument(), Insert,
                                    Types);
  } else if (const auto *Group =
                 Nodes.getNodeAs<CXXMemberCallExpr>("launch-group")) {
    Outlives = groupDestination(Group->getImplicitObjectArgument(), Group);
  } else if (const auto *Added =
                 Nodes.getNodeAs<CXXMemberCallExpr>("group-added")) {
    Outlives = groupDestination(Added->getImplicitObjectArgument(), Added);
  } else if (const auto *Emplace =
                 Nodes.getNodeAs<CXXMemberCallExpr>("launch-emplace")) {
    Outlives = containerDestination(Emplace->getImplicitObjectArgument(),
                                    Emplace, Types);
  }
  if (!Outlives ||
      releasedBeforeLocalsEnd(Launch, *Outlives, References, *Result.Context))
    return;

  SourceLocation Loc = Launch.Callable->getBeginLoc();
  if (!reportOnce(Loc))
    return;
  const LocalReference &First = References.front();
  diag(Loc, "thread may outlive %select{local variable|parameter}0 '%1', "
            "which it refers to%select{| (and %3 more)}2")
      << (llvm::isa<ParmVarDecl>(First.Var) ? 1 : 0) << First.Var->getName()
      << (References.size() > 1 ? 1 : 0)
      << static_cast<unsigned>(References.size() - 1);
  for (const LocalReference &Ref : References) {
    switch (Ref.Kind) {
    case LocalReference::Capture:
      diag(Ref.Loc, "'%0' is captured by reference here", DiagnosticIDs::Note)
          << Ref.Var->getName();
      break;
    case LocalReference::StdRef:
      diag(Ref.Loc, "'%0' is passed by reference here", DiagnosticIDs::Note)
          << Ref.Var->getName();
      break;
    case LocalReference::Address:
      diag(Ref.Loc, "the address of '%0' is passed here", DiagnosticIDs::Note)
          << Ref.Var->getName();
      break;
    case LocalReference::FunctorMember:
      diag(Ref.Loc, "'%0' is kept in member '%1' of the callable here",
           DiagnosticIDs::Note)
          << Ref.Var->getName() << Ref.Member->getName();
      break;
    }
  }
  SourceLocation OutlivesLoc =
      Outlives->Site ? Outlives->Site->getBeginLoc() : SourceLocation();
  if (OutlivesLoc.isInvalid() && Outlives->Where)
    OutlivesLoc = Outlives->Where->getLocation();
  std::string Where =
      Outlives->Where ? Outlives->Where->getNameAsString() : std::string();
  switch (Outlives->Kind) {
  case Outliving::Detached:
    diag(OutlivesLoc, "the thread is %select{detached|created detached}0 here",
         DiagnosticIDs::Note)
        << (Outlives->Site == Launch.Site);
    break;
  case Outliving::DetachedByDestructor:
    diag(OutlivesLoc,
         "'%0' is never joined; the destructor of a boost::thread of this "
         "version detaches it when it goes out of scope",
         DiagnosticIDs::Note)
        << Where;
    break;
  case Outliving::DetachedByGroup:
    diag(OutlivesLoc,
         "'%0' is never joined with join_all(); its destructor deletes its "
         "threads, and the destructor of a boost::thread of this version "
         "detaches them",
         DiagnosticIDs::Note)
        << Where;
    break;
  case Outliving::GroupJoinSkipped: {
    const auto *Block = llvm::dyn_cast<CompoundStmt>(Outlives->Site);
    diag(Block ? Block->getRBracLoc() : OutlivesLoc,
         "'%0' is destroyed here, on a path that skips its join_all(); its "
         "destructor deletes its threads, and the destructor of a "
         "boost::thread of this version detaches them",
         DiagnosticIDs::Note)
        << Where;
    break;
  }
  case Outliving::InMember:
    diag(OutlivesLoc, "the thread is stored in member '%0' here",
         DiagnosticIDs::Note)
        << Where;
    break;
  case Outliving::InGlobal:
    diag(OutlivesLoc,
         "the thread is stored in '%0', which outlives the "
         "function",
         DiagnosticIDs::Note)
        << Where;
    break;
  case Outliving::InCallersContainer:
    diag(OutlivesLoc,
         "the thread is stored in '%0', which belongs to the "
         "caller",
         DiagnosticIDs::Note)
        << Where;
    break;
  case Outliving::Returned:
    diag(OutlivesLoc, "the thread is returned here", DiagnosticIDs::Note);
    break;
  case Outliving::NeverJoined:
    diag(OutlivesLoc,
         "the thread is created here and '%0' is never joined or detached",
         DiagnosticIDs::Note)
        << Where;
    break;
  case Outliving::LeftRunning: {
    llvm::StringRef Keyword = exitKeyword(Outlives->Site);
    if (llvm::isa<CallExpr>(Outlives->Site))
      diag(OutlivesLoc,
           "a new thread is created into '%0' here while the thread may "
           "still run, and nothing joins it any more",
           DiagnosticIDs::Note)
          << Where;
    else
      diag(OutlivesLoc,
           "'%0' is not joined %select{at the end of its scope|when this "
           "'%2' leaves its scope}1; the thread may still be running",
           DiagnosticIDs::Note)
          << Where << !Keyword.empty() << Keyword;
    break;
  }
  }
  noteInstantiation(First.Var);
}

void DanglingCaptureCheck::checkOwningMember(const FieldDecl *Member) {
  ThreadOwnerKind Kind = Types.ownerKind(Member->getType());
  std::optional<DestructorDetach> Found =
      findDestructorDetach(Member, Kind, Types);
  if (!Found) {
    reportImplicitDetach(Member, Kind);
    return;
  }
  if (!reportOnce(Found->Detach->getBeginLoc()))
    return;
  const auto *RD = llvm::cast<CXXRecordDecl>(Member->getParent());
  diag(Found->Detach->getBeginLoc(),
       "%select{thread|thread owned by|a thread in}0 '%1' is detached when a "
       "'%2' is destroyed, but it runs %3, which uses the object; the thread "
       "may go on using the destroyed '%2'")
      << ownerKindSelect(Kind) << Member->getName() << RD->getName()
      << describeEntry(Found->Start.Entry);
  diag(Found->Start.Site->getBeginLoc(), "the thread is started here",
       DiagnosticIDs::Note);
  diag(Found->ObjectUse->getBeginLoc(), "the thread uses the object here",
       DiagnosticIDs::Note);
  for (const MemberCallStep &Step : Found->FromDestructor.Steps)
    diag(Step.Call->getBeginLoc(), "'%0' calls '%1' here", DiagnosticIDs::Note)
        << calleeName(Step.Caller) << calleeName(Step.Callee);
}

void DanglingCaptureCheck::reportImplicitDetach(const FieldDecl *Member,
                                                ThreadOwnerKind Kind) {
  std::optional<ImplicitDestructorDetach> Found =
      findImplicitDestructorDetach(Member, Kind, Types);
  if (!Found || !reportOnce(Member->getLocation()))
    return;
  const auto *RD = llvm::cast<CXXRecordDecl>(Member->getParent());
  diag(Member->getLocation(),
       "thread '%0' is never joined: the destructor of a boost::thread of "
       "this version detaches it when a '%1' is destroyed, but it runs %2, "
       "which uses the object; the thread may go on using the destroyed "
       "'%1'")
      << Member->getName() << RD->getName()
      << describeEntry(Found->Start.Entry);
  diag(Found->Start.Site->getBeginLoc(), "the thread is started here",
       DiagnosticIDs::Note);
  diag(Found->ObjectUse->getBeginLoc(), "the thread uses the object here",
       DiagnosticIDs::Note);
}

} // namespace clang::tidy::threads
