//===--- NonThrowingLibraryCalls.h - Library calls that do not throw ------===//
//
// A function whose body is not visible, and that is not noexcept, may throw
// anything: that is what makes a task unproven. Two families of library
// calls are not declared noexcept yet report their failures otherwise, and
// real thread tasks call them all the time (a worker that logs with printf
// or std::cout): counting them as throwing made threads-unchecked-future
// report tasks that cannot lose an exception.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_NONTHROWINGLIBRARYCALLS_H
#define THREAD_TIDY_NONTHROWINGLIBRARYCALLS_H

#include "clang/AST/Decl.h"

namespace clang::tidy::threads {

/// Whether a call of \p Callee, a library function whose body is not
/// analysed, is assumed not to throw:
/// - a C function (C language linkage) that takes no function pointer:
///   C code cannot throw a C++ exception, unless it calls back into C++
///   code it is given (qsort's comparator);
/// - output to a standard stream (operator<<, put, write, flush, endl):
///   a stream reports a failure in its state and throws only when the
///   program asked it to with exceptions(), which it does not by default;
/// - std::this_thread's sleeps, yield and get_id, and std::chrono's
///   durations and time points.
bool libraryCallAssumedNotToThrow(const FunctionDecl *Callee);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_NONTHROWINGLIBRARYCALLS_H
