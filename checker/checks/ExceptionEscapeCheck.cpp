//===--- ExceptionEscapeCheck.cpp - threads-exception-escape --------------===//

#include "checks/ExceptionEscapeCheck.h"
#include "analysis/ExceptionPathNotes.h"
#include "analysis/ThreadEntryFunctions.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::threads {

ExceptionEscapeCheck::ExceptionEscapeCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : ThreadTidyCheck(Name, Context),
      ThreadTypesOption(launchThreadTypesOption(*this, Name, Options)),
      Types(ThreadTypesOption, TrackedThreadTypes::DefaultJoinMethods),
      ExceptionOpts(*this, Name, Options), Flow(ExceptionOpts) {}

void ExceptionEscapeCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ThreadTypes", ThreadTypesOption);
  ExceptionOpts.storeOptions(Options, Opts);
}

void ExceptionEscapeCheck::registerMatchers(MatchFinder *Finder) {
  registerThreadLaunchMatchers(Finder, this, &Types);
}

void ExceptionEscapeCheck::check(const MatchFinder::MatchResult &Result) {
  std::optional<ThreadLaunch> Launch = threadLaunchFrom(Result, Types);
  if (!Launch || !Launch->Entry)
    return;
  // A noexcept entry function declares that terminate is what it wants.
  ExceptionSet Escaping = Flow.escaping(Launch->Entry);
  if (Escaping.empty())
    return;
  SourceLocation Loc = Launch->Callable->getBeginLoc();
  if (!reportOnce(Loc))
    return;
  const EscapingException &First = Escaping.front();
  diag(Loc, "exception '%0' may escape %1 and call std::terminate%select{|; "
            "%3 more exception type%s3 may escape too}2")
      << First.Type.Name << describeEntry(Launch->Entry)
      << (Escaping.size() > 1 ? 1 : 0)
      << static_cast<unsigned>(Escaping.size() - 1);
  notePathOf(*this, First);
}

} // namespace clang::tidy::threads
