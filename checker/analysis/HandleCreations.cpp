//===--- HandleCreations.cpp ----------------------------------------------===//

#include "analysis/HandleCreations.h"
#include "utils/AstUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::threads {

std::optional<HandleCreation> handleCreationOf(const CallExpr *Call) {
  if (!Call)
    return std::nullopt;
  HandleCall Role = handleCallOf(Call->getDirectCallee());
  if (!Role || Role.Role != HandleCallRole::Create)
    return std::nullopt;
  const HandleThreadApi &Api = *Role.Api;
  unsigned Needed = std::max(Api.HandleArg, Api.StartArgumentArg) + 1;
  if (Call->getNumArgs() < Needed)
    return std::nullopt;
  const Expr *Address = Call->getArg(Api.HandleArg)->IgnoreParenImpCasts();
  const Expr *Handle = nullptr;
  if (const auto *AddrOf = llvm::dyn_cast<UnaryOperator>(Address);
      AddrOf && AddrOf->getOpcode() == UO_AddrOf)
    Handle = AddrOf->getSubExpr()->IgnoreParens();
  return HandleCreation{Call, &Api, Handle, Call->getArg(Api.StartArg),
                        Call->getArg(Api.StartArgumentArg)};
}

/// The local variable whose address \p E is (`&attr`); null otherwise.
static const VarDecl *addressedLocal(const Expr *E) {
  const auto *AddrOf = llvm::dyn_cast<UnaryOperator>(E->IgnoreParenImpCasts());
  if (!AddrOf || AddrOf->getOpcode() != UO_AddrOf)
    return nullptr;
  const VarDecl *Var = referencedVariable(AddrOf->getSubExpr());
  return Var && Var->hasLocalStorage() ? Var : nullptr;
}

/// Whether \p E names PTHREAD_CREATE_DETACHED (glibc's enumerator, which
/// its macro of the same name expands to).
static bool namesCreateDetached(const Expr *E) {
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return Ref && llvm::isa<EnumConstantDecl>(Ref->getDecl()) &&
         Ref->getDecl()->getName() == "PTHREAD_CREATE_DETACHED";
}

bool createsDetached(const HandleCreation &Creation, const Stmt *Body) {
  if (Creation.Api->AttrArg < 0)
    return false;
  const VarDecl *Attr =
      addressedLocal(Creation.Call->getArg(unsigned(Creation.Api->AttrArg)));
  if (!Attr || !Body)
    return false;
  bool SetDetached = false, SetOther = false;
  forEachStmtIn(Body, Lambdas::Skip, [&](const Stmt *S) {
    const auto *Call = llvm::dyn_cast<CallExpr>(S);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee || !Callee->getIdentifier() ||
        Callee->getName() != "pthread_attr_setdetachstate" ||
        Call->getNumArgs() != 2 || addressedLocal(Call->getArg(0)) != Attr)
      return;
    (namesCreateDetached(Call->getArg(1)) ? SetDetached : SetOther) = true;
  });
  return SetDetached && !SetOther;
}

bool createsDetached(const HandleCreation &Creation) {
  if (Creation.Api->AttrArg < 0)
    return false;
  const VarDecl *Attr =
      addressedLocal(Creation.Call->getArg(unsigned(Creation.Api->AttrArg)));
  const FunctionDecl *Fn = Attr ? functionDeclaring(Attr) : nullptr;
  return Fn && createsDetached(Creation, Fn->getBody());
}

/// The variable that holds the handle \p E names: `t`, or the array of
/// `th[i]`.
static const VarDecl *handleVariable(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *Element = llvm::dyn_cast<ArraySubscriptExpr>(E))
    E = Element->getBase()->IgnoreParenImpCasts();
  return referencedVariable(E);
}

