//===--- SwallowedExceptionCheck.cpp - threads-swallowed-exception --------===//

#include "checks/SwallowedExceptionCheck.h"
#include "analysis/PackagedTaskCalls.h"
#include "analysis/ThreadEntryFunctions.h"
#include "utils/AstUtils.h"
#include "utils/DeclNames.h"
#include "utils/ThreadTidyOptions.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang::ast_matchers;

namespace clang::tidy::threads {

namespace {

constexpr llvm::StringLiteral DefaultBroadExceptionTypes = "::std::exception";

/// Whether the handler body \p S does anything with the exception it caught:
/// uses the exception object, rethrows or throws, calls anything (logging,
/// std::current_exception, a promise's set_exception), stores or counts
/// (an assignment, ++), jumps to error handling (goto), or, outside the entry
/// function, returns a value its caller can check. The thread's own return
/// value is discarded, so a `return -1;` in the entry function reports
/// nothing.
bool reportsSomething(const Stmt *S, const VarDecl *ExceptionVar,
                      bool InEntry) {
  if (!S)
    return false;
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(S))
    if (ExceptionVar && Ref->getDecl() == ExceptionVar)
      return true;
  if (llvm::isa<CallExpr, CXXThrowExpr, CXXNewExpr, GotoStmt, CoreturnStmt,
                CoyieldExpr>(S))
    return true;
  if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(S))
    if (Construct->getNumArgs() > 0)
      return true;
  if (const auto *Binary = llvm::dyn_cast<BinaryOperator>(S))
    if (Binary->isAssignmentOp())
      return true;
  if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(S))
    if (Unary->isIncrementDecrementOp())
      return true;
  if (const auto *Return = llvm::dyn_cast<ReturnStmt>(S))
    if (Return->getRetValue() && !InEntry)
      return true;
  // A lambda written in the handler does nothing until someone calls it.
  if (llvm::isa<LambdaExpr>(S))
    return false;
  for (const Stmt *Child : S->children())
    if (reportsSomething(Child, ExceptionVar, InEntry))
      return true;
  return false;
}

/// Every handler in \p S, outside nested lambdas (their bodies run when
/// called, possibly on another thread), but those of a try block that
/// only invokes packaged tasks.
void collectHandlers(const Stmt *S,
                     llvm::SmallVectorImpl<const CXXCatchStmt *> &Out) {
  // A packaged_task keeps its task's exception for the future; what its
  // call may throw (std::future_error, for a task without state or already
  // run) is no failure of the thread's work. A try statement comes before
  // its handlers in the walk.
  llvm::SmallPtrSet<const CXXCatchStmt *, 4> AroundPackagedTasks;
  forEachStmtIn(S, Lambdas::Skip, [&](const Stmt *Node) {
    if (const auto *Try = llvm::dyn_cast<CXXTryStmt>(Node))
      if (onlyPackagedTaskInvocationsMayThrow(Try->getTryBlock()))
        for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
          AroundPackagedTasks.insert(Try->getHandler(I));
    if (const auto *Handler = llvm::dyn_cast<CXXCatchStmt>(Node))
      if (!AroundPackagedTasks.contains(Handler))
        Out.push_back(Handler);
  });
}

/// The functions \p S calls directly, outside nested lambdas.
void collectDirectCallees(const Stmt *S,
                          llvm::SmallVectorImpl<const FunctionDecl *> &Out) {
  forEachStmtIn(S, Lambdas::Skip, [&](const Stmt *Node) {
    const FunctionDecl *Callee = calleeOf(Node);
    if (Callee && !llvm::is_contained(Out, Callee))
      Out.push_back(Callee);
  });
}

} // namespace

SwallowedExceptionCheck::SwallowedExceptionCheck(StringRef Name,
                                                 ClangTidyContext *Context)
    : ThreadLaunchCheck(Name, Context),
      BroadExceptionTypesOption(validatedList(
          *this, Name, "BroadExceptionTypes",
          Options.get("BroadExceptionTypes", DefaultBroadExceptionTypes),
          DefaultBroadExceptionTypes, ListShape::QualifiedNames,
          /*AllowEmpty=*/true)),
      BroadExceptionTypes(parseNameList(BroadExceptionTypesOption)) {}

void SwallowedExceptionCheck::storeCheckOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "BroadExceptionTypes", BroadExceptionTypesOption);
}

void SwallowedExceptionCheck::checkLaunch(const ThreadLaunch &Launch,
                                          const MatchFinder::MatchResult &) {
  checkEntry(Launch.Entry, Launch.Callable->getBeginLoc());
}

void SwallowedExceptionCheck::checkQThreadRun(const CXXMethodDecl *Run) {
  // QThread's start() calls it: no launch site to point at.
  checkEntry(Run, SourceLocation());
}

void SwallowedExceptionCheck::checkEntry(const FunctionDecl *EntryDecl,
                                         SourceLocation StartedAt) {
  const FunctionDecl *Entry = userDefinition(EntryDecl);
  if (!Entry)
    return;
  checkHandlersIn(Entry, Entry, StartedAt);
  llvm::SmallVector<const FunctionDecl *, 8> Callees;
  collectDirectCallees(Entry->getBody(), Callees);
  for (const FunctionDecl *Callee : Callees)
    if (const FunctionDecl *Def = userDefinition(Callee))
      if (Def != Entry)
        checkHandlersIn(Def, Entry, StartedAt);
}

bool SwallowedExceptionCheck::isBroad(QualType Caught) const {
  if (Caught.isNull())
    return true; // catch (...)
  const CXXRecordDecl *RD = Caught.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && llvm::is_contained(BroadExceptionTypes, plainQualifiedName(RD));
}

void SwallowedExceptionCheck::checkHandlersIn(const FunctionDecl *Fn,
                                              const FunctionDecl *Entry,
                                              SourceLocation StartedAt) {
  llvm::SmallVector<const CXXCatchStmt *, 4> Handlers;
  collectHandlers(Fn->getBody(), Handlers);
  for (const CXXCatchStmt *Handler : Handlers)
    checkHandler(Handler, Fn, Entry, StartedAt);
}

void SwallowedExceptionCheck::checkHandler(const CXXCatchStmt *Handler,
                                           const FunctionDecl *Fn,
                                           const FunctionDecl *Entry,
                                           SourceLocation StartedAt) {
  QualType Caught = Handler->getCaughtType();
  if (!isBroad(Caught) ||
      reportsSomething(Handler->getHandlerBlock(), Handler->getExceptionDecl(),
                       Fn == Entry))
    return;
  SourceLocation Loc = Handler->getCatchLoc();
  if (!reportOnce(Loc))
    return;
  std::string Where = describeEntry(Entry);
  if (Fn != Entry)
    Where = "'" + calleeName(Fn) + "' (called from " + Where + ")";
  std::string CaughtName;
  if (!Caught.isNull())
    CaughtName =
        plainQualifiedName(Caught.getNonReferenceType()->getAsCXXRecordDecl());
  diag(Loc, "%select{'catch (...)'|handler for '%1'}0 in %2 swallows the "
            "exception silently; the thread's failure is lost")
      << (Caught.isNull() ? 0 : 1) << CaughtName << Where;
  if (StartedAt.isValid())
    diag(StartedAt, "thread started here", DiagnosticIDs::Note);
  noteInstantiation(Fn);
}

} // namespace clang::tidy::threads
