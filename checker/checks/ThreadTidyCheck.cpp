//===--- ThreadTidyCheck.cpp ----------------------------------------------===//

#include "checks/ThreadTidyCheck.h"

namespace clang::tidy::threads {

void ThreadTidyCheck::onStartOfTranslationUnit() {
  Reported.clear();
  resetForTranslationUnit();
}

bool ThreadTidyCheck::reportOnce(SourceLocation Loc, SourceLocation About) {
  if (Loc.isInvalid())
    return false;
  return Reported.insert({Loc.getRawEncoding(), About.getRawEncoding()}).second;
}

} // namespace clang::tidy::threads
