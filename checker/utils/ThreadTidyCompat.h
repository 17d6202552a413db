//===--- ThreadTidyCompat.h - Differences between supported LLVM majors ---===//
//
// thread-tidy builds from one source tree against LLVM 16, 19 and 22. Every
// API difference between those majors is absorbed here, so that the checks
// themselves contain no version conditionals.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_THREADTIDYCOMPAT_H
#define THREAD_TIDY_THREADTIDYCOMPAT_H

#include "clang-tidy/ClangTidyCheck.h"
#include "clang/AST/Decl.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/Version.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <utility>

#if CLANG_VERSION_MAJOR >= 22
// LLVM 22 moved the registry into ClangTidyModule.h and deprecated the old
// header (it emits a #warning).
#include "clang-tidy/ClangTidyModule.h"
#else
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

namespace clang::tidy::threads::compat {

/// Strips the sugar that records how a class name was qualified in source
/// (`std::thread` vs `thread`). Before LLVM 22 that was an ElaboratedTypeLoc
/// wrapping the RecordTypeLoc; LLVM 22 removed ElaboratedType and stores the
/// qualifier on the tag type itself.
inline TypeLoc stripQualifierSugar(TypeLoc TL) {
  TL = TL.getUnqualifiedLoc();
#if CLANG_VERSION_MAJOR < 22
  if (auto Elaborated = TL.getAs<ElaboratedTypeLoc>())
    return Elaborated.getNamedTypeLoc();
#endif
  return TL;
}

/// Asks \p Options for a LifetimeEnds element where any local's scope ends,
/// trivially destructible ones (a `pthread_t`) included, next to the
/// implicit destructors. Before LLVM 17 the CFG builder left trivially
/// destructible locals out of its scopes when it added implicit destructors,
/// unless it added scope elements too (which the analyses ignore).
inline void addLifetimeEndsOfAllLocals(CFG::BuildOptions &Options) {
  Options.AddLifetime = true;
#if CLANG_VERSION_MAJOR < 17
  Options.AddScopes = true;
#endif
}

/// FunctionDecl::isPure() was renamed isPureVirtual() in LLVM 18.
inline bool isPureVirtual(const FunctionDecl *FD) {
#if CLANG_VERSION_MAJOR >= 18
  return FD->isPureVirtual();
#else
  return FD->isPure();
#endif
}

/// Calls \p F when the returned object goes out of scope. LLVM 22 deprecates
/// llvm::make_scope_exit in favour of llvm::scope_exit's constructor, which
/// LLVM 16 and 19 only have as llvm::detail::scope_exit.
template <typename Callable> auto scopeExit(Callable &&F) {
#if CLANG_VERSION_MAJOR >= 22
  return llvm::scope_exit(std::forward<Callable>(F));
#else
  return llvm::make_scope_exit(std::forward<Callable>(F));
#endif
}

/// Reports a problem in the check's configuration. clang-tidy 16 crashes
/// (null diagnostics engine) on any configuration diagnostic issued while
/// --dump-config or --list-checks build the checks, so there the warning is
/// written to stderr in the same format instead.
inline void configurationWarning(const ClangTidyCheck &Check,
                                 const std::string &Message) {
#if CLANG_VERSION_MAJOR >= 17
  Check.configurationDiag("%0") << Message;
#else
  (void)Check;
  llvm::errs() << "warning: " << Message << " [clang-tidy-config]\n";
#endif
}

} // namespace clang::tidy::threads::compat

#endif // THREAD_TIDY_THREADTIDYCOMPAT_H
