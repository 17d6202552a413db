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
  /// without `=` is assumed to throw `std::exception`. By default the
  /// standard library's common throwing calls, whose bodies are not
  /// analysed; ThrowGuards knows which of their calls cannot throw.
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
      "::std::basic_string::substr=::std::out_of_range;"
      "::std::basic_string::replace=::std::out_of_range;"
      "::std::basic_string_view::at=::std::out_of_range;"
      "::std::basic_string_view::substr=::std::out_of_range;"
      "::std::map::at=::std::out_of_range;"
      "::std::unordered_map::at=::std::out_of_range;"
      "::std::optional::value=::std::bad_optional_access;"
      "::std::any_cast=::std::bad_any_cast;"
      "::std::get=::std::bad_variant_access;"
      "::std::bitset::to_ulong=::std::overflow_error;"
      "::std::bitset::to_ullong=::std::overflow_error;"
      "::std::basic_regex::basic_regex=::std::regex_error;"
      "::std::basic_regex::assign=::std::regex_error;"
      "::std::thread::thread=::std::system_error;"
      "::std::jthread::jthread=::std::system_error;"
      "::std::filesystem::absolute=::std::filesystem::filesystem_error;"
      "::std::filesystem::canonical=::std::filesystem::filesystem_error;"
      "::std::filesystem::weakly_canonical=::std::filesystem::filesystem_error;"
      "::std::filesystem::relative=::std::filesystem::filesystem_error;"
      "::std::filesystem::proximate=::std::filesystem::filesystem_error;"
      "::std::filesystem::copy=::std::filesystem::filesystem_error;"
      "::std::filesystem::copy_file=::std::filesystem::filesystem_error;"
      "::std::filesystem::copy_symlink=::std::filesystem::filesystem_error;"
      "::std::filesystem::create_directory=::std::filesystem::filesystem_error;"
      "::std::filesystem::create_directories="
      "::std::filesystem::filesystem_error;"
      "::std::filesystem::create_directory_symlink="
      "::std::filesystem::filesystem_error;"
      "::std::filesystem::create_hard_link=::std::filesystem::filesystem_error;"
      "::std::filesystem::create_symlink=::std::filesystem::filesystem_error;"
      "::std::filesystem::current_path=::std::filesystem::filesystem_error;"
      "::std::filesystem::equivalent=::std::filesystem::filesystem_error;"
      "::std::filesystem::exists=::std::filesystem::filesystem_error;"
      "::std::filesystem::file_size=::std::filesystem::filesystem_error;"
      "::std::filesystem::hard_link_count=::std::filesystem::filesystem_error;"
      "::std::filesystem::is_block_file=::std::filesystem::filesystem_error;"
      "::std::filesystem::is_character_file="
      "::std::filesystem::filesystem_error;"
      "::std::filesystem::is_directory=::std::filesystem::filesystem_error;"
      "::std::filesystem::is_empty=::std::filesystem::filesystem_error;"
      "::std::filesystem::is_fifo=::std::filesystem::filesystem_error;"
      "::std::filesystem::is_other=::std::filesystem::filesystem_error;"
      "::std::filesystem::is_regular_file=::std::filesystem::filesystem_error;"
      "::std::filesystem::is_socket=::std::filesystem::filesystem_error;"
      "::std::filesystem::is_symlink=::std::filesystem::filesystem_error;"
      "::std::filesystem::last_write_time=::std::filesystem::filesystem_error;"
      "::std::filesystem::permissions=::std::filesystem::filesystem_error;"
      "::std::filesystem::read_symlink=::std::filesystem::filesystem_error;"
      "::std::filesystem::remove=::std::filesystem::filesystem_error;"
      "::std::filesystem::remove_all=::std::filesystem::filesystem_error;"
      "::std::filesystem::rename=::std::filesystem::filesystem_error;"
      "::std::filesystem::resize_file=::std::filesystem::filesystem_error;"
      "::std::filesystem::space=::std::filesystem::filesystem_error;"
      "::std::filesystem::status=::std::filesystem::filesystem_error;"
      "::std::filesystem::symlink_status=::std::filesystem::filesystem_error;"
      "::std::filesystem::temp_directory_path="
      "::std::filesystem::filesystem_error;"
      "::std::filesystem::directory_iterator::directory_iterator="
      "::std::filesystem::filesystem_error;"
      "::std::filesystem::recursive_directory_iterator::"
      "recursive_directory_iterator="
      "::std::filesystem::filesystem_error;"
      "::std::filesystem::directory_entry::directory_entry="
      "::std::filesystem::filesystem_error;"
      "::std::filesystem::directory_entry::exists="
      "::std::filesystem::filesystem_error;"
      "::std::filesystem::directory_entry::file_size="
      "::std::filesystem::filesystem_error;"
      "::std::filesystem::directory_entry::hard_link_count="
      "::std::filesystem::filesystem_error;"
      "::std::filesystem::directory_entry::is_block_file="
      "::std::filesystem::filesystem_error;"
      "::std::filesystem::directory_entry::is_character_file="
      "::std::filesystem::filesystem_error;"
      "::std::filesystem::directory_entry::is_directory="
      "::std::filesystem::filesystem_error;"
      "::std::filesystem::directory_entry::is_fifo="
      "::std::filesystem::filesystem_error;"
      "::std::filesystem::directory_entry::is_other="
      "::std::filesystem::filesystem_error;"
      "::std::filesystem::directory_entry::is_regular_file="
      "::std::filesystem::filesystem_error;"
      "::std::filesystem::directory_entry::is_socket="
      "::std::filesystem::filesystem_error;"
      "::std::filesystem::directory_entry::is_symlink="
      "::std::filesystem::filesystem_error;"
      "::std::filesystem::directory_entry::last_write_time="
      "::std::filesystem::filesystem_error;"
      "::std::filesystem::directory_entry::refresh="
      "::std::filesystem::filesystem_error;"
      "::std::filesystem::directory_entry::status="
      "::std::filesystem::filesystem_error;"
      "::std::filesystem::directory_entry::symlink_status="
      "::std::filesystem::filesystem_error";

  std::string IgnoredExceptions;
  std::string KnownThrowingFunctions;
  /// A call through type erasure (std::function, a function pointer) into
  /// which no visible task flows (a library's public submit) may throw an
  /// exception of unknown type.
  bool AssumeUnknownTasksThrow;

  /// Reads the options of \p Check (named \p CheckName), reporting
  /// invalid entries. Empty lists are valid: nothing ignored, no known
  /// throwers.
  ExceptionOptions(const ClangTidyCheck &Check, llvm::StringRef CheckName,
                   const ClangTidyCheck::OptionsView &Options);
  void storeOptions(const ClangTidyCheck::OptionsView &Options,
                    ClangTidyOptions::OptionMap &Opts) const {
    Options.store(Opts, "IgnoredExceptions", IgnoredExceptions);
    Options.store(Opts, "KnownThrowingFunctions", KnownThrowingFunctions);
    Options.store(Opts, "AssumeUnknownTasksThrow", AssumeUnknownTasksThrow);
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
