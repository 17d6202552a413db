//===--- TestAssertionExits.h - Test assertion exits, once per thread -----===//
//
// A test that starts a thread and then checks results before joining it
// has one test assertion after another between the start and the join;
// each of them, failing, leaves the scope with the thread joinable. That
// is one fact about the thread, not one per assertion: this class gathers
// the exits of one function that are test assertions (TestAssertionMacros)
// and reports each thread, or container of threads, once, at its
// declaration, with a note at each assertion (the first few, then a count).
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_TESTASSERTIONEXITS_H
#define THREAD_TIDY_TESTASSERTIONEXITS_H

#include "analysis/ThreadLifetimeAnalysis.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "utils/TestAssertions.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::threads {

class TestAssertionExits {
public:
  /// Notes shown per thread before the rest are counted.
  static constexpr unsigned MaxNotedAssertions = 4;

  TestAssertionExits(const TestAssertionMacros &Macros,
                     const TrackedThreadTypes &Types, ASTContext &Ctx)
      : Macros(Macros), Types(Types), Ctx(Ctx) {}

  /// Keeps the events that are exits of test assertions: a `return` or an
  /// exception from a listed macro, or from another macro of the same
  /// assertion's expansion (gtest evaluates the predicate and builds the
  /// message outside GTEST_FATAL_FAILURE_). Drops those of non-fatal
  /// checks, the same way. Appends the others to \p Others.
  void take(llvm::ArrayRef<LifetimeEvent> Events,
            llvm::SmallVectorImpl<const LifetimeEvent *> &Others);

  /// Reports every thread with kept exits, once: \p FirstTime says whether
  /// a thread is reported for the first time in the translation unit (an
  /// instantiated template analyses the same declaration again);
  /// \p AfterReport adds the check's own notes to a thread's report.
  void report(ClangTidyCheck &Check,
              llvm::function_ref<bool(const VarDecl *)> FirstTime,
              llvm::function_ref<void(const VarDecl *)> AfterReport);

private:
  /// How a failing assertion leaves the scope, from surest to least sure.
  enum class Leaves { Returns, Throws, MayThrow };
  struct AssertionExit {
    MacroExpansion Assertion;
    Leaves How;
  };
  struct ThreadExits {
    const VarDecl *Thread;
    bool IsContainer;
    /// Joinable on every path into at least one of the assertions.
    bool Certain = false;
    llvm::SmallVector<AssertionExit, 4> Exits;
  };

  static Leaves howItLeaves(const Stmt *Site);
  /// The expansion that wrote \p Event's exit, if it is an exit.
  std::optional<MacroExpansion> expansionOf(const LifetimeEvent &Event) const;
  void keep(const LifetimeEvent &Event, const MacroExpansion &Assertion);
  ThreadExits &exitsOf(const VarDecl *Thread);
  void addExit(ThreadExits &Thread, const MacroExpansion &Assertion,
               Leaves How);
  void reportThread(ClangTidyCheck &Check, ThreadExits &Thread) const;
  void noteAssertions(ClangTidyCheck &Check,
                      llvm::ArrayRef<AssertionExit> Exits) const;

  const TestAssertionMacros &Macros;
  const TrackedThreadTypes &Types;
  ASTContext &Ctx;
  llvm::SmallVector<ThreadExits, 2> Threads;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_TESTASSERTIONEXITS_H
