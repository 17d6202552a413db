//===--- MemberRestarts.cpp -----------------------------------------------===//

#include "analysis/MemberRestarts.h"
#include "analysis/ThreadStarts.h"
#include "utils/AstUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::threads {

namespace {

/// The condition of \p S when it is a branch or a loop; null otherwise.
const Expr *conditionOf(const Stmt *S) {
  if (const auto *If = llvm::dyn_cast<IfStmt>(S))
    return If->getCond();
  if (const auto *While = llvm::dyn_cast<WhileStmt>(S))
    return While->getCond();
  if (const auto *Do = llvm::dyn_cast<DoStmt>(S))
    return Do->getCond();
  if (const auto *For = llvm::dyn_cast<ForStmt>(S))
    return For->getCond();
  if (const auto *Conditional = llvm::dyn_cast<ConditionalOperator>(S))
    return Conditional->getCond();
  return nullptr;
}

bool isLoop(const Stmt *S) {
  return llvm::isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
}

bool isBefore(const Stmt *A, const Stmt *B, const SourceManager &SM) {
  return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
}

/// Whether \p S is below \p Ancestor (or is it).
bool isWithin(const Stmt *S, const Stmt *Ancestor, const ParentMap &Parents) {
  for (const Stmt *P = S; P; P = Parents.getParent(P))
    if (P == Ancestor)
      return true;
  return false;
}

/// The expression of the member initializer of \p Ctor that starts
/// \p Member, if any (written, or the in-class one).
const Expr *initializerStart(const CXXConstructorDecl *Ctor,
                             const FieldDecl *Member, ThreadOwnerKind Kind,
                             const TrackedThreadTypes &Types) {
  for (const CXXCtorInitializer *Init : Ctor->inits()) {
    const Expr *E = memberInitializerExpr(Init);
    if (Init->getMember() == Member && initializerStartsThread(E, Kind, Types))
      return E;
  }
  return nullptr;
}

} // namespace

llvm::SmallVector<MemberRestart, 2>
MemberRestarts::find(llvm::ArrayRef<const FunctionDecl *> Functions) {
  llvm::SmallVector<MemberRestart, 2> Found;
  // A container gains one more thread from an insertion; it overwrites
  // none.
  if (Kind != ThreadOwnerKind::Thread && Kind != ThreadOwnerKind::UniquePtr)
    return Found;
  // Only an assignment or a reset() can replace a thread; a member started
  // by its initializer alone is started once per object.
  if (llvm::none_of(Summary.Uses, [](const MemberUse &M) {
        return M.Use.Kind == ThreadUseKind::Start &&
               llvm::isa<CXXOperatorCallExpr, CXXMemberCallExpr>(M.Use.Site);
      }))
    return Found;
  learnJoiningFunctions(Functions);
  learnStartingFunctions(Functions);
  findAfterConstructors(Functions, Found);
  for (const FunctionDecl *Fn : Functions)
    if (!llvm::isa<CXXDestructorDecl>(Fn))
      findRepeatedStarts(Fn, Found);
  return Found;
}

void MemberRestarts::learnJoiningFunctions(
    llvm::ArrayRef<const FunctionDecl *> Functions) {
  ASTContext &Ctx = Member->getASTContext();
  // A shutdown() that calls stop() joins too: each round follows one more
  // level of calls.
  constexpr unsigned Rounds = 3;
  bool Changed = true;
  for (unsigned Round = 0; Round < Rounds && Changed; ++Round) {
    Changed = false;
    for (const FunctionDecl *Fn : Functions) {
      if (llvm::isa<CXXConstructorDecl, CXXDestructorDecl>(Fn) ||
          Facts[Fn].Joins)
        continue;
      // Only a function that joins the member, or calls one that does,
      // can: the others are not worth a dataflow.
      llvm::SmallVector<ThreadUse, 4> Effects = callEffectsIn(Fn);
      if (llvm::none_of(Effects, joinsOrHandsOver) &&
          llvm::none_of(Summary.Uses, [&](const MemberUse &M) {
            return M.In == Fn && joinsOrHandsOver(M.Use);
          }))
        continue;
      ThreadLifetimeAnalysis::MemberRun Run;
      Run.Entry = JoinState::Joinable;
      Run.JoinableAtReturnIsExit = true;
      Run.CallEffects = Effects;
      llvm::SmallVector<LifetimeEvent, 4> Events;
      if (Lifetimes.analyzeMember(Fn, Member, Kind, Run, Ctx, Events) !=
          ThreadLifetimeAnalysis::Outcome::Complete)
        continue;
      // Running on entry and not joinable where it returns: joined (or
      // handed over) on every path.
      bool Joins = llvm::none_of(Events, [&](const LifetimeEvent &E) {
        return E.Kind == LifetimeEvent::ScopeExit && E.Site == Fn->getBody();
      });
      Facts[Fn].Joins = Joins;
      Changed |= Joins;
    }
  }
}

