//===--- UncheckedFutureCheck.cpp - threads-unchecked-future --------------===//

#include "checks/UncheckedFutureCheck.h"
#include "analysis/ExceptionPathNotes.h"
#include "analysis/LocalThreadUses.h"
#include "analysis/ObjectTasks.h"
#include "analysis/PromiseExceptions.h"
#include "analysis/ThreadEntryFunctions.h"
#include "analysis/ThreadStarts.h"
#include "analysis/ThreadUseClassifier.h"
#include "utils/AstMatchers.h"
#include "utils/ContainerInsertion.h"
#include "utils/DeclNames.h"
#include "utils/DiscardedValues.h"
#include "utils/ThreadTidyOptions.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::threads {

namespace {

constexpr llvm::StringLiteral DefaultFutureTypes =
    "::std::future;::std::shared_future";
/// share() hands the state to a shared_future, which is then checked itself.
constexpr llvm::StringLiteral RetrieveMethods = "get;share";

/// The first wait()/wait_for()/wait_until() on the future among \p Uses.
const Stmt *firstWait(llvm::ArrayRef<ThreadUse> Uses) {
  for (const ThreadUse &Use : Uses)
    if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(Use.Site))
      if (Use.Kind == ThreadUseKind::Query &&
          identifierOf(Call->getMethodDecl()).starts_with("wait"))
        return Call;
  return nullptr;
}

/// The expression that gives the future its state at the start \p Site:
/// what is assigned to it or inserted into the container; null when the
/// site is of another shape.
const Expr *futureSourceAt(const Stmt *Site) {
  if (const auto *Assign = llvm::dyn_cast<CXXOperatorCallExpr>(Site))
    return Assign->getNumArgs() == 2 ? Assign->getArg(1) : nullptr;
  const auto *Insert = llvm::dyn_cast<CXXMemberCallExpr>(Site);
  std::optional<ContainerInsertion> Insertion =
      Insert ? containerInsertion(Insert->getMethodDecl()) : std::nullopt;
  // An emplaced future is built from its one argument.
  if (!Insertion || Insertion->ElementArg >= Insert->getNumArgs() ||
      (Insertion->InPlace && Insert->getNumArgs() != Insertion->ElementArg + 1))
    return nullptr;
  return Insert->getArg(Insertion->ElementArg);
}

/// What gives the future \p Future its state: its initializer, when that
/// starts it, and what each later start assigns or inserts.
llvm::SmallVector<const Expr *, 4>
futureSources(const VarDecl *Future, const LocalUseSummary &Summary) {
  llvm::SmallVector<const Expr *, 4> Sources;
  if (Summary.StartedAtDeclaration)
    Sources.push_back(Future->getInit());
  for (const ThreadUse &Use : Summary.Uses)
    if (Use.Kind == ThreadUseKind::Start)
      Sources.push_back(futureSourceAt(Use.Site));
  return Sources;
}

/// The std::async call whose future \p Discarded drops: the call itself,
/// or the call cast to void.
const CallExpr *discardedAsyncCall(const Expr *Discarded) {
  const Expr *Value = Discarded->IgnoreImplicit();
  if (const auto *Cast = llvm::dyn_cast<ExplicitCastExpr>(Value))
    if (Cast->getType()->isVoidType())
      Value = Cast->getSubExpr()->IgnoreImplicit();
  const auto *Call = llvm::dyn_cast<CallExpr>(Value);
  if (Call && isStdFunctionNamed(Call->getDirectCallee(), {"async"}))
    return Call;
  return nullptr;
}

} // namespace

UncheckedFutureCheck::UncheckedFutureCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : ThreadTidyCheck(Name, Context),
      FutureTypesOption(validatedList(
          *this, Name, "FutureTypes",
          Options.get("FutureTypes", DefaultFutureTypes), DefaultFutureTypes,
          ListShape::QualifiedNames, /*AllowEmpty=*/false)),
      // The futures are those of FutureTypes alone: no thread API's thread
      // is a future.
      FutureTypes(FutureTypesOption, RetrieveMethods, /*ThreadApis=*/""),
      ExceptionOpts(*this, Name, Options), Flow(ExceptionOpts) {}

void UncheckedFutureCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "FutureTypes", FutureTypesOption);
  ExceptionOpts.storeOptions(Options, Opts);
}

void UncheckedFutureCheck::registerMatchers(MatchFinder *Finder) {
  // A discarded std::async result: a statement of its own, or cast to
  // void. Found by walking each function body once.
  registerDiscardedValueScopes(Finder, this);
  Finder->addMatcher(
      localVariable(qualType(ownsTrackedThreads(&FutureTypes)), "local"), this);
}

void UncheckedFutureCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Scope = Result.Nodes.getNodeAs<Decl>(DiscardedValueScope)) {
    if (!declaresStdFunction(*Result.Context, "async"))
      return;
    forEachDiscardedValue(Scope, [&](const Expr *Value) {
      if (const CallExpr *Async = discardedAsyncCall(Value))
        checkDiscardedAsync(Async, *Result.Context);
    });
  } else if (const auto *Local = Result.Nodes.getNodeAs<VarDecl>("local"))
    checkLocal(Local);
}

void UncheckedFutureCheck::checkDiscardedAsync(const CallExpr *Async,
                                               ASTContext &Ctx) {
  if (Async->isInstantiationDependent() || hasErrors(Async))
    return;
  if (!reportOnce(Async->getBeginLoc()))
    return;
  diag(Async->getBeginLoc(),
       "future returned by 'std::async' is discarded; its destructor waits "
       "for the task to finish, so the call is not asynchronous, and an "
       "exception thrown by the task is lost");
  noteInstantiation(Async, Ctx);
}

void UncheckedFutureCheck::checkLocal(const VarDecl *Future) {
  const Stmt *Body = bodyDeclaringOwner(Future);
  ThreadOwnerKind Kind = FutureTypes.ownerKind(Future->getType());
  if (!Body ||
      (Kind != ThreadOwnerKind::Thread && Kind != ThreadOwnerKind::Container))
    return;

  LocalUseSummary Summary = summarizeLocalUses(Future, Body, Kind, FutureTypes);
  // Retrieved here, or someone else's to retrieve; or never obtained.
  if (Summary.JoinedOrHandedOver || !Summary.everStarted())
    return;
  // A promise nothing can fail gives a value or a signal, no exception.
  if (!anySourceMayHoldException(futureSources(Future, Summary),
                                 Future->getASTContext()))
    return;
  // A task the code shows cannot throw loses nothing; one that may throw
  // gets the path to its throw as notes.
  ExceptionSet Escaping;
  if (Summary.StartedAtDeclaration && Kind == ThreadOwnerKind::Thread) {
    const FunctionDecl *Task = resolveCallable(futureTask(Future->getInit()));
    if (Flow.provenNotToThrow(Task) ||
        (!Task && runsOnlyTasksThatCannotThrow(Future->getInit())))
      return;
    if (Task)
      Escaping = Flow.escaping(Task);
  }
  if (!reportOnce(Future->getLocation()))
    return;
  diag(Future->getLocation(),
       "%select{future|futures in}0 '%1' %select{is|are}0 never retrieved "
       "with get(); %select{an exception thrown by its task is|exceptions "
       "thrown by their tasks are}0 lost silently")
      << (Kind == ThreadOwnerKind::Container ? 1 : 0) << Future->getName();
  if (!Summary.StartedAtDeclaration)
    diag(Summary.FirstStart->getBeginLoc(), "future obtained here",
         DiagnosticIDs::Note);
  if (const Stmt *FirstWait = firstWait(Summary.Uses))
    diag(FirstWait->getBeginLoc(),
         "waiting does not rethrow the task's exception; get() does",
         DiagnosticIDs::Note);
  if (!Escaping.empty())
    notePathOf(*this, Escaping.front());
  noteInstantiation(Future);
}

bool UncheckedFutureCheck::anySourceMayHoldException(
    llvm::ArrayRef<const Expr *> Sources, ASTContext &Context) {
  PromiseExceptions Promises(Context);
  return llvm::any_of(Sources, [&](const Expr *Source) {
    return !Source || Promises.mayCarryException(Source);
  });
}

bool UncheckedFutureCheck::runsOnlyTasksThatCannotThrow(const Expr *Source) {
  const auto *Run = llvm::dyn_cast_or_null<CallExpr>(
      Source ? stripTemporaryWrappers(Source, ElidedCopies::Strip) : nullptr);
  if (!Run)
    return false;
  bool RunsSomeObject = false;
  for (const Expr *Arg : Run->arguments()) {
    if (resolveCallable(Arg))
      return false; // the call is given work of its own
    const VarDecl *Holder = referencedVariable(Arg);
    if (!Holder || !Holder->getType()->isRecordType())
      continue;
    std::optional<llvm::SmallVector<const Expr *, 4>> Tasks =
        tasksGivenTo(Holder, FutureTypes);
    if (!Tasks)
      return false;
    for (const Expr *Task : *Tasks)
      if (!Flow.provenNotToThrow(resolveCallable(Task)))
        return false;
    RunsSomeObject = true;
  }
  return RunsSomeObject;
}

} // namespace clang::tidy::threads
