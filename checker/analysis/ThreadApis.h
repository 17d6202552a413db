//===--- ThreadApis.h - The thread APIs thread-tidy knows -----------------===//
//
// Legacy code rarely says std::thread. This is the one place that says which
// thread APIs the checks understand and what each does: how a thread is
// created, joined, detached and named from inside, and what happens to a
// thread that is never joined (std::thread terminates, a boost::thread of
// version 2 detaches, a QThread aborts, a POSIX or C11 thread leaks). The
// `ThreadApis` option selects the families; TrackedThreadTypes reads it.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_THREADAPIS_H
#define THREAD_TIDY_THREADAPIS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang::tidy::threads {

/// The API families, as the `ThreadApis` option names them.
enum class ThreadApi : unsigned {
  Std = 1 << 0,   ///< std::thread, std::jthread, std::async (`std`).
  Posix = 1 << 1, ///< pthread_t and pthread_create (`posix`).
  C11 = 1 << 2,   ///< thrd_t and thrd_create (`c11`).
  Boost = 1 << 3, ///< boost::thread, boost::thread_group (`boost`).
  Qt = 1 << 4,    ///< QThread (`qt`).
};

/// What ending the life of a thread that may still run does, by API: the
/// consequence a lifetime finding states.
enum class UnjoinedEnd {
  Terminates, ///< std::thread, boost::thread (version 3 and later).
  /// boost::thread of version 2: the destructor detaches, so the thread
  /// runs on unowned, and what it refers to may die under it.
  Detaches,
  /// QThread: "QThread: Destroyed while thread is still running", abort.
  Aborts,
  /// pthread_t, thrd_t: the thread's resources (its stack) stay allocated
  /// until the process exits; repeated leaks make creation fail (EAGAIN).
  Leaks,
};

/// A handle API: threads named by a value (`pthread_t`, `thrd_t`) that
/// plain functions create, join and detach. A handle can be copied; the
/// thread is joined or detached through any copy, once.
struct HandleThreadApi {
  ThreadApi Api;
  llvm::StringLiteral Family;     ///< "POSIX", "C11": for messages.
  llvm::StringLiteral HandleType; ///< The typedef naming a handle.
  llvm::StringLiteral Create, Join, Detach, Self, Exit, Equal;
  /// Create's arguments: the handle's address, the attributes (-1: none),
  /// the start routine and its argument.
  unsigned HandleArg;
  int AttrArg;
  unsigned StartArg, StartArgumentArg;
  /// What create returns when leaked threads have used up the resources.
  llvm::StringLiteral Exhausted;
};

inline constexpr HandleThreadApi PosixThreads{ThreadApi::Posix,
                                              "POSIX",
                                              "pthread_t",
                                              "pthread_create",
                                              "pthread_join",
                                              "pthread_detach",
                                              "pthread_self",
                                              "pthread_exit",
                                              "pthread_equal",
                                              0,
                                              1,
                                              2,
                                              3,
                                              "EAGAIN"};
inline constexpr HandleThreadApi C11Threads{ThreadApi::C11,
                                            "C11",
                                            "thrd_t",
                                            "thrd_create",
                                            "thrd_join",
                                            "thrd_detach",
                                            "thrd_current",
                                            "thrd_exit",
                                            "thrd_equal",
                                            0,
                                            -1,
                                            1,
                                            2,
                                            "thrd_nomem"};

/// What a call of a handle API's function does.
enum class HandleCallRole { None, Create, Join, Detach, Self, Exit, Other };

struct HandleCall {
  const HandleThreadApi *Api = nullptr;
  HandleCallRole Role = HandleCallRole::None;
  explicit operator bool() const { return Api != nullptr; }
};

/// The handle API function \p Callee is, by its name as a C function (the
/// global one, or std::'s for `std::thrd_create`); empty for anything else.
HandleCall handleCallOf(const FunctionDecl *Callee);

/// The handle API whose handle type \p T is (through typedefs: the
/// typedef `pthread_t` or `thrd_t` as written); null otherwise.
const HandleThreadApi *handleApiOfType(QualType T);

/// The `ThreadApis` option: the families the checks follow.
class ThreadApiSelection {
public:
  static constexpr llvm::StringLiteral Default = "std;posix;c11;boost;qt";
  /// From the option's value: ';'-separated family names. Unknown names
  /// are collected in \p Unknown (';'-separated) for the caller to report.
  static ThreadApiSelection parse(llvm::StringRef List, std::string &Unknown);
  bool follows(ThreadApi Api) const {
    return Bits & static_cast<unsigned>(Api);
  }

private:
  unsigned Bits = 0;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_THREADAPIS_H
