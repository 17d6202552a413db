//===--- TypeErasedCalls.h - What a call through type erasure may run -----===//
//
// A pool worker pops a `std::function<void()>` from a queue and calls it; a
// callback member is called by the thread that owns it. The call names no
// function: clang sees `std::function::operator()` or a function pointer.
// This analysis answers "which functions of this translation unit may that
// call run, and where did each enter the erasure": it follows the callable
// back through the places that hold it (a local, a data member, a container
// member read with `front()`/`top()`/`[]`, a struct's field, a map's mapped
// value: ErasedHolderFields), the values stored into those
// places (`push`, `emplace`, `push_back`, `insert`, assignment, initializers),
// and the parameters they came from, to the arguments of every visible call
// (`pool.submit([] { ... })`), until it reaches a lambda, a functor or a
// named function.
//
// The flow is per translation unit: it knows what is visible there and
// nothing else. A callable that comes from a call it cannot see (a library's
// public `submit` that nothing in the unit calls) has no targets; callers
// keep their previous answer for it. The index of stores and call sites is
// built on the first question, so a unit that never asks pays nothing.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_TYPEERASEDCALLS_H
#define THREAD_TIDY_TYPEERASEDCALLS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::threads {

/// A function that a type-erased call may run.
struct ErasedCallTarget {
  /// The lambda's or functor's call operator, or the named function.
  const FunctionDecl *Function = nullptr;
  /// Where the callable was handed over: the lambda, the argument of the
  /// visible call that submitted it (`pool.submit(task)`), or the store.
  SourceLocation SubmittedAt;
  /// The outermost visible call whose argument it was (`pool.submit(task)`);
  /// null when it was stored without one.
  const Expr *SubmittedBy = nullptr;
};

using ErasedCallTargets = llvm::SmallVector<ErasedCallTarget, 2>;

class TypeErasedCalls {
public:
  /// Steps followed back from a call before giving up (silence, not a
  /// guess), and targets kept per call.
  static constexpr unsigned MaxSteps = 10;
  static constexpr unsigned MaxTargets = 16;

  /// The expression that holds the callable when \p S is a call through
  /// type erasure: the object of a `std::function` (or
  /// `std::move_only_function`, `std::copyable_function`, `boost::function`)
  /// call, or the callee of a call through a pointer to a function. Null for
  /// any other statement, and for calls of named functions and functors.
  static const Expr *erasedCallee(const Stmt *S);

  /// The functions that the call whose callable is \p Callable (see
  /// erasedCallee) may run, each with where it was submitted; empty when
  /// nothing visible flows into it.
  ErasedCallTargets targetsOf(const Expr *Callable, ASTContext &Ctx);

  /// The overrides of the virtual member function \p Method that a call
  /// of it through a base may run: every function of the translation unit
  /// that overrides it, directly or through other overrides. Empty when the
  /// call cannot dispatch (\p Call names it qualified, or the method or the
  /// object's class is `final`).
  llvm::SmallVector<const CXXMethodDecl *, 2>
  overridesCalledBy(const CXXMemberCallExpr *Call, ASTContext &Ctx);

  /// Forgets the index of the previous translation unit.
  void reset();

private:
  friend class ErasedFlowIndexer;

  void index(ASTContext &Ctx);
  void addSourcesOf(const Expr *E, SourceLocation SubmittedAt, unsigned Steps,
                    ErasedCallTargets &Out);
  void addSourcesOfHolder(const Decl *Holder, SourceLocation SubmittedAt,
                          unsigned Steps, ErasedCallTargets &Out);
  bool hasVisibleCalls(const ParmVarDecl *Param) const;
  void addSourcesOfParameter(const ParmVarDecl *Param, unsigned Steps,
                             ErasedCallTargets &Out);
  void addTarget(const FunctionDecl *FD, SourceLocation SubmittedAt,
                 ErasedCallTargets &Out);

  /// What one walk of a translation unit finds. Every check's analysis asks
  /// about the same unit, so one index per thread serves them all; any of
  /// them starting a new unit (reset) clears it.
  struct FlowIndex {
    const ASTContext *Indexed = nullptr;
    /// A variable or data member that holds callables (itself, or as the
    /// elements of a container) -> the values stored into it.
    llvm::DenseMap<const Decl *, llvm::SmallVector<const Expr *, 4>> Stores;
    /// A visible call of a function: a call or construction of it, or a
    /// standard call that runs it with the arguments that follow it
    /// (`std::thread(run, task)`, `std::async(run, task)`). Its parameter I
    /// binds to argument FirstArgument + I of Site.
    struct CallSite {
      const Expr *Site;
      unsigned FirstArgument;
    };
    /// A function with a parameter of callable type -> its visible calls.
    llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<CallSite, 4>>
        CallSites;
    /// A virtual member function -> the functions that override it directly.
    llvm::DenseMap<const CXXMethodDecl *,
                   llvm::SmallVector<const CXXMethodDecl *, 2>>
        Overrides;
  };
  static FlowIndex &sharedIndex();

  /// The places being followed: a cycle (a task that resubmits itself)
  /// ends there.
  llvm::DenseSet<const void *> Following;
  /// The visible call whose argument is being followed.
  const Expr *Submission = nullptr;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_TYPEERASEDCALLS_H
