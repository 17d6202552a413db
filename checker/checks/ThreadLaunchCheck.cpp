//===--- ThreadLaunchCheck.cpp --------------------------------------------===//

#include "checks/ThreadLaunchCheck.h"
#include "utils/ThreadTidyOptions.h"

namespace clang::tidy::threads {

ThreadLaunchCheck::ThreadLaunchCheck(StringRef Name, ClangTidyContext *Context)
    : ThreadTidyCheck(Name, Context),
      ThreadTypesOption(validatedList(
          *this, Name, "ThreadTypes",
          Options.get("ThreadTypes", DefaultThreadTypes), DefaultThreadTypes,
          ListShape::QualifiedNames, /*AllowEmpty=*/false)),
      ThreadApisOption(
          TrackedThreadTypes::readThreadApisOption(*this, Name, Options)),
      Types(ThreadTypesOption, TrackedThreadTypes::DefaultJoinMethods,
            ThreadApisOption, BoostThreadVersions::All) {}

void ThreadLaunchCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ThreadTypes", ThreadTypesOption);
  Options.store(Opts, "ThreadApis", ThreadApisOption);
  storeCheckOptions(Opts);
}

void ThreadLaunchCheck::registerMatchers(ast_matchers::MatchFinder *Finder) {
  registerThreadLaunchMatchers(Finder, this, &Types);
}

void ThreadLaunchCheck::check(
    const ast_matchers::MatchFinder::MatchResult &Result) {
  if (const auto *Member =
          Result.Nodes.getNodeAs<FieldDecl>(OwningMemberBinding)) {
    checkOwningMember(Member);
    return;
  }
  if (std::optional<ThreadLaunch> Launch = threadLaunchFrom(Result, Types))
    checkLaunch(*Launch, Result);
}

} // namespace clang::tidy::threads
