//===--- ExceptionFlowAnalysis.h - Which exceptions may leave a function --===//
//
// Answers "which exception types may leave this function (or this call), and
// along which path" for the visible code of one translation unit: `throw`
// expressions, rethrows inside handlers, calls into functions whose bodies
// are visible (transitively, bounded, each function analysed once), and calls
// to functions known to throw without a visible body (the
// `KnownThrowingFunctions` option: std::stoi, vector::at, ...), unless
// ThrowGuards rules that one call out (`m.at(k)` after `if (!m.count(k))
// return;`). Handlers are matched like the language does: by type, by public
// base class, `...`. `noexcept` callees stop propagation.
//
// clang-tidy's utils::ExceptionAnalyzer answers a similar question, but does
// not say where an exception comes from, which every thread-tidy diagnostic
// needs for its notes, and it has no notion of library functions that throw
// from bodies we cannot see. All thread-tidy checks ask this one analysis.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_EXCEPTIONFLOWANALYSIS_H
#define THREAD_TIDY_EXCEPTIONFLOWANALYSIS_H

#include "analysis/ExceptionOptions.h"
#include "analysis/ThrowGuards.h"
#include "analysis/TypeErasedCalls.h"
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
    Call,         ///< A call to a function the exception propagates out of.
    Throw,        ///< The throw expression.
    Rethrow,      ///< `throw;` in a handler that caught it.
    KnownThrower, ///< A call to a KnownThrowingFunctions entry.
    OverrideCall, ///< A virtual call, into one of the overrides it may run.
    ErasedCall,   ///< A call through std::function or a function pointer.
    Submitted     ///< Where the task that ErasedCall runs was handed over.
  };
  StepKind Kind;
  SourceLocation Loc;
  /// For Call and KnownThrower; for ErasedCall and Submitted, the task.
  const FunctionDecl *Callee = nullptr;
};

struct EscapingException {
  ExceptionType Type;
  /// From the analysed function outwards in: calls, then the throw site.
  llvm::SmallVector<ThrowStep, 4> Path;
};

using ExceptionSet = llvm::SmallVector<EscapingException, 2>;

/// How diagnostics name what a task nothing visible submits may throw
/// (AssumeUnknownTasksThrow): only `catch (...)` is known to catch it.
inline constexpr llvm::StringLiteral UnknownTaskException = "unknown";

/// Whether a `std::thread` or `std::jthread` that cannot start (its
/// constructor throws `std::system_error`) counts as a throw.
enum class ThreadStartFailures { Counted, NotCounted };

class ExceptionFlowAnalysis {
public:
  /// Call chains deeper than this are not followed (silence, not a guess).
  static constexpr unsigned MaxCallDepth = 12;

  explicit ExceptionFlowAnalysis(
      const ExceptionOptions &Options,
      ThreadStartFailures ThreadStarts = ThreadStartFailures::Counted);

  /// The exceptions that may leave \p FD, each with one path. Empty for
  /// noexcept functions, functions without a visible body and functions in
  /// system headers (unless listed as known throwers).
  ExceptionSet escaping(const FunctionDecl *FD);

  /// The exceptions the call \p CallOrConstruct itself may raise, without
  /// those of its arguments: what one CFG element can throw. With \p Caller,
  /// the function the call is in, a known thrower that a guard there rules
  /// out does not count.
  ExceptionSet thrownByCall(const Stmt *CallOrConstruct,
                            const FunctionDecl *Caller = nullptr);

  /// Whether \p S calls a function that is not noexcept and whose body is
  /// not visible (so nothing is known about what it throws). C functions
  /// and standard stream output are assumed not to throw
  /// (libraryCallAssumedNotToThrow).
  bool callsOpaqueFunction(const Stmt *S) const;

  /// Whether \p FD is known not to throw: noexcept, or its body is visible
  /// user code from which no exception may escape and which calls no
  /// opaque function directly (one whose throws nothing tells).
  bool provenNotToThrow(const FunctionDecl *FD);

  /// Whether the function declaration is known not to throw.
  static bool isNoexcept(const FunctionDecl *FD);

  /// Whether a handler for \p Handler (null for `catch (...)`) catches an
  /// exception of type \p Thrown.
  bool catches(QualType Handler, const ExceptionType &Thrown) const;

  /// Forgets everything cached about the previous translation unit.
  void reset();

private:
  /// The function body being walked: its translation unit, how many calls
  /// away it is from the function the entry point was asked about, and the
  /// function itself (where guards of known throwers are looked for).
  struct BodyWalk {
    ASTContext &Ctx;
    unsigned Depth;
    const FunctionDecl *Function;
  };

  void analyzeStmt(const Stmt *S, const ExceptionSet *Caught,
                   const BodyWalk &Walk, ExceptionSet &Out);
  void analyzeTry(const class CXXTryStmt *Try, const ExceptionSet *Caught,
                  const BodyWalk &Walk, ExceptionSet &Out);
  void analyzeCall(const Stmt *Site, const FunctionDecl *Callee, unsigned Depth,
                   const FunctionDecl *Caller, ExceptionSet &Out);
  void analyzeErasedCall(const Expr *Site, const Expr *Callable, unsigned Depth,
                         const FunctionDecl *Caller, ExceptionSet &Out);
  ExceptionSet escapingAt(const FunctionDecl *FD, unsigned Depth);
  const KnownThrowingFunction *knownThrower(const FunctionDecl *FD);
  bool knownThrowRuledOut(const Stmt *Site, const FunctionDecl *Callee,
                          const FunctionDecl *Caller);
  ExceptionType typeNamed(llvm::StringRef Name, ASTContext &Ctx);
  ExceptionType typeOf(QualType T, ASTContext &Ctx) const;
  bool derivesFromNamed(const ExceptionType &T, llvm::StringRef Base) const;
  bool isIgnored(const ExceptionType &T) const;
  void add(ExceptionSet &Set, EscapingException E) const;

  llvm::SmallVector<std::string, 4> Ignored;
  llvm::SmallVector<KnownThrowingFunction, 16> KnownThrowers;
  llvm::DenseMap<const FunctionDecl *, ExceptionSet> Cache;
  llvm::DenseSet<const FunctionDecl *> InProgress;
  llvm::DenseMap<const FunctionDecl *, const KnownThrowingFunction *>
      KnownCache;
  llvm::StringMap<ExceptionType> NamedTypes;
  ThrowGuards Guards;
  TypeErasedCalls ErasedCalls;
  const bool AssumeUnknownTasksThrow;
  const ThreadStartFailures ThreadStarts;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_EXCEPTIONFLOWANALYSIS_H
