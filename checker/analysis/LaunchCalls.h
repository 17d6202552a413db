//===--- LaunchCalls.h - The calls that launch a thread, in one matcher ---===//
//
// A thread is launched by a call in five ways: `std::make_unique<std::thread>
// (f)` and `std::make_shared`, a handle API's create (`pthread_create`),
// `QThread::create(f)`, an `emplace` into a container of threads, and
// `boost::thread_group::create_thread(f)`. Every check that looks at launches
// tries its matchers on every call of the unit, and clang's matcher loop
// costs about as much per matcher tried as the tests themselves: one matcher
// that sorts a call into these kinds, by its callee's identifier first,
// replaces five.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_LAUNCHCALLS_H
#define THREAD_TIDY_LAUNCHCALLS_H

#include "analysis/TrackedThreadTypes.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace clang::tidy::threads {

/// The kinds of launching call, named by the binding threadLaunchFrom()
/// reads: "launch-make", "launch-create", "launch-qt-create",
/// "launch-emplace", "launch-group".
enum class LaunchCallKind {
  None,
  MakeSmartPointer,
  HandleCreate,
  QtCreate,
  Emplace,
  GroupCreate
};

/// Which kind of launch \p Call is, for the APIs \p Types follows; None for
/// every other call. Looks at the callee's identifier before anything else.
LaunchCallKind launchCallKind(const CallExpr &Call,
                              const TrackedThreadTypes &Types);

/// The binding of a launch of kind \p Kind (not None).
llvm::StringRef launchCallBinding(LaunchCallKind Kind);

/// Matches a call that launches a thread (launchCallKind), bound to the name
/// launchCallBinding gives its kind.
AST_MATCHER_P(CallExpr, isThreadLaunchCall, const TrackedThreadTypes *, Types) {
  LaunchCallKind Kind = launchCallKind(Node, *Types);
  if (Kind == LaunchCallKind::None)
    return false;
  Builder->setBinding(launchCallBinding(Kind), DynTypedNode::create(Node));
  return true;
}

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_LAUNCHCALLS_H
