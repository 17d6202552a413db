//===--- DestructorDetaches.cpp -------------------------------------------===//

#include "analysis/DestructorDetaches.h"
#include "analysis/BoostThreads.h"
#include "utils/AstUtils.h"
#include "utils/DeclNames.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::threads {

namespace {

/// The first `this` (written or implicit, as in a member access) in
/// \p Entry's body: where the thread uses the object.
const Stmt *firstUseOfObject(const FunctionDecl *Entry) {
  const Stmt *Found = nullptr;
  forEachStmtIn(Entry->getBody(), Lambdas::Enter, [&](const Stmt *S) {
    if (!Found && llvm::isa<CXXThisExpr>(S))
      Found = S;
  });
  return Found;
}

/// Whether \p Entry is a lambda holding a std::shared_ptr among its
/// captures (`[self = shared_from_this()]`): the object outlives the thread.
bool capturesSharedOwner(const FunctionDecl *Entry) {
  const auto *Closure = llvm::dyn_cast<CXXRecordDecl>(Entry->getParent());
  if (!Closure || !Closure->isLambda())
    return false;
  return llvm::any_of(Closure->fields(), [](const FieldDecl *Capture) {
    const CXXRecordDecl *Type = Capture->getType()->getAsCXXRecordDecl();
    return Type && plainQualifiedName(Type) == "std::shared_ptr";
  });
}

/// Whether the start \p Site hands the thread a shared owner of the object
/// (`std::thread(&C::run, shared_from_this())`, `[self =
/// shared_from_this()]`): the object outlives the thread.
bool sharesOwnership(const Stmt *Site) {
  return anyStmtIn(Site, [](const Stmt *S) {
    const auto *Call = llvm::dyn_cast<CallExpr>(S);
    return Call && identifierOf(Call->getDirectCallee()) == "shared_from_this";
  });
}

/// The first start of the member whose thread runs code that uses the
/// object, with that use; nullopt when every thread keeps the object
/// alive itself or never touches it.
std::optional<std::pair<MemberThreadStart, const Stmt *>>
firstStartUsingObject(const MemberUseSummary &Summary, ThreadOwnerKind Kind,
                      const TrackedThreadTypes &Types) {
  for (const MemberThreadStart &Start :
       startsWithVisibleEntry(Summary, Kind, Types)) {
    if (capturesSharedOwner(Start.Entry) || sharesOwnership(Start.Site))
      continue;
    if (const Stmt *Use = firstUseOfObject(Start.Entry))
      return std::make_pair(Start, Use);
  }
  return std::nullopt;
}

} // namespace

std::optional<DestructorDetach>
findDestructorDetach(const FieldDecl *Member, ThreadOwnerKind Kind,
                     const TrackedThreadTypes &Types) {
  const CXXRecordDecl *RD = analyzableClassOf(Member);
  if (!RD)
    return std::nullopt;
  const FunctionDecl *Destructor = visibleDefinition(RD->getDestructor());
  if (!Destructor)
    return std::nullopt;
  llvm::SmallVector<const FunctionDecl *, 16> Functions;
  collectVisibleMemberFunctions(RD, Functions);
  MemberUseSummary Summary =
      summarizeMemberUses(Member, Kind, Functions, Types);
  // A copied shared_ptr gives the thread other owners, which may have
  // joined it before the destructor detaches.
  if (Kind == ThreadOwnerKind::SharedPtr &&
      llvm::any_of(Summary.Uses, [](const MemberUse &M) {
        return M.Use.Kind == ThreadUseKind::Escape;
      }))
    return std::nullopt;

  llvm::DenseMap<const FunctionDecl *, const Stmt *> Detaches;
  for (const MemberUse &M : Summary.Uses)
    if (M.Use.Kind == ThreadUseKind::Join && M.In &&
        TrackedThreadTypes::joinKindAt(M.Use.Site) ==
            TrackedThreadTypes::JoinKind::Detach)
      Detaches.try_emplace(M.In, M.Use.Site);
  if (Detaches.empty())
    return std::nullopt;
  std::optional<MemberCallChain> Chain =
      findMemberCallChain(Destructor, RD, [&](const FunctionDecl *Fn) {
        return Detaches.count(Fn);
      });
  if (!Chain)
    return std::nullopt;

  if (auto Found = firstStartUsingObject(Summary, Kind, Types))
    return DestructorDetach{Detaches.lookup(Chain->Reached), *Chain,
                            Found->first, Found->second};
  return std::nullopt;
}

std::optional<ImplicitDestructorDetach>
findImplicitDestructorDetach(const FieldDecl *Member, ThreadOwnerKind Kind,
                             const TrackedThreadTypes &Types) {
  const CXXRecordDecl *Thread = Member->getType()->getAsCXXRecordDecl();
  if (Kind != ThreadOwnerKind::Thread || !isBoostThreadClass(Thread))
    return std::nullopt;
  // "Nothing joins it" needs all the code that can: a private member, and
  // every function of the class visible.
  const CXXRecordDecl *RD = analyzableClassOf(Member);
  if (!RD || !onlyOwnCodeReaches(Member))
    return std::nullopt;
  llvm::SmallVector<const FunctionDecl *, 16> Functions;
  if (!collectVisibleMemberFunctions(RD, Functions))
    return std::nullopt;
  MemberUseSummary Summary =
      summarizeMemberUses(Member, Kind, Functions, Types);
  // A join or a detach anywhere (a stop() the owner calls), or a timed
  // join, a swap, a hand-over: the thread may be ended before.
  if (llvm::any_of(Summary.Uses,
                   [](const MemberUse &M) { return joinsOrHandsOver(M.Use); }))
    return std::nullopt;
  // Read last: the destructor's body tells the version.
  if (boostThreadEnd(Thread) != UnjoinedEnd::Detaches)
    return std::nullopt;
  if (auto Found = firstStartUsingObject(Summary, Kind, Types))
    return ImplicitDestructorDetach{Found->first, Found->second};
  return std::nullopt;
}

} // namespace clang::tidy::threads
