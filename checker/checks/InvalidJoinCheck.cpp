//===--- InvalidJoinCheck.cpp - threads-invalid-join ----------------------===//

#include "checks/InvalidJoinCheck.h"
#include "analysis/BoostThreads.h"
#include "analysis/ContainerRejoins.h"
#include "analysis/HandleCreations.h"
#include "analysis/MemberCallChains.h"
#include "analysis/MemberJoinStates.h"
#include "analysis/MemberThreadUses.h"
#include "analysis/SamePoolCalls.h"
#include "analysis/TaskSelfJoins.h"
#include "analysis/ThreadEntryFunctions.h"
#include "analysis/ThreadStarts.h"
#include "analysis/ThreadUseClassifier.h"
#include "utils/AstUtils.h"
#include "utils/DeclNames.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::threads {

namespace {

using JoinKind = TrackedThreadTypes::JoinKind;

/// The index of \p Kind in `%select{joined|detached|ended by '%2()'}`.
unsigned joinKindSelect(JoinKind Kind) {
  switch (Kind) {
  case JoinKind::Join:
    return 0;
  case JoinKind::Detach:
    return 1;
  case JoinKind::OtherJoinMethod:
    return 2;
  }
  return 2;
}

} // namespace

void InvalidJoinCheck::checkFunction(const FunctionDecl *Fn, ASTContext &Ctx) {
  llvm::SmallVector<LifetimeEvent, 8> Events;
  lifetimeAnalysis(Types).analyze(Fn, Ctx, Events);
  for (const LifetimeEvent &Event : Events) {
    // boost::thread's join() and detach() of a thread that is not
    // joinable do nothing (BoostThreads.h).
    if (Event.Kind != LifetimeEvent::InvalidJoin ||
        ownsBoostThreads(Event.Thread->getType()))
      continue;
    SourceLocation Loc = Event.Site->getBeginLoc();
    if (!reportOnce(Loc))
      continue;
    if (const HandleThreadApi *Api = Types.handleApiOfVariable(Event.Thread)) {
      reportHandleJoin(Event, *Api, Fn);
      noteInstantiation(Fn);
      continue;
    }
    llvm::StringRef Method = TrackedThreadTypes::joinMethodAt(Event.Site);
    switch (Event.Reason) {
    case LifetimeEvent::AlreadyEnded:
      diag(Loc, "thread '%0' %select{is already|may already be}1 joined or "
                "detached here; '%2()' %select{will|would}1 throw "
                "std::system_error")
          << Event.Thread->getName() << (Event.OnlyOnSomePaths ? 1 : 0)
          << Method;
      break;
    case LifetimeEvent::MovedFrom:
      diag(Loc, "thread '%0' %select{was|may have been}1 moved from; '%2()' "
                "on the empty thread %select{will|would}1 throw "
                "std::system_error")
          << Event.Thread->getName() << (Event.OnlyOnSomePaths ? 1 : 0)
          << Method;
      break;
    case LifetimeEvent::NeverStarted:
    case LifetimeEvent::CreationFailed: // handles only, reported above
      diag(Loc, "thread '%0' is never started; '%1()' on a "
                "default-constructed thread will throw std::system_error")
          << Event.Thread->getName() << Method;
      break;
    }
    if (Event.PriorSite) {
      JoinKind Prior = TrackedThreadTypes::joinKindAt(Event.PriorSite);
      if (Event.Reason == LifetimeEvent::MovedFrom)
        diag(Event.PriorSite->getBeginLoc(), "'%0' is moved from here",
             DiagnosticIDs::Note)
            << Event.Thread->getName();
      else if (Event.PriorSite == Event.Site)
        diag(Event.PriorSite->getBeginLoc(),
             "'%0' is %select{joined|detached}1 here on an earlier iteration",
             DiagnosticIDs::Note)
            << Event.Thread->getName() << (Prior == JoinKind::Detach ? 1 : 0);
      else
        diag(Event.PriorSite->getBeginLoc(),
             "'%0' is %select{joined|detached|ended by '%2()'}1 here",
             DiagnosticIDs::Note)
            << Event.Thread->getName() << joinKindSelect(Prior)
            << TrackedThreadTypes::joinMethodAt(Event.PriorSite);
    } else {
      noteThreadDeclaration(Event.Thread);
    }
    noteInstantiation(Fn);
  }
}

