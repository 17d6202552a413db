//===--- ThreadUseClassifier.h - What each use of a thread owner does -----===//
//
// Given an owner of threads (a local variable or a data member whose type is a
// tracked thread, a container of threads, a unique_ptr to one or an optional
// of one), finds every
// reference to it in a function body and says what that reference does to
// the owned threads: starts one, joins/detaches one, hands it to someone else
// (escape), or only looks at it. The lifetime checks build on this; it knows
// the shapes real code uses (element access, range-for, iterators, algorithms
// with joining callables, RAII guards taking a reference, std::move).
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_THREADUSECLASSIFIER_H
#define THREAD_TIDY_THREADUSECLASSIFIER_H

#include "analysis/TrackedThreadTypes.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::threads {

enum class ThreadUseKind {
  Start,  ///< Makes the owner hold a started thread.
  Join,   ///< Calls one of the JoinMethods on an owned thread.
  Escape, ///< Gives another entity the power to join or move it.
  Query,  ///< Anything else: observes, or is neutral for joinability.
};

struct ThreadUse {
  ThreadUseKind Kind;
  /// The expression that performs the use (the call, assignment, ...).
  const Stmt *Site;
  /// True when the use is a plain member call on the owner itself (e.g.
  /// `t.joinable()`); such uses keep compiling if the owner's type changes
  /// to another thread class.
  bool IsMemberCallOnOwner = false;
  /// For a Start: the thread starts detached (a handle API's create with
  /// attributes set to PTHREAD_CREATE_DETACHED), so nothing has to join it.
  bool StartsDetached = false;
};

/// Whether after \p Use the owner no longer has to join the thread: it was
/// joined or detached, or handed to code that may do it.
inline bool joinsOrHandsOver(const ThreadUse &Use) {
  return Use.Kind == ThreadUseKind::Join || Use.Kind == ThreadUseKind::Escape ||
         Use.StartsDetached;
}

class ThreadUseClassifier {
public:
  /// \p Body is the function body in which the owner is used.
  ThreadUseClassifier(const Stmt *Body, const TrackedThreadTypes &Types);

  /// Appends a ThreadUse for every reference to \p Owner in the body. Refs
  /// are DeclRefExprs for variables and MemberExprs for fields.
  void collectUses(const ValueDecl *Owner, ThreadOwnerKind Kind,
                   llvm::SmallVectorImpl<ThreadUse> &Uses);

  /// Classifies one reference \p Ref to an owner of kind \p Kind.
  ThreadUse classify(const Expr *Ref, ThreadOwnerKind Kind);

private:
  const Stmt *Body;
  const TrackedThreadTypes &Types;
  ParentMap Parents;
  unsigned Depth = 0;

  /// What \p Parent, the node that uses the owner's value, does with it;
  /// \p Child is its child on the way to the owner.
  ThreadUse classifyUseIn(const Stmt *Parent, const Stmt *Child,
                          ThreadOwnerKind Kind);
  /// `owner.method(...)`, by the kind of owner.
  ThreadUse classifyMemberCall(const MemberExpr *Member, ThreadOwnerKind Kind);
  ThreadUse classifyThreadMember(const CXXMemberCallExpr *Call,
                                 llvm::StringRef Name);
  ThreadUse classifyUniquePtrMember(const CXXMemberCallExpr *Call,
                                    llvm::StringRef Name);
  ThreadUse classifyOptionalMember(const CXXMemberCallExpr *Call);
  /// `owner = ...`, `*owner`, `owner[i]`, `&owner`, or the owner as an
  /// operator's argument.
  ThreadUse classifyOperator(const CXXOperatorCallExpr *Op, const Stmt *Child,
                             ThreadOwnerKind Kind);
  /// The owner initializing a variable (a reference to it, a copy), or as
  /// the range of a range-for.
  ThreadUse classifyDeclaration(const DeclStmt *Decls, const Stmt *Child,
                                ThreadOwnerKind Kind);
  ThreadUse classifyElement(const Expr *Element);
  ThreadUse classifyContainerMember(const CXXMemberCallExpr *Call,
                                    llvm::StringRef Name);
  ThreadUse classifyIterator(const Expr *Iterator);
  ThreadUse classifyAliasVariable(const VarDecl *Alias, const Stmt *AliasSite,
                                  bool ViaDeref);
  ThreadUse classifyArgument(const Stmt *Call, const Expr *Arg);
  /// A use of a handle (`pthread_t`, `thrd_t`) or of an array of them.
  ThreadUse classifyHandleUse(const Stmt *Parent, const Stmt *Child,
                              ThreadOwnerKind Kind);
  /// `&handle`: created by a create call, or handed to anyone else.
  ThreadUse classifyHandleAddress(const UnaryOperator *AddrOf);
  /// The handle's value passed to \p Call.
  ThreadUse classifyHandleArgument(const CallExpr *Call, const Expr *Arg);
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_THREADUSECLASSIFIER_H
