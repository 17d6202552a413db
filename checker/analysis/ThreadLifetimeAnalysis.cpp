//===--- ThreadLifetimeAnalysis.cpp ---------------------------------------===//

#include "analysis/ThreadLifetimeAnalysis.h"
#include "analysis/ThreadUseClassifier.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include <deque>

namespace clang::tidy::threads {

namespace {

/// A thread's state at a program point, as a set of possibilities: the
/// dataflow join is set union, so loops reach a fixed point quickly. Not
/// joinable has several causes; they matter for join() on a thread that is
/// not joinable, and not for destruction.
using JoinState = uint8_t;
constexpr JoinState NeverStarted = 1; ///< Default-constructed.
constexpr JoinState CanBeJoinable = 2;
constexpr JoinState Ended = 4;      ///< Joined or detached.
constexpr JoinState MovedFrom = 8;
/// Handed by reference to code that may have done anything with it.
constexpr JoinState HandedOver = 16;
constexpr JoinState CanBeNotJoinable =
    NeverStarted | Ended | MovedFrom | HandedOver;

/// Whether \p Site, an escape of a thread, moves it out (std::move into a
/// container, a member, a callee): afterwards it is empty.
bool movesOut(const Stmt *Site) {
  const auto *Call = llvm::dyn_cast<CallExpr>(Site);
  return Call && isStdFunctionNamed(Call->getDirectCallee(),
                                    {"move", "forward"});
}

/// Refs to tracked variables made inside a lambda or block body: the CFG
/// of the enclosing function does not see when those run, so such a
/// variable is not tracked at all (silence rather than a guess).
void findCapturedUses(const Stmt *S, bool InsideClosure,
                      llvm::DenseSet<const VarDecl *> &Captured) {
  if (!S)
    return;
  if (const auto *Lambda = llvm::dyn_cast<LambdaExpr>(S)) {
    for (const Stmt *Child : Lambda->children())
      findCapturedUses(Child, /*InsideClosure=*/true, Captured);
    return;
  }
  if (InsideClosure)
    if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(S))
      if (const auto *Var = llvm::dyn_cast<VarDecl>(Ref->getDecl()))
        Captured.insert(Var);
  for (const Stmt *Child : S->children())
    findCapturedUses(Child, InsideClosure, Captured);
}

struct ThreadLocal {
  const VarDecl *Var;
  const DeclStmt *Declaration;
};

void findThreadLocals(const Stmt *S, const TrackedThreadTypes &Types,
                      llvm::SmallVectorImpl<ThreadLocal> &Vars) {
  if (!S || llvm::isa<LambdaExpr>(S))
    return;
  if (const auto *Decls = llvm::dyn_cast<DeclStmt>(S))
    for (const Decl *D : Decls->decls())
      if (const auto *Var = llvm::dyn_cast<VarDecl>(D))
        if (Var->hasLocalStorage() && !Var->getType()->isReferenceType() &&
            Types.ownerKind(Var->getType()) == ThreadOwnerKind::Thread)
          Vars.push_back({Var, Decls});
  for (const Stmt *Child : S->children())
    findThreadLocals(Child, Types, Vars);
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

ast_matchers::internal::BindableMatcher<Decl>
localTrackedThread(const TrackedThreadTypes *Types) {
  using namespace ast_matchers;
  return varDecl(hasLocalStorage(), unless(parmVarDecl()),
                 unless(isExpansionInSystemHeader()),
                 hasType(qualType(isTrackedThread(Types))));
}

const FunctionDecl *
functionToAnalyze(const VarDecl *Thread,
                  llvm::DenseSet<const FunctionDecl *> &Analyzed) {
  const auto *Fn =
      llvm::dyn_cast_or_null<FunctionDecl>(Thread->getParentFunctionOrMethod());
  if (!Fn || Fn->isDependentContext() || !Analyzed.insert(Fn).second)
    return nullptr;
  return Fn;
}

bool ThreadLifetimeAnalysis::mayThrow(const Stmt *S) {
  if (!Exceptions)
    return false;
  if (llvm::isa<CXXThrowExpr>(S))
    return true;
  const FunctionDecl *Callee = nullptr;
  if (const auto *Call = llvm::dyn_cast<CallExpr>(S))
    Callee = Call->getDirectCallee();
  else if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(S))
    Callee = Construct->getConstructor();
  if (!Callee)
    return false;
  // The thread class's own members (constructors, join) are the events we
  // track, not exits: their failures are reported by other checks.
  if (const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Callee))
    if (Types.isThreadClass(Method->getParent()))
      return false;
  if (!Exceptions->thrownByCall(S).empty())
    return true;
  return AssumeOpaqueCallsThrow && Exceptions->callsOpaqueFunction(S);
}

