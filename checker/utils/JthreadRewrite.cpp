//===--- JthreadRewrite.cpp -----------------------------------------------===//

#include "utils/JthreadRewrite.h"
#include "analysis/ThreadStarts.h"
#include "utils/AstUtils.h"
#include "utils/DeclNames.h"
#include "utils/ThreadTidyCompat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::threads {

namespace {

/// The `std::thread` spelled in source for \p TSI, if it is spelled exactly
/// so: not through a macro, an alias, or `auto`.
CharSourceRange spelledStdThread(const TypeSourceInfo *TSI,
                                 const ASTContext &Ctx) {
  if (!TSI)
    return {};
  TypeLoc TL = TSI->getTypeLoc().getUnqualifiedLoc();
  SourceRange Range = TL.getSourceRange();
  if (Range.isInvalid() || Range.getBegin().isMacroID() ||
      Range.getEnd().isMacroID())
    return {};
  TypeLoc Named = compat::stripQualifierSugar(TL);
  if (!Named.getAs<RecordTypeLoc>())
    return {};
  CharSourceRange Chars = CharSourceRange::getTokenRange(Range);
  llvm::StringRef Text =
      Lexer::getSourceText(Chars, Ctx.getSourceManager(), Ctx.getLangOpts());
  if (Text != "std::thread" && Text != "::std::thread")
    return {};
  return Chars;
}

} // namespace

bool callableIgnoresStopToken(const Expr *Callable) {
  if (!Callable)
    return false;
  Callable = Callable->IgnoreParenImpCasts()->IgnoreImplicit();
  auto FirstParamIsStopToken = [](const FunctionDecl *FD) {
    if (FD->getNumParams() == 0)
      return false;
    QualType T = FD->getParamDecl(0)->getType().getNonReferenceType();
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    return RD && RD->getName() == "stop_token";
  };
  if (const auto *Lambda = llvm::dyn_cast<LambdaExpr>(Callable))
    return !Lambda->isGenericLambda() &&
           !FirstParamIsStopToken(Lambda->getCallOperator());
  if (const auto *AddrOf = llvm::dyn_cast<UnaryOperator>(Callable))
    Callable = AddrOf->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Callable))
    if (const auto *FD = llvm::dyn_cast<FunctionDecl>(Ref->getDecl()))
      return !FD->isTemplated() && !FirstParamIsStopToken(FD);
  return false;
}

std::optional<FixItHint> jthreadTypeFix(const VarDecl *Thread,
                                        const ASTContext &Ctx) {
  const Expr *Init = Thread->getInit();
  if (!Init || !Ctx.getLangOpts().CPlusPlus20 ||
      plainQualifiedName(Thread->getType()->getAsCXXRecordDecl()) !=
          "std::thread" ||
      !findRecordNamed(const_cast<ASTContext &>(Ctx), "std::jthread") ||
      !callableIgnoresStopToken(threadCallable(Init)))
    return std::nullopt;
  CharSourceRange TypeRange =
      spelledStdThread(Thread->getTypeSourceInfo(), Ctx);
  // `auto t = std::thread(f);` spells the type in the initializer.
  if (TypeRange.isInvalid() && Thread->getType()->getContainedAutoType()) {
    const Expr *Value = Init->IgnoreImplicit();
    if (const auto *Temp = llvm::dyn_cast<CXXTemporaryObjectExpr>(Value))
      TypeRange = spelledStdThread(Temp->getTypeSourceInfo(), Ctx);
    else if (const auto *Cast = llvm::dyn_cast<CXXFunctionalCastExpr>(Value))
      TypeRange = spelledStdThread(Cast->getTypeInfoAsWritten(), Ctx);
  }
  if (TypeRange.isInvalid())
    return std::nullopt;
  llvm::StringRef Old = Lexer::getSourceText(TypeRange, Ctx.getSourceManager(),
                                             Ctx.getLangOpts());
  return FixItHint::CreateReplacement(
      TypeRange, Old.starts_with("::") ? "::std::jthread" : "std::jthread");
}

} // namespace clang::tidy::threads
