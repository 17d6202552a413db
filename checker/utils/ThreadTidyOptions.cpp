//===--- ThreadTidyOptions.cpp --------------------------------------------===//

#include "utils/ThreadTidyOptions.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "utils/ThreadTidyCompat.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::threads {

namespace {

bool isIdentifier(llvm::StringRef Name) {
  if (Name.empty() || !(llvm::isAlpha(Name.front()) || Name.front() == '_'))
    return false;
  return llvm::all_of(Name,
                      [](char C) { return llvm::isAlnum(C) || C == '_'; });
}

bool isQualifiedName(llvm::StringRef Name) {
  Name.consume_front("::");
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, "::");
  return !Parts.empty() && llvm::all_of(Parts, isIdentifier);
}

bool isThrowerEntry(llvm::StringRef Entry) {
  auto [Function, Types] = Entry.split('=');
  if (!isQualifiedName(Function.trim()))
    return false;
  if (!Entry.contains('='))
    return true;
  llvm::SmallVector<llvm::StringRef, 2> TypeNames;
  Types.split(TypeNames, '|');
  return llvm::all_of(
      TypeNames, [](llvm::StringRef T) { return isQualifiedName(T.trim()); });
}

/// A macro name, or the prefix of macro names followed by `*`.
bool isMacroNameOrPrefix(llvm::StringRef Entry) {
  Entry.consume_back("*");
  return isIdentifier(Entry);
}

bool hasShape(llvm::StringRef Entry, ListShape Shape) {
  switch (Shape) {
  case ListShape::QualifiedNames:
    return isQualifiedName(Entry);
  case ListShape::Identifiers:
    return isIdentifier(Entry);
  case ListShape::ThrowerEntries:
    return isThrowerEntry(Entry);
  case ListShape::MacroNames:
    return isMacroNameOrPrefix(Entry);
  }
  return false;
}

} // namespace

llvm::StringRef withoutLeadingColons(llvm::StringRef Name) {
  Name = Name.trim();
  Name.consume_front("::");
  return Name;
}

llvm::SmallVector<std::string, 4> parseNameList(llvm::StringRef List) {
  llvm::SmallVector<std::string, 4> Names;
  for (llvm::StringRef Item : utils::options::parseStringList(List)) {
    Item = withoutLeadingColons(Item);
    if (!Item.empty())
      Names.push_back(Item.str());
  }
  return Names;
}

std::string validatedList(const ClangTidyCheck &Check,
                          llvm::StringRef CheckName, llvm::StringRef Option,
                          llvm::StringRef Value, llvm::StringRef Default,
                          ListShape Shape, bool AllowEmpty) {
  std::string Result;
  bool DroppedAny = false;
  for (llvm::StringRef Entry : utils::options::parseStringList(Value)) {
    Entry = Entry.trim();
    if (Entry.empty())
      continue;
    if (!hasShape(Entry, Shape)) {
      compat::configurationWarning(Check, ("invalid entry '" + Entry +
                                           "' in option '" + CheckName + "." +
                                           Option + "'; it is ignored")
                                              .str());
      DroppedAny = true;
      continue;
    }
    if (!Result.empty())
      Result += ";";
    Result += Entry.str();
  }
  if (Result.empty() && !AllowEmpty) {
    compat::configurationWarning(
        Check,
        ("option '" + CheckName + "." + Option + "' has no valid entry" +
         (DroppedAny ? " left" : "") + "; using its default '" + Default + "'")
            .str());
    return Default.str();
  }
  return Result;
}

} // namespace clang::tidy::threads
