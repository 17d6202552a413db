//===--- MemberProtocol.cpp -----------------------------------------------===//

#include "analysis/MemberProtocol.h"
#include "analysis/ThreadStarts.h"
#include "utils/AstUtils.h"
#include "utils/DeclNames.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::threads {

/// Whether \p S writes the data member \p Field of `this`: an assignment
/// or increment of it, or a store()/exchange() on it (an atomic flag).
bool writesMember(const Stmt *S, const ValueDecl *Field) {
  return anyStmtIn(S, [&](const Stmt *Node) {
    if (const auto *Assign = llvm::dyn_cast<BinaryOperator>(Node))
      return Assign->isAssignmentOp() &&
             memberOfThis(Assign->getLHS()) == Field;
    if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(Node))
      return Unary->isIncrementDecrementOp() &&
             memberOfThis(Unary->getSubExpr()) == Field;
    if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(Node))
      return Op->isAssignmentOp() && Op->getNumArgs() > 0 &&
             memberOfThis(Op->getArg(0)) == Field;
    if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(Node)) {
      llvm::StringRef Name = identifierOf(Call->getMethodDecl());
      return (Name == "store" || Name == "exchange") &&
             memberOfThis(Call->getImplicitObjectArgument()) == Field;
    }
    return false;
  });
}

/// The data members of `this` that \p Condition reads, other than \p Not.
llvm::SmallVector<const ValueDecl *, 2> membersReadBy(const Expr *Condition,
                                                      const FieldDecl *Not) {
  llvm::SmallVector<const ValueDecl *, 2> Fields;
  forEachStmtIn(Condition, Lambdas::Skip, [&](const Stmt *S) {
    const auto *E = llvm::dyn_cast<Expr>(S);
    const ValueDecl *Field = E ? memberOfThis(E) : nullptr;
    if (Field && Field != Not && !llvm::is_contained(Fields, Field))
      Fields.push_back(Field);
  });
  return Fields;
}

const Expr *memberInitializerExpr(const CXXCtorInitializer *Init) {
  const Expr *E = Init->getInit();
  if (const auto *Default = llvm::dyn_cast_or_null<CXXDefaultInitExpr>(E))
    return Default->getExpr();
  return E;
}

bool memberInitializerStarts(const CXXConstructorDecl *Ctor,
                             const FieldDecl *Member, ThreadOwnerKind Kind,
                             const TrackedThreadTypes &Types) {
  return llvm::any_of(Ctor->inits(), [&](const CXXCtorInitializer *Init) {
    return Init->getMember() == Member &&
           initializerStartsThread(memberInitializerExpr(Init), Kind, Types);
  });
}

bool handlersLeaveMemberSafe(const CXXTryStmt *Try, const FieldDecl *Member,
                             ThreadOwnerKind Kind,
                             const TrackedThreadTypes &Types) {
  for (unsigned I = 0; I < Try->getNumHandlers(); ++I) {
    const Stmt *Handler = Try->getHandler(I)->getHandlerBlock();
    llvm::SmallVector<ThreadUse, 2> Uses;
    ThreadUseClassifier(Handler, Types).collectUses(Member, Kind, Uses);
    if (llvm::any_of(Uses, joinsOrHandsOver))
      continue;
    if (anyStmtIn(Handler,
                  [](const Stmt *S) { return llvm::isa<CXXThrowExpr>(S); }))
      return false;
  }
  return true;
}

void collectStatementsAroundJoins(const Stmt *Body,
                                  llvm::ArrayRef<ThreadUse> Uses,
                                  const ParentMap &Parents,
                                  llvm::DenseSet<const Stmt *> &Around) {
  auto AddAncestors = [&](const Stmt *S) {
    for (const Stmt *P = Parents.getParent(S); P; P = Parents.getParent(P))
      if (!Around.insert(P).second)
        return;
  };
  for (const ThreadUse &Use : Uses)
    if (Use.Kind == ThreadUseKind::Join)
      AddAncestors(Use.Site);
  forEachStmtIn(Body, Lambdas::Skip, [&](const Stmt *S) {
    if (llvm::isa<ReturnStmt>(S))
      AddAncestors(S);
  });
}

const Stmt *
MemberProtocol::firstStartIn(const CXXConstructorDecl *Ctor,
                             const TrackedThreadTypes &Types) const {
  for (const CXXCtorInitializer *Init : Ctor->inits()) {
    const Expr *E = memberInitializerExpr(Init);
    if (Init->getMember() == Member && initializerStartsThread(E, Kind, Types))
      return E;
  }
  for (const MemberUse &M : Summary.Uses)
    if (M.In == Ctor && M.Use.Kind == ThreadUseKind::Start)
      return M.Use.Site;
  return nullptr;
}

