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
#include "analysis/ThreadUseClassifier.h"
#include "analysis/TrackedThreadTypes.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <cstdint>

namespace clang {
class ASTContext;
class CXXCtorInitializer;
class CXXTryStmt;
} // namespace clang

namespace clang::tidy::threads {

class TestAssertionMacros;

/// What one local thread may be at a program point: a set of
/// possibilities. The dataflow's join is set union, so a state only grows,
/// at most NumPossibilities - 1 times after it is first set; that height
/// bounds the analysis.
class JoinState {
public:
  enum Possibility : std::uint8_t {
    NeverStarted = 1 << 0, ///< Default-constructed (or destroyed).
    Joinable = 1 << 1,     ///< Started and not yet joined or detached.
    Ended = 1 << 2,        ///< Joined or detached.
    MovedFrom = 1 << 3,    ///< Moved into another owner.
    /// Handed by reference to code that may have done anything with it.
    HandedOver = 1 << 4,
    /// A handle whose create call failed (or whose result nobody checked):
    /// it names no thread, and joining it is undefined behaviour.
    CreateFailed = 1 << 5,
  };
  static constexpr unsigned NumPossibilities = 6;

  JoinState() = default;
  /*implicit*/ JoinState(Possibility Only) : Bits(Only) {}

  bool isEmpty() const { return Bits == 0; }
  bool mayBe(Possibility P) const { return Bits & P; }
  bool mayBeJoinable() const { return mayBe(Joinable); }
  bool mayBeNotJoinable() const { return Bits & NotJoinable; }
  /// The possibilities of this state that \p Kept has too.
  JoinState onlyThoseOf(JoinState Kept) const {
    return JoinState(std::uint8_t(Bits & Kept.Bits));
  }
  /// The possibilities in which joining throws: known not joinable.
  JoinState knownNotJoinable() const {
    return JoinState(Bits & (NeverStarted | Ended | MovedFrom | CreateFailed));
  }
  /// Keeps what a `joinable()` guard that evaluated to \p IsJoinable
  /// allows; a handed-over thread may be either.
  void assumeJoinable(bool IsJoinable) {
    Bits &= IsJoinable ? (Joinable | HandedOver) : NotJoinable;
  }
  /// Adds \p Other's possibilities; returns whether any was new.
  bool merge(JoinState Other) {
    std::uint8_t Merged = Bits | Other.Bits;
    bool Changed = Merged != Bits;
    Bits = Merged;
    return Changed;
  }

private:
  static constexpr std::uint8_t NotJoinable =
      NeverStarted | Ended | MovedFrom | HandedOver | CreateFailed;
  explicit JoinState(std::uint8_t Raw) : Bits(Raw) {}
  std::uint8_t Bits = 0;
};

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
    /// A handle whose create call failed on some path (PriorSite), or
    /// whose result was not checked.
    CreationFailed,
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
  /// For a member's ScopeExit: the condition of the last branch that went
  /// around a join (or to a return) while the member was joinable, and
  /// whether that was its true branch.
  const Expr *SkippingCondition = nullptr;
  bool SkippedWhenTrue = false;
};

/// The exception exit among \p Events whose site comes first in the source
/// (what a constructor's finding names); null when there is none.
const LifetimeEvent *firstExceptionExit(llvm::ArrayRef<LifetimeEvent> Events,
                                        const SourceManager &SM);

/// The function declaring \p Thread, the first time it is asked for (a
/// function is analysed once, whatever number of threads it declares); null
/// afterwards and for template patterns.
const FunctionDecl *
functionToAnalyze(const VarDecl *Thread,
                  llvm::DenseSet<const FunctionDecl *> &Analyzed);

class ThreadLifetimeAnalysis {
public:
  /// CFGs larger than this are skipped: a bounded cost matters more than a
  /// finding in a generated 20,000-block function.
  static constexpr unsigned MaxBlocks = 20000;

  /// Without \p Exceptions, exceptions are not followed (no ExceptionExit
  /// events): for users that only need the joins. With
  /// \p ReportIncompleteAs, a function left unanalysed is reported on
  /// stderr under that check name (the checks pass their name when
  /// clang-tidy runs with --enable-check-profile).
  ThreadLifetimeAnalysis(const TrackedThreadTypes &Types,
                         ExceptionFlowAnalysis *Exceptions,
                         bool AssumeOpaqueCallsThrow,
                         llvm::StringRef ReportIncompleteAs = "")
      : Types(Types), Exceptions(Exceptions),
        AssumeOpaqueCallsThrow(AssumeOpaqueCallsThrow),
        ReportIncompleteAs(ReportIncompleteAs) {}

  enum class Outcome {
    Complete,
    NothingToTrack, ///< No local thread that some code joins or hands over.
    CfgTooLarge,    ///< More than MaxBlocks blocks: skipped.
    OutOfSteps,     ///< The step bound was reached (an analysis bug).
  };

  /// Analyses the local threads of \p Fn that some code joins, detaches or
  /// hands over (a thread nothing ever joins is threads-unjoined-thread's).
  Outcome analyze(const FunctionDecl *Fn, ASTContext &Ctx,
                  llvm::SmallVectorImpl<LifetimeEvent> &Events);

