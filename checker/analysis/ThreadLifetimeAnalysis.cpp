//===--- ThreadLifetimeAnalysis.cpp ---------------------------------------===//

#include "analysis/ThreadLifetimeAnalysis.h"
#include "analysis/ContainerJoinLoops.h"
#include "analysis/HandleCreations.h"
#include "analysis/MemberProtocol.h"
#include "analysis/SingleThreadOwners.h"
#include "analysis/ThreadStarts.h"
#include "analysis/ThreadUseClassifier.h"
#include "utils/AstUtils.h"
#include "utils/DeclNames.h"
#include "utils/FatalCalls.h"
#include "utils/TestAssertions.h"
#include "utils/ThreadTidyCompat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/Builtins.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/raw_ostream.h"
#include <deque>
#include <memory>
#include <optional>

namespace clang::tidy::threads {

namespace {

/// Whether \p Site, an escape of a thread, moves it out (std::move into a
/// container, a member, a callee): afterwards it is empty.
bool movesOut(const Stmt *Site) { return isStdMoveOrForward(calleeOf(Site)); }

/// Refs to tracked variables made inside a lambda or block body: the CFG
/// of the enclosing function does not see when those run, so such a
/// variable is not tracked at all (silence rather than a guess).
void findCapturedUses(const Stmt *S,
                      llvm::DenseSet<const VarDecl *> &Captured) {
  forEachStmtInClosures(S, [&](const Stmt *Node) {
    if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Node))
      if (const auto *Var = llvm::dyn_cast<VarDecl>(Ref->getDecl()))
        Captured.insert(Var);
  });
}

/// Whether \p S has a use of \p Member inside a lambda: the CFG of the
/// enclosing function does not see when that runs.
bool usedInsideClosure(const Stmt *S, const FieldDecl *Member) {
  bool Used = false;
  forEachStmtInClosures(S, [&](const Stmt *Node) {
    if (const auto *Use = llvm::dyn_cast<MemberExpr>(Node))
      Used |= Use->getMemberDecl() == Member;
  });
  return Used;
}

struct ThreadLocal {
  const VarDecl *Var;
  const DeclStmt *Declaration;
  ThreadOwnerKind Kind;
};

/// The local threads below \p S, and the local containers and optionals of
/// threads too when \p WithContainers.
void findThreadLocals(const Stmt *S, const TrackedThreadTypes &Types,
                      bool WithContainers,
                      llvm::SmallVectorImpl<ThreadLocal> &Vars) {
  forEachStmtIn(S, Lambdas::Skip, [&](const Stmt *Node) {
    if (const auto *Decls = llvm::dyn_cast<DeclStmt>(Node))
      for (const Decl *D : Decls->decls())
        if (const auto *Var = llvm::dyn_cast<VarDecl>(D)) {
          // A GNU cleanup function gets the variable at every scope exit:
          // it is the one to join, and it is not followed here.
          if (!Var->hasLocalStorage() || declarationHasErrors(Var) ||
              Var->hasAttr<CleanupAttr>())
            continue;
          ThreadOwnerKind Kind = Types.ownerKindOfValue(Var->getType());
          if (Kind == ThreadOwnerKind::None)
            Kind = Types.handleKindOfVariable(Var);
          // A handle array is always followed: a join of its element
          // whose create failed is an invalid join.
          if (Kind == ThreadOwnerKind::Thread || isHandleKind(Kind) ||
              (WithContainers && (Kind == ThreadOwnerKind::Container ||
                                  Kind == ThreadOwnerKind::Optional)))
            Vars.push_back({Var, Decls, Kind});
        }
  });
}

/// Whether \p Site is part of the argument of `__builtin_constant_p`, which
/// is not evaluated: the CFG lists it like evaluated code. (Catch2 writes
/// every assertion's expression there once more, for the compiler's
/// warnings.)
bool isInUnevaluatedBuiltinArgument(const Stmt *Site,
                                    const ParentMap &Parents) {
  for (const Stmt *P = Parents.getParent(Site); llvm::isa_and_nonnull<Expr>(P);
       P = Parents.getParent(P))
    if (const auto *Call = llvm::dyn_cast<CallExpr>(P))
      if (Call->getBuiltinCallee() == Builtin::BI__builtin_constant_p)
        return true;
  return false;
}

/// The condition that the two-way branch ending \p Block tests, or null.
/// The block that evaluates the right operand of `a && t.joinable()`
/// branches on that operand, not on the whole condition.
const Expr *branchConditionOf(const CFGBlock &Block) {
  if (Block.succ_size() != 2)
    return nullptr;
  const auto *Cond =
      llvm::dyn_cast_or_null<Expr>(Block.getTerminatorCondition());
  if (const auto *Logical = llvm::dyn_cast_or_null<BinaryOperator>(
          Cond ? Cond->IgnoreParens() : nullptr);
      Logical && Logical->isLogicalOp())
    return Block.getLastCondition();
  return Cond;
}

const Expr *stripCondition(const Expr *E, bool &Negated) {
  Negated = false;
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Not = llvm::dyn_cast<UnaryOperator>(E);
        Not && Not->getOpcode() == UO_LNot) {
      Negated = !Negated;
      E = Not->getSubExpr();
      continue;
    }
    return E;
  }
  return E;
}

} // namespace

const FunctionDecl *
functionToAnalyze(const VarDecl *Thread,
                  llvm::DenseSet<const FunctionDecl *> &Analyzed) {
  const FunctionDecl *Fn = functionDeclaring(Thread);
  if (!Fn || Fn->isDependentContext() || !Analyzed.insert(Fn).second)
    return nullptr;
  return Fn;
}

