//===--- JoinableAtExitCheck.cpp - threads-joinable-at-exit ---------------===//

#include "checks/JoinableAtExitCheck.h"
#include "analysis/BoostThreads.h"
#include "analysis/ContainerJoinLoops.h"
#include "analysis/ExceptionPathNotes.h"
#include "analysis/LocalThreadUses.h"
#include "analysis/MemberCallChains.h"
#include "analysis/MemberProtocol.h"
#include "analysis/MemberRestarts.h"
#include "analysis/MemberThreadUses.h"
#include "analysis/QtThreads.h"
#include "analysis/ThreadUseClassifier.h"
#include "utils/AstUtils.h"
#include "utils/TestAssertionExits.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::threads {

namespace {

/// What throws at \p Site, for a message: "'f'", "the constructor of 'T'",
/// "this call".
std::string throwingCallee(const Stmt *Site, ASTContext &Ctx) {
  // `task()` through a std::function or a function pointer: the name of
  // what holds the task says more than `operator()`.
  if (const Expr *Callable = TypeErasedCalls::erasedCallee(Site)) {
    Callable = Callable->IgnoreParenImpCasts();
    if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Callable))
      return "'" + Ref->getDecl()->getNameAsString() + "'";
    if (const auto *Member = llvm::dyn_cast<MemberExpr>(Callable))
      return "'" + Member->getMemberDecl()->getNameAsString() + "'";
    return "the task called";
  }
  if (const auto *Call = llvm::dyn_cast<CallExpr>(Site)) {
    if (const FunctionDecl *FD = Call->getDirectCallee())
      return "'" + FD->getNameAsString() + "'";
  } else if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(Site)) {
    return "the constructor of '" +
           Construct->getType().getAsString(Ctx.getPrintingPolicy()) + "'";
  }
  return "this call";
}

/// Whether the first step of \p E's path is the call the warning points
/// at, which its note would only repeat. An assumed throw of an unknown
/// task keeps its note: it says why.
bool startsAtTheCall(const EscapingException &E) {
  const ThrowStep &First = E.Path.front();
  return First.Kind == ThrowStep::Call ||
         (First.Kind == ThrowStep::ErasedCall && First.Callee);
}

} // namespace

JoinableAtExitCheck::JoinableAtExitCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : ThreadLifetimeCheck(Name, Context),
      AssumeOpaqueCallsThrow(Options.get("AssumeOpaqueCallsThrow", false)),
      CheckMemberDestructors(Options.get("CheckMemberDestructors", true)),
      ReportTestAssertionExits(Options.get("ReportTestAssertionExits", true)),
      TestAssertions(*this, Name, Options), ExceptionOpts(*this, Name, Options),
      // A thread that cannot start would make every function that starts
      // two threads a finding; threads-exception-escape reports it.
      Exceptions(ExceptionOpts, ThreadStartFailures::NotCounted) {}

void JoinableAtExitCheck::storeCheckOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "AssumeOpaqueCallsThrow", AssumeOpaqueCallsThrow);
  Options.store(Opts, "CheckMemberDestructors", CheckMemberDestructors);
  Options.store(Opts, "ReportTestAssertionExits", ReportTestAssertionExits);
  TestAssertions.storeOptions(Options, Opts);
  ExceptionOpts.storeOptions(Options, Opts);
}

void JoinableAtExitCheck::checkFunction(const FunctionDecl *Fn,
                                        ASTContext &Ctx) {
  llvm::SmallVector<LifetimeEvent, 8> Events;
  ThreadLifetimeAnalysis Analysis =
      lifetimeAnalysis(Types, &Exceptions, AssumeOpaqueCallsThrow);
  Analysis.trackContainers();
  if (ReportTestAssertionExits)
    Analysis.followTestAssertions(&TestAssertions);
  Analysis.analyze(Fn, Ctx, Events);
  TestAssertionExits AssertionExits(TestAssertions, Types, Ctx);
  llvm::SmallVector<const LifetimeEvent *, 8> Others;
  AssertionExits.take(Events, Others);
  for (const LifetimeEvent *Event : Others)
    if (Event->Kind != LifetimeEvent::InvalidJoin) // threads-invalid-join's
      report(*Event, Fn, Ctx);
  if (ReportTestAssertionExits)
    AssertionExits.report(
        *this,
        [&](const VarDecl *Thread) {
          return reportOnce(Thread->getLocation(), Thread->getLocation());
        },
        [&](const VarDecl *Thread) { noteInstantiation(Thread); });
}

