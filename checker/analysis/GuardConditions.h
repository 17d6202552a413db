//===--- GuardConditions.h - The facts a condition establishes ------------===//
//
// Reads the conditions real code writes before a throwing standard library
// call, and says what they establish when they evaluate to true (or false):
//
//   opt, opt.has_value(), opt != std::nullopt       -> opt has a value
//   m.count(k), m.count(k) > 0, m.contains(k),
//   m.find(k) != m.end(), it != m.end()             -> m has the key k
//     (with `auto it = m.find(k)`)
//   i < v.size(), v.size() > i                      -> index i is valid
//   i >= 0 && i < (int)v.size()                     -> index i is valid
//   pos <= s.size(), pos != npos                    -> position is valid
//     (with `auto pos = s.find(c)`)
//   !v.empty(), v.size() > 0                        -> v is not empty
//   std::holds_alternative<T>(v), v.index() == I    -> v holds T / I
//   a.type() == typeid(T)                           -> a holds T
//
// through `!`, `&&` (when true), `||` (when false) and parentheses. A size
// comparison done in an unsigned type is enough: `i < v.size()` with a
// negative `int i` is false there. Done in a signed type, it needs `i >= 0`
// too.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_GUARDCONDITIONS_H
#define THREAD_TIDY_GUARDCONDITIONS_H

#include "analysis/GuardFacts.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang::tidy::threads {

class GuardConditions {
public:
  /// Adds the facts that hold once \p Condition has evaluated to \p Value.
  static void factsWhen(const Expr *Condition, bool Value,
                        llvm::SmallVectorImpl<GuardFact> &Facts);

private:
  enum class Relation {
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Equal,
    NotEqual
  };

  static std::optional<GuardFact> atomFact(const Expr *Atom, bool Value);
  static std::optional<GuardFact> memberTestFact(const Expr *Atom, bool Value);
  static std::optional<GuardFact> holdsAlternativeFact(const Expr *Atom,
                                                       bool Value);
  static bool comparison(const Expr *Atom, Relation &Rel, const Expr *&LHS,
                         const Expr *&RHS);
  static std::optional<GuardFact> comparisonFact(Relation Rel, const Expr *LHS,
                                                 const Expr *RHS,
                                                 bool UnsignedOperands);
  static std::optional<GuardFact> sizeFact(Relation Rel, const Expr *Value,
                                           const Expr *Size,
                                           bool UnsignedOperands);
  static const VarDecl *sizeHolder(const Expr *Bound, bool UnsignedOperands);
  static std::optional<GuardFact> countFact(Relation Rel, const Expr *Count,
                                            const Expr *Bound);
  static std::optional<GuardFact> foundFact(Relation Rel, const Expr *Found,
                                            const Expr *End);
  static std::optional<GuardFact> nposFact(Relation Rel, const Expr *Position,
                                           const Expr *Npos);
  static std::optional<GuardFact>
  nulloptFact(Relation Rel, const Expr *Optional, const Expr *Nullopt);
  static std::optional<GuardFact>
  nonNegativeFact(Relation Rel, const Expr *Value, const Expr *Bound);
  static std::optional<GuardFact>
  alternativeFact(Relation Rel, const Expr *Query, const Expr *Expected);
  static Relation mirrored(Relation Rel);
  static Relation negated(Relation Rel);
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_GUARDCONDITIONS_H
