//===--- ThreadStarts.cpp -------------------------------------------------===//

#include "analysis/ThreadStarts.h"
#include "analysis/BoostThreads.h"
#include "analysis/SingleThreadOwners.h"
#include "analysis/ThreadMaps.h"
#include "utils/AstUtils.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::threads {

const Expr *threadCallable(const Expr *Thread) {
  const auto *Construct =
      llvm::dyn_cast_or_null<CXXConstructExpr>(stripTemporaryWrappers(Thread));
  if (!Construct || Construct->getNumArgs() == 0)
    return nullptr;
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  if (!Ctor || Ctor->isCopyOrMoveConstructor())
    return nullptr;
  // Any other constructor of a thread takes the callable to run, after
  // boost::thread's attributes (the stack size) if it has them.
  unsigned First = isBoostThreadAttributes(Construct->getArg(0)->getType());
  if (Construct->getNumArgs() <= First)
    return nullptr;
  const Expr *Callable = Construct->getArg(First);
  return llvm::isa<CXXDefaultArgExpr>(Callable) ? nullptr : Callable;
}

const Expr *asyncCallable(const Expr *Async) {
  const auto *Call = llvm::dyn_cast_or_null<CallExpr>(
      Async ? stripTemporaryWrappers(Async, ElidedCopies::Strip) : nullptr);
  if (!Call || !isStdFunctionNamed(Call->getDirectCallee(), {"async"}))
    return nullptr;
  unsigned First = 0;
  if (Call->getNumArgs() > 0) {
    const auto *Policy = Call->getArg(0)->getType()->getAsTagDecl();
    if (Policy && Policy->isInStdNamespace() && Policy->getIdentifier() &&
        Policy->getName() == "launch")
      First = 1;
  }
  return Call->getNumArgs() > First ? Call->getArg(First) : nullptr;
}

const Expr *futureTask(const Expr *Source) {
  if (const Expr *Callable = asyncCallable(Source))
    return Callable;
  const auto *Call = llvm::dyn_cast_or_null<CallExpr>(
      Source ? stripTemporaryWrappers(Source, ElidedCopies::Strip) : nullptr);
  if (!Call)
    return nullptr;
  const Expr *Lambda = nullptr;
  for (const Expr *Arg : Call->arguments()) {
    const CXXRecordDecl *Type =
        Arg->getType().getNonReferenceType()->getAsCXXRecordDecl();
    if (!Type || !Type->isLambda())
      continue;
    if (Lambda)
      return nullptr; // Which one is the task is the library's business.
    Lambda = Arg;
  }
  return Lambda;
}

bool constructsStartedThread(const CXXConstructExpr *Construct,
                             const TrackedThreadTypes &Types) {
  if (!Construct || Construct->getNumArgs() == 0)
    return false;
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  if (Ctor && Ctor->isCopyOrMoveConstructor())
    return isStartedThreadExpr(Construct->getArg(0), Types);
  return threadCallable(Construct) != nullptr;
}

/// The std:: function that makes a smart pointer of \p Kind to a new thread.
static llvm::StringRef makerOf(ThreadOwnerKind Kind) {
  return Kind == ThreadOwnerKind::SharedPtr ? "make_shared" : "make_unique";
}

/// The kind of owner \p Callee returns by value, as a factory function does;
/// None for anything else.
static ThreadOwnerKind ownerReturnedByValue(const FunctionDecl *Callee,
                                            const TrackedThreadTypes &Types) {
  if (!Callee || Callee->getReturnType()->isReferenceType())
    return ThreadOwnerKind::None;
  return Types.ownerKind(Callee->getReturnType());
}

bool isStartedThreadExpr(const Expr *E, const TrackedThreadTypes &Types) {
  E = stripTemporaryWrappers(E);
  if (!E)
    return false;
  if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(E))
    return constructsStartedThread(Construct, Types);
  if (const auto *Cond = llvm::dyn_cast<AbstractConditionalOperator>(E))
    return isStartedThreadExpr(Cond->getTrueExpr(), Types) ||
           isStartedThreadExpr(Cond->getFalseExpr(), Types);
  if (const auto *Call = llvm::dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    // Moving from another owner transfers whatever it holds; that owner was
    // started, or the move would be pointless.
    if (isStdMoveOrForward(Callee))
      return true;
    // A thread returned by value from a factory function is a started one.
    return ownerReturnedByValue(Callee, Types) != ThreadOwnerKind::None;
  }
  return false;
}