const CallExpr *detachOfCreatedHandle(const HandleCreation &Creation) {
  const VarDecl *Handle = handleVariable(Creation.Handle);
  const FunctionDecl *Fn =
      Handle && Handle->hasLocalStorage() ? functionDeclaring(Handle) : nullptr;
  if (!Fn || !Fn->getBody())
    return nullptr;
  const CallExpr *Detach = nullptr;
  forEachStmtIn(Fn->getBody(), Lambdas::Skip, [&](const Stmt *S) {
    const auto *Call = llvm::dyn_cast<CallExpr>(S);
    if (Detach || !Call || Call->getNumArgs() == 0 ||
        handleCallOf(Call->getDirectCallee()).Role != HandleCallRole::Detach)
      return;
    if (handleVariable(Call->getArg(0)) == Handle)
      Detach = Call;
  });
  return Detach;
}

/// Whether \p E is an integer constant (0 is thrd_success too); sets
/// \p NonZero.
static bool constantValue(const Expr *E, const ASTContext &Ctx, bool &NonZero) {
  Expr::EvalResult Result;
  if (E->isValueDependent() || !E->EvaluateAsInt(Result, Ctx))
    return false;
  NonZero = Result.Val.getInt() != 0;
  return true;
}

/// The create call whose result the local \p Result holds: the one create
/// call that \p Body assigns to it (its initializer or `Result = ...`),
/// when every other value it gets is a constant.
static const CallExpr *creationHeldBy(const VarDecl *Result, const Stmt *Body,
                                      const ASTContext &Ctx) {
  const CallExpr *Found = nullptr;
  bool Ambiguous = false;
  auto Consider = [&](const Expr *Value) {
    if (!Value)
      return;
    Value = Value->IgnoreParenImpCasts();
    const auto *Call = llvm::dyn_cast<CallExpr>(Value);
    if (Call && handleCreationOf(Call)) {
      Ambiguous |= Found != nullptr;
      Found = Call;
    } else if (Value->isValueDependent() || !Value->isEvaluatable(Ctx)) {
      Ambiguous = true;
    }
  };
  Consider(Result->getInit());
  forEachStmtIn(Body, Lambdas::Skip, [&](const Stmt *S) {
    if (const auto *Assign = llvm::dyn_cast<BinaryOperator>(S)) {
      if (Assign->isAssignmentOp() &&
          referencedVariable(Assign->getLHS()) == Result)
        Assign->getOpcode() == BO_Assign ? Consider(Assign->getRHS())
                                         : void(Ambiguous = true);
    } else if (const auto *AddrOf = llvm::dyn_cast<UnaryOperator>(S)) {
      // `&rc` or `rc++`: written elsewhere.
      if ((AddrOf->getOpcode() == UO_AddrOf ||
           AddrOf->isIncrementDecrementOp()) &&
          referencedVariable(AddrOf->getSubExpr()) == Result)
        Ambiguous = true;
    }
  });
  return Ambiguous ? nullptr : Found;
}

const CallExpr *creationTestedBy(const Expr *Cond, const Stmt *Body,
                                 const ASTContext &Ctx, bool &CreatedWhenTrue) {
  // The result is 0 on success: as a condition, true means it failed.
  bool FailedWhenTrue = true;
  for (unsigned Depth = 0; Cond && Depth < 8; ++Depth) {
    Cond = Cond->IgnoreParenImpCasts();
    if (const auto *Not = llvm::dyn_cast<UnaryOperator>(Cond);
        Not && Not->getOpcode() == UO_LNot) {
      FailedWhenTrue = !FailedWhenTrue;
      Cond = Not->getSubExpr();
      continue;
    }
    if (const auto *Binary = llvm::dyn_cast<BinaryOperator>(Cond)) {
      if (Binary->getOpcode() == BO_Assign) {
        Cond = Binary->getRHS();
        continue;
      }
      if (Binary->getOpcode() == BO_Comma) {
        Cond = Binary->getRHS();
        continue;
      }
      if (Binary->getOpcode() != BO_EQ && Binary->getOpcode() != BO_NE)
        return nullptr;
      const Expr *Other = nullptr;
      bool NonZero = false;
      if (constantValue(Binary->getRHS(), Ctx, NonZero))
        Other = Binary->getLHS();
      else if (constantValue(Binary->getLHS(), Ctx, NonZero))
        Other = Binary->getRHS();
      if (!Other)
        return nullptr;
      // `r == 0` is true when it succeeded; `r == EAGAIN` when it failed
      // (and `r != EAGAIN` says nothing on its true branch, which only the
      // branch where it failed is asked about).
      if ((Binary->getOpcode() == BO_EQ) != NonZero)
        FailedWhenTrue = !FailedWhenTrue;
      Cond = Other;
      continue;
    }
    const CallExpr *Call = llvm::dyn_cast<CallExpr>(Cond);
    if (!Call || !handleCreationOf(Call))
      if (const VarDecl *Result = referencedVariable(Cond);
          Result && Result->hasLocalStorage() && Body)
        Call = creationHeldBy(Result, Body, Ctx);
    if (!Call || !handleCreationOf(Call))
      return nullptr;
    CreatedWhenTrue = !FailedWhenTrue;
    return Call;
  }
  return nullptr;
}

