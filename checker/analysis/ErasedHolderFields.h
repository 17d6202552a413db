//===--- ErasedHolderFields.h - Callables kept inside structs and maps ----===//
//
// Pools rarely queue a bare `std::function`: they queue a `Job` that pairs it
// with a priority, a `std::pair<int, std::function<void()>>`, a `Timer` with
// its deadline, or keep callbacks in a `std::map<int, std::function<...>>`.
// The place such a callable flows into is the field of the struct (or the
// `second` of the map's value_type): this says which field an
// initialisation, an emplacement or a read names, so that TypeErasedCalls
// indexes and follows it like any other place that holds callables.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_ERASEDHOLDERFIELDS_H
#define THREAD_TIDY_ERASEDHOLDERFIELDS_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::threads {

/// Whether a variable or member of type \p T holds callables: it is one (a
/// std::function, a function pointer, a closure), or a container of them
/// (`std::queue<std::function<void()>>`, a pool's own `Queue<Task>`).
bool holdsCallables(QualType T, unsigned Nesting = 0);

/// The field that holds the mapped values of \p MapType when it is a
/// standard map of callables (`std::map<int, std::function<void()>>`): the
/// `second` of its value_type. Null for any other type.
const FieldDecl *mappedCallableField(QualType MapType);

/// The field of a std::pair that `std::get<1>(entry)` reads (what a
/// structured binding of a pair reads); null for any other expression.
const FieldDecl *pairFieldRead(const Expr *E);

using FieldStore =
    llvm::function_ref<void(const FieldDecl *Field, const Expr *Value)>;

/// Calls \p Store for each field holding callables that \p E initialises:
/// an aggregate or designated initialisation (`Job{f, 1}`, `{.fn = f}`),
/// a two-argument construction of a std::pair (`{id, f}`), or the
/// conversion of a `std::make_pair(id, f)` into one.
void forEachFieldInitialized(const Expr *E, FieldStore Store);

/// Calls \p Store for each field holding callables that the emplacement
/// \p Call initialises from its arguments (`jobs_.emplace_back(f, 1)` into
/// a container of aggregates or pairs, `handlers_.try_emplace(id, f)`), and
/// \p Constructs with each constructor of the element's class that may
/// take the arguments, which the call then runs with them.
void forEachFieldEmplaced(
    const CXXMemberCallExpr *Call, FieldStore Store,
    llvm::function_ref<void(const CXXConstructorDecl *, unsigned)> Constructs);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_ERASEDHOLDERFIELDS_H
