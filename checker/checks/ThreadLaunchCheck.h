//===--- ThreadLaunchCheck.h - The base of the checks on what threads run -===//
//
// threads-exception-escape, threads-swallowed-exception and
// threads-dangling-capture care about what a thread runs, not about the
// thread object: they look at every place a thread is launched
// (ThreadEntryFunctions). They share the `ThreadTypes` option, whose default
// includes std::jthread (it joins itself, but an exception leaving its entry
// function terminates just the same), and the launch matchers.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_THREADLAUNCHCHECK_H
#define THREAD_TIDY_THREADLAUNCHCHECK_H

#include "analysis/ThreadEntryFunctions.h"
#include "analysis/TrackedThreadTypes.h"
#include "checks/ThreadTidyCheck.h"
#include <string>

namespace clang::tidy::threads {

class ThreadLaunchCheck : public ThreadTidyCheck {
public:
  static constexpr llvm::StringLiteral DefaultThreadTypes =
      "::std::thread;::std::jthread";

  /// Stores ThreadTypes, then the check's own options (storeCheckOptions).
  void storeOptions(ClangTidyOptions::OptionMap &Opts) final;
  /// Registers the launch matchers; a check that matches more calls this.
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  /// Hands each launch the matchers found to checkLaunch.
  void check(const ast_matchers::MatchFinder::MatchResult &Result) final;

protected:
  ThreadLaunchCheck(StringRef Name, ClangTidyContext *Context);

  /// Checks one launch; \p Result holds what the check's own matchers bound.
  virtual void
  checkLaunch(const ThreadLaunch &Launch,
              const ast_matchers::MatchFinder::MatchResult &Result) = 0;
  /// Checks a data member that owns threads, for a check whose matchers bind
  /// one as OwningMemberBinding.
  virtual void checkOwningMember(const FieldDecl *Member) {}
  /// Checks the run() of a QThread subclass, the function its thread runs,
  /// for a check that asks for them (checksQThreadRuns).
  virtual bool checksQThreadRuns() const { return false; }
  virtual void checkQThreadRun(const CXXMethodDecl *Run) {}
  static constexpr llvm::StringLiteral OwningMemberBinding = "owning-member";

  /// Stores the options of the check beyond ThreadTypes.
  virtual void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) {}

  /// The `ThreadTypes` option, validated; launches of these types count.
  const std::string ThreadTypesOption;
  /// The `ThreadApis` option, validated: the API families followed.
  const std::string ThreadApisOption;
  const TrackedThreadTypes Types;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_THREADLAUNCHCHECK_H
