//===--- ThreadTidyCheck.cpp ----------------------------------------------===//

#include "checks/ThreadTidyCheck.h"

namespace clang::tidy::threads {

ThreadTidyCheck::ThreadTidyCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      ReportIncompleteAs(Context->getEnableProfiling() ? Name.str() : "") {}

void ThreadTidyCheck::onStartOfTranslationUnit() {
  Reported.clear();
  resetForTranslationUnit();
}

bool ThreadTidyCheck::reportOnce(SourceLocation Loc, SourceLocation About) {
  if (Loc.isInvalid())
    return false;
  return Reported.insert({Loc.getRawEncoding(), About.getRawEncoding()}).second;
}

unsigned ThreadTidyCheck::ownerKindSelect(ThreadOwnerKind Kind) {
  switch (Kind) {
  case ThreadOwnerKind::UniquePtr:
    return 1;
  case ThreadOwnerKind::Container:
    return 2;
  case ThreadOwnerKind::Thread:
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
