//===--- DiscardedValues.h - Expressions whose value nobody keeps ---------===//
//
// A thread temporary, or the future of a std::async call, whose value is
// discarded dies at the end of its statement. Finding those expressions
// with matchers on every kind of statement that can hold one (blocks,
// cases, labels, branches, loop bodies) put eight matchers per check on
// the most frequent nodes of the AST, and clang's matcher machinery
// charged each check for every one of them. The checks match the
// translation unit once and walk it here.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_DISCARDEDVALUES_H
#define THREAD_TIDY_DISCARDEDVALUES_H

#include "clang/AST/Decl.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

namespace clang::tidy::threads {

/// The binding of the declaration (the translation unit, or one function
/// definition) registerDiscardedValueScopes found.
inline constexpr llvm::StringLiteral DiscardedValueScope =
    "discarded-value-scope";

/// Registers the matcher that gives the check the code to walk, bound to
/// DiscardedValueScope: the translation unit, matched once. Even a matcher
/// per function definition costs a profiling timer for every function
/// declaration the traversal visits (a few milliseconds a check on a large
/// header), where walking the whole unit once costs less.
void registerDiscardedValueScopes(ast_matchers::MatchFinder *Finder,
                                  ast_matchers::MatchFinder::MatchCallback *CB);

/// clangd traverses only the main file's top-level declarations (its
/// traversal scope) and never visits the translation unit node: after this
/// call, registerDiscardedValueScopes matches each function definition
/// outside system headers instead (lambda call operators and template
/// instantiations included). thread-tidy-clangd calls it first thing.
void matchDiscardedValueScopesPerFunction();

/// Calls \p Visit for each expression in \p Scope (the translation unit,
/// outside system headers, or one function's body) whose value is
/// discarded: a statement of its own (in a block, a case, a label, the
/// branch of an if or the body of a loop) or a for loop's increment. In a
/// function's body, lambdas and local classes are left out: they are
/// function definitions of their own, which the matcher finds separately.
void forEachDiscardedValue(const Decl *Scope,
                           llvm::function_ref<void(const Expr *)> Visit);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_DISCARDEDVALUES_H
