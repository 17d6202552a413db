//===--- FieldHandleJoins.cpp ---------------------------------------------===//

#include "analysis/FieldHandleJoins.h"
#include "utils/AstUtils.h"
#include "utils/DeclNames.h"
#include "utils/FatalCalls.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::threads {

namespace {

/// Calls from the creating function to the join: the failure branch calls
/// a destroy function, which may call its helper that joins.
constexpr unsigned MaxCallDepth = 2;
/// The same bound as ThreadLifetimeAnalysis::MaxBlocks.
constexpr unsigned MaxBlocks = 20000;

/// The variable \p E names, through parentheses and casts (`(T *)arg`).
const VarDecl *namedVariable(const Expr *E) {
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E->IgnoreParenCasts());
  return Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

/// Whether \p Var lives beyond any call: a global or a static member.
bool isGlobal(const VarDecl *Var) {
  return Var->isFileVarDecl() || Var->isStaticDataMember();
}

/// The operand of `&E`; null when \p E is not an address-of.
const Expr *addressedExpr(const Expr *E) {
  const auto *AddrOf = llvm::dyn_cast<UnaryOperator>(E->IgnoreParenCasts());
  return AddrOf && AddrOf->getOpcode() == UO_AddrOf ? AddrOf->getSubExpr()
                                                    : nullptr;
}

/// The function a start routine argument names (`worker`, `&worker`).
const FunctionDecl *startRoutineOf(const Expr *E) {
  E = E->IgnoreParenCasts();
  if (const Expr *Operand = addressedExpr(E))
    E = Operand->IgnoreParenCasts();
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E);
  return Ref ? llvm::dyn_cast<FunctionDecl>(Ref->getDecl()) : nullptr;
}

/// Whether \p Arg hands the object of \p Handle on: `ctx` for `ctx->tid`,
/// `&ctx` for `ctx.tid`.
bool handsObjectOn(const Expr *Arg, const StoredHandle &Handle) {
  if (Handle.ThroughPointer)
    return Handle.baseIsNamedBy(Arg);
  const Expr *Operand = addressedExpr(Arg);
  return Operand && Handle.baseIsNamedBy(Operand);
}

/// The handle as \p Callee names it when \p Call runs it: through the
/// pointer parameter the object is passed in, or the same global. Nullopt
/// when the call does not hand the handle's object on.
std::optional<StoredHandle> handleInCallee(const CallExpr *Call,
                                           const FunctionDecl *Callee,
                                           const StoredHandle &Handle) {
  if (isGlobal(Handle.Base))
    return Handle;
  for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
    if (!handsObjectOn(Call->getArg(I), Handle))
      continue;
    if (!Callee || I >= Callee->getNumParams())
      return std::nullopt;
    const ParmVarDecl *Param = Callee->getParamDecl(I);
    if (!Param->getType()->isPointerType())
      return std::nullopt;
    return StoredHandle{Param, Handle.Field, true};
  }
  return std::nullopt;
}

/// Whether \p Call hands the object of \p Handle on.
bool handsHandleOn(const CallExpr *Call, const StoredHandle &Handle) {
  return llvm::any_of(Call->arguments(), [&](const Expr *Arg) {
    return handsObjectOn(Arg, Handle);
  });
}

/// Whether \p S writes \p Handle or rebinds its object: an assignment to
/// either, or the handle's address taken (a create call writes through it).
bool writesHandle(const Stmt *S, const StoredHandle &Handle) {
  if (const auto *Assign = llvm::dyn_cast<BinaryOperator>(S))
    return Assign->isAssignmentOp() &&
           (Handle.isNamedBy(Assign->getLHS()) ||
            namedVariable(Assign->getLHS()) == Handle.Base);
  const auto *E = llvm::dyn_cast<Expr>(S);
  const Expr *Operand = E ? addressedExpr(E) : nullptr;
  return Operand && Handle.isNamedBy(Operand);
}

/// Whether \p Call ends the program: a noreturn function, or one whose name
/// says so (FatalCalls).
bool endsProgram(const CallExpr *Call, const ASTContext &Ctx) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  return (Callee && Callee->isNoReturn()) ||
         isLikelyFatalCall(Call, Ctx.getSourceManager(), Ctx.getLangOpts());
}

std::unique_ptr<CFG> buildCfg(const FunctionDecl *Fn, ASTContext &Ctx) {
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Cfg =
      CFG::buildCFG(Fn, const_cast<Stmt *>(Fn->getBody()), &Ctx, Options);
  if (Cfg && Cfg->getNumBlockIDs() > MaxBlocks)
    return nullptr;
  return Cfg;
}

} // namespace