void InvalidJoinCheck::checkHandleSelfJoin(const CallExpr *Join) {
  if (!reportOnce(Join->getBeginLoc()))
    return;
  const HandleThreadApi &Api = *handleCallOf(Join->getDirectCallee()).Api;
  diag(Join->getBeginLoc(),
       "'%0' of the calling thread ('%1()') makes the thread wait for its "
       "own end: it fails with %2 or deadlocks")
      << Api.Join << Api.Self
      << (Api.Api == ThreadApi::Posix ? "EDEADLK" : "thrd_error");
}

void InvalidJoinCheck::reportHandleJoin(const LifetimeEvent &Event,
                                        const HandleThreadApi &Api,
                                        const FunctionDecl *Fn) {
  SourceLocation Loc = Event.Site->getBeginLoc();
  llvm::StringRef Call = TrackedThreadTypes::joinMethodAt(Event.Site);
  unsigned Paths = Event.OnlyOnSomePaths ? 1 : 0;
  switch (Event.Reason) {
  case LifetimeEvent::AlreadyEnded:
  case LifetimeEvent::MovedFrom:
    diag(Loc, "%0 thread '%1' %select{is already|may already be}2 joined or "
              "detached here; '%3' on it is undefined behaviour")
        << Api.Family << Event.Thread->getName() << Paths << Call;
    break;
  case LifetimeEvent::NeverStarted:
    diag(Loc, "%0 thread '%1' is never created; '%2' on a handle that names "
              "no thread is undefined behaviour")
        << Api.Family << Event.Thread->getName() << Call;
    break;
  case LifetimeEvent::CreationFailed: {
    const auto *Create = llvm::dyn_cast_or_null<CallExpr>(Event.PriorSite);
    bool Unchecked =
        Create && creationResultIgnored(
                      Create, ParentMap(const_cast<Stmt *>(Fn->getBody())));
    diag(Loc, "%0 thread '%1' may not have been created%select{|: the result "
              "of '%3' is not checked}2; '%4' on a handle that names no "
              "thread is undefined behaviour")
        << Api.Family << Event.Thread->getName() << Unchecked << Api.Create
        << Call;
    if (Create)
      diag(Create->getBeginLoc(),
           "%select{'%0' may fail here and the path goes on to the join|"
           "'%0' may fail here}1",
           DiagnosticIDs::Note)
          << Api.Create << Unchecked;
    return;
  }
  }
  if (!Event.PriorSite) {
    noteThreadDeclaration(Event.Thread);
    return;
  }
  JoinKind Prior = TrackedThreadTypes::joinKindAt(Event.PriorSite);
  const auto *PriorCall = llvm::dyn_cast<CallExpr>(Event.PriorSite);
  if (PriorCall &&
      handleCallOf(PriorCall->getDirectCallee()).Role == HandleCallRole::Create)
    diag(Event.PriorSite->getBeginLoc(), "'%0' is created detached here",
         DiagnosticIDs::Note)
        << Event.Thread->getName();
  else if (Event.PriorSite == Event.Site)
    diag(Event.PriorSite->getBeginLoc(),
         "'%0' is %select{joined|detached}1 here on an earlier iteration",
         DiagnosticIDs::Note)
        << Event.Thread->getName() << (Prior == JoinKind::Detach ? 1 : 0);
  else
    diag(Event.PriorSite->getBeginLoc(),
         "'%0' is %select{joined|detached}1 here", DiagnosticIDs::Note)
        << Event.Thread->getName() << (Prior == JoinKind::Detach ? 1 : 0);
}

void InvalidJoinCheck::checkStoredHandleCreation(const CallExpr *Create,
                                                 ASTContext &Ctx) {
  std::optional<HandleCreation> Creation = handleCreationOf(Create);
  std::optional<StoredHandle> Handle =
      Creation ? storedHandleOf(*Creation, Types) : std::nullopt;
  if (!Handle)
    return;
  if (std::optional<StoredHandleSelfJoin> Self =
          HandleJoins.selfJoin(*Creation, *Handle))
    reportStoredHandleSelfJoin(*Self, *Creation, *Handle);
  const FunctionDecl *Fn = functionDeclaring(Handle->Base);
  if (!Fn || Fn->isDependentContext())
    return;
  for (const FailedCreationJoin &Join :
       HandleJoins.joinsAfterFailure(*Creation, *Handle, Fn, Ctx)) {
    reportJoinAfterFailedCreation(Join, *Creation, *Handle);
    noteInstantiation(Fn);
  }
}

