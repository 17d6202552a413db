//===--- ExceptionRanking.cpp ---------------------------------------------===//

#include "analysis/ExceptionRanking.h"
#include "analysis/ThrowGuards.h"
#include <algorithm>

namespace clang::tidy::threads {

namespace {

bool isAllocationFailure(llvm::StringRef TypeName) {
  return TypeName == "std::bad_alloc" ||
         TypeName == "std::bad_array_new_length";
}

} // namespace

bool isResourceFailure(const EscapingException &E) {
  if (E.Path.empty())
    return false;
  const ThrowStep &Site = E.Path.back();
  if (Site.Kind != ThrowStep::KnownThrower)
    return false; // a `throw` the code wrote is meant
  return startsStandardThread(Site.Callee) || isAllocationFailure(E.Type.Name);
}

void leadWithMostMeaningful(ExceptionSet &Set) {
  std::stable_sort(Set.begin(), Set.end(),
                   [](const EscapingException &A, const EscapingException &B) {
                     return !isResourceFailure(A) && isResourceFailure(B);
                   });
}

} // namespace clang::tidy::threads
