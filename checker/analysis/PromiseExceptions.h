//===--- PromiseExceptions.h - Can a promise ever hold an exception -------===//
//
// A future obtained from std::promise::get_future() only carries an exception
// when someone calls set_exception (or set_exception_at_thread_exit) on that
// promise. A local promise used only through get_future() and set_value*()
// in its function, or a data member used only that way anywhere in the
// translation unit, never holds one. A promise used otherwise (handed to a
// function, moved, reached through a pointer) may, when some code in the
// translation unit calls set_exception*() on a promise of its type.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_PROMISEEXCEPTIONS_H
#define THREAD_TIDY_PROMISEEXCEPTIONS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::threads {

class PromiseExceptions {
public:
  explicit PromiseExceptions(ASTContext &Context) : Context(Context) {}

  /// Whether the future that \p FutureSource produces may carry an
  /// exception: it does unless \p FutureSource is `promise.get_future()`
  /// (through temporaries and elided copies) and the promise cannot hold
  /// one.
  bool mayCarryException(const Expr *FutureSource);

private:
  /// Whether some code in the translation unit may store an exception in
  /// \p Promise, a local variable or data member: it is used otherwise than
  /// with get_future() and set_value*(), and some code calls set_exception*()
  /// on a promise of its type (that code may be the one it is handed to).
  bool mayHoldException(const ValueDecl *Promise);

  /// The code in which every use of \p Promise is found: its function's
  /// body for a local, the whole translation unit for a data member; null
  /// for promises whose uses cannot all be seen (parameters, globals).
  const Decl *scopeOfUses(const ValueDecl *Promise) const;

  /// Whether code outside system headers calls set_exception*() on a
  /// promise of class \p PromiseClass.
  bool someoneSetsException(const CXXRecordDecl *PromiseClass);

  ASTContext &Context;
  llvm::DenseMap<const CXXRecordDecl *, bool> SetsException;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_PROMISEEXCEPTIONS_H
