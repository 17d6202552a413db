//===--- FatalCalls.cpp ---------------------------------------------------===//

#include "utils/FatalCalls.h"
#include "clang/AST/Decl.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::threads {

/// Whether \p Name has a fatal word among its words, which `_` and case
/// changes (`testFail`, `TEST_FAIL`, `test_fail0`) separate.
static bool hasFatalWord(llvm::StringRef Name) {
  static constexpr llvm::StringLiteral FatalWords[] = {
      "fail", "fatal", "die", "abort", "panic", "bail", "bug"};
  size_t Start = 0;
  auto IsWordEnd = [&](size_t I) {
    if (I + 1 >= Name.size())
      return true;
    char Next = Name[I + 1];
    return Next == '_' || llvm::isDigit(Next) ||
           (llvm::isLower(Name[I]) && llvm::isUpper(Next));
  };
  for (size_t I = 0; I < Name.size(); ++I) {
    if (Name[I] == '_' || llvm::isDigit(Name[I])) {
      Start = I + 1;
      continue;
    }
    if (!IsWordEnd(I))
      continue;
    std::string Word = Name.slice(Start, I + 1).lower();
    if (llvm::is_contained(FatalWords, Word))
      return true;
    Start = I + 1;
  }
  return false;
}

bool isLikelyFatalCall(const CallExpr *Call, const SourceManager &SM,
                       const LangOptions &LangOpts) {
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || !Callee->getIdentifier() || Callee->hasBody())
    return false;
  if (hasFatalWord(Callee->getName()))
    return true;
  SourceLocation Loc = Call->getBeginLoc();
  for (unsigned Depth = 0; Loc.isMacroID() && Depth < 8; ++Depth) {
    if (hasFatalWord(Lexer::getImmediateMacroName(Loc, SM, LangOpts)))
      return true;
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return false;
}

} // namespace clang::tidy::threads