bool initializerStartsThread(const Expr *Init, ThreadOwnerKind Kind,
                             const TrackedThreadTypes &Types) {
  if (!Init)
    return false;
  switch (Kind) {
  case ThreadOwnerKind::Thread:
    return isStartedThreadExpr(Init, Types);
  case ThreadOwnerKind::UniquePtr:
  case ThreadOwnerKind::SharedPtr: {
    const Expr *E = stripTemporaryWrappers(Init);
    if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(E)) {
      if (Construct->getNumArgs() == 0)
        return false;
      const Expr *Arg = stripTemporaryWrappers(Construct->getArg(0));
      if (const auto *New = llvm::dyn_cast<CXXNewExpr>(Arg))
        return constructsStartedThread(New->getConstructExpr(), Types);
      return initializerStartsThread(Arg, Kind, Types);
    }
    if (const auto *Call = llvm::dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (isStdFunctionNamed(Callee, {makerOf(Kind)})) {
        if (Call->getNumArgs() == 0)
          return false;
        const Expr *First = Call->getArg(0);
        if (Types.isThreadType(First->getType()))
          return isStartedThreadExpr(First, Types);
        return true;
      }
      // A shared_ptr moved in or returned by a factory may have other
      // owners: the thread is not this one's alone.
      if (Kind == ThreadOwnerKind::SharedPtr)
        return false;
      if (isStdMoveOrForward(Callee))
        return true;
      return ownerReturnedByValue(Callee, Types) == ThreadOwnerKind::UniquePtr;
    }
    return false;
  }
  case ThreadOwnerKind::Optional:
    return optionalValueStartsThread(Init, Types);
  case ThreadOwnerKind::Container:
  case ThreadOwnerKind::None:
  case ThreadOwnerKind::Handle:      // a handle is created by a call, not
  case ThreadOwnerKind::HandleArray: // by its initializer
    return false;
  }
  return false;
}

bool insertionStartsThread(const CXXMemberCallExpr *Call,
                           ContainerInsertion Insertion,
                           const TrackedThreadTypes &Types) {
  if (isThreadMapInsertion(Call, Types))
    return mapInsertionStartsThread(Call, Types);
  unsigned NumArgs = Call->getNumArgs();
  unsigned First = Insertion.ElementArg;
  if (!Insertion.InPlace)
    return NumArgs == First + 1 &&
           isStartedThreadExpr(Call->getArg(First), Types);
  if (NumArgs <= First)
    return false;
  const Expr *Arg = Call->getArg(First);
  if (Types.isThreadType(Arg->getType()) && NumArgs == First + 1)
    return isStartedThreadExpr(Arg, Types);
  return true;
}

/// The callable of the thread that \p Init, a value for an owner of kind
/// \p Kind, holds: a thread construction, `std::make_unique<std::thread>(f)`
/// or a unique_ptr constructed from `new std::thread(f)`.
static const Expr *initializerCallable(const Expr *Init, ThreadOwnerKind Kind,
                                       const TrackedThreadTypes &Types) {
  const Expr *E = stripTemporaryWrappers(Init);
  if (!E || Kind == ThreadOwnerKind::Thread)
    return threadCallable(E);
  if (Kind != ThreadOwnerKind::UniquePtr && Kind != ThreadOwnerKind::SharedPtr)
    return nullptr;
  if (const auto *New = llvm::dyn_cast<CXXNewExpr>(E))
    return threadCallable(New->getConstructExpr());
  if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(E))
    return Construct->getNumArgs() == 1
               ? initializerCallable(Construct->getArg(0), Kind, Types)
               : nullptr;
  const auto *Call = llvm::dyn_cast<CallExpr>(E);
  if (!Call || !isStdFunctionNamed(Call->getDirectCallee(), {makerOf(Kind)}) ||
      Call->getNumArgs() == 0)
    return nullptr;
  // make_unique<std::thread>(f, args...) forwards to the thread's
  // constructor; make_unique<std::thread>(std::thread(f)) moves one in.
  const Expr *First = Call->getArg(0);
  return Types.isThreadType(First->getType()) ? threadCallable(First) : First;
}

const Expr *startedCallable(const Stmt *Start, ThreadOwnerKind Kind,
                            const TrackedThreadTypes &Types) {
  if (Kind == ThreadOwnerKind::Optional)
    return optionalStartedCallable(Start, Types);
  if (const auto *Assign = llvm::dyn_cast_or_null<CXXOperatorCallExpr>(Start)) {
    if (Assign->getOperator() != OO_Equal || Assign->getNumArgs() != 2)
      return nullptr;
    // `ws_[i] = std::thread(f)`: a container's start assigns an element.
    if (Kind == ThreadOwnerKind::Container)
      return Types.isThreadType(Assign->getArg(0)->getType())
                 ? initializerCallable(Assign->getArg(1),
                                       ThreadOwnerKind::Thread, Types)
                 : nullptr;
    return initializerCallable(Assign->getArg(1), Kind, Types);
  }
  if (const auto *Call = llvm::dyn_cast_or_null<CXXMemberCallExpr>(Start)) {
    if (Kind == ThreadOwnerKind::UniquePtr ||
        Kind == ThreadOwnerKind::SharedPtr)
      return Call->getNumArgs() == 1
                 ? initializerCallable(Call->getArg(0), Kind, Types)
                 : nullptr;
    std::optional<ContainerInsertion> Insertion =
        containerInsertion(Call->getMethodDecl());
    if (Kind != ThreadOwnerKind::Container || !Insertion ||
        Call->getNumArgs() <= Insertion->ElementArg)
      return nullptr;
    const Expr *Element = Call->getArg(Insertion->ElementArg);
    if (Insertion->InPlace && !Types.isThreadType(Element->getType()))
      return Element;
    return threadCallable(Element);
  }
  return initializerCallable(llvm::dyn_cast_or_null<Expr>(Start), Kind, Types);
}

} // namespace clang::tidy::threads
