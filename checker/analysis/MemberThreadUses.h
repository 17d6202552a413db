//===--- MemberThreadUses.h - What a class does with a thread member ------===//
//
// A data member that owns threads is used by every member function of its
// class: started in a constructor, joined in stop(), handed to a guard
// member. The member checks (threads-unjoined-thread,
// threads-joinable-at-exit, threads-invalid-join) ask the same questions
// about it: which functions of the class can be seen, and what each of them
// does with the member.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_MEMBERTHREADUSES_H
#define THREAD_TIDY_MEMBERTHREADUSES_H

#include "analysis/ThreadLifetimeAnalysis.h"
#include "analysis/ThreadUseClassifier.h"
#include "analysis/TrackedThreadTypes.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::threads {

/// The class of \p Member, when the member checks can see all of it: not a
/// lambda's closure, and neither a template nor an instantiation of one
/// (those are analysed only partially). Null otherwise.
const CXXRecordDecl *analyzableClassOf(const FieldDecl *Member);

/// Whether the code of \p Member's class is all the code that can start or
/// join it: it is private and the class has no friends. The users of a
/// public member (a struct's owner that starts and joins its thread) and
/// the derived classes of a protected one may join it out of sight. The
/// member checks that need "nothing else joins it" (never joined, joined
/// only by 'stop') stay silent for other members; a finding the class's
/// own code proves alone, such as a self-join, does not need this.
bool onlyOwnCodeReaches(const FieldDecl *Member);

/// The member functions of \p RD (and of its nested classes, which may touch
/// its private members too) whose definitions are visible, in \p Fns.
/// Returns false when some function that could join a member has no visible
/// body: then "nothing joins it" cannot be concluded. Copy operations that
/// are declared and never defined (the pre-C++11 non-copyable idiom) cannot
/// join anything and do not count as invisible.
bool collectVisibleMemberFunctions(
    const CXXRecordDecl *RD, llvm::SmallVectorImpl<const FunctionDecl *> &Fns);

/// One use of a data member, and the member function it is in (null for an
/// in-class initializer of another member).
struct MemberUse {
  ThreadUse Use;
  const FunctionDecl *In;
};

/// Everything the class does with its thread-owning member \p Member in
/// \p Functions (from collectVisibleMemberFunctions): the uses in bodies,
/// in other members' initializers (an RAII guard member taking it by
/// reference), and where it is first started, if anywhere (its own
/// initializer, a constructor's member initializer, or a use).
struct MemberUseSummary {
  const Stmt *FirstStart = nullptr;
  llvm::SmallVector<MemberUse, 8> Uses;
};
MemberUseSummary
summarizeMemberUses(const FieldDecl *Member, ThreadOwnerKind Kind,
                    llvm::ArrayRef<const FunctionDecl *> Functions,
                    const TrackedThreadTypes &Types);

/// A start of a member and the visible definition of the function its
/// thread runs (a member function, a lambda's call operator).
struct MemberThreadStart {
  const Stmt *Site;
  const FunctionDecl *Entry;
};
/// Every start in \p Summary (of a member of kind \p Kind) whose entry
/// function is visible, first start first.
llvm::SmallVector<MemberThreadStart, 2>
startsWithVisibleEntry(const MemberUseSummary &Summary, ThreadOwnerKind Kind,
                       const TrackedThreadTypes &Types);

/// Whether every start of \p Member in \p Summary is in a member function
/// that joins it again on every path before returning (a run() that fills
/// a member vector and joins it all): then no object can be destroyed with
/// it running, whoever calls that function, and "joined only by" is no
/// contract. False when an initializer starts it.
bool joinedBeforeEveryStarterReturns(const FieldDecl *Member,
                                     ThreadOwnerKind Kind,
                                     const MemberUseSummary &Summary,
                                     ThreadLifetimeAnalysis &Lifetimes);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_MEMBERTHREADUSES_H
