//===--- LaunchCalls.cpp --------------------------------------------------===//

#include "analysis/LaunchCalls.h"
#include "analysis/BoostThreads.h"
#include "analysis/ThreadApis.h"
#include "utils/ContainerInsertion.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::threads {

namespace {

/// `std::make_unique` and `std::make_shared` (through inline namespaces).
bool isStdMakeSmartPointer(const FunctionDecl &Callee) {
  llvm::StringRef Name = Callee.getName();
  return (Name == "make_unique" || Name == "make_shared") &&
         Callee.isInStdNamespace();
}

/// `QThread::create` (the class's identifier only: isQThreadCreate, which
/// threadLaunchFrom asks, checks the rest).
bool isQThreadCreateCall(const FunctionDecl &Callee) {
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(&Callee);
  if (!Method || Method->getName() != "create")
    return false;
  const IdentifierInfo *Class = Method->getParent()->getIdentifier();
  return Class && Class->getName() == "QThread";
}

/// An emplacing insertion into an object that owns threads.
bool isEmplaceIntoOwner(const CXXMemberCallExpr &Call,
                        const CXXMethodDecl &Method,
                        const TrackedThreadTypes &Types) {
  std::optional<ContainerInsertion> Insertion = containerInsertion(&Method);
  if (!Insertion || !Insertion->InPlace)
    return false;
  const Expr *Object = Call.getImplicitObjectArgument();
  return Object &&
         Types.ownerKindOfValue(Object->IgnoreParenImpCasts()->getType()) !=
             ThreadOwnerKind::None;
}

/// `boost::thread_group::create_thread`.
bool isGroupCreateThread(const CXXMethodDecl &Method) {
  return Method.getName() == "create_thread" &&
         isBoostThreadGroupClass(Method.getParent());
}

} // namespace

LaunchCallKind launchCallKind(const CallExpr &Call,
                              const TrackedThreadTypes &Types) {
  const auto *Callee =
      llvm::dyn_cast_or_null<FunctionDecl>(Call.getCalleeDecl());
  if (!Callee || !Callee->getIdentifier())
    return LaunchCallKind::None;
  if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(&Call)) {
    const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Callee);
    if (!Method)
      return LaunchCallKind::None;
    if (isEmplaceIntoOwner(*Member, *Method, Types))
      return LaunchCallKind::Emplace;
    if (Types.follows(ThreadApi::Boost) && isGroupCreateThread(*Method))
      return LaunchCallKind::GroupCreate;
  }
  if (isStdMakeSmartPointer(*Callee))
    return LaunchCallKind::MakeSmartPointer;
  HandleCall Create = handleCallOf(Callee);
  if (Create.Role == HandleCallRole::Create && Types.follows(Create.Api->Api))
    return LaunchCallKind::HandleCreate;
  if (Types.follows(ThreadApi::Qt) && isQThreadCreateCall(*Callee))
    return LaunchCallKind::QtCreate;
  return LaunchCallKind::None;
}

llvm::StringRef launchCallBinding(LaunchCallKind Kind) {
  switch (Kind) {
  case LaunchCallKind::MakeSmartPointer:
    return "launch-make";
  case LaunchCallKind::HandleCreate:
    return "launch-create";
  case LaunchCallKind::QtCreate:
    return "launch-qt-create";
  case LaunchCallKind::Emplace:
    return "launch-emplace";
  case LaunchCallKind::GroupCreate:
    return "launch-group";
  case LaunchCallKind::None:
    break;
  }
  llvm_unreachable("no binding for a call that launches nothing");
}

} // namespace clang::tidy::threads
