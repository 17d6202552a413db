//===--- PackagedTaskCalls.cpp --------------------------------------------===//

#include "analysis/PackagedTaskCalls.h"
#include "analysis/ExceptionFlowAnalysis.h"
#include "utils/AstUtils.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::threads {

bool isPackagedTaskInvocation(const Stmt *S) {
  const auto *Call = llvm::dyn_cast<CXXOperatorCallExpr>(S);
  if (!Call || Call->getOperator() != OO_Call)
    return false;
  const auto *Method = llvm::dyn_cast_or_null<CXXMethodDecl>(calleeOf(Call));
  const CXXRecordDecl *Task = Method ? Method->getParent() : nullptr;
  return Task && Task->isInStdNamespace() && Task->getIdentifier() &&
         Task->getName() == "packaged_task";
}

bool onlyPackagedTaskInvocationsMayThrow(const Stmt *S) {
  unsigned Invocations = 0;
  bool OtherMayThrow = false;
  forEachStmtIn(S, Lambdas::Skip, [&](const Stmt *Node) {
    if (isPackagedTaskInvocation(Node))
      ++Invocations;
    else if (llvm::isa<CXXThrowExpr, CXXNewExpr>(Node))
      OtherMayThrow = true;
    else if (llvm::isa<CallExpr, CXXConstructExpr>(Node) &&
             !ExceptionFlowAnalysis::isNoexcept(calleeOf(Node)))
      OtherMayThrow = true;
  });
  return Invocations > 0 && !OtherMayThrow;
}

} // namespace clang::tidy::threads
