//===--- ThreadLaunchCheck.cpp --------------------------------------------===//

#include "checks/ThreadLaunchCheck.h"
#include "analysis/QtThreads.h"
#include "utils/AstMatchers.h"
#include "utils/ThreadTidyOptions.h"

using namespace clang::ast_matchers;

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
            ThreadApisOption, BoostThreadVersions::All) {
  forgetEachTranslationUnit(Types);
}

void ThreadLaunchCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ThreadTypes", ThreadTypesOption);
  Options.store(Opts, "ThreadApis", ThreadApisOption);
  storeCheckOptions(Opts);
}

void ThreadLaunchCheck::registerMatchers(ast_matchers::MatchFinder *Finder) {
  registerThreadLaunchMatchers(Finder, this, &Types);
  if (checksQThreadRuns() && Types.follows(ThreadApi::Qt))
    Finder->addMatcher(cxxMethodDecl(isOverridingDefinitionNamed("run"),
                                     unless(isExpansionInSystemHeader()))
                           .bind("qthread-run"),
                       this);
}

void ThreadLaunchCheck::check(
    const ast_matchers::MatchFinder::MatchResult &Result) {
  if (const auto *Member =
          Result.Nodes.getNodeAs<FieldDecl>(OwningMemberBinding)) {
    checkOwningMember(Member);
    return;
  }
  if (const auto *Run = Result.Nodes.getNodeAs<CXXMethodDecl>("qthread-run")) {
    if (isQThreadRunOverride(Run) && !Run->isDependentContext())
      checkQThreadRun(Run);
    return;
  }
  if (std::optional<ThreadLaunch> Launch = threadLaunchFrom(Result, Types))
    checkLaunch(*Launch, Result);
}

} // namespace clang::tidy::threads
