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

/// Whether \p E gets out only through some override of a virtual call: a
/// path that the object's class may not take at all.
bool throughAnOverride(const EscapingException &E) {
  return llvm::any_of(E.Path, [](const ThrowStep &Step) {
    return Step.Kind == ThrowStep::OverrideCall;
  });
}

void leadWithMostMeaningful(ExceptionSet &Set) {
  auto Rank = [](const EscapingException &E) {
    return (isResourceFailure(E) ? 2 : 0) + (throughAnOverride(E) ? 1 : 0);
  };
  std::stable_sort(Set.begin(), Set.end(),
                   [&](const EscapingException &A, const EscapingException &B) {
                     return Rank(A) < Rank(B);
                   });
}

} // namespace clang::tidy::threads
