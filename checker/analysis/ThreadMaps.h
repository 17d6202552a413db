//===--- ThreadMaps.h - Standard maps whose mapped values are threads -----===//
//
// std::map<K, std::thread> and its siblings own threads as a vector does,
// but their elements are std::pair<const K, std::thread> entries: a thread
// goes in with insert, emplace, try_emplace, insert_or_assign or
// `m[k] = std::thread(f)`, and is reached as `entry.second`, through a
// structured binding or `it->second`. What is particular to maps lives here.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_THREADMAPS_H
#define THREAD_TIDY_THREADMAPS_H

#include "analysis/TrackedThreadTypes.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::threads {

/// The mapped type of \p RD when it is a std::map, std::multimap,
/// std::unordered_map or std::unordered_multimap; null otherwise.
QualType mappedTypeOfStdMap(const CXXRecordDecl *RD);

/// Whether \p T (or what it points to) is the element of a map of tracked
/// threads: a std::pair whose second member is a thread.
bool isThreadMapEntry(QualType T, const TrackedThreadTypes &Types);

/// Whether \p Call is an insertion into a map of tracked threads.
bool isThreadMapInsertion(const CXXMemberCallExpr *Call,
                          const TrackedThreadTypes &Types);

/// Whether the insertion \p Call into a map of threads puts a started thread
/// in: `insert({k, std::thread(f)})`, `emplace(k, f)`, `try_emplace(k, f)`,
/// `insert_or_assign(k, std::move(t))`. A default-constructed thread
/// (`try_emplace(k)`) is not one.
bool mapInsertionStartsThread(const CXXMemberCallExpr *Call,
                              const TrackedThreadTypes &Types);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_THREADMAPS_H