std::string StoredHandle::spelling() const {
  if (!Field)
    return Base->getName().str();
  return (Base->getName() + (ThroughPointer ? "->" : ".") + Field->getName())
      .str();
}

bool StoredHandle::baseIsNamedBy(const Expr *E) const {
  const VarDecl *Var = namedVariable(E);
  if (!Var)
    return false;
  if (Var == Base)
    return true;
  // `struct ctx *c = arg;`: a local pointer that starts as the base.
  return ThroughPointer && Var->isLocalVarDecl() && Var->getInit() &&
         namedVariable(Var->getInit()) == Base;
}

bool StoredHandle::isNamedBy(const Expr *E) const {
  if (!Field)
    return namedVariable(E) == Base;
  const auto *Member = llvm::dyn_cast<MemberExpr>(E->IgnoreParenCasts());
  return Member && Member->getMemberDecl() == Field &&
         Member->isArrow() == ThroughPointer &&
         baseIsNamedBy(Member->getBase());
}

std::optional<StoredHandle> storedHandleOf(const HandleCreation &Creation,
                                           const TrackedThreadTypes &Types) {
  if (!Creation.Handle || Types.handleKindOfValue(Creation.Handle->getType()) !=
                              ThreadOwnerKind::Handle)
    return std::nullopt;
  const Expr *Handle = Creation.Handle->IgnoreParenImpCasts();
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Handle)) {
    const auto *Var = llvm::dyn_cast<VarDecl>(Ref->getDecl());
    if (Var && isGlobal(Var))
      return StoredHandle{Var, nullptr, false};
    return std::nullopt;
  }
  const auto *Member = llvm::dyn_cast<MemberExpr>(Handle);
  if (!Member)
    return std::nullopt;
  const auto *Field = llvm::dyn_cast<FieldDecl>(Member->getMemberDecl());
  const auto *BaseRef =
      llvm::dyn_cast<DeclRefExpr>(Member->getBase()->IgnoreParenImpCasts());
  const auto *Base =
      BaseRef ? llvm::dyn_cast<VarDecl>(BaseRef->getDecl()) : nullptr;
  if (!Field || !Base)
    return std::nullopt;
  return StoredHandle{Base, Field, Member->isArrow()};
}

/// Walks a CFG from a block: does every path reach a join or detach of the
/// handle (itself, or in a visible function handed its object) before it
/// is written, its object handed to code out of sight, or the function
/// returns? Paths that end the program do not count either way.
class EveryPathJoinSearch {
public:
  EveryPathJoinSearch(FieldHandleJoins &Joins, const StoredHandle &Handle,
                      unsigned Depth, ASTContext &Ctx)
      : Joins(Joins), Handle(Handle), Depth(Depth), Ctx(Ctx) {}

  /// Whether every path from \p Start joins; the first join found (in
  /// \p Found) is the one a finding names.
  bool fromBlock(const CFG &Cfg, const CFGBlock *Start, JoinCallPath &Found) {
    llvm::SmallVector<const CFGBlock *, 16> Work{Start};
    llvm::SmallPtrSet<const CFGBlock *, 32> Seen{Start};
    bool Joined = false;
    while (!Work.empty()) {
      const CFGBlock *Block = Work.pop_back_val();
      if (Block == &Cfg.getExit())
        return false;
      Outcome Out = inBlock(*Block, Found);
      if (Out == Outcome::Fails)
        return false;
      Joined |= Out == Outcome::Joins;
      if (Out != Outcome::Continues || Block->hasNoReturnElement())
        continue;
      for (const CFGBlock::AdjacentBlock &Succ : Block->succs())
        if (const CFGBlock *Next = Succ.getReachableBlock();
            Next && Seen.insert(Next).second)
          Work.push_back(Next);
    }
    return Joined;
  }

private:
  enum class Outcome { Continues, Joins, EndsProgram, Fails };

  Outcome inBlock(const CFGBlock &Block, JoinCallPath &Found) {
    for (const CFGElement &Element : Block) {
      std::optional<CFGStmt> S = Element.getAs<CFGStmt>();
      if (!S)
        continue;
      Outcome Out = atStmt(S->getStmt(), Found);
      if (Out != Outcome::Continues)
        return Out;
    }
    return Outcome::Continues;
  }

