//===--- ContainerRejoins.cpp ---------------------------------------------===//

#include "analysis/ContainerRejoins.h"
#include "utils/AstUtils.h"
#include "utils/DeclNames.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::threads {

namespace {

/// A call on `this` is followed this many functions deep.
constexpr unsigned MaxDepth = 4;

bool isLoop(const Stmt *S) { return loopBody(S) != nullptr; }

/// Whether \p S may leave the function or the loop early.
bool mayLeave(const Stmt *S) {
  return anyStmtIn(S, [](const Stmt *Node) {
    return llvm::isa<ReturnStmt, CXXThrowExpr, GotoStmt, BreakStmt>(Node);
  });
}

/// Whether \p S asks a thread whether it may be joined (`t.joinable()`,
/// `t.get_id() != std::this_thread::get_id()`).
bool testsJoinability(const Stmt *S) {
  return anyStmtIn(S, [](const Stmt *Node) {
    llvm::StringRef Name = identifierOf(calleeOf(Node));
    return Name == "joinable" || Name == "get_id";
  });
}

/// Whether the member function called at \p Site changes which threads the
/// container holds other than by adding some: clear(), erase(), an
/// assignment, and any other non-const member function but the ones that
/// only look at the elements.
bool mayRemoveElements(const Stmt *Site) {
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(Site))
    return Op->isAssignmentOp();
  const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(Site);
  if (!Call || !Call->getMethodDecl())
    return false;
  const CXXMethodDecl *Method = Call->getMethodDecl();
  if (Method->isConst())
    return false;
  llvm::StringRef Name = identifierOf(Method);
  return !llvm::is_contained(
      llvm::ArrayRef<llvm::StringRef>{"begin", "end", "rbegin", "rend", "at",
                                      "front", "back", "data", "reserve"},
      Name);
}

/// The statement \p S without the cleanups and casts around it.
const Expr *bareExpr(const Stmt *S) {
  const auto *E = llvm::dyn_cast<Expr>(S);
  return E ? E->IgnoreImplicit()->IgnoreParenImpCasts() : nullptr;
}

/// A call of a member function of a class on one object, and that object:
/// the class itself stands for `this`, else the variable or member named.
struct ObjectCall {
  const CXXMemberCallExpr *Call = nullptr;
  const Decl *Object = nullptr;
};

ObjectCall objectCallIn(const Stmt *S, const CXXRecordDecl *RD) {
  const auto *Call = llvm::dyn_cast_or_null<CXXMemberCallExpr>(bareExpr(S));
  if (!Call || !Call->getMethodDecl() ||
      Call->getMethodDecl()->getParent()->getCanonicalDecl() !=
          RD->getCanonicalDecl())
    return {};
  const Expr *Object = Call->getImplicitObjectArgument();
  if (!Object)
    return {};
  if (isThis(Object))
    return {Call, RD};
  if (const VarDecl *Var = referencedVariable(Object))
    return {Call, Var};
  if (const ValueDecl *Field = memberOfThis(Object))
    return {Call, Field};
  return {};
}

/// Whether \p S names \p Object (a variable, or a member of `this`).
bool names(const Stmt *S, const Decl *Object) {
  return anyStmtIn(S, [&](const Stmt *Node) {
    if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Node))
      return Ref->getDecl() == Object;
    if (const auto *Member = llvm::dyn_cast<MemberExpr>(Node))
      return Member->getMemberDecl() == Object;
    return false;
  });
}

} // namespace

ContainerRejoins::Role ContainerRejoins::ownRole(const FunctionDecl *Fn) {
  bool Starts = false;
  Role Result;
  for (const MemberUse &M : Summary.Uses) {
    if (M.In != Fn)
      continue;
    switch (M.Use.Kind) {
    case ThreadUseKind::Start:
      Starts = true;
      break;
    case ThreadUseKind::Join:
      if (!joinsEveryElement(Fn, M.Use.Site))
        return {RoleKind::Other};
      Result = {RoleKind::Joins, M.Use.Site};
      break;
    case ThreadUseKind::Escape:
      return {RoleKind::Other};
    case ThreadUseKind::Query:
      if (mayRemoveElements(M.Use.Site))
        return {RoleKind::Other};
      break;
    }
  }
  if (Starts)
    return {Result.Kind == RoleKind::Joins ? RoleKind::Other
                                           : RoleKind::Starts};
  return Result;
}

