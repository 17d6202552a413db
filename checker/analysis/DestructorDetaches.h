//===--- DestructorDetaches.h - Destructors that detach what uses them ----===//
//
// `~Worker() { stop_ = true; thread_.detach(); }` where the thread runs
// Worker::loop: the object is destroyed while its thread may still be
// reading its members. The member analyses find the detach (in the
// destructor or in a member function it calls), the start, and whether the
// function the thread runs uses the object.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_DESTRUCTORDETACHES_H
#define THREAD_TIDY_DESTRUCTORDETACHES_H

#include "analysis/MemberCallChains.h"
#include "analysis/MemberThreadUses.h"
#include "analysis/TrackedThreadTypes.h"
#include <optional>

namespace clang::tidy::threads {

/// A detach of a member's thread that the destructor reaches, while that
/// thread runs code that uses the object.
struct DestructorDetach {
  /// The detach() call.
  const Stmt *Detach;
  /// How the destructor reaches it (no steps: the destructor itself).
  MemberCallChain FromDestructor;
  /// Where the thread is started, and what it runs.
  MemberThreadStart Start;
  /// The first use of the object in what the thread runs.
  const Stmt *ObjectUse;
};

/// The detach of the thread-owning member \p Member (of kind \p Kind) that
/// the destructor of its class reaches, when the thread it detaches runs a
/// function that uses the object (a member function, a lambda capturing
/// `this`) and nothing in the thread keeps the object alive (a captured
/// std::shared_ptr, as from shared_from_this()).
std::optional<DestructorDetach>
findDestructorDetach(const FieldDecl *Member, ThreadOwnerKind Kind,
                     const TrackedThreadTypes &Types);

/// A boost::thread data member, of a Boost.Thread version whose destructor
/// detaches (2, the default), that its class starts running code that uses
/// the object and that none of its visible functions joins, detaches or
/// hands over: destroying the object detaches the thread, which may go on
/// using it.
struct ImplicitDestructorDetach {
  MemberThreadStart Start;
  /// The first use of the object in what the thread runs.
  const Stmt *ObjectUse;
};
std::optional<ImplicitDestructorDetach>
findImplicitDestructorDetach(const FieldDecl *Member, ThreadOwnerKind Kind,
                             const TrackedThreadTypes &Types);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_DESTRUCTORDETACHES_H
