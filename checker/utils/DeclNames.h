//===--- DeclNames.h - How declarations are named and found by name -------===//
//
// Options name classes and functions ("::std::vector::at"), and diagnostics
// name them back to the user. Both use one spelling, computed here: the
// enclosing namespaces and classes, without inline namespaces (libc++'s
// std::__1) or template arguments.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_DECLNAMES_H
#define THREAD_TIDY_DECLNAMES_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang::tidy::threads {

/// The simple name of \p D ("join", "get_id"); empty for null and for names
/// that are not identifiers (operators, constructors, destructors), on which
/// getName() would assert.
llvm::StringRef identifierOf(const NamedDecl *D);

/// Whether a qualified name shows the anonymous namespaces it is in.
enum class AnonymousNamespaces {
  Shown,   ///< "(anonymous namespace)::parse": what diagnostics say.
  Omitted, ///< "parse": how code in the translation unit reaches it.
};

/// The name of \p D with its enclosing namespaces, classes and functions,
/// without inline namespaces or template arguments: "std::vector::at" for
/// every `std::__1::vector<T>::at`. Option entries are compared with it.
std::string
plainQualifiedName(const NamedDecl *D,
                   AnonymousNamespaces Anonymous = AnonymousNamespaces::Shown);

/// Whether \p D is declared in namespace \p Namespace at the top level
/// (through inline namespaces): `isInTopLevelNamespace(D, "std")` for
/// std::thread's constructor and std::chrono::now alike. Unlike comparing
/// plainQualifiedName, it builds no string: indexers ask it of every call.
bool isInTopLevelNamespace(const Decl *D, llvm::StringRef Namespace);

/// Whether \p D is a member of namespace \p Namespace itself (through
/// inline namespaces), which is a member of the translation unit.
bool isDirectlyInNamespace(const Decl *D, llvm::StringRef Namespace);

/// How notes name a called function: "parse_line", "Parser::next", "lambda".
std::string calleeName(const FunctionDecl *FD);

/// The definition of the class \p QualifiedName ("std::jthread") in the
/// translation unit, found as name lookup would (through inline namespaces
/// such as std::__1), or null when it is not declared or not defined.
const CXXRecordDecl *findRecordNamed(ASTContext &Ctx,
                                     llvm::StringRef QualifiedName);

/// Whether the translation unit declares a function std::\p Name (through
/// inline namespaces): a check about std::async has nothing to find in a
/// translation unit that never included <future>.
bool declaresStdFunction(ASTContext &Ctx, llvm::StringRef Name);

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_DECLNAMES_H
