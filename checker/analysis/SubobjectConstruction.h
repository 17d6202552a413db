//===--- SubobjectConstruction.h - Subobjects left running by a throw -----===//
//
// When a constructor throws, the subobjects it has already constructed
// (bases, then members in declaration order) are destroyed, but the
// destructor of its own class does not run. A base or member whose class
// starts a thread and leaves joining it to its owner (`w_.stop()` in
// `~Service()`) is then destroyed with its thread running:
//
//   class Service {
//     Worker w_;   // Worker() starts Worker::t_; ~Worker() does not join
//     Config c_;
//   public:
//     Service() : w_(), c_(parse()) {} // parse() throws: std::terminate
//     ~Service() { w_.stop(); }
//   };
//
// (issue 17, shape 1, for subobjects). The lifetime dataflow runs on the
// constructor with the subobject as its tracked owner
// (ThreadLifetimeAnalysis::analyzeSubobject); this file says which
// subobjects, where they start running and what may stop them.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_SUBOBJECTCONSTRUCTION_H
#define THREAD_TIDY_SUBOBJECTCONSTRUCTION_H

#include "analysis/ThreadLifetimeAnalysis.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::threads {

/// A subobject of a constructor's class that owns a running thread when
/// something later in that constructor may throw.
struct SubobjectThrow {
  /// The initializer of the subobject (a base or a member).
  const CXXCtorInitializer *Subobject;
  /// Its class, and that class's thread member left running.
  const CXXRecordDecl *SubobjectClass;
  const FieldDecl *Thread;
  /// Where the subobject's class starts the thread: in its constructor, or
  /// in the member function StartCall calls.
  const Stmt *ThreadStart;
  /// The call in the constructor that starts it; null when the
  /// subobject's own constructor does.
  const Stmt *StartCall = nullptr;
  /// The ExceptionExit event of the first call or throw, in source order.
  LifetimeEvent Throw;
};

/// Whether \p Fn (a declaration; not visible counts as yes) may join,
/// detach or hand over \p Thread, a member of its class.
using MayReleaseFn =
    llvm::function_ref<bool(const FunctionDecl *Fn, const FieldDecl *Thread)>;

/// The subobjects of one constructor's class that the constructor may
/// leave running when it throws.
class SubobjectConstruction {
public:
  /// \p Throws follows exceptions (for the constructor), \p Joins does not
  /// (for the subobject's own functions).
  SubobjectConstruction(const CXXConstructorDecl *Ctor,
                        ThreadLifetimeAnalysis &Throws,
                        ThreadLifetimeAnalysis &Joins,
                        const TrackedThreadTypes &Types,
                        MayReleaseFn MayRelease)
      : Ctor(Ctor), Throws(Throws), Joins(Joins), Types(Types),
        MayRelease(MayRelease) {}

  /// At most one finding per subobject, first subobject first.
  llvm::SmallVector<SubobjectThrow, 2> find() const;

private:
  /// Whether the constructor is one whose subobjects can be judged.
  bool constructorIsAnalyzable() const;
  /// The class of the subobject \p Init constructs, when it is one whose
  /// functions can be seen and that is not a thread owner itself.
  const CXXRecordDecl *subobjectClass(const CXXCtorInitializer *Init) const;
  /// The finding for \p Thread of the subobject \p Init, if any.
  std::optional<SubobjectThrow> findFor(const CXXCtorInitializer *Init,
                                        const CXXRecordDecl *Class,
                                        const FieldDecl *Thread) const;
  /// Whether \p Class joins \p Thread somewhere, but neither hands it to
  /// other code nor may join it in its destructor.
  bool leftToOwner(const CXXRecordDecl *Class, const FieldDecl *Thread) const;
  /// Where \p Fn (a constructor when \p IsConstructor) starts \p Thread,
  /// when it leaves it running on every path that returns; null otherwise.
  const Stmt *startedOnEveryPath(const FunctionDecl *Fn,
                                 const FieldDecl *Thread,
                                 bool IsConstructor) const;
  /// Whether \p S calls a member function on the subobject \p Init.
  const CXXMethodDecl *methodCalledOn(const Stmt *S,
                                      const CXXCtorInitializer *Init) const;
  /// Whether \p S may stop \p Thread of the subobject \p Init: a call on it
  /// that may join it, a call of the constructor's own class that touches
  /// it, or code the subobject or the object is handed to.
  bool mayStop(const Stmt *S, const CXXCtorInitializer *Init,
               const FieldDecl *Thread) const;
  /// Whether the handlers of \p Try leave the subobject \p Init safe: each
  /// may stop it or does not throw again.
  bool handlersLeaveSafe(const CXXTryStmt *Try, const CXXCtorInitializer *Init,
                         const FieldDecl *Thread) const;

  const CXXConstructorDecl *Ctor;
  ThreadLifetimeAnalysis &Throws;
  ThreadLifetimeAnalysis &Joins;
  const TrackedThreadTypes &Types;
  MayReleaseFn MayRelease;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_SUBOBJECTCONSTRUCTION_H
