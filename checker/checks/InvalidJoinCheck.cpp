//===--- InvalidJoinCheck.cpp - threads-invalid-join ----------------------===//

#include "checks/InvalidJoinCheck.h"
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

/// The function run by the thread a start of a member produces: the
/// right-hand side of `th_ = std::thread(...)` or a member initializer.
const FunctionDecl *entryOfStart(const Stmt *Start) {
  const Expr *Thread = nullptr;
  if (const auto *Assign = llvm::dyn_cast<CXXOperatorCallExpr>(Start)) {
    if (Assign->getNumArgs() == 2)
      Thread = Assign->getArg(1);
  } else {
    Thread = llvm::dyn_cast<Expr>(Start);
  }
  return resolveCallable(threadCallable(Thread));
}

/// A step of the call chain from a thread's entry function to a function
/// that joins the thread: \p Caller calls \p Callee at \p Call.
struct ChainStep {
  const FunctionDecl *Caller;
  const FunctionDecl *Callee;
  const Stmt *Call;
};

/// The member functions of \p RD that \p Fn calls on `this`, with the call.
void callsOnThis(
    const Stmt *S, const CXXRecordDecl *RD,
    llvm::SmallVectorImpl<std::pair<const Stmt *, const FunctionDecl *>> &Out) {
  forEachStmtIn(S, Lambdas::Skip, [&](const Stmt *Node) {
    if (const CXXMethodDecl *Method = methodCalledOnThis(Node))
      if (Method->getParent()->getCanonicalDecl() == RD->getCanonicalDecl())
        if (const FunctionDecl *Def = visibleDefinition(Method))
          Out.push_back({Node, Def});
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
  MemberUseSummary Summary =
      summarizeMemberUses(Member, ThreadOwnerKind::Thread, Functions, Types);

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

  // Every start of the member, and the function that thread runs.
  llvm::SmallVector<std::pair<const Stmt *, const FunctionDecl *>, 2> Starts;
  if (Summary.FirstStart)
    if (const FunctionDecl *Entry = entryOfStart(Summary.FirstStart))
      Starts.push_back({Summary.FirstStart, Entry});
  for (const MemberUse &M : Summary.Uses)
    if (M.Use.Kind == ThreadUseKind::Start && M.Use.Site != Summary.FirstStart)
      if (const FunctionDecl *Entry = entryOfStart(M.Use.Site))
        Starts.push_back({M.Use.Site, Entry});

  for (const auto &[Start, Entry] : Starts) {
    const FunctionDecl *EntryDef = visibleDefinition(Entry);
    if (!EntryDef)
      continue;
    // Breadth-first over calls on `this`, remembering how each function
    // was reached so the notes can show the chain.
    llvm::DenseMap<const FunctionDecl *, ChainStep> ReachedBy;
    llvm::SmallVector<const FunctionDecl *, 8> Queue{EntryDef};
    ReachedBy[EntryDef] = {nullptr, EntryDef, nullptr};
    const FunctionDecl *Found = nullptr;
    for (size_t I = 0; I < Queue.size() && I < 64 && !Found; ++I) {
      const FunctionDecl *Fn = Queue[I];
      if (Joiners.count(Fn)) {
        Found = Fn;
        break;
      }
      llvm::SmallVector<std::pair<const Stmt *, const FunctionDecl *>, 8> Calls;
      callsOnThis(Fn->getBody(), RD, Calls);
      for (const auto &[Call, Callee] : Calls)
        if (ReachedBy.try_emplace(Callee, ChainStep{Fn, Callee, Call}).second)
          Queue.push_back(Callee);
    }
    if (!Found)
      continue;
    const Stmt *JoinSite = Joiners[Found];
    if (!reportOnce(JoinSite->getBeginLoc()))
      continue;
    diag(JoinSite->getBeginLoc(),
         "thread '%0' may join itself: %1 is reached from the function the "
         "thread runs; join() from its own thread throws std::system_error "
         "(resource_deadlock_would_occur)")
        << Member->getName() << ("'" + calleeName(Found) + "'");
    diag(Start->getBeginLoc(), "'%0' is started here running %1",
         DiagnosticIDs::Note)
        << Member->getName() << describeEntry(EntryDef);
    llvm::SmallVector<ChainStep, 4> Chain;
    for (const FunctionDecl *Fn = Found; ReachedBy[Fn].Caller;
         Fn = ReachedBy[Fn].Caller)
      Chain.push_back(ReachedBy[Fn]);
    for (auto It = Chain.rbegin(); It != Chain.rend(); ++It) {
      std::string Caller = isLambdaCallOperator(It->Caller)
                               ? "the thread's entry lambda"
                               : "'" + calleeName(It->Caller) + "'";
      diag(It->Call->getBeginLoc(), "%0 calls '%1' here", DiagnosticIDs::Note)
          << Caller << calleeName(It->Callee);
    }
  }
}

} // namespace clang::tidy::threads