bool MemberRestarts::mayJoinOutOfSight(const FunctionDecl *Fn) const {
  return anyStmtIn(Fn->getBody(), [&](const Stmt *Node) {
    if (const CXXMethodDecl *Method = methodCalledOnThis(Node))
      if (!visibleDefinition(Method))
        return true;
    // A thread started on a member function gets `this` too; it runs the
    // object's code, it does not stop its threads.
    const auto *E = llvm::dyn_cast<Expr>(Node);
    return llvm::isa<CallExpr, CXXConstructExpr>(Node) &&
           llvm::any_of(argumentsOf(Node), isThisObject) &&
           !initializerStartsThread(E, ThreadOwnerKind::Thread, Types) &&
           !initializerStartsThread(E, ThreadOwnerKind::UniquePtr, Types);
  });
}

void MemberRestarts::learnStartingFunctions(
    llvm::ArrayRef<const FunctionDecl *> Functions) {
  for (const MemberUse &M : Summary.Uses)
    if (M.Use.Kind == ThreadUseKind::Start && M.In &&
        !llvm::isa<CXXConstructorDecl, CXXDestructorDecl>(M.In) &&
        !Facts[M.In].Joins)
      Facts[M.In].Starts = true;
  const SourceManager &SM = Member->getASTContext().getSourceManager();
  for (const FunctionDecl *Fn : Functions) {
    auto It = Facts.find(Fn);
    if (It == Facts.end() || !It->second.Starts || mayTestRunning(Fn) ||
        mayJoinOutOfSight(Fn))
      continue;
    const Stmt *First = nullptr;
    for (const LifetimeEvent &Event : overwritesIn(Fn, JoinState::Joinable))
      if (!startingCallee(Event.Site) &&
          (!First || isBefore(Event.Site, First, SM)))
        First = Event.Site;
    Facts[Fn].OverwriteWhenRunning = First;
  }
}

llvm::SmallVector<ThreadUse, 4>
MemberRestarts::callEffectsIn(const FunctionDecl *Fn) const {
  llvm::SmallVector<ThreadUse, 4> Effects;
  forEachStmtIn(Fn->getBody(), Lambdas::Skip, [&](const Stmt *Node) {
    const CXXMethodDecl *Method = methodCalledOnThis(Node);
    const FunctionDecl *Callee = Method ? visibleDefinition(Method) : nullptr;
    auto It = Facts.find(Callee);
    if (!Callee || Callee == Fn || It == Facts.end())
      return;
    if (It->second.Joins)
      Effects.push_back({ThreadUseKind::Join, Node});
    else if (It->second.Starts)
      Effects.push_back({ThreadUseKind::Start, Node});
  });
  return Effects;
}

llvm::SmallVector<LifetimeEvent, 2>
MemberRestarts::overwritesIn(const FunctionDecl *Fn, JoinState Entry) const {
  llvm::SmallVector<ThreadUse, 4> Effects = callEffectsIn(Fn);
  ThreadLifetimeAnalysis::MemberRun Run;
  Run.Entry = Entry;
  Run.Constructor = llvm::isa<CXXConstructorDecl>(Fn);
  Run.CallEffects = Effects;
  llvm::SmallVector<LifetimeEvent, 4> Events;
  Lifetimes.analyzeMember(Fn, Member, Kind, Run, Member->getASTContext(),
                          Events);
  llvm::SmallVector<LifetimeEvent, 2> Overwrites;
  for (const LifetimeEvent &Event : Events)
    if (Event.Kind == LifetimeEvent::Overwrite)
      Overwrites.push_back(Event);
  return Overwrites;
}

