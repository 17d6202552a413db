//===--- TestAssertions.cpp -----------------------------------------------===//

#include "utils/TestAssertions.h"
#include "utils/ThreadTidyOptions.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::threads {

MacroNameList::MacroNameList(llvm::StringRef Option) {
  for (const std::string &Name : parseNameList(Option)) {
    llvm::StringRef Entry = Name;
    if (Entry.consume_back("*"))
      Prefixes.push_back(Entry.str());
    else
      Names.push_back(Name);
  }
}

bool MacroNameList::contains(llvm::StringRef Name) const {
  for (const std::string &Listed : Names)
    if (Name == Listed)
      return true;
  for (const std::string &Prefix : Prefixes)
    if (Name.starts_with(Prefix))
      return true;
  return false;
}

TestAssertionMacros::TestAssertionMacros(
    const ClangTidyCheck &Check, llvm::StringRef CheckName,
    const ClangTidyCheck::OptionsView &Options)
    : MacrosOption(validatedList(
          Check, CheckName, "TestFrameworkMacros",
          Options.get("TestFrameworkMacros", DefaultMacros), DefaultMacros,
          ListShape::MacroNames, /*AllowEmpty=*/true)),
      NonFatalMacrosOption(validatedList(
          Check, CheckName, "NonFatalTestMacros",
          Options.get("NonFatalTestMacros", DefaultNonFatalMacros),
          DefaultNonFatalMacros, ListShape::MacroNames, /*AllowEmpty=*/true)),
      Macros(MacrosOption), NonFatalMacros(NonFatalMacrosOption) {}

std::optional<MacroExpansion>
TestAssertionMacros::expansionOf(const Stmt *Exit, const SourceManager &SM,
                                 const LangOptions &LangOpts) const {
  if (Macros.empty() && NonFatalMacros.empty())
    return std::nullopt;
  SourceLocation Loc = exitToken(Exit);
  MacroExpansion Expansion;
  // Up the expansions the token comes from: from a macro body to where the
  // macro was invoked (that macro wrote the token); from a macro argument
  // to where the argument was written (whoever wrote that, wrote it).
  while (Loc.isMacroID()) {
    if (SM.isMacroArgExpansion(Loc)) {
      Loc = SM.getImmediateSpellingLoc(Loc);
      continue;
    }
    llvm::StringRef Name = Lexer::getImmediateMacroName(Loc, SM, LangOpts);
    Expansion.IsTestAssertion |= Macros.contains(Name);
    Expansion.IsNonFatalCheck |= NonFatalMacros.contains(Name);
    Expansion.Macro = Name;
    Loc = SM.getImmediateExpansionRange(Loc).getBegin();
  }
  if (Expansion.Macro.empty() || Loc.isInvalid())
    return std::nullopt;
  Expansion.Loc = Loc;
  return Expansion;
}

SourceLocation TestAssertionMacros::exitToken(const Stmt *Exit) {
  // The called function's name: `react` in `DOCTEST_RB.react()` is the
  // framework's, `DOCTEST_RB` came in as an argument. (An implicit
  // conversion's call has no name token.)
  if (const auto *Call = llvm::dyn_cast<CallExpr>(Exit))
    if (const Expr *Callee = Call->getCallee())
      if (SourceLocation Name = Callee->getExprLoc(); Name.isValid())
        return Name;
  if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(Exit))
    return Construct->getLocation();
  return Exit->getBeginLoc();
}

} // namespace clang::tidy::threads
