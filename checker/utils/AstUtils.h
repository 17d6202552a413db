//===--- AstUtils.h - Small questions about AST nodes ---------------------===//
//
// Helpers that know nothing about threads: what wraps a temporary, which
// std:: function a call names. Everything thread-specific lives in
// analysis/.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_ASTUTILS_H
#define THREAD_TIDY_ASTUTILS_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <initializer_list>

namespace clang::tidy::threads {

/// Whether stripTemporaryWrappers also looks through the elided copy or move
/// construction of a temporary (C++11/14 spell them out; since C++17 most
/// are gone).
enum class ElidedCopies { Keep, Strip };

/// Strips what wraps a temporary (implicit casts, parentheses, cleanups,
/// functional casts, and elided copies if asked) down to the expression
/// that produces the value.
const Expr *stripTemporaryWrappers(const Expr *E,
                                   ElidedCopies Copies = ElidedCopies::Keep);

/// The function that declares the local variable \p Local; null when a
/// block or another non-function context does.
const FunctionDecl *functionDeclaring(const VarDecl *Local);

/// The definition of \p FD when its body (that of any redeclaration) is in
/// the translation unit; null otherwise.
const FunctionDecl *visibleDefinition(const FunctionDecl *FD);

/// The definition of \p FD when thread-tidy looks inside it: visible, not a
/// template pattern (nothing is resolved there), and not in a system header
/// (library code is described by options instead). Null otherwise.
const FunctionDecl *userDefinition(const FunctionDecl *FD);

/// Whether \p E is code that did not compile: clang keeps it as a recovery
/// expression (or an expression around one). No finding may rest on it: a
/// thread built from it is not known to be default-constructed, nor a call
/// known to run anything.
bool hasErrors(const Expr *E);

/// Whether the declaration of \p Var did not compile: it is invalid, its
/// initializer has errors (see hasErrors), or clang dropped the constructor
/// call that did not compile (a local of a class type with no initializer).
bool declarationHasErrors(const VarDecl *Var);

/// Whether \p FD is the call operator of a lambda's closure class.
bool isLambdaCallOperator(const FunctionDecl *FD);

/// The variable \p E names (a DeclRefExpr, through parentheses and implicit
/// casts); null for anything else.
const VarDecl *referencedVariable(const Expr *E);

/// The data member \p E names through `this` (`m_`, `this->m_`, through
/// parentheses and implicit casts); null for anything else.
const ValueDecl *memberOfThis(const Expr *E);

/// Whether \p E is `this`, through parentheses and implicit casts.
bool isThis(const Expr *E);

/// Whether \p E is `this` or `*this`: the object itself handed on, by
/// pointer or by reference.
bool isThisObject(const Expr *E);

/// The member function that \p S calls on `this` (`stop()`,
/// `this->stop()`), when \p S is such a call; null otherwise.
const CXXMethodDecl *methodCalledOnThis(const Stmt *S);

/// Whether a walk of statements goes into lambda expressions. A lambda's
/// body runs when the lambda is called, not where it is written.
enum class Lambdas { Enter, Skip };

/// Calls \p Visit on \p S and on every statement below it, each before its
/// children, in source order. With Lambdas::Skip, lambda expressions (their
/// captures and bodies) are left out.
void forEachStmtIn(const Stmt *S, Lambdas InLambdas,
                   llvm::function_ref<void(const Stmt *)> Visit);

/// Calls \p Visit on every statement below \p S that is inside a lambda
/// expression (its captures' initializers, its body): code whose time of
/// running the enclosing function's CFG does not show.
void forEachStmtInClosures(const Stmt *S,
                           llvm::function_ref<void(const Stmt *)> Visit);

/// Whether \p Pred holds for \p S or for a statement below it, lambdas
/// included.
bool anyStmtIn(const Stmt *S, llvm::function_ref<bool(const Stmt *)> Pred);

/// The body of \p S when it is a loop (`for`, range-for, `while`, `do`);
/// null for any other statement.
const Stmt *loopBody(const Stmt *S);

/// Every reference to \p Owner below \p S, lambdas included: DeclRefExprs
/// of a variable, and MemberExprs naming a field through `this`.
void findReferences(const Stmt *S, const ValueDecl *Owner,
                    llvm::SmallVectorImpl<const Expr *> &Refs);

/// Whether \p E, casts aside, calls `malloc`, `calloc` or `realloc` of
/// the C library (a fresh heap block).
bool isHeapAllocation(const Expr *E);

/// Whether \p Call calls the C library's `free`.
bool isHeapRelease(const CallExpr *Call);

/// Whether \p E, implicit casts aside, is a null pointer written as such:
/// `nullptr`, `NULL` (GNU's `__null`) or the literal `0`.
bool isNullPointerLiteral(const Expr *E);

/// Whether the CFG builder can be trusted with \p Fn: it has a body and
/// neither it nor its class failed to compile (code that did not compile
/// can crash the builder, and no finding rests on it anyway).
bool isCfgBuildable(const FunctionDecl *Fn);

/// How the statement \p Site leaves a scope, for a message ("this
/// 'return'", "this 'break'"); empty for the end of the scope itself.
llvm::StringRef exitKeyword(const Stmt *Site);

/// The function the call or construction \p S calls (the constructor, for a
/// construction); null for any other statement and for indirect calls.
const FunctionDecl *calleeOf(const Stmt *S);

/// The arguments of the call or construction \p S (for an operator call, the
/// object first); empty for any other statement.
llvm::ArrayRef<const Expr *> argumentsOf(const Stmt *S);

/// The first template argument of the class template specialization \p RD
/// when it is a type (a container's element type, what a smart pointer
/// owns); null otherwise.
QualType firstTemplateTypeArgument(const CXXRecordDecl *RD);

/// The nearest ancestor of \p S in \p Parents that is not a paren, an
/// implicit cast or a temporary's wrapper (materialization, binding,
/// cleanups): the node that does something with \p S's value. \p Child is
/// set to the direct child of that ancestor on the way up. Null at the root.
const Stmt *semanticParent(const ParentMap &Parents, const Stmt *S,
                           const Stmt *&Child);
inline const Stmt *semanticParent(const ParentMap &Parents, const Stmt *S) {
  const Stmt *Child = nullptr;
  return semanticParent(Parents, S, Child);
}

/// Whether \p FD is std::move or std::forward: its result hands the
/// argument's value on.
bool isStdMoveOrForward(const FunctionDecl *FD);

/// \p E without what hands a value on unchanged: temporaries' wrappers,
/// std::move and std::forward, copy and move constructions.
const Expr *handedOnValue(const Expr *E);

/// Whether a value of type \p T can be called: a function, a pointer to
/// a function or member, a block, a lambda, or a class with an
/// operator() of its own or from a base (std::function, a functor).
bool isCallableType(QualType T);

/// Whether \p D is declared directly in namespace std (through inline
/// namespaces) with one of \p Names: `std::pair`, `std::atomic`,
/// `std::function`. Compares identifiers; builds no string.
bool isStdDeclNamed(const NamedDecl *D,
                    std::initializer_list<llvm::StringRef> Names);

/// Whether \p FD is a std:: function with one of \p Names (std::move,
/// std::ref, ...), through inline namespaces.
bool isStdFunctionNamed(const FunctionDecl *FD,
                        std::initializer_list<llvm::StringRef> Names);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_ASTUTILS_H
