//===--- FieldHandleJoins.h - Joins of handles kept in fields and globals -===//
//
// C code keeps a thread's handle in the object the thread serves
// (`pthread_create(&ctx->tid, ...)`, `thrd_create(&mcluster->thread, ...)`)
// or in a global, and joins it in another function: the object's
// destroy/close function. A per-function view must stay quiet on those.
// Two shapes are still certain from the code in sight:
// - the create fails, and its failure branch calls the destroy function,
//   which joins the handle on every path: a join of a handle that names no
//   thread (the path from the failure to the join names the bug);
// - the thread's own start routine (or a function it hands the object to)
//   joins the handle it was created into: the thread waits for its own end.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_FIELDHANDLEJOINS_H
#define THREAD_TIDY_FIELDHANDLEJOINS_H

#include "analysis/HandleCreations.h"
#include "analysis/TrackedThreadTypes.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>
#include <tuple>

namespace clang::tidy::threads {

/// A handle that outlives the function that creates it: a field of the
/// object a variable names (`ctx->tid`, `pool.tid`), or a global handle.
struct StoredHandle {
  /// The variable naming the object (Field set), or the global handle.
  const VarDecl *Base = nullptr;
  /// The handle's field; null when Base is the handle.
  const FieldDecl *Field = nullptr;
  /// `Base->Field` rather than `Base.Field`.
  bool ThroughPointer = false;

  /// As the code spells it: `ctx->tid`, `g_tid`.
  std::string spelling() const;
  /// Whether \p E names this handle (through parentheses and casts).
  bool isNamedBy(const Expr *E) const;
  /// Whether \p E names Base (a local copied from it counts).
  bool baseIsNamedBy(const Expr *E) const;
};

/// The stored handle a create call writes: `&ctx->tid` where `ctx` is a
/// variable, or `&g_tid` of a global `pthread_t`; nullopt otherwise (local
/// handles and array elements are not stored handles).
std::optional<StoredHandle> storedHandleOf(const HandleCreation &Creation,
                                           const TrackedThreadTypes &Types);

/// Matches a create call of a followed handle API that writes a stored
/// handle (storedHandleOf).
AST_MATCHER_P(CallExpr, createsStoredHandle, const TrackedThreadTypes *,
              Types) {
  std::optional<HandleCreation> Creation = handleCreationOf(&Node);
  return Creation && Types->follows(Creation->Api->Api) &&
         storedHandleOf(*Creation, *Types);
}

/// The calls from a function down to a join or detach of a stored handle:
/// the first is in the function searched, the last is the join itself.
using JoinCallPath = llvm::SmallVector<const CallExpr *, 3>;

/// A join of a stored handle on a path where its create failed.
struct FailedCreationJoin {
  const CallExpr *Create;
  /// From the call in the creating function to the join.
  JoinCallPath Path;
};

/// A join of a stored handle that the thread it names reaches.
struct StoredHandleSelfJoin {
  /// The start routine.
  const FunctionDecl *Entry;
  /// From the call in the start routine to the join.
  JoinCallPath Path;
};

/// Finds joins of stored handles that cannot be right. Remembers what each
/// function called with a handle does, for the translation unit.
class FieldHandleJoins {
public:
  /// The joins reached from where \p Creation (in \p Fn) failed. Every
  /// path from the failure edge must reach one before the handle or its
  /// object is written again (or the program ends): a join under a test
  /// of a flag or of the handle is not certain, and is not reported.
  llvm::SmallVector<FailedCreationJoin, 1>
  joinsAfterFailure(const HandleCreation &Creation, const StoredHandle &Handle,
                    const FunctionDecl *Fn, ASTContext &Ctx);
  /// A join of the handle \p Creation writes in its start routine, or in a
  /// visible function (two calls deep) that it hands the object to, when
  /// the start routine gets the object as its argument (or the object is
  /// a global). Detaching oneself is legal; a function that compares
  /// thread ids (`pthread_equal`, `pthread_self() == h`) or writes the
  /// handle (it may join the new thread) is not followed.
  std::optional<StoredHandleSelfJoin> selfJoin(const HandleCreation &Creation,
                                               const StoredHandle &Handle);
  void reset() { Callees.clear(); }

private:
  friend class EveryPathJoinSearch;
  /// What a visible function does with a stored handle, on every path
  /// from its entry.
  struct CalleeEffect {
    enum { Nothing, Joins, Writes } Kind = Nothing;
    /// For Joins: from a call in the function to the join.
    JoinCallPath Path;
  };
  /// What \p Fn does with \p Handle (named through its parameter, or a
  /// global): joins it on every path, may write it, or neither. \p Depth
  /// counts the calls from the creating function.
  CalleeEffect calleeEffect(const FunctionDecl *Fn, const StoredHandle &Handle,
                            unsigned Depth, ASTContext &Ctx);
  /// Whether \p Fn may write \p Handle on some path: it assigns it, takes
  /// its address, or hands the object to code out of sight (or deeper
  /// than the calls followed) or to a function that may write it.
  bool mayWrite(const FunctionDecl *Fn, const StoredHandle &Handle,
                unsigned Depth, ASTContext &Ctx);

  llvm::DenseMap<
      std::tuple<const FunctionDecl *, const VarDecl *, const FieldDecl *>,
      CalleeEffect>
      Callees;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_FIELDHANDLEJOINS_H
