//===--- TestAssertionExits.cpp -------------------------------------------===//

#include "utils/TestAssertionExits.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>

namespace clang::tidy::threads {

void TestAssertionExits::take(
    llvm::ArrayRef<LifetimeEvent> Events,
    llvm::SmallVectorImpl<const LifetimeEvent *> &Others) {
  // First the expansions that are assertions (or non-fatal checks), then
  // every exit the macros of such an expansion wrote.
  llvm::SmallVector<std::optional<MacroExpansion>, 8> Expansions;
  llvm::DenseSet<SourceLocation::UIntTy> Assertions;
  llvm::DenseSet<SourceLocation::UIntTy> NonFatalChecks;
  for (const LifetimeEvent &Event : Events) {
    std::optional<MacroExpansion> &Expansion =
        Expansions.emplace_back(expansionOf(Event));
    if (Expansion && Expansion->IsTestAssertion)
      Assertions.insert(Expansion->Loc.getRawEncoding());
    else if (Expansion && Expansion->IsNonFatalCheck)
      NonFatalChecks.insert(Expansion->Loc.getRawEncoding());
  }
  for (auto [Event, Expansion] : llvm::zip(Events, Expansions)) {
    SourceLocation::UIntTy Loc =
        Expansion ? Expansion->Loc.getRawEncoding() : 0;
    if (Expansion && Assertions.count(Loc))
      keep(Event, *Expansion);
    else if (!Expansion || !NonFatalChecks.count(Loc))
      Others.push_back(&Event);
  }
}

void TestAssertionExits::report(
    ClangTidyCheck &Check, llvm::function_ref<bool(const VarDecl *)> FirstTime,
    llvm::function_ref<void(const VarDecl *)> AfterReport) {
  for (ThreadExits &Thread : Threads)
    if (FirstTime(Thread.Thread)) {
      reportThread(Check, Thread);
      AfterReport(Thread.Thread);
    }
  Threads.clear();
}

TestAssertionExits::Leaves TestAssertionExits::howItLeaves(const Stmt *Site) {
  if (llvm::isa<ReturnStmt>(Site))
    return Leaves::Returns;
  if (llvm::isa<CXXThrowExpr>(Site))
    return Leaves::Throws;
  return Leaves::MayThrow;
}

std::optional<MacroExpansion>
TestAssertionExits::expansionOf(const LifetimeEvent &Event) const {
  bool IsExit = Event.Kind == LifetimeEvent::ExceptionExit ||
                (Event.Kind == LifetimeEvent::ScopeExit &&
                 llvm::isa<ReturnStmt>(Event.Site));
  if (!IsExit)
    return std::nullopt;
  return Macros.expansionOf(Event.Site, Ctx.getSourceManager(),
                            Ctx.getLangOpts());
}

void TestAssertionExits::keep(const LifetimeEvent &Event,
                              const MacroExpansion &Assertion) {
  ThreadExits &Thread = exitsOf(Event.Thread);
  Thread.Certain |= !Event.OnlyOnSomePaths;
  addExit(Thread, Assertion, howItLeaves(Event.Site));
}

TestAssertionExits::ThreadExits &
TestAssertionExits::exitsOf(const VarDecl *Thread) {
  for (ThreadExits &Known : Threads)
    if (Known.Thread == Thread)
      return Known;
  bool IsContainer =
      Types.ownerKind(Thread->getType()) == ThreadOwnerKind::Container;
  Threads.push_back({Thread, IsContainer});
  return Threads.back();
}

void TestAssertionExits::addExit(ThreadExits &Thread,
                                 const MacroExpansion &Assertion, Leaves How) {
  // One assertion may leave in several places (gtest's fatal failure
  // builds its message with calls, then returns): one note, the surest.
  for (AssertionExit &Known : Thread.Exits)
    if (Known.Assertion.Loc == Assertion.Loc) {
      Known.How = std::min(Known.How, How);
      return;
    }
  Thread.Exits.push_back({Assertion, How});
}

void TestAssertionExits::reportThread(ClangTidyCheck &Check,
                                      ThreadExits &Thread) const {
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::sort(Thread.Exits, [&](const AssertionExit &A, const AssertionExit &B) {
    return SM.isBeforeInTranslationUnit(A.Assertion.Loc, B.Assertion.Loc);
  });
  unsigned Subject = (Thread.IsContainer ? 2 : 0) + (Thread.Certain ? 0 : 1);
  Check.diag(Thread.Thread->getLocation(),
             "%select{thread '%0' is still|thread '%0' may still be|threads "
             "in '%0' are still|threads in '%0' may still be}1 joinable at "
             "%2 test assertion%s2; a failing assertion between "
             "%select{its|its|their|their}1 start and "
             "%select{its|its|their|their}1 join aborts the test binary "
             "with std::terminate")
      << Thread.Thread->getName() << Subject
      << static_cast<unsigned>(Thread.Exits.size());
  noteAssertions(Check, Thread.Exits);
}

void TestAssertionExits::noteAssertions(
    ClangTidyCheck &Check, llvm::ArrayRef<AssertionExit> Exits) const {
  // Counting one assertion would take a note as well as naming it.
  size_t Noted = Exits.size() <= MaxNotedAssertions + 1 ? Exits.size()
                                                        : MaxNotedAssertions;
  for (const AssertionExit &Exit : Exits.take_front(Noted))
    Check.diag(Exit.Assertion.Loc,
               "'%0' %select{returns|throws|may throw}1 here when it fails",
               DiagnosticIDs::Note)
        << Exit.Assertion.Macro << static_cast<unsigned>(Exit.How);
  if (Noted < Exits.size())
    Check.diag(Exits[Noted].Assertion.Loc,
               "and %0 more test assertions from here on", DiagnosticIDs::Note)
        << static_cast<unsigned>(Exits.size() - Noted);
}

} // namespace clang::tidy::threads