bool ContainerRejoins::joinsEveryElement(const FunctionDecl *Fn,
                                         const Stmt *JoinSite) const {
  const auto *Body = llvm::dyn_cast_or_null<CompoundStmt>(Fn->getBody());
  if (!Body)
    return false;
  // Up to the statement of the body that holds the join: a loop around it
  // and no branch between them (the loop joins every element).
  ParentMap Parents(const_cast<CompoundStmt *>(Body));
  const Stmt *Loop = nullptr;
  const Stmt *Top = JoinSite;
  for (const Stmt *P = Parents.getParent(JoinSite); P && P != Body;
       Top = P, P = Parents.getParent(P)) {
    if (!Loop && isLoop(P))
      Loop = P;
    if (!Loop && llvm::isa<IfStmt, SwitchStmt, AbstractConditionalOperator,
                           BinaryOperator>(P))
      return false;
  }
  // std::for_each(ws_.begin(), ws_.end(), joinOne) joins every element too.
  bool Algorithm =
      llvm::isa<CallExpr>(JoinSite) && !llvm::isa<CXXMemberCallExpr>(JoinSite);
  if ((!Loop && !Algorithm) || testsJoinability(Top) ||
      (Loop && mayLeave(loopBody(Loop))))
    return false;
  // Every call of Fn reaches it: no earlier statement may return.
  for (const Stmt *Child : Body->body()) {
    if (Child == Top)
      return true;
    if (mayLeave(Child))
      return false;
  }
  return false;
}

ContainerRejoins::Role ContainerRejoins::roleOf(const FunctionDecl *Fn,
                                                unsigned Depth) {
  auto Known = Roles.find(Fn);
  if (Known != Roles.end())
    return Known->second;
  if (Depth > MaxDepth)
    return {RoleKind::Other};
  // A recursive call meets the function as unknown.
  Roles[Fn] = {RoleKind::Other};

  Role Result = ownRole(Fn);
  bool Starts = Result.Kind == RoleKind::Starts;
  llvm::SmallPtrSet<const Stmt *, 8> OwnUses;
  for (const MemberUse &M : Summary.Uses)
    if (M.In == Fn)
      OwnUses.insert(M.Use.Site);
  const auto *Body = llvm::dyn_cast_or_null<CompoundStmt>(Fn->getBody());
  forEachStmtIn(Fn->getBody(), Lambdas::Skip, [&](const Stmt *S) {
    if (Result.Kind == RoleKind::Other || !Body)
      return;
    if (const CXXMethodDecl *Method = methodCalledOnThis(S)) {
      if (Method->getParent()->getCanonicalDecl() != RD->getCanonicalDecl())
        return;
      const FunctionDecl *Def = visibleDefinition(Method);
      // An override, or a body out of sight, may do anything.
      Role Callee = Def && !Method->isVirtual() ? roleOf(Def, Depth + 1)
                                                : Role{RoleKind::Other};
      switch (Callee.Kind) {
      case RoleKind::Untouched:
        return;
      case RoleKind::Starts:
        Starts = true;
        return;
      case RoleKind::Joins: {
        // Joins every element only if each call of Fn makes this call.
        bool Unconditional = false;
        for (const Stmt *Child : Body->body()) {
          if (Child == S || bareExpr(Child) == S) {
            Unconditional = true;
            break;
          }
          if (mayLeave(Child))
            break;
        }
        Result = Unconditional ? Callee : Role{RoleKind::Other};
        return;
      }
      case RoleKind::Other:
        Result = Callee;
        return;
      }
    }
    // The object handed to other code (`registry.remove(this)`), which may
    // clear the container; a thread started on a member function gets
    // `this` too, and the constructions of threads are left alone.
    if (llvm::isa<CallExpr>(S) && !OwnUses.count(S) &&
        llvm::any_of(argumentsOf(S), isThisObject))
      Result = {RoleKind::Other};
  });
  if (Starts && Result.Kind != RoleKind::Other)
    Result = {Result.Kind == RoleKind::Joins ? RoleKind::Other
                                             : RoleKind::Starts};
  Roles[Fn] = Result;
  return Result;
}

