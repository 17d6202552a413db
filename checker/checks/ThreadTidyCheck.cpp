//===--- ThreadTidyCheck.cpp ----------------------------------------------===//

#include "checks/ThreadTidyCheck.h"

namespace clang::tidy::threads {

ThreadTidyCheck::ThreadTidyCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      ReportIncompleteAs(Context->getEnableProfiling() ? Name.str() : "") {}

void ThreadTidyCheck::onStartOfTranslationUnit() {
  Reported.clear();
  Instantiations.clear();
  if (TypesToForget)
    TypesToForget->forgetTranslationUnit();
  resetForTranslationUnit();
}

bool ThreadTidyCheck::reportOnce(SourceLocation Loc, SourceLocation About) {
  if (Loc.isInvalid())
    return false;
  return Reported.insert({Loc.getRawEncoding(), About.getRawEncoding()}).second;
}

void ThreadTidyCheck::noteInstantiation(const Decl *Within) {
  noteRequested(TemplateInstantiations::around(Within));
}

void ThreadTidyCheck::noteInstantiation(const Stmt *Within,
                                        ASTContext &Context) {
  noteRequested(Instantiations.around(Within, Context));
}

void ThreadTidyCheck::noteRequested(
    const std::optional<TemplateInstantiation> &Instantiation) {
  if (Instantiation)
    diag(Instantiation->PointOfInstantiation,
         "in instantiation of '%0' requested here", DiagnosticIDs::Note)
        << Instantiation->Name;
}

unsigned ThreadTidyCheck::ownerKindSelect(ThreadOwnerKind Kind) {
  switch (Kind) {
  case ThreadOwnerKind::UniquePtr:
  case ThreadOwnerKind::Optional:
  case ThreadOwnerKind::SharedPtr:
    return 1;
  case ThreadOwnerKind::Container:
  case ThreadOwnerKind::HandleArray:
    return 2;
  case ThreadOwnerKind::Thread:
  case ThreadOwnerKind::Handle:
  case ThreadOwnerKind::None:
    return 0;
  }
  return 0;
}

ThreadLifetimeAnalysis
ThreadTidyCheck::lifetimeAnalysis(const TrackedThreadTypes &Types,
                                  ExceptionFlowAnalysis *Exceptions,
                                  bool AssumeOpaqueCallsThrow) const {
  return ThreadLifetimeAnalysis(Types, Exceptions, AssumeOpaqueCallsThrow,
                                ReportIncompleteAs);
}

} // namespace clang::tidy::threads