  /// Whether \p Fn, when it starts the thread(s) of \p Member (a data
  /// member of \p Kind Thread or Container), leaves them joined on every
  /// path that returns: the same dataflow, run on the member instead of the
  /// locals, assuming it was not running on entry. False when \p Fn does
  /// not start it, when some use of it is inside a closure, or when the
  /// function could not be analysed.
  bool joinsMemberBeforeReturning(const FunctionDecl *Fn,
                                  const FieldDecl *Member, ThreadOwnerKind Kind,
                                  ASTContext &Ctx);

  /// What a call of another member function on `this` does to the member,
  /// for MemberRun::Calls: the member's state after the call for each
  /// possibility before it (indexed by the possibility's bit number), and
  /// the possibilities in which the call joins or detaches it unguarded.
  struct MemberCallEffect {
    JoinState After[JoinState::NumPossibilities];
    JoinState Throws;
  };
  /// How analyzeMember runs the dataflow on one member function.
  struct MemberRun {
    /// The member's possible states on entry.
    JoinState Entry = JoinState::NeverStarted;
    /// A constructor: its member initializers run first (they may start
    /// the member or throw), and the exceptions that leave it are events.
    bool Constructor = false;
    /// The member still joinable where the function returns is an event
    /// (a ScopeExit at the body): a destructor.
    bool JoinableAtReturnIsExit = false;
    /// Tracks the member even when the function neither starts it nor
    /// gets it running: joins of a member that is not running.
    bool TrackWithoutStart = false;
    /// Calls on `this` applied like the member's own uses, if any.
    const llvm::DenseMap<const Stmt *, MemberCallEffect> *Calls = nullptr;
    /// Set to the member's state where the function returns.
    JoinState *AtReturn = nullptr;
    /// Calls on `this` that act on the member as one use of it, for runs
    /// that need no per-state summary (Calls): a stop()
    /// that joins it on every path (Join), a start() (Start). A Start at
    /// a call, like one at an assignment or a reset(), is an Overwrite
    /// event where the member may be joinable.
    llvm::ArrayRef<ThreadUse> CallEffects;
  };
  /// Runs the dataflow on \p Member (of \p Kind Thread, UniquePtr or
  /// Container) in \p Fn as \p Run says and records its events, whose
  /// Thread is null. NothingToTrack when a closure uses the member, or when
  /// the function neither starts it nor gets it running.
  Outcome analyzeMember(const FunctionDecl *Fn, const FieldDecl *Member,
                        ThreadOwnerKind Kind, const MemberRun &Run,
                        ASTContext &Ctx,
                        llvm::SmallVectorImpl<LifetimeEvent> &Events);

  /// A subobject of a constructor's class (a base, or a member of class
  /// type) that owns a thread through its own class, for analyzeSubobject.
  struct SubobjectRun {
    /// Its initializer, when that leaves it running; null when a call in
    /// the body starts it.
    const CXXCtorInitializer *StartingInitializer = nullptr;
    /// The calls that start it (Start) or may stop it (Join).
    llvm::ArrayRef<ThreadUse> Uses;
    /// Whether the handlers of a try in the body leave it safe.
    llvm::function_ref<bool(const CXXTryStmt *)> HandlersLeaveSafe;
  };
  /// Runs the dataflow on \p Subobject in constructor \p Ctor as on a
  /// member thread (MemberRun::Constructor): the exceptions that leave
  /// \p Ctor while it may be running are ExceptionExit events.
  Outcome analyzeSubobject(const CXXConstructorDecl *Ctor,
                           const SubobjectRun &Subobject, ASTContext &Ctx,
                           llvm::SmallVectorImpl<LifetimeEvent> &Events);

  /// Whether a call in \p Caller may throw, as far as the visible code
  /// shows.
  bool mayThrow(const Stmt *CallOrThrow, const FunctionDecl *Caller);

  /// Also tracks local containers of threads: filled by emplace_back,
  /// push_back or element assignment, joined by a loop over the elements
  /// (see ContainerJoinLoops); and local optionals of a thread (emplace,
  /// assignment; `o->join()`), whose join of an empty optional is not
  /// judged, as for a null unique_ptr. Off unless asked for: the checks that
  /// judge single joins (invalid joins, jthread candidates) do not want them.
  void trackContainers() { TrackContainers = true; }
  bool tracksContainers() const { return TrackContainers; }

  /// Makes a call written by a test assertion's macros (\p Assertions)
  /// whose body is not visible count as one that may throw: doctest, Catch2
  /// and Boost.Test fail an assertion by throwing from out-of-line code.
  void followTestAssertions(const TestAssertionMacros *Assertions) {
    this->Assertions = Assertions;
  }
  /// Whether \p Call is such a call.
  bool isOpaqueAssertionCall(const Stmt *Call, ASTContext &Ctx) const;

  /// The most worklist steps the dataflow can take: each block is queued
  /// once when first reached and once per possibility a thread's state
  /// gains there, plus the entry. Reaching it means the analysis is wrong.
  static std::uint64_t stepBound(unsigned NumBlocks, unsigned NumThreads);

private:
  void reportIncomplete(const FunctionDecl *Fn, Outcome Why,
                        unsigned NumBlocks) const;

  const TrackedThreadTypes &Types;
  ExceptionFlowAnalysis *Exceptions;
  const bool AssumeOpaqueCallsThrow;
  const llvm::StringRef ReportIncompleteAs;
  bool TrackContainers = false;
  const TestAssertionMacros *Assertions = nullptr;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_THREADLIFETIMEANALYSIS_H
