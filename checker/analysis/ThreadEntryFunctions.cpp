//===--- ThreadEntryFunctions.cpp -----------------------------------------===//

#include "analysis/ThreadEntryFunctions.h"
#include "analysis/HandleCreations.h"
#include "analysis/LaunchCalls.h"
#include "analysis/QtThreads.h"
#include "analysis/ThreadStarts.h"
#include "utils/AstUtils.h"
#include "utils/ContainerInsertion.h"
#include "utils/DeclNames.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang::ast_matchers;

namespace clang::tidy::threads {

namespace {

/// A call of one of the std:: functions that hand their argument on
/// unchanged as far as what gets called is concerned.
bool forwardsCallable(const FunctionDecl *FD) {
  return isStdFunctionNamed(
      FD, {"bind", "bind_front", "ref", "cref", "move", "forward"});
}

/// The call operator of a closure or functor class, when there is exactly
/// one and it is not a template.
const FunctionDecl *callOperatorOf(const CXXRecordDecl *RD) {
  if (!RD || !(RD = RD->getDefinition()))
    return nullptr;
  if (RD->isLambda())
    return RD->isGenericLambda() ? nullptr : RD->getLambdaCallOperator();
  const CXXMethodDecl *Found = nullptr;
  for (const CXXMethodDecl *Method : RD->methods()) {
    if (Method->getOverloadedOperator() != OO_Call)
      continue;
    if (Found)
      return nullptr; // overloaded: which one runs depends on the arguments
    Found = Method;
  }
  return Found;
}

} // namespace

const FunctionDecl *resolveCallable(const Expr *Callable) {
  for (unsigned Steps = 0; Callable && Steps < 8; ++Steps) {
    const Expr *E = stripTemporaryWrappers(Callable);
    if (const auto *Lambda = llvm::dyn_cast<LambdaExpr>(E))
      return callOperatorOf(Lambda->getLambdaClass());
    if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(E)) {
      if (Unary->getOpcode() != UO_AddrOf)
        return nullptr;
      E = Unary->getSubExpr()->IgnoreParenImpCasts();
    }
    if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E)) {
      if (const auto *FD = llvm::dyn_cast<FunctionDecl>(Ref->getDecl()))
        return FD;
      // A named closure or functor object: its class says what runs.
      return callOperatorOf(Ref->getType()->getAsCXXRecordDecl());
    }
    if (const auto *Call = llvm::dyn_cast<CallExpr>(E)) {
      if (!forwardsCallable(Call->getDirectCallee()) || Call->getNumArgs() == 0)
        return nullptr;
      Callable = Call->getArg(0);
      continue;
    }
    if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(E)) {
      const CXXConstructorDecl *Ctor = Construct->getConstructor();
      if (Ctor && Ctor->isCopyOrMoveConstructor() &&
          Construct->getNumArgs() == 1) {
        Callable = Construct->getArg(0);
        continue;
      }
      return callOperatorOf(Construct->getType()->getAsCXXRecordDecl());
    }
    if (E->getType()->isRecordType())
      return callOperatorOf(E->getType()->getAsCXXRecordDecl());
    return nullptr;
  }
  return nullptr;
}

std::string describeEntry(const FunctionDecl *Entry) {
  if (isLambdaCallOperator(Entry))
    return "the thread's entry lambda";
  return "the thread entry function '" + plainQualifiedName(Entry) + "'";
}

ast_matchers::internal::BindableMatcher<Stmt>
threadConstruction(const TrackedThreadTypes *Types) {
  return cxxConstructExpr(hasType(qualType(isTrackedThread(Types))),
                          unless(isExpansionInSystemHeader()));
}

void registerThreadLaunchMatchers(MatchFinder *Finder,
                                  MatchFinder::MatchCallback *CB,
                                  const TrackedThreadTypes *Types) {
  Finder->addMatcher(threadConstruction(Types).bind("launch-construct"), CB);
  // make_unique, pthread_create, QThread::create, emplace and
  // boost::thread_group::create_thread: one matcher (see LaunchCalls.h).
  Finder->addMatcher(
      callExpr(isThreadLaunchCall(Types), unless(isExpansionInSystemHeader())),
      CB);
}

std::optional<ThreadLaunch>
threadLaunchFrom(const MatchFinder::MatchResult &Result,
                 const TrackedThreadTypes &Types) {
  auto Launch = [](const Expr *Site,
                   const Expr *Callable) -> std::optional<ThreadLaunch> {
    if (!Callable || llvm::isa<CXXDefaultArgExpr>(Callable) ||
        Site->isInstantiationDependent() || hasErrors(Site))
      return std::nullopt;
    return ThreadLaunch{Site, Callable, resolveCallable(Callable)};
  };
  if (const auto *Construct =
          Result.Nodes.getNodeAs<CXXConstructExpr>("launch-construct")) {
    return Launch(Construct, threadCallable(Construct));
  }
  if (const auto *Call =
          Result.Nodes.getNodeAs<CXXMemberCallExpr>("launch-emplace")) {
    if (Types.ownerKind(Call->getImplicitObjectArgument()->getType()) !=
        ThreadOwnerKind::Container)
      return std::nullopt;
    unsigned First = containerInsertion(Call->getMethodDecl())->ElementArg;
    if (Call->getNumArgs() <= First ||
        Types.isThreadType(Call->getArg(First)->getType()))
      return std::nullopt; // a thread built elsewhere, moved in
    return Launch(Call, Call->getArg(First));
  }
  if (const auto *Call =
          Result.Nodes.getNodeAs<CXXMemberCallExpr>("launch-group"))
    return Call->getNumArgs() == 1 ? Launch(Call, Call->getArg(0))
                                   : std::nullopt;
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("launch-create")) {
    std::optional<HandleCreation> Creation = handleCreationOf(Call);
    std::optional<ThreadLaunch> Started =
        Creation ? Launch(Call, Creation->StartRoutine->IgnoreParenCasts())
                 : std::nullopt;
    if (Started)
      Started->StartArgument = Creation->StartArgument;
    return Started;
  }
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("launch-make")) {
    QualType Made =
        firstTemplateTypeArgument(Call->getType()->getAsCXXRecordDecl());
    if (Made.isNull() || !Types.isThreadType(Made) || Call->getNumArgs() == 0 ||
        Types.isThreadType(Call->getArg(0)->getType()))
      return std::nullopt;
    return Launch(Call, Call->getArg(0));
  }
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("launch-qt-create"))
    if (isQThreadCreate(Call) && Call->getNumArgs() > 0)
      return Launch(Call, Call->getArg(0));
  return std::nullopt;
}

} // namespace clang::tidy::threads
