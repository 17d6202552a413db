//===--- JthreadRewrite.h - Turning a std::thread into a std::jthread -----===//
//
// Two checks offer to replace a local `std::thread` by `std::jthread`:
// threads-unjoined-thread (a thread nobody joins) and threads-prefer-jthread
// (a thread joined at the end of its scope). Whether that replacement keeps
// the code's meaning, and how it is spelled, is decided here once.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_JTHREADREWRITE_H
#define THREAD_TIDY_JTHREADREWRITE_H

#include "clang/AST/Decl.h"
#include "clang/Basic/Diagnostic.h"
#include <optional>

namespace clang::tidy::threads {

/// Whether std::jthread would call \p Callable exactly as std::thread does:
/// jthread passes a std::stop_token to callables that accept one, so only a
/// non-generic lambda, or a function or member function whose first
/// parameter is not a stop_token, qualifies.
bool callableIgnoresStopToken(const Expr *Callable);

/// The replacement of the type of \p Thread, a local std::thread started at
/// its declaration, by std::jthread: only in C++20 with std::jthread
/// declared, when the type is spelled `std::thread` (not through a macro or
/// an alias; `auto t = std::thread(f)` is rewritten in the initializer), and
/// when the callable cannot take a stop_token.
std::optional<FixItHint> jthreadTypeFix(const VarDecl *Thread,
                                        const ASTContext &Ctx);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_JTHREADREWRITE_H
