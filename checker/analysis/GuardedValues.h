//===--- GuardedValues.h - Whether a guard and a call name the same value -===//
//
// A guard rules a throw out only when it tests the very object, key or index
// the call uses: `m.count(k)` says nothing about `m.at(j)` or `n.at(k)`.
// These helpers compare expressions structurally, after the conversions that
// do not change a value (parentheses, implicit casts, temporaries, the
// construction of a `std::string` key from a `const char *`): the same
// variable or member chain, the same literal, the same arithmetic on those.
// Anything with a side effect, or whose value another call could give
// differently (a function call other than `size()`), is never "the same".
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_GUARDEDVALUES_H
#define THREAD_TIDY_GUARDEDVALUES_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

namespace clang::tidy::threads {

/// \p E without parentheses, implicit conversions, cleanups, temporaries and
/// implicit converting constructions (the `std::string` a `const char *`
/// key becomes). Unlike stripTemporaryWrappers, explicit casts stay: they
/// may change the value.
const Expr *stripValueWrappers(const Expr *E);

/// A variable or a chain of data members: `m`, `cfg.items`, `this->cache_`
/// (written `cache_` too), `p->items`.
struct AccessPath {
  /// The variable the chain starts from; null for a chain on `this`.
  const VarDecl *Root = nullptr;
  /// The data members, outermost first.
  llvm::SmallVector<const FieldDecl *, 2> Members;
  /// Some link is a `->` on something other than `this`: the object is
  /// reached through a pointer the function does not own.
  bool ThroughPointer = false;
  /// The root is a copy captured by a lambda whose call operator is const:
  /// the lambda's own member, which nothing changes while it runs.
  bool ConstCapturedCopy = false;
};

/// The access path \p E names, if it names one (after stripValueWrappers).
std::optional<AccessPath> accessPathOf(const Expr *E);

/// Whether \p A and \p B evaluate to the same value as long as nothing they
/// read changes in between: the same access paths, literals, enumerators,
/// arithmetic and explicit casts on those, and `size()`/`length()` of them.
bool sameValue(const Expr *A, const Expr *B);

/// Adds the access paths whose values \p E reads. Returns false when \p E
/// is not a value sameValue() can compare (a call, an assignment, ...).
bool collectAccessPaths(const Expr *E,
                        llvm::SmallVectorImpl<AccessPath> &Paths);

/// Whether \p D is named \p QualifiedName as plainQualifiedName spells it
/// ("std::optional", "std::map::at").
bool hasPlainName(const NamedDecl *D, llvm::StringRef QualifiedName);

/// The local variable (not a reference) that \p E names, after
/// stripValueWrappers; null for anything else.
const VarDecl *localVariableOf(const Expr *E);

/// Whether \p E is the integer literal \p Value (after the wrappers).
bool isIntegerLiteral(const Expr *E, uint64_t Value);

/// The member function \p E calls when it is a call of a member named one of
/// \p Names on an object (`v.size()`); its object in \p Object.
const CXXMethodDecl *
memberCallNamed(const Expr *E, std::initializer_list<llvm::StringRef> Names,
                const Expr *&Object);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_GUARDEDVALUES_H
