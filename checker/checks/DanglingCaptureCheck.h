//===--- DanglingCaptureCheck.h - threads-dangling-capture ----------------===//

#ifndef THREAD_TIDY_DANGLINGCAPTURECHECK_H
#define THREAD_TIDY_DANGLINGCAPTURECHECK_H

#include "analysis/ThreadLifetimeAnalysis.h"
#include "checks/ThreadLaunchCheck.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>

namespace clang::tidy::threads {

/// Finds threads that may outlive the function that starts them (detached,
/// stored in a member or a global, returned) and that refer to the
/// function's local variables: captured by reference, passed through
/// std::ref, or by address; and member threads that the destructor detaches
/// while they use the object.
///
/// For the user-facing documentation see
/// docs/checks/threads-dangling-capture.md.
class DanglingCaptureCheck : public ThreadLaunchCheck {
public:
  DanglingCaptureCheck(StringRef Name, ClangTidyContext *Context);
  /// Every language: POSIX and C11 threads are C's too (CERT CON34-C).
  bool isLanguageVersionSupported(const LangOptions &) const override {
    return true;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;

private:
  void
  checkLaunch(const ThreadLaunch &Launch,
              const ast_matchers::MatchFinder::MatchResult &Result) override;
  /// A destructor that detaches a member's thread while it uses the object.
  void checkOwningMember(const FieldDecl *Member) override;
  /// A version 2 boost::thread member that destroying the object detaches
  /// while it uses the object (DestructorDetaches).
  void reportImplicitDetach(const FieldDecl *Member, ThreadOwnerKind Kind);
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;
  /// Whether a reference to \p Var may dangle once the function returns.
  bool diesWithFunction(const VarDecl *Var) const;
  /// The first exit (or second create) that leaves the thread of the
  /// handle API's create call \p Launch running on some path although
  /// other paths join it; null when every path joins, detaches or hands
  /// it over. Runs the lifetime dataflow once per function.
  const LifetimeEvent *handleLeftRunning(const ThreadLaunch &Launch,
                                         ASTContext &Ctx);
  void resetForTranslationUnit() override { HandleExits.clear(); }

  const bool AssumeParametersOutliveThreads;
  /// The lifetime events of each function analysed by handleLeftRunning.
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<LifetimeEvent, 4>>
      HandleExits;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_DANGLINGCAPTURECHECK_H
