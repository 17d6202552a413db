//===--- ValueChanges.h - Whether code may change a guarded value ---------===//
//
// A guard stops ruling a throw out when the object or key it tested changes
// before the call: `m.erase(k)`, `opt = std::nullopt`, `++i`, `v.clear()`.
// Given the code between the guard and the call (FunctionLayout::between),
// this says whether an access path may change there. When in doubt, it may:
//
// - a use of the object that writes it (assignment, increment, a non-const
//   member call other than the ones that only add elements or give access),
//   or that hands out a non-const reference or its address, changes it;
// - an object only this function can reach (a local, not a reference, whose
//   address or non-const reference never leaves the function) changes only
//   through such uses; a const object never changes;
// - anything else (a member, a global, a reference parameter) may also be
//   changed by any call to code outside the standard library, by a standard
//   call that is given a callable or a non-local object by reference, by a
//   synchronization call (another thread may run then), and by co_await.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_VALUECHANGES_H
#define THREAD_TIDY_VALUECHANGES_H

#include "analysis/FunctionLayout.h"
#include "analysis/GuardedValues.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::threads {

class ValueChanges {
public:
  explicit ValueChanges(const FunctionLayout &Layout) : Layout(Layout) {}

  /// Whether running \p Region (statements from FunctionLayout::between)
  /// may change the value at \p Path before \p Before, when given (a use
  /// by an expression around \p Before happens after it).
  bool mayChange(const AccessPath &Path, llvm::ArrayRef<const Stmt *> Region,
                 const Stmt *Before = nullptr) const;

  /// Whether \p Var is a local that keeps the value it was initialized with
  /// through the whole function.
  bool keepsInitialValue(const VarDecl *Var) const;

  /// Whether \p Var is a local declared by the function whose every value
  /// (its initializer, and the right side of each `Var = value`) passes
  /// \p IsAccepted, and that is changed no other way.
  bool assignedOnly(const VarDecl *Var,
                    llvm::function_ref<bool(const Expr *)> IsAccepted) const;

private:
  enum class Effect { Unrelated, Reads, Writes, Escapes };

  /// What the use \p Ref of the path's root does to it; the expression that
  /// does it in \p User. Adding to a container counts as a write when
  /// \p AddingWrites (a value that must stay as it was initialized).
  Effect effectOfReference(const Expr *Ref, const AccessPath &Path,
                           const Stmt **User = nullptr,
                           bool AddingWrites = false) const;
  Effect effectOfMemberCall(const CXXMethodDecl *Method,
                            bool OnPathItself) const;
  Effect effectOfArgument(const Expr *Arg, const Expr *Call) const;
  Effect effectOfInitialization(const Expr *Init, const Stmt *Decls) const;
  Effect effectOfCapture(const LambdaExpr *Lambda,
                         const AccessPath &Path) const;
  bool refersToRoot(const Stmt *S, const AccessPath &Path) const;
  bool isImmutable(const AccessPath &Path) const;
  bool isPrivate(const AccessPath &Path) const;
  bool mayRunOtherCode(const Stmt *S, const AccessPath &Path) const;
  bool cannotReach(const Expr *Written, const AccessPath &Path) const;

  const FunctionLayout &Layout;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_VALUECHANGES_H
