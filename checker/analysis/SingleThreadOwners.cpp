//===--- SingleThreadOwners.cpp -------------------------------------------===//

#include "analysis/SingleThreadOwners.h"
#include "analysis/ThreadStarts.h"
#include "utils/AstUtils.h"
#include "utils/DeclNames.h"

namespace clang::tidy::threads {

namespace {

using Arguments = llvm::ArrayRef<const Expr *>;

Arguments argumentsOfCall(const CallExpr *Call) {
  return {Call->getArgs(), Call->getNumArgs()};
}

Arguments argumentsOfConstruction(const CXXConstructExpr *Construct) {
  return {Construct->getArgs(), Construct->getNumArgs()};
}

/// Whether \p Args, handed on to a thread's constructor (emplace,
/// std::in_place, std::make_optional), construct a started thread: a
/// callable and its arguments, or a started thread moved in.
bool argumentsStartThread(Arguments Args, const TrackedThreadTypes &Types) {
  if (Args.empty())
    return false;
  if (Args.size() == 1 && Types.isThreadType(Args.front()->getType()))
    return isStartedThreadExpr(Args.front(), Types);
  return true;
}

/// The callable of the thread that \p Args construct, as written.
const Expr *argumentsCallable(Arguments Args, const TrackedThreadTypes &Types) {
  if (Args.empty())
    return nullptr;
  if (Args.size() == 1 && Types.isThreadType(Args.front()->getType()))
    return threadCallable(Args.front());
  return Args.front();
}

/// Whether \p E is `std::in_place`, which makes an optional construct its
/// value from the arguments that follow.
bool isInPlaceTag(const Expr *E) {
  const auto *Tag = E->getType()->getAsCXXRecordDecl();
  return Tag && Tag->isInStdNamespace() && identifierOf(Tag) == "in_place_t";
}

bool isMakeOptional(const CallExpr *Call) {
  return isStdFunctionNamed(Call->getDirectCallee(), {"make_optional"});
}

/// What an optional's value \p E is built from: the arguments of its
/// thread's construction (\p ThreadArgs), another value (\p From), or
/// neither (an empty optional, std::nullopt, an unknown call).
struct OptionalSource {
  std::optional<Arguments> ThreadArgs;
  const Expr *From = nullptr;
};

OptionalSource sourceOf(const Expr *E) {
  if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(E)) {
    Arguments Args = argumentsOfConstruction(Construct);
    if (Args.empty())
      return {};
    if (isInPlaceTag(Args.front()))
      return {Args.drop_front(), nullptr};
    return {std::nullopt, Args.front()};
  }
  if (const auto *Call = llvm::dyn_cast<CallExpr>(E))
    if (isMakeOptional(Call))
      return {argumentsOfCall(Call), nullptr};
  return {};
}

} // namespace

OptionalCallRole optionalCallRole(const CXXMemberCallExpr *Call,
                                  const TrackedThreadTypes &Types) {
  llvm::StringRef Name = identifierOf(Call->getMethodDecl());
  if (Name == "emplace")
    return argumentsStartThread(argumentsOfCall(Call), Types)
               ? OptionalCallRole::Start
               : OptionalCallRole::Other;
  if (Name == "value")
    return OptionalCallRole::Element;
  if (Name == "swap")
    return OptionalCallRole::Escape;
  return OptionalCallRole::Other;
}

bool optionalValueStartsThread(const Expr *Init,
                               const TrackedThreadTypes &Types) {
  const Expr *E = Init ? stripTemporaryWrappers(Init) : nullptr;
  if (!E)
    return false;
  if (Types.isThreadType(E->getType()))
    return isStartedThreadExpr(E, Types);
  if (Types.ownerKind(E->getType()) != ThreadOwnerKind::Optional)
    return false; // std::nullopt, `{}`
  if (const auto *Cond = llvm::dyn_cast<AbstractConditionalOperator>(E))
    return optionalValueStartsThread(Cond->getTrueExpr(), Types) ||
           optionalValueStartsThread(Cond->getFalseExpr(), Types);
  OptionalSource Source = sourceOf(E);
  if (Source.ThreadArgs)
    return argumentsStartThread(*Source.ThreadArgs, Types);
  if (Source.From)
    return optionalValueStartsThread(Source.From, Types);
  // Moved from another owner, or returned by a factory function: like a
  // thread, it holds a started one.
  if (const auto *Call = llvm::dyn_cast<CallExpr>(E))
    return isStartedThreadExpr(Call, Types);
  return false;
}

const Expr *optionalStartedCallable(const Stmt *Start,
                                    const TrackedThreadTypes &Types) {
  if (const auto *Assign = llvm::dyn_cast_or_null<CXXOperatorCallExpr>(Start))
    return Assign->getOperator() == OO_Equal && Assign->getNumArgs() == 2
               ? optionalStartedCallable(Assign->getArg(1), Types)
               : nullptr;
  if (const auto *Call = llvm::dyn_cast_or_null<CXXMemberCallExpr>(Start))
    return identifierOf(Call->getMethodDecl()) == "emplace"
               ? argumentsCallable(argumentsOfCall(Call), Types)
               : nullptr;
  const auto *Init = llvm::dyn_cast_or_null<Expr>(Start);
  const Expr *E = Init ? stripTemporaryWrappers(Init) : nullptr;
  if (!E)
    return nullptr;
  if (Types.isThreadType(E->getType()))
    return threadCallable(E);
  OptionalSource Source = sourceOf(E);
  if (Source.ThreadArgs)
    return argumentsCallable(*Source.ThreadArgs, Types);
  return Source.From ? optionalStartedCallable(Source.From, Types) : nullptr;
}

const Expr *ownerOfHeldThread(const Expr *E, const TrackedThreadTypes &Types) {
  E = E->IgnoreParenImpCasts();
  const Expr *Owner = nullptr;
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(E)) {
    if ((Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star) &&
        Op->getNumArgs() == 1)
      Owner = Op->getArg(0)->IgnoreParenImpCasts();
  } else if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(E)) {
    if (identifierOf(Call->getMethodDecl()) == "value")
      Owner = Call->getImplicitObjectArgument()->IgnoreParenImpCasts();
  }
  if (Owner && holdsOneThread(Types.ownerKindOfValue(Owner->getType())))
    return Owner;
  return E;
}

const Expr *ownerTestedForThread(const Expr *Cond,
                                 const TrackedThreadTypes &Types) {
  const auto *Call =
      llvm::dyn_cast_or_null<CXXMemberCallExpr>(Cond->IgnoreParenImpCasts());
  if (!Call)
    return nullptr;
  const CXXMethodDecl *Method = Call->getMethodDecl();
  const auto *Conversion = llvm::dyn_cast_or_null<CXXConversionDecl>(Method);
  bool TestsValue =
      (Conversion && Conversion->getConversionType()->isBooleanType()) ||
      identifierOf(Method) == "has_value";
  if (!TestsValue)
    return nullptr;
  const Expr *Owner = Call->getImplicitObjectArgument()->IgnoreParenImpCasts();
  return holdsOneThread(Types.ownerKindOfValue(Owner->getType())) ? Owner
                                                                  : nullptr;
}

} // namespace clang::tidy::threads
