//===--- LocalEndPaths.h - Paths from a start to a local's end ------------===//
//
// Some owners of a running thread must be stopped before they are
// destroyed: a QThread waited for, a boost::thread_group joined with
// join_all(). A path from a start to the owner's destruction with no stop
// on the way is the bug, whether it leaves the scope by a `return`, a
// `break` or an exception. This walks the paths of one function's CFG from
// a start and finds the first such end: the local's automatic destructor, a
// statement that ends it (`delete`), or a call or `throw` whose exception
// leaves the local's scope, with none of the stopping statements before it.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_LOCALENDPATHS_H
#define THREAD_TIDY_LOCALENDPATHS_H

#include "clang/AST/Decl.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <memory>
#include <vector>

namespace clang::tidy::threads {

/// The CFG of \p Fn that the searches walk: every statement an element,
/// implicit destructors in; null for an invalid function or one larger than
/// ThreadLifetimeAnalysis::MaxBlocks.
std::unique_ptr<CFG> buildLocalEndCfg(const FunctionDecl *Fn, ASTContext &Ctx);

/// One search, from starts of \p Local, for its first end that no stop
/// precedes.
class LocalEndSearch {
public:
  /// \p DestroyedAtScopeEnd: the local's own destructor ends it (not so for
  /// a raw pointer). With \p Unwinds, a statement for which it holds ends
  /// the local too: its exception destroys it.
  LocalEndSearch(const VarDecl *Local, bool DestroyedAtScopeEnd,
                 llvm::ArrayRef<const Stmt *> Stops,
                 llvm::ArrayRef<const Stmt *> Ends,
                 llvm::function_ref<bool(const Stmt *)> Unwinds = nullptr);

  /// The first end reached from \p Start, which is in \p Cfg; null when
  /// every path from it stops first.
  const Stmt *search(const CFG &Cfg, const Stmt *Start);

private:
  struct Step {
    const Stmt *End = nullptr;
    bool Stopped = false;
  };
  Step scan(const CFGBlock &Block, unsigned From) const;
  void pushSuccessors(const CFGBlock &Block,
                      llvm::SmallVectorImpl<const CFGBlock *> &Work);

  const VarDecl *Local;
  bool DestroyedAtScopeEnd;
  llvm::function_ref<bool(const Stmt *)> Unwinds;
  llvm::SmallPtrSet<const Stmt *, 8> Stops, Ends;
  std::vector<bool> Visited;
};

/// Which exceptions in a function leave the scope of one of its locals.
class LocalScopeExceptions {
public:
  LocalScopeExceptions(const FunctionDecl *Fn, const VarDecl *Local);
  /// Whether \p Local's declaration was found in the function's body.
  bool isValid() const { return Declaration != nullptr; }
  /// Whether \p Site is a call or a `throw`, and no try inside \p Local's
  /// scope encloses it: a handler there runs while the local lives, and may
  /// stop it (or rethrow after stopping it).
  bool leavesScope(const Stmt *Site) const;

private:
  ParentMap Parents;
  const DeclStmt *Declaration = nullptr;
  bool isWithin(const Stmt *S, const Stmt *Outer) const;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_LOCALENDPATHS_H
