//===--- ThreadEntryFunctions.h - Where threads start and what they run ---===//
//
// The exception checks care about what a thread runs, not about the thread
// object: a detached thread, one stored in a member or a container, and a
// joined local all run their entry function the same way. This finds every
// place a thread is launched (a construction of a thread type, `emplace` into
// a container of threads, `std::make_unique<std::thread>(f)`) and resolves
// the function it runs: a lambda, a function or function pointer constant, a
// member function with its object (`std::thread(&C::run, this)`), a functor's
// `operator()`, through `std::bind`, `std::ref` and `std::move`.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_THREADENTRYFUNCTIONS_H
#define THREAD_TIDY_THREADENTRYFUNCTIONS_H

#include "analysis/TrackedThreadTypes.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <optional>
#include <string>

namespace clang::tidy::threads {

struct ThreadLaunch {
  /// The construction, `emplace` call or `make_unique` call.
  const Expr *Site;
  /// The callable argument, as written.
  const Expr *Callable;
  /// The function the thread runs, or null when it cannot be resolved (a
  /// function pointer variable, a generic lambda, std::function).
  const FunctionDecl *Entry;
  /// For a handle API's create call (`pthread_create(&t, 0, run, arg)`):
  /// the argument its start routine gets, as written; null otherwise.
  const Expr *StartArgument = nullptr;
};

/// The construction of a thread from a callable outside system headers
/// (matches copies and moves too; threadLaunchFrom() sorts them out).
ast_matchers::internal::BindableMatcher<Stmt>
threadConstruction(const TrackedThreadTypes *Types);

/// Adds the matchers that find thread launches outside system headers; the
/// matches are turned into launches by threadLaunchFrom().
void registerThreadLaunchMatchers(ast_matchers::MatchFinder *Finder,
                                  ast_matchers::MatchFinder::MatchCallback *CB,
                                  const TrackedThreadTypes *Types);

/// The launch a match of registerThreadLaunchMatchers() stands for, if it is
/// one (not a copy or move of a thread, not a default construction).
std::optional<ThreadLaunch>
threadLaunchFrom(const ast_matchers::MatchFinder::MatchResult &Result,
                 const TrackedThreadTypes &Types);

/// The function that calling \p Callable runs, when the code shows it.
const FunctionDecl *resolveCallable(const Expr *Callable);

/// How diagnostics name an entry function: "the thread entry function 'run'" or
/// "the thread's entry lambda".
std::string describeEntry(const FunctionDecl *Entry);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_THREADENTRYFUNCTIONS_H
