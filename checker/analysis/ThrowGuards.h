//===--- ThrowGuards.h - Known throws that a guard rules out --------------===//
//
// Real code calls the default KnownThrowingFunctions in their safe forms:
// `opt.value()` inside `if (opt)`, `m.at(k)` after
// `if (!m.count(k)) return;`, `v.at(i)` in `for (i = 0; i < v.size(); ++i)`,
// `s.substr(pos + 1)` after `auto pos = s.find(':')`. Such a call cannot
// throw, and reporting it would claim something that cannot happen.
//
// Given one call of a known thrower and the body of the function it is in,
// this decides whether the throw is ruled out: by the call's form
// (ThrowPreconditions), or by a condition in the same function that is
// evaluated before the call on every path to it (the condition of an
// enclosing `if`, loop, `?:`, `&&` or `||`, or an earlier `if` in an
// enclosing block whose branch never falls through), that establishes what
// the call needs (GuardConditions), about the same object and key compared
// structurally, with nothing in between that may change them
// (ValueChanges). When in doubt, the throw counts.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_THROWGUARDS_H
#define THREAD_TIDY_THROWGUARDS_H

#include "analysis/FunctionLayout.h"
#include "analysis/GuardFacts.h"
#include "analysis/PositionVariables.h"
#include "analysis/SizedMembers.h"
#include "analysis/ValueChanges.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>

namespace clang::tidy::threads {

class ThrowGuards {
public:
  /// Whether the call \p Call of the known thrower \p Callee cannot throw.
  /// \p Caller is the function the call is in (null when unknown: then
  /// only the call's form can rule the throw out).
  bool rulesOut(const Expr *Call, const FunctionDecl *Callee,
                const FunctionDecl *Caller);

  /// Forgets the functions of the previous translation unit.
  void reset() {
    Functions.clear();
    Sized.reset();
  }

private:
  /// What is known about one function's code, built when a call in it
  /// first needs a guard.
  struct FunctionAnalyses {
    explicit FunctionAnalyses(const FunctionDecl *Function);
    FunctionLayout Layout;
    ValueChanges Changes;
    PositionVariables Positions;
  };
  const FunctionAnalyses &analysesOf(const FunctionDecl *Function);
  void collectDominatingFacts(const Expr *Call, const FunctionLayout &Layout,
                              llvm::SmallVectorImpl<GuardFact> &Facts) const;
  void collectEarlierExits(const CompoundStmt *Block, const Stmt *Child,
                           llvm::SmallVectorImpl<GuardFact> &Facts) const;
  void collectPositionFacts(const GuardFact &Need, const Expr *Call,
                            const PositionVariables &Positions,
                            llvm::SmallVectorImpl<GuardFact> &Facts) const;
  void collectFixedValueFacts(const GuardFact &Need,
                              const ValueChanges &Changes,
                              llvm::SmallVectorImpl<GuardFact> &Facts) const;
  bool signHolds(const GuardFact &Fact, llvm::ArrayRef<GuardFact> Facts,
                 const Expr *Call, const FunctionLayout &Layout,
                 const ValueChanges &Changes) const;
  bool sizeStillRead(const GuardFact &Fact, const Expr *Call,
                     const FunctionLayout &Layout,
                     const ValueChanges &Changes) const;
  bool stillHolds(const GuardFact &Fact, const Expr *Call,
                  const FunctionLayout &Layout,
                  const ValueChanges &Changes) const;

  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<FunctionAnalyses>>
      Functions;
  SizedMembers Sized;
};

/// Whether \p S never completes normally: `return`, `throw`, `break`,
/// `continue`, a call to a `[[noreturn]]` function, or a block or an `if`
/// that always ends in one of them.
bool neverFallsThrough(const Stmt *S);

/// Whether \p Callee constructs a `std::thread` or `std::jthread`: a thread
/// that could not start (std::system_error).
bool startsStandardThread(const FunctionDecl *Callee);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_THROWGUARDS_H
