//===--- SamePoolCalls.cpp - Tasks that reach their own pool's members ----===//

#include "analysis/SamePoolCalls.h"
#include "utils/AstUtils.h"
#include "utils/DeclNames.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::threads {

namespace {

/// Visible calls followed from the task, and functions looked at.
constexpr unsigned MaxDepth = 3;
constexpr unsigned MaxFunctions = 32;

/// An object as the code of one function names it: a variable (a local, a
/// parameter `Pool &p` or `Pool *p`, a global) or `this` (no Root), and
/// optionally a field of it (`this->pool_`).
struct ObjectName {
  const VarDecl *Root = nullptr;
  const FieldDecl *Field = nullptr;
  bool operator==(const ObjectName &Other) const {
    return Root == Other.Root && Field == Other.Field;
  }
};

/// The object \p E names, through `&x`, `*p` and `p->`.
std::optional<ObjectName> nameOf(const Expr *E) {
  for (unsigned Steps = 0; E && Steps < 4; ++Steps) {
    E = E->IgnoreParenImpCasts();
    if (llvm::isa<CXXThisExpr>(E))
      return ObjectName{};
    if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E)) {
      const auto *Var = llvm::dyn_cast<VarDecl>(Ref->getDecl());
      if (!Var)
        return std::nullopt;
      // `[p = &pool]`: the capture names what initialised it.
      if (Var->isInitCapture()) {
        E = Var->getInit();
        continue;
      }
      return ObjectName{Var->getCanonicalDecl(), nullptr};
    }
    if (const auto *Member = llvm::dyn_cast<MemberExpr>(E)) {
      const auto *Field = llvm::dyn_cast<FieldDecl>(Member->getMemberDecl());
      std::optional<ObjectName> Base =
          Field ? nameOf(Member->getBase()) : std::nullopt;
      if (!Base || Base->Field)
        return std::nullopt;
      Base->Field = Field;
      return Base;
    }
    const auto *Unary = llvm::dyn_cast<UnaryOperator>(E);
    if (!Unary ||
        (Unary->getOpcode() != UO_AddrOf && Unary->getOpcode() != UO_Deref))
      return std::nullopt;
    E = Unary->getSubExpr();
  }
  return std::nullopt;
}

bool namesEverywhere(const ObjectName &Pool) {
  return Pool.Root && Pool.Root->hasGlobalStorage() &&
         !Pool.Root->isLocalVarDecl();
}

/// What names the pool inside \p Callee (the definition \p Call runs) when
/// \p Pool names it at the call: the same global, the parameter its
/// reference or pointer is bound to, or `this` when the call is made on
/// the object whose field the pool is.
std::optional<ObjectName> poolInCallee(const CallExpr *Call,
                                       const FunctionDecl *Callee,
                                       const ObjectName &Pool) {
  if (namesEverywhere(Pool))
    return Pool;
  if (llvm::isa<CXXOperatorCallExpr>(Call))
    return std::nullopt;
  if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(Call))
    if (std::optional<ObjectName> Object =
            nameOf(Member->getImplicitObjectArgument()))
      if (Pool.Field && !Object->Field && Object->Root == Pool.Root)
        return ObjectName{nullptr, Pool.Field};
  for (unsigned I = 0, N = std::min(Call->getNumArgs(), Callee->getNumParams());
       I < N; ++I) {
    const ParmVarDecl *Param = Callee->getParamDecl(I);
    QualType Type = Param->getType();
    std::optional<ObjectName> Arg = nameOf(Call->getArg(I));
    if (!Arg || !(Type->isReferenceType() || Type->isPointerType()))
      continue;
    if (*Arg == Pool)
      return ObjectName{Param, nullptr};
    if (Pool.Field && !Arg->Field && Arg->Root == Pool.Root)
      return ObjectName{Param, Pool.Field};
  }
  return std::nullopt;
}

/// Whether \p S is the lambda whose call operator is \p Task.
bool isLambdaOf(const Stmt *S, const FunctionDecl *Task) {
  const auto *Lambda = llvm::dyn_cast<LambdaExpr>(S);
  return Lambda && Lambda->getCallOperator() == Task;
}

