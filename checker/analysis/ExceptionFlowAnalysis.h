//===--- ExceptionFlowAnalysis.h - Which exceptions may leave a function --===//
//
// Answers "which exception types may leave this function (or this call), and
// along which path" for the visible code of one translation unit: `throw`
// expressions, rethrows inside handlers, calls into functions whose bodies
// are visible (transitively, bounded, each function analysed once), and calls
// to functions known to throw without a visible body (the
// `KnownThrowingFunctions` option: std::stoi, vector::at, ...). Handlers are
// matched like the language does: by type, by public base class, `...`.
// `noexcept` callees stop propagation.
//
// clang-tidy's utils::ExceptionAnalyzer answers a similar question, but does
// not say where an exception comes from, which every thread-tidy diagnostic
// needs for its notes, and it has no notion of library functions that throw
// from bodies we cannot see. All thread-tidy checks ask this one analysis.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_EXCEPTIONFLOWANALYSIS_H
#define THREAD_TIDY_EXCEPTIONFLOWANALYSIS_H

#include "clang-tidy/ClangTidyCheck.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include <memory>
#include <string>

namespace clang::tidy::threads {

/// The exception-related options, shared by every check that asks whether
/// code throws. They are read with getLocalOrGlobal, so a project can set
/// them once for all checks.
struct ExceptionOptions {
  static constexpr llvm::StringLiteral DefaultIgnoredExceptions =
      "::std::bad_alloc";
  /// `function=Type|Type`: the function throws those types. A function
  /// without `=` is assumed to throw `std::exception`.
  static constexpr llvm::StringLiteral DefaultKnownThrowingFunctions =
      "::std::stoi=::std::invalid_argument|::std::out_of_range;"
      "::std::stol=::std::invalid_argument|::std::out_of_range;"
      "::std::stoll=::std::invalid_argument|::std::out_of_range;"
      "::std::stoul=::std::invalid_argument|::std::out_of_range;"
      "::std::stoull=::std::invalid_argument|::std::out_of_range;"
      "::std::stof=::std::invalid_argument|::std::out_of_range;"
      "::std::stod=::std::invalid_argument|::std::out_of_range;"
      "::std::stold=::std::invalid_argument|::std::out_of_range;"
      "::std::vector::at=::std::out_of_range;"
      "::std::deque::at=::std::out_of_range;"
      "::std::array::at=::std::out_of_range;"
      "::std::basic_string::at=::std::out_of_range;"
      "::std::basic_string_view::at=::std::out_of_range;"
      "::std::map::at=::std::out_of_range;"
      "::std::unordered_map::at=::std::out_of_range;"
      "::std::optional::value=::std::bad_optional_access;"
      "::std::any_cast=::std::bad_any_cast";

  std::string IgnoredExceptions;
  std::string KnownThrowingFunctions;

  /// Reads the options of \p Check (named \p CheckName), reporting
  /// invalid entries. Empty lists are valid: nothing ignored, no known
  /// throwers.
  ExceptionOptions(const ClangTidyCheck &Check, llvm::StringRef CheckName,
                   const ClangTidyCheck::OptionsView &Options);
  void storeOptions(const ClangTidyCheck::OptionsView &Options,
                    ClangTidyOptions::OptionMap &Opts) const {
    Options.store(Opts, "IgnoredExceptions", IgnoredExceptions);
    Options.store(Opts, "KnownThrowingFunctions", KnownThrowingFunctions);
  }
};

/// An exception type: resolved to a type of this translation unit, or only
/// known by name (a KnownThrowingFunctions type whose class is not declared
/// in the translation unit, e.g. std::invalid_argument without <stdexcept>).
struct ExceptionType {
  QualType Type; ///< Canonical and unqualified; null when only named.
  /// The class's definition, for class types (also when found by name).
  const CXXRecordDecl *Record = nullptr;
  std::string Name; ///< As printed in diagnostics, e.g. "std::out_of_range".

