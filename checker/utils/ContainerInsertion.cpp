//===--- ContainerInsertion.cpp -------------------------------------------===//

#include "utils/ContainerInsertion.h"
#include "utils/DeclNames.h"
#include "llvm/ADT/StringRef.h"

namespace clang::tidy::threads {

namespace {

struct InsertionMethod {
  llvm::StringLiteral Name;
  ContainerInsertion Insertion;
};

constexpr InsertionMethod InsertionMethods[] = {
    {"push_back", {/*InPlace=*/false, /*ElementArg=*/0}},
    {"push_front", {/*InPlace=*/false, /*ElementArg=*/0}},
    {"insert", {/*InPlace=*/false, /*ElementArg=*/1}},
    {"emplace_back", {/*InPlace=*/true, /*ElementArg=*/0}},
    {"emplace_front", {/*InPlace=*/true, /*ElementArg=*/0}},
    {"emplace", {/*InPlace=*/true, /*ElementArg=*/1}},
    {"emplace_hint", {/*InPlace=*/true, /*ElementArg=*/1}},
    {"insert_after", {/*InPlace=*/false, /*ElementArg=*/1}},
    {"emplace_after", {/*InPlace=*/true, /*ElementArg=*/1}},
    {"try_emplace", {/*InPlace=*/true, /*ElementArg=*/1}},
    {"insert_or_assign", {/*InPlace=*/false, /*ElementArg=*/1}},
};

} // namespace

std::optional<ContainerInsertion>
containerInsertion(const CXXMethodDecl *Method) {
  llvm::StringRef Name = identifierOf(Method);
  for (const InsertionMethod &Candidate : InsertionMethods)
    if (Candidate.Name == Name)
      return Candidate.Insertion;
  return std::nullopt;
}

} // namespace clang::tidy::threads
