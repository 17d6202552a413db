//===--- InvalidJoinCheck.cpp - threads-invalid-join ----------------------===//

#include "checks/InvalidJoinCheck.h"
#include "analysis/MemberCallChains.h"
#include "analysis/MemberThreadUses.h"
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

/// Whether \p Body compares thread ids (`std::this_thread::get_id() !=
/// th_.get_id()`): the usual guard that makes a self-join impossible.
bool comparesThreadIds(const Stmt *S) {
  return anyStmtIn(S, [](const Stmt *Node) {
    const FunctionDecl *Callee = nullptr;
    if (const auto *Call = llvm::dyn_cast<CallExpr>(Node))
      Callee = Call->getDirectCallee();
    return identifierOf(Callee) == "get_id";
  });
}

} // namespace

void InvalidJoinCheck::checkFunction(const FunctionDecl *Fn, ASTContext &Ctx) {
  llvm::SmallVector<LifetimeEvent, 8> Events;
  lifetimeAnalysis(Types).analyze(Fn, Ctx, Events);
  for (const LifetimeEvent &Event : Events) {
    if (Event.Kind != LifetimeEvent::InvalidJoin)
      continue;
    SourceLocation Loc = Event.Site->getBeginLoc();
    if (!reportOnce(Loc))
      continue;
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

void InvalidJoinCheck::checkMember(const FieldDecl *Member) {
  // A self-join is proven by the class's own code alone: members of any
  // access are checked (see onlyOwnCodeReaches).
  const CXXRecordDecl *RD = analyzableClassOf(Member);
  if (!RD)
    return;
  llvm::SmallVector<const FunctionDecl *, 16> Functions;
  collectVisibleMemberFunctions(RD, Functions);
  ThreadOwnerKind Kind = Types.ownerKind(Member->getType());
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
  if (Joiners.empty())
    return;

  for (const auto &[Start, EntryDef] :
       startsWithVisibleEntry(Summary, Kind, Types)) {
    std::optional<MemberCallChain> Chain =
        findMemberCallChain(EntryDef, RD, [&](const FunctionDecl *Fn) {
          return Joiners.count(Fn);
        });
    if (!Chain)
      continue;
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
}

} // namespace clang::tidy::threads
