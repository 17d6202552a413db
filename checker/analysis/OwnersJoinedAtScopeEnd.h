//===--- OwnersJoinedAtScopeEnd.h - Thread owners a jthread could be ------===//
//
// `auto loader = std::make_unique<std::thread>(load);  ...;
// loader->join();` as the last statement of the scope, or a C array of
// threads joined by a loop that ends the scope: the owner's threads are
// joined exactly where a std::jthread's destructor would join them
// (threads-prefer-jthread). This file says whether a local owner of
// threads (an optional, a unique_ptr, a shared_ptr nothing copies, a C
// array) is such a one; the local std::thread itself is the check's.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_OWNERSJOINEDATSCOPEEND_H
#define THREAD_TIDY_OWNERSJOINEDATSCOPEEND_H

#include "analysis/TrackedThreadTypes.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"

namespace clang::tidy::threads {

/// The owner kinds whose threads could be std::jthreads: a
/// std::optional, std::unique_ptr or std::shared_ptr of one, or a C array
/// of them (not another container).
bool isJthreadCandidateOwner(const VarDecl *Owner, ThreadOwnerKind Kind);

/// The statement that ends the scope of the local owner \p Owner (of kind
/// \p Kind, declared by \p Declaration in \p Fn) and joins its threads:
/// `p->join();`, or a range-for over an array whose body is
/// `t.join();`. Null unless its threads are started by one statement (the
/// declaration, or one assignment of the elements of an array) with a
/// callable that takes no std::stop_token, nothing else is done with the
/// owner but member calls on its threads, no local is declared after it in
/// its scope, and nothing between the declaration and that statement may
/// leave the scope early (a return, break, continue, goto or throw,
/// wherever it is below them: a syntactic rule, which holds for the kinds
/// the lifetime dataflow does not track too).
const Stmt *ownerJoinedAtScopeEnd(const VarDecl *Owner, ThreadOwnerKind Kind,
                                  const DeclStmt *Declaration,
                                  const FunctionDecl *Fn,
                                  const TrackedThreadTypes &StdThread);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_OWNERSJOINEDATSCOPEEND_H
