//===--- SizedMembers.h - Container members sized by their class ----------===//
//
// A pool keeps one queue per worker and picks one by a remainder:
//
//   class ThreadPool {
//     int32_t _threadNum;
//     std::vector<Queue> _queues;
//     ThreadPool(size_t n) : _threadNum(n ? n : hw()), _queues(_threadNum) {}
//     void schedule(Item item) {
//       for (auto n = 0; n < _threadNum * 2; ++n)
//         if (_queues.at(n % _threadNum).try_push(item)) return;
//     }
//   };
//
// `_queues.at(n % _threadNum)` cannot throw: every constructor gives
// `_queues` `_threadNum` elements, nothing in the class changes its size
// or writes `_threadNum` afterwards (a class invariant), and a remainder of
// a non-negative value by `_threadNum` is below it. This says, for one
// `m.at(i)` call on a data member of `this`, whether its index is below
// `m.size()` that way, or because it is `x % m.size()`. The invariant is
// checked only for an index of that shape, once per (member, count).
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_SIZEDMEMBERS_H
#define THREAD_TIDY_SIZEDMEMBERS_H

#include "analysis/FunctionLayout.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include <utility>

namespace clang::tidy::threads {

class SizedMembers {
public:
  /// Whether the index of \p Call, an `at` call of a std::vector, deque or
  /// array on the object \p Object, is below the object's size: it is
  /// `x % Object.size()`, or `x % k` with a non-negative `x` (unsigned, or
  /// a local of \p Layout's function that stays non-negative) where
  /// \p Object is a data member of `this` that its class keeps at `k`
  /// elements.
  bool indexBelowSize(const Expr *Call, const Expr *Object,
                      const FunctionLayout &Layout);

  /// Forgets the classes of the previous translation unit.
  void reset() { Invariants.clear(); }

private:
  bool keepsSize(const FieldDecl *Container, const FieldDecl *Count);

  /// Whether `Container.size() == Count` holds for every object of their
  /// class once constructed, and as long as it lives.
  llvm::DenseMap<std::pair<const FieldDecl *, const FieldDecl *>, bool>
      Invariants;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_SIZEDMEMBERS_H
