//===--- AstMatchers.cpp --------------------------------------------------===//

#include "utils/AstMatchers.h"

namespace clang::tidy::threads {

void registerDiscardedValueMatchers(
    ast_matchers::MatchFinder *Finder,
    ast_matchers::MatchFinder::MatchCallback *Callback,
    const ast_matchers::internal::Matcher<Expr> &Value) {
  using namespace ast_matchers;
  auto Outside = unless(isExpansionInSystemHeader());
  auto Statement = expr(Value);
  Finder->addMatcher(compoundStmt(Outside, forEach(Statement)), Callback);
  Finder->addMatcher(switchCase(Outside, forEach(Statement)), Callback);
  Finder->addMatcher(labelStmt(Outside, forEach(Statement)), Callback);
  Finder->addMatcher(
      ifStmt(Outside, eachOf(hasThen(Statement), hasElse(Statement))),
      Callback);
  Finder->addMatcher(whileStmt(Outside, hasBody(Statement)), Callback);
  Finder->addMatcher(doStmt(Outside, hasBody(Statement)), Callback);
  Finder->addMatcher(
      forStmt(Outside, eachOf(hasBody(Statement), hasIncrement(Statement))),
      Callback);
  Finder->addMatcher(cxxForRangeStmt(Outside, hasBody(Statement)), Callback);
}

} // namespace clang::tidy::threads
