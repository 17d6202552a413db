//===--- BoostThreads.h - What Boost.Thread's classes do ------------------===//
//
// boost::thread looks like std::thread, but its destructor depends on the
// library's configuration: version 2 (the default) detaches a joinable
// thread, version 3 and later (or BOOST_THREAD_PROVIDES_THREAD_DESTRUCTOR_
// CALLS_TERMINATE_IF_JOINABLE) calls std::terminate. The translation unit's
// AST says which: the destructor is defined inline in the header, so its
// body is read instead of guessing from macros. join() and detach() of a
// thread that is not joinable do nothing (unless
// BOOST_THREAD_THROW_IF_PRECONDITION_NOT_SATISFIED), and the library's
// thread_proxy catches boost::thread_interrupted, nothing else.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_BOOSTTHREADS_H
#define THREAD_TIDY_BOOSTTHREADS_H

#include "analysis/ThreadApis.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang {
class ASTContext;
} // namespace clang

namespace clang::tidy::threads {

struct ExceptionType;
struct ThreadLaunch;
struct ThreadUse;

/// Whether \p RD is boost::thread.
bool isBoostThreadClass(const CXXRecordDecl *RD);

/// Whether \p RD is boost::thread_group.
bool isBoostThreadGroupClass(const CXXRecordDecl *RD);

/// The boost::thread that the boost::thread_group \p Group holds (the
/// pointee of add_thread's parameter), or null.
const CXXRecordDecl *threadClassOfGroup(const CXXRecordDecl *Group);

/// What a function does with one of its local boost::thread_groups.
struct ThreadGroupUses {
  /// The first create_thread() or add_thread(): a thread is started.
  const Expr *FirstStart = nullptr;
  /// The first join_all().
  const Expr *JoinAll = nullptr;
  /// Anything but its own create_thread(), add_thread(), join_all(),
  /// interrupt_all() and size(): passed on, its address taken,
  /// remove_thread(), which hands a thread over.
  bool HandedOver = false;
};

/// The uses of the local boost::thread_group \p Group in \p Body.
ThreadGroupUses summarizeThreadGroupUses(const VarDecl *Group,
                                         const Stmt *Body);

/// Whether the local boost::thread_group \p Group starts threads that are
/// never joined, in \p Body, and nothing else may join them: its destructor
/// deletes them while they run.
bool groupDestroysRunningThreads(const VarDecl *Group, const Stmt *Body);

/// A path on which a local boost::thread_group is destroyed, holding a
/// thread it started, before the join_all() that other paths reach.
struct GroupJoinSkip {
  /// The create_thread() or add_thread() the path starts from.
  const Expr *Start = nullptr;
  /// The `return`, `break`, `goto` or block that ends the group's scope;
  /// or, when ByException, the call or `throw` whose exception does.
  const Stmt *End = nullptr;
  /// A join_all() of the group (the first).
  const Expr *JoinAll = nullptr;
  bool ByException = false;
  explicit operator bool() const { return End != nullptr; }
  /// Where it ends: the statement, or the closing brace of the block.
  SourceLocation location() const;
};

/// The first path, in \p Fn, from a start of its local boost::thread_group
/// \p Group to the group's destructor with no join_all() on the way; only
/// for a group that some path joins and that nothing else may join (not
/// passed on, not used in a lambda). With \p MayThrow, when no scope exit
/// skips the join, a call or `throw` for which it holds, with no try inside
/// the group's scope around it, ends the path too; the thread classes' and
/// the group's own functions are not counted. With \p From, one of the
/// group's starts, only the paths from it.
GroupJoinSkip
findGroupJoinSkip(const FunctionDecl *Fn, const VarDecl *Group, ASTContext &Ctx,
                  llvm::function_ref<bool(const Stmt *)> MayThrow = nullptr,
                  const Stmt *From = nullptr);

/// Whether \p T is boost::thread::attributes (boost::thread_attributes),
/// which a boost::thread constructor takes before the callable.
bool isBoostThreadAttributes(QualType T);

/// Whether \p T is boost::thread or owns boost::threads (a container, C
/// array, smart pointer or optional of them).
bool ownsBoostThreads(QualType T);

/// What boost::thread's destructor does with a joinable thread in this
/// translation unit, read from its body: Terminates or Detaches. A body
/// that shows neither (not visible, or not Boost's) counts as Detaches,
/// version 2's default, which reports less.
UnjoinedEnd boostThreadEnd(const CXXRecordDecl *BoostThread);

/// Whether the local \p Thread is a boost::thread whose destructor detaches
/// (version 2) and that none of its \p Uses joins, detaches or hands over:
/// its thread runs on, unowned, once \p Thread goes out of scope.
bool boostThreadDetachedByDestructor(const VarDecl *Thread,
                                     llvm::ArrayRef<ThreadUse> Uses);

/// Whether \p Method is one of boost::thread's timed joins
/// (`try_join_for`, `try_join_until`, `timed_join`): they join only when
/// the thread ends in time, which the code tests at run time.
bool isBoostTimedJoin(const CXXMethodDecl *Method);

/// Whether \p Launch starts a boost::thread (constructed, emplaced into a
/// container of them, made by std::make_unique).
bool launchesBoostThread(const ThreadLaunch &Launch);

/// Whether Boost's thread_proxy, around every boost::thread's function,
/// catches \p Thrown: boost::thread_interrupted (and what derives from it).
bool caughtByBoostThreadProxy(const ExceptionType &Thrown);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_BOOSTTHREADS_H
