//===--- ReleaseHandshakes.cpp - A detached thread's last-action release --===//

#include "analysis/ReleaseHandshakes.h"
#include "utils/AstUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::threads {

namespace {

/// A CFG larger than this is not searched for the wait: the finding stays.
constexpr unsigned MaxBlocks = 2000;

/// How many member functions deep a release is followed (`finish()` that
/// operator() calls last).
constexpr unsigned MaxCallDepth = 2;

bool isStdAtomic(QualType Type) {
  return isStdDeclNamed(Type.getNonReferenceType()->getAsCXXRecordDecl(),
                        {"atomic"});
}

/// The variable or member of `this` that \p E names, if any.
const ValueDecl *namedValue(const Expr *E) {
  if (const VarDecl *Var = referencedVariable(E))
    return Var;
  return memberOfThis(E);
}

/// Whether \p Callee is a standard wait that may return on a timeout
/// before the flag is released (`cv.wait_for`, `cv.wait_until`).
bool isTimedStdWait(const FunctionDecl *Callee) {
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Callee);
  return Method && Method->getParent()->isInStdNamespace() &&
         (Callee->getName() == "wait_for" || Callee->getName() == "wait_until");
}

/// Whether \p S leaves its function before its end (a `return`, a `goto`),
/// lambdas aside.
bool mayLeaveEarly(const Stmt *S) {
  bool Found = false;
  forEachStmtIn(S, Lambdas::Skip, [&](const Stmt *Child) {
    Found |= llvm::isa<ReturnStmt, GotoStmt, CoreturnStmt>(Child);
  });
  return Found;
}

/// Finds the std::atomic flag a thread's entry function releases as its
/// very last action on every path, after which it touches nothing.
class LastRelease {
public:
  /// The variable or member released last by \p Entry, if any.
  const ValueDecl *of(const FunctionDecl *Entry) const;

private:
  /// The flag \p S releases (`f = v`, `++f`, `f.fetch_sub(1)`,
  /// `f.notify_one()`), if it is one such operation on a std::atomic.
  const ValueDecl *releasedBy(const Stmt *S) const;
  /// The flag released by the last action of \p S on every path through it.
  const ValueDecl *releasedLast(const Stmt *S, unsigned Depth) const;
  /// The flag released by the destructor of a guard object declared first
  /// in \p Body, destroyed last (`test_guard g(released);`).
  const ValueDecl *releasedByGuard(const CompoundStmt *Body) const;
  /// The flag that \p Construct binds to \p Member of the guard.
  const ValueDecl *boundTo(const CXXConstructExpr *Construct,
                           const FieldDecl *Member) const;
};

const ValueDecl *LastRelease::of(const FunctionDecl *Entry) const {
  const FunctionDecl *Def = userDefinition(Entry);
  if (!Def)
    return nullptr;
  // The callable object is destroyed after the call: its own destructor
  // would run after the release.
  if (const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Def))
    if (Method->getParent()->hasUserDeclaredDestructor())
      return nullptr;
  const auto *Body = llvm::dyn_cast_or_null<CompoundStmt>(Def->getBody());
  if (!Body)
    return nullptr;
  if (const ValueDecl *Flag = releasedByGuard(Body))
    return Flag;
  if (mayLeaveEarly(Body))
    return nullptr;
  return releasedLast(Body, 0);
}

const ValueDecl *LastRelease::releasedBy(const Stmt *S) const {
  const auto *E = llvm::dyn_cast<Expr>(S);
  if (!E)
    return nullptr;
  E = E->IgnoreImplicit();
  const Expr *Flag = nullptr;
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(E)) {
    switch (Op->getOperator()) {
    case OO_Equal:
    case OO_PlusPlus:
    case OO_MinusMinus:
    case OO_PlusEqual:
    case OO_MinusEqual:
    case OO_PipeEqual:
    case OO_AmpEqual:
      Flag = Op->getArg(0);
      break;
    default:
      break;
    }
  } else if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    static constexpr llvm::StringLiteral Releases[] = {
        "store",    "exchange",  "fetch_add",  "fetch_sub",
        "fetch_or", "fetch_and", "notify_one", "notify_all"};
    if (Method && Method->getIdentifier() &&
        llvm::is_contained(Releases, Method->getName()))
      Flag = Call->getImplicitObjectArgument();
  }
  if (!Flag)
    return nullptr;
  const ValueDecl *Named = namedValue(Flag);
  return Named && isStdAtomic(Named->getType()) ? Named : nullptr;
}