void JoinableAtExitCheck::report(const LifetimeEvent &Event,
                                 const FunctionDecl *Fn, ASTContext &Ctx) {
  const Stmt *Site = Event.Site;
  SourceLocation Loc = Site->getBeginLoc();
  if (Event.Kind == LifetimeEvent::ScopeExit && exitKeyword(Site).empty()) {
    // The end of the scope: point at its closing brace.
    if (const auto *Compound = llvm::dyn_cast<CompoundStmt>(Site))
      Loc = Compound->getRBracLoc();
    else
      Loc = Site->getEndLoc();
  }
  if (!reportOnce(Loc, Event.Thread->getLocation()))
    return;
  if (const HandleThreadApi *Api = Types.handleApiOfVariable(Event.Thread)) {
    reportHandle(Event, Loc, *Api, Fn, Ctx);
    return;
  }

  // Indexes the subjects "thread 't' is still", "thread 't' may still be",
  // "threads in 'v' are still", "threads in 'v' may still be", "thread owned
  // by 'o' is still", "thread owned by 'o' may still be", and the words that
  // agree with them ("its destructor", "their destructors"). The dataflow
  // tracks local threads, containers and optionals, no smart pointers.
  bool HeldByOwner = holdsOneThread(Types.ownerKind(Event.Thread->getType()));
  unsigned Certainty = (isContainer(Event.Thread) ? 2 : 0) +
                       (HeldByOwner ? 4 : 0) + (Event.OnlyOnSomePaths ? 1 : 0);
  switch (Event.Kind) {
  case LifetimeEvent::ScopeExit: {
    llvm::StringRef Keyword = exitKeyword(Site);
    if (Keyword.empty())
      diag(
          Loc,
          "%select{thread '%0' is still|thread '%0' may still be|"
          "threads in '%0' are still|threads in '%0' may still be|"
          "thread owned by '%0' is still|"
          "thread owned by '%0' may still be}1 "
          "joinable at the end of %select{its|its|their|their|its|its}1 scope; "
          "%select{its destructor|its destructor|their destructors|their "
          "destructors|its destructor|its destructor}1 will call "
          "std::terminate")
          << Event.Thread->getName() << Certainty;
    else
      diag(Loc, "%select{thread '%0' is still|thread '%0' may still be|"
                "threads in '%0' are still|threads in '%0' may still be|"
                "thread owned by '%0' is still|"
                "thread owned by '%0' may still be}1 "
                "joinable when this '%2' leaves "
                "%select{its|its|their|their|its|its}1 "
                "scope; %select{its destructor|its destructor|their "
                "destructors|their destructors|its destructor|its "
                "destructor}1 will call std::terminate")
          << Event.Thread->getName() << Certainty << Keyword;
    break;
  }
  case LifetimeEvent::ExceptionExit: {
    if (llvm::isa<CXXThrowExpr>(Site)) {
      diag(Loc, "%select{thread '%0' is still|thread '%0' may still be|"
                "threads in '%0' are still|threads in '%0' may still be|"
                "thread owned by '%0' is still|"
                "thread owned by '%0' may still be}1 "
                "joinable when this exception leaves "
                "%select{its|its|their|their|its|its}1 scope; %select{its "
                "destructor|its destructor|their destructors|their "
                "destructors|its destructor|its destructor}1 will call "
                "std::terminate")
          << Event.Thread->getName() << Certainty;
    } else {
      std::string Callee = throwingCallee(Site, Ctx);
      diag(Loc, "%select{thread '%0' is still|thread '%0' may still be|"
                "threads in '%0' are still|threads in '%0' may still be|"
                "thread owned by '%0' is still|"
                "thread owned by '%0' may still be}1 "
                "joinable if %2 throws here; %select{its destructor|its "
                "destructor|their destructors|their destructors|its "
                "destructor|its destructor}1 will call std::terminate during "
                "unwinding")
          << Event.Thread->getName() << Certainty << Callee;
      ExceptionSet Thrown = Exceptions.thrownByCall(Site, Fn);
      // The warning already points at the call; the notes go on from there.
      if (!Thrown.empty())
        notePathOf(*this, Thrown.front(),
                   startsAtTheCall(Thrown.front()) ? 1 : 0);
    }
    break;
  }
  case LifetimeEvent::InvalidJoin:
    return;
  case LifetimeEvent::Overwrite:
    // Only single threads: an element assignment overwrites nothing known.
    diag(Loc, "%select{thread|thread owned by}2 '%0' %select{is still|may "
              "still be}1 joinable when it is move-assigned here; the "
              "assignment will call std::terminate")
        << Event.Thread->getName() << Event.OnlyOnSomePaths << HeldByOwner;
    break;
  }
  diag(Event.Thread->getLocation(),
       "%select{thread|container|owner}1 '%0' declared here",
       DiagnosticIDs::Note)
      << Event.Thread->getName()
      << (HeldByOwner                 ? 2
          : isContainer(Event.Thread) ? 1
                                      : 0);
  noteInstantiation(Event.Thread);
}

