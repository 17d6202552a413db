//===--- GuardFacts.h - What a guard establishes, what a call needs -------===//
//
// The standard library's throwing calls that real code guards have simple
// preconditions: `opt.value()` needs a value, `m.at(k)` the key, `v.at(i)`
// an index below `size()`, `s.substr(pos)` a position not past the end,
// `std::get<T>(v)` the alternative. A GuardFact states one such thing about
// an object; a condition establishes facts (GuardConditions), a call needs
// one (ThrowPreconditions), and implies() says whether one is enough for the
// other.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_GUARDFACTS_H
#define THREAD_TIDY_GUARDFACTS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Type.h"
#include <cstdint>

namespace clang::tidy::threads {

struct GuardFact {
  enum FactKind {
    Engaged,            ///< A std::optional has a value.
    HasKey,             ///< A map has the key \c Operand.
    IndexBelowSize,     ///< `Operand < Object.size()`, compared unsigned.
    PositionAtMostSize, ///< `Operand <= Object.size()`, compared unsigned.
    NonEmpty,           ///< `Object.size() > 0`.
    /// \c Operand holds a `find` result of the string \c Object: a
    /// position below `size()` or `npos`.
    FindResult,
    /// \c Operand is not `npos` (\c Object is null): with a FindResult
    /// about it, an index below `size()`.
    NotNpos,
    HoldsType,   ///< A std::variant or std::any holds a \c Type.
    HoldsIndex,  ///< A std::variant's `index()` is \c Index.
    NonNegative, ///< `Operand >= 0` (\c Object is null).
    /// The local variable \c Operand holds the string literal it was
    /// initialized with (\c Object is null): a fixed regex pattern.
    LiteralValue,
  };
  FactKind Kind;
  /// The optional, container, string, variant or any.
  const Expr *Object = nullptr;
  /// The key, index or position; null when the kind has none.
  const Expr *Operand = nullptr;
  QualType Type;
  uint64_t Index = 0;
  /// Where the fact starts to hold: the condition that tests it, or the
  /// declaration of the variable it comes from (`auto it = m.find(k)`).
  /// Null for a need, and for a fact already known to hold at the call.
  const Stmt *Since = nullptr;
  /// The variable the fact comes from (`it`, `pos`), which must keep the
  /// value it was initialized with; null when there is none.
  const VarDecl *Derived = nullptr;
  /// Where the size a bound stands for was read into a local
  /// (`n = s.size()`, then `i < n`): \c Object must not change from
  /// there to the call either. Null when the bound is a `size()` call.
  const Stmt *SizeRead = nullptr;
  /// The branch of an `if (!opt) return;` that leaves: what it does never
  /// runs between the test and the call.
  const Stmt *ExitBranch = nullptr;
  /// Holds only if \c Operand is not negative too: `i < (int)v.size()`,
  /// compared signed, says nothing about a negative i.
  bool NeedsNonNegative = false;
};

/// Whether a guard that established \p Have rules out the throw of a call
/// that needs \p Need (both about the same object and operand).
bool implies(const GuardFact &Have, const GuardFact &Need);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_GUARDFACTS_H
