//===--- ExceptionPathNotes.cpp -------------------------------------------===//

#include "analysis/ExceptionPathNotes.h"
#include "utils/DeclNames.h"

namespace clang::tidy::threads {

void notePathOf(ClangTidyCheck &Check, const EscapingException &E,
                unsigned FirstStep) {
  for (const ThrowStep &Step : llvm::drop_begin(E.Path, FirstStep)) {
    switch (Step.Kind) {
    case ThrowStep::Call:
      Check.diag(Step.Loc, "call to '%0' may throw '%1'", DiagnosticIDs::Note)
          << calleeName(Step.Callee) << E.Type.Name;
      break;
    case ThrowStep::KnownThrower:
      Check.diag(Step.Loc,
                 "call to '%0' may throw '%1' (listed in "
                 "KnownThrowingFunctions)",
                 DiagnosticIDs::Note)
          << calleeName(Step.Callee) << E.Type.Name;
      break;
    case ThrowStep::OverrideCall:
      Check.diag(Step.Loc,
                 "this virtual call may run the override '%0', which may "
                 "throw '%1'",
                 DiagnosticIDs::Note)
          << calleeName(Step.Callee) << E.Type.Name;
      break;
    case ThrowStep::ErasedCall:
      if (!Step.Callee)
        Check.diag(Step.Loc,
                   "no visible code submits the task called here; it is "
                   "assumed to throw (AssumeUnknownTasksThrow)",
                   DiagnosticIDs::Note);
      else
        Check.diag(Step.Loc, "the task called here may throw '%0'",
                   DiagnosticIDs::Note)
            << E.Type.Name;
      break;
    case ThrowStep::Submitted:
      Check.diag(Step.Loc, "task submitted here", DiagnosticIDs::Note);
      break;
    case ThrowStep::Throw:
      Check.diag(Step.Loc, "'%0' is thrown here", DiagnosticIDs::Note)
          << E.Type.Name;
      break;
    case ThrowStep::Rethrow:
      Check.diag(Step.Loc, "'%0' is rethrown here", DiagnosticIDs::Note)
          << E.Type.Name;
      break;
    }
  }
}

} // namespace clang::tidy::threads
