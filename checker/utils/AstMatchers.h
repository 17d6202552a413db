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

/// Matches the definition of a member function named \p Name that
/// overrides a virtual one. Tried on every method of the unit (those of
/// the standard headers too), so it looks at the identifier first:
/// hasName would print the name of every constructor and operator.
AST_MATCHER_P(CXXMethodDecl, isOverridingDefinitionNamed, std::string, Name) {
  const IdentifierInfo *Id = Node.getIdentifier();
  return Id && Id->getName() == Name && Node.isThisDeclarationADefinition() &&
         Node.size_overridden_methods() > 0;
}

/// Matches a call of the member function \p Method of a class named
/// \p Class (any namespace: the caller checks the rest). Tried on every
/// call of the unit, so it compares identifiers only: a qualified hasName
/// would print the name of every operator called.
AST_MATCHER_P2(CallExpr, callsMemberNamed, std::string, Class, std::string,
               Method) {
  const auto *Callee =
      llvm::dyn_cast_or_null<CXXMethodDecl>(Node.getDirectCallee());
  if (!Callee || !Callee->getIdentifier() || Callee->getName() != Method)
    return false;
  const IdentifierInfo *Owner = Callee->getParent()->getIdentifier();
  return Owner && Owner->getName() == Class;
}

/// Matches the variables whose declaration did not compile (see
/// declarationHasErrors).
AST_MATCHER(VarDecl, hasDeclarationWithErrors) {
  return declarationHasErrors(&Node);
}

/// Matches a declaration statement once for each variable it declares that
/// \p Inner matches, each match with that variable's bindings.
AST_MATCHER_P(DeclStmt, forEachDeclaredVariable,
              ast_matchers::internal::Matcher<VarDecl>, Inner) {
  ast_matchers::internal::BoundNodesTreeBuilder Result;
  bool Matched = false;
  for (const Decl *D : Node.decls()) {
    const auto *Var = llvm::dyn_cast<VarDecl>(D);
    if (!Var)
      continue;
    ast_matchers::internal::BoundNodesTreeBuilder VarBuilder(*Builder);
    if (Inner.matches(*Var, Finder, &VarBuilder)) {
      Matched = true;
      Result.addMatch(VarBuilder);
    }
  }
  *Builder = std::move(Result);
  return Matched;
}

/// Matches the declaration statements outside system headers that declare
/// a local variable, parameters aside, whose type matches \p Type, once per
/// such variable, bound to \p Binding: where a check's look at a function
/// starts. A variable whose declaration did not compile is left out:
/// nothing about it is known.
///
/// The matcher starts at the statement, not at the variable: a variable
/// matcher would also be tried on every parameter of every function the
/// unit declares (most of them in the standard headers), ten times more
/// nodes than there are declaration statements.
inline ast_matchers::StatementMatcher
localVariable(const ast_matchers::internal::Matcher<QualType> &Type,
              llvm::StringRef Binding) {
  using namespace ast_matchers;
  return declStmt(
      unless(isExpansionInSystemHeader()),
      forEachDeclaredVariable(varDecl(hasLocalStorage(), hasType(Type),
                                      unless(hasDeclarationWithErrors()))
                                  .bind(Binding)));
}

/// A type of local variable a check looks at, and the name its variables
/// are bound to.
struct LocalVariableType {
  ast_matchers::internal::Matcher<QualType> Type;
  std::string Binding;
};

/// Matches a declaration statement once for each local variable (as
/// localVariable sees them) and each of \p Types the variable has, bound
/// to that type's binding: variable by variable, types in the order given.
AST_MATCHER_P(DeclStmt, forEachLocalVariableOfType,
              std::vector<LocalVariableType>, Types) {
  ast_matchers::internal::BoundNodesTreeBuilder Result;
  bool Matched = false;
  for (const Decl *D : Node.decls()) {
    const auto *Var = llvm::dyn_cast<VarDecl>(D);
    if (!Var || !Var->hasLocalStorage() || Var->getType().isNull() ||
        declarationHasErrors(Var))
      continue;
    for (const LocalVariableType &Type : Types) {
      ast_matchers::internal::BoundNodesTreeBuilder VarBuilder(*Builder);
      if (!Type.Type.matches(Var->getType(), Finder, &VarBuilder))
        continue;
      VarBuilder.setBinding(Type.Binding, DynTypedNode::create(*Var));
      Result.addMatch(VarBuilder);
      Matched = true;
    }
  }
  *Builder = std::move(Result);
  return Matched;
}

/// localVariable for several types in one matcher: each matcher a check
/// registers is tried on every declaration statement of the unit, and
/// clang's loop costs about as much per matcher as the tests themselves.
inline ast_matchers::StatementMatcher
localVariables(std::vector<LocalVariableType> Types) {
  using namespace ast_matchers;
  return declStmt(unless(isExpansionInSystemHeader()),
                  forEachLocalVariableOfType(std::move(Types)));
}

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_ASTMATCHERS_H
