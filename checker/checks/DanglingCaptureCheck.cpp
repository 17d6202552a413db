//===--- DanglingCaptureCheck.cpp - threads-dangling-capture --------------===//

#include "checks/DanglingCaptureCheck.h"
#include "analysis/DestructorDetaches.h"
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
    InMember,
    InGlobal,
    InCallersContainer,
    Returned
  };
  OutlivingKind Kind;
  const Stmt *Site;
  const NamedDecl *Where = nullptr; ///< The member or global.
};

/// How the thread refers to a local variable.
struct LocalReference {
  enum ReferenceKind { Capture, StdRef, Address };
  ReferenceKind Kind;
  const VarDecl *Var;
  SourceLocation Loc;
};

/// Where threads put into the container \p Object end up.
std::optional<Outliving> containerDestination(const Expr *Object,
                                              const Stmt *Site) {
  Object = Object->IgnoreParenImpCasts();
  if (const auto *Member = llvm::dyn_cast<MemberExpr>(Object))
    return Outliving{Outliving::InMember, Site, Member->getMemberDecl()};
  if (const VarDecl *Var = referencedVariable(Object)) {
    if (!Var->hasLocalStorage())
      return Outliving{Outliving::InGlobal, Site, Var};
    // A container the caller passed in outlives this function.
    if (llvm::isa<ParmVarDecl>(Var) && Var->getType()->isReferenceType())
      return Outliving{Outliving::InCallersContainer, Site, Var};
  }
  return std::nullopt;
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
  llvm::SmallVector<ThreadUse, 8> Uses;
  ThreadUseClassifier(Fn->getBody(), Types)
      .collectUses(Var, ThreadOwnerKind::Thread, Uses);
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
      Result = containerDestination(Call->getImplicitObjectArgument(), Call);
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
/// closure variable initialized with it.
const LambdaExpr *lambdaOf(const Expr *Callable) {
  const Expr *E = stripTemporaryWrappers(Callable);
  if (const auto *Lambda = llvm::dyn_cast<LambdaExpr>(E))
    return Lambda;
  if (const VarDecl *Var = referencedVariable(E))
    if (Var->getInit())
      return llvm::dyn_cast<LambdaExpr>(stripTemporaryWrappers(Var->getInit()));
  return nullptr;
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

} // namespace

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
  Finder->addMatcher(varDecl(hasInitializer(Launch)).bind("into-variable"),
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
  bool AfterCallable = false;
  for (const Expr *Arg : argumentsOf(Launch.Site)) {
    if (AfterCallable)
      collectArgumentReferences(Arg, References);
    AfterCallable |= Arg == Launch.Callable;
  }
  llvm::erase_if(References, [&](const LocalReference &Ref) {
    return !diesWithFunction(Ref.Var);
  });
  if (References.empty())
    return;

  const BoundNodes &Nodes = Result.Nodes;
  std::optional<Outliving> Outlives;
  if (const auto *Var = Nodes.getNodeAs<VarDecl>("into-variable")) {
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
    Outlives =
        containerDestination(Insert->getImplicitObjectArgument(), Insert);
  } else if (const auto *Emplace =
                 Nodes.getNodeAs<CXXMemberCallExpr>("launch-emplace")) {
    Outlives =
        containerDestination(Emplace->getImplicitObjectArgument(), Emplace);
  }
  if (!Outlives)
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
    diag(OutlivesLoc, "the thread is detached here", DiagnosticIDs::Note);
    break;
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
  }
  noteInstantiation(First.Var);
}

void DanglingCaptureCheck::checkOwningMember(const FieldDecl *Member) {
  ThreadOwnerKind Kind = Types.ownerKind(Member->getType());
  std::optional<DestructorDetach> Found =
      findDestructorDetach(Member, Kind, Types);
  if (!Found || !reportOnce(Found->Detach->getBeginLoc()))
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

} // namespace clang::tidy::threads