  bool sameAs(const ExceptionType &Other) const;
};

/// One step of the way from a function to the place an exception starts.
struct ThrowStep {
  enum StepKind {
    Call,        ///< A call to a function the exception propagates out of.
    Throw,       ///< The throw expression.
    Rethrow,     ///< `throw;` in a handler that caught it.
    KnownThrower ///< A call to a KnownThrowingFunctions entry.
  };
  StepKind Kind;
  SourceLocation Loc;
  const FunctionDecl *Callee = nullptr; ///< For Call and KnownThrower.
};

struct EscapingException {
  ExceptionType Type;
  /// From the analysed function outwards in: calls, then the throw site.
  llvm::SmallVector<ThrowStep, 4> Path;
};

using ExceptionSet = llvm::SmallVector<EscapingException, 2>;

class ExceptionFlowAnalysis {
public:
  /// Call chains deeper than this are not followed (silence, not a guess).
  static constexpr unsigned MaxCallDepth = 12;

  explicit ExceptionFlowAnalysis(const ExceptionOptions &Options);

  /// The exceptions that may leave \p FD, each with one path. Empty for
  /// noexcept functions, functions without a visible body and functions in
  /// system headers (unless listed as known throwers).
  ExceptionSet escaping(const FunctionDecl *FD);

  /// The exceptions the call \p CallOrConstruct itself may raise, without
  /// those of its arguments: what one CFG element can throw.
  ExceptionSet thrownByCall(const Stmt *CallOrConstruct);

  /// Whether \p S calls a function that is not noexcept and whose body is
  /// not visible (so nothing is known about what it throws).
  bool callsOpaqueFunction(const Stmt *S) const;

  /// Whether the function declaration is known not to throw.
  static bool isNoexcept(const FunctionDecl *FD);

  /// Whether a handler for \p Handler (null for `catch (...)`) catches an
  /// exception of type \p Thrown.
  bool catches(QualType Handler, const ExceptionType &Thrown) const;

  /// Forgets everything cached about the previous translation unit.
  void reset();

private:
  struct KnownThrower {
    std::string Function;
    llvm::SmallVector<std::string, 2> Types;
  };

  void analyzeStmt(const Stmt *S, const ExceptionSet *Caught, unsigned Depth,
                   ExceptionSet &Out);
  void analyzeTry(const class CXXTryStmt *Try, const ExceptionSet *Caught,
                  unsigned Depth, ExceptionSet &Out);
  void analyzeCall(const Stmt *Site, const FunctionDecl *Callee,
                   unsigned Depth, ExceptionSet &Out);
  ExceptionSet escapingAt(const FunctionDecl *FD, unsigned Depth);
  const KnownThrower *knownThrower(const FunctionDecl *FD);
  ExceptionType typeNamed(llvm::StringRef Name, ASTContext &Ctx);
  ExceptionType typeOf(QualType T, ASTContext &Ctx) const;
  bool derivesFromNamed(const ExceptionType &T, llvm::StringRef Base) const;
  bool isIgnored(const ExceptionType &T) const;
  void add(ExceptionSet &Set, EscapingException E) const;

  llvm::SmallVector<std::string, 4> Ignored;
  llvm::SmallVector<KnownThrower, 16> KnownThrowers;
  llvm::DenseMap<const FunctionDecl *, ExceptionSet> Cache;
  llvm::DenseSet<const FunctionDecl *> InProgress;
  llvm::DenseMap<const FunctionDecl *, const KnownThrower *> KnownCache;
  llvm::StringMap<ExceptionType> NamedTypes;
  /// The translation unit being analysed (set by the entry points).
  ASTContext *Ctx = nullptr;
};

/// Explains \p E with one note per step of its path from \p FirstStep on:
/// each call it propagates through, then where it is thrown (or which known
/// thrower raises it). A diagnostic already at the first call skips it.
void notePathOf(ClangTidyCheck &Check, const EscapingException &E,
                unsigned FirstStep = 0);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_EXCEPTIONFLOWANALYSIS_H
