//===--- ExceptionOptions.cpp ---------------------------------------------===//

#include "analysis/ExceptionOptions.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "utils/ThreadTidyOptions.h"

namespace clang::tidy::threads {

ExceptionOptions::ExceptionOptions(const ClangTidyCheck &Check,
                                   llvm::StringRef CheckName,
                                   const ClangTidyCheck::OptionsView &Options)
    : IgnoredExceptions(
          validatedList(Check, CheckName, "IgnoredExceptions",
                        Options.getLocalOrGlobal("IgnoredExceptions",
                                                 DefaultIgnoredExceptions),
                        DefaultIgnoredExceptions, ListShape::QualifiedNames,
                        /*AllowEmpty=*/true)),
      KnownThrowingFunctions(validatedList(
          Check, CheckName, "KnownThrowingFunctions",
          Options.getLocalOrGlobal("KnownThrowingFunctions",
                                   DefaultKnownThrowingFunctions),
          DefaultKnownThrowingFunctions, ListShape::ThrowerEntries,
          /*AllowEmpty=*/true)),
      AssumeUnknownTasksThrow(
          Options.getLocalOrGlobal("AssumeUnknownTasksThrow", false)) {}

llvm::SmallVector<KnownThrowingFunction, 16>
parseKnownThrowingFunctions(llvm::StringRef Option) {
  llvm::SmallVector<KnownThrowingFunction, 16> Entries;
  for (llvm::StringRef Item : utils::options::parseStringList(Option)) {
    auto [Function, TypeList] = Item.split('=');
    Function = withoutLeadingColons(Function);
    if (Function.empty())
      continue;
    KnownThrowingFunction Entry;
    Entry.Function = Function.str();
    llvm::SmallVector<llvm::StringRef, 2> TypeNames;
    TypeList.split(TypeNames, '|', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
    for (llvm::StringRef T : TypeNames)
      if (!withoutLeadingColons(T).empty())
        Entry.Types.push_back(withoutLeadingColons(T).str());
    if (Entry.Types.empty())
      Entry.Types.push_back("std::exception");
    Entries.push_back(std::move(Entry));
  }
  return Entries;
}

} // namespace clang::tidy::threads
