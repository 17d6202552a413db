//===--- ThreadHolders.cpp ------------------------------------------------===//

#include "analysis/ThreadHolders.h"
#include "analysis/ThreadStarts.h"
#include "analysis/ThreadUseClassifier.h"
#include "utils/AstUtils.h"
#include "clang/AST/ParentMap.h"

namespace clang::tidy::threads {

namespace {

/// The value the aggregate initializer \p Init of a holder gives to
/// \p Field: `Job j{std::thread(f), 1}`, `Job j = {...}`.
const Expr *fieldInitializer(const Expr *Init, const FieldDecl *Field) {
  const auto *List = llvm::dyn_cast_or_null<InitListExpr>(
      Init ? stripTemporaryWrappers(Init) : nullptr);
  if (!List)
    return nullptr;
  if (const InitListExpr *Semantic = List->getSemanticForm())
    List = Semantic;
  // The semantic form initializes the bases first, then each field.
  const auto *RD = llvm::cast<CXXRecordDecl>(Field->getParent());
  unsigned Index = RD->getNumBases() + Field->getFieldIndex();
  return Index < List->getNumInits() ? List->getInit(Index) : nullptr;
}

/// Whether \p E names the field \p Field of the object it initializes.
bool refersToField(const Expr *E, const FieldDecl *Field) {
  return E && anyStmtIn(E, [&](const Stmt *Node) {
           const auto *Member = llvm::dyn_cast<MemberExpr>(Node);
           return Member && Member->getMemberDecl() == Field;
         });
}

/// Whether the class's own initializers may hand \p Field to another member
/// (an RAII guard member `JoinGuard g{t};` that joins it when destroyed), or
/// a constructor whose body is not visible may.
bool initializersMayHandOver(const CXXRecordDecl *RD, const FieldDecl *Field) {
  for (const FieldDecl *Other : RD->fields())
    if (Other != Field && refersToField(Other->getInClassInitializer(), Field))
      return true;
  for (const CXXConstructorDecl *Ctor : RD->ctors()) {
    if (Ctor->isImplicit())
      continue;
    const FunctionDecl *Def = nullptr;
    if (!Ctor->hasBody(Def))
      return !Ctor->isDeleted() && !Ctor->isDefaulted();
    for (const CXXCtorInitializer *Init :
         llvm::cast<CXXConstructorDecl>(Def)->inits())
      if (Init->isWritten() && Init->getMember() != Field &&
          refersToField(Init->getInit(), Field))
        return true;
  }
  return false;
}

} // namespace

llvm::SmallVector<const FieldDecl *, 2>
publicThreadFields(const CXXRecordDecl *RD, const TrackedThreadTypes &Types) {
  llvm::SmallVector<const FieldDecl *, 2> Fields;
  if (!RD || !RD->hasDefinition())
    return Fields;
  RD = RD->getDefinition();
  if (RD->isLambda() || RD->isUnion() || RD->isDependentContext() ||
      RD->hasUserDeclaredDestructor() || Types.isThreadClass(RD))
    return Fields;
  for (const FieldDecl *Field : RD->fields())
    if (Field->getAccess() == AS_public &&
        Types.ownerKindOfValue(Field->getType()) == ThreadOwnerKind::Thread &&
        !initializersMayHandOver(RD, Field))
      Fields.push_back(Field);
  return Fields;
}

LocalUseSummary summarizeHeldThreadUses(const VarDecl *Holder,
                                        const FieldDecl *Field,
                                        const Stmt *Body,
                                        const TrackedThreadTypes &Types) {
  LocalUseSummary Summary;
  Summary.OnlyMemberCalls = false; // no fix-it: the thread is a field
  const Expr *FieldInit = fieldInitializer(Holder->getInit(), Field);
  Summary.StartedAtDeclaration =
      FieldInit && isStartedThreadExpr(FieldInit, Types);
  ParentMap Parents(const_cast<Stmt *>(Body));
  ThreadUseClassifier Classifier(Body, Types);
  forEachStmtIn(Body, Lambdas::Enter, [&](const Stmt *Node) {
    const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Node);
    if (!Ref || Ref->getDecl() != Holder)
      return;
    const Stmt *Child = nullptr;
    const auto *Member =
        llvm::dyn_cast_or_null<MemberExpr>(semanticParent(Parents, Ref, Child));
    ThreadUse Use{ThreadUseKind::Escape, Ref};
    if (Member && Member->getBase() == Child) {
      if (Member->getMemberDecl() == Field)
        Use = Classifier.classify(Member, ThreadOwnerKind::Thread);
      else if (llvm::isa<FieldDecl>(Member->getMemberDecl()))
        Use = {ThreadUseKind::Query, Member}; // another field: `j.id`
    }
    Summary.Uses.push_back(Use);
    if (Use.Kind == ThreadUseKind::Start && !Summary.FirstStart)
      Summary.FirstStart = Use.Site;
    Summary.JoinedOrHandedOver |= joinsOrHandsOver(Use);
  });
  return Summary;
}

} // namespace clang::tidy::threads
