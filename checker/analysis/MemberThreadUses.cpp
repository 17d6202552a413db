//===--- MemberThreadUses.cpp ---------------------------------------------===//

#include "analysis/MemberThreadUses.h"
#include "analysis/ThreadEntryFunctions.h"
#include "analysis/ThreadStarts.h"
#include "utils/AstUtils.h"
#include "utils/ThreadTidyCompat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::threads {

const CXXRecordDecl *analyzableClassOf(const FieldDecl *Member) {
  const auto *RD = llvm::dyn_cast<CXXRecordDecl>(Member->getParent());
  if (!RD || RD->isLambda() || RD->isDependentContext() ||
      llvm::isa<ClassTemplateSpecializationDecl>(RD) ||
      RD->getTemplateInstantiationPattern())
    return nullptr;
  return RD;
}

bool onlyOwnCodeReaches(const FieldDecl *Member) {
  const auto *RD = llvm::dyn_cast<CXXRecordDecl>(Member->getParent());
  return RD && Member->getAccess() == AS_private && RD->friends().empty();
}

bool collectVisibleMemberFunctions(
    const CXXRecordDecl *RD, llvm::SmallVectorImpl<const FunctionDecl *> &Fns) {
  for (const Decl *D : RD->decls()) {
    if (const auto *Nested = llvm::dyn_cast<CXXRecordDecl>(D)) {
      if (Nested->isThisDeclarationADefinition() &&
          !collectVisibleMemberFunctions(Nested, Fns))
        return false;
      continue;
    }
    const FunctionDecl *Fn = nullptr;
    if (const auto *Template = llvm::dyn_cast<FunctionTemplateDecl>(D))
      Fn = Template->getTemplatedDecl();
    else
      Fn = llvm::dyn_cast<FunctionDecl>(D);
    if (!Fn || Fn->isImplicit() || Fn->isDeleted() || Fn->isDefaulted() ||
        compat::isPureVirtual(Fn))
      continue;
    if (const FunctionDecl *Def = visibleDefinition(Fn)) {
      Fns.push_back(Def);
      continue;
    }
    // The pre-C++11 "non-copyable" idiom declares copy operations without
    // defining them; they cannot join anything.
    const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Fn);
    if (Method && (Method->isCopyAssignmentOperator() ||
                   Method->isMoveAssignmentOperator()))
      continue;
    if (const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(Fn))
      if (Ctor->isCopyOrMoveConstructor())
        continue;
    return false;
  }
  return true;
}

MemberUseSummary
summarizeMemberUses(const FieldDecl *Member, ThreadOwnerKind Kind,
                    llvm::ArrayRef<const FunctionDecl *> Functions,
                    const TrackedThreadTypes &Types) {
  MemberUseSummary Summary;
  auto NoteStart = [&](const Expr *Init) {
    if (!Summary.FirstStart && initializerStartsThread(Init, Kind, Types))
      Summary.FirstStart = Init;
  };
  auto CollectIn = [&](const Stmt *Root, const FunctionDecl *In) {
    if (!Root)
      return;
    llvm::SmallVector<ThreadUse, 4> Uses;
    ThreadUseClassifier(Root, Types).collectUses(Member, Kind, Uses);
    for (const ThreadUse &Use : Uses) {
      if (Use.Kind == ThreadUseKind::Start && !Summary.FirstStart)
        Summary.FirstStart = Use.Site;
      Summary.Uses.push_back({Use, In});
    }
  };

  if (const Expr *Init = Member->getInClassInitializer())
    NoteStart(Init);
  for (const FieldDecl *Other : Member->getParent()->fields())
    if (Other != Member)
      CollectIn(Other->getInClassInitializer(), nullptr);
  for (const FunctionDecl *Fn : Functions) {
    if (const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(Fn)) {
      for (const CXXCtorInitializer *Init : Ctor->inits()) {
        if (!Init->isWritten())
          continue;
        if (Init->getMember() == Member)
          NoteStart(Init->getInit());
        else
          CollectIn(Init->getInit(), Fn);
      }
    }
    CollectIn(Fn->getBody(), Fn);
  }
  return Summary;
}

llvm::SmallVector<MemberThreadStart, 2>
startsWithVisibleEntry(const MemberUseSummary &Summary, ThreadOwnerKind Kind,
                       const TrackedThreadTypes &Types) {
  llvm::SmallVector<const Stmt *, 2> Sites;
  if (Summary.FirstStart)
    Sites.push_back(Summary.FirstStart);
  for (const MemberUse &M : Summary.Uses)
    if (M.Use.Kind == ThreadUseKind::Start && M.Use.Site != Summary.FirstStart)
      Sites.push_back(M.Use.Site);
  llvm::SmallVector<MemberThreadStart, 2> Starts;
  for (const Stmt *Site : Sites)
    if (const FunctionDecl *Entry = visibleDefinition(
            resolveCallable(startedCallable(Site, Kind, Types))))
      Starts.push_back({Site, Entry});
  return Starts;
}

bool joinedBeforeEveryStarterReturns(const FieldDecl *Member,
                                     ThreadOwnerKind Kind,
                                     const MemberUseSummary &Summary,
                                     ThreadLifetimeAnalysis &Lifetimes) {
  llvm::SmallPtrSet<const FunctionDecl *, 4> Starters;
  bool FirstStartIsAUse = false;
  for (const MemberUse &M : Summary.Uses) {
    if (M.Use.Kind != ThreadUseKind::Start)
      continue;
    if (!M.In)
      return false;
    FirstStartIsAUse |= M.Use.Site == Summary.FirstStart;
    Starters.insert(M.In);
  }
  if (!FirstStartIsAUse)
    return false;
  ASTContext &Ctx = Member->getASTContext();
  return llvm::all_of(Starters, [&](const FunctionDecl *Fn) {
    return Lifetimes.joinsMemberBeforeReturning(Fn, Member, Kind, Ctx);
  });
}

} // namespace clang::tidy::threads
