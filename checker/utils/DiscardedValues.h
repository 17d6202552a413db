//===--- DiscardedValues.h - Expressions whose value nobody keeps ---------===//
//
// A thread temporary, or the future of a std::async call, whose value is
// discarded dies at the end of its statement. Finding those expressions
// with matchers on every kind of statement that can hold one (blocks,
// cases, labels, branches, loop bodies) put eight matchers per check on
// the most frequent nodes of the AST, and clang's matcher machinery
// charged each check for every one of them. Functions are far fewer than
// statements: the checks match each function definition once and walk
// its body here.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_DISCARDEDVALUES_H
#define THREAD_TIDY_DISCARDEDVALUES_H

#include "clang/AST/Decl.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

namespace clang::tidy::threads {

/// The binding of the function definition whose body the matcher of
/// registerDiscardedValueScopes found.
inline constexpr llvm::StringLiteral DiscardedValueScope =
    "discarded-value-scope";

/// Registers a matcher for every function definition outside system
/// headers (lambda call operators and template instantiations included),
/// bound to DiscardedValueScope: the check then hands it to
/// forEachDiscardedValue.
void registerDiscardedValueScopes(ast_matchers::MatchFinder *Finder,
                                  ast_matchers::MatchFinder::MatchCallback *CB);

/// Calls \p Visit for each expression in the body of \p Fn whose value is
/// discarded: a statement of its own (in a block, a case, a label, the
/// branch of an if or the body of a loop) or a for loop's increment.
/// Lambdas and local classes in the body are left out: they are function
/// definitions of their own, which the matcher finds separately.
void forEachDiscardedValue(const FunctionDecl *Fn,
                           llvm::function_ref<void(const Expr *)> Visit);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_DISCARDEDVALUES_H
