//===--- PromiseExceptions.cpp - Can a promise ever hold an exception -----===//

#include "analysis/PromiseExceptions.h"
#include "utils/AstUtils.h"
#include "utils/DeclNames.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::threads {

namespace {

bool isStdPromise(const CXXRecordDecl *Record) {
  return Record->isInStdNamespace() && identifierOf(Record) == "promise";
}

bool isStdFuture(const CXXRecordDecl *Record) {
  llvm::StringRef Name = identifierOf(Record);
  return Record && Record->isInStdNamespace() &&
         (Name == "future" || Name == "shared_future");
}

/// A future built from a standard future alone (a library's wrapper,
/// `tf::Future<T> f(promise.get_future())`): it carries what that future
/// carries, so the standard future is the source to look at.
const Expr *wrappedStdFuture(const Expr *Source) {
  const auto *Construct = llvm::dyn_cast_or_null<CXXConstructExpr>(Source);
  if (!Construct || Construct->getNumArgs() != 1)
    return nullptr;
  const Expr *Inner = Construct->getArg(0);
  if (!isStdFuture(Inner->getType()->getAsCXXRecordDecl()))
    return nullptr;
  return Inner;
}

/// The local variable or data member of `this` \p Object names, if any.
const ValueDecl *namedObject(const Expr *Object) {
  if (const VarDecl *Var = referencedVariable(Object))
    return Var;
  return memberOfThis(Object);
}

bool isSetExceptionMethod(llvm::StringRef Name) {
  return Name == "set_exception" || Name == "set_exception_at_thread_exit";
}

/// Counts the references to one promise, and among them those that are
/// the object of a call that cannot store an exception.
class PromiseUseCounter : public RecursiveASTVisitor<PromiseUseCounter> {
public:
  explicit PromiseUseCounter(const ValueDecl *Promise) : Promise(Promise) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  /// A capture by reference only names the promise: what the lambda does
  /// with it is in its body, which is visited.
  bool TraverseLambdaCapture(LambdaExpr *Lambda, const LambdaCapture *Capture,
                             Expr *Init) {
    if (Capture->capturesVariable() && !Lambda->isInitCapture(Capture) &&
        Capture->getCaptureKind() == LCK_ByRef)
      return true;
    return RecursiveASTVisitor::TraverseLambdaCapture(Lambda, Capture, Init);
  }

  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (Ref->getDecl() == Promise)
      ++References;
    return true;
  }
  bool VisitMemberExpr(MemberExpr *Member) {
    if (Member->getMemberDecl() == Promise)
      ++References;
    return true;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    llvm::StringRef Name = identifierOf(Call->getMethodDecl());
    bool CannotStoreException = Name == "get_future" || Name == "set_value" ||
                                Name == "set_value_at_thread_exit";
    if (CannotStoreException &&
        namedObject(Call->getImplicitObjectArgument()) == Promise)
      ++HarmlessReferences;
    return true;
  }

  bool onlyHarmlessUses() const { return References == HarmlessReferences; }

private:
  const ValueDecl *Promise;
  unsigned References = 0;
  unsigned HarmlessReferences = 0;
};

/// Whether user code calls set_exception*() on some promise of one type,
/// however it reaches it (a reference parameter, a pointer, an element).
class SetExceptionFinder : public RecursiveASTVisitor<SetExceptionFinder> {
public:
  SetExceptionFinder(const CXXRecordDecl *PromiseClass,
                     const SourceManager &Sources)
      : PromiseClass(PromiseClass), Sources(Sources) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (Method && isSetExceptionMethod(identifierOf(Method)) &&
        Method->getParent()->getCanonicalDecl() == PromiseClass &&
        !Sources.isInSystemHeader(Call->getBeginLoc())) {
      Found = true;
      return false;
    }
    return true;
  }

  bool Found = false;

private:
  const CXXRecordDecl *PromiseClass;
  const SourceManager &Sources;
};

} // namespace

bool PromiseExceptions::mayCarryException(const Expr *FutureSource) {
  const Expr *Source =
      stripTemporaryWrappers(FutureSource, ElidedCopies::Strip);
  if (const Expr *Wrapped = wrappedStdFuture(Source))
    Source = stripTemporaryWrappers(Wrapped, ElidedCopies::Strip);
  const auto *Call = llvm::dyn_cast_or_null<CXXMemberCallExpr>(Source);
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  if (!Method || identifierOf(Method) != "get_future" ||
      !isStdPromise(Method->getParent()))
    return true;
  if (const ValueDecl *Promise = namedObject(Call->getImplicitObjectArgument()))
    return mayHoldException(Promise);
  return someoneSetsException(Method->getParent());
}

const Decl *PromiseExceptions::scopeOfUses(const ValueDecl *Promise) const {
  if (llvm::isa<FieldDecl>(Promise))
    return Context.getTranslationUnitDecl();
  const auto *Local = llvm::dyn_cast<VarDecl>(Promise);
  if (!Local || !Local->hasLocalStorage() || llvm::isa<ParmVarDecl>(Local) ||
      Local->getType()->isReferenceType())
    return nullptr;
  return functionDeclaring(Local);
}

bool PromiseExceptions::mayHoldException(const ValueDecl *Promise) {
  if (const Decl *Scope = scopeOfUses(Promise)) {
    PromiseUseCounter Counter(Promise);
    Counter.TraverseDecl(const_cast<Decl *>(Scope));
    if (Counter.onlyHarmlessUses())
      return false;
  }
  const CXXRecordDecl *PromiseClass =
      Promise->getType().getNonReferenceType()->getAsCXXRecordDecl();
  return !PromiseClass || someoneSetsException(PromiseClass);
}

bool PromiseExceptions::someoneSetsException(
    const CXXRecordDecl *PromiseClass) {
  PromiseClass = PromiseClass->getCanonicalDecl();
  auto [It, Inserted] = SetsException.try_emplace(PromiseClass, true);
  if (!Inserted)
    return It->second;
  SetExceptionFinder Finder(PromiseClass, Context.getSourceManager());
  Finder.TraverseDecl(Context.getTranslationUnitDecl());
  SetsException[PromiseClass] = Finder.Found;
  return Finder.Found;
}

} // namespace clang::tidy::threads