const ValueDecl *LastRelease::releasedLast(const Stmt *S,
                                           unsigned Depth) const {
  if (const auto *Block = llvm::dyn_cast<CompoundStmt>(S)) {
    if (Block->body_empty())
      return nullptr;
    // The block's locals are destroyed after its last statement.
    for (const Stmt *Child : Block->body())
      if (const auto *Decls = llvm::dyn_cast<DeclStmt>(Child))
        for (const Decl *D : Decls->decls())
          if (const auto *Var = llvm::dyn_cast<VarDecl>(D);
              Var && Var->getType().isDestructedType())
            return nullptr;
    return releasedLast(Block->body_back(), Depth);
  }
  if (const auto *If = llvm::dyn_cast<IfStmt>(S)) {
    // A variable the `if` declares is destroyed after both branches.
    if (!If->getElse() || If->getConditionVariable() || If->getInit())
      return nullptr;
    const ValueDecl *Then = releasedLast(If->getThen(), Depth);
    return Then && Then == releasedLast(If->getElse(), Depth) ? Then : nullptr;
  }
  if (const ValueDecl *Flag = releasedBy(S))
    return Flag;
  // The last action is a member function of the same object that ends
  // with the release (`finish();`).
  const CXXMethodDecl *Callee = methodCalledOnThis(S);
  if (!Callee || Depth >= MaxCallDepth)
    return nullptr;
  const FunctionDecl *Def = userDefinition(Callee);
  if (!Def || !Def->getBody() || mayLeaveEarly(Def->getBody()))
    return nullptr;
  return releasedLast(Def->getBody(), Depth + 1);
}

const ValueDecl *LastRelease::releasedByGuard(const CompoundStmt *Body) const {
  const auto *It = llvm::find_if(Body->body(), [](const Stmt *Child) {
    return llvm::isa<DeclStmt>(Child);
  });
  if (It == Body->body_end())
    return nullptr;
  const auto *Decls = llvm::cast<DeclStmt>(*It);
  if (!Decls->isSingleDecl())
    return nullptr;
  const auto *Guard = llvm::dyn_cast<VarDecl>(Decls->getSingleDecl());
  if (!Guard || !Guard->getInit() || Guard->getType()->isReferenceType())
    return nullptr;
  const auto *Construct =
      llvm::dyn_cast<CXXConstructExpr>(Guard->getInit()->IgnoreImplicit());
  if (!Construct)
    return nullptr;
  // Nothing but the destructor's body may run when the guard goes away.
  const CXXRecordDecl *RD = Construct->getConstructor()->getParent();
  if (RD->getNumBases() != 0 ||
      llvm::any_of(RD->fields(), [](const FieldDecl *Field) {
        return Field->getType().isDestructedType();
      }))
    return nullptr;
  const CXXDestructorDecl *Dtor = RD->getDestructor();
  const FunctionDecl *DtorDef = Dtor ? userDefinition(Dtor) : nullptr;
  if (!DtorDef || !DtorDef->getBody() || mayLeaveEarly(DtorDef->getBody()))
    return nullptr;
  const auto *Member = llvm::dyn_cast_or_null<FieldDecl>(
      releasedLast(DtorDef->getBody(), MaxCallDepth));
  return Member ? boundTo(Construct, Member) : nullptr;
}

