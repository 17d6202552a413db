//===--- PackagedTaskCalls.h - Calls of a std::packaged_task --------------===//
//
// A std::packaged_task stores what its task throws in its future; calling
// the task (`task()`) itself throws only std::future_error, for a task
// without state or one already run. A handler around such a call catches no
// failure of the task's work.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_PACKAGEDTASKCALLS_H
#define THREAD_TIDY_PACKAGEDTASKCALLS_H

#include "clang/AST/Stmt.h"

namespace clang::tidy::threads {

/// Whether \p S is a call of a std::packaged_task (`task()`).
bool isPackagedTaskInvocation(const Stmt *S);

/// Whether \p S (outside nested lambdas) invokes a std::packaged_task and
/// nothing else in it may throw: no throw, no new, every other call and
/// construction declared noexcept.
bool onlyPackagedTaskInvocationsMayThrow(const Stmt *S);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_PACKAGEDTASKCALLS_H