  Outcome atStmt(const Stmt *S, JoinCallPath &Found) {
    if (writesHandle(S, Handle))
      return Outcome::Fails;
    const auto *Call = llvm::dyn_cast<CallExpr>(S);
    if (!Call)
      return Outcome::Continues;
    if (endsProgram(Call, Ctx))
      return Outcome::EndsProgram;
    HandleCall Role = handleCallOf(Call->getDirectCallee());
    if (Role.Role == HandleCallRole::Join ||
        Role.Role == HandleCallRole::Detach) {
      unsigned HandleArg = Role.Api->HandleArg;
      if (Call->getNumArgs() <= HandleArg ||
          !Handle.isNamedBy(Call->getArg(HandleArg)))
        return Outcome::Continues;
      if (Found.empty())
        Found.push_back(Call);
      return Outcome::Joins;
    }
    if (Role || !handsHandleOn(Call, Handle))
      return Outcome::Continues;
    // Code out of sight that gets the object may create the thread.
    const FunctionDecl *Callee = userDefinition(Call->getDirectCallee());
    std::optional<StoredHandle> Inside =
        Callee ? handleInCallee(Call, Callee, Handle) : std::nullopt;
    if (!Inside || Depth >= MaxCallDepth)
      return Outcome::Fails;
    FieldHandleJoins::CalleeEffect Effect =
        Joins.calleeEffect(Callee, *Inside, Depth + 1, Ctx);
    switch (Effect.Kind) {
    case FieldHandleJoins::CalleeEffect::Nothing:
      return Outcome::Continues;
    case FieldHandleJoins::CalleeEffect::Writes:
      return Outcome::Fails;
    case FieldHandleJoins::CalleeEffect::Joins:
      if (Found.empty()) {
        Found.push_back(Call);
        Found.append(Effect.Path.begin(), Effect.Path.end());
      }
      return Outcome::Joins;
    }
    return Outcome::Fails;
  }

  FieldHandleJoins &Joins;
  const StoredHandle &Handle;
  unsigned Depth;
  ASTContext &Ctx;
};

FieldHandleJoins::CalleeEffect
FieldHandleJoins::calleeEffect(const FunctionDecl *Fn,
                               const StoredHandle &Handle, unsigned Depth,
                               ASTContext &Ctx) {
  auto Key = std::make_tuple(Fn, Handle.Base, Handle.Field);
  if (auto It = Callees.find(Key); It != Callees.end())
    return It->second;
  // A recursive call finds this answer until the real one is known.
  CalleeEffect Writes;
  Writes.Kind = CalleeEffect::Writes;
  Callees[Key] = Writes;

  CalleeEffect Effect;
  std::unique_ptr<CFG> Cfg = buildCfg(Fn, Ctx);
  if (!Cfg) {
    Effect = Writes;
  } else if (EveryPathJoinSearch(*this, Handle, Depth, Ctx)
                 .fromBlock(*Cfg, &Cfg->getEntry(), Effect.Path)) {
    Effect.Kind = CalleeEffect::Joins;
  } else {
    Effect.Path.clear();
    if (mayWrite(Fn, Handle, Depth, Ctx))
      Effect.Kind = CalleeEffect::Writes;
  }
  Callees[Key] = Effect;
  return Effect;
}

bool FieldHandleJoins::mayWrite(const FunctionDecl *Fn,
                                const StoredHandle &Handle, unsigned Depth,
                                ASTContext &Ctx) {
  return anyStmtIn(Fn->getBody(), [&](const Stmt *S) {
    if (writesHandle(S, Handle))
      return true;
    const auto *Call = llvm::dyn_cast<CallExpr>(S);
    if (!Call || handleCallOf(Call->getDirectCallee()) ||
        !handsHandleOn(Call, Handle))
      return false;
    const FunctionDecl *Callee = userDefinition(Call->getDirectCallee());
    std::optional<StoredHandle> Inside =
        Callee ? handleInCallee(Call, Callee, Handle) : std::nullopt;
    if (!Inside || Depth >= MaxCallDepth)
      return true;
    return calleeEffect(Callee, *Inside, Depth + 1, Ctx).Kind ==
           CalleeEffect::Writes;
  });
}