void InvalidJoinCheck::reportJoinAfterFailedCreation(
    const FailedCreationJoin &Join, const HandleCreation &Creation,
    const StoredHandle &Handle) {
  const CallExpr *First = Join.Path.front();
  const CallExpr *Ended = Join.Path.back();
  SourceLocation Loc = First->getBeginLoc();
  if (!reportOnce(Loc))
    return;
  bool Detaches =
      handleCallOf(Ended->getDirectCallee()).Role == HandleCallRole::Detach;
  std::string EndCall = calleeName(Ended->getDirectCallee());
  if (Join.Path.size() == 1)
    diag(Loc, "%0 thread '%1' is not created on this path, where '%2' "
              "failed; '%3' on a handle that names no thread is undefined "
              "behaviour")
        << Creation.Api->Family << Handle.spelling() << Creation.Api->Create
        << EndCall;
  else
    diag(Loc, "'%0' %select{joins|detaches}1 %2 thread '%3', whose creation "
              "failed on this path; '%4' on a handle that names no thread is "
              "undefined behaviour")
        << calleeName(First->getDirectCallee()) << Detaches
        << Creation.Api->Family << Handle.spelling() << EndCall;
  diag(Creation.Call->getBeginLoc(),
       "'%0' fails here and this branch goes on to the %select{join|detach}1",
       DiagnosticIDs::Note)
      << Creation.Api->Create << Detaches;
  for (size_t I = 1; I < Join.Path.size(); ++I) {
    std::string Caller = calleeName(Join.Path[I - 1]->getDirectCallee());
    if (I + 1 == Join.Path.size())
      diag(Join.Path[I]->getBeginLoc(), "'%0' %select{joins|detaches}1 it here",
           DiagnosticIDs::Note)
          << Caller << Detaches;
    else
      diag(Join.Path[I]->getBeginLoc(), "'%0' calls '%1' here",
           DiagnosticIDs::Note)
          << Caller << calleeName(Join.Path[I]->getDirectCallee());
  }
}

void InvalidJoinCheck::reportStoredHandleSelfJoin(
    const StoredHandleSelfJoin &Found, const HandleCreation &Creation,
    const StoredHandle &Handle) {
  const CallExpr *Join = Found.Path.back();
  if (!reportOnce(Join->getBeginLoc()))
    return;
  const HandleThreadApi &Api = *Creation.Api;
  diag(Join->getBeginLoc(),
       "%0 thread '%1' may join itself: '%2' is reached from its start "
       "routine '%3'; a thread that waits for its own end fails with %4 or "
       "deadlocks")
      << Api.Family << Handle.spelling() << calleeName(Join->getDirectCallee())
      << calleeName(Found.Entry)
      << (Api.Api == ThreadApi::Posix ? "EDEADLK" : "thrd_error");
  diag(Creation.Call->getBeginLoc(), "'%0' is created here running '%1'",
       DiagnosticIDs::Note)
      << Handle.spelling() << calleeName(Found.Entry);
  const FunctionDecl *Caller = Found.Entry;
  for (const CallExpr *Step :
       llvm::ArrayRef<const CallExpr *>(Found.Path).drop_back()) {
    diag(Step->getBeginLoc(), "'%0' calls '%1' here", DiagnosticIDs::Note)
        << calleeName(Caller) << calleeName(Step->getDirectCallee());
    Caller = Step->getDirectCallee();
  }
}