const LifetimeEvent *firstExceptionExit(llvm::ArrayRef<LifetimeEvent> Events,
                                        const SourceManager &SM) {
  const LifetimeEvent *First = nullptr;
  for (const LifetimeEvent &Event : Events)
    if (Event.Kind == LifetimeEvent::ExceptionExit &&
        (!First || SM.isBeforeInTranslationUnit(Event.Site->getBeginLoc(),
                                                First->Site->getBeginLoc())))
      First = &Event;
  return First;
}

bool ThreadLifetimeAnalysis::mayThrow(const Stmt *S,
                                      const FunctionDecl *Caller) {
  if (!Exceptions)
    return false;
  if (llvm::isa<CXXThrowExpr>(S))
    return true;
  const FunctionDecl *Callee = calleeOf(S);
  // A call through a function pointer names no function; what it may run
  // is the exception analysis's question.
  if (!Callee)
    return TypeErasedCalls::erasedCallee(S) &&
           !Exceptions->thrownByCall(S, Caller).empty();
  // The thread class's own members (constructors, join) are the events we
  // track, not exits: their failures are reported by other checks.
  if (const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Callee))
    if (Types.isThreadClass(Method->getParent()))
      return false;
  // So is the access to the thread an optional holds: `o.value()` throws
  // only when it holds none.
  if (const auto *Access = llvm::dyn_cast<CXXMemberCallExpr>(S))
    if (ownerOfHeldThread(Access, Types) != Access)
      return false;
  if (!Exceptions->thrownByCall(S, Caller).empty())
    return true;
  return AssumeOpaqueCallsThrow && Exceptions->callsOpaqueFunction(S);
}

bool ThreadLifetimeAnalysis::isOpaqueAssertionCall(const Stmt *Call,
                                                   ASTContext &Ctx) const {
  // Cheap tests first: most statements are not written by a macro.
  if (!Assertions || !Exceptions || !Call->getBeginLoc().isMacroID() ||
      !llvm::isa<CallExpr, CXXConstructExpr>(Call) ||
      !Exceptions->callsOpaqueFunction(Call))
    return false;
  return Assertions->isTestAssertionExit(Call, Ctx.getSourceManager(),
                                         Ctx.getLangOpts());
}

namespace {

/// One tracked thread's state at a program point, and one statement that
/// ended its joinability on some path into here (for the notes of an
/// invalid join).
struct TrackedState {
  JoinState State;
  const Stmt *LastEnd = nullptr;
  /// Its state before the last start: what a failed create of a handle
  /// leaves (see HandleCreations).
  JoinState BeforeStart;
  /// A handle's create call that failed, or was not checked, on some path
  /// into here (CreateFailed).
  const Stmt *FailedCreate = nullptr;
  /// A member run with JoinableAtReturnIsExit: the last branch that went
  /// around a join while it was joinable (see LifetimeEvent).
  const Expr *SkippingCondition = nullptr;
  bool SkippedWhenTrue = false;
};
/// The state of every tracked thread, indexed like LifetimeDataflow's
/// Threads.
using ProgramState = llvm::SmallVector<TrackedState, 4>;

/// The dataflow of one function: which local threads it tracks, what each
/// statement does to them, the fixed point over the CFG, and the events of
/// the final pass. One instance per analysed function.
class LifetimeDataflow {
public:
  LifetimeDataflow(const FunctionDecl *Fn, ASTContext &Ctx,
                   const TrackedThreadTypes &Types,
                   ThreadLifetimeAnalysis &Analysis,
                   llvm::SmallVectorImpl<LifetimeEvent> &Events)
      : Fn(Fn), Body(Fn->getBody()), Ctx(Ctx), Types(Types), Analysis(Analysis),
        Events(Events) {}

  /// Tracks the data member \p Member (used through `this`) instead of
  /// the local threads; no events are recorded then (ask stateAtReturn()),
  /// unless runMember says how.
  void trackMember(const FieldDecl *Member, ThreadOwnerKind Kind) {
    this->Member = Member;
    MemberKind = Kind;
  }
  /// With trackMember: runs as \p Run says, and records events.
  void runMember(const ThreadLifetimeAnalysis::MemberRun &Run) {
    this->Run = &Run;
  }
  /// With runMember: tracks \p Subobject instead of a member thread.
  void trackSubobject(const ThreadLifetimeAnalysis::SubobjectRun &Subobject) {
    this->Subobject = &Subobject;
  }

  /// Runs the whole analysis; NumBlocks is set once a CFG was built.
  ThreadLifetimeAnalysis::Outcome run();
  /// After run() on a member: its state where the function returns; empty
  /// when no path returns.
  JoinState memberStateAtReturn() const;
  unsigned numBlocks() const { return NumBlocks; }

private:
  /// What a statement does to one tracked thread.
  struct SiteEffect {
    unsigned Thread;
    ThreadUseKind Kind;
    bool StartsDetached = false;
  };
  /// A `joinable()` test of one tracked thread ending a block.
  struct JoinableGuard {
    unsigned Thread;
    /// `!t.joinable()`: the first successor is the not-joinable branch.
    bool Negated;
    /// `if (p)` tests whether an owner holds a thread at all: only its
    /// false branch says something (not joinable).
    bool TestsHolding = false;
  };

  bool collectTrackedThreads();
  bool collectTrackedMember();
  /// Makes the tracked thread number \p Index, declared in \p Scope,
  /// subject to \p Uses.
  void addUses(unsigned Index, llvm::ArrayRef<ThreadUse> Uses,
               const Stmt *Scope);
  bool buildCfg();
  bool solve();
  void collectEvents();

