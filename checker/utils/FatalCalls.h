//===--- FatalCalls.h - Calls that end the program by their name ----------===//
//
// C code bases end a failing path with their own fatal function: a test
// suite's `TEST_FAIL(...)` (librdkafka's test_fail0 ends in assert(0) or
// thrd_exit), a server's `die(...)`, `fatal(...)`, `panic(...)`. Their
// definitions live in another translation unit and carry no noreturn
// attribute, so the CFG lets the path go on. A path that goes on past one
// is not a path the program takes: no thread can leak or be joined there.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_FATALCALLS_H
#define THREAD_TIDY_FATALCALLS_H

#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::threads {

/// Whether \p Call calls a function whose body is not visible and whose
/// name, or the name of the macro that writes the call, has a word that
/// says it does not come back: fail, fatal, die, abort, panic, bail, bug
/// (`test_fail0`, `TEST_FAIL`, `fatal_error`, `xdie`, `BUG_ON`). Words that
/// only check (`assert_true`, `CHECK`) do not count: they return when the
/// check holds.
bool isLikelyFatalCall(const CallExpr *Call, const SourceManager &SM,
                       const LangOptions &LangOpts);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_FATALCALLS_H
