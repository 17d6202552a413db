//===--- QtThreads.h - QThread objects and what ends them -----------------===//
//
// A QThread is a QObject that start() starts; wait() joins it, while
// quit(), exit() and requestInterruption() only ask it to finish. Its
// destructor, run while the thread runs, prints "QThread: Destroyed while
// thread is still running" and aborts. This finds, for a QThread owned by a
// local variable or by a data member, where it is started, waited for and
// destroyed, and whether a path destroys it while it may still run; and the
// entry functions of QThreads (run() overrides, QThread::create callables).
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_QTTHREADS_H
#define THREAD_TIDY_QTTHREADS_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/Type.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang {
class ASTContext;
} // namespace clang

namespace clang::tidy::threads {

/// Whether \p RD is QThread or derives from it.
bool isQThreadClass(const CXXRecordDecl *RD);

/// How a variable or data member of a type holds a QThread.
enum class QtThreadHolding {
  None,
  Value,   ///< A QThread (or subclass) object.
  Pointer, ///< A raw pointer to one.
  /// A std::unique_ptr or QScopedPointer owning one: destroyed with it.
  OwningPointer,
};

/// How a value of type \p T holds a QThread; \p Class is set to the
/// QThread class held.
QtThreadHolding qtThreadHolding(QualType T,
                                const CXXRecordDecl **Class = nullptr);

/// Matches a type that holds a QThread (see qtThreadHolding).
AST_MATCHER(QualType, holdsQThread) {
  return qtThreadHolding(Node) != QtThreadHolding::None;
}

/// Whether \p E creates a QThread the caller owns: `new QThread...`,
/// `QThread::create(...)` or `std::make_unique<QThread>()` (through
/// casts); \p ParentedToThis is set when the new thread's parent is `this`.
bool createsQThread(const Expr *E, bool *ParentedToThis = nullptr);

/// Whether destroying a \p Class object waits for its thread first: a
/// subclass whose own destructor calls wait() (or is not visible).
bool qThreadWaitsWhenDestroyed(const CXXRecordDecl *Class);

/// What the uses of one QThread owner in the code in sight add up to.
struct QtThreadUses {
  llvm::SmallVector<const Expr *, 2> Starts;
  /// Calls that join it: wait() with no timeout, or one whose result is
  /// used; calls of the subclass's functions that do.
  llvm::SmallVector<const Expr *, 2> Waits;
  /// isRunning()/isFinished(): a path that asks may know it is not running.
  llvm::SmallVector<const Expr *, 2> Queries;
  /// `delete`, or a smart pointer's reset().
  llvm::SmallVector<const Expr *, 2> Deletes;
  /// Created by `new ...(this)`: a child that its parent deletes.
  bool ParentedToThis = false;
  /// Handed to code that may wait for it, delete it or keep it; or made
  /// to delete itself (`deleteLater`, `setParent`).
  bool HandedOver = false;
};

/// Collects the uses of QThread owners in one function body.
class QtThreadUseCollector {
public:
  explicit QtThreadUseCollector(const Stmt *Body);
  /// Adds the uses of \p Owner (a local variable, or a field through
  /// `this`) in the body to \p Uses.
  void collect(const ValueDecl *Owner, QtThreadUses &Uses);

private:
  const Stmt *Body;
  ParentMap Parents;

  /// What \p E, an expression that yields the thread (or its owner),
  /// does where it is used.
  void classify(const Expr *E, QtThreadUses &Uses, unsigned Depth);
  void classifyMemberCall(const CXXMemberCallExpr *Call, QtThreadUses &Uses);
  void classifyOwnerCall(const CXXMemberCallExpr *Call, const Expr *Owner,
                         QtThreadUses &Uses, unsigned Depth);
  /// \p Arg, the argument the thread is (or leads to), of \p Call.
  void classifyArgument(const CallExpr *Call, const Stmt *Arg,
                        QtThreadUses &Uses);
  void classifyAssignment(const Expr *Value, QtThreadUses &Uses);
  bool isDiscarded(const Expr *E);
};

/// A place where a local QThread is destroyed, or deleted, while it may
/// still run, with the start it is reached from.
struct QtUnwaitedEnd {
  const Expr *Start = nullptr;
  /// The `return`, `break`, block or `delete` that ends it; or, when
  /// ByException, the call or `throw` whose exception unwinds its scope.
  const Stmt *End = nullptr;
  bool ByException = false;
  explicit operator bool() const { return End != nullptr; }
  /// Whether it ends by `delete` or reset(), not by leaving its scope.
  bool isDelete() const;
  /// Where it ends: the statement, or the closing brace of the block.
  SourceLocation location() const;
};

/// The first place, along the paths of \p Fn's CFG from a start of
/// \p Local, where \p Local is destroyed (or deleted) with no wait() nor
/// isRunning()/isFinished() on the way; empty when there is none.
///
/// With \p MayThrow, when no such place exists, the first call or `throw`
/// on those paths for which \p MayThrow holds and that no try inside
/// \p Local's scope encloses: its exception destroys a \p Local that owns
/// its thread (a value or an owning pointer) while the thread may run.
QtUnwaitedEnd
findUnwaitedEnd(const FunctionDecl *Fn, const VarDecl *Local,
                const QtThreadUses &Uses, ASTContext &Ctx,
                llvm::function_ref<bool(const Stmt *)> MayThrow = nullptr);

/// A data member that holds a started QThread its class destroys (a value,
/// an owning pointer, a pointer it deletes or a child of `this`) while no
/// function of the class in sight waits for it.
struct QtUnwaitedMember {
  const Expr *Start = nullptr;
  bool ParentedToThis = false;
  explicit operator bool() const { return Start != nullptr; }
};
QtUnwaitedMember findUnwaitedMember(const FieldDecl *Member);

/// The run() that a QThread subclass \p Method overrides, if it is one.
bool isQThreadRunOverride(const CXXMethodDecl *Method);

/// Whether \p Call is `QThread::create(f, ...)`.
bool isQThreadCreate(const CallExpr *Call);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_QTTHREADS_H
