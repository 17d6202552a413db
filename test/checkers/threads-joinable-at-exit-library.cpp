// RUN: %check_threads %s threads-joinable-at-exit %t -- -std=c++20 -fexceptions

// Each call of a default KnownThrowingFunctions entry that the other tests do
// not cover, while a thread runs: each is a finding of its own. Their safe
// forms (the std::error_code & overloads, a bitset that fits, a literal
// index under a size test) are not.

#include <array>
#include <bitset>
#include <deque>
#include <filesystem>
#include <string_view>
#include <system_error>
#include <thread>

namespace fs = std::filesystem;

void work();
template <typename T> void use(const T &);

// --- flagged --------------------------------------------------------------

void throwing_forms(const fs::path &p, const fs::path &q,
                    const fs::directory_entry &entry, std::deque<int> &d,
                    std::array<int, 4> &a, std::string_view view,
                    std::bitset<100> bits, std::size_t i) {
  std::thread t(work);
  use(fs::absolute(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'absolute' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::absolute' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: thread 't' declared here
  use(fs::canonical(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'canonical' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::canonical' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-8]]:15: note: thread 't' declared here
  use(fs::weakly_canonical(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'weakly_canonical' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::weakly_canonical' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-12]]:15: note: thread 't' declared here
  use(fs::relative(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'relative' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::relative' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-16]]:15: note: thread 't' declared here
  use(fs::proximate(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'proximate' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::proximate' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-20]]:15: note: thread 't' declared here
  use(fs::create_directory(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'create_directory' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::create_directory' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-24]]:15: note: thread 't' declared here
  use(fs::create_directories(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'create_directories' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::create_directories' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-28]]:15: note: thread 't' declared here
  use(fs::exists(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'exists' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::exists' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-32]]:15: note: thread 't' declared here
  use(fs::file_size(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'file_size' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::file_size' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-36]]:15: note: thread 't' declared here
  use(fs::hard_link_count(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'hard_link_count' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::hard_link_count' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-40]]:15: note: thread 't' declared here
  use(fs::is_block_file(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'is_block_file' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::is_block_file' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-44]]:15: note: thread 't' declared here
  use(fs::is_character_file(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'is_character_file' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::is_character_file' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-48]]:15: note: thread 't' declared here
  use(fs::is_directory(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'is_directory' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::is_directory' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-52]]:15: note: thread 't' declared here
  use(fs::is_empty(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'is_empty' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::is_empty' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-56]]:15: note: thread 't' declared here
  use(fs::is_fifo(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'is_fifo' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::is_fifo' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-60]]:15: note: thread 't' declared here
  use(fs::is_other(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'is_other' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::is_other' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-64]]:15: note: thread 't' declared here
  use(fs::is_regular_file(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'is_regular_file' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::is_regular_file' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-68]]:15: note: thread 't' declared here
  use(fs::is_socket(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'is_socket' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::is_socket' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-72]]:15: note: thread 't' declared here
  use(fs::is_symlink(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'is_symlink' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::is_symlink' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-76]]:15: note: thread 't' declared here
  use(fs::last_write_time(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'last_write_time' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::last_write_time' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-80]]:15: note: thread 't' declared here
  use(fs::read_symlink(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'read_symlink' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::read_symlink' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-84]]:15: note: thread 't' declared here
  use(fs::remove(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'remove' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::remove' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-88]]:15: note: thread 't' declared here
  use(fs::remove_all(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'remove_all' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::remove_all' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-92]]:15: note: thread 't' declared here
  use(fs::space(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'space' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::space' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-96]]:15: note: thread 't' declared here
  use(fs::status(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'status' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::status' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-100]]:15: note: thread 't' declared here
  use(fs::symlink_status(p));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'symlink_status' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::symlink_status' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-104]]:15: note: thread 't' declared here
  use((fs::copy(p, q), 0));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: thread 't' is still joinable if 'copy' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:8: note: call to 'std::filesystem::copy' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-108]]:15: note: thread 't' declared here
  use(fs::copy_file(p, q));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'copy_file' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::copy_file' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-112]]:15: note: thread 't' declared here
  use((fs::copy_symlink(p, q), 0));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: thread 't' is still joinable if 'copy_symlink' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:8: note: call to 'std::filesystem::copy_symlink' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-116]]:15: note: thread 't' declared here
  use((fs::create_directory_symlink(p, q), 0));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: thread 't' is still joinable if 'create_directory_symlink' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:8: note: call to 'std::filesystem::create_directory_symlink' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-120]]:15: note: thread 't' declared here
  use((fs::create_hard_link(p, q), 0));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: thread 't' is still joinable if 'create_hard_link' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:8: note: call to 'std::filesystem::create_hard_link' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-124]]:15: note: thread 't' declared here
  use((fs::create_symlink(p, q), 0));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: thread 't' is still joinable if 'create_symlink' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:8: note: call to 'std::filesystem::create_symlink' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-128]]:15: note: thread 't' declared here
  use(fs::equivalent(p, q));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'equivalent' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::equivalent' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-132]]:15: note: thread 't' declared here
  use((fs::rename(p, q), 0));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: thread 't' is still joinable if 'rename' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:8: note: call to 'std::filesystem::rename' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-136]]:15: note: thread 't' declared here
  use((fs::permissions(p, fs::perms::owner_all), 0));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: thread 't' is still joinable if 'permissions' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:8: note: call to 'std::filesystem::permissions' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-140]]:15: note: thread 't' declared here
  use((fs::resize_file(p, 0), 0));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: thread 't' is still joinable if 'resize_file' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:8: note: call to 'std::filesystem::resize_file' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-144]]:15: note: thread 't' declared here
  use(fs::current_path());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'current_path' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::current_path' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-148]]:15: note: thread 't' declared here
  use(fs::temp_directory_path());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'temp_directory_path' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: call to 'std::filesystem::temp_directory_path' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-152]]:15: note: thread 't' declared here
  use(entry.exists());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'exists' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:13: note: call to 'std::filesystem::directory_entry::exists' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-156]]:15: note: thread 't' declared here
  use(entry.file_size());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'file_size' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:13: note: call to 'std::filesystem::directory_entry::file_size' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-160]]:15: note: thread 't' declared here
  use(entry.hard_link_count());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'hard_link_count' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:13: note: call to 'std::filesystem::directory_entry::hard_link_count' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-164]]:15: note: thread 't' declared here
  use(entry.is_block_file());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'is_block_file' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:13: note: call to 'std::filesystem::directory_entry::is_block_file' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-168]]:15: note: thread 't' declared here
  use(entry.is_character_file());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'is_character_file' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:13: note: call to 'std::filesystem::directory_entry::is_character_file' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-172]]:15: note: thread 't' declared here
  use(entry.is_directory());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'is_directory' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:13: note: call to 'std::filesystem::directory_entry::is_directory' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-176]]:15: note: thread 't' declared here
  use(entry.is_fifo());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'is_fifo' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:13: note: call to 'std::filesystem::directory_entry::is_fifo' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-180]]:15: note: thread 't' declared here
  use(entry.is_other());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'is_other' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:13: note: call to 'std::filesystem::directory_entry::is_other' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-184]]:15: note: thread 't' declared here
  use(entry.is_regular_file());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'is_regular_file' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:13: note: call to 'std::filesystem::directory_entry::is_regular_file' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-188]]:15: note: thread 't' declared here
  use(entry.is_socket());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'is_socket' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:13: note: call to 'std::filesystem::directory_entry::is_socket' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-192]]:15: note: thread 't' declared here
  use(entry.is_symlink());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'is_symlink' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:13: note: call to 'std::filesystem::directory_entry::is_symlink' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-196]]:15: note: thread 't' declared here
  use(entry.last_write_time());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'last_write_time' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:13: note: call to 'std::filesystem::directory_entry::last_write_time' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-200]]:15: note: thread 't' declared here
  use((const_cast<fs::directory_entry &>(entry).refresh(), 0));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: thread 't' is still joinable if 'refresh' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:49: note: call to 'std::filesystem::directory_entry::refresh' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-204]]:15: note: thread 't' declared here
  use(entry.status());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'status' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:13: note: call to 'std::filesystem::directory_entry::status' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-208]]:15: note: thread 't' declared here
  use(entry.symlink_status());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'symlink_status' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:13: note: call to 'std::filesystem::directory_entry::symlink_status' may throw 'std::filesystem::filesystem_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-212]]:15: note: thread 't' declared here
  use(d.at(i));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'at' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:9: note: call to 'std::deque::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-216]]:15: note: thread 't' declared here
  use(a.at(i));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'at' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:9: note: call to 'std::array::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-220]]:15: note: thread 't' declared here
  use(view.at(i));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'at' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:12: note: call to 'std::basic_string_view::at' may throw 'std::out_of_range' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-224]]:15: note: thread 't' declared here
  use(bits.to_ullong());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: thread 't' is still joinable if 'to_ullong' throws here; its destructor will call std::terminate during unwinding [threads-joinable-at-exit]
  // CHECK-MESSAGES: :[[@LINE-2]]:12: note: call to 'std::bitset::to_ullong' may throw 'std::overflow_error' (listed in KnownThrowingFunctions)
  // CHECK-MESSAGES: :[[@LINE-228]]:15: note: thread 't' declared here
  t.join();
}

// --- must not warn --------------------------------------------------------

void safe_forms(const fs::path &p, const fs::path &q,
                const fs::directory_entry &entry, std::deque<int> &d,
                std::array<int, 4> &a, std::string_view view,
                std::bitset<64> bits) {
  std::thread t(work);
  std::error_code ec;
  use(fs::absolute(p, ec));
  use(fs::canonical(p, ec));
  use(fs::weakly_canonical(p, ec));
  use(fs::relative(p, ec));
  use(fs::proximate(p, ec));
  use(fs::create_directory(p, ec));
  use(fs::create_directories(p, ec));
  use(fs::exists(p, ec));
  use(fs::file_size(p, ec));
  use(fs::hard_link_count(p, ec));
  use(fs::is_block_file(p, ec));
  use(fs::is_character_file(p, ec));
  use(fs::is_directory(p, ec));
  use(fs::is_empty(p, ec));
  use(fs::is_fifo(p, ec));
  use(fs::is_other(p, ec));
  use(fs::is_regular_file(p, ec));
  use(fs::is_socket(p, ec));
  use(fs::is_symlink(p, ec));
  use(fs::last_write_time(p, ec));
  use(fs::read_symlink(p, ec));
  use(fs::remove(p, ec));
  use(fs::remove_all(p, ec));
  use(fs::space(p, ec));
  use(fs::status(p, ec));
  use(fs::symlink_status(p, ec));
  use((fs::copy(p, q, ec), 0));
  use(fs::copy_file(p, q, ec));
  use((fs::copy_symlink(p, q, ec), 0));
  use((fs::create_directory_symlink(p, q, ec), 0));
  use((fs::create_hard_link(p, q, ec), 0));
  use((fs::create_symlink(p, q, ec), 0));
  use(fs::equivalent(p, q, ec));
  use((fs::rename(p, q, ec), 0));
  use((fs::permissions(p, fs::perms::owner_all, ec), 0));
  use((fs::resize_file(p, 0, ec), 0));
  use(fs::current_path(ec));
  use(fs::temp_directory_path(ec));
  use(entry.exists(ec));
  use(entry.file_size(ec));
  use(entry.hard_link_count(ec));
  use(entry.is_block_file(ec));
  use(entry.is_character_file(ec));
  use(entry.is_directory(ec));
  use(entry.is_fifo(ec));
  use(entry.is_other(ec));
  use(entry.is_regular_file(ec));
  use(entry.is_socket(ec));
  use(entry.is_symlink(ec));
  use(entry.last_write_time(ec));
  use((const_cast<fs::directory_entry &>(entry).refresh(ec), 0));
  use(entry.status(ec));
  use(entry.symlink_status(ec));
  if (!d.empty())
    use(d.at(0));
  if (a.size() > 3)
    use(a.at(3));
  if (view.size() >= 2)
    use(view.at(1));
  use(bits.to_ullong());
  t.join();
}