const ValueDecl *LastRelease::boundTo(const CXXConstructExpr *Construct,
                                      const FieldDecl *Member) const {
  if (!Member->getType()->isReferenceType())
    return nullptr;
  const auto *Ctor = llvm::dyn_cast_or_null<CXXConstructorDecl>(
      visibleDefinition(Construct->getConstructor()));
  if (!Ctor)
    return nullptr;
  for (const CXXCtorInitializer *Init : Ctor->inits()) {
    if (Init->getMember() != Member || !Init->getInit())
      continue;
    const auto *Param = llvm::dyn_cast_or_null<ParmVarDecl>(
        referencedVariable(Init->getInit()));
    if (!Param || Param->getFunctionScopeIndex() >= Construct->getNumArgs())
      return nullptr;
    return namedValue(Construct->getArg(Param->getFunctionScopeIndex()));
  }
  return nullptr;
}

/// Whether the launching function waits for the flag after the detach on
/// every path, while the thread's locals are still in scope.
class ReleaseWait {
public:
  ReleaseWait(const VarDecl *Flag,
              llvm::ArrayRef<ThreadLocalReference> References)
      : Flag(Flag), References(References) {}

  bool coversEveryPathAfter(const Stmt *Detach, const FunctionDecl *Launcher,
                            ASTContext &Ctx) const;

private:
  /// Whether \p S names the flag (lambdas included: a wait's predicate).
  bool namesFlag(const Stmt *S) const;
  /// A wait for the flag in \p Block from its element \p From on: a loop
  /// whose condition reads it, or a `...wait...` call given it.
  const Stmt *waitIn(const CFGBlock &Block, unsigned From) const;
  /// Whether \p Wait is inside the scope of every local the thread uses.
  bool withinScopes(const Stmt *Wait, const Stmt *Body) const;

  const VarDecl *Flag;
  llvm::ArrayRef<ThreadLocalReference> References;
};

bool ReleaseWait::namesFlag(const Stmt *S) const {
  return S && anyStmtIn(S, [&](const Stmt *Child) {
           const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Child);
           return Ref && Ref->getDecl() == Flag;
         });
}

const Stmt *ReleaseWait::waitIn(const CFGBlock &Block, unsigned From) const {
  for (unsigned I = From, N = Block.size(); I < N; ++I) {
    std::optional<CFGStmt> Element = Block[I].getAs<CFGStmt>();
    if (!Element)
      continue;
    const auto *Call = llvm::dyn_cast<CallExpr>(Element->getStmt());
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee || !Callee->getIdentifier() ||
        !llvm::StringRef(Callee->getName()).contains_insensitive("wait") ||
        isTimedStdWait(Callee))
      continue;
    bool GivenFlag = llvm::any_of(
        Call->arguments(), [&](const Expr *Arg) { return namesFlag(Arg); });
    if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(Call))
      GivenFlag |= namesFlag(Member->getImplicitObjectArgument());
    if (GivenFlag)
      return Call;
  }
  const Stmt *Loop = Block.getTerminatorStmt();
  const Expr *Condition = nullptr;
  if (const auto *While = llvm::dyn_cast_or_null<WhileStmt>(Loop))
    Condition = While->getCond();
  else if (const auto *Do = llvm::dyn_cast_or_null<DoStmt>(Loop))
    Condition = Do->getCond();
  else if (const auto *For = llvm::dyn_cast_or_null<ForStmt>(Loop))
    Condition = For->getCond();
  return namesFlag(Condition) ? Loop : nullptr;
}

bool ReleaseWait::withinScopes(const Stmt *Wait, const Stmt *Body) const {
  // The block that declares each local: the wait must be inside it.
  llvm::DenseMap<const VarDecl *, const CompoundStmt *> ScopeOf;
  forEachStmtIn(Body, Lambdas::Skip, [&](const Stmt *S) {
    const auto *Block = llvm::dyn_cast<CompoundStmt>(S);
    if (!Block)
      return;
    for (const Stmt *Child : Block->body())
      if (const auto *Decls = llvm::dyn_cast<DeclStmt>(Child))
        for (const Decl *D : Decls->decls())
          if (const auto *Var = llvm::dyn_cast<VarDecl>(D))
            ScopeOf[Var] = Block;
  });
  ParentMap Parents(const_cast<Stmt *>(Body));
  for (const ThreadLocalReference &Ref : References) {
    if (llvm::isa<ParmVarDecl>(Ref.Var))
      continue;
    const CompoundStmt *Scope = ScopeOf.lookup(Ref.Var);
    if (!Scope)
      return false;
    const Stmt *S = Wait;
    while (S && S != Scope)
      S = Parents.getParent(S);
    if (!S)
      return false;
  }
  return true;
}

