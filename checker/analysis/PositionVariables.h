//===--- PositionVariables.h - String positions held in variables ---------===//
//
// `s.substr(pos)` throws when `pos > s.size()`. Real code takes positions
// from the string itself and keeps them in variables:
//
//   auto colon = s.find(':');          // below size(), or npos
//   key = s.substr(0, colon);
//   value = s.substr(colon + 1);       // npos + 1 is 0: never past the end
//
//   std::size_t start = 0, end;        // the split loop
//   while ((end = s.find(',', start)) != std::string::npos) {
//     out.push_back(s.substr(start, end - start));
//     start = end + 1;                 // at most size()
//   }
//   out.push_back(s.substr(start));
//
// This says whether a variable holds such a value at a call: either it keeps
// the value it was initialized with and the string does not change from
// there to the call, or every value the function ever gives it is one, and
// the string does not change from the variable's declaration to the call.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_POSITIONVARIABLES_H
#define THREAD_TIDY_POSITIONVARIABLES_H

#include "analysis/FunctionLayout.h"
#include "analysis/ValueChanges.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::threads {

class PositionVariables {
public:
  PositionVariables(const FunctionLayout &Layout, const ValueChanges &Changes)
      : Layout(Layout), Changes(Changes) {}

  /// Whether \p Var holds a result of \p String's `find` family where
  /// \p Point reads it: a position below `size()`, or `npos`.
  bool holdsFindResult(const VarDecl *Var, const Expr *String,
                       const Stmt *Point) const;

  /// Whether \p Var holds a position of \p String that is not past its end
  /// where \p Point reads it: 0, `size()`, or a find result plus one.
  bool holdsPosition(const VarDecl *Var, const Expr *String, const Stmt *Point,
                     unsigned Depth = 0) const;

private:
  using ValueTest = llvm::function_ref<bool(const Expr *)>;

  bool isFindOn(const Expr *Value, const Expr *String,
                const VarDecl *Holder) const;
  bool isPositionOn(const Expr *Value, const Expr *String,
                    unsigned Depth) const;
  bool keepsInitialValue(const VarDecl *Var, const Expr *String,
                         const Stmt *Point, ValueTest IsAccepted) const;
  bool onlyEverHolds(const VarDecl *Var, const Expr *String, const Stmt *Point,
                     ValueTest IsAccepted) const;
  bool unchangedBetween(const Stmt *From, const Expr *String,
                        const Stmt *To) const;

  const FunctionLayout &Layout;
  const ValueChanges &Changes;
  /// neverChanges() looks at the whole function: once per access path.
  mutable std::map<std::pair<bool, std::vector<const void *>>, bool> Unchanged;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_POSITIONVARIABLES_H
