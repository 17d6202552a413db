//===--- ContainerInsertion.h - How standard containers take an element ---===//
//
// push_back, insert, emplace_back and friends: which member functions of the
// standard containers put an element in, and which argument is the element
// (or, for the emplacing ones, the first of its constructor's arguments).
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_CONTAINERINSERTION_H
#define THREAD_TIDY_CONTAINERINSERTION_H

#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include <optional>

namespace clang::tidy::threads {

/// How a container member function puts an element in.
struct ContainerInsertion {
  /// Constructs the element in place from the arguments from ElementArg on
  /// (emplace*), rather than taking the element as argument ElementArg.
  bool InPlace;
  /// The first argument after the position that insert, emplace and
  /// emplace_hint take.
  unsigned ElementArg;
};

/// The insertion \p Method performs, when it is named like one of the
/// standard containers' (push_back, push_front, insert, emplace,
/// emplace_back, emplace_front, emplace_hint).
std::optional<ContainerInsertion>
containerInsertion(const CXXMethodDecl *Method);

/// Matches a member function named like a container insertion; with
/// \p InPlaceOnly, only the emplacing ones.
AST_MATCHER_P(CXXMethodDecl, isContainerInsertion, bool, InPlaceOnly) {
  std::optional<ContainerInsertion> Insertion = containerInsertion(&Node);
  return Insertion && (Insertion->InPlace || !InPlaceOnly);
}

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_CONTAINERINSERTION_H
