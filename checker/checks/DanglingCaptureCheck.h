//===--- DanglingCaptureCheck.h - threads-dangling-capture ----------------===//

#ifndef THREAD_TIDY_DANGLINGCAPTURECHECK_H
#define THREAD_TIDY_DANGLINGCAPTURECHECK_H

#include "analysis/TrackedThreadTypes.h"
#include "checks/ThreadTidyCheck.h"

namespace clang::tidy::threads {

struct ThreadLaunch;

/// Finds threads that may outlive the function that starts them (detached,
/// stored in a member or a global, returned) and that refer to the
/// function's local variables: captured by reference, passed through
/// std::ref, or by address.
///
/// For the user-facing documentation see
/// docs/checks/threads-dangling-capture.md.
class DanglingCaptureCheck : public ThreadTidyCheck {
public:
  DanglingCaptureCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// Whether a reference to \p Var may dangle once the function returns.
  bool diesWithFunction(const VarDecl *Var) const;

  const std::string ThreadTypesOption;
  const TrackedThreadTypes Types;
  const bool AssumeParametersOutliveThreads;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_DANGLINGCAPTURECHECK_H