  ProgramState transfer(const CFGBlock &Block, ProgramState State, bool Final);
  void applyDeclaration(const DeclStmt *Decls, ProgramState &State) const;
  void applyEffect(const SiteEffect &Effect, const Stmt *Site,
                   ProgramState &State, bool Final);
  void applyCall(const ThreadLifetimeAnalysis::MemberCallEffect &Effect,
                 const Stmt *Site, TrackedState &Thread, bool Final);
  void applyPossibleThrow(const Stmt *Site, const ProgramState &State);
  void propagate(const CFGBlock &Block, const ProgramState &Out);
  std::optional<JoinableGuard> guardOf(const CFGBlock &Block) const;
  void noteSkippingBranch(const CFGBlock &Block, bool IsTrueBranch,
                          TrackedState &Thread) const;
  void applyInitializer(const CFGInitializer &Init, ProgramState &State) const;
  bool caughtWithinScope(const Stmt *Site, unsigned Thread) const;

  void recordExit(LifetimeEvent::EventKind Kind, unsigned Thread,
                  const Stmt *Site, JoinState State);
  void recordInvalidJoin(unsigned Thread, const Stmt *Site,
                         const TrackedState &Before);
  bool isContainer(unsigned Thread) const {
    return Kinds[Thread] == ThreadOwnerKind::Container ||
           Kinds[Thread] == ThreadOwnerKind::HandleArray;
  }
  bool tracksHandles() const { return llvm::any_of(Kinds, isHandleKind); }
  /// After a call that does not come back (FatalCalls), the handles are
  /// in no state at all: the path ends there.
  void endPathOfHandles(ProgramState &State) const {
    for (unsigned Thread = 0; Thread < State.size(); ++Thread)
      if (isHandleKind(Kinds[Thread]))
        State[Thread] = TrackedState{};
  }
  /// Whether the join \p Site is in a loop over a constant number of
  /// elements (`i < N`): it joins the element whose create failed too. A
  /// loop up to a variable (`i < created`) joins what the code counted.
  bool joinsEveryElement(const Stmt *Site) const;
  /// A test of a local flag that records whether a handle was created
  /// (isCreationFlag): it tells the branches apart as `joinable()` does.
  std::optional<JoinableGuard> creationFlagGuard(const Expr *Cond,
                                                 bool Negated) const;
  /// On the edge where a create call that ends \p Block failed: the
  /// handles it would have created keep their state from before it.
  void undoFailedCreation(const CFGBlock &Block, bool IsTrueBranch,
                          ProgramState &State) const;

  const FunctionDecl *Fn;
  const Stmt *Body;
  /// The data member tracked instead of the locals, if any: thread number
  /// 0, with a null declaration.
  const FieldDecl *Member = nullptr;
  ThreadOwnerKind MemberKind = ThreadOwnerKind::Thread;
  const ThreadLifetimeAnalysis::MemberRun *Run = nullptr;
  /// The subobject tracked instead of a member thread, if any: thread
  /// number 0 too.
  const ThreadLifetimeAnalysis::SubobjectRun *Subobject = nullptr;
  /// With Run->JoinableAtReturnIsExit: the statements that contain a join
  /// of the member or a return; a branch of theirs may go around the join.
  llvm::DenseSet<const Stmt *> AroundJoins;
  ASTContext &Ctx;
  const TrackedThreadTypes &Types;
  ThreadLifetimeAnalysis &Analysis;
  llvm::SmallVectorImpl<LifetimeEvent> &Events;

  /// The tracked threads and containers of threads, and their kinds.
  llvm::SmallVector<const VarDecl *, 4> Threads;
  llvm::SmallVector<ThreadOwnerKind, 4> Kinds;
  llvm::DenseMap<const VarDecl *, unsigned> ThreadIndex;
  /// The innermost statement enclosing each thread's declaration: an
  /// exception caught by a try inside it does not leave the thread's scope.
  llvm::SmallVector<const Stmt *, 4> Scopes;
  llvm::DenseMap<const Stmt *, llvm::SmallVector<SiteEffect, 1>> Effects;

  std::unique_ptr<CFG> Cfg;
  std::unique_ptr<ParentMap> Parents;
  /// The loops that join the tracked containers.
  std::unique_ptr<ContainerJoinLoops> JoinLoops;
  unsigned NumBlocks = 0;
  std::vector<ProgramState> In;
  std::vector<bool> Reached;
  std::deque<const CFGBlock *> Worklist;
  std::vector<bool> Queued;

