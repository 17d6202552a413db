//===--- DiscardedValues.cpp ----------------------------------------------===//

#include "utils/DiscardedValues.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::threads {

namespace {

/// Set by matchDiscardedValueScopesPerFunction, for clangd.
bool PerFunctionScopes = false;

/// Walks a translation unit (WholeUnit) or one function body and reports
/// the statements that are expressions: the places where a value is
/// computed and dropped.
class DiscardedValueFinder : public RecursiveASTVisitor<DiscardedValueFinder> {
public:
  DiscardedValueFinder(llvm::function_ref<void(const Expr *)> Visit,
                       const SourceManager *WholeUnit)
      : Visit(Visit), WholeUnit(WholeUnit) {}

  bool shouldVisitTemplateInstantiations() const { return WholeUnit; }

  bool TraverseDecl(Decl *D) {
    // The library's code is not the user's to fix: skip what the system
    // headers declare, at the namespace level (members share the file).
    if (WholeUnit && D && !llvm::isa<TranslationUnitDecl>(D) &&
        D->getDeclContext()->isFileContext() &&
        WholeUnit->isInSystemHeader(D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  // In one function's body, a lambda's body and a local class's member
  // functions are definitions of their own; the matcher reaches them, so
  // walking them here would report their statements twice.
  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    return !WholeUnit || RecursiveASTVisitor::TraverseLambdaExpr(Lambda);
  }
  bool TraverseBlockExpr(BlockExpr *) { return true; }
  bool TraverseCXXRecordDecl(CXXRecordDecl *Record) {
    return !WholeUnit || RecursiveASTVisitor::TraverseCXXRecordDecl(Record);
  }

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
  const SourceManager *WholeUnit;
};

} // namespace

void registerDiscardedValueScopes(
    ast_matchers::MatchFinder *Finder,
    ast_matchers::MatchFinder::MatchCallback *CB) {
  using namespace ast_matchers;
  if (PerFunctionScopes)
    Finder->addMatcher(
        functionDecl(isDefinition(), unless(isExpansionInSystemHeader()))
            .bind(DiscardedValueScope),
        CB);
  else
    Finder->addMatcher(translationUnitDecl().bind(DiscardedValueScope), CB);
}

void matchDiscardedValueScopesPerFunction() { PerFunctionScopes = true; }

void forEachDiscardedValue(const Decl *Scope,
                           llvm::function_ref<void(const Expr *)> Visit) {
  if (const auto *Unit = llvm::dyn_cast_or_null<TranslationUnitDecl>(Scope)) {
    DiscardedValueFinder Finder(Visit,
                                &Unit->getASTContext().getSourceManager());
    Finder.TraverseDecl(const_cast<TranslationUnitDecl *>(Unit));
    return;
  }
  const auto *Fn = llvm::dyn_cast_or_null<FunctionDecl>(Scope);
  if (!Fn || !Fn->doesThisDeclarationHaveABody())
    return;
  DiscardedValueFinder Finder(Visit, /*WholeUnit=*/nullptr);
  Finder.TraverseStmt(Fn->getBody());
}

} // namespace clang::tidy::threads
