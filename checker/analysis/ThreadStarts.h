//===--- ThreadStarts.h - What gives an owner a started thread ------------===//
//
// Whether an expression hands its owner a running thread: a construction
// from a callable, a thread returned by a factory function, one moved from
// another owner, `std::make_unique<std::thread>(f)`, or a thread put into a
// container. A default-constructed thread is not one. The use classifier
// and the checks that look at an owner's initializer agree through these.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_THREADSTARTS_H
#define THREAD_TIDY_THREADSTARTS_H

#include "analysis/TrackedThreadTypes.h"
#include "utils/ContainerInsertion.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::threads {

/// Whether \p E (a thread-typed expression) evaluates to a started thread:
/// a construction from a callable, a thread returned by a factory, or a
/// thread moved from another owner. A default-constructed thread is not.
bool isStartedThreadExpr(const Expr *E, const TrackedThreadTypes &Types);

/// Whether the construction \p Construct of a unique_ptr/thread starts one.
bool constructsStartedThread(const CXXConstructExpr *Construct,
                             const TrackedThreadTypes &Types);

/// Whether the initializer of an owner declared with kind \p Kind starts a
/// thread (`std::thread t(f)`, `auto p = std::make_unique<std::thread>(f)`).
bool initializerStartsThread(const Expr *Init, ThreadOwnerKind Kind,
                             const TrackedThreadTypes &Types);

/// The callable a thread started by \p Thread (after its temporary wrappers,
/// a construction) runs, as written: the construction's first argument.
/// Null when \p Thread copies or moves a thread, or constructs one with
/// nothing to run (no argument, a default argument).
const Expr *threadCallable(const Expr *Thread);

/// The callable run by the thread that \p Start (a start of an owner of kind
/// \p Kind, as ThreadUseClassifier reports it, or the owner's initializer)
/// starts, as written: `std::thread t(f)`, `t = std::thread(f)`,
/// `p = std::make_unique<std::thread>(f)`, `p.reset(new std::thread(f))`,
/// `v.emplace_back(f)`, `v.push_back(std::thread(f))`, `o.emplace(f)`,
/// `a[i] = std::thread(f)` (an element of an array or a container). Null
/// when the thread comes from elsewhere (moved in, returned by a factory).
const Expr *startedCallable(const Stmt *Start, ThreadOwnerKind Kind,
                            const TrackedThreadTypes &Types);

/// The callable that the std::async call \p Async runs (its first argument,
/// after the launch policy if one is given), or null when \p Async is not
/// a call of std::async.
const Expr *asyncCallable(const Expr *Async);

/// The task a future returned by \p Source runs, as far as the call shows:
/// std::async's callable, or, for another call that returns a future (a
/// thread pool's `submit`, an executor's `async`), the one lambda among its
/// arguments. Null when there is no such call or no single lambda.
const Expr *futureTask(const Expr *Source);

/// Whether the container insertion \p Call puts a started thread in: a
/// thread built in place from a callable, or a started thread moved in.
bool insertionStartsThread(const CXXMemberCallExpr *Call,
                           ContainerInsertion Insertion,
                           const TrackedThreadTypes &Types);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_THREADSTARTS_H