void InvalidJoinCheck::checkMember(const FieldDecl *Member) {
  // A self-join is proven by the class's own code alone: members of any
  // access are checked (see onlyOwnCodeReaches).
  if (ownsBoostThreads(Member->getType()))
    return;
  ThreadOwnerKind Kind = Types.ownerKind(Member->getType());
  const CXXRecordDecl *RD = analyzableClassOf(Member);
  llvm::SmallVector<const FunctionDecl *, 16> Functions;
  if (!RD) {
    // In a class template's instantiation, only the member joins are
    // judged, over the functions it instantiated.
    const CXXRecordDecl *Instantiation = instantiatedClassOf(Member);
    if (!Instantiation || Kind != ThreadOwnerKind::Thread)
      return;
    collectInstantiatedMemberFunctions(Instantiation, Functions);
    reportInvalidMemberJoins(
        Member, Instantiation, Functions,
        summarizeMemberUses(Member, Kind, Functions, Types));
    return;
  }
  collectVisibleMemberFunctions(RD, Functions);
  MemberUseSummary Summary =
      summarizeMemberUses(Member, Kind, Functions, Types);

  // Which member functions join the member (detaching oneself is legal),
  // without the thread-id comparison that rules a self-join out.
  llvm::DenseMap<const FunctionDecl *, const Stmt *> Joiners;
  for (const MemberUse &M : Summary.Uses)
    if (M.Use.Kind == ThreadUseKind::Join && M.In &&
        TrackedThreadTypes::joinKindAt(M.Use.Site) != JoinKind::Detach &&
        !Joiners.count(M.In) && !comparesThreadIds(M.In->getBody()))
      Joiners[M.In] = M.Use.Site;

  for (const auto &[Start, EntryDef] :
       startsWithVisibleEntry(Summary, Kind, Types)) {
    auto Joins = [&](const FunctionDecl *Fn) { return Joiners.count(Fn); };
    std::optional<MemberCallChain> Chain =
        findMemberCallChain(EntryDef, RD, Joins);
    if (!Chain) {
      // Without a joining function no task can join: the tasks (and the
      // index of the unit's stores they need) are not looked for.
      if (Joiners.empty())
        continue;
      if (std::optional<TaskSelfJoin> ByTask =
              findTaskSelfJoin(EntryDef, RD, Joins, ErasedCalls))
        reportTaskSelfJoin(Member, Start, EntryDef,
                           Joiners[ByTask->ToJoin.Reached], *ByTask);
      continue;
    }
    const FunctionDecl *Found = Chain->Reached;
    const Stmt *JoinSite = Joiners[Found];
    if (!reportOnce(JoinSite->getBeginLoc()))
      continue;
    diag(JoinSite->getBeginLoc(),
         "%select{thread|thread owned by|a thread in}0 '%1' may join itself: "
         "%2 is reached from the function the thread runs; join() from its "
         "own thread throws std::system_error (resource_deadlock_would_occur)")
        << ownerKindSelect(Kind) << Member->getName()
        << ("'" + calleeName(Found) + "'");
    diag(Start->getBeginLoc(),
         "%select{'%1' is|the thread owned by '%1' is|a thread in '%1' is}0 "
         "started here running %2",
         DiagnosticIDs::Note)
        << ownerKindSelect(Kind) << Member->getName()
        << describeEntry(EntryDef);
    for (const MemberCallStep &Step : Chain->Steps) {
      std::string Caller = isLambdaCallOperator(Step.Caller)
                               ? "the thread's entry lambda"
                               : "'" + calleeName(Step.Caller) + "'";
      diag(Step.Call->getBeginLoc(), "%0 calls '%1' here", DiagnosticIDs::Note)
          << Caller << calleeName(Step.Callee);
    }
  }
  // After the self-joins, which say more about the same join.
  if (Kind == ThreadOwnerKind::Thread)
    reportInvalidMemberJoins(Member, RD, Functions, Summary);
  if (Kind == ThreadOwnerKind::Container)
    reportContainerRejoins(Member, RD, Summary);
}

void InvalidJoinCheck::noteCallsToJoin(const ContainerRejoin &Rejoin,
                                       const CXXRecordDecl *RD) {
  std::optional<MemberCallChain> Chain =
      findMemberCallChain(Rejoin.Joining, RD, [&](const FunctionDecl *Fn) {
        return anyStmtIn(Fn->getBody(),
                         [&](const Stmt *S) { return S == Rejoin.Join; });
      });
  if (!Chain)
    return;
  for (const MemberCallStep &Step : Chain->Steps)
    diag(Step.Call->getBeginLoc(), "'%0' calls '%1' here", DiagnosticIDs::Note)
        << calleeName(Step.Caller) << calleeName(Step.Callee);
}