/// Whether \p Task is the lambda the submission was given at
/// \p SubmittedAt (written there, or a local initialised with it, also
/// through the conversion into a std::function): then its captures and
/// `this` name what the submitting function names.
bool isLambdaGivenThere(const FunctionDecl *Task, const Expr *Submission,
                        SourceLocation SubmittedAt) {
  for (const Expr *Arg : argumentsOf(Submission))
    if (Arg->getExprLoc() == SubmittedAt)
      return anyStmtIn(Arg, [&](const Stmt *S) {
        if (isLambdaOf(S, Task))
          return true;
        const auto *Ref = llvm::dyn_cast<DeclRefExpr>(S);
        const auto *Local =
            Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
        return Local && Local->isLocalVarDecl() && Local->getInit() &&
               anyStmtIn(Local->getInit(), [&](const Stmt *Inner) {
                 return isLambdaOf(Inner, Task);
               });
      });
  return false;
}

/// The pool the task was submitted to, as the task's code names it.
std::optional<ObjectName> submittedPool(const FunctionDecl *Task,
                                        const Expr *Submission,
                                        SourceLocation SubmittedAt,
                                        const CXXRecordDecl *RD) {
  const auto *Submit = llvm::dyn_cast_or_null<CXXMemberCallExpr>(Submission);
  if (!Submit || !Submit->getMethodDecl() ||
      Submit->getMethodDecl()->getParent()->getCanonicalDecl() !=
          RD->getCanonicalDecl())
    return std::nullopt;
  std::optional<ObjectName> Pool = nameOf(Submit->getImplicitObjectArgument());
  if (!Pool || namesEverywhere(*Pool) ||
      isLambdaGivenThere(Task, Submission, SubmittedAt))
    return Pool;
  return std::nullopt;
}

struct Visit {
  const FunctionDecl *Fn;
  ObjectName Pool;
  unsigned Depth;
  /// The visit that called this one, and where.
  unsigned From;
  const Stmt *Call;
};

bool isMemberOf(const FunctionDecl *Fn, const CXXRecordDecl *RD) {
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Fn);
  return Method &&
         Method->getParent()->getCanonicalDecl() == RD->getCanonicalDecl();
}

} // namespace

bool comparesThreadIds(const Stmt *S) {
  return anyStmtIn(S, [](const Stmt *Node) {
    const FunctionDecl *Callee = nullptr;
    if (const auto *Call = llvm::dyn_cast<CallExpr>(Node))
      Callee = Call->getDirectCallee();
    return identifierOf(Callee) == "get_id";
  });
}

std::optional<SamePoolCall>
findSamePoolCall(const FunctionDecl *Task, const Expr *Submission,
                 SourceLocation SubmittedAt, const CXXRecordDecl *RD,
                 llvm::function_ref<bool(const CXXMemberCallExpr *)> Reaches) {
  const FunctionDecl *Body = Task ? userDefinition(Task) : nullptr;
  std::optional<ObjectName> Pool =
      Body ? submittedPool(Task, Submission, SubmittedAt, RD) : std::nullopt;
  if (!Pool)
    return std::nullopt;
  llvm::SmallVector<Visit, 8> Visits{{Body, *Pool, 0, 0, nullptr}};
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen{Body};
  for (unsigned I = 0; I < Visits.size(); ++I) {
    Visit Here = Visits[I];
    if (comparesThreadIds(Here.Fn->getBody()))
      continue;
    const CXXMemberCallExpr *Found = nullptr;
    forEachStmtIn(Here.Fn->getBody(), Lambdas::Skip, [&](const Stmt *S) {
      const auto *Call = llvm::dyn_cast<CallExpr>(S);
      const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
      if (Found || !Callee)
        return;
      const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(Call);
      if (isMemberOf(Callee, RD)) {
        if (Here.Depth > 0 && Member &&
            nameOf(Member->getImplicitObjectArgument()) == Here.Pool &&
            Reaches(Member))
          Found = Member;
        return;
      }
      const FunctionDecl *Def = userDefinition(Callee);
      if (Here.Depth == MaxDepth || !Def || !Def->getBody() ||
          Visits.size() == MaxFunctions || Seen.count(Def))
        return;
      if (std::optional<ObjectName> Inside =
              poolInCallee(Call, Def, Here.Pool)) {
        Seen.insert(Def);
        Visits.push_back({Def, *Inside, Here.Depth + 1, I, Call});
      }
    });
    if (!Found)
      continue;
    SamePoolCall Result;
    Result.CallsPool = Found;
    for (unsigned V = I; V != 0; V = Visits[V].From)
      Result.Through.insert(
          Result.Through.begin(),
          {Visits[Visits[V].From].Fn, Visits[V].Fn, Visits[V].Call});
    return Result;
  }
  return std::nullopt;
}

} // namespace clang::tidy::threads
