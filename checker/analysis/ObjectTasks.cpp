//===--- ObjectTasks.cpp --------------------------------------------------===//

#include "analysis/ObjectTasks.h"
#include "utils/AstUtils.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"

namespace clang::tidy::threads {

namespace {

/// Sorts the uses of one holder object into tasks given to it, runs, and
/// uses that are not understood.
class HolderUses {
public:
  HolderUses(const ParentMap &Parents, const TrackedThreadTypes &Futures)
      : Parents(Parents), Futures(Futures) {}

  /// Adds the tasks \p Use gives the holder; false when \p Use is not
  /// understood.
  bool add(const DeclRefExpr *Use) {
    const Stmt *Child = nullptr;
    const Stmt *User = semanticParent(Parents, Use, Child);
    if (const auto *Member = llvm::dyn_cast_or_null<MemberExpr>(User))
      return addMemberCall(Member);
    // Captured by reference: the lambda's body uses it, and is walked too.
    // A capture by copy is a copy constructor's argument, not understood.
    if (llvm::isa_and_nonnull<LambdaExpr>(User))
      return true;
    if (const auto *Call = llvm::dyn_cast_or_null<CallExpr>(User))
      return Futures.ownerKind(Call->getType()) != ThreadOwnerKind::None;
    return false;
  }

  llvm::SmallVector<const Expr *, 4> Tasks;

private:
  bool addMemberCall(const MemberExpr *Member) {
    const auto *Call =
        llvm::dyn_cast_or_null<CXXMemberCallExpr>(Parents.getParent(Member));
    if (!Call || Call->getCallee()->IgnoreParens() != Member)
      return false;
    for (const Expr *Arg : Call->arguments()) {
      if (!isCallableType(Arg->getType()))
        continue;
      const Expr *Value = stripTemporaryWrappers(Arg, ElidedCopies::Strip);
      if (!llvm::isa<LambdaExpr>(Value))
        return false;
      Tasks.push_back(Value);
    }
    return true;
  }

  const ParentMap &Parents;
  const TrackedThreadTypes &Futures;
};

} // namespace

std::optional<llvm::SmallVector<const Expr *, 4>>
tasksGivenTo(const VarDecl *Holder, const TrackedThreadTypes &Futures) {
  if (!Holder || !Holder->hasLocalStorage() || llvm::isa<ParmVarDecl>(Holder) ||
      Holder->getType()->isReferenceType() || isCallableType(Holder->getType()))
    return std::nullopt;
  const FunctionDecl *Fn = functionDeclaring(Holder);
  if (!Fn || !Fn->getBody())
    return std::nullopt;
  ParentMap Parents(Fn->getBody());
  HolderUses Uses(Parents, Futures);
  bool Understood = true;
  forEachStmtIn(Fn->getBody(), Lambdas::Enter, [&](const Stmt *S) {
    const auto *Ref = llvm::dyn_cast<DeclRefExpr>(S);
    if (Understood && Ref && Ref->getDecl() == Holder)
      Understood = Uses.add(Ref);
  });
  if (!Understood)
    return std::nullopt;
  return std::move(Uses.Tasks);
}

} // namespace clang::tidy::threads
