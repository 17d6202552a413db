//===--- RawThreadPointers.cpp --------------------------------------------===//

#include "analysis/RawThreadPointers.h"
#include "analysis/ThreadStarts.h"
#include "utils/AstUtils.h"
#include "utils/DeclNames.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::threads {

bool isRawThreadPointer(QualType T, const TrackedThreadTypes &Types) {
  return !T.isNull() && T->isPointerType() &&
         Types.isThreadType(T->getPointeeType());
}

bool RawThreadPointerUses::isNewStartedThread(const Expr *Value) const {
  const auto *New =
      llvm::dyn_cast_or_null<CXXNewExpr>(stripTemporaryWrappers(Value));
  return New && !New->isArray() &&
         constructsStartedThread(New->getConstructExpr(), Types);
}

void RawThreadPointerUses::noteStart(const Expr *Value) {
  if (!Uses.FirstStart && isNewStartedThread(Value))
    Uses.FirstStart = stripTemporaryWrappers(Value);
}

void RawThreadPointerUses::addInitializer(const Expr *Init) {
  if (Init)
    noteStart(Init);
}

void RawThreadPointerUses::addUsesIn(const Stmt *Root, const ValueDecl *Owner) {
  if (!Root)
    return;
  ParentMap Parents(const_cast<Stmt *>(Root));
  llvm::SmallVector<const Expr *, 8> Refs;
  findReferences(Root, Owner, Refs);
  for (const Expr *Ref : Refs)
    classify(Ref, Parents);
}

void RawThreadPointerUses::classify(const Expr *Ref, const ParentMap &Parents) {
  const Stmt *Child = nullptr;
  const Stmt *Parent = semanticParent(Parents, Ref, Child);
  if (!Parent)
    return;
  if (llvm::isa<CXXDeleteExpr>(Parent)) {
    Uses.Deletes.push_back(llvm::cast<CXXDeleteExpr>(Parent));
    return;
  }
  if (const auto *Member = llvm::dyn_cast<MemberExpr>(Parent)) {
    if (Member->isArrow() && Member->getBase() == Child)
      return classifyThreadAccess(Member, Parents);
  } else if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(Parent)) {
    if (Unary->getOpcode() == UO_Deref)
      return classifyThreadAccess(Unary, Parents);
    // `!p` tests the pointer; `&p`, `++p` and friends lose track of it.
    if (Unary->getOpcode() == UO_LNot)
      return;
  } else if (const auto *Binary = llvm::dyn_cast<BinaryOperator>(Parent)) {
    if (Binary->getOpcode() == BO_Assign && Binary->getLHS() == Child)
      return classifyAssignment(Binary->getRHS());
    // A comparison or a condition only tests the pointer.
    if (Binary->isComparisonOp() || Binary->isLogicalOp())
      return;
  } else if (const auto *Cond =
                 llvm::dyn_cast<AbstractConditionalOperator>(Parent)) {
    if (Cond->getCond() == Child)
      return;
  } else if (llvm::isa<IfStmt, WhileStmt, DoStmt, ForStmt>(Parent)) {
    return; // `if (p)`: a test of the pointer.
  }
  // Copied, stored, returned, passed, captured: another owner.
  Uses.Escapes = true;
}

void RawThreadPointerUses::classifyThreadAccess(const Expr *Access,
                                                const ParentMap &Parents) {
  const Stmt *Child = Access;
  const Stmt *Parent = Access;
  // `(*p).join()`: the member access is the deref's parent.
  if (!llvm::isa<MemberExpr>(Access)) {
    Parent = semanticParent(Parents, Access, Child);
    const auto *Member = llvm::dyn_cast_or_null<MemberExpr>(Parent);
    if (!Member || Member->getBase() != Child) {
      Uses.Escapes = true; // the thread itself is moved, passed, bound
      return;
    }
    Child = Member;
  }
  const Stmt *CallChild = nullptr;
  const auto *Call = llvm::dyn_cast_or_null<CXXMemberCallExpr>(
      semanticParent(Parents, Child, CallChild));
  if (!Call || Call->getCallee() != CallChild)
    return;
  if (Types.isJoinMethod(Call->getMethodDecl()))
    Uses.Joined = true;
  else if (identifierOf(Call->getMethodDecl()) == "swap")
    Uses.Escapes = true;
}

void RawThreadPointerUses::classifyAssignment(const Expr *Assigned) {
  if (isNewStartedThread(Assigned)) {
    noteStart(Assigned);
    return;
  }
  // `p = nullptr` after a delete forgets nothing; any other pointer may
  // belong to someone else.
  if (isNullPointerLiteral(Assigned))
    return;
  Uses.Escapes = true;
}

RawPointerUses rawPointerUsesOfLocal(const VarDecl *Owner, const Stmt *Body,
                                     const TrackedThreadTypes &Types) {
  RawThreadPointerUses Collector(Types);
  Collector.addInitializer(Owner->getInit());
  Collector.addUsesIn(Body, Owner);
  RawPointerUses Uses = Collector.uses();
  // A delete written before the first start deletes what the pointer held
  // before it (null, as a rule), not the thread.
  if (Uses.FirstStart) {
    SourceManager &SM = Owner->getASTContext().getSourceManager();
    llvm::erase_if(Uses.Deletes, [&](const CXXDeleteExpr *Delete) {
      return SM.isBeforeInTranslationUnit(Delete->getBeginLoc(),
                                          Uses.FirstStart->getBeginLoc());
    });
  }
  return Uses;
}

RawPointerUses
rawPointerUsesOfMember(const FieldDecl *Member,
                       llvm::ArrayRef<const FunctionDecl *> Functions,
                       const TrackedThreadTypes &Types) {
  RawThreadPointerUses Collector(Types);
  Collector.addInitializer(Member->getInClassInitializer());
  for (const FieldDecl *Other : Member->getParent()->fields())
    if (Other != Member)
      Collector.addUsesIn(Other->getInClassInitializer(), Member);
  for (const FunctionDecl *Fn : Functions) {
    if (const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(Fn))
      for (const CXXCtorInitializer *Init : Ctor->inits()) {
        if (!Init->isWritten())
          continue;
        if (Init->getMember() == Member)
          Collector.addInitializer(Init->getInit());
        else
          Collector.addUsesIn(Init->getInit(), Member);
      }
    Collector.addUsesIn(Fn->getBody(), Member);
  }
  return Collector.uses();
}

} // namespace clang::tidy::threads
