//===--- FunctionLayout.h - What may run between two points of a function -===//
//
// A guard is only worth something if nothing between it and the guarded call
// undoes it. This numbers the statements of one function body in source
// order (a pre-order walk, with each subtree a contiguous range) and keeps a
// function-local parent map, so that "the code that may run after the guard
// and before the call" is a few ranges: what follows the guard up to the
// call, without the branch not taken, with whole loops that contain the call
// but not the guard (their next iteration runs again before the call), and
// with the rest of the call's full expression (whose order is unspecified).
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_FUNCTIONLAYOUT_H
#define THREAD_TIDY_FUNCTIONLAYOUT_H

#include "clang/AST/Decl.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <vector>

namespace clang::tidy::threads {

class FunctionLayout {
public:
  /// Lays out the body of \p Function, which must have one.
  explicit FunctionLayout(const FunctionDecl *Function);

  const FunctionDecl *function() const { return Function; }
  const Stmt *body() const { return Body; }
  const Stmt *parentOf(const Stmt *S) const;
  bool contains(const Stmt *S) const { return Range.count(S); }
  /// Whether \p Inner is \p Outer or inside it.
  bool isWithin(const Stmt *Inner, const Stmt *Outer) const;
  /// Whether the body has a `goto`: then no point dominates another by
  /// its place in the code alone.
  bool hasGoto() const { return HasGoto; }

  /// The statements that may run after \p From (once it has been evaluated)
  /// and before \p To, appended to \p Out. Returns false when that cannot be
  /// told from the code's shape (\p To is not after \p From).
  bool between(const Stmt *From, const Stmt *To,
               std::vector<const Stmt *> &Out) const;

  /// Every statement of the body, in order.
  const std::vector<const Stmt *> &statements() const { return Order; }

  /// The statement that declares the local \p Var, if the body does.
  const Stmt *declarationOf(const VarDecl *Var) const;

  /// The expressions that name \p Var (a DeclRefExpr, or a MemberExpr for
  /// a static member); with null, the `this` expressions.
  llvm::ArrayRef<const Expr *> referencesTo(const VarDecl *Var) const;

private:
  struct Span {
    unsigned First; ///< The statement's own position.
    unsigned Last;  ///< The last position of its subtree.
  };
  void number(const Stmt *S);
  void indexReference(const Stmt *S);
  const Stmt *commonAncestor(const Stmt *A, const Stmt *B) const;
  const Stmt *fullExpressionOf(const Stmt *S) const;
  void collectSkippedBranches(const Stmt *From, const Stmt *To,
                              const Stmt *Ancestor,
                              std::vector<Span> &Skipped) const;
  void addRepeatedLoops(const Stmt *From, const Stmt *To, const Stmt *Ancestor,
                        std::vector<Span> &Whole) const;

  const FunctionDecl *Function;
  const Stmt *Body;
  ParentMap Parents;
  std::vector<const Stmt *> Order;
  llvm::DenseMap<const Stmt *, Span> Range;
  llvm::DenseMap<const Decl *, llvm::SmallVector<const Expr *, 4>> References;
  llvm::DenseMap<const Decl *, const Stmt *> Declarations;
  bool HasGoto = false;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_FUNCTIONLAYOUT_H