void ContainerRejoins::findIn(const FunctionDecl *Caller,
                              llvm::SmallVectorImpl<ContainerRejoin> &Found) {
  struct Sequence {
    unsigned Phase = 0;
    const FunctionDecl *Starting = nullptr;
    const FunctionDecl *Joining = nullptr;
    const Stmt *FirstStart = nullptr;
    const Stmt *FirstJoin = nullptr;
    const Stmt *Restart = nullptr;
  };
  auto Report = [&](ContainerRejoin Rejoin) {
    if (llvm::none_of(Found, [&](const ContainerRejoin &R) {
          return R.Join == Rejoin.Join;
        }))
      Found.push_back(Rejoin);
  };
  // Steps the calls of one list of statements through start, join, start,
  // join (or start, join, join) per object; whatever else touches an object
  // starts its sequence over. Returns the last sequences.
  auto Walk = [&](llvm::ArrayRef<const Stmt *> Statements) {
    llvm::DenseMap<const Decl *, Sequence> Objects;
    for (const Stmt *S : Statements) {
      ObjectCall Call = objectCallIn(S, RD);
      // Other statements: the objects they name start over, unless all they
      // do with one is call functions that leave the member alone.
      for (auto &Entry : Objects) {
        const Decl *Object = Entry.first;
        if (Object == Call.Object || !names(S, Object))
          continue;
        bool OnlyUntouched = Object != RD;
        llvm::SmallPtrSet<const Stmt *, 4> Untouched;
        forEachStmtIn(S, Lambdas::Enter, [&](const Stmt *Node) {
          ObjectCall Inner = objectCallIn(Node, RD);
          const FunctionDecl *Def =
              Inner.Call ? visibleDefinition(Inner.Call->getMethodDecl())
                         : nullptr;
          if (Inner.Object == Object && Def &&
              !Inner.Call->getMethodDecl()->isVirtual() &&
              roleOf(Def, 0).Kind == RoleKind::Untouched)
            Untouched.insert(
                Inner.Call->getImplicitObjectArgument()->IgnoreParenImpCasts());
        });
        forEachStmtIn(S, Lambdas::Enter, [&](const Stmt *Node) {
          const auto *E = llvm::dyn_cast<Expr>(Node);
          if (E && !Untouched.count(E) &&
              ((llvm::isa<DeclRefExpr>(E) && names(E, Object)) ||
               (llvm::isa<MemberExpr>(E) &&
                llvm::cast<MemberExpr>(E)->getMemberDecl() == Object)))
            OnlyUntouched = false;
        });
        if (!OnlyUntouched)
          Entry.second = Sequence();
      }
      // `this`: its own member, or its calls of functions that touch it.
      auto This = Objects.find(RD);
      if (Call.Object != RD && This != Objects.end() &&
          anyStmtIn(S, [&](const Stmt *Node) {
            const auto *E = llvm::dyn_cast<Expr>(Node);
            if (E && memberOfThis(E) == Member)
              return true;
            if (llvm::isa<CallExpr>(Node) &&
                llvm::any_of(argumentsOf(Node), isThisObject))
              return true;
            const CXXMethodDecl *Method = methodCalledOnThis(Node);
            const FunctionDecl *Def =
                Method ? visibleDefinition(Method) : nullptr;
            return Method && (!Def || Method->isVirtual() ||
                              roleOf(Def, 0).Kind != RoleKind::Untouched);
          }))
        This->second = Sequence();
      if (!Call.Call)
        continue;
      const CXXMethodDecl *Method = Call.Call->getMethodDecl();
      const FunctionDecl *Def = visibleDefinition(Method);
      Role R =
          Def && !Method->isVirtual() ? roleOf(Def, 0) : Role{RoleKind::Other};
      Sequence &Seq = Objects[Call.Object];
      switch (R.Kind) {
      case RoleKind::Untouched:
        break;
      case RoleKind::Other:
        Seq = Sequence();
        break;
      case RoleKind::Starts:
        if (Seq.Phase == 0) {
          Seq.Phase = 1;
          Seq.Starting = Def;
          Seq.FirstStart = Call.Call;
        } else if (Seq.Phase == 2) {
          Seq.Phase = 3;
          Seq.Restart = Call.Call;
        }
        break;
      case RoleKind::Joins:
        if (Seq.Phase == 1) {
          Seq.Phase = 2;
          Seq.Joining = Def;
          Seq.FirstJoin = Call.Call;
        } else if (Seq.Phase >= 2) {
          ContainerRejoin Rejoin{
              R.Join, Def, Seq.Starting, Caller, Seq.FirstStart, Seq.FirstJoin};
          Rejoin.Restart = Seq.Restart;
          Rejoin.SecondJoin = Call.Call;
          Report(Rejoin);
          Seq = Sequence();
        }
        break;
      }
    }
    return Objects;
  };

  llvm::DenseMap<const Stmt *, const Stmt *> LoopOfBody;
  forEachStmtIn(Caller->getBody(), Lambdas::Skip, [&](const Stmt *S) {
    if (isLoop(S))
      LoopOfBody[loopBody(S)] = S;
  });
  forEachStmtIn(Caller->getBody(), Lambdas::Skip, [&](const Stmt *S) {
    const auto *Block = llvm::dyn_cast<CompoundStmt>(S);
    if (!Block)
      return;
    llvm::SmallVector<const Stmt *, 16> Statements(Block->body());
    auto Last = Walk(Statements);
    // The body of a loop that starts and joins an object declared outside
    // it: the next iteration joins this one's threads again.
    const Stmt *Loop = LoopOfBody.lookup(Block);
    if (!Loop || llvm::any_of(Block->body(), [](const Stmt *Child) {
          return llvm::isa<BreakStmt, ReturnStmt, CXXThrowExpr>(Child);
        }))
      return;
    SourceRange LoopRange = Loop->getSourceRange();
    const SourceManager &SM = Caller->getASTContext().getSourceManager();
    for (const auto &[Object, Seq] : Last) {
      if (Seq.Phase < 2)
        continue;
      if (const auto *Var = llvm::dyn_cast<VarDecl>(Object))
        if (SM.isPointWithin(Var->getLocation(), LoopRange.getBegin(),
                             LoopRange.getEnd()))
          continue;
      const FunctionDecl *Def = Seq.Joining;
      ContainerRejoin Rejoin{roleOf(Def, 0).Join, Def,
                             Seq.Starting,        Caller,
                             Seq.FirstStart,      Seq.FirstJoin};
      Rejoin.Loop = Loop;
      Report(Rejoin);
    }
  });
}

