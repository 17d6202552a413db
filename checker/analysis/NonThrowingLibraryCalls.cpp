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

/// The name of the namespace \p D is declared in, through classes and
/// inline namespaces, when that namespace is directly in std
/// ("this_thread", "chrono"); empty otherwise.
llvm::StringRef stdSubnamespaceOf(const Decl *D) {
  const DeclContext *Context = D->getDeclContext();
  while (Context && (Context->isRecord() || Context->isInlineNamespace()))
    Context = Context->getParent();
  const auto *Namespace = llvm::dyn_cast_or_null<NamespaceDecl>(Context);
  if (!Namespace || !Namespace->isInStdNamespace())
    return {};
  return identifierOf(Namespace);
}

/// std::this_thread (sleep_for, sleep_until, yield, get_id) and std::chrono
/// (durations, time points, their arithmetic and casts): with the standard
/// clocks and arithmetic representations they throw nothing; only a
/// user-defined clock or representation could.
bool isTimeFunction(const FunctionDecl *Callee) {
  llvm::StringRef Namespace = stdSubnamespaceOf(Callee);
  return Namespace == "this_thread" || Namespace == "chrono";
}

} // namespace

bool libraryCallAssumedNotToThrow(const FunctionDecl *Callee) {
  return Callee && (isCFunctionWithoutCallbacks(Callee) ||
                    isStreamOutput(Callee) || isTimeFunction(Callee));
}

} // namespace clang::tidy::threads
