//===--- ThreadHolders.h - Structs whose users start their thread ---------===//
//
// `struct Job { std::thread t; int id; };` holds a thread that the struct's
// users start and join from outside: `Job j; j.t = std::thread(f);`. A local
// holder of this kind is an owner of its thread field: what a function does
// with `j.t` is what it does with a local thread, and any other use of the
// whole `j` (passed, moved, returned, a member function called) hands the
// thread to code that may join it.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_THREADHOLDERS_H
#define THREAD_TIDY_THREADHOLDERS_H

#include "analysis/LocalThreadUses.h"
#include "analysis/TrackedThreadTypes.h"
#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::threads {

/// The public thread fields of \p RD when it is a plain holder that its
/// users start and join from outside: a struct or class (not a thread, a
/// lambda or a union) without a destructor of its own, which might join
/// them. Empty otherwise.
llvm::SmallVector<const FieldDecl *, 2>
publicThreadFields(const CXXRecordDecl *RD, const TrackedThreadTypes &Types);

/// What the function body \p Body does with the thread in field \p Field of
/// the local holder \p Holder: its uses through `Holder.Field`, its start by
/// the holder's aggregate initializer, and any use of the whole holder as a
/// hand-over.
LocalUseSummary summarizeHeldThreadUses(const VarDecl *Holder,
                                        const FieldDecl *Field,
                                        const Stmt *Body,
                                        const TrackedThreadTypes &Types);

/// Matches a (non-reference) type whose values hold a thread in a public
/// field (see publicThreadFields).
AST_MATCHER_P(QualType, holdsPublicThread, const TrackedThreadTypes *, Types) {
  return !Node->isReferenceType() &&
         !publicThreadFields(Node->getAsCXXRecordDecl(), *Types).empty();
}

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_THREADHOLDERS_H