bool isCreationFlag(const VarDecl *Flag, const VarDecl *Handle,
                    const Stmt *Body, const ASTContext &Ctx) {
  auto IsConstant = [&](const Expr *E, bool &NonZero) {
    Expr::EvalResult Result;
    if (E->isValueDependent() || !E->EvaluateAsInt(Result, Ctx))
      return false;
    NonZero = Result.Val.getInt() != 0;
    return true;
  };
  bool NonZero = false;
  if (const Expr *Init = Flag->getInit(); Init && !IsConstant(Init, NonZero))
    return false;
  bool OnlyConstants = true;
  llvm::SmallVector<const Stmt *, 2> SetWrites;
  forEachStmtIn(Body, Lambdas::Enter, [&](const Stmt *S) {
    if (const auto *Assign = llvm::dyn_cast<BinaryOperator>(S)) {
      if (!Assign->isAssignmentOp() ||
          referencedVariable(Assign->getLHS()) != Flag)
        return;
      bool Set = false;
      if (Assign->getOpcode() != BO_Assign ||
          !IsConstant(Assign->getRHS(), Set))
        OnlyConstants = false;
      else if (Set)
        SetWrites.push_back(Assign);
    } else if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(S)) {
      if ((Unary->getOpcode() == UO_AddrOf ||
           Unary->isIncrementDecrementOp()) &&
          referencedVariable(Unary->getSubExpr()) == Flag)
        OnlyConstants = false;
    }
  });
  if (!OnlyConstants || SetWrites.empty())
    return false;
  bool SetOnSuccess = false;
  forEachStmtIn(Body, Lambdas::Skip, [&](const Stmt *S) {
    const auto *If = llvm::dyn_cast<IfStmt>(S);
    if (SetOnSuccess || !If)
      return;
    bool CreatedWhenTrue = false;
    std::optional<HandleCreation> Creation = handleCreationOf(
        creationTestedBy(If->getCond(), Body, Ctx, CreatedWhenTrue));
    if (!Creation || !Creation->Handle ||
        referencedVariable(Creation->Handle) != Handle)
      return;
    const Stmt *Success = CreatedWhenTrue ? If->getThen() : If->getElse();
    for (const Stmt *Write : SetWrites)
      SetOnSuccess |= Success && anyStmtIn(Success, [&](const Stmt *Node) {
                        return Node == Write;
                      });
  });
  return SetOnSuccess;
}

bool creationResultIgnored(const CallExpr *Call, const ParentMap &Parents) {
  const Stmt *Child = Call;
  const Stmt *Parent = Parents.getParent(Call);
  while (const auto *Wrapper = llvm::dyn_cast_or_null<Expr>(Parent)) {
    if (!llvm::isa<ParenExpr, ImplicitCastExpr>(Wrapper) &&
        !(llvm::isa<CStyleCastExpr>(Wrapper) &&
          Wrapper->getType()->isVoidType()))
      return false;
    Child = Wrapper;
    Parent = Parents.getParent(Wrapper);
  }
  // A statement of its own: in a block, or the body of a branch or loop
  // (not its condition).
  if (!Parent || llvm::isa<CompoundStmt, LabelStmt, SwitchCase>(Parent))
    return true;
  if (const auto *If = llvm::dyn_cast<IfStmt>(Parent))
    return Child == If->getThen() || Child == If->getElse();
  return Child == loopBody(Parent);
}

} // namespace clang::tidy::threads
