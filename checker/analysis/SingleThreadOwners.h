//===--- SingleThreadOwners.h - Owners that hold at most one thread -------===//
//
// A std::unique_ptr, a std::shared_ptr or a std::optional of a thread holds
// at most one thread and reaches it through `->`, `*` (and an optional's
// value()); a test of the owner itself (`if (o)`) says whether it holds one
// at all. What is particular to std::optional lives here too: emplace()
// starts its thread, a construction or assignment from a started thread
// gives it one. The use classifier, ThreadStarts and the dataflow's guards
// ask these questions.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_SINGLETHREADOWNERS_H
#define THREAD_TIDY_SINGLETHREADOWNERS_H

#include "analysis/TrackedThreadTypes.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::threads {

/// What a member call on an optional of a thread does with its thread.
enum class OptionalCallRole {
  Start,   ///< emplace() of a started thread.
  Element, ///< value(): the thread itself, to be used further.
  Escape,  ///< swap(): the thread changes owners.
  Other,   ///< has_value(), reset(), the bool conversion, ...
};
OptionalCallRole optionalCallRole(const CXXMemberCallExpr *Call,
                                  const TrackedThreadTypes &Types);

/// Whether \p Init, a value for an optional of a thread, holds a started
/// thread: a started thread converted to one, `std::in_place` with the
/// thread's arguments, std::make_optional, one moved from another owner.
/// An empty optional or std::nullopt holds none.
bool optionalValueStartsThread(const Expr *Init,
                               const TrackedThreadTypes &Types);

/// The callable run by the thread that \p Start gives an optional, as
/// written: `o.emplace(f)`, `o = std::thread(f)`, the declaration's
/// `std::optional<std::thread> o(std::in_place, f)`. Null when the thread
/// comes from elsewhere.
const Expr *optionalStartedCallable(const Stmt *Start,
                                    const TrackedThreadTypes &Types);

/// When \p E reaches the thread of an owner that holds at most one (`*p`,
/// `p->`, `o.value()`), that owner's expression; otherwise \p E. Both
/// without parentheses and implicit casts.
const Expr *ownerOfHeldThread(const Expr *E, const TrackedThreadTypes &Types);

/// When \p Cond tests whether an owner that holds at most one thread holds
/// one (`if (p)`, `o.has_value()`), that owner's expression; null otherwise.
/// Its false branch holds no thread.
const Expr *ownerTestedForThread(const Expr *Cond,
                                 const TrackedThreadTypes &Types);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_SINGLETHREADOWNERS_H
