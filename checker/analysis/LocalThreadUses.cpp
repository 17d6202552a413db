//===--- LocalThreadUses.cpp ----------------------------------------------===//

#include "analysis/LocalThreadUses.h"
#include "analysis/ThreadStarts.h"

namespace clang::tidy::threads {

const Stmt *bodyDeclaringOwner(const VarDecl *Local) {
  if (Local->isExceptionVariable() || Local->getType()->isReferenceType())
    return nullptr;
  const DeclContext *DC = Local->getParentFunctionOrMethod();
  if (!DC || DC->isDependentContext())
    return nullptr;
  return llvm::cast<Decl>(DC)->getBody();
}

LocalUseSummary summarizeLocalUses(const VarDecl *Owner, const Stmt *Body,
                                   ThreadOwnerKind Kind,
                                   const TrackedThreadTypes &Types) {
  LocalUseSummary Summary;
  Summary.StartedAtDeclaration =
      initializerStartsThread(Owner->getInit(), Kind, Types);
  ThreadUseClassifier(Body, Types).collectUses(Owner, Kind, Summary.Uses);
  for (const ThreadUse &Use : Summary.Uses) {
    switch (Use.Kind) {
    case ThreadUseKind::Join:
    case ThreadUseKind::Escape:
      Summary.JoinedOrHandedOver = true;
      break;
    case ThreadUseKind::Start:
      if (!Summary.FirstStart)
        Summary.FirstStart = Use.Site;
      Summary.OnlyMemberCalls = false;
      Summary.JoinedOrHandedOver |= Use.StartsDetached;
      break;
    case ThreadUseKind::Query:
      Summary.OnlyMemberCalls &= Use.IsMemberCallOnOwner;
      break;
    }
  }
  return Summary;
}

} // namespace clang::tidy::threads
