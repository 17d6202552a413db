//===--- ThreadLifetimeAnalysis.h - Joinability along every path ----------===//
//
// A forward dataflow over clang's CFG of one function: for each local thread
// it tracks whether the thread may be joinable (started and not yet joined,
// detached or handed over) at every point, and reports the places where a
// joinable thread is destroyed or overwritten: a scope exit (`return`,
// `break`, `continue`, `goto`, the closing brace), an exception leaving the
// scope (a `throw`, or a call whose visible body may throw), or a
// move-assignment into it. Both lifetime checks and the misuse checks build
// on this one analysis.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_THREADLIFETIMEANALYSIS_H
#define THREAD_TIDY_THREADLIFETIMEANALYSIS_H

#include "analysis/ExceptionFlowAnalysis.h"
#include "analysis/TrackedThreadTypes.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"

namespace clang {
class ASTContext;
} // namespace clang

namespace clang::tidy::threads {

struct LifetimeEvent {
  enum EventKind {
    ScopeExit,     ///< Destroyed at \c Site (return, break, end of scope...).
    ExceptionExit, ///< An exception from \c Site would leave the scope.
    Overwrite,     ///< Move-assigned at \c Site while joinable.
    InvalidJoin,   ///< A JoinMethod called at \c Site on a thread that is
                   ///< (on some path) not joinable.
  };
  /// Why a thread is not joinable, for InvalidJoin.
  enum NotJoinableReason {
    AlreadyEnded, ///< Joined or detached before, at \c PriorSite.
    MovedFrom,    ///< Moved from, at \c PriorSite.
    NeverStarted, ///< Default-constructed and not started on any path.
  };
  EventKind Kind;
  const VarDecl *Thread;
  /// The statement that leaves the scope, throws, assigns, or joins.
  const Stmt *Site;
  /// Joinable on some paths only; for InvalidJoin, invalid on some paths.
  bool OnlyOnSomePaths;
  NotJoinableReason Reason = AlreadyEnded;
  /// For InvalidJoin: a join, detach or move that ended joinability before.
  const Stmt *PriorSite = nullptr;
};

/// Matches the local threads whose function the analysis should run on:
/// the checks built on it start here, so that only functions that declare
/// a thread pay for a CFG.
ast_matchers::internal::BindableMatcher<Decl>
localTrackedThread(const TrackedThreadTypes *Types);

/// The function declaring \p Thread, the first time it is asked for (a
/// function is analysed once, whatever number of threads it declares); null
/// afterwards and for template patterns.
const FunctionDecl *
functionToAnalyze(const VarDecl *Thread,
                  llvm::DenseSet<const FunctionDecl *> &Analyzed);

class ThreadLifetimeAnalysis {
public:
  /// CFGs larger than this are skipped quietly: a bounded cost matters more
  /// than a finding in a generated 10,000-block function.
  static constexpr unsigned MaxBlocks = 20000;

  /// Without \p Exceptions, exceptions are not followed (no ExceptionExit
  /// events): for users that only need the joins.
  ThreadLifetimeAnalysis(const TrackedThreadTypes &Types,
                         ExceptionFlowAnalysis *Exceptions,
                         bool AssumeOpaqueCallsThrow)
      : Types(Types), Exceptions(Exceptions),
        AssumeOpaqueCallsThrow(AssumeOpaqueCallsThrow) {}

  /// Analyses the local threads of \p Fn that some code joins, detaches or
  /// hands over (a thread nothing ever joins is threads-unjoined-thread's).
  void analyze(const FunctionDecl *Fn, ASTContext &Ctx,
               llvm::SmallVectorImpl<LifetimeEvent> &Events);

  /// Whether a call may throw, as far as the visible code shows.
  bool mayThrow(const Stmt *CallOrThrow);

private:
  const TrackedThreadTypes &Types;
  ExceptionFlowAnalysis *Exceptions;
  const bool AssumeOpaqueCallsThrow;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_THREADLIFETIMEANALYSIS_H
