//===--- HandleCreations.h - What a handle API's create call does ---------===//
//
// `pthread_create(&t, &attr, run, arg)` starts a thread only when it
// returns 0 (`thrd_create`: thrd_success), and starts it detached when
// `attr` was set to PTHREAD_CREATE_DETACHED. Real C code tests the result
// right away (`if (pthread_create(...) != 0) return -1;`), so the analyses
// must know which branch of a condition saw the thread created, and whether
// a create's result was looked at at all.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_HANDLECREATIONS_H
#define THREAD_TIDY_HANDLECREATIONS_H

#include "analysis/ThreadApis.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include <optional>

namespace clang::tidy::threads {

/// A call of a handle API's create function.
struct HandleCreation {
  const CallExpr *Call;
  const HandleThreadApi *Api;
  /// The handle it writes, as written after `&` (`t`, `th[i]`, `w->tid`);
  /// null when the address is not taken in place (a pointer variable).
  const Expr *Handle;
  /// The start routine and its argument, as written.
  const Expr *StartRoutine;
  const Expr *StartArgument;
};

/// \p Call as a create call of a handle API; nullopt for any other call.
std::optional<HandleCreation> handleCreationOf(const CallExpr *Call);

/// Whether \p Creation starts its thread detached: its attributes are a
/// local `attr` that \p Body sets to PTHREAD_CREATE_DETACHED with
/// pthread_attr_setdetachstate (and never back to joinable).
bool createsDetached(const HandleCreation &Creation, const Stmt *Body);
/// The same, in the body of the function that declares `attr`.
bool createsDetached(const HandleCreation &Creation);

/// The detach call (`pthread_detach(t)`) of the local handle that
/// \p Creation creates (for `&th[i]`, of any element of the local array
/// `th`), in the function that declares it; null when there is none (or
/// the handle is no local).
const CallExpr *detachOfCreatedHandle(const HandleCreation &Creation);

/// The create call whose success \p Cond tests, and on which branch: set
/// \p CreatedWhenTrue. Understands the result compared with 0 or
/// thrd_success (`!= 0`, `== 0`, `!`, as is), compared with an error code
/// (`== EAGAIN` is true when it failed), and a local that holds the
/// result (`rc = pthread_create(...)` or its initializer) when \p Body
/// assigns that local from one create call only. Null otherwise.
const CallExpr *creationTestedBy(const Expr *Cond, const Stmt *Body,
                                 const ASTContext &Ctx, bool &CreatedWhenTrue);

/// Whether the local \p Flag records that the handle \p Handle was
/// created: \p Body writes it only with constants (its initializer
/// included), one of them non-zero in the branch where a create of
/// \p Handle succeeded, and nothing takes its address.
/// `bool started = false; if (pthread_create(&t, ...) == 0) started = true;
/// ... if (started) pthread_join(t, NULL);`
bool isCreationFlag(const VarDecl *Flag, const VarDecl *Handle,
                    const Stmt *Body, const ASTContext &Ctx);

/// Whether the result of the create call \p Call is thrown away: the call
/// is a statement of its own, or cast to void.
bool creationResultIgnored(const CallExpr *Call, const ParentMap &Parents);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_HANDLECREATIONS_H