bool MemberProtocol::functionTryBlockReleases(
    const CXXConstructorDecl *Ctor, const TrackedThreadTypes &Types) const {
  const auto *Try = llvm::dyn_cast_or_null<CXXTryStmt>(Ctor->getBody());
  if (!Try)
    return false;
  // A constructor's function-try-block handler always rethrows: only a
  // handler that ends the member's thread saves it.
  for (unsigned I = 0; I < Try->getNumHandlers(); ++I) {
    llvm::SmallVector<ThreadUse, 2> Uses;
    ThreadUseClassifier(Try->getHandler(I)->getHandlerBlock(), Types)
        .collectUses(Member, Kind, Uses);
    if (!llvm::any_of(Uses, joinsOrHandsOver))
      return false;
  }
  return true;
}

llvm::SmallVector<ConstructorThrow, 2> MemberProtocol::constructorThrows(
    llvm::ArrayRef<const FunctionDecl *> Functions,
    const TrackedThreadTypes &Types) const {
  llvm::SmallVector<ConstructorThrow, 2> Found;
  // Never joined anywhere is threads-unjoined-thread's finding.
  if (!llvm::any_of(Summary.Uses,
                    [](const MemberUse &M) { return joinsOrHandsOver(M.Use); }))
    return Found;
  ASTContext &Ctx = Member->getASTContext();
  const SourceManager &SM = Ctx.getSourceManager();
  ThreadLifetimeAnalysis::MemberRun Run;
  Run.Constructor = true;
  for (const FunctionDecl *Fn : Functions) {
    const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(Fn);
    if (!Ctor || Ctor->isDelegatingConstructor())
      continue;
    const Stmt *Start = firstStartIn(Ctor, Types);
    if (!Start || functionTryBlockReleases(Ctor, Types))
      continue;
    llvm::SmallVector<LifetimeEvent, 4> Events;
    Lifetimes.analyzeMember(Ctor, Member, Kind, Run, Ctx, Events);
    const LifetimeEvent *First = firstExceptionExit(Events, SM);
    if (First)
      Found.push_back({Ctor, Start, *First});
  }
  return Found;
}

std::optional<LifetimeEvent> MemberProtocol::destructorLeavesJoinable(
    const FunctionDecl *Dtor, const TrackedThreadTypes &Types) const {
  // A unique_ptr's null test guards its join as well as joinable() does;
  // only plain thread members are judged.
  if (Kind != ThreadOwnerKind::Thread || !Summary.FirstStart)
    return std::nullopt;
  if (!llvm::any_of(Summary.Uses, [&](const MemberUse &M) {
        return M.In == Dtor && M.Use.Kind == ThreadUseKind::Join;
      }))
    return std::nullopt;
  ThreadLifetimeAnalysis::MemberRun Run;
  // The class starts it somewhere, and something may have ended it or
  // never started it.
  Run.Entry.merge(JoinState::Joinable);
  Run.Entry.merge(JoinState::NeverStarted);
  Run.JoinableAtReturnIsExit = true;
  llvm::SmallVector<LifetimeEvent, 4> Events;
  Lifetimes.analyzeMember(Dtor, Member, Kind, Run, Member->getASTContext(),
                          Events);
  for (const LifetimeEvent &Event : Events)
    if (Event.Kind == LifetimeEvent::ScopeExit &&
        Event.Site == Dtor->getBody()) {
      if (Event.SkippingCondition &&
          conditionTracksStarts(Event.SkippingCondition, Types))
        return std::nullopt;
      return Event;
    }
  return std::nullopt;
}

bool MemberProtocol::conditionTracksStarts(
    const Expr *Condition, const TrackedThreadTypes &Types) const {
  llvm::SmallVector<const FunctionDecl *, 2> Starters;
  for (const MemberUse &M : Summary.Uses)
    if (M.Use.Kind == ThreadUseKind::Start && M.In &&
        !llvm::is_contained(Starters, M.In))
      Starters.push_back(M.In);
  if (Starters.empty())
    return false;
  llvm::SmallVector<MemberThreadStart, 2> Starts =
      startsWithVisibleEntry(Summary, Kind, Types);
  // `running_ = true; t_ = std::thread(...)` in every start, and the thread
  // never writes it: the flag says whether the class started the thread,
  // as joinable() would. A flag the thread sets (`done_ = true` at its end)
  // says nothing of the sort: the thread is joinable until it is joined.
  return llvm::any_of(
      membersReadBy(Condition, Member), [&](const ValueDecl *F) {
        return llvm::all_of(Starters,
                            [&](const FunctionDecl *Fn) {
                              return writesMember(Fn->getBody(), F);
                            }) &&
               llvm::none_of(Starts, [&](const MemberThreadStart &Start) {
                 return writesMember(Start.Entry->getBody(), F);
               });
      });
}

} // namespace clang::tidy::threads