void ThreadLifetimeAnalysis::analyze(
    const FunctionDecl *Fn, ASTContext &Ctx,
    llvm::SmallVectorImpl<LifetimeEvent> &Events) {
  const Stmt *Body = Fn->getBody();
  if (!Body)
    return;

  llvm::SmallVector<ThreadLocal, 4> Candidates;
  findThreadLocals(Body, Types, Candidates);
  if (Candidates.empty())
    return;
  llvm::DenseSet<const VarDecl *> Captured;
  findCapturedUses(Body, false, Captured);

  // Which statements change which thread's state.
  struct SiteEffect {
    unsigned Var;
    ThreadUseKind Kind;
  };
  llvm::DenseMap<const Stmt *, llvm::SmallVector<SiteEffect, 1>> Effects;
  llvm::SmallVector<const VarDecl *, 4> Vars;
  llvm::SmallVector<const DeclStmt *, 4> Declarations;
  llvm::DenseMap<const VarDecl *, unsigned> VarIndex;
  ThreadUseClassifier Classifier(Body, Types);
  for (const ThreadLocal &Candidate : Candidates) {
    const VarDecl *Var = Candidate.Var;
    if (Captured.count(Var))
      continue;
    llvm::SmallVector<ThreadUse, 8> Uses;
    Classifier.collectUses(Var, ThreadOwnerKind::Thread, Uses);
    bool HandedOver = llvm::any_of(Uses, [](const ThreadUse &U) {
      return U.Kind == ThreadUseKind::Join || U.Kind == ThreadUseKind::Escape;
    });
    // Never joined anywhere: threads-unjoined-thread reports it.
    if (!HandedOver)
      continue;
    unsigned Index = Vars.size();
    Vars.push_back(Var);
    Declarations.push_back(Candidate.Declaration);
    VarIndex[Var] = Index;
    for (const ThreadUse &Use : Uses)
      if (Use.Kind != ThreadUseKind::Query)
        Effects[Use.Site].push_back({Index, Use.Kind});
  }
  if (Vars.empty())
    return;

  CFG::BuildOptions Options;
  Options.AddImplicitDtors = true;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Cfg =
      CFG::buildCFG(Fn, const_cast<Stmt *>(Body), &Ctx, Options);
  if (!Cfg || Cfg->getNumBlockIDs() > MaxBlocks)
    return;

  ParentMap Parents(const_cast<Stmt *>(Body));
  // The innermost compound statement of each thread: exceptions caught by a
  // try inside it do not leave the thread's scope.
  llvm::SmallVector<const Stmt *, 4> Scopes;
  for (const DeclStmt *Declaration : Declarations)
    Scopes.push_back(Parents.getParent(Declaration));
  auto CaughtWithinScope = [&](const Stmt *Site, unsigned Var) {
    const Stmt *Child = Site;
    for (const Stmt *P = Parents.getParent(Site); P;
         Child = P, P = Parents.getParent(P)) {
      if (P == Scopes[Var])
        return false;
      if (const auto *Try = llvm::dyn_cast<CXXTryStmt>(P))
        if (Try->getTryBlock() == Child)
          return true;
    }
    return false;
  };

  // Per thread: its possible states, and one statement that ended its
  // joinability on some path into here (for the notes of an invalid join).
  struct VarState {
    JoinState Bits;
    const Stmt *LastEnd = nullptr;
  };
  using State = llvm::SmallVector<VarState, 4>;
  unsigned NumBlocks = Cfg->getNumBlockIDs();
  std::vector<State> In(NumBlocks);
  std::vector<bool> Reached(NumBlocks, false);
  const CFGBlock &Entry = Cfg->getEntry();
  In[Entry.getBlockID()] = State(Vars.size(), VarState{NeverStarted});
  Reached[Entry.getBlockID()] = true;

  std::deque<const CFGBlock *> Worklist{&Entry};
  std::vector<bool> Queued(NumBlocks, false);
  Queued[Entry.getBlockID()] = true;
  // Each block's state can only grow (2 bits per thread), so this bounds
  // the work even on pathological CFGs.
  unsigned Budget = NumBlocks * (2 * Vars.size() + 2) + 64;

  // Events are collected on the final pass only, once states are stable.
  llvm::DenseMap<std::pair<const Stmt *, unsigned>, size_t> EventIndex;
  auto Record = [&](LifetimeEvent::EventKind Kind, unsigned Var,
                    const Stmt *Site, JoinState S, bool Final) {
    if (!Final || !(S & CanBeJoinable))
      return;
    auto Key = std::make_pair(Site, Var);
    bool Some = S & CanBeNotJoinable;
    auto It = EventIndex.find(Key);
    if (It != EventIndex.end()) {
      Events[It->second].OnlyOnSomePaths &= Some;
      return;
    }
    EventIndex[Key] = Events.size();
    Events.push_back({Kind, Vars[Var], Site, Some});
  };
  // A join or detach of a thread that is not joinable throws. Unknown
  // states (handed over by reference) say nothing; a thread started on some
  // paths only is left alone (correlated conditions are common there), but
  // one that may already be joined, detached or moved from is reported.
  auto RecordInvalidJoin = [&](unsigned Var, const Stmt *Site,
                               const VarState &V, bool Final) {
    if (!Final || (V.Bits & HandedOver))
      return;
    JoinState Bad = V.Bits & (NeverStarted | Ended | MovedFrom);
    bool Some = V.Bits & CanBeJoinable;
    if (!Bad || (Some && Bad == NeverStarted))
      return;
    auto Key = std::make_pair(Site, Var);
    if (EventIndex.count(Key))
      return;
    LifetimeEvent Event{LifetimeEvent::InvalidJoin, Vars[Var], Site, Some};
    Event.Reason = (Bad & Ended)       ? LifetimeEvent::AlreadyEnded
                   : (Bad & MovedFrom) ? LifetimeEvent::MovedFrom
                                       : LifetimeEvent::NeverStarted;
    Event.PriorSite = V.LastEnd;
    EventIndex[Key] = Events.size();
    Events.push_back(Event);
  };

  auto Transfer = [&](const CFGBlock &Block, State S, bool Final) {
    for (const CFGElement &Element : Block) {
      if (auto Dtor = Element.getAs<CFGAutomaticObjDtor>()) {
        auto It = VarIndex.find(Dtor->getVarDecl());
        if (It == VarIndex.end())
          continue;
        Record(LifetimeEvent::ScopeExit, It->second, Dtor->getTriggerStmt(),
               S[It->second].Bits, Final);
        S[It->second] = VarState{NeverStarted};
        continue;
      }
      auto StmtElement = Element.getAs<CFGStmt>();
      if (!StmtElement)
        continue;
      const Stmt *St = StmtElement->getStmt();
      if (const auto *Decls = llvm::dyn_cast<DeclStmt>(St)) {
        for (const Decl *D : Decls->decls()) {
          auto It = VarIndex.find(llvm::dyn_cast<VarDecl>(D));
          if (It == VarIndex.end())
            continue;
          S[It->second] = VarState{
              initializerStartsThread(Vars[It->second]->getInit(),
                                      ThreadOwnerKind::Thread, Types)
                  ? CanBeJoinable
                  : NeverStarted};
        }
      }
      auto Effect = Effects.find(St);
      if (Effect != Effects.end()) {
        for (const SiteEffect &E : Effect->second) {
          switch (E.Kind) {
          case ThreadUseKind::Start:
            if (llvm::isa<CXXOperatorCallExpr>(St))
              Record(LifetimeEvent::Overwrite, E.Var, St, S[E.Var].Bits,
                     Final);
            S[E.Var] = VarState{CanBeJoinable};
            break;
          case ThreadUseKind::Join:
            RecordInvalidJoin(E.Var, St, S[E.Var], Final);
            S[E.Var] = VarState{Ended, St};
            break;
          case ThreadUseKind::Escape:
            S[E.Var] = movesOut(St) ? VarState{MovedFrom, St}
                                    : VarState{HandedOver};
            break;
          case ThreadUseKind::Query:
            break;
          }
        }
        continue;
      }
      if (Final && mayThrow(St))
        for (unsigned Var = 0; Var < Vars.size(); ++Var)
          if ((S[Var].Bits & CanBeJoinable) && !CaughtWithinScope(St, Var))
            Record(LifetimeEvent::ExceptionExit, Var, St, S[Var].Bits, Final);
    }
    return S;
  };

  auto Propagate = [&](const CFGBlock &Block, const State &Out) {
    // `if (t.joinable())` and `if (!t.joinable())` tell each branch what
    // the thread's state is.
    int GuardVar = -1;
    bool Negated = false;
    if (const auto *Cond = llvm::dyn_cast_or_null<Expr>(Block.getTerminatorCondition()))
      if (const auto *Call = llvm::dyn_cast_or_null<CXXMemberCallExpr>(
              stripCondition(Cond, Negated)))
        if (const auto *Method = Call->getMethodDecl();
            Method && Method->getIdentifier() &&
            Method->getName() == "joinable")
          if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(
                  Call->getImplicitObjectArgument()->IgnoreParenImpCasts()))
            if (auto It = VarIndex.find(
                    llvm::dyn_cast<VarDecl>(Ref->getDecl()));
                It != VarIndex.end())
              GuardVar = It->second;
    unsigned SuccIndex = 0;
    for (const CFGBlock::AdjacentBlock &Succ : Block.succs()) {
      unsigned Index = SuccIndex++;
      const CFGBlock *Next = Succ.getReachableBlock();
      if (!Next)
        continue;
      State S = Out;
      if (GuardVar >= 0 && Block.succ_size() == 2) {
        bool JoinableBranch = (Index == 0) != Negated;
        S[GuardVar].Bits &= JoinableBranch ? (CanBeJoinable | HandedOver)
                                           : CanBeNotJoinable;
        if (!S[GuardVar].Bits)
          continue; // infeasible branch for this thread
      }
      unsigned Id = Next->getBlockID();
      bool Changed = false;
      if (!Reached[Id]) {
        In[Id] = S;
        Reached[Id] = Changed = true;
      } else {
        for (unsigned V = 0; V < S.size(); ++V) {
          VarState &Target = In[Id][V];
          JoinState Merged = Target.Bits | S[V].Bits;
          Changed |= Merged != Target.Bits;
          Target.Bits = Merged;
          if (!Target.LastEnd)
            Target.LastEnd = S[V].LastEnd;
        }
      }
      if (Changed && !Queued[Id]) {
        Queued[Id] = true;
        Worklist.push_back(Next);
      }
    }
  };

  while (!Worklist.empty()) {
    if (Budget-- == 0)
      return; // give up quietly
    const CFGBlock *Block = Worklist.front();
    Worklist.pop_front();
    Queued[Block->getBlockID()] = false;
    Propagate(*Block, Transfer(*Block, In[Block->getBlockID()], false));
  }
  for (const CFGBlock *Block : *Cfg)
    if (Block && Reached[Block->getBlockID()])
      Transfer(*Block, In[Block->getBlockID()], true);
}

} // namespace clang::tidy::threads
