//===--- MemberCallChains.cpp ---------------------------------------------===//

#include "analysis/MemberCallChains.h"
#include "utils/AstUtils.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::threads {

namespace {

/// The member functions of \p RD with visible definitions that \p Body
/// calls on `this`, with the call, in source order.
void callsOnThis(const Stmt *Body, const CXXRecordDecl *RD,
                 llvm::SmallVectorImpl<MemberCallStep> &Out,
                 const FunctionDecl *Caller) {
  forEachStmtIn(Body, Lambdas::Skip, [&](const Stmt *Node) {
    if (const CXXMethodDecl *Method = methodCalledOnThis(Node))
      if (Method->getParent()->getCanonicalDecl() == RD->getCanonicalDecl())
        if (const FunctionDecl *Def = visibleDefinition(Method))
          Out.push_back({Caller, Def, Node});
  });
}

} // namespace

std::optional<MemberCallChain>
findMemberCallChain(const FunctionDecl *From, const CXXRecordDecl *RD,
                    llvm::function_ref<bool(const FunctionDecl *)> IsTarget) {
  constexpr size_t SearchLimit = 64;
  // Breadth-first, remembering how each function was first reached.
  llvm::DenseMap<const FunctionDecl *, MemberCallStep> ReachedBy;
  llvm::SmallVector<const FunctionDecl *, 8> Queue{From};
  ReachedBy[From] = {nullptr, From, nullptr};
  for (size_t I = 0; I < Queue.size() && I < SearchLimit; ++I) {
    const FunctionDecl *Fn = Queue[I];
    if (IsTarget(Fn)) {
      MemberCallChain Chain{Fn, {}};
      for (const FunctionDecl *At = Fn; ReachedBy[At].Caller;
           At = ReachedBy[At].Caller)
        Chain.Steps.push_back(ReachedBy[At]);
      std::reverse(Chain.Steps.begin(), Chain.Steps.end());
      return Chain;
    }
    llvm::SmallVector<MemberCallStep, 8> Calls;
    callsOnThis(Fn->getBody(), RD, Calls, Fn);
    for (const MemberCallStep &Call : Calls)
      if (ReachedBy.try_emplace(Call.Callee, Call).second)
        Queue.push_back(Call.Callee);
  }
  return std::nullopt;
}

bool isHookOrCalledFromHook(const FunctionDecl *Fn, const CXXRecordDecl *RD) {
  for (const CXXMethodDecl *Method : RD->methods()) {
    if (Method->size_overridden_methods() == 0)
      continue;
    const FunctionDecl *Hook = visibleDefinition(Method);
    if (Hook && findMemberCallChain(
                    Hook, RD, [&](const FunctionDecl *F) { return F == Fn; }))
      return true;
  }
  return false;
}

} // namespace clang::tidy::threads
