//===--- DiscardedValues.cpp ----------------------------------------------===//

#include "utils/DiscardedValues.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::threads {

namespace {

/// Walks one function body and reports the statements that are
/// expressions: the places where a value is computed and dropped.
class DiscardedValueFinder : public RecursiveASTVisitor<DiscardedValueFinder> {
public:
  explicit DiscardedValueFinder(llvm::function_ref<void(const Expr *)> Visit)
      : Visit(Visit) {}

  // A lambda's body and a local class's member functions are definitions
  // of their own; the matcher reaches them, so walking them here would
  // report their statements twice.
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool TraverseBlockExpr(BlockExpr *) { return true; }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }

  bool VisitCompoundStmt(CompoundStmt *Block) {
    for (Stmt *Child : Block->body())
      visitStatement(Child);
    return true;
  }
  bool VisitSwitchCase(SwitchCase *Case) {
    visitStatement(Case->getSubStmt());
    return true;
  }
  bool VisitLabelStmt(LabelStmt *Label) {
    visitStatement(Label->getSubStmt());
    return true;
  }
  bool VisitIfStmt(IfStmt *If) {
    visitStatement(If->getThen());
    visitStatement(If->getElse());
    return true;
  }
  bool VisitWhileStmt(WhileStmt *While) {
    visitStatement(While->getBody());
    return true;
  }
  bool VisitDoStmt(DoStmt *Do) {
    visitStatement(Do->getBody());
    return true;
  }
  bool VisitForStmt(ForStmt *For) {
    visitStatement(For->getBody());
    visitStatement(For->getInc());
    return true;
  }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *For) {
    visitStatement(For->getBody());
    return true;
  }

private:
  void visitStatement(const Stmt *S) {
    if (const auto *E = llvm::dyn_cast_or_null<Expr>(S))
      Visit(E);
  }

  llvm::function_ref<void(const Expr *)> Visit;
};

} // namespace

void registerDiscardedValueScopes(
    ast_matchers::MatchFinder *Finder,
    ast_matchers::MatchFinder::MatchCallback *CB) {
  using namespace ast_matchers;
  Finder->addMatcher(
      functionDecl(isDefinition(), unless(isExpansionInSystemHeader()))
          .bind(DiscardedValueScope),
      CB);
}

void forEachDiscardedValue(const FunctionDecl *Fn,
                           llvm::function_ref<void(const Expr *)> Visit) {
  if (!Fn || !Fn->doesThisDeclarationHaveABody())
    return;
  DiscardedValueFinder Finder(Visit);
  Finder.TraverseStmt(Fn->getBody());
}

} // namespace clang::tidy::threads