void InvalidJoinCheck::reportContainerRejoins(const FieldDecl *Member,
                                              const CXXRecordDecl *RD,
                                              const MemberUseSummary &Summary) {
  for (const ContainerRejoin &Rejoin :
       ContainerRejoins(Member, RD, Summary).find()) {
    SourceLocation Loc = Rejoin.Join->getBeginLoc();
    if (!reportOnce(Loc))
      continue;
    std::string Caller = "'" + calleeName(Rejoin.Caller) + "'";
    if (Rejoin.Loop)
      Caller = "a loop in " + Caller;
    diag(Loc, "a thread in '%0' is already %select{joined|detached|ended}1 "
              "when this '%2()' reaches it again: '%0' keeps the threads an "
              "earlier call of '%3' %select{joined|detached|ended}1, and %4 "
              "calls '%5' again; '%2()' will throw std::system_error")
        << Member->getName()
        << joinKindSelect(TrackedThreadTypes::joinKindAt(Rejoin.Join))
        << TrackedThreadTypes::joinMethodAt(Rejoin.Join)
        << calleeName(Rejoin.Joining) << Caller << calleeName(Rejoin.Joining);
    diag(Rejoin.FirstStart->getBeginLoc(), "'%0' adds threads to '%1' here",
         DiagnosticIDs::Note)
        << calleeName(Rejoin.Starting) << Member->getName();
    diag(Rejoin.FirstJoin->getBeginLoc(),
         "'%0' joins them here and does not clear '%1'", DiagnosticIDs::Note)
        << calleeName(Rejoin.Joining) << Member->getName();
    if (Rejoin.Loop) {
      diag(Rejoin.Loop->getBeginLoc(),
           "the next iteration of this loop calls '%0' and '%1' again",
           DiagnosticIDs::Note)
          << calleeName(Rejoin.Starting) << calleeName(Rejoin.Joining);
      noteCallsToJoin(Rejoin, RD);
      continue;
    }
    if (Rejoin.Restart)
      diag(Rejoin.Restart->getBeginLoc(), "'%0' adds more threads here",
           DiagnosticIDs::Note)
          << calleeName(Rejoin.Starting);
    diag(Rejoin.SecondJoin->getBeginLoc(), "'%0' is called again here",
         DiagnosticIDs::Note)
        << calleeName(Rejoin.Joining);
    noteCallsToJoin(Rejoin, RD);
  }
}

void InvalidJoinCheck::reportTaskSelfJoin(const FieldDecl *Member,
                                          const Stmt *Start,
                                          const FunctionDecl *Entry,
                                          const Stmt *JoinSite,
                                          const TaskSelfJoin &Found) {
  SourceLocation Loc = Found.Task.SubmittedAt;
  if (Loc.isInvalid() || !reportOnce(Loc))
    return;
  ThreadOwnerKind Kind = Types.ownerKind(Member->getType());
  diag(Loc, "task submitted here may join the thread that runs it: it calls "
            "'%0', which joins %select{thread|the thread owned by|the "
            "threads in}1 '%2' that run%select{s|s|}1 the task; join() from "
            "its own thread throws std::system_error "
            "(resource_deadlock_would_occur)")
      << calleeName(Found.CallsClass->getMethodDecl()) << ownerKindSelect(Kind)
      << Member->getName();
  diag(Start->getBeginLoc(),
       "%select{'%1' is|the thread owned by '%1' is|a thread in '%1' is}0 "
       "started here running %2",
       DiagnosticIDs::Note)
      << ownerKindSelect(Kind) << Member->getName() << describeEntry(Entry);
  diag(Found.RunsTask->getExprLoc(), "the thread runs the task here",
       DiagnosticIDs::Note);
  for (const MemberCallStep &Step : Found.Through)
    diag(Step.Call->getBeginLoc(), "%0 calls '%1' here", DiagnosticIDs::Note)
        << (&Step == &Found.Through.front()
                ? std::string("the task")
                : "'" + calleeName(Step.Caller) + "'")
        << calleeName(Step.Callee);
  diag(Found.CallsClass->getBeginLoc(), "%0 calls '%1' here",
       DiagnosticIDs::Note)
      << (Found.Through.empty()
              ? std::string("the task")
              : "'" + calleeName(Found.Through.back().Callee) + "'")
      << calleeName(Found.CallsClass->getMethodDecl());
  for (const MemberCallStep &Step : Found.ToJoin.Steps)
    diag(Step.Call->getBeginLoc(), "'%0' calls '%1' here", DiagnosticIDs::Note)
        << calleeName(Step.Caller) << calleeName(Step.Callee);
  diag(JoinSite->getBeginLoc(), "'%0' is joined here", DiagnosticIDs::Note)
      << Member->getName();
}

