//===--- ThreadTidyOptions.h - Validating the checks' list options --------===//
//
// Most thread-tidy options are ';'-separated lists of names. A typo in
// .clang-tidy must not silently turn a check off or crash it: each entry is
// checked for the shape it must have, bad entries are reported as
// configuration warnings and dropped, and a list that is left without a
// valid entry (where an empty list makes no sense) falls back to its default.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_THREADTIDYOPTIONS_H
#define THREAD_TIDY_THREADTIDYOPTIONS_H

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/SmallVector.h"
#include <string>

namespace clang::tidy::threads {

enum class ListShape {
  QualifiedNames, ///< `::std::thread;boost::thread`
  Identifiers,    ///< `join;detach`
  ThrowerEntries, ///< `::std::stoi=::std::invalid_argument|::std::out_of_range`
  MacroNames,     ///< `GTEST_FATAL_FAILURE_;DOCTEST_REQUIRE*` (`*`: a prefix)
};

/// The value of the list option \p Option of the check \p CheckName, with
/// invalid entries dropped (each reported through \p Check's configuration
/// diagnostics). When \p AllowEmpty is false and no valid entry is left, the
/// default is used, with a warning that says so.
std::string validatedList(const ClangTidyCheck &Check,
                          llvm::StringRef CheckName, llvm::StringRef Option,
                          llvm::StringRef Value, llvm::StringRef Default,
                          ListShape Shape, bool AllowEmpty);

/// \p Name trimmed and without its leading "::": the form names take once
/// read from an option, as plainQualifiedName spells them.
llvm::StringRef withoutLeadingColons(llvm::StringRef Name);

/// The names in the list option value \p List, each
/// withoutLeadingColons, empty entries dropped.
llvm::SmallVector<std::string, 4> parseNameList(llvm::StringRef List);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_THREADTIDYOPTIONS_H