bool MemberRestarts::mayTestRunning(const FunctionDecl *Fn) const {
  auto ReadsMember = [&](const Stmt *S) {
    return anyStmtIn(S, [&](const Stmt *Node) {
      const auto *E = llvm::dyn_cast<Expr>(Node);
      return E && memberOfThis(E) == Member;
    });
  };
  bool Tests = false;
  forEachStmtIn(Fn->getBody(), Lambdas::Skip, [&](const Stmt *S) {
    const Expr *Condition = conditionOf(S);
    if (Tests || !Condition)
      return;
    // `if (p_)`, `if (running())`, `if (running_) return;`: whatever the
    // dataflow made of it, the function may know.
    Tests = ReadsMember(Condition) ||
            anyStmtIn(Condition,
                      [&](const Stmt *Node) {
                        const CXXMethodDecl *Method = methodCalledOnThis(Node);
                        const FunctionDecl *Def =
                            Method ? visibleDefinition(Method) : nullptr;
                        return Def && ReadsMember(Def->getBody());
                      }) ||
            Protocol.conditionTracksStarts(Condition, Types);
  });
  return Tests;
}

const FunctionDecl *MemberRestarts::startingCallee(const Stmt *Site) const {
  const CXXMethodDecl *Method = methodCalledOnThis(Site);
  const FunctionDecl *Callee = Method ? visibleDefinition(Method) : nullptr;
  auto It = Facts.find(Callee);
  return Callee && It != Facts.end() && It->second.Starts ? Callee : nullptr;
}

const Stmt *
MemberRestarts::constructorLeavesRunning(const CXXConstructorDecl *Ctor) const {
  if (Ctor->isDelegatingConstructor())
    return nullptr;
  const Stmt *Start = initializerStart(Ctor, Member, Kind, Types);
  for (const MemberUse &M : Summary.Uses)
    if (!Start && M.In == Ctor && M.Use.Kind == ThreadUseKind::Start)
      Start = M.Use.Site;
  if (!Start)
    return nullptr;
  llvm::SmallVector<ThreadUse, 4> Effects = callEffectsIn(Ctor);
  ThreadLifetimeAnalysis::MemberRun Run;
  Run.Constructor = true;
  Run.JoinableAtReturnIsExit = true;
  Run.CallEffects = Effects;
  llvm::SmallVector<LifetimeEvent, 4> Events;
  Lifetimes.analyzeMember(Ctor, Member, Kind, Run, Member->getASTContext(),
                          Events);
  bool Running = llvm::any_of(Events, [&](const LifetimeEvent &E) {
    return E.Kind == LifetimeEvent::ScopeExit && E.Site == Ctor->getBody();
  });
  return Running ? Start : nullptr;
}

void MemberRestarts::findAfterConstructors(
    llvm::ArrayRef<const FunctionDecl *> Functions,
    llvm::SmallVectorImpl<MemberRestart> &Found) {
  // Code outside the class may join a member it can reach between the
  // constructor and the assignment.
  if (!onlyOwnCodeReaches(Member))
    return;
  const Stmt *Start = nullptr;
  llvm::SmallPtrSet<const FunctionDecl *, 4> CalledByConstructors;
  bool AnyConstructor = false;
  for (const FunctionDecl *Fn : Functions) {
    const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(Fn);
    if (!Ctor)
      continue;
    AnyConstructor = true;
    if (!Start)
      Start = constructorLeavesRunning(Ctor);
    forEachStmtIn(Ctor->getBody(), Lambdas::Skip, [&](const Stmt *Node) {
      if (const CXXMethodDecl *Method = methodCalledOnThis(Node))
        CalledByConstructors.insert(visibleDefinition(Method));
    });
  }
  // Only the implicit constructor: the member's own initializer runs in it.
  const Expr *InClass = Member->getInClassInitializer();
  if (!AnyConstructor && InClass &&
      initializerStartsThread(InClass, Kind, Types))
    Start = InClass;
  if (!Start)
    return;
  // A function the constructor calls starts the thread on its behalf;
  // that call is judged where it is (findRepeatedStarts).
  for (const FunctionDecl *Fn : Functions) {
    auto It = Facts.find(Fn);
    if (It == Facts.end() || !It->second.OverwriteWhenRunning ||
        CalledByConstructors.count(Fn))
      continue;
    MemberRestart Restart{It->second.OverwriteWhenRunning, Fn,
                          MemberRestart::StartedByConstructor};
    Restart.PriorStart = Start;
    Found.push_back(Restart);
  }
}

