//===--- DeclNames.cpp ----------------------------------------------------===//

#include "utils/DeclNames.h"
#include "utils/AstUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::threads {

llvm::StringRef identifierOf(const NamedDecl *D) {
  if (!D || !D->getIdentifier())
    return {};
  return D->getName();
}

std::string plainQualifiedName(const NamedDecl *D,
                               AnonymousNamespaces Anonymous) {
  llvm::SmallVector<std::string, 4> Parts;
  Parts.push_back(D->getNameAsString());
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = llvm::dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline())
        continue;
      if (!NS->isAnonymousNamespace())
        Parts.push_back(NS->getNameAsString());
      else if (Anonymous == AnonymousNamespaces::Shown)
        Parts.push_back("(anonymous namespace)");
    } else if (const auto *RD = llvm::dyn_cast<CXXRecordDecl>(DC)) {
      Parts.push_back(RD->isLambda()        ? "(lambda)"
                      : RD->getIdentifier() ? RD->getNameAsString()
                                            : "(anonymous)");
    } else if (const auto *FD = llvm::dyn_cast<FunctionDecl>(DC)) {
      Parts.push_back(FD->getNameAsString());
    }
  }
  std::string Result;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Result.empty())
      Result += "::";
    Result += *It;
  }
  return Result;
}

/// The namespace \p DC is or is in, inline namespaces skipped; null at
/// the translation unit.
static const NamespaceDecl *nonInlineNamespace(const DeclContext *DC) {
  for (; DC; DC = DC->getParent())
    if (const auto *NS = llvm::dyn_cast<NamespaceDecl>(DC))
      if (!NS->isInline())
        return NS;
  return nullptr;
}

bool isInTopLevelNamespace(const Decl *D, llvm::StringRef Namespace) {
  const NamespaceDecl *Outermost = nullptr;
  for (const NamespaceDecl *NS = nonInlineNamespace(D->getDeclContext()); NS;
       NS = nonInlineNamespace(NS->getParent()))
    Outermost = NS;
  return Outermost && identifierOf(Outermost) == Namespace;
}

bool isDirectlyInNamespace(const Decl *D, llvm::StringRef Namespace) {
  const DeclContext *DC = D->getDeclContext();
  while (DC && DC->isInlineNamespace())
    DC = DC->getParent();
  const auto *NS = llvm::dyn_cast_or_null<NamespaceDecl>(DC);
  return NS && identifierOf(NS) == Namespace &&
         !nonInlineNamespace(NS->getParent());
}

std::string calleeName(const FunctionDecl *FD) {
  if (isLambdaCallOperator(FD))
    return "lambda";
  return plainQualifiedName(FD);
}

/// Looks \p Parts up from \p DC, through inline namespaces as name lookup
/// does.
static const CXXRecordDecl *findRecordIn(const DeclContext *DC,
                                         llvm::ArrayRef<llvm::StringRef> Parts,
                                         ASTContext &Ctx) {
  if (Parts.empty() || !DC)
    return nullptr;
  DeclarationName Name(&Ctx.Idents.get(Parts.front()));
  for (const NamedDecl *Found : DC->lookup(Name)) {
    if (Parts.size() == 1) {
      if (const auto *RD = llvm::dyn_cast<CXXRecordDecl>(Found))
        if (const CXXRecordDecl *Def = RD->getDefinition())
          return Def;
      continue;
    }
    if (const auto *Inner = llvm::dyn_cast<DeclContext>(Found))
      if (const CXXRecordDecl *RD =
              findRecordIn(Inner, Parts.drop_front(), Ctx))
        return RD;
  }
  for (const Decl *D : DC->decls())
    if (const auto *NS = llvm::dyn_cast<NamespaceDecl>(D))
      if (NS->isInline())
        if (const CXXRecordDecl *RD = findRecordIn(NS, Parts, Ctx))
          return RD;
  return nullptr;
}

const CXXRecordDecl *findRecordNamed(ASTContext &Ctx,
                                     llvm::StringRef QualifiedName) {
  QualifiedName.consume_front("::");
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  QualifiedName.split(Parts, "::");
  return findRecordIn(Ctx.getTranslationUnitDecl(), Parts, Ctx);
}

bool declaresStdFunction(ASTContext &Ctx, llvm::StringRef Name) {
  DeclarationName Std(&Ctx.Idents.get("std"));
  DeclarationName Wanted(&Ctx.Idents.get(Name));
  for (const NamedDecl *Found : Ctx.getTranslationUnitDecl()->lookup(Std)) {
    const auto *NS = llvm::dyn_cast<NamespaceDecl>(Found);
    if (!NS)
      continue;
    auto IsFunction = [](const NamedDecl *D) {
      return llvm::isa<FunctionDecl, FunctionTemplateDecl, UsingShadowDecl>(D);
    };
    if (llvm::any_of(NS->lookup(Wanted), IsFunction))
      return true;
    for (const Decl *D : NS->decls())
      if (const auto *Inline = llvm::dyn_cast<NamespaceDecl>(D))
        if (Inline->isInline() &&
            llvm::any_of(Inline->lookup(Wanted), IsFunction))
          return true;
  }
  return false;
}

} // namespace clang::tidy::threads
