//===--- AstMatchers.h - Matchers that know nothing about threads ---------===//
//
// Matcher building blocks the checks share. Each looks down from the node it
// starts at: asking a node for its parents builds the AST parent map, which
// costs more than all the checks together on a large translation unit.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_ASTMATCHERS_H
#define THREAD_TIDY_ASTMATCHERS_H

#include "utils/AstUtils.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace clang::tidy::threads {

/// Matches \p E after the wrappers a temporary gets (implicit casts,
/// parentheses, cleanups, functional casts, elided copies) are stripped:
/// lets matchers look down from a declaration or a call to the value it
/// receives, without the cost of a parent map.
AST_MATCHER_P(Expr, ignoringTemporaryWrappers,
              ast_matchers::internal::Matcher<Expr>, Inner) {
  return Inner.matches(*stripTemporaryWrappers(&Node, ElidedCopies::Strip),
                       Finder, Builder);
}

/// Matches the variables whose declaration did not compile (see
/// declarationHasErrors).
AST_MATCHER(VarDecl, hasDeclarationWithErrors) {
  return declarationHasErrors(&Node);
}

/// Matches the local variables outside system headers, parameters aside,
/// whose type matches \p Type: where a check's look at a function starts.
/// A variable whose declaration did not compile is left out: nothing about
/// it is known.
inline ast_matchers::internal::BindableMatcher<Decl>
localVariable(const ast_matchers::internal::Matcher<QualType> &Type) {
  using namespace ast_matchers;
  return varDecl(hasLocalStorage(), unless(parmVarDecl()),
                 unless(isExpansionInSystemHeader()), hasType(Type),
                 unless(hasDeclarationWithErrors()));
}

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_ASTMATCHERS_H
