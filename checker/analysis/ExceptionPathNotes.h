//===--- ExceptionPathNotes.h - Explaining where an exception comes from --===//
//
// Every diagnostic about an exception shows its way from the code the
// diagnostic is about to the `throw`: one note per call it propagates
// through, then the throw itself. The notes are written here once, so that
// all checks word them alike.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_EXCEPTIONPATHNOTES_H
#define THREAD_TIDY_EXCEPTIONPATHNOTES_H

#include "analysis/ExceptionFlowAnalysis.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::threads {

/// Explains \p E with one note per step of its path from \p FirstStep on:
/// each call it propagates through, then where it is thrown (or which known
/// thrower raises it). A diagnostic already at the first call skips it.
void notePathOf(ClangTidyCheck &Check, const EscapingException &E,
                unsigned FirstStep = 0);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_EXCEPTIONPATHNOTES_H
