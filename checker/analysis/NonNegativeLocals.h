//===--- NonNegativeLocals.h - Int indices that count up from zero --------===//
//
// `i < (int)s.size()` compares signed: it rules out `s.substr(i)` only when
// `i` is not negative too. Real loops do not test that; they count up:
//
//   int i = 0;
//   while (i < n) { ... s.substr(i, j - i) ...; ++i; }
//
// This says whether a local integer can never be negative because the
// function starts it at a non-negative literal and only ever increments
// it, adds a non-negative literal to it or assigns one (overflow is
// undefined behaviour, which the analysis does not assume).
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_NONNEGATIVELOCALS_H
#define THREAD_TIDY_NONNEGATIVELOCALS_H

#include "analysis/FunctionLayout.h"
#include "clang/AST/Decl.h"

namespace clang::tidy::threads {

/// Whether \p Var is a local integer that the function of \p Layout
/// declares, starts at a non-negative literal and changes only by `++`,
/// `+=` or `=` of a non-negative literal; every other use only reads it.
bool staysNonNegative(const VarDecl *Var, const FunctionLayout &Layout);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_NONNEGATIVELOCALS_H
