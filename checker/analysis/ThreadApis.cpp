//===--- ThreadApis.cpp ---------------------------------------------------===//

#include "analysis/ThreadApis.h"
#include "utils/AstUtils.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::threads {

static const HandleThreadApi *const HandleApis[] = {&PosixThreads, &C11Threads};

HandleCall handleCallOf(const FunctionDecl *Callee) {
  if (!Callee || !Callee->getIdentifier())
    return {};
  // The C library's functions are global (or std::'s, through <cthreads>
  // style re-declarations); a member or a namespaced function of the same
  // name is someone else's.
  const DeclContext *Ctx = Callee->getDeclContext()->getRedeclContext();
  if (!Ctx->isTranslationUnit() && !Ctx->isStdNamespace() &&
      !Ctx->isExternCContext())
    return {};
  llvm::StringRef Name = Callee->getName();
  for (const HandleThreadApi *Api : HandleApis) {
    HandleCallRole Role = HandleCallRole::None;
    if (Name == Api->Create)
      Role = HandleCallRole::Create;
    else if (Name == Api->Join)
      Role = HandleCallRole::Join;
    else if (Name == Api->Detach)
      Role = HandleCallRole::Detach;
    else if (Name == Api->Self)
      Role = HandleCallRole::Self;
    else if (Name == Api->Exit)
      Role = HandleCallRole::Exit;
    else if (Name.starts_with(Api->HandleType.drop_back(1)))
      Role = HandleCallRole::Other; // pthread_equal, pthread_kill, ...
    if (Role != HandleCallRole::None)
      return {Api, Role};
  }
  return {};
}

const HandleThreadApi *handleApiOfType(QualType T) {
  if (T.isNull())
    return nullptr;
  // pthread_t is `unsigned long` and thrd_t is too: only the typedef's name
  // tells a handle from a number. Walk the sugar down to it.
  while (const auto *Typedef = T->getAs<TypedefType>()) {
    llvm::StringRef Name = Typedef->getDecl()->getName();
    for (const HandleThreadApi *Api : HandleApis)
      if (Name == Api->HandleType)
        return Api;
    T = Typedef->desugar();
  }
  return nullptr;
}

ThreadApiSelection ThreadApiSelection::parse(llvm::StringRef List,
                                             std::string &Unknown) {
  ThreadApiSelection Selection;
  llvm::SmallVector<llvm::StringRef, 5> Names;
  List.split(Names, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef Name : Names) {
    Name = Name.trim();
    if (Name.empty())
      continue;
    unsigned Bit = llvm::StringSwitch<unsigned>(Name)
                       .Case("std", unsigned(ThreadApi::Std))
                       .Case("posix", unsigned(ThreadApi::Posix))
                       .Case("c11", unsigned(ThreadApi::C11))
                       .Case("boost", unsigned(ThreadApi::Boost))
                       .Case("qt", unsigned(ThreadApi::Qt))
                       .Case("all", ~0u)
                       .Default(0);
    if (!Bit) {
      if (!Unknown.empty())
        Unknown += ';';
      Unknown += Name.str();
    }
    Selection.Bits |= Bit;
  }
  return Selection;
}

} // namespace clang::tidy::threads
