//===--- MemberCallChains.h - Calls through a class's own functions ------===//
//
// A thread's entry function that calls stop() through two helpers, a
// destructor that detaches through shutdown(): the member checks follow
// calls on `this` from one member function through the class's own member
// functions to one that does something with a member, and show the chain
// in notes. The search and its result live here once.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_MEMBERCALLCHAINS_H
#define THREAD_TIDY_MEMBERCALLCHAINS_H

#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang::tidy::threads {

/// One call of the chain: \p Caller calls \p Callee at \p Call.
struct MemberCallStep {
  const FunctionDecl *Caller;
  const FunctionDecl *Callee;
  const Stmt *Call;
};

/// A function reached from the start of a search, and the calls that lead
/// there, in call order (empty when the start itself was the target).
struct MemberCallChain {
  const FunctionDecl *Reached;
  llvm::SmallVector<MemberCallStep, 4> Steps;
};

/// The shortest chain of calls on `this` (lambdas not entered) from \p From
/// through the visible member functions of \p RD to a function for which
/// \p IsTarget holds; \p From itself counts. Bounded: the search looks at
/// 64 functions at most.
std::optional<MemberCallChain>
findMemberCallChain(const FunctionDecl *From, const CXXRecordDecl *RD,
                    llvm::function_ref<bool(const FunctionDecl *)> IsTarget);

/// Whether \p Fn is an override of a base class's virtual function (a hook
/// a framework calls: a test fixture's TearDown(), a service's shutdown()),
/// or is called through calls on `this` from a visible one in \p RD.
bool isHookOrCalledFromHook(const FunctionDecl *Fn, const CXXRecordDecl *RD);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_MEMBERCALLCHAINS_H