bool ReleaseWait::coversEveryPathAfter(const Stmt *Detach,
                                       const FunctionDecl *Launcher,
                                       ASTContext &Ctx) const {
  const Stmt *Body = Launcher->getBody();
  if (!Body || Launcher->isInvalidDecl())
    return false;
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Cfg =
      CFG::buildCFG(Launcher, const_cast<Stmt *>(Body), &Ctx, Options);
  if (!Cfg || Cfg->getNumBlockIDs() > MaxBlocks)
    return false;
  const CFGBlock *Start = nullptr;
  unsigned DetachIndex = 0;
  for (const CFGBlock *Block : *Cfg) {
    for (unsigned I = 0, N = Block->size(); I < N && !Start; ++I)
      if (std::optional<CFGStmt> Element = (*Block)[I].getAs<CFGStmt>();
          Element && Element->getStmt() == Detach) {
        Start = Block;
        DetachIndex = I;
      }
    if (Start)
      break;
  }
  if (!Start)
    return false;
  // Depth-first from just after the detach; a path ends at a wait, and
  // reaching the exit without one keeps the finding.
  llvm::BitVector Seen(Cfg->getNumBlockIDs());
  llvm::SmallVector<std::pair<const CFGBlock *, unsigned>, 16> Work;
  llvm::SmallVector<const Stmt *, 4> Waits;
  Work.push_back({Start, DetachIndex + 1});
  while (!Work.empty()) {
    auto [Block, From] = Work.pop_back_val();
    if (const Stmt *Wait = waitIn(*Block, From)) {
      Waits.push_back(Wait);
      continue;
    }
    if (Block == &Cfg->getExit())
      return false;
    for (const CFGBlock *Next : Block->succs())
      if (Next && !Seen.test(Next->getBlockID())) {
        Seen.set(Next->getBlockID());
        Work.push_back({Next, 0});
      }
  }
  return !Waits.empty() && llvm::all_of(Waits, [&](const Stmt *Wait) {
    return withinScopes(Wait, Body);
  });
}

/// The launching function's variable that the thread's \p Released flag
/// is: a local it captured by reference, a local a functor member is bound
/// to, or a global.
const VarDecl *flagOfLauncher(const ValueDecl *Released,
                              llvm::ArrayRef<ThreadLocalReference> Refs) {
  if (const auto *Member = llvm::dyn_cast<FieldDecl>(Released)) {
    for (const ThreadLocalReference &Ref : Refs)
      if (Ref.Member == Member)
        return Ref.Var;
    return nullptr;
  }
  const auto *Var = llvm::dyn_cast<VarDecl>(Released);
  if (!Var)
    return nullptr;
  if (Var->hasGlobalStorage())
    return Var;
  for (const ThreadLocalReference &Ref : Refs)
    if (Ref.Var == Var && !Ref.Member)
      return Var;
  return nullptr;
}

} // namespace

bool waitsForThreadRelease(const FunctionDecl *Entry, const Stmt *Detach,
                           llvm::ArrayRef<ThreadLocalReference> References,
                           ASTContext &Ctx) {
  if (!Entry || !Detach || References.empty())
    return false;
  const ValueDecl *Released = LastRelease().of(Entry);
  const VarDecl *Flag =
      Released ? flagOfLauncher(Released, References) : nullptr;
  if (!Flag)
    return false;
  const FunctionDecl *Launcher = functionDeclaring(References.front().Var);
  if (!Launcher || llvm::any_of(References, [&](const ThreadLocalReference &R) {
        return functionDeclaring(R.Var) != Launcher;
      }))
    return false;
  return ReleaseWait(Flag, References)
      .coversEveryPathAfter(Detach, Launcher, Ctx);
}

} // namespace clang::tidy::threads
