//===--- ThrowPreconditions.h - When a known thrower cannot throw ---------===//
//
// A KnownThrowingFunctions entry names a function; whether one call of it can
// throw depends on the call. Some calls cannot throw by their form: the
// `std::error_code &` overload of a filesystem function, a default, copy or
// move construction, a `std::regex` built from a string literal, a
// `std::bitset<8>::to_ulong()`, `s.substr(0, n)`, `s.substr(s.find(c) + 1)`.
// Others cannot throw when a guard established a fact first (GuardFacts.h):
// `opt.value()` needs a value, `m.at(k)` the key, `v.at(i)` `i < v.size()`.
// This says which, for one call; ThrowGuards looks for the guard.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_THROWPRECONDITIONS_H
#define THREAD_TIDY_THROWPRECONDITIONS_H

#include "analysis/GuardFacts.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include <optional>

namespace clang::tidy::threads {

struct ThrowPrecondition {
  enum Verdict {
    Unconditional, ///< Nothing known rules the throw out: it counts.
    Impossible,    ///< This call cannot throw, by its form.
    Needs,         ///< It cannot throw where \c Need holds.
  };
  Verdict Kind = Unconditional;
  GuardFact Need{GuardFact::Engaged};
};

/// Knows the preconditions of the standard library's throwing calls.
class ThrowPreconditions {
public:
  /// What the call \p Call (a CallExpr or CXXConstructExpr) of the known
  /// thrower \p Callee needs not to throw.
  static ThrowPrecondition of(const Expr *Call, const FunctionDecl *Callee);

private:
  static bool reportsThroughErrorCode(const Expr *Call,
                                      const FunctionDecl *Callee);
  static bool buildsNothingNew(const FunctionDecl *Callee);
  static bool hasConstantPattern(const Expr *Call, llvm::StringRef Name);
  static bool fitsInResult(const FunctionDecl *Callee, llvm::StringRef Name);
  static bool isIteratorOverload(const FunctionDecl *Callee,
                                 llvm::StringRef Name);
  static std::optional<GuardFact> optionalAccess(const Expr *Call,
                                                 llvm::StringRef Name);
  static std::optional<GuardFact> keyedAccess(const Expr *Call,
                                              llvm::StringRef Name);
  static std::optional<GuardFact> indexedAccess(const Expr *Call,
                                                llvm::StringRef Name);
  static ThrowPrecondition positionedAccess(const Expr *Call,
                                            const FunctionDecl *Callee,
                                            llvm::StringRef Name);
  static std::optional<GuardFact> patternInVariable(const Expr *Call,
                                                    llvm::StringRef Name);
  static std::optional<GuardFact> alternativeAccess(const Expr *Call,
                                                    const FunctionDecl *Callee,
                                                    llvm::StringRef Name);
};

/// The object a member call is made on, unless it is reached through `->`
/// (the pointee may change behind the function's back).
const Expr *calledObject(const Expr *Call);

/// Whether \p Name is one of basic_string's (or basic_string_view's) `find`
/// family, whose results are a position below `size()` or `npos`.
bool isStringFindName(llvm::StringRef Name);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_THROWPRECONDITIONS_H
