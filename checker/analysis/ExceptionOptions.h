//===--- ExceptionOptions.h - The options of "may this throw" -------------===//
//
// IgnoredExceptions and KnownThrowingFunctions: every check that asks
// ExceptionFlowAnalysis whether code throws reads them the same way, with
// getLocalOrGlobal, so that a project can set them once for all checks.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_EXCEPTIONOPTIONS_H
#define THREAD_TIDY_EXCEPTIONOPTIONS_H

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang::tidy::threads {

/// The exception-related options, shared by every check that asks whether
/// code throws. They are read with getLocalOrGlobal, so a project can set
/// them once for all checks.
struct ExceptionOptions {
  static constexpr llvm::StringLiteral DefaultIgnoredExceptions =
      "::std::bad_alloc";
  /// `function=Type|Type`: the function throws those types. A function
  /// without `=` is assumed to throw `std::exception`.
  static constexpr llvm::StringLiteral DefaultKnownThrowingFunctions =
      "::std::stoi=::std::invalid_argument|::std::out_of_range;"
      "::std::stol=::std::invalid_argument|::std::out_of_range;"
      "::std::stoll=::std::invalid_argument|::std::out_of_range;"
      "::std::stoul=::std::invalid_argument|::std::out_of_range;"
      "::std::stoull=::std::invalid_argument|::std::out_of_range;"
      "::std::stof=::std::invalid_argument|::std::out_of_range;"
      "::std::stod=::std::invalid_argument|::std::out_of_range;"
      "::std::stold=::std::invalid_argument|::std::out_of_range;"
      "::std::vector::at=::std::out_of_range;"
      "::std::deque::at=::std::out_of_range;"
      "::std::array::at=::std::out_of_range;"
      "::std::basic_string::at=::std::out_of_range;"
      "::std::basic_string_view::at=::std::out_of_range;"
      "::std::map::at=::std::out_of_range;"
      "::std::unordered_map::at=::std::out_of_range;"
      "::std::optional::value=::std::bad_optional_access;"
      "::std::any_cast=::std::bad_any_cast";

  std::string IgnoredExceptions;
  std::string KnownThrowingFunctions;

  /// Reads the options of \p Check (named \p CheckName), reporting
  /// invalid entries. Empty lists are valid: nothing ignored, no known
  /// throwers.
  ExceptionOptions(const ClangTidyCheck &Check, llvm::StringRef CheckName,
                   const ClangTidyCheck::OptionsView &Options);
  void storeOptions(const ClangTidyCheck::OptionsView &Options,
                    ClangTidyOptions::OptionMap &Opts) const {
    Options.store(Opts, "IgnoredExceptions", IgnoredExceptions);
    Options.store(Opts, "KnownThrowingFunctions", KnownThrowingFunctions);
  }
};

/// One KnownThrowingFunctions entry: a function whose body cannot be seen
/// (or is not worth following) and the exception types it throws.
struct KnownThrowingFunction {
  std::string Function; ///< As plainQualifiedName spells it.
  llvm::SmallVector<std::string, 2> Types;
};

/// The entries of the KnownThrowingFunctions value \p Option. A function
/// listed without `=` throws `std::exception`.
llvm::SmallVector<KnownThrowingFunction, 16>
parseKnownThrowingFunctions(llvm::StringRef Option);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_EXCEPTIONOPTIONS_H
