//===--- ThreadMaps.cpp ---------------------------------------------------===//

#include "analysis/ThreadMaps.h"
#include "analysis/ThreadStarts.h"
#include "utils/AstUtils.h"
#include "utils/DeclNames.h"
#include "clang/AST/DeclTemplate.h"

namespace clang::tidy::threads {

namespace {

using Arguments = llvm::ArrayRef<const Expr *>;

/// The type argument \p Index of the std:: class template specialization
/// \p RD named one of \p Names; null otherwise.
QualType stdTemplateArgument(const CXXRecordDecl *RD,
                             std::initializer_list<llvm::StringRef> Names,
                             unsigned Index) {
  const auto *Spec =
      llvm::dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (!Spec ||
      !Spec->getSpecializedTemplate()->getDeclContext()->isStdNamespace())
    return {};
  if (!llvm::is_contained(Names, Spec->getName()))
    return {};
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() <= Index || Args[Index].getKind() != TemplateArgument::Type)
    return {};
  return Args[Index].getAsType();
}

/// The arguments of \p Call that are written (not defaulted).
Arguments writtenArguments(const CXXMemberCallExpr *Call) {
  Arguments Args(Call->getArgs(), Call->getNumArgs());
  while (!Args.empty() && llvm::isa<CXXDefaultArgExpr>(Args.back()))
    Args = Args.drop_back();
  return Args;
}

/// Whether \p Args, handed on to the mapped thread's constructor, construct
/// a started one: a callable and its arguments, or a started thread.
bool constructorArgumentsStart(Arguments Args,
                               const TrackedThreadTypes &Types) {
  if (Args.empty())
    return false;
  if (Args.size() == 1 && Types.isThreadType(Args.front()->getType()))
    return isStartedThreadExpr(Args.front(), Types);
  return true;
}

/// Whether the entry \p Entry (a std::pair value) holds a started thread:
/// `{k, std::thread(f)}`, `std::make_pair(k, std::thread(f))`, an entry
/// moved in.
bool entryStartsThread(const Expr *Entry, const TrackedThreadTypes &Types) {
  Entry = stripTemporaryWrappers(Entry);
  if (!Entry)
    return false;
  if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(Entry)) {
    if (Construct->getNumArgs() == 2)
      return constructorArgumentsStart({Construct->getArg(1)}, Types);
    // A pair converted from another pair type.
    return Construct->getNumArgs() == 1 &&
           entryStartsThread(Construct->getArg(0), Types);
  }
  const auto *Call = llvm::dyn_cast<CallExpr>(Entry);
  if (!Call)
    return false;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (isStdMoveOrForward(Callee))
    return true;
  return isStdFunctionNamed(Callee, {"make_pair"}) && Call->getNumArgs() == 2 &&
         constructorArgumentsStart({Call->getArg(1)}, Types);
}

/// Whether the try_emplace \p Call takes a position hint first: then its
/// first parameter is an iterator, not the key (`try_emplace(hint, k, f)`).
bool takesHint(const CXXMemberCallExpr *Call, QualType Key) {
  const CXXMethodDecl *Method = Call->getMethodDecl();
  if (Key.isNull() || !Method || Method->getNumParams() == 0)
    return false;
  QualType First = Method->getParamDecl(0)->getType().getNonReferenceType();
  return First.getUnqualifiedType().getCanonicalType() !=
         Key.getCanonicalType();
}

} // namespace

QualType mappedTypeOfStdMap(const CXXRecordDecl *RD) {
  return stdTemplateArgument(
      RD, {"map", "multimap", "unordered_map", "unordered_multimap"}, 1);
}

bool isThreadMapEntry(QualType T, const TrackedThreadTypes &Types) {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  QualType Second = stdTemplateArgument(T->getAsCXXRecordDecl(), {"pair"}, 1);
  return !Second.isNull() && Types.isThreadType(Second);
}

bool isThreadMapInsertion(const CXXMemberCallExpr *Call,
                          const TrackedThreadTypes &Types) {
  QualType Mapped = mappedTypeOfStdMap(Call->getRecordDecl());
  return !Mapped.isNull() && Types.isThreadType(Mapped) &&
         containerInsertion(Call->getMethodDecl());
}

bool mapInsertionStartsThread(const CXXMemberCallExpr *Call,
                              const TrackedThreadTypes &Types) {
  llvm::StringRef Name = identifierOf(Call->getMethodDecl());
  QualType Key = stdTemplateArgument(
      Call->getRecordDecl(),
      {"map", "multimap", "unordered_map", "unordered_multimap"}, 0);
  Arguments Args = writtenArguments(Call);
  if (Args.empty())
    return false;
  // insert(entry), insert(hint, entry): a whole entry goes in.
  if (Name == "insert")
    return isThreadMapEntry(Args.back()->getType(), Types) &&
           entryStartsThread(Args.back(), Types);
  // insert_or_assign([hint,] k, thread): the thread is the last argument.
  if (Name == "insert_or_assign")
    return isStartedThreadExpr(Args.back(), Types);
  // try_emplace([hint,] k, args...): the thread is built from the rest.
  if (Name == "try_emplace")
    return constructorArgumentsStart(
        Args.drop_front(takesHint(Call, Key) ? 2 : 1), Types);
  if (Name == "emplace_hint")
    Args = Args.drop_front();
  if (Args.empty())
    return false;
  // emplace(k, thread-or-callable), emplace(entry), and the piecewise form,
  // whose last argument holds the thread's constructor arguments.
  if (Args.size() == 1)
    return isThreadMapEntry(Args.front()->getType(), Types) &&
           entryStartsThread(Args.front(), Types);
  if (Args.size() == 2)
    return constructorArgumentsStart(Args.drop_front(), Types);
  if (const auto *Tuple =
          llvm::dyn_cast<CallExpr>(stripTemporaryWrappers(Args.back())))
    return Tuple->getNumArgs() > 0;
  return false;
}

} // namespace clang::tidy::threads
