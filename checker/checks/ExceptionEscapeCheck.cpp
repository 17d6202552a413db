//===--- ExceptionEscapeCheck.cpp - threads-exception-escape --------------===//

#include "checks/ExceptionEscapeCheck.h"
#include "analysis/BoostThreads.h"
#include "analysis/ExceptionPathNotes.h"
#include "analysis/ThreadEntryFunctions.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::threads {

ExceptionEscapeCheck::ExceptionEscapeCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : ThreadLaunchCheck(Name, Context), ExceptionOpts(*this, Name, Options),
      ReportThreadStartFailures(
          Options.get("ReportThreadStartFailures", false)),
      // A thread that cannot start fails on resource exhaustion only: on
      // real code, such findings were all noise unless asked for.
      Flow(ExceptionOpts, ReportThreadStartFailures
                              ? ThreadStartFailures::Counted
                              : ThreadStartFailures::NotCounted) {}

void ExceptionEscapeCheck::storeCheckOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ReportThreadStartFailures", ReportThreadStartFailures);
  ExceptionOpts.storeOptions(Options, Opts);
}

void ExceptionEscapeCheck::checkLaunch(const ThreadLaunch &Launch,
                                       const MatchFinder::MatchResult &Result) {
  if (!Launch.Entry)
    return;
  // A noexcept entry function declares that terminate is what it wants.
  ExceptionSet Escaping = Flow.escaping(Launch.Entry);
  if (launchesBoostThread(Launch))
    llvm::erase_if(Escaping, [](const EscapingException &Escape) {
      return caughtByBoostThreadProxy(Escape.Type);
    });
  if (Escaping.empty())
    return;
  SourceLocation Loc = Launch.Callable->getBeginLoc();
  if (!reportOnce(Loc))
    return;
  const EscapingException &First = Escaping.front();
  diag(Loc, "exception '%0' may escape %1 and call std::terminate%select{|; "
            "%3 more exception type%s3 may escape too}2")
      << First.Type.Name << describeEntry(Launch.Entry)
      << (Escaping.size() > 1 ? 1 : 0)
      << static_cast<unsigned>(Escaping.size() - 1);
  notePathOf(*this, First);
  noteInstantiation(Launch.Site, *Result.Context);
}

} // namespace clang::tidy::threads
