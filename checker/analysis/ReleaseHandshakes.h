//===--- ReleaseHandshakes.h - A detached thread's last-action release ----===//
//
// A detached thread that refers to the locals of the function that starts
// it does not outlive them when it ends by releasing a shared flag or
// counter (an atomic store, `++`, `--`, `fetch_sub`, `notify`, also from a
// guard object's destructor) and the function waits for that release
// before the locals go away (`while (processed) yield();`). This finds such
// a handshake, for a launch the check was about to report.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_RELEASEHANDSHAKES_H
#define THREAD_TIDY_RELEASEHANDSHAKES_H

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/ArrayRef.h"

namespace clang::tidy::threads {

/// A local variable (or parameter) a thread refers to and, when a functor
/// keeps it, the reference member that holds it.
struct ThreadLocalReference {
  const VarDecl *Var;
  const FieldDecl *Member = nullptr;
};

/// Whether the thread that runs \p Entry, detached at \p Detach, releases
/// a flag as its last action on every path, and the function declaring the
/// \p References waits for that release after \p Detach on every path,
/// within the scope of each of them: the locals then outlive the thread's
/// uses of them.
bool waitsForThreadRelease(const FunctionDecl *Entry, const Stmt *Detach,
                           llvm::ArrayRef<ThreadLocalReference> References,
                           ASTContext &Ctx);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_RELEASEHANDSHAKES_H