void MemberRestarts::findRepeatedStarts(
    const FunctionDecl *Fn, llvm::SmallVectorImpl<MemberRestart> &Found) {
  if (mayJoinOutOfSight(Fn))
    return;
  bool TestsRunning = mayTestRunning(Fn);
  for (const LifetimeEvent &Event : overwritesIn(Fn, JoinState::NeverStarted)) {
    MemberRestart Restart = explainRepeat(Fn, Event.Site);
    if (!Restart.PriorStart && !Restart.Loop)
      continue;
    if (const FunctionDecl *Callee = startingCallee(Event.Site)) {
      // A start() that is safe to call again (it joins first, or tests
      // whether it runs) may be called twice.
      const Stmt *Overwrite = Facts[Callee].OverwriteWhenRunning;
      if (!Overwrite)
        continue;
      Restart.RepeatedCall = Event.Site;
      Restart.Assignment = Overwrite;
      Restart.Assigning = Callee;
    } else if (TestsRunning) {
      continue;
    }
    if (llvm::none_of(Found, [&](const MemberRestart &R) {
          return R.Assignment == Restart.Assignment;
        }))
      Found.push_back(Restart);
  }
}

MemberRestart MemberRestarts::explainRepeat(const FunctionDecl *Fn,
                                            const Stmt *Site) const {
  const SourceManager &SM = Member->getASTContext().getSourceManager();
  const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(Fn);
  ParentMap Parents(const_cast<Stmt *>(Fn->getBody()));
  const Stmt *Loop = nullptr;
  for (const Stmt *P = Parents.getParent(Site); P && !Loop;
       P = Parents.getParent(P))
    if (isLoop(P))
      Loop = P;

  // Every start in Fn: its own, the calls of starting functions, and a
  // constructor's member initializer (before its body).
  const Expr *InitStart =
      Ctor ? initializerStart(Ctor, Member, Kind, Types) : nullptr;
  llvm::SmallVector<const Stmt *, 4> Starts;
  if (InitStart)
    Starts.push_back(InitStart);
  for (const MemberUse &M : Summary.Uses)
    if (M.In == Fn && M.Use.Kind == ThreadUseKind::Start)
      Starts.push_back(M.Use.Site);
  for (const ThreadUse &Effect : callEffectsIn(Fn))
    if (Effect.Kind == ThreadUseKind::Start)
      Starts.push_back(Effect.Site);

  // The last start before the site (within the loop around it, if any):
  // the one still running when the site assigns again.
  const Stmt *Prior = nullptr;
  auto Consider = [&](bool InLoopOnly) {
    for (const Stmt *Start : Starts) {
      // The initializer runs before the body, wherever it is written.
      bool Earlier = Start == InitStart || isBefore(Start, Site, SM);
      if (Start == Site || !Earlier ||
          (InLoopOnly && !isWithin(Start, Loop, Parents)))
        continue;
      if (!Prior || Prior == InitStart || isBefore(Prior, Start, SM))
        Prior = Start;
    }
  };
  Consider(/*InLoopOnly=*/Loop != nullptr);
  MemberRestart Restart{Site, Fn, MemberRestart::StartedEarlier};
  if (!Prior && Loop) {
    Restart.Evidence = MemberRestart::StartedInLoop;
    Restart.Loop = Loop;
    return Restart;
  }
  if (!Prior)
    Consider(/*InLoopOnly=*/false);
  Restart.PriorStart = Prior;
  if (Ctor && Prior)
    Restart.Evidence = MemberRestart::StartedByConstructor;
  return Restart;
}

} // namespace clang::tidy::threads