llvm::SmallVector<ContainerRejoin, 1> ContainerRejoins::find() {
  llvm::SmallVector<ContainerRejoin, 1> Found;
  // Only a class with a function that adds threads and one that joins them
  // all without removing them pays for the walk of the translation unit.
  bool Starts = false, Joins = false;
  for (const MemberUse &M : Summary.Uses) {
    if (!M.In)
      continue;
    RoleKind Kind = roleOf(M.In, 0).Kind;
    Starts |= Kind == RoleKind::Starts;
    Joins |= Kind == RoleKind::Joins;
  }
  if (!Starts || !Joins)
    return Found;
  using namespace ast_matchers;
  ASTContext &Ctx = Member->getASTContext();
  auto Callers =
      match(functionDecl(isDefinition(),
                         hasDescendant(cxxMemberCallExpr(
                             callee(cxxMethodDecl(ofClass(equalsNode(RD)))))))
                .bind("caller"),
            Ctx);
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen;
  for (const BoundNodes &Bound : Callers) {
    const auto *Caller = Bound.getNodeAs<FunctionDecl>("caller");
    if (Caller->isDependentContext() || !Caller->hasBody() ||
        !Seen.insert(Caller).second)
      continue;
    findIn(Caller, Found);
  }
  return Found;
}

} // namespace clang::tidy::threads
