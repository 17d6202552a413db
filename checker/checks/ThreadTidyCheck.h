//===--- ThreadTidyCheck.h - What every threads-* check shares ------------===//
//
// The base of every threads-* check. Template instantiations share their
// source, and matchers may reach one place several times, so each check
// reports a place once per translation unit: reportOnce remembers what was
// reported and forgets it when the next translation unit starts. The checks
// that run the lifetime dataflow get it set up here too.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_THREADTIDYCHECK_H
#define THREAD_TIDY_THREADTIDYCHECK_H

#include "analysis/ThreadLifetimeAnalysis.h"
#include "analysis/TrackedThreadTypes.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "utils/TemplateInstantiations.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>
#include <string>
#include <utility>

namespace clang::tidy::threads {

class ThreadTidyCheck : public ClangTidyCheck {
public:
  /// Forgets what was reported in the previous translation unit, then lets
  /// the check forget what it cached (resetForTranslationUnit).
  void onStartOfTranslationUnit() final;

protected:
  ThreadTidyCheck(StringRef Name, ClangTidyContext *Context);

  /// Whether the check may report at \p Loc: true the first time it asks
  /// in this translation unit, false afterwards and for an invalid
  /// location. \p About tells apart reports at one place about different
  /// things (the thread that a scope exit leaves joinable).
  bool reportOnce(SourceLocation Loc, SourceLocation About = {});

  /// After a finding in a template instantiation, notes the innermost
  /// instantiation around \p Within and where a caller requested it ("in
  /// instantiation of 'f<int>' requested here"), so that the user sees which
  /// caller to fix or suppress. Nothing outside templates.
  void noteInstantiation(const Decl *Within);
  void noteInstantiation(const Stmt *Within, ASTContext &Context);

  /// The index of \p Kind in the `%select{thread|thread owned by|threads
  /// in}` (and `%select{is|is|are}`) that name an owner of threads.
  static unsigned ownerKindSelect(ThreadOwnerKind Kind);

  /// Forgets what the check cached about the previous translation unit.
  virtual void resetForTranslationUnit() {}
  /// Makes the check forget what \p Types cached at the start of every
  /// translation unit (the bases that own the check's types call it).
  void forgetEachTranslationUnit(const TrackedThreadTypes &Types) {
    TypesToForget = &Types;
  }

  /// The lifetime dataflow for this check's \p Types (see
  /// ThreadLifetimeAnalysis' constructor). When clang-tidy profiles checks
  /// (--enable-check-profile), a function it leaves unanalysed is reported
  /// on stderr under the check's name.
  ThreadLifetimeAnalysis
  lifetimeAnalysis(const TrackedThreadTypes &Types,
                   ExceptionFlowAnalysis *Exceptions = nullptr,
                   bool AssumeOpaqueCallsThrow = false) const;

private:
  void noteRequested(const std::optional<TemplateInstantiation> &Instantiation);

  /// The check's name when clang-tidy profiles checks, else empty.
  const std::string ReportIncompleteAs;
  const TrackedThreadTypes *TypesToForget = nullptr;
  llvm::DenseSet<std::pair<SourceLocation::UIntTy, SourceLocation::UIntTy>>
      Reported;
  TemplateInstantiations Instantiations;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_THREADTIDYCHECK_H