llvm::SmallVector<FailedCreationJoin, 1>
FieldHandleJoins::joinsAfterFailure(const HandleCreation &Creation,
                                    const StoredHandle &Handle,
                                    const FunctionDecl *Fn, ASTContext &Ctx) {
  llvm::SmallVector<FailedCreationJoin, 1> Found;
  // Objects that a local or a parameter of Fn names: a global's handle may
  // be written by any function the path calls.
  if (!Handle.Field || isGlobal(Handle.Base) || !Fn->hasBody())
    return Found;
  std::unique_ptr<CFG> Cfg = buildCfg(Fn, Ctx);
  if (!Cfg)
    return Found;
  for (const CFGBlock *Block : *Cfg) {
    const auto *If = llvm::dyn_cast_or_null<IfStmt>(Block->getTerminatorStmt());
    const auto *Cond =
        llvm::dyn_cast_or_null<Expr>(Block->getTerminatorCondition());
    bool CreatedWhenTrue = false;
    if (!If || !Cond || Block->succ_size() != 2 ||
        creationTestedBy(Cond, Fn->getBody(), Ctx, CreatedWhenTrue) !=
            Creation.Call)
      continue;
    const CFGBlock *Failed =
        Block->succ_begin()[CreatedWhenTrue ? 1 : 0].getReachableBlock();
    JoinCallPath Path;
    if (Failed && EveryPathJoinSearch(*this, Handle, 0, Ctx)
                      .fromBlock(*Cfg, Failed, Path))
      Found.push_back({Creation.Call, Path});
  }
  return Found;
}

namespace {

/// Finds a join of a stored handle in a function and the visible functions
/// it hands the handle's object to.
class SelfJoinSearch {
public:
  explicit SelfJoinSearch(const HandleThreadApi &Api) : Api(Api) {}

  bool find(const FunctionDecl *Fn, const StoredHandle &Handle, unsigned Depth,
            JoinCallPath &Path) {
    // A function that stores another thread in the handle may join that
    // one.
    if (!Seen.insert(Fn).second || comparesThreads(Fn) ||
        anyStmtIn(Fn->getBody(),
                  [&](const Stmt *S) { return writesHandle(S, Handle); }))
      return false;
    bool Found = false;
    forEachStmtIn(Fn->getBody(), Lambdas::Skip, [&](const Stmt *S) {
      const auto *Call = llvm::dyn_cast<CallExpr>(S);
      if (Found || !Call)
        return;
      HandleCall Role = handleCallOf(Call->getDirectCallee());
      if (Role.Role == HandleCallRole::Join) {
        if (Call->getNumArgs() > Role.Api->HandleArg &&
            Handle.isNamedBy(Call->getArg(Role.Api->HandleArg))) {
          Path.push_back(Call);
          Found = true;
        }
        return;
      }
      const FunctionDecl *Callee = userDefinition(Call->getDirectCallee());
      if (Role || !Callee || Depth >= MaxCallDepth)
        return;
      std::optional<StoredHandle> Inside = handleInCallee(Call, Callee, Handle);
      if (!Inside)
        return;
      Path.push_back(Call);
      if (find(Callee, *Inside, Depth + 1, Path))
        Found = true;
      else
        Path.pop_back();
    });
    return Found;
  }

private:
  /// Whether \p Fn compares thread ids (`pthread_equal(pthread_self(),
  /// h)`): a join it guards that way may be of another thread.
  bool comparesThreads(const FunctionDecl *Fn) const {
    auto IsSelf = [](const Expr *E) {
      const auto *Call = llvm::dyn_cast<CallExpr>(E->IgnoreParenCasts());
      return Call &&
             handleCallOf(Call->getDirectCallee()).Role == HandleCallRole::Self;
    };
    return anyStmtIn(Fn->getBody(), [&](const Stmt *S) {
      if (const auto *Compare = llvm::dyn_cast<BinaryOperator>(S))
        return Compare->isEqualityOp() &&
               (IsSelf(Compare->getLHS()) || IsSelf(Compare->getRHS()));
      const auto *Call = llvm::dyn_cast<CallExpr>(S);
      return Call && identifierOf(Call->getDirectCallee()) == Api.Equal;
    });
  }

  const HandleThreadApi &Api;
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen;
};

} // namespace

std::optional<StoredHandleSelfJoin>
FieldHandleJoins::selfJoin(const HandleCreation &Creation,
                           const StoredHandle &Handle) {
  const FunctionDecl *Entry =
      userDefinition(startRoutineOf(Creation.StartRoutine));
  if (!Entry || Entry->getNumParams() == 0)
    return std::nullopt;
  // The start routine names the object through its argument, unless the
  // object is a global.
  std::optional<StoredHandle> InEntry = Handle;
  if (!isGlobal(Handle.Base)) {
    if (!handsObjectOn(Creation.StartArgument, Handle) ||
        !Entry->getParamDecl(0)->getType()->isPointerType())
      return std::nullopt;
    InEntry = StoredHandle{Entry->getParamDecl(0), Handle.Field, true};
  }
  StoredHandleSelfJoin Found{Entry, {}};
  if (!SelfJoinSearch(*Creation.Api).find(Entry, *InEntry, 0, Found.Path))
    return std::nullopt;
  return Found;
}

} // namespace clang::tidy::threads
