//===--- TaskSelfJoins.cpp - Tasks that join the threads they run on ------===//

#include "analysis/TaskSelfJoins.h"
#include "analysis/SamePoolCalls.h"
#include "utils/AstUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::threads {

namespace {

/// The worker's own code: \p Entry and the member functions of \p RD it
/// reaches through calls on `this` (a lambda entry calling `loop()`).
llvm::SmallVector<const FunctionDecl *, 4>
workerFunctions(const FunctionDecl *Entry, const CXXRecordDecl *RD) {
  llvm::SmallVector<const FunctionDecl *, 4> Result{Entry};
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen{Entry};
  for (unsigned I = 0; I < Result.size() && Result.size() < 16; ++I)
    forEachStmtIn(Result[I]->getBody(), Lambdas::Skip, [&](const Stmt *S) {
      const CXXMethodDecl *Callee = methodCalledOnThis(S);
      if (!Callee ||
          Callee->getParent()->getCanonicalDecl() != RD->getCanonicalDecl())
        return;
      if (const FunctionDecl *Def = userDefinition(Callee))
        if (Seen.insert(Def).second)
          Result.push_back(Def);
    });
  return Result;
}

/// The first call in \p Task of a member function of \p RD from which a
/// joining function is reached; else the first such call on the task's own
/// pool in the functions the task calls.
std::optional<TaskSelfJoin>
joinReachedFrom(const ErasedCallTarget &Task, const CXXRecordDecl *RD,
                llvm::function_ref<bool(const FunctionDecl *)> Joins) {
  std::optional<TaskSelfJoin> Found;
  const FunctionDecl *Body = userDefinition(Task.Function);
  if (!Body)
    return Found;
  forEachStmtIn(Body->getBody(), Lambdas::Skip, [&](const Stmt *S) {
    const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(S);
    if (Found || !Call || !Call->getMethodDecl() ||
        Call->getMethodDecl()->getParent()->getCanonicalDecl() !=
            RD->getCanonicalDecl())
      return;
    const FunctionDecl *Callee = userDefinition(Call->getMethodDecl());
    if (!Callee)
      return;
    if (std::optional<MemberCallChain> Chain =
            findMemberCallChain(Callee, RD, Joins))
      Found = TaskSelfJoin{nullptr, {}, Call, std::move(*Chain), {}};
  });
  if (Found || !Task.SubmittedBy)
    return Found;
  std::optional<MemberCallChain> ToJoin;
  std::optional<SamePoolCall> Deeper = findSamePoolCall(
      Task.Function, Task.SubmittedBy, Task.SubmittedAt, RD,
      [&](const CXXMemberCallExpr *Call) {
        const FunctionDecl *Callee = userDefinition(Call->getMethodDecl());
        ToJoin = Callee ? findMemberCallChain(Callee, RD, Joins) : std::nullopt;
        return ToJoin.has_value();
      });
  if (Deeper)
    Found = TaskSelfJoin{nullptr,
                         {},
                         Deeper->CallsPool,
                         std::move(*ToJoin),
                         std::move(Deeper->Through)};
  return Found;
}

} // namespace

std::optional<TaskSelfJoin>
findTaskSelfJoin(const FunctionDecl *Entry, const CXXRecordDecl *RD,
                 llvm::function_ref<bool(const FunctionDecl *)> Joins,
                 TypeErasedCalls &ErasedCalls) {
  if (!Entry || !Entry->getBody() || !RD)
    return std::nullopt;
  ASTContext &Ctx = Entry->getASTContext();
  std::optional<TaskSelfJoin> Found;
  for (const FunctionDecl *Worker : workerFunctions(Entry, RD)) {
    forEachStmtIn(Worker->getBody(), Lambdas::Skip, [&](const Stmt *S) {
      const Expr *Callable = Found ? nullptr : TypeErasedCalls::erasedCallee(S);
      if (!Callable)
        return;
      for (const ErasedCallTarget &Task :
           ErasedCalls.targetsOf(Callable, Ctx)) {
        Found = joinReachedFrom(Task, RD, Joins);
        if (Found) {
          Found->RunsTask = llvm::cast<Expr>(S);
          Found->Task = Task;
          return;
        }
      }
    });
    if (Found)
      break;
  }
  return Found;
}

} // namespace clang::tidy::threads
