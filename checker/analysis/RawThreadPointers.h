//===--- RawThreadPointers.h - Threads owned through a raw pointer --------===//
//
// `std::thread *p = new std::thread(f)`: the pointer owns the thread as a
// unique_ptr would, but nothing destroys it at the end of the scope. A
// `delete p` of a thread that is still joinable calls std::terminate; a
// thread that is never deleted nor joined leaks and runs unowned. A pointer
// that is copied, stored, returned or passed anywhere has another owner
// that may join or delete the thread, and is left alone.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_RAWTHREADPOINTERS_H
#define THREAD_TIDY_RAWTHREADPOINTERS_H

#include "analysis/TrackedThreadTypes.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::threads {

/// Whether \p T is a raw pointer to a tracked thread.
bool isRawThreadPointer(QualType T, const TrackedThreadTypes &Types);

/// What the code in sight does with a raw pointer that owns a thread.
struct RawPointerUses {
  /// The first `new std::thread(f)` that gives the pointer a started thread.
  const Expr *FirstStart = nullptr;
  /// The `delete p`s, in the order they are found.
  llvm::SmallVector<const CXXDeleteExpr *, 2> Deletes;
  /// Some use joins or detaches the thread (`p->join()`, `(*p).detach()`).
  bool Joined = false;
  /// Some use gives another entity the pointer or the thread: then the
  /// thread's fate is not decided here.
  bool Escapes = false;
};

/// Collects what the uses of one raw thread pointer (a local variable, or a
/// data member reached through `this`) do.
class RawThreadPointerUses {
public:
  explicit RawThreadPointerUses(const TrackedThreadTypes &Types)
      : Types(Types) {}

  /// The pointer's initializer (of its declaration, or of a constructor's
  /// member initializer).
  void addInitializer(const Expr *Init);
  /// Every use of \p Owner below \p Root.
  void addUsesIn(const Stmt *Root, const ValueDecl *Owner);

  const RawPointerUses &uses() const { return Uses; }

private:
  const TrackedThreadTypes &Types;
  RawPointerUses Uses;

  /// Whether \p Value (what is stored in the pointer) is a new thread that
  /// is started.
  bool isNewStartedThread(const Expr *Value) const;
  void noteStart(const Expr *Value);
  /// Records what the reference \p Ref does, given the parents of its body.
  void classify(const Expr *Ref, const ParentMap &Parents);
  /// The thread reached through the pointer (`p->`, `*p`) at \p Access.
  void classifyThreadAccess(const Expr *Access, const ParentMap &Parents);
  /// `p = ...`: \p Assigned is the new value.
  void classifyAssignment(const Expr *Assigned);
};

/// What the function body \p Body does with its local raw pointer \p Owner.
/// A `delete` written before the first start is left out.
RawPointerUses rawPointerUsesOfLocal(const VarDecl *Owner, const Stmt *Body,
                                     const TrackedThreadTypes &Types);

/// What the member functions \p Functions (from
/// collectVisibleMemberFunctions) and the member initializers of a class do
/// with its raw pointer member \p Member.
RawPointerUses
rawPointerUsesOfMember(const FieldDecl *Member,
                       llvm::ArrayRef<const FunctionDecl *> Functions,
                       const TrackedThreadTypes &Types);

/// Matches a raw pointer to a tracked thread.
AST_MATCHER_P(QualType, isRawTrackedThreadPointer, const TrackedThreadTypes *,
              Types) {
  return isRawThreadPointer(Node, *Types);
}

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_RAWTHREADPOINTERS_H
