//===--- SizeDerivedPositions.h - Positions computed from the size --------===//
//
// `s.substr(s.size() - k)`, `s.at(s.length() - 1)`, and
//
//   size_t old = log.contents().size();
//   log.encode("foo");                    // appends
//   part = log.contents().substr(old, 3);
//
// compute the position from a `size()` of the very string they index: the
// programmer reasoned about its length, and a guard that proves the
// arithmetic is rarely written (rocksdb's log tests). Such a call's throw is
// not counted; this is an assumption, documented with the checks. A
// position from anything else (`s.substr(i)` with an unrelated `i`) stays.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_SIZEDERIVEDPOSITIONS_H
#define THREAD_TIDY_SIZEDERIVEDPOSITIONS_H

#include "clang/AST/Expr.h"
#include "llvm/ADT/StringRef.h"

namespace clang::tidy::threads {

/// Whether \p Call, a call of the known thrower named \p Name (a string's
/// or string view's `substr`, `at` or `replace`), takes its position from a
/// `size()` or `length()` of the string it is called on: directly, or
/// through locals initialized from one. The string may be the result of
/// an argument-less member call (`x.contents()`), compared by the function
/// called and the object it is called on.
bool positionFromOwnSize(const Expr *Call, llvm::StringRef Name);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_SIZEDERIVEDPOSITIONS_H
