//===--- TaskSelfJoins.h - Tasks that join the threads they run on --------===//
//
// A pool's worker threads run the tasks submitted to it. A task that calls
// the pool's shutdown() (or stop(), or the destructor's helper), which joins
// the workers, asks a worker to join itself when it runs on one: join()
// throws std::system_error (resource_deadlock_would_occur), or the process
// terminates if that escapes the worker. The worker's code is visible, and
// so are the tasks (TypeErasedCalls): this finds the task, where it was
// submitted, and the calls from it to the join, also through helpers that
// stop the very pool the task was submitted to (SamePoolCalls).
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_TASKSELFJOINS_H
#define THREAD_TIDY_TASKSELFJOINS_H

#include "analysis/MemberCallChains.h"
#include "analysis/TypeErasedCalls.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>

namespace clang::tidy::threads {

struct TaskSelfJoin {
  /// The call through type erasure in the worker that runs the task.
  const Expr *RunsTask;
  /// The task, and where it was submitted.
  ErasedCallTarget Task;
  /// The call of the class's member function that leads to the join: in
  /// the task (on any object of the class: `pool.shutdown()`), or in a
  /// function it calls, on the pool the task was submitted to.
  const CXXMemberCallExpr *CallsClass;
  /// From the member function called to the one that joins.
  MemberCallChain ToJoin;
  /// From the task to the function that makes CallsClass (SamePoolCalls);
  /// empty when the task makes it.
  llvm::SmallVector<MemberCallStep, 3> Through;
};

/// A task that the thread running \p Entry (a worker of class \p RD) may
/// run and that calls, through \p RD's member functions, one for which
/// \p Joins holds. Only the worker's own code is searched for the task
/// calls: \p Entry and the member functions it calls on `this`.
std::optional<TaskSelfJoin>
findTaskSelfJoin(const FunctionDecl *Entry, const CXXRecordDecl *RD,
                 llvm::function_ref<bool(const FunctionDecl *)> Joins,
                 TypeErasedCalls &ErasedCalls);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_TASKSELFJOINS_H