  /// One event per (site, thread), found on the final pass.
  llvm::DenseMap<std::pair<const Stmt *, unsigned>, size_t> EventIndex;
};

ThreadLifetimeAnalysis::Outcome LifetimeDataflow::run() {
  using Outcome = ThreadLifetimeAnalysis::Outcome;
  if (!Body ||
      !(Member || Subobject ? collectTrackedMember() : collectTrackedThreads()))
    return Outcome::NothingToTrack;
  if (!buildCfg())
    return Outcome::CfgTooLarge;
  if (!solve())
    return Outcome::OutOfSteps;
  if (!Member || Run)
    collectEvents();
  return Outcome::Complete;
}

JoinState LifetimeDataflow::memberStateAtReturn() const {
  unsigned Exit = Cfg->getExit().getBlockID();
  if (!Reached[Exit] || In[Exit].empty())
    return JoinState();
  return In[Exit].front().State;
}

bool LifetimeDataflow::collectTrackedMember() {
  llvm::SmallVector<ThreadUse, 8> Uses;
  bool RunningWithoutBody = false;
  if (Subobject) {
    Uses.append(Subobject->Uses.begin(), Subobject->Uses.end());
    RunningWithoutBody = Subobject->StartingInitializer;
  } else {
    if (usedInsideClosure(Body, Member))
      return false;
    ThreadUseClassifier(Body, Types).collectUses(Member, MemberKind, Uses);
    if (Run)
      Uses.append(Run->CallEffects.begin(), Run->CallEffects.end());
    RunningWithoutBody =
        Run && (Run->TrackWithoutStart || Run->Entry.mayBeJoinable() ||
                (Run->Constructor &&
                 memberInitializerStarts(llvm::cast<CXXConstructorDecl>(Fn),
                                         Member, MemberKind, Types)));
  }
  if (!RunningWithoutBody && !llvm::any_of(Uses, [](const ThreadUse &Use) {
        return Use.Kind == ThreadUseKind::Start;
      }))
    return false;
  Threads.push_back(nullptr);
  Kinds.push_back(MemberKind);
  Parents = std::make_unique<ParentMap>(const_cast<Stmt *>(Body));
  JoinLoops = std::make_unique<ContainerJoinLoops>(*Parents);
  addUses(0, Uses, Body);
  if (Run && Run->JoinableAtReturnIsExit)
    collectStatementsAroundJoins(Body, Uses, *Parents, AroundJoins);
  return true;
}

void LifetimeDataflow::addUses(unsigned Index, llvm::ArrayRef<ThreadUse> Uses,
                               const Stmt *Scope) {
  Scopes.push_back(Scope);
  for (const ThreadUse &Use : Uses) {
    if (Use.Kind != ThreadUseKind::Query)
      Effects[Use.Site].push_back({Index, Use.Kind, Use.StartsDetached});
    if (Use.Kind == ThreadUseKind::Join && isContainer(Index))
      JoinLoops->addJoin(Index, Use.Site, Scope);
  }
}

bool LifetimeDataflow::collectTrackedThreads() {
  llvm::SmallVector<ThreadLocal, 4> Candidates;
  findThreadLocals(Body, Types, Analysis.tracksContainers(), Candidates);
  if (Candidates.empty())
    return false;
  llvm::DenseSet<const VarDecl *> Captured;
  findCapturedUses(Body, Captured);

  ThreadUseClassifier Classifier(Body, Types);
  llvm::SmallVector<const DeclStmt *, 4> Declarations;
  llvm::SmallVector<std::pair<unsigned, const Stmt *>, 4> ContainerJoins;
  for (const ThreadLocal &Candidate : Candidates) {
    const VarDecl *Var = Candidate.Var;
    if (Captured.count(Var))
      continue;
    llvm::SmallVector<ThreadUse, 8> Uses;
    Classifier.collectUses(Var, Candidate.Kind, Uses);
    // Never joined anywhere: threads-unjoined-thread reports it.
    if (!llvm::any_of(Uses, joinsOrHandsOver))
      continue;
    unsigned Index = Threads.size();
    Threads.push_back(Var);
    Kinds.push_back(Candidate.Kind);
    Declarations.push_back(Candidate.Declaration);
    ThreadIndex[Var] = Index;
    for (const ThreadUse &Use : Uses) {
      if (Use.Kind != ThreadUseKind::Query)
        Effects[Use.Site].push_back({Index, Use.Kind, Use.StartsDetached});
      if (Use.Kind == ThreadUseKind::Join && isContainer(Index))
        ContainerJoins.push_back({Index, Use.Site});
    }
  }
  if (Threads.empty())
    return false;
  Parents = std::make_unique<ParentMap>(const_cast<Stmt *>(Body));
  for (const DeclStmt *Declaration : Declarations)
    Scopes.push_back(Parents->getParent(Declaration));
  JoinLoops = std::make_unique<ContainerJoinLoops>(*Parents);
  for (auto [Container, JoinSite] : ContainerJoins)
    JoinLoops->addJoin(Container, JoinSite, Scopes[Container]);
  return true;
}

bool LifetimeDataflow::buildCfg() {
  if (!isCfgBuildable(Fn))
    return false;
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = true;
  // A handle has no destructor: where its scope ends is where its thread
  // leaks. Only then: the elements cost a little on every function.
  if (tracksHandles())
    compat::addLifetimeEndsOfAllLocals(Options);
  Options.setAllAlwaysAdd();
  if (Run && Run->Constructor) {
    Options.AddInitializers = true;
    Options.AddCXXDefaultInitExprInCtors = true;
  }
  Cfg = CFG::buildCFG(Fn, const_cast<Stmt *>(Body), &Ctx, Options);
  if (!Cfg)
    return false;
  NumBlocks = Cfg->getNumBlockIDs();
  return NumBlocks <= ThreadLifetimeAnalysis::MaxBlocks;
}

bool LifetimeDataflow::solve() {
  In.assign(NumBlocks, ProgramState());
  Reached.assign(NumBlocks, false);
  Queued.assign(NumBlocks, false);
  const CFGBlock &Entry = Cfg->getEntry();
  In[Entry.getBlockID()] = ProgramState(
      Threads.size(), TrackedState{Run ? Run->Entry : JoinState::NeverStarted});
  Reached[Entry.getBlockID()] = true;
  Queued[Entry.getBlockID()] = true;
  Worklist.push_back(&Entry);

  std::uint64_t StepsLeft =
      ThreadLifetimeAnalysis::stepBound(NumBlocks, Threads.size());
  while (!Worklist.empty()) {
    if (StepsLeft-- == 0)
      return false;
    const CFGBlock *Block = Worklist.front();
    Worklist.pop_front();
    Queued[Block->getBlockID()] = false;
    propagate(*Block, transfer(*Block, In[Block->getBlockID()],
                               /*Final=*/false));
  }
  return true;
}

void LifetimeDataflow::collectEvents() {
  // Events come from one pass over the stable states only.
  for (const CFGBlock *Block : *Cfg)
    if (Block && Reached[Block->getBlockID()])
      transfer(*Block, In[Block->getBlockID()], /*Final=*/true);
  unsigned Exit = Cfg->getExit().getBlockID();
  if (!Run || !Run->JoinableAtReturnIsExit || !Reached[Exit])
    return;
  const TrackedState &AtReturn = In[Exit].front();
  recordExit(LifetimeEvent::ScopeExit, 0, Body, AtReturn.State);
  if (!Events.empty() && Events.back().Site == Body) {
    Events.back().SkippingCondition = AtReturn.SkippingCondition;
    Events.back().SkippedWhenTrue = AtReturn.SkippedWhenTrue;
  }
}

ProgramState LifetimeDataflow::transfer(const CFGBlock &Block,
                                        ProgramState State, bool Final) {
  for (const CFGElement &Element : Block) {
    if (auto Init = Element.getAs<CFGInitializer>()) {
      applyInitializer(*Init, State);
      continue;
    }
    if (auto Dtor = Element.getAs<CFGAutomaticObjDtor>()) {
      auto It = ThreadIndex.find(Dtor->getVarDecl());
      if (It == ThreadIndex.end())
        continue;
      if (Final)
        recordExit(LifetimeEvent::ScopeExit, It->second, Dtor->getTriggerStmt(),
                   State[It->second].State);
      State[It->second] = TrackedState{JoinState::NeverStarted};
      continue;
    }
    if (auto Ends = Element.getAs<CFGLifetimeEnds>()) {
      auto It = ThreadIndex.find(Ends->getVarDecl());
      if (It == ThreadIndex.end() || !isHandleKind(Kinds[It->second]))
        continue;
      if (Final)
        recordExit(LifetimeEvent::ScopeExit, It->second, Ends->getTriggerStmt(),
                   State[It->second].State);
      State[It->second] = TrackedState{JoinState::NeverStarted};
      continue;
    }
    auto StmtElement = Element.getAs<CFGStmt>();
    if (!StmtElement)
      continue;
    const Stmt *Site = StmtElement->getStmt();
    if (const auto *Decls = llvm::dyn_cast<DeclStmt>(Site))
      applyDeclaration(Decls, State);
    if (tracksHandles() &&
        isLikelyFatalCall(llvm::dyn_cast<CallExpr>(Site),
                          Ctx.getSourceManager(), Ctx.getLangOpts()))
      endPathOfHandles(State);
    if (Run && Run->Calls) {
      auto Call = Run->Calls->find(Site);
      if (Call != Run->Calls->end()) {
        applyCall(Call->second, Site, State[0], Final);
        continue;
      }
    }
    auto Effect = Effects.find(Site);
    if (Effect != Effects.end()) {
      for (const SiteEffect &E : Effect->second)
        applyEffect(E, Site, State, Final);
      continue;
    }
    if (Final)
      applyPossibleThrow(Site, State);
  }
  return State;
}

void LifetimeDataflow::applyDeclaration(const DeclStmt *Decls,
                                        ProgramState &State) const {
  for (const Decl *D : Decls->decls()) {
    auto It = ThreadIndex.find(llvm::dyn_cast<VarDecl>(D));
    if (It == ThreadIndex.end())
      continue;
    bool Started = initializerStartsThread(Threads[It->second]->getInit(),
                                           Kinds[It->second], Types);
    State[It->second] =
        TrackedState{Started ? JoinState::Joinable : JoinState::NeverStarted};
  }
}

void LifetimeDataflow::applyInitializer(const CFGInitializer &Init,
                                        ProgramState &State) const {
  const CXXCtorInitializer *Initializer = Init.getInitializer();
  if (Subobject && Initializer == Subobject->StartingInitializer)
    State[0] = TrackedState{JoinState::Joinable};
  if (Member && Initializer->getMember() == Member &&
      initializerStartsThread(memberInitializerExpr(Initializer), MemberKind,
                              Types))
    State[0] = TrackedState{JoinState::Joinable};
}

void LifetimeDataflow::applyEffect(const SiteEffect &Effect, const Stmt *Site,
                                   ProgramState &State, bool Final) {
  TrackedState &Thread = State[Effect.Thread];
  switch (Effect.Kind) {
  case ThreadUseKind::Start: {
    // Assigning to an element of a container starts one more thread; it
    // overwrites nothing the analysis knows of. A member's reset() or a
    // call that starts it overwrites it as an assignment does, and so does
    // a create into a handle that names a running thread.
    if (Final &&
        (llvm::isa<CXXOperatorCallExpr>(Site) ||
         (Member && llvm::isa<CXXMemberCallExpr>(Site)) ||
         Kinds[Effect.Thread] == ThreadOwnerKind::Handle) &&
        !isContainer(Effect.Thread))
      recordExit(LifetimeEvent::Overwrite, Effect.Thread, Site, Thread.State);
    JoinState Before = Thread.State;
    // A thread created detached needs no join: ended from the start, and
    // joining it is as wrong as joining a detached one.
    Thread = Effect.StartsDetached ? TrackedState{JoinState::Ended, Site}
                                   : TrackedState{JoinState::Joinable};
    Thread.BeforeStart = Before;
    // Nobody looked at whether it was created: it may name no thread.
    if (isHandleKind(Kinds[Effect.Thread]) &&
        creationResultIgnored(llvm::cast<CallExpr>(Site), *Parents)) {
      Thread.State.merge(JoinState::CreateFailed);
      Thread.FailedCreate = Site;
    }
    break;
  }
  case ThreadUseKind::Join:
    // A loop joins a container's elements one by one: the state at a join
    // is that of the whole container, not of the element.
    if (Final && !isContainer(Effect.Thread))
      recordInvalidJoin(Effect.Thread, Site, Thread);
    // Of an array's elements, only the one whose create failed is known
    // to be wrong to join.
    else if (Final && Kinds[Effect.Thread] == ThreadOwnerKind::HandleArray &&
             Thread.State.mayBe(JoinState::CreateFailed) &&
             joinsEveryElement(Site)) {
      TrackedState Element{JoinState::Joinable};
      Element.State.merge(JoinState::CreateFailed);
      Element.FailedCreate = Thread.FailedCreate;
      recordInvalidJoin(Effect.Thread, Site, Element);
    }
    Thread = TrackedState{JoinState::Ended, Site};
    break;
  case ThreadUseKind::Escape:
    Thread = movesOut(Site) ? TrackedState{JoinState::MovedFrom, Site}
                            : TrackedState{JoinState::HandedOver};
    break;
  case ThreadUseKind::Query:
    break;
  }
}

void LifetimeDataflow::applyCall(
    const ThreadLifetimeAnalysis::MemberCallEffect &Effect, const Stmt *Site,
    TrackedState &Thread, bool Final) {
  // The call throws in the possibilities it joins unguarded; judged like a
  // join of those, with the running and unknown ones kept for "may".
  if (Final) {
    JoinState Judged = Thread.State.onlyThoseOf(Effect.Throws);
    if (!Judged.isEmpty()) {
      Judged.merge(Thread.State.onlyThoseOf(JoinState::Joinable));
      Judged.merge(Thread.State.onlyThoseOf(JoinState::HandedOver));
      recordInvalidJoin(0, Site, TrackedState{Judged, Thread.LastEnd});
    }
  }
  JoinState After;
  bool Ends = false;
  for (unsigned I = 0; I < JoinState::NumPossibilities; ++I) {
    auto Before = JoinState::Possibility(1u << I);
    if (!Thread.State.mayBe(Before))
      continue;
    After.merge(Effect.After[I]);
    Ends |=
        Before != JoinState::Ended && Effect.After[I].mayBe(JoinState::Ended);
  }
  Thread.State = After;
  if (Ends)
    Thread.LastEnd = Site;
}

void LifetimeDataflow::applyPossibleThrow(const Stmt *Site,
                                          const ProgramState &State) {
  bool AnyJoinable = llvm::any_of(
      State, [](const TrackedState &T) { return T.State.mayBeJoinable(); });
  if (!AnyJoinable ||
      !(Analysis.mayThrow(Site, Fn) ||
        Analysis.isOpaqueAssertionCall(Site, Ctx)) ||
      isInUnevaluatedBuiltinArgument(Site, *Parents))
    return;
  for (unsigned Thread = 0; Thread < Threads.size(); ++Thread)
    if (State[Thread].State.mayBeJoinable() && !caughtWithinScope(Site, Thread))
      recordExit(LifetimeEvent::ExceptionExit, Thread, Site,
                 State[Thread].State);
}

bool LifetimeDataflow::joinsEveryElement(const Stmt *Site) const {
  for (const Stmt *S = Parents->getParent(Site); S; S = Parents->getParent(S)) {
    const auto *For = llvm::dyn_cast<ForStmt>(S);
    if (!For)
      continue;
    const auto *Cond = llvm::dyn_cast_or_null<BinaryOperator>(
        For->getCond() ? For->getCond()->IgnoreParenImpCasts() : nullptr);
    if (!Cond || !Cond->isComparisonOp())
      return false;
    const Expr *Bound = Cond->getOpcode() == BO_GT || Cond->getOpcode() == BO_GE
                            ? Cond->getLHS()
                            : Cond->getRHS();
    return !Bound->isValueDependent() && Bound->isEvaluatable(Ctx);
  }
  return false;
}

std::optional<LifetimeDataflow::JoinableGuard>
LifetimeDataflow::creationFlagGuard(const Expr *Cond, bool Negated) const {
  // `flag`, `flag != 0`, `flag == 0` (after `!` was taken off).
  if (const auto *Compare = llvm::dyn_cast<BinaryOperator>(Cond);
      Compare && Compare->isEqualityOp()) {
    Expr::EvalResult Zero;
    if (Compare->getRHS()->isValueDependent() ||
        !Compare->getRHS()->EvaluateAsInt(Zero, Ctx) || Zero.Val.getInt() != 0)
      return std::nullopt;
    Cond = Compare->getLHS()->IgnoreParenImpCasts();
    if (Compare->getOpcode() == BO_EQ)
      Negated = !Negated;
  }
  const VarDecl *Flag = referencedVariable(Cond);
  if (!Flag || !Flag->hasLocalStorage() || !Flag->getType()->isScalarType())
    return std::nullopt;
  for (unsigned Thread = 0; Thread < Threads.size(); ++Thread)
    if (Kinds[Thread] == ThreadOwnerKind::Handle &&
        isCreationFlag(Flag, Threads[Thread], Body, Ctx))
      return JoinableGuard{Thread, Negated};
  return std::nullopt;
}

void LifetimeDataflow::undoFailedCreation(const CFGBlock &Block,
                                          bool IsTrueBranch,
                                          ProgramState &State) const {
  const Expr *Cond = branchConditionOf(Block);
  if (!Cond)
    return;
  bool CreatedWhenTrue = false;
  const CallExpr *Create = creationTestedBy(Cond, Body, Ctx, CreatedWhenTrue);
  if (!Create || IsTrueBranch == CreatedWhenTrue)
    return;
  auto Effect = Effects.find(Create);
  if (Effect == Effects.end())
    return;
  for (const SiteEffect &E : Effect->second) {
    if (E.Kind != ThreadUseKind::Start)
      continue;
    TrackedState &Thread = State[E.Thread];
    // An array keeps the threads its earlier creates started, and now has
    // an element that names no thread.
    if (isContainer(E.Thread)) {
      Thread = TrackedState{Thread.BeforeStart.isEmpty()
                                ? JoinState(JoinState::NeverStarted)
                                : Thread.BeforeStart};
      Thread.State.merge(JoinState::CreateFailed);
      Thread.FailedCreate = Create;
      continue;
    }
    Thread = TrackedState{JoinState::CreateFailed};
    Thread.FailedCreate = Create;
  }
}

std::optional<LifetimeDataflow::JoinableGuard>
LifetimeDataflow::guardOf(const CFGBlock &Block) const {
  bool Negated = false;
  const Expr *Cond = stripCondition(branchConditionOf(Block), Negated);
  if (!Cond)
    return std::nullopt;
  if (tracksHandles())
    if (std::optional<JoinableGuard> Flag = creationFlagGuard(Cond, Negated))
      return Flag;
  // `if (o)` on an owner of at most one thread: on its false branch the
  // owner holds none.
  const Expr *Object = ownerTestedForThread(Cond, Types);
  bool TestsHolding = Object != nullptr;
  if (!Object) {
    const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(Cond);
    if (!Call || identifierOf(Call->getMethodDecl()) != "joinable")
      return std::nullopt;
    Object = ownerOfHeldThread(Call->getImplicitObjectArgument(), Types);
  }
  if (Member && memberOfThis(Object) == Member)
    return JoinableGuard{0, Negated, TestsHolding};
  auto It = ThreadIndex.find(referencedVariable(Object));
  if (It == ThreadIndex.end())
    return std::nullopt;
  return JoinableGuard{It->second, Negated, TestsHolding};
}

void LifetimeDataflow::propagate(const CFGBlock &Block,
                                 const ProgramState &Out) {
  std::optional<JoinableGuard> Guard = guardOf(Block);
  unsigned SuccIndex = 0;
  for (const CFGBlock::AdjacentBlock &Succ : Block.succs()) {
    // A joinable() guard tells each branch what the thread's state is.
    unsigned Index = SuccIndex++;
    bool IsTrueBranch = Index == 0;
    const CFGBlock *Next = Succ.getReachableBlock();
    if (!Next)
      continue;
    // A call that does not return (abort(), exit()) ends the program, not
    // the function: nothing reaches the return from there.
    if (Block.hasNoReturnElement() && Next == &Cfg->getExit())
      continue;
    ProgramState State = Out;
    bool GuardHolds = Guard && IsTrueBranch != Guard->Negated;
    if (Guard && !(Guard->TestsHolding && GuardHolds)) {
      JoinState &Guarded = State[Guard->Thread].State;
      Guarded.assumeJoinable(GuardHolds);
      if (Guarded.isEmpty())
        continue; // this branch cannot be taken
    }
    if (!AroundJoins.empty())
      noteSkippingBranch(Block, IsTrueBranch, State[0]);
    if (tracksHandles())
      undoFailedCreation(Block, IsTrueBranch, State);
    for (unsigned Container : JoinLoops->joinedOnEdge(Block, Index))
      State[Container] = TrackedState{JoinState::Ended};
    unsigned Id = Next->getBlockID();
    bool Changed = false;
    if (!Reached[Id]) {
      In[Id] = std::move(State);
      Reached[Id] = Changed = true;
    } else {
      for (unsigned Thread = 0; Thread < State.size(); ++Thread) {
        TrackedState &Target = In[Id][Thread];
        Changed |= Target.State.merge(State[Thread].State);
        if (!Target.LastEnd)
          Target.LastEnd = State[Thread].LastEnd;
        if (!Target.FailedCreate)
          Target.FailedCreate = State[Thread].FailedCreate;
        if (!Target.SkippingCondition) {
          Target.SkippingCondition = State[Thread].SkippingCondition;
          Target.SkippedWhenTrue = State[Thread].SkippedWhenTrue;
        }
      }
    }
    if (Changed && !Queued[Id]) {
      Queued[Id] = true;
      Worklist.push_back(Next);
    }
  }
}

void LifetimeDataflow::noteSkippingBranch(const CFGBlock &Block,
                                          bool IsTrueBranch,
                                          TrackedState &Thread) const {
  const auto *Condition =
      llvm::dyn_cast_or_null<Expr>(Block.getTerminatorCondition());
  if (!Condition || Block.succ_size() != 2 || !Thread.State.mayBeJoinable() ||
      !AroundJoins.count(Block.getTerminatorStmt()))
    return;
  Thread.SkippingCondition = Condition;
  Thread.SkippedWhenTrue = IsTrueBranch;
}

bool LifetimeDataflow::caughtWithinScope(const Stmt *Site,
                                         unsigned Thread) const {
  const Stmt *Child = Site;
  for (const Stmt *P = Parents->getParent(Site); P;
       Child = P, P = Parents->getParent(P)) {
    if (P == Scopes[Thread])
      return false;
    if (const auto *Try = llvm::dyn_cast<CXXTryStmt>(P))
      if (Try->getTryBlock() == Child &&
          (!Run || (Subobject ? Subobject->HandlersLeaveSafe(Try)
                              : handlersLeaveMemberSafe(Try, Member, MemberKind,
                                                        Types))))
        return true;
  }
  return false;
}

void LifetimeDataflow::recordExit(LifetimeEvent::EventKind Kind,
                                  unsigned Thread, const Stmt *Site,
                                  JoinState State) {
  if (!State.mayBeJoinable())
    return;
  bool OnlyOnSomePaths = State.mayBeNotJoinable();
  // A container that may be empty is not "maybe joinable" for that: the
  // path that filled it is the one that matters.
  if (isContainer(Thread))
    OnlyOnSomePaths = State.mayBe(JoinState::Ended) ||
                      State.mayBe(JoinState::MovedFrom) ||
                      State.mayBe(JoinState::HandedOver);
  auto Key = std::make_pair(Site, Thread);
  auto It = EventIndex.find(Key);
  if (It != EventIndex.end()) {
    Events[It->second].OnlyOnSomePaths &= OnlyOnSomePaths;
    return;
  }
  EventIndex[Key] = Events.size();
  Events.push_back({Kind, Threads[Thread], Site, OnlyOnSomePaths});
}

// A join or detach of a thread that is not joinable throws. Unknown states
// (handed over by reference) say nothing; a thread started on some paths
// only is left alone (correlated conditions are common there), but one that
// may already be joined, detached or moved from is reported.
void LifetimeDataflow::recordInvalidJoin(unsigned Thread, const Stmt *Site,
                                         const TrackedState &Before) {
  if (Before.State.mayBe(JoinState::HandedOver))
    return;
  JoinState Bad = Before.State.knownNotJoinable();
  bool OnlyOnSomePaths = Before.State.mayBeJoinable();
  // A thread that may never have been started is usually guarded by a
  // condition the analysis does not follow; a handle whose creation failed
  // on a path that goes on to the join is not.
  bool OnlyNeverStarted = !Bad.mayBe(JoinState::Ended) &&
                          !Bad.mayBe(JoinState::MovedFrom) &&
                          !Bad.mayBe(JoinState::CreateFailed);
  if (Bad.isEmpty() || (OnlyOnSomePaths && OnlyNeverStarted))
    return;
  auto Key = std::make_pair(Site, Thread);
  if (EventIndex.count(Key))
    return;
  LifetimeEvent Event{LifetimeEvent::InvalidJoin, Threads[Thread], Site,
                      OnlyOnSomePaths};
  Event.Reason = Bad.mayBe(JoinState::Ended)       ? LifetimeEvent::AlreadyEnded
                 : Bad.mayBe(JoinState::MovedFrom) ? LifetimeEvent::MovedFrom
                 : Bad.mayBe(JoinState::CreateFailed)
                     ? LifetimeEvent::CreationFailed
                     : LifetimeEvent::NeverStarted;
  Event.PriorSite = Event.Reason == LifetimeEvent::CreationFailed
                        ? Before.FailedCreate
                        : Before.LastEnd;
  EventIndex[Key] = Events.size();
  Events.push_back(Event);
}

} // namespace

