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
  if (Launch.Entry &&
      reportEscaping(Launch.Entry, Launch.Callable->getBeginLoc(),
                     launchesBoostThread(Launch)))
    noteInstantiation(Launch.Site, *Result.Context);
}

void ExceptionEscapeCheck::checkQThreadRun(const CXXMethodDecl *Run) {
  reportEscaping(Run, Run->getLocation(), /*FromBoostThread=*/false);
}

bool ExceptionEscapeCheck::reportEscaping(const FunctionDecl *Entry,
                                          SourceLocation Loc,
                                          bool FromBoostThread) {
  // A noexcept entry function declares that terminate is what it wants.
  ExceptionSet Escaping = Flow.escaping(Entry);
  // Boost's thread_proxy catches boost::thread_interrupted, and only it.
  if (FromBoostThread)
    llvm::erase_if(Escaping, [](const EscapingException &Escape) {
      return caughtByBoostThreadProxy(Escape.Type);
    });
  if (Escaping.empty() || !reportOnce(Loc))
    return false;
  const EscapingException &First = Escaping.front();
  diag(Loc, "exception '%0' may escape %1 and call std::terminate%select{|; "
            "%3 more exception type%s3 may escape too}2")
      << First.Type.Name << describeEntry(Entry)
      << (Escaping.size() > 1 ? 1 : 0)
      << static_cast<unsigned>(Escaping.size() - 1);
  notePathOf(*this, First);
  return true;
}

} // namespace clang::tidy::threads
