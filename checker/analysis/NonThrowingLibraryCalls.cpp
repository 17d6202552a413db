//===--- NonThrowingLibraryCalls.cpp --------------------------------------===//

#include "analysis/NonThrowingLibraryCalls.h"
#include "utils/DeclNames.h"
#include "clang/AST/DeclCXX.h"

namespace clang::tidy::threads {

namespace {

/// Whether \p T is, or points or refers to, a function: code that a C
/// function may call back.
bool mayCallBack(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *Pointer = T->getAs<PointerType>())
    T = Pointer->getPointeeType();
  return T->isFunctionType() || T->isBlockPointerType();
}

bool isCFunctionWithoutCallbacks(const FunctionDecl *Callee) {
  if (!Callee->isExternC())
    return false;
  for (const ParmVarDecl *Param : Callee->parameters())
    if (mayCallBack(Param->getType()))
      return false;
  return true;
}

/// Whether \p RD is std::basic_ostream (std::ostream, std::wostream) or a
/// stream derived from it.
bool isOutputStream(const CXXRecordDecl *RD) {
  if (!RD || !(RD = RD->getDefinition()))
    return false;
  if (RD->isInStdNamespace() && identifierOf(RD) == "basic_ostream")
    return true;
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (isOutputStream(Base.getType()->getAsCXXRecordDecl()))
      return true;
  return false;
}

bool isStreamOutput(const FunctionDecl *Callee) {
  if (const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Callee)) {
    if (!isOutputStream(Method->getParent()))
      return false;
    llvm::StringRef Name = identifierOf(Method);
    return Method->getOverloadedOperator() == OO_LessLess || Name == "put" ||
           Name == "write" || Name == "flush";
  }
  // The free operator<< of characters and strings, and the manipulators.
  if (!Callee->isInStdNamespace())
    return false;
  llvm::StringRef Name = identifierOf(Callee);
  if (Name == "endl" || Name == "ends" || Name == "flush")
    return true;
  return Callee->getOverloadedOperator() == OO_LessLess &&
         Callee->getNumParams() == 2 &&
         isOutputStream(Callee->getParamDecl(0)
                            ->getType()
                            .getNonReferenceType()
                            ->getAsCXXRecordDecl());
}

} // namespace

bool libraryCallAssumedNotToThrow(const FunctionDecl *Callee) {
  return Callee &&
         (isCFunctionWithoutCallbacks(Callee) || isStreamOutput(Callee));
}

} // namespace clang::tidy::threads