void JoinableAtExitCheck::reportHandle(const LifetimeEvent &Event,
                                       SourceLocation Loc,
                                       const HandleThreadApi &Api,
                                       const FunctionDecl *Fn,
                                       ASTContext &Ctx) {
  // "POSIX thread 't' is", "POSIX thread 't' may be", "POSIX threads in
  // 'th' are", "POSIX threads in 'th' may be", and the pronouns that agree.
  bool IsArray =
      Types.handleKindOfVariable(Event.Thread) == ThreadOwnerKind::HandleArray;
  unsigned Subject = (IsArray ? 2 : 0) + (Event.OnlyOnSomePaths ? 1 : 0);
  llvm::StringRef Leak = "leak until the process exits";
  switch (Event.Kind) {
  case LifetimeEvent::ScopeExit: {
    llvm::StringRef Keyword = exitKeyword(Event.Site);
    diag(Loc, "%0 %select{thread '%1' is|thread '%1' may be|threads in '%1' "
              "are|threads in '%1' may be}2 neither joined nor detached "
              "%select{at the end of|when this '%3' leaves}4 "
              "%select{its|its|their|their}2 scope; "
              "%select{its|its|their|their}2 resources %5")
        << Api.Family << Event.Thread->getName() << Subject << Keyword
        << !Keyword.empty() << Leak;
    break;
  }
  case LifetimeEvent::ExceptionExit:
    if (llvm::isa<CXXThrowExpr>(Event.Site)) {
      diag(Loc, "%0 %select{thread '%1' is|thread '%1' may be|threads in "
                "'%1' are|threads in '%1' may be}2 neither joined nor "
                "detached when this exception leaves "
                "%select{its|its|their|their}2 scope; "
                "%select{its|its|their|their}2 resources %3")
          << Api.Family << Event.Thread->getName() << Subject << Leak;
    } else {
      diag(Loc, "%0 %select{thread '%1' is|thread '%1' may be|threads in "
                "'%1' are|threads in '%1' may be}2 neither joined nor "
                "detached if %3 throws here; %select{its|its|their|their}2 "
                "resources %4")
          << Api.Family << Event.Thread->getName() << Subject
          << throwingCallee(Event.Site, Ctx) << Leak;
      ExceptionSet Thrown = Exceptions.thrownByCall(Event.Site, Fn);
      if (!Thrown.empty())
        notePathOf(*this, Thrown.front(),
                   startsAtTheCall(Thrown.front()) ? 1 : 0);
    }
    break;
  case LifetimeEvent::Overwrite:
    diag(Loc, "%0 thread '%1' %select{is|may be}2 neither joined nor "
              "detached when '%3' stores a new thread in it here; the "
              "previous thread's resources %4")
        << Api.Family << Event.Thread->getName() << Event.OnlyOnSomePaths
        << Api.Create << Leak;
    break;
  case LifetimeEvent::InvalidJoin:
    return;
  }
  diag(Event.Thread->getLocation(), "%select{thread|array}1 '%0' declared here",
       DiagnosticIDs::Note)
      << Event.Thread->getName() << IsArray;
  noteInstantiation(Event.Thread);
}

