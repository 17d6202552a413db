//===--- ObjectTasks.h - Tasks handed to an object before it is run -------===//
//
// A task graph or a job list gets its tasks first and is run later:
// `graph.emplace([&] { ... }); auto done = executor.run(graph);`. The
// future of the run carries what those tasks throw, but the call that
// returns it names only the object. This finds the tasks a local object
// was given in its function, so that a future whose tasks visibly cannot
// throw is not said to lose an exception.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_OBJECTTASKS_H
#define THREAD_TIDY_OBJECTTASKS_H

#include "analysis/TrackedThreadTypes.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang::tidy::threads {

/// The lambdas given to the local object \p Holder by calls of its member
/// functions (`graph.emplace(lambda)`), found in the whole function that
/// declares it, lambdas included. Null when some use of \p Holder may
/// give it other work or hand it on: a callable that is not a lambda, a
/// use other than a member call on it, or an argument of a call whose
/// result is not a future (a type of \p Futures). A parameter, a global
/// or a reference is never followed.
std::optional<llvm::SmallVector<const Expr *, 4>>
tasksGivenTo(const VarDecl *Holder, const TrackedThreadTypes &Futures);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_OBJECTTASKS_H