std::uint64_t ThreadLifetimeAnalysis::stepBound(unsigned NumBlocks,
                                                unsigned NumThreads) {
  std::uint64_t TimesQueuedPerBlock =
      1 + std::uint64_t(NumThreads) * (JoinState::NumPossibilities - 1);
  return std::uint64_t(NumBlocks) * TimesQueuedPerBlock + 1;
}

bool ThreadLifetimeAnalysis::joinsMemberBeforeReturning(const FunctionDecl *Fn,
                                                        const FieldDecl *Member,
                                                        ThreadOwnerKind Kind,
                                                        ASTContext &Ctx) {
  if (Kind != ThreadOwnerKind::Thread && Kind != ThreadOwnerKind::Container)
    return false;
  llvm::SmallVector<LifetimeEvent, 1> NoEvents;
  LifetimeDataflow Dataflow(Fn, Ctx, Types, *this, NoEvents);
  Dataflow.trackMember(Member, Kind);
  if (Dataflow.run() != Outcome::Complete)
    return false;
  JoinState AtReturn = Dataflow.memberStateAtReturn();
  return !AtReturn.isEmpty() && !AtReturn.mayBeJoinable();
}

ThreadLifetimeAnalysis::Outcome ThreadLifetimeAnalysis::analyzeMember(
    const FunctionDecl *Fn, const FieldDecl *Member, ThreadOwnerKind Kind,
    const MemberRun &Run, ASTContext &Ctx,
    llvm::SmallVectorImpl<LifetimeEvent> &Events) {
  if (Kind == ThreadOwnerKind::None ||
      (Run.Constructor && !llvm::isa<CXXConstructorDecl>(Fn)))
    return Outcome::NothingToTrack;
  LifetimeDataflow Dataflow(Fn, Ctx, Types, *this, Events);
  Dataflow.trackMember(Member, Kind);
  Dataflow.runMember(Run);
  Outcome Result = Dataflow.run();
  if (Result == Outcome::CfgTooLarge || Result == Outcome::OutOfSteps)
    reportIncomplete(Fn, Result, Dataflow.numBlocks());
  if (Run.AtReturn && Result == Outcome::Complete)
    *Run.AtReturn = Dataflow.memberStateAtReturn();
  return Result;
}