namespace {

bool releasedThroughCalls(const FunctionDecl *Def, const FieldDecl *Member,
                          ThreadOwnerKind Kind, const TrackedThreadTypes &Types,
                          unsigned Depth,
                          llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen);

/// Whether \p Fn, or a member function it calls on `this` (transitively,
/// a few levels deep), joins, detaches or hands over \p Member. A call we
/// cannot see into counts as joining: silence rather than a guess.
bool releasesMember(const FunctionDecl *Fn, const FieldDecl *Member,
                    ThreadOwnerKind Kind, const TrackedThreadTypes &Types,
                    unsigned Depth,
                    llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen) {
  const FunctionDecl *Def = visibleDefinition(Fn);
  if (!Def)
    return true;
  if (!Seen.insert(Def).second || Depth > 4)
    return false;
  llvm::SmallVector<ThreadUse, 4> Uses;
  ThreadUseClassifier(Def->getBody(), Types).collectUses(Member, Kind, Uses);
  if (llvm::any_of(Uses, joinsOrHandsOver))
    return true;
  return releasedThroughCalls(Def, Member, Kind, Types, Depth, Seen);
}

/// Whether a member function that \p Def calls on `this`, or code \p Def
/// hands the object to, may release \p Member (see releasesMember).
bool releasedThroughCalls(const FunctionDecl *Def, const FieldDecl *Member,
                          ThreadOwnerKind Kind, const TrackedThreadTypes &Types,
                          unsigned Depth,
                          llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen) {
  // Calls to other members on this object.
  llvm::SmallVector<const Stmt *, 32> Work{Def->getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const CXXMethodDecl *Method = methodCalledOnThis(S))
      if (releasesMember(Method, Member, Kind, Types, Depth + 1, Seen))
        return true;
    // The object handed to anything else, a call (`unregister(this)`) or
    // the constructor of an object the destructor builds (`Guard g(this);`,
    // `auto g = Joiner(*this);`, whose constructor or destructor calls the
    // joining member): that code may stop the thread.
    if (llvm::isa<CallExpr, CXXConstructExpr>(S) &&
        llvm::any_of(argumentsOf(S), isThisObject))
      return true;
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

} // namespace

void JoinableAtExitCheck::checkMember(const FieldDecl *Member) {
  reportRestarts(Member);
  // "Joined only by 'stop'" needs every join in sight.
  const CXXRecordDecl *RD = analyzableClassOf(Member);
  if (!RD || !onlyOwnCodeReaches(Member))
    return;
  const CXXDestructorDecl *Dtor = RD->getDestructor();
  bool UserDestructor = Dtor && Dtor->isUserProvided();
  const FunctionDecl *DtorDef =
      UserDestructor ? visibleDefinition(Dtor) : nullptr;
  // A destructor defined elsewhere may well join: nothing to say.
  if (UserDestructor && !DtorDef)
    return;

  ThreadOwnerKind Kind = Types.ownerKind(Member->getType());
  llvm::SmallVector<const FunctionDecl *, 16> Functions;
  collectVisibleMemberFunctions(RD, Functions);
  MemberUseSummary Summary =
      summarizeMemberUses(Member, Kind, Functions, Types);
  const MemberUse *FirstJoin = nullptr;
  for (const MemberUse &M : Summary.Uses) {
    // Handed to a guard member or exposed by reference: whoever holds it
    // may join it; the destructor is not the only way out.
    if (M.Use.Kind == ThreadUseKind::Escape)
      return;
    if (M.Use.Kind != ThreadUseKind::Join || !M.In ||
        llvm::isa<CXXDestructorDecl>(M.In))
      continue;
    // Joined in an override of a base class's hook (a test fixture's
    // TearDown(), a service framework's onStop()), or in a function such
    // an override calls: the framework that declared the hook is the one
    // that calls it before destruction.
    if (isHookOrCalledFromHook(M.In, RD))
      return;
    // A constructor that joins in its catch handler cleans up a failed
    // construction; the function to name is the one that stops a running
    // object, if there is one.
    if (!FirstJoin || (llvm::isa<CXXConstructorDecl>(FirstJoin->In) &&
                       !llvm::isa<CXXConstructorDecl>(M.In)))
      FirstJoin = &M;
  }
  reportConstructorThrows(Member, RD, Functions, Summary);
  if (DtorDef && reportDestructorSkip(Member, RD, DtorDef, Summary))
    return;
  // Started and joined by the class, so the class owns the thread; never
  // joined at all is threads-unjoined-thread's finding.
  if (!Summary.FirstStart || !FirstJoin)
    return;
  ThreadLifetimeAnalysis Lifetimes = lifetimeAnalysis(Types);
  if (joinedBeforeEveryStarterReturns(Member, Kind, Summary, Lifetimes))
    return;
  if (DtorDef) {
    llvm::SmallPtrSet<const FunctionDecl *, 8> Seen;
    if (releasesMember(DtorDef, Member, Kind, Types, 0, Seen))
      return;
  }
  if (!reportOnce(Member->getLocation()))
    return;
  diag(Member->getLocation(),
       "member %select{thread|thread owned by|threads in}0 '%1' %select{is|is|"
       "are}0 joined only by '%2'; a '%3' destroyed without calling it "
       "(including during exception unwinding) will call std::terminate")
      << ownerKindSelect(Kind) << Member->getName()
      << FirstJoin->In->getNameAsString() << RD->getName();
  diag(FirstJoin->Use.Site->getBeginLoc(), "joined here", DiagnosticIDs::Note);
  noteDestructorDoesNotJoin(RD, DtorDef);
}

void JoinableAtExitCheck::noteDestructorDoesNotJoin(
    const CXXRecordDecl *RD, const FunctionDecl *DtorDef) {
  const CXXDestructorDecl *Dtor = RD->getDestructor();
  if (DtorDef)
    diag(DtorDef->getLocation(), "the destructor of '%0' does not join it",
         DiagnosticIDs::Note)
        << RD->getName();
  else if (Dtor && Dtor->isExplicitlyDefaulted())
    diag(Dtor->getLocation(),
         "the defaulted destructor of '%0' does not join it",
         DiagnosticIDs::Note)
        << RD->getName();
  else
    diag(RD->getLocation(), "the implicit destructor of '%0' does not join it",
         DiagnosticIDs::Note)
        << RD->getName();
}

void JoinableAtExitCheck::noteThrowSite(const Stmt *Site,
                                        const FunctionDecl *Fn) {
  if (llvm::isa<CXXThrowExpr>(Site)) {
    diag(Site->getBeginLoc(), "exception thrown here", DiagnosticIDs::Note);
    return;
  }
  // The path's notes start at the call itself.
  ExceptionSet Thrown = Exceptions.thrownByCall(Site, Fn);
  if (Thrown.empty())
    diag(Site->getBeginLoc(), "%0 may throw here", DiagnosticIDs::Note)
        << throwingCallee(Site, Fn->getASTContext());
  else
    notePathOf(*this, Thrown.front());
}

void JoinableAtExitCheck::reportConstructorThrows(
    const FieldDecl *Member, const CXXRecordDecl *RD,
    llvm::ArrayRef<const FunctionDecl *> Functions,
    const MemberUseSummary &Summary) {
  ThreadOwnerKind Kind = Types.ownerKind(Member->getType());
  ThreadLifetimeAnalysis Lifetimes =
      lifetimeAnalysis(Types, &Exceptions, AssumeOpaqueCallsThrow);
  MemberProtocol Protocol(Member, Kind, Summary, Lifetimes);
  ASTContext &Ctx = Member->getASTContext();
  for (const ConstructorThrow &Found :
       Protocol.constructorThrows(Functions, Types)) {
    SourceLocation Loc = Found.Start->getBeginLoc();
    if (!reportOnce(Loc, Member->getLocation()))
      continue;
    const Stmt *Site = Found.Throw.Site;
    bool IsThrow = llvm::isa<CXXThrowExpr>(Site);
    std::string Callee = IsThrow ? "" : throwingCallee(Site, Ctx);
    diag(Loc, "member %select{thread|thread owned by|threads in}0 '%1' "
              "started in the constructor of '%2' %select{is|is|are}0 still "
              "joinable if %select{%4 throws|an exception is thrown}3 later "
              "in it; the destructor of '%2' does not run and std::terminate "
              "is called")
        << ownerKindSelect(Kind) << Member->getName() << RD->getName()
        << IsThrow << Callee;
    noteThrowSite(Site, Found.Constructor);
    diag(Member->getLocation(), "member '%0' declared here",
         DiagnosticIDs::Note)
        << Member->getName();
  }
}

void JoinableAtExitCheck::checkConstructor(const CXXConstructorDecl *Ctor) {
  ThreadLifetimeAnalysis Throws =
      lifetimeAnalysis(Types, &Exceptions, AssumeOpaqueCallsThrow);
  ThreadLifetimeAnalysis Joins = lifetimeAnalysis(Types);
  auto MayRelease = [&](const FunctionDecl *Fn, const FieldDecl *Thread) {
    llvm::SmallPtrSet<const FunctionDecl *, 8> Seen;
    return releasesMember(Fn, Thread, Types.ownerKind(Thread->getType()), Types,
                          0, Seen);
  };
  for (const SubobjectThrow &Found :
       SubobjectConstruction(Ctor, Throws, Joins, Types, MayRelease).find())
    reportSubobjectThrow(Ctor, Found);
}

void JoinableAtExitCheck::reportSubobjectThrow(const CXXConstructorDecl *Ctor,
                                               const SubobjectThrow &Found) {
  const CXXCtorInitializer *Init = Found.Subobject;
  // Where the subobject starts running: the call that starts it, its
  // initializer, or the constructor when the initializer is implicit.
  SourceLocation Loc = Found.StartCall     ? Found.StartCall->getBeginLoc()
                       : Init->isWritten() ? Init->getSourceLocation()
                                           : Ctor->getLocation();
  if (!reportOnce(Loc, Found.Thread->getLocation()))
    return;
  const Stmt *Site = Found.Throw.Site;
  bool IsThrow = llvm::isa<CXXThrowExpr>(Site);
  const CXXRecordDecl *Class = Found.SubobjectClass;
  std::string Thread =
      (Class->getName() + "::" + Found.Thread->getName()).str();
  diag(Loc, "%select{member '%1'|base class '%1'}0 of '%2' owns a running "
            "thread ('%3') when %select{%5 throws|an exception is thrown}4 "
            "later in the constructor of '%2'; its destructor does not join "
            "it and std::terminate is called")
      << Init->isBaseInitializer()
      << (Init->isBaseInitializer() ? Class->getName()
                                    : Init->getMember()->getName())
      << Ctor->getParent()->getName() << Thread << IsThrow
      << (IsThrow ? "" : throwingCallee(Site, Ctor->getASTContext()));
  diag(Found.ThreadStart->getBeginLoc(), "'%0' is started here",
       DiagnosticIDs::Note)
      << Thread;
  noteThrowSite(Site, Ctor);
  const CXXDestructorDecl *Dtor = Class->getDestructor();
  noteDestructorDoesNotJoin(Class, Dtor && Dtor->isUserProvided()
                                       ? visibleDefinition(Dtor)
                                       : nullptr);
}

bool JoinableAtExitCheck::reportDestructorSkip(
    const FieldDecl *Member, const CXXRecordDecl *RD,
    const FunctionDecl *DtorDef, const MemberUseSummary &Summary) {
  ThreadOwnerKind Kind = Types.ownerKind(Member->getType());
  // A destructor that calls a stop() (or hands itself to code) that may
  // end the thread is judged by that code, not by its own joins.
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen{DtorDef};
  if (releasedThroughCalls(DtorDef, Member, Kind, Types, 0, Seen))
    return false;
  ThreadLifetimeAnalysis Lifetimes = lifetimeAnalysis(Types);
  std::optional<LifetimeEvent> AtEnd =
      MemberProtocol(Member, Kind, Summary, Lifetimes)
          .destructorLeavesJoinable(DtorDef, Types);
  if (!AtEnd)
    return false;
  SourceLocation Loc = DtorDef->getBody()->getEndLoc();
  if (!reportOnce(Loc, Member->getLocation()))
    return true;
  diag(Loc, "member thread '%0' may still be joinable at the end of the "
            "destructor of '%1'; destroying it will call std::terminate")
      << Member->getName() << RD->getName();
  if (AtEnd->SkippingCondition)
    diag(AtEnd->SkippingCondition->getBeginLoc(),
         "'%0' is not joined when this condition is %select{false|true}1",
         DiagnosticIDs::Note)
        << Member->getName() << AtEnd->SkippedWhenTrue;
  diag(Summary.FirstStart->getBeginLoc(), "'%0' is started here",
       DiagnosticIDs::Note)
      << Member->getName();
  return true;
}

void JoinableAtExitCheck::reportRestarts(const FieldDecl *Member) {
  // The class's own code is the evidence, so a class template's
  // instantiations count (each is reported with the one that caused it).
  const auto *RD = llvm::dyn_cast<CXXRecordDecl>(Member->getParent());
  if (!RD || RD->isLambda() || RD->isDependentContext())
    return;
  ThreadOwnerKind Kind = Types.ownerKind(Member->getType());
  llvm::SmallVector<const FunctionDecl *, 16> Functions;
  collectVisibleMemberFunctions(RD, Functions);
  MemberUseSummary Summary =
      summarizeMemberUses(Member, Kind, Functions, Types);
  ThreadLifetimeAnalysis Lifetimes = lifetimeAnalysis(Types);
  for (const MemberRestart &Found :
       MemberRestarts(Member, Kind, RD, Summary, Lifetimes, Types)
           .find(Functions)) {
    SourceLocation Loc = Found.Assignment->getBeginLoc();
    if (!reportOnce(Loc, Member->getLocation()))
      continue;
    bool IsReset = llvm::isa<CXXMemberCallExpr>(Found.Assignment);
    diag(Loc, "member %select{thread|thread owned by|threads in}0 '%1' may "
              "still be joinable when it is %select{move-assigned|reset}2 "
              "here; the %select{assignment|reset}2 will call std::terminate")
        << ownerKindSelect(Kind) << Member->getName() << IsReset;
    switch (Found.Evidence) {
    case MemberRestart::StartedByConstructor:
      diag(Found.PriorStart->getBeginLoc(),
           "'%0' is started here, in the constructor of '%1', and may still "
           "be running afterwards",
           DiagnosticIDs::Note)
          << Member->getName() << RD->getName();
      break;
    case MemberRestart::StartedEarlier:
      diag(Found.PriorStart->getBeginLoc(),
           "'%0' is started here and not joined before it is started again",
           DiagnosticIDs::Note)
          << Member->getName();
      break;
    case MemberRestart::StartedInLoop:
      diag(Found.Loop->getBeginLoc(),
           "this loop starts '%0' again without joining it first",
           DiagnosticIDs::Note)
          << Member->getName();
      break;
    }
    if (Found.RepeatedCall)
      diag(Found.RepeatedCall->getBeginLoc(),
           "'%0' is called here and assigns a new thread to '%1'",
           DiagnosticIDs::Note)
          << Found.Assigning->getName() << Member->getName();
    diag(Member->getLocation(), "member '%0' declared here",
         DiagnosticIDs::Note)
        << Member->getName();
    noteInstantiation(Member);
  }
}

void JoinableAtExitCheck::checkQtLocal(const VarDecl *Thread, ASTContext &Ctx) {
  const Stmt *Body = bodyDeclaringOwner(Thread);
  const FunctionDecl *Fn = functionDeclaring(Thread);
  if (!Body || !Fn)
    return;
  QtThreadUses Uses;
  QtThreadUseCollector(Body).collect(Thread, Uses);
  // Never waited for at all: threads-unjoined-thread reports it.
  if (Uses.Waits.empty())
    return;
  ThreadLifetimeAnalysis Analysis =
      lifetimeAnalysis(Types, &Exceptions, AssumeOpaqueCallsThrow);
  QtUnwaitedEnd End =
      findUnwaitedEnd(Fn, Thread, Uses, Ctx, [&](const Stmt *Site) {
        return Analysis.mayThrow(Site, Fn);
      });
  if (!End || !reportOnce(End.location()))
    return;
  if (End.ByException) {
    reportQtUnwinding(Thread, End, Uses, Fn, Ctx);
    return;
  }
  diag(End.location(),
       "QThread '%0' may still run when it is %select{destroyed|deleted}1 "
       "here, on a path that skips its 'wait()'; ~QThread() aborts with "
       "'QThread: Destroyed while thread is still running'")
      << Thread->getName() << End.isDelete();
  diag(End.Start->getExprLoc(), "'%0' is started here", DiagnosticIDs::Note)
      << Thread->getName();
  diag(Uses.Waits.front()->getExprLoc(),
       "'%0' is waited for here, on other paths", DiagnosticIDs::Note)
      << Thread->getName();
}

void JoinableAtExitCheck::reportQtUnwinding(const VarDecl *Thread,
                                            const QtUnwaitedEnd &End,
                                            const QtThreadUses &Uses,
                                            const FunctionDecl *Fn,
                                            ASTContext &Ctx) {
  const Stmt *Site = End.End;
  bool IsThrow = llvm::isa<CXXThrowExpr>(Site);
  diag(End.location(),
       "QThread '%0' may still run %select{if %2 throws here|when this "
       "exception leaves its scope}1; unwinding destroys it and ~QThread() "
       "aborts with 'QThread: Destroyed while thread is still running'")
      << Thread->getName() << IsThrow
      << (IsThrow ? "" : throwingCallee(Site, Ctx));
  if (!IsThrow) {
    ExceptionSet Thrown = Exceptions.thrownByCall(Site, Fn);
    if (!Thrown.empty())
      notePathOf(*this, Thrown.front(),
                 startsAtTheCall(Thrown.front()) ? 1 : 0);
  }
  diag(End.Start->getExprLoc(), "'%0' is started here", DiagnosticIDs::Note)
      << Thread->getName();
  diag(Uses.Waits.front()->getExprLoc(),
       "'%0' is waited for here, on the path without the exception",
       DiagnosticIDs::Note)
      << Thread->getName();
}

void JoinableAtExitCheck::checkBoostGroupLocal(const VarDecl *Group,
                                               ASTContext &Ctx) {
  const FunctionDecl *Fn = functionDeclaring(Group);
  if (!Fn || Fn->isDependentContext())
    return;
  // Version 2 detaches the deleted threads: threads-dangling-capture's.
  const CXXRecordDecl *Thread =
      threadClassOfGroup(Group->getType()->getAsCXXRecordDecl());
  if (!Thread || boostThreadEnd(Thread) != UnjoinedEnd::Terminates)
    return;
  ThreadLifetimeAnalysis Analysis =
      lifetimeAnalysis(Types, &Exceptions, AssumeOpaqueCallsThrow);
  GroupJoinSkip Skip = findGroupJoinSkip(Fn, Group, Ctx, [&](const Stmt *Site) {
    return Analysis.mayThrow(Site, Fn);
  });
  if (!Skip || !reportOnce(Skip.location()))
    return;
  const Stmt *Site = Skip.End;
  if (Skip.ByException) {
    bool IsThrow = llvm::isa<CXXThrowExpr>(Site);
    diag(Skip.location(),
         "threads in '%0' may still be joinable %select{if %2 throws "
         "here|when this exception leaves its scope}1; destroying the group "
         "deletes them, and their destructors will call std::terminate "
         "during unwinding")
        << Group->getName() << IsThrow
        << (IsThrow ? "" : throwingCallee(Site, Ctx));
    ExceptionSet Thrown =
        IsThrow ? ExceptionSet() : Exceptions.thrownByCall(Site, Fn);
    if (!Thrown.empty())
      notePathOf(*this, Thrown.front(),
                 startsAtTheCall(Thrown.front()) ? 1 : 0);
  } else {
    llvm::StringRef Keyword = exitKeyword(Site);
    diag(Skip.location(),
         "threads in '%0' may still be joinable %select{when this '%2' "
         "leaves its scope|at the end of its scope}1; destroying the group "
         "deletes them, and their destructors will call std::terminate")
        << Group->getName() << Keyword.empty() << Keyword;
  }
  diag(Skip.Start->getBeginLoc(), "thread started here", DiagnosticIDs::Note);
  diag(Skip.JoinAll->getBeginLoc(), "'%0' is joined here, on other paths",
       DiagnosticIDs::Note)
      << Group->getName();
  noteInstantiation(Group);
}

} // namespace clang::tidy::threads
