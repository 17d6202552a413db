//===--- TemplateInstantiations.h - Which instantiation a finding is in ---===//
//
// Code in a template is analysed in its instantiations, and one
// instantiation may cause a finding the others do not. A place is reported
// once (the instantiations share their source), so the report names the
// instantiation that caused it and where a caller requested it: the user can
// see which caller to fix or suppress.
//
//===----------------------------------------------------------------------===//

#ifndef THREAD_TIDY_TEMPLATEINSTANTIATIONS_H
#define THREAD_TIDY_TEMPLATEINSTANTIATIONS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::threads {

/// An instantiated function or class and where it was requested.
struct TemplateInstantiation {
  /// With its template arguments: `launch<int>`, `Pool<int>::start`.
  std::string Name;
  SourceLocation PointOfInstantiation;
};

/// Finds the template instantiation a declaration or a statement belongs
/// to. Statements do not know their function, and asking the AST parent map
/// would build it for the whole translation unit; so the instantiated
/// functions outside system headers are listed once per translation unit,
/// the first time a statement is asked about, and searched by source range.
class TemplateInstantiations {
public:
  /// The innermost instantiation that \p D is, or is declared in (a local in
  /// an instantiated function, a lambda in one); none outside templates.
  static std::optional<TemplateInstantiation> around(const Decl *D);

  /// The innermost instantiation whose code holds \p S.
  std::optional<TemplateInstantiation> around(const Stmt *S,
                                              ASTContext &Context);

  /// Forgets the functions listed for the previous translation unit.
  void clear();

private:
  /// The instantiated function whose body holds \p S, or null.
  const FunctionDecl *functionHolding(const Stmt *S, ASTContext &Context);

  bool Listed = false;
  std::vector<const FunctionDecl *> Functions;
};

} // namespace clang::tidy::threads

#endif // THREAD_TIDY_TEMPLATEINSTANTIATIONS_H
