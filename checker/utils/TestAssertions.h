//===--- TestAssertions.h - Exits on a test framework's failure path ------===//
//
// A failing gtest ASSERT_* returns from the test function; a failing doctest,
// Catch2 or Boost.Test REQUIRE throws. Either way a thread started before
// the assertion and joined after it is destroyed while joinable, and
// std::terminate aborts the whole test binary. Such exits are recognised by
// macro expansion, never by file name: the token that makes a statement an
// exit (the `return`, the `throw`, the called function's name) was written
// in the body of a macro named in the `TestFrameworkMacros` option, or in
// the body of a macro that such a macro's expansion is part of (a project's
// `ASSERT_OK` wrapping gtest's ASSERT_PRED_FORMAT1). A token the test passed
// as a macro argument (`ASSERT_EQ(parse(x), 1)`) is the test's own code.
//
// Non-fatal checks (gtest's EXPECT_*, doctest's WARN) never leave the scope;
// when the framework's implementation is visible, the analysis still finds
// the throw their shared code has for fatal ones. The `NonFatalTestMacros`
// option names them, so that those exits are dropped.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_TESTASSERTIONS_H
#define THREAD_TIDY_TESTASSERTIONS_H

#include "clang-tidy/ClangTidyCheck.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace clang::tidy::threads {

/// The macro expansion that wrote an exit's token.
struct MacroExpansion {
  /// The outermost macro of the expansion: the one the test wrote
  /// (`ASSERT_OK`, `REQUIRE`).
  llvm::StringRef Macro;
  /// Where the test wrote it.
  SourceLocation Loc;
  /// A macro that wrote the token is in `TestFrameworkMacros`: the exit is
  /// a test assertion's failure path. Other tokens of the same expansion
  /// (the assertion's predicate, its message) belong to the same assertion.
  bool IsTestAssertion = false;
  /// A macro that wrote the token is in `NonFatalTestMacros`.
  bool IsNonFatalCheck = false;
};

/// A list option of macro names; an entry ending in `*` names a prefix.
class MacroNameList {
public:
  explicit MacroNameList(llvm::StringRef Option);
  bool empty() const { return Names.empty() && Prefixes.empty(); }
  bool contains(llvm::StringRef Name) const;

private:
  llvm::SmallVector<std::string, 8> Names;
  llvm::SmallVector<std::string, 8> Prefixes;
};

/// The `TestFrameworkMacros` and `NonFatalTestMacros` options, and which
/// exits they make test assertions.
class TestAssertionMacros {
public:
  /// gtest's fatal failures (every ASSERT_*, FAIL(),
  /// ASSERT_NO_FATAL_FAILURE) return through GTEST_FATAL_FAILURE_; doctest's
  /// and Boost.Test's assertions are matched by their user-facing names
  /// (the short forms expand to them); Catch2 v2 and v3 by the macros their
  /// REQUIRE and CHECK forms expand to.
  static constexpr llvm::StringLiteral DefaultMacros =
      "GTEST_FATAL_FAILURE_;"
      "DOCTEST_REQUIRE*;DOCTEST_CHECK*;DOCTEST_FAIL*;DOCTEST_ADD_FAIL*;"
      "INTERNAL_CATCH_TEST;INTERNAL_CATCH_NO_THROW;INTERNAL_CATCH_THROWS*;"
      "INTERNAL_CHECK_THAT;"
      "BOOST_REQUIRE*;BOOST_TEST_REQUIRE";
  /// gtest's EXPECT_* and ADD_FAILURE(), doctest's WARN* and MESSAGE,
  /// Boost.Test's CHECK and WARN levels (BOOST_TEST is a CHECK).
  static constexpr llvm::StringLiteral DefaultNonFatalMacros =
      "GTEST_NONFATAL_FAILURE_;"
      "DOCTEST_WARN*;DOCTEST_MESSAGE*;DOCTEST_ADD_MESSAGE*;"
      "BOOST_CHECK*;BOOST_WARN*;BOOST_TEST;BOOST_TEST_CHECK;BOOST_TEST_WARN";

  /// Reads the options of \p Check (named \p CheckName), reporting invalid
  /// entries. An empty list recognises nothing.
  TestAssertionMacros(const ClangTidyCheck &Check, llvm::StringRef CheckName,
                      const ClangTidyCheck::OptionsView &Options);
  void storeOptions(const ClangTidyCheck::OptionsView &Options,
                    ClangTidyOptions::OptionMap &Opts) const {
    Options.store(Opts, "TestFrameworkMacros", MacrosOption);
    Options.store(Opts, "NonFatalTestMacros", NonFatalMacrosOption);
  }

  /// The expansion whose macros wrote \p Exit (a `return`, a `throw`, or
  /// a call or construction that may throw); none when the test wrote it,
  /// also as a macro argument.
  std::optional<MacroExpansion> expansionOf(const Stmt *Exit,
                                            const SourceManager &SM,
                                            const LangOptions &LangOpts) const;
  /// Whether \p Exit is a test assertion's failure path.
  bool isTestAssertionExit(const Stmt *Exit, const SourceManager &SM,
                           const LangOptions &LangOpts) const {
    std::optional<MacroExpansion> Expansion = expansionOf(Exit, SM, LangOpts);
    return Expansion && Expansion->IsTestAssertion;
  }

private:
  /// The token that makes \p Exit leave the scope.
  static SourceLocation exitToken(const Stmt *Exit);

  const std::string MacrosOption;
  const std::string NonFatalMacrosOption;
  const MacroNameList Macros;
  const MacroNameList NonFatalMacros;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_TESTASSERTIONS_H
