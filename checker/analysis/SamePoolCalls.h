//===--- SamePoolCalls.h - Tasks that reach their own pool's members ------===//
//
// A task rarely calls `pool.shutdown()` itself: it calls a helper, a
// service's `stop()`, a callback's owner, and that one stops the pool. This
// follows the calls from a task, within three visible calls (free
// functions and member functions of any class), to a call of a member
// function of the pool's class on the very object the task was submitted
// to: a global pool, the pool handed on by reference or pointer, or the
// member of the object `this` names when the task captured it. A call on
// another object of the class, or one a function on the way guards with a
// thread-id comparison, is not one.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_SAMEPOOLCALLS_H
#define THREAD_TIDY_SAMEPOOLCALLS_H

#include "analysis/MemberCallChains.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang::tidy::threads {

/// The calls from a task to a member call on the pool it was submitted to.
struct SamePoolCall {
  /// From the task to the function that makes the call, in call order.
  llvm::SmallVector<MemberCallStep, 3> Through;
  /// The call of the pool's member function, on the pool the task runs on.
  const CXXMemberCallExpr *CallsPool = nullptr;
};

/// Whether \p S compares thread ids (`std::this_thread::get_id() !=
/// th_.get_id()`): the usual guard that makes a self-join impossible.
bool comparesThreadIds(const Stmt *S);

/// The first call, within three visible calls from \p Task, of a member
/// function of \p RD for which \p Reaches holds, made on the object that
/// \p Submission (the visible call that handed the task over:
/// `pool.submit([&pool] { ... })`) submitted the task to. Calls in \p Task
/// itself are not looked at (those are the caller's), nor calls inside
/// functions that compare thread ids.
std::optional<SamePoolCall>
findSamePoolCall(const FunctionDecl *Task, const Expr *Submission,
                 SourceLocation SubmittedAt, const CXXRecordDecl *RD,
                 llvm::function_ref<bool(const CXXMemberCallExpr *)> Reaches);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_SAMEPOOLCALLS_H