ThreadLifetimeAnalysis::Outcome ThreadLifetimeAnalysis::analyzeSubobject(
    const CXXConstructorDecl *Ctor, const SubobjectRun &Subobject,
    ASTContext &Ctx, llvm::SmallVectorImpl<LifetimeEvent> &Events) {
  MemberRun Run;
  Run.Constructor = true;
  LifetimeDataflow Dataflow(Ctor, Ctx, Types, *this, Events);
  Dataflow.runMember(Run);
  Dataflow.trackSubobject(Subobject);
  Outcome Result = Dataflow.run();
  if (Result == Outcome::CfgTooLarge || Result == Outcome::OutOfSteps)
    reportIncomplete(Ctor, Result, Dataflow.numBlocks());
  return Result;
}

ThreadLifetimeAnalysis::Outcome
ThreadLifetimeAnalysis::analyze(const FunctionDecl *Fn, ASTContext &Ctx,
                                llvm::SmallVectorImpl<LifetimeEvent> &Events) {
  LifetimeDataflow Dataflow(Fn, Ctx, Types, *this, Events);
  Outcome Result = Dataflow.run();
  if (Result == Outcome::CfgTooLarge || Result == Outcome::OutOfSteps)
    reportIncomplete(Fn, Result, Dataflow.numBlocks());
  return Result;
}

void ThreadLifetimeAnalysis::reportIncomplete(const FunctionDecl *Fn,
                                              Outcome Why,
                                              unsigned NumBlocks) const {
  if (ReportIncompleteAs.empty())
    return;
  const SourceManager &SM = Fn->getASTContext().getSourceManager();
  llvm::errs() << Fn->getLocation().printToString(SM) << ": "
               << ReportIncompleteAs << ": '" << Fn->getNameAsString()
               << "' was not analysed: ";
  if (Why == Outcome::CfgTooLarge)
    llvm::errs() << "its CFG has " << NumBlocks << " blocks (limit "
                 << MaxBlocks << ")\n";
  else
    llvm::errs() << "the dataflow did not converge within its step bound "
                    "(please report this)\n";
}

} // namespace clang::tidy::threads
