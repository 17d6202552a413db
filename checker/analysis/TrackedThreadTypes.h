//===--- TrackedThreadTypes.h - Which objects own a joinable thread -------===//
//
// Every thread-tidy check asks the same questions about a type: is it a
// thread whose destructor terminates while joinable (the `ThreadTypes`
// option), or something that owns such threads (a standard container or a C
// array of them,
// a std::unique_ptr to one, a std::optional of one, a std::shared_ptr to one
// that nothing copies)? And is a member call one of the `JoinMethods`? The
// answers live here once, so that all checks agree on them.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_TRACKEDTHREADTYPES_H
#define THREAD_TIDY_TRACKEDTHREADTYPES_H

#include "analysis/ThreadApis.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang::tidy::threads {

/// How an object relates to the threads it owns.
enum class ThreadOwnerKind {
  None,   ///< Owns no tracked thread.
  Thread, ///< Is a tracked thread (or a class derived from one).
  /// A standard sequence container whose elements are threads, or a C array
  /// of threads.
  Container,
  UniquePtr, ///< A std::unique_ptr owning one thread.
  Optional,  ///< A std::optional that may hold one thread.
  /// A std::shared_ptr to one thread: its last owner destroys it. A copy of
  /// the owner is another owner (ThreadUseClassifier: an escape).
  SharedPtr,
  /// A handle of a handle API (`pthread_t`, `thrd_t`; see ThreadApis): a
  /// value that names a thread, created and joined by plain functions. Any
  /// copy may join it; its thread leaks when no copy does.
  Handle,
  /// A C array of handles.
  HandleArray,
};

/// Whether \p Kind is a handle or an array of them.
inline bool isHandleKind(ThreadOwnerKind Kind) {
  return Kind == ThreadOwnerKind::Handle ||
         Kind == ThreadOwnerKind::HandleArray;
}

/// Whether an owner of \p Kind holds at most one thread, reached through
/// `->` and `*` (see SingleThreadOwners).
inline bool holdsOneThread(ThreadOwnerKind Kind) {
  return Kind == ThreadOwnerKind::UniquePtr ||
         Kind == ThreadOwnerKind::Optional ||
         Kind == ThreadOwnerKind::SharedPtr;
}

/// Which boost::threads a check follows (with the `boost` API family): a
/// lifetime check only those whose destructor terminates (version 3 and
/// later), a launch check all of them (an exception that escapes a
/// boost::thread's function terminates in every version).
enum class BoostThreadVersions { Terminating, All };

/// The configured notion of "thread": which class types terminate the program
/// when destroyed while joinable, and which member functions end joinability.
class TrackedThreadTypes {
public:
  static constexpr llvm::StringLiteral DefaultThreadTypes = "::std::thread";
  static constexpr llvm::StringLiteral DefaultJoinMethods = "join;detach";

  TrackedThreadTypes(
      llvm::StringRef ThreadTypes, llvm::StringRef JoinMethods,
      llvm::StringRef ThreadApis = ThreadApiSelection::Default,
      BoostThreadVersions Boost = BoostThreadVersions::Terminating);
  /// Reads the shared `ThreadTypes`, `JoinMethods` and `ThreadApis`
  /// options of the check \p Check (named \p CheckName), reporting invalid
  /// entries.
  TrackedThreadTypes(const ClangTidyCheck &Check, llvm::StringRef CheckName,
                     const ClangTidyCheck::OptionsView &Options);
  /// The `ThreadApis` option of \p Check, with bad entries and unknown
  /// families reported as configuration warnings.
  static std::string
  readThreadApisOption(const ClangTidyCheck &Check, llvm::StringRef CheckName,
                       const ClangTidyCheck::OptionsView &Options);
  /// Writes them back, for the check's storeOptions().
  void storeOptions(const ClangTidyCheck::OptionsView &Options,
                    ClangTidyOptions::OptionMap &Opts) const {
    Options.store(Opts, "ThreadTypes", ThreadTypesOption);
    Options.store(Opts, "JoinMethods", JoinMethodsOption);
    Options.store(Opts, "ThreadApis", ThreadApisOption);
  }

  /// Whether the checks follow the thread API family \p Api (the
  /// `ThreadApis` option).
  bool follows(ThreadApi Api) const { return Apis.follows(Api); }

  ThreadOwnerKind ownerKind(QualType T) const;
  /// The kind of owner a variable or value of type \p T is: None for a
  /// reference, which owns nothing (what it refers to has its owner).
  ThreadOwnerKind ownerKindOfValue(QualType T) const {
    return T->isReferenceType() ? ThreadOwnerKind::None : ownerKind(T);
  }
  /// The handle kind of a variable of type \p T: Handle for a `pthread_t`
  /// or `thrd_t` of a followed API, HandleArray for a C array of them,
  /// None otherwise (ownerKind never answers a handle kind: the class-based
  /// analyses keep to class types).
  ThreadOwnerKind handleKindOfValue(QualType T) const;
  /// The handle API of a handle or handle array type, if followed.
  const HandleThreadApi *handleApiOfValue(QualType T) const;
  /// The handle kind of the local \p Var: that of its type, or HandleArray
  /// for a pointer to handles that its initializer points at a fresh heap
  /// block (`pthread_t *tids = malloc(n * sizeof *tids)`), which the code
  /// then uses like an array.
  ThreadOwnerKind handleKindOfVariable(const VarDecl *Var) const;
  /// The handle API of the local \p Var (see handleKindOfVariable).
  const HandleThreadApi *handleApiOfVariable(const VarDecl *Var) const;
  /// Forgets what was cached about the previous translation unit.
  void forgetTranslationUnit() const { ThreadClassCache.clear(); }
  bool isThreadType(QualType T) const {
    return ownerKind(T) == ThreadOwnerKind::Thread;
  }
  bool isThreadClass(const CXXRecordDecl *RD) const;

