//===--- TemplateInstantiations.cpp ---------------------------------------===//

#include "utils/TemplateInstantiations.h"
#include "utils/AstUtils.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/raw_ostream.h"

namespace clang::tidy::threads {

namespace {

/// Where \p D was requested when it is an instantiated function (also a
/// member function of an instantiated class) or class; invalid otherwise.
/// A lambda's closure class is rebuilt with its function, not instantiated.
SourceLocation pointOfInstantiation(const Decl *D) {
  if (const auto *Function = llvm::dyn_cast<FunctionDecl>(D))
    if (isTemplateInstantiation(Function->getTemplateSpecializationKind()))
      return Function->getPointOfInstantiation();
  if (const auto *Class = llvm::dyn_cast<ClassTemplateSpecializationDecl>(D))
    if (isTemplateInstantiation(Class->getSpecializationKind()))
      return Class->getPointOfInstantiation();
  return {};
}

std::string nameWithTemplateArguments(const NamedDecl *D) {
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  D->getNameForDiagnostic(OS, D->getASTContext().getPrintingPolicy(),
                          /*Qualified=*/true);
  return OS.str();
}

/// Lists the instantiated function definitions outside system headers.
/// Only declarations are walked: a function's statements are not needed to
/// find it, and skipping them keeps the walk cheap.
class InstantiatedFunctionLister
    : public RecursiveASTVisitor<InstantiatedFunctionLister> {
public:
  InstantiatedFunctionLister(const SourceManager &SM,
                             std::vector<const FunctionDecl *> &Functions)
      : SM(SM), Functions(Functions) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseDecl(Decl *D) {
    if (D && D->getLocation().isValid() &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool TraverseStmt(Stmt *, DataRecursionQueue * = nullptr) { return true; }

  bool VisitFunctionDecl(FunctionDecl *Function) {
    if (Function->doesThisDeclarationHaveABody() &&
        pointOfInstantiation(Function).isValid())
      Functions.push_back(Function);
    return true;
  }

private:
  const SourceManager &SM;
  std::vector<const FunctionDecl *> &Functions;
};

} // namespace

std::optional<TemplateInstantiation>
TemplateInstantiations::around(const Decl *D) {
  for (; D; D = llvm::dyn_cast_or_null<Decl>(D->getDeclContext())) {
    SourceLocation Point = pointOfInstantiation(D);
    if (Point.isValid())
      return TemplateInstantiation{
          nameWithTemplateArguments(llvm::cast<NamedDecl>(D)), Point};
  }
  return std::nullopt;
}

std::optional<TemplateInstantiation>
TemplateInstantiations::around(const Stmt *S, ASTContext &Context) {
  if (const FunctionDecl *Function = functionHolding(S, Context))
    return around(Function);
  return std::nullopt;
}

void TemplateInstantiations::clear() {
  Listed = false;
  Functions.clear();
}

const FunctionDecl *
TemplateInstantiations::functionHolding(const Stmt *S, ASTContext &Context) {
  if (!Listed) {
    InstantiatedFunctionLister(Context.getSourceManager(), Functions)
        .TraverseAST(Context);
    Listed = true;
  }
  const SourceManager &SM = Context.getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(S->getBeginLoc());
  for (const FunctionDecl *Function : Functions) {
    const Stmt *Body = Function->getBody();
    if (!Body)
      continue;
    // Instantiations share their pattern's source: the range narrows the
    // search to those of one template, the pointer picks the instantiation.
    SourceLocation Begin = SM.getExpansionLoc(Body->getBeginLoc());
    SourceLocation End = SM.getExpansionLoc(Body->getEndLoc());
    if (!SM.isPointWithin(Loc, Begin, End))
      continue;
    if (anyStmtIn(Body, [S](const Stmt *Child) { return Child == S; }))
      return Function;
  }
  return nullptr;
}

} // namespace clang::tidy::threads
