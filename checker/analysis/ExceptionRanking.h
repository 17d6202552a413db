//===--- ExceptionRanking.h - Which escaping exception to name first ------===//
//
// A finding names one exception type and counts the others ("2 more
// exception types may escape too"). On real code the type named first was
// often a resource failure that any thread start or allocation shares
// (std::system_error from a std::thread constructor), while the type worth
// fixing (a std::regex_error from a user's pattern) hid in the count. This
// is the one place that orders them:
//
// 1. what the code throws itself (a `throw` or a rethrow) and what a library
//    call throws because of the values it is given (std::out_of_range,
//    std::invalid_argument, std::regex_error, std::bad_variant_access, ...);
// 2. resource failures: a std::thread or std::jthread that cannot start
//    (std::system_error) and an allocation that fails (std::bad_alloc),
//    when a KnownThrowingFunctions entry is where they come from.
//
// Within each, a type that gets out only through some override of a virtual
// call (a test framework's XML reporter, when the call is the assertion's
// log) comes after one a direct path throws. Within a rank the analysis's order
// (the order of the code) stays.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_EXCEPTIONRANKING_H
#define THREAD_TIDY_EXCEPTIONRANKING_H

#include "analysis/ExceptionFlowAnalysis.h"

namespace clang::tidy::threads {

/// Whether \p E starts at a call that throws only when resources run out:
/// a thread start or an allocation, not the values the code passes.
bool isResourceFailure(const EscapingException &E);

/// Orders \p Set so that the most meaningful exception comes first (see the
/// file comment); stable within a rank.
void leadWithMostMeaningful(ExceptionSet &Set);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_EXCEPTIONRANKING_H