void InvalidJoinCheck::reportInvalidMemberJoins(
    const FieldDecl *Member, const CXXRecordDecl *RD,
    llvm::ArrayRef<const FunctionDecl *> Functions,
    const MemberUseSummary &Summary) {
  ThreadLifetimeAnalysis Lifetimes = lifetimeAnalysis(Types);
  llvm::SmallVector<InvalidMemberJoin, 2> Found;
  MemberJoinStates(Member, RD, Summary, Lifetimes, Types)
      .findInvalidJoins(Functions, Found);
  for (const InvalidMemberJoin &Join : Found) {
    SourceLocation Loc = Join.Join->getBeginLoc();
    if (!reportOnce(Loc))
      continue;
    llvm::StringRef Method = TrackedThreadTypes::joinMethodAt(Join.Join);
    bool FromDestructor = llvm::isa<CXXDestructorDecl>(Join.From);
    std::string From = FromDestructor
                           ? "the destructor of '" + RD->getNameAsString() + "'"
                           : "'" + calleeName(Join.From) + "'";
    switch (Join.Shape) {
    case InvalidMemberJoin::JoinedTwice:
      diag(Loc, "member thread '%0' %select{is already|may already be}1 "
                "%select{joined or detached|moved from}2 when %3 reaches this "
                "'%4()'; it %select{will|would}1 throw std::system_error"
                "%select{|, and std::terminate is called since it is thrown "
                "from a destructor}5")
          << Member->getName() << Join.OnlyOnSomePaths << Join.MovedFrom << From
          << Method << FromDestructor;
      if (!Join.Prior)
        break;
      if (const CXXMethodDecl *Callee = methodCalledOnThis(Join.Prior))
        diag(Join.Prior->getBeginLoc(),
             "'%0' is joined or detached by this call of '%1' first",
             DiagnosticIDs::Note)
            << Member->getName() << calleeName(Callee);
      else if (Join.MovedFrom)
        diag(Join.Prior->getBeginLoc(), "'%0' is moved from here",
             DiagnosticIDs::Note)
            << Member->getName();
      else
        diag(Join.Prior->getBeginLoc(),
             "'%0' is %select{joined|detached|ended by '%2()'}1 here first",
             DiagnosticIDs::Note)
            << Member->getName()
            << joinKindSelect(TrackedThreadTypes::joinKindAt(Join.Prior))
            << TrackedThreadTypes::joinMethodAt(Join.Prior);
      break;
    case InvalidMemberJoin::StoppedThenDestroyed:
      diag(Loc, "member thread '%0' is already joined or detached when "
                "'%1' is destroyed after its call of '%2'; the destructor of "
                "'%3' reaches this '%4()' again, which throws "
                "std::system_error, and std::terminate is called")
          << Member->getName() << Join.Object->getName()
          << calleeName(Join.StopCall->getMethodDecl()) << RD->getName()
          << Method;
      diag(Join.StopCall->getExprLoc(), "'%0' is stopped here",
           DiagnosticIDs::Note)
          << Join.Object->getName();
      diag(Join.DestroyedAt, "'%0' is destroyed here", DiagnosticIDs::Note)
          << Join.Object->getName();
      break;
    case InvalidMemberJoin::DestroyedUnstarted:
      diag(Loc,
           "member thread '%0' may never have been started when the "
           "destructor of '%1' reaches this '%2()'; '%1' objects destroyed "
           "before '%0' is started make it throw std::system_error, "
           "and std::terminate is called")
          << Member->getName() << RD->getName() << Method;
      if (Join.Constructor)
        diag(Join.Constructor->getLocation(),
             "this constructor of '%0' may leave '%1' not started",
             DiagnosticIDs::Note)
            << RD->getName() << Member->getName();
      else
        diag(RD->getLocation(),
             "the implicit constructor of '%0' does not start '%1'",
             DiagnosticIDs::Note)
            << RD->getName() << Member->getName();
      diag(Join.Start->getBeginLoc(), "'%0' is started here",
           DiagnosticIDs::Note)
          << Member->getName();
      break;
    }
    for (const MemberCallStep &Step : Join.Steps)
      diag(Step.Call->getBeginLoc(), "'%0' calls '%1' here",
           DiagnosticIDs::Note)
          << calleeName(Step.Caller) << calleeName(Step.Callee);
    noteInstantiation(Join.From);
  }
}

} // namespace clang::tidy::threads
