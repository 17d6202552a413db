//===--- ObjectTasks.cpp --------------------------------------------------===//

#include "analysis/ObjectTasks.h"
#include "utils/AstUtils.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace clang::tidy::threads {

namespace {

/// Collects the references to one variable in a function body.
class ReferenceCollector : public RecursiveASTVisitor<ReferenceCollector> {
public:
  explicit ReferenceCollector(const VarDecl *Var) : Var(Var) {}
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (Ref->getDecl() == Var)
      References.push_back(Ref);
    return true;
  }
  const VarDecl *Var;
  llvm::SmallVector<const DeclRefExpr *, 8> References;
};

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
  ReferenceCollector Collector(Holder);
  Collector.TraverseStmt(Fn->getBody());
  ParentMap Parents(Fn->getBody());
  HolderUses Uses(Parents, Futures);
  for (const DeclRefExpr *Use : Collector.References)
    if (!Uses.add(Use))
      return std::nullopt;
  return std::move(Uses.Tasks);
}

} // namespace clang::tidy::threads
