//===--- ThreadLifetimeCheck.h - The base of the joinability checks -------===//
//
// threads-invalid-join and threads-joinable-at-exit look at the same
// places: every function that declares a local thread, through the lifetime
// dataflow (each function analysed once), and the thread members of
// classes. They share the `ThreadTypes` and `JoinMethods` options
// (TrackedThreadTypes), the matchers and the dispatch to checkFunction and
// checkMember.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_THREADLIFETIMECHECK_H
#define THREAD_TIDY_THREADLIFETIMECHECK_H

#include "analysis/TrackedThreadTypes.h"
#include "checks/ThreadTidyCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::threads {

class ThreadLifetimeCheck : public ThreadTidyCheck {
public:
  /// Stores ThreadTypes and JoinMethods, then the check's own options
  /// (storeCheckOptions).
  void storeOptions(ClangTidyOptions::OptionMap &Opts) final;
  /// Matches local threads (the function declaring them is analysed) and
  /// the members membersToCheck() asks for. Matching starts at declarations,
  /// so only functions that declare a thread pay for a CFG.
  void registerMatchers(ast_matchers::MatchFinder *Finder) final;
  /// Calls checkFunction once per function, checkMember per member.
  void check(const ast_matchers::MatchFinder::MatchResult &Result) final;

protected:
  ThreadLifetimeCheck(StringRef Name, ClangTidyContext *Context);

  /// Which data members checkMember is called for.
  enum class MemberKind {
    None,     ///< None.
    Thread,   ///< Members that are threads.
    AnyOwner, ///< Members that own threads: threads, containers, pointers.
  };
  virtual MemberKind membersToCheck() const = 0;
  /// Whether functions that declare a local container or optional of
  /// threads (and no thread) are analysed too; see
  /// ThreadLifetimeAnalysis::trackContainers.
  virtual bool checksLocalContainers() const { return false; }
  /// Checks a function that declares a local thread (not a template).
  virtual void checkFunction(const FunctionDecl *Fn, ASTContext &Ctx) = 0;
  virtual void checkMember(const FieldDecl *Member) = 0;
  /// Whether checkConstructor is called for every constructor definition
  /// outside system headers.
  virtual bool checksConstructors() const { return false; }
  virtual void checkConstructor(const CXXConstructorDecl *Ctor) {}
  /// Whether checkHandleSelfJoin is called for every join of a handle API
  /// whose handle is the calling thread's own (`pthread_self()`).
  virtual bool checksHandleSelfJoins() const { return false; }
  virtual void checkHandleSelfJoin(const CallExpr *Join) {}
  /// Whether checkStoredHandleCreation is called for every create call
  /// that writes a handle kept in a struct field or a global
  /// (`pthread_create(&ctx->tid, ...)`, FieldHandleJoins).
  virtual bool checksStoredHandleCreations() const { return false; }
  virtual void checkStoredHandleCreation(const CallExpr *Create,
                                         ASTContext &Ctx) {}
  /// Checks a local that holds a QThread (QtThreads), when the `ThreadApis`
  /// option follows Qt.
  virtual void checkQtLocal(const VarDecl *Thread, ASTContext &Ctx) {}
  /// Whether checkBoostGroupLocal is called for every local
  /// boost::thread_group, when the `ThreadApis` option follows Boost.
  virtual bool checksBoostGroups() const { return false; }
  virtual void checkBoostGroupLocal(const VarDecl *Group, ASTContext &Ctx) {}
  /// Stores the options of the check beyond the thread types.
  virtual void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) {}
  /// Forgets the functions analysed so far; a check that overrides it calls
  /// it too.
  void resetForTranslationUnit() override { Analyzed.clear(); }

  /// The note that ends a diagnostic about a local thread.
  void noteThreadDeclaration(const VarDecl *Thread);

  const TrackedThreadTypes Types;

private:
  llvm::DenseSet<const FunctionDecl *> Analyzed;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_THREADLIFETIMECHECK_H
