//===--- TrackedThreadTypes.cpp -------------------------------------------===//

#include "analysis/TrackedThreadTypes.h"
#include "analysis/BoostThreads.h"
#include "analysis/ThreadMaps.h"
#include "utils/AstUtils.h"
#include "utils/DeclNames.h"
#include "utils/ThreadTidyCompat.h"
#include "utils/ThreadTidyOptions.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"

namespace clang::tidy::threads {

TrackedThreadTypes::TrackedThreadTypes(llvm::StringRef ThreadTypes,
                                       llvm::StringRef JoinMethods,
                                       llvm::StringRef ThreadApis,
                                       BoostThreadVersions Boost)
    : ThreadTypesOption(ThreadTypes.str()),
      JoinMethodsOption(JoinMethods.str()), ThreadApisOption(ThreadApis.str()),
      ThreadTypeNames(parseNameList(ThreadTypes)),
      JoinMethodNames(parseNameList(JoinMethods)), Boost(Boost) {
  std::string Unknown;
  Apis = ThreadApiSelection::parse(ThreadApis, Unknown);
}

TrackedThreadTypes::TrackedThreadTypes(
    const ClangTidyCheck &Check, llvm::StringRef CheckName,
    const ClangTidyCheck::OptionsView &Options)
    : TrackedThreadTypes(
          validatedList(Check, CheckName, "ThreadTypes",
                        Options.get("ThreadTypes", DefaultThreadTypes),
                        DefaultThreadTypes, ListShape::QualifiedNames,
                        /*AllowEmpty=*/false),
          validatedList(Check, CheckName, "JoinMethods",
                        Options.get("JoinMethods", DefaultJoinMethods),
                        DefaultJoinMethods, ListShape::Identifiers,
                        /*AllowEmpty=*/false),
          readThreadApisOption(Check, CheckName, Options)) {}

std::string TrackedThreadTypes::readThreadApisOption(
    const ClangTidyCheck &Check, llvm::StringRef CheckName,
    const ClangTidyCheck::OptionsView &Options) {
  std::string Value =
      validatedList(Check, CheckName, "ThreadApis",
                    Options.get("ThreadApis", ThreadApiSelection::Default),
                    ThreadApiSelection::Default, ListShape::Identifiers,
                    /*AllowEmpty=*/true);
  std::string Unknown;
  ThreadApiSelection::parse(Value, Unknown);
  if (!Unknown.empty())
    compat::configurationWarning(
        Check, ("unknown thread API '" + Unknown + "' in option '" + CheckName +
                ".ThreadApis'; it is ignored (known: std, posix, c11, "
                "boost, qt, all)")
                   .str());
  return Value;
}

bool TrackedThreadTypes::isThreadClass(const CXXRecordDecl *RD) const {
  if (!RD)
    return false;
  RD = RD->getCanonicalDecl();
  auto Cached = ThreadClassCache.find(RD);
  if (Cached != ThreadClassCache.end())
    return Cached->second;

  bool Result = false;
  std::string Name = plainQualifiedName(RD, AnonymousNamespaces::Omitted);
  if (llvm::is_contained(ThreadTypeNames, Name)) {
    Result = true;
  } else if (isBoostThreadClass(RD)) {
    // Read once per translation unit: the answer is cached below.
    Result = follows(ThreadApi::Boost) &&
             (Boost == BoostThreadVersions::All ||
              boostThreadEnd(RD) == UnjoinedEnd::Terminates);
  } else if (const CXXRecordDecl *Def = RD->getDefinition()) {
    // A class derived from a thread type terminates exactly like its base,
    // unless it brings its own destructor (the usual joining_thread RAII
    // wrapper): then its author decided what destruction does.
    if (!Def->hasUserDeclaredDestructor() && !Def->isDependentContext()) {
      for (const CXXBaseSpecifier &Base : Def->bases()) {
        if (isThreadClass(Base.getType()->getAsCXXRecordDecl())) {
          Result = true;
          break;
        }
      }
    }
  }
  ThreadClassCache[RD] = Result;
  return Result;
}

ThreadOwnerKind TrackedThreadTypes::ownerKind(QualType T) const {
  if (T.isNull())
    return ThreadOwnerKind::None;
  // A C array of threads owns them as a std::array does; its elements are
  // reached by subscripts instead of operator[] calls.
  if (const auto *Array = llvm::dyn_cast_or_null<ConstantArrayType>(
          T.getNonReferenceType()->getAsArrayTypeUnsafe()))
    return isThreadClass(Array->getElementType()->getAsCXXRecordDecl())
               ? ThreadOwnerKind::Container
               : ThreadOwnerKind::None;
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return ThreadOwnerKind::None;
  if (isThreadClass(RD))
    return ThreadOwnerKind::Thread;

  const auto *Spec = llvm::dyn_cast<ClassTemplateSpecializationDecl>(RD);
  if (!Spec)
    return ThreadOwnerKind::None;
  // A map owns its mapped threads as a sequence container owns its elements.
  QualType Mapped = mappedTypeOfStdMap(RD);
  if (!Mapped.isNull())
    return isThreadClass(Mapped->getAsCXXRecordDecl())
               ? ThreadOwnerKind::Container
               : ThreadOwnerKind::None;
  QualType Element = firstTemplateTypeArgument(RD);
  if (Element.isNull() || !isThreadClass(Element->getAsCXXRecordDecl()))
    return ThreadOwnerKind::None;
  const DeclContext *Ctx = Spec->getSpecializedTemplate()->getDeclContext();
  if (!Ctx->isStdNamespace())
    return ThreadOwnerKind::None;
  llvm::StringRef Name = Spec->getName();
  if (Name == "unique_ptr")
    return ThreadOwnerKind::UniquePtr;
  if (Name == "optional")
    return ThreadOwnerKind::Optional;
  if (Name == "shared_ptr")
    return ThreadOwnerKind::SharedPtr;
  if (Name == "vector" || Name == "deque" || Name == "list" ||
      Name == "forward_list" || Name == "array")
    return ThreadOwnerKind::Container;
  return ThreadOwnerKind::None;
}

const HandleThreadApi *TrackedThreadTypes::handleApiOfValue(QualType T) const {
  if (T.isNull() || T->isReferenceType())
    return nullptr;
  if (const auto *Array =
          llvm::dyn_cast_or_null<ConstantArrayType>(T->getAsArrayTypeUnsafe()))
    T = Array->getElementType();
  const HandleThreadApi *Api = handleApiOfType(T);
  return Api && follows(Api->Api) ? Api : nullptr;
}

ThreadOwnerKind TrackedThreadTypes::handleKindOfValue(QualType T) const {
  if (!handleApiOfValue(T))
    return ThreadOwnerKind::None;
  return T->isConstantArrayType() ? ThreadOwnerKind::HandleArray
                                  : ThreadOwnerKind::Handle;
}

ThreadOwnerKind
TrackedThreadTypes::handleKindOfVariable(const VarDecl *Var) const {
  QualType T = Var->getType();
  ThreadOwnerKind Kind = handleKindOfValue(T);
  if (Kind != ThreadOwnerKind::None || !T->isPointerType() ||
      llvm::isa<ParmVarDecl>(Var) || !Var->hasLocalStorage())
    return Kind;
  // A pointer the caller passed, or one into somebody else's array, is
  // no block of handles this function owns.
  if (handleKindOfValue(T->getPointeeType()) != ThreadOwnerKind::Handle ||
      !Var->getInit() || !isHeapAllocation(Var->getInit()))
    return ThreadOwnerKind::None;
  return ThreadOwnerKind::HandleArray;
}

const HandleThreadApi *
TrackedThreadTypes::handleApiOfVariable(const VarDecl *Var) const {
  if (handleKindOfVariable(Var) == ThreadOwnerKind::None)
    return nullptr;
  QualType T = Var->getType();
  return handleApiOfValue(T->isPointerType() ? T->getPointeeType() : T);
}

bool TrackedThreadTypes::isJoinMethodName(llvm::StringRef Name) const {
  return llvm::is_contained(JoinMethodNames, Name);
}

llvm::StringRef TrackedThreadTypes::joinMethodAt(const Stmt *Site) {
  if (const auto *Call = llvm::dyn_cast_or_null<CXXMemberCallExpr>(Site))
    if (llvm::StringRef Name = identifierOf(Call->getMethodDecl());
        !Name.empty())
      return Name;
  if (const auto *Call = llvm::dyn_cast_or_null<CallExpr>(Site))
    if (HandleCall Handle = handleCallOf(Call->getDirectCallee()))
      return Handle.Role == HandleCallRole::Detach ? Handle.Api->Detach
                                                   : Handle.Api->Join;
  return JoinMethod;
}

TrackedThreadTypes::JoinKind TrackedThreadTypes::joinKindAt(const Stmt *Site) {
  if (const auto *Call = llvm::dyn_cast_or_null<CallExpr>(Site))
    if (HandleCall Handle = handleCallOf(Call->getDirectCallee()))
      return Handle.Role == HandleCallRole::Detach ? JoinKind::Detach
                                                   : JoinKind::Join;
  llvm::StringRef Name = joinMethodAt(Site);
  if (Name == JoinMethod)
    return JoinKind::Join;
  if (Name == DetachMethod)
    return JoinKind::Detach;
  return JoinKind::OtherJoinMethod;
}

bool TrackedThreadTypes::isJoinMethod(const CXXMethodDecl *Method) const {
  llvm::StringRef Name = identifierOf(Method);
  return !Name.empty() && isJoinMethodName(Name) &&
         isThreadClass(Method->getParent());
}

} // namespace clang::tidy::threads