  /// Whether \p Method ends the joinability of the thread it is called on.
  bool isJoinMethod(const CXXMethodDecl *Method) const;
  bool isJoinMethodName(llvm::StringRef Name) const;

  /// The two JoinMethods of std::thread, which the checks tell apart: join()
  /// waits for the thread; detach() lets it run on, unowned, for as long as
  /// it likes (and a thread may detach itself).
  static constexpr llvm::StringLiteral JoinMethod = "join";
  static constexpr llvm::StringLiteral DetachMethod = "detach";
  enum class JoinKind { Join, Detach, OtherJoinMethod };
  /// The name of the JoinMethod called at \p Site, a join of a thread: the
  /// method a member call calls, or "join" for an algorithm that applies a
  /// joining callable to threads.
  static llvm::StringRef joinMethodAt(const Stmt *Site);
  /// Whether the join at \p Site is a join(), a detach() or another
  /// configured JoinMethod.
  static JoinKind joinKindAt(const Stmt *Site);

private:
  std::string ThreadTypesOption;
  std::string JoinMethodsOption;
  std::string ThreadApisOption;
  ThreadApiSelection Apis;
  BoostThreadVersions Boost;
  /// Fully qualified names, without the leading "::".
  llvm::SmallVector<std::string, 4> ThreadTypeNames;
  llvm::SmallVector<std::string, 4> JoinMethodNames;
  /// Class lookups repeat for every variable of a type; remember the answer.
  /// Emptied for every translation unit (forgetTranslationUnit): a
  /// declaration's address may be another class's in the next one, and a
  /// boost::thread's answer depends on the unit's Boost version.
  mutable llvm::DenseMap<const CXXRecordDecl *, bool> ThreadClassCache;
};

/// Matches a non-reference type that owns tracked threads (any kind).
AST_MATCHER_P(QualType, ownsTrackedThreads, const TrackedThreadTypes *, Types) {
  return Types->ownerKindOfValue(Node) != ThreadOwnerKind::None;
}

/// Matches a non-reference type that is a tracked thread itself.
AST_MATCHER_P(QualType, isTrackedThread, const TrackedThreadTypes *, Types) {
  return Types->ownerKindOfValue(Node) == ThreadOwnerKind::Thread;
}

/// Matches a type that is a followed API's thread handle, or an array of
/// them.
AST_MATCHER_P(QualType, isThreadHandle, const TrackedThreadTypes *, Types) {
  return Types->handleKindOfValue(Node) != ThreadOwnerKind::None;
}

/// Matches a type that is a followed API's thread handle, an array of
/// them, or a pointer to them (which handleKindOfVariable judges).
AST_MATCHER_P(QualType, isThreadHandleOrPointer, const TrackedThreadTypes *,
              Types) {
  if (Types->handleKindOfValue(Node) != ThreadOwnerKind::None)
    return true;
  return Node->isPointerType() &&
         Types->handleKindOfValue(Node->getPointeeType()) ==
             ThreadOwnerKind::Handle;
}

/// Matches a create call of a followed handle API (`pthread_create`).
AST_MATCHER_P(CallExpr, createsHandleThread, const TrackedThreadTypes *,
              Types) {
  HandleCall Create = handleCallOf(Node.getDirectCallee());
  return Create.Role == HandleCallRole::Create &&
         Types->follows(Create.Api->Api);
}

/// Matches a join of a followed handle API whose handle is the calling
/// thread's own: `pthread_join(pthread_self(), ...)`.
AST_MATCHER_P(CallExpr, joinsCallingThread, const TrackedThreadTypes *, Types) {
  HandleCall Join = handleCallOf(Node.getDirectCallee());
  if (Join.Role != HandleCallRole::Join || !Types->follows(Join.Api->Api) ||
      Node.getNumArgs() == 0)
    return false;
  const auto *Handle =
      llvm::dyn_cast<CallExpr>(Node.getArg(0)->IgnoreParenImpCasts());
  return Handle &&
         handleCallOf(Handle->getDirectCallee()).Role == HandleCallRole::Self;
}

/// Matches a non-reference type that is a container of tracked threads.
AST_MATCHER_P(QualType, isTrackedThreadContainer, const TrackedThreadTypes *,
              Types) {
  return Types->ownerKindOfValue(Node) == ThreadOwnerKind::Container;
}

/// Matches a non-reference type that is a std::optional of a tracked thread.
AST_MATCHER_P(QualType, isTrackedThreadOptional, const TrackedThreadTypes *,
              Types) {
  return Types->ownerKindOfValue(Node) == ThreadOwnerKind::Optional;
}

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_TRACKEDTHREADTYPES_H
