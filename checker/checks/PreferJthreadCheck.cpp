//===--- PreferJthreadCheck.cpp - threads-prefer-jthread ------------------===//

#include "checks/PreferJthreadCheck.h"
#include "analysis/OwnersJoinedAtScopeEnd.h"
#include "analysis/ThreadLifetimeAnalysis.h"
#include "analysis/ThreadStarts.h"
#include "analysis/ThreadUseClassifier.h"
#include "utils/AstUtils.h"
#include "utils/JthreadRewrite.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::threads {

/// Past this many local std::thread candidates in one function the check
/// stops looking at that function (each candidate costs a walk of it).
static constexpr unsigned MaxCandidatesPerFunction = 64;

namespace {

/// The range that removing the statement \p Join (`t.join();`) deletes:
/// the statement with its semicolon, and its whole line when nothing else
/// is on it. Invalid when the statement comes from a macro.
CharSourceRange removalRange(const Stmt *Join, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Begin = Join->getBeginLoc();
  SourceLocation End = Join->getEndLoc();
  if (Begin.isInvalid() || End.isInvalid() || Begin.isMacroID() ||
      End.isMacroID())
    return {};
  std::optional<Token> Semi = Lexer::findNextToken(End, SM, Ctx.getLangOpts());
  if (!Semi || !Semi->is(tok::semi))
    return {};
  SourceLocation After = Semi->getEndLoc();

  // Widen to the whole line when the statement is alone on it.
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(Begin), &Invalid);
  if (Invalid)
    return CharSourceRange::getCharRange(Begin, After);
  unsigned BeginOffset = SM.getFileOffset(Begin);
  unsigned AfterOffset = SM.getFileOffset(After);
  unsigned LineStart = BeginOffset;
  while (LineStart > 0 &&
         (Buffer[LineStart - 1] == ' ' || Buffer[LineStart - 1] == '\t'))
    --LineStart;
  unsigned LineEnd = AfterOffset;
  while (LineEnd < Buffer.size() &&
         (Buffer[LineEnd] == ' ' || Buffer[LineEnd] == '\t'))
    ++LineEnd;
  bool AloneOnLine = LineStart > 0 && Buffer[LineStart - 1] == '\n' &&
                     (LineEnd == Buffer.size() || Buffer[LineEnd] == '\n');
  if (!AloneOnLine)
    return CharSourceRange::getCharRange(Begin, After);
  // Take the line break before the statement rather than the one after it:
  // the range then ends right after the semicolon, where clang-tidy applies
  // it exactly.
  return CharSourceRange::getCharRange(
      Begin.getLocWithOffset(-static_cast<int>(BeginOffset - LineStart + 1)),
      After.getLocWithOffset(static_cast<int>(LineEnd - AfterOffset)));
}

} // namespace

PreferJthreadCheck::PreferJthreadCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : ThreadTidyCheck(Name, Context),
      // Only std::thread becomes a std::jthread: a boost::thread is not
      // one (and its interruption is not a stop_token).
      StdThread("::std::thread", TrackedThreadTypes::JoinMethod, "std") {}

void PreferJthreadCheck::registerMatchers(MatchFinder *Finder) {
  // From the declaration statement down: a parent map is costly.
  Finder->addMatcher(
      declStmt(
          unless(isExpansionInSystemHeader()),
          hasSingleDecl(varDecl(hasLocalStorage(),
                                hasType(qualType(isTrackedThread(&StdThread))))
                            .bind("thread")))
          .bind("declaration"),
      this);
  // Optionals, smart pointers and C arrays of threads.
  Finder->addMatcher(
      declStmt(unless(isExpansionInSystemHeader()),
               hasSingleDecl(varDecl(hasLocalStorage(),
                                     hasType(qualType(
                                         ownsTrackedThreads(&StdThread),
                                         unless(isTrackedThread(&StdThread)))))
                                 .bind("owner")))
          .bind("declaration"),
      this);
}

PreferJthreadCheck::FunctionFacts &
PreferJthreadCheck::factsOf(const FunctionDecl *Fn, ASTContext &Ctx) {
  std::unique_ptr<FunctionFacts> &Facts = Functions[Fn];
  if (Facts)
    return *Facts;
  Facts = std::make_unique<FunctionFacts>();
  llvm::SmallVector<LifetimeEvent, 4> Events;
  lifetimeAnalysis(StdThread).analyze(Fn, Ctx, Events);
  for (const LifetimeEvent &Event : Events)
    Facts->ThreadsWithEvents.insert(Event.Thread);
  return *Facts;
}

void PreferJthreadCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Owner = Result.Nodes.getNodeAs<VarDecl>("owner")) {
    checkOwner(Owner, Result.Nodes.getNodeAs<DeclStmt>("declaration"));
    return;
  }
  const auto *Thread = Result.Nodes.getNodeAs<VarDecl>("thread");
  const auto *Declaration = Result.Nodes.getNodeAs<DeclStmt>("declaration");
  ASTContext &Ctx = *Result.Context;
  const FunctionDecl *Fn = functionDeclaring(Thread);
  if (!Fn || Fn->isDependentContext() || !Fn->getBody() ||
      !initializerStartsThread(Thread->getInit(), ThreadOwnerKind::Thread,
                               StdThread))
    return;
  // Each candidate walks the function; a generated function with hundreds
  // of threads would make that quadratic. A modernization can stay silent
  // there.
  FunctionFacts &Facts = factsOf(Fn, Ctx);
  if (++Facts.Candidates > MaxCandidatesPerFunction)
    return;

  // One join, nothing that moves, detaches, restarts or lends the thread;
  // other uses are member calls (joinable(), get_id()) that jthread has too.
  llvm::SmallVector<ThreadUse, 8> Uses;
  ThreadUseClassifier(Fn->getBody(), StdThread)
      .collectUses(Thread, ThreadOwnerKind::Thread, Uses);
  const Stmt *Join = nullptr;
  for (const ThreadUse &Use : Uses) {
    if (Use.Kind == ThreadUseKind::Join && !Join &&
        llvm::isa<CXXMemberCallExpr>(Use.Site))
      Join = Use.Site;
    else if (Use.Kind != ThreadUseKind::Query || !Use.IsMemberCallOnOwner)
      return;
  }
  if (!Join)
    return;

  // The join must be the last statement of the thread's own scope: an
  // earlier join would, as a jthread, wait later than it does now.
  ParentMap Parents(Fn->getBody());
  const auto *Scope =
      llvm::dyn_cast_or_null<CompoundStmt>(Parents.getParent(Declaration));
  if (!Scope || Scope->body_empty())
    return;
  const Stmt *Last = Scope->body_back();
  if (const auto *Full = llvm::dyn_cast<FullExpr>(Last))
    Last = Full->getSubExpr();
  if (Last != Join)
    return;
  // Locals declared after the thread in the same scope are destroyed before
  // a jthread's destructor joins: the thread could still be using them.
  bool AfterThread = false;
  for (const Stmt *S : Scope->body()) {
    if (AfterThread && llvm::isa<DeclStmt>(S))
      for (const Decl *D : llvm::cast<DeclStmt>(S)->decls())
        if (const auto *Var = llvm::dyn_cast<VarDecl>(D))
          if (Var->hasLocalStorage())
            return;
    AfterThread |= S == Declaration;
  }

  // Every path reaches it: no early return, break or goto leaves the scope
  // with the thread running (threads-joinable-at-exit reports those).
  if (Facts.ThreadsWithEvents.contains(Thread))
    return;

  std::optional<FixItHint> TypeFix = jthreadTypeFix(Thread, Ctx);
  CharSourceRange Removal = removalRange(Scope->body_back(), Ctx);
  if (!TypeFix || Removal.isInvalid())
    return;
  if (!reportOnce(Thread->getLocation()))
    return;
  diag(Thread->getLocation(),
       "thread '%0' is joined at the end of its scope on every path; use "
       "std::jthread, which joins on destruction, also when an exception "
       "leaves the scope")
      << Thread->getName() << *TypeFix << FixItHint::CreateRemoval(Removal);
  diag(Join->getBeginLoc(), "this join becomes redundant", DiagnosticIDs::Note);
  noteInstantiation(Thread);
}

void PreferJthreadCheck::checkOwner(const VarDecl *Owner,
                                    const DeclStmt *Declaration) {
  ThreadOwnerKind Kind = StdThread.ownerKindOfValue(Owner->getType());
  const FunctionDecl *Fn = functionDeclaring(Owner);
  if (!Fn || Fn->isDependentContext() || !Fn->getBody() ||
      !isJthreadCandidateOwner(Owner, Kind))
    return;
  const Stmt *Join =
      ownerJoinedAtScopeEnd(Owner, Kind, Declaration, Fn, StdThread);
  if (!Join || !reportOnce(Owner->getLocation()))
    return;
  // No fix-it: the thread type is spelled again where the threads are made
  // (`std::make_unique<std::thread>`, `new std::thread`, an array's
  // `w = std::thread(f)`), and a partial rewrite would not compile.
  bool IsArray = Kind == ThreadOwnerKind::Container;
  diag(Owner->getLocation(),
       "%select{the thread owned by|the threads in}0 '%1' %select{is|are}0 "
       "joined at the end of the scope of '%1' on every path; make it "
       "%select{own a std::jthread, which joins|an array of std::jthread, "
       "whose elements join}0 on destruction, also when an exception leaves "
       "the scope")
      << (IsArray ? 1 : 0) << Owner->getName();
  diag(Join->getBeginLoc(),
       "%select{this join becomes|these joins become}0 redundant",
       DiagnosticIDs::Note)
      << (IsArray ? 1 : 0);
  noteInstantiation(Owner);
}

} // namespace clang::tidy::threads
