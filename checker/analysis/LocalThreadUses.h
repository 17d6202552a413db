//===--- LocalThreadUses.h - What a function does with a local owner -----===//
//
// threads-unjoined-thread (threads) and threads-unchecked-future (futures,
// tracked like threads) ask the same of a local owner: is it ever started,
// and does any use join it or hand it to someone who may? The answer is the
// sum of its uses in the function that declares it.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_LOCALTHREADUSES_H
#define THREAD_TIDY_LOCALTHREADUSES_H

#include "analysis/ThreadUseClassifier.h"
#include "analysis/TrackedThreadTypes.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::threads {

/// The body in which the uses of the local owner \p Local are found: that
/// of the function (or block) declaring it. Null for references and
/// exception variables, which own nothing of their own, and inside template
/// patterns, where nothing is resolved.
const Stmt *bodyDeclaringOwner(const VarDecl *Local);

/// What the uses of a local owner add up to.
struct LocalUseSummary {
  /// Its initializer starts a thread (`std::thread t(f)`).
  bool StartedAtDeclaration = false;
  /// The first use that starts one, if any.
  const Stmt *FirstStart = nullptr;
  /// Some use joins or detaches it, or hands it to code that may.
  bool JoinedOrHandedOver = false;
  /// Every use but joins and hand-overs is a plain member call on it
  /// (`t.joinable()`, `t.get_id()`): no later start, no other use.
  bool OnlyMemberCalls = true;
  /// Every use, in source order.
  llvm::SmallVector<ThreadUse, 8> Uses;

  /// Whether it holds a started thread at some point.
  bool everStarted() const { return StartedAtDeclaration || FirstStart; }
};

/// The uses of \p Owner, a local owner of kind \p Kind, in \p Body (from
/// bodyDeclaringOwner), summed up.
LocalUseSummary summarizeLocalUses(const VarDecl *Owner, const Stmt *Body,
                                   ThreadOwnerKind Kind,
                                   const TrackedThreadTypes &Types);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_LOCALTHREADUSES_H
