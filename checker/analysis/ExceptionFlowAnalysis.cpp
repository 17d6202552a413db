//===--- ExceptionFlowAnalysis.cpp ----------------------------------------===//

#include "analysis/ExceptionFlowAnalysis.h"
#include "analysis/ExceptionRanking.h"
#include "analysis/NonThrowingLibraryCalls.h"
#include "utils/AstUtils.h"
#include "utils/DeclNames.h"
#include "utils/ThreadTidyOptions.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/PrettyPrinter.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::threads {

namespace {

/// The standard exception hierarchy, for types that are only known by name:
/// a KnownThrowingFunctions entry may name std::invalid_argument in a
/// translation unit that never included <stdexcept>, and a
/// `catch (const std::exception &)` must still catch it.
constexpr std::pair<llvm::StringLiteral, llvm::StringLiteral> StdBases[] = {
    {"std::logic_error", "std::exception"},
    {"std::invalid_argument", "std::logic_error"},
    {"std::domain_error", "std::logic_error"},
    {"std::length_error", "std::logic_error"},
    {"std::out_of_range", "std::logic_error"},
    {"std::future_error", "std::logic_error"},
    {"std::runtime_error", "std::exception"},
    {"std::range_error", "std::runtime_error"},
    {"std::overflow_error", "std::runtime_error"},
    {"std::underflow_error", "std::runtime_error"},
    {"std::system_error", "std::runtime_error"},
    {"std::filesystem::filesystem_error", "std::system_error"},
    {"std::regex_error", "std::runtime_error"},
    {"std::format_error", "std::runtime_error"},
    {"std::bad_alloc", "std::exception"},
    {"std::bad_array_new_length", "std::bad_alloc"},
    {"std::bad_cast", "std::exception"},
    {"std::bad_any_cast", "std::bad_cast"},
    {"std::bad_typeid", "std::exception"},
    {"std::bad_optional_access", "std::exception"},
    {"std::bad_variant_access", "std::exception"},
    {"std::bad_function_call", "std::exception"},
    {"std::bad_weak_ptr", "std::exception"},
    {"std::bad_exception", "std::exception"},
};

llvm::StringRef stdBaseOf(llvm::StringRef Name) {
  for (const auto &[Derived, Base] : StdBases)
    if (Name == Derived)
      return Base;
  return {};
}

PrintingPolicy diagnosticPolicy(const ASTContext &Ctx) {
  PrintingPolicy Policy(Ctx.getLangOpts());
  Policy.SuppressInlineNamespace = true;
  Policy.SuppressUnwrittenScope = true;
  Policy.SuppressTagKeyword = true;
  return Policy;
}

} // namespace

bool ExceptionType::sameAs(const ExceptionType &Other) const {
  if (Record || Other.Record)
    return Record && Other.Record &&
           Record->getCanonicalDecl() == Other.Record->getCanonicalDecl();
  if (!Type.isNull() || !Other.Type.isNull())
    return Type == Other.Type;
  return Name == Other.Name;
}

ExceptionFlowAnalysis::ExceptionFlowAnalysis(const ExceptionOptions &Options,
                                             ThreadStartFailures ThreadStarts)
    : Ignored(parseNameList(Options.IgnoredExceptions)),
      KnownThrowers(
          parseKnownThrowingFunctions(Options.KnownThrowingFunctions)),
      AssumeUnknownTasksThrow(Options.AssumeUnknownTasksThrow),
      ThreadStarts(ThreadStarts) {}

void ExceptionFlowAnalysis::reset() {
  Cache.clear();
  InProgress.clear();
  KnownCache.clear();
  NamedTypes.clear();
  Guards.reset();
  ErasedCalls.reset();
}

bool ExceptionFlowAnalysis::isNoexcept(const FunctionDecl *FD) {
  if (!FD)
    return false;
  if (const auto *Proto = FD->getType()->getAs<FunctionProtoType>())
    return Proto->canThrow() == CT_Cannot;
  return false;
}

ExceptionType ExceptionFlowAnalysis::typeOf(QualType T, ASTContext &Ctx) const {
  ExceptionType Result;
  if (T->isArrayType() || T->isFunctionType())
    T = Ctx.getDecayedType(T);
  Result.Type = T.getCanonicalType().getUnqualifiedType();
  if (const CXXRecordDecl *RD = Result.Type->getAsCXXRecordDecl())
    Result.Record = RD->getDefinition();
  Result.Name = T.getUnqualifiedType().getAsString(diagnosticPolicy(Ctx));
  return Result;
}

ExceptionType ExceptionFlowAnalysis::typeNamed(llvm::StringRef Name,
                                               ASTContext &Ctx) {
  auto Cached = NamedTypes.find(Name);
  if (Cached != NamedTypes.end())
    return Cached->second;
  ExceptionType Result;
  Result.Name = Name.str();
  if (const CXXRecordDecl *RD = findRecordNamed(Ctx, Name)) {
    Result.Record = RD;
  }
  NamedTypes[Name] = Result;
  return Result;
}

bool ExceptionFlowAnalysis::derivesFromNamed(const ExceptionType &T,
                                             llvm::StringRef Base) const {
  if (T.Record) {
    if (plainQualifiedName(T.Record) == Base)
      return true;
    for (const CXXBaseSpecifier &Spec : T.Record->bases()) {
      const CXXRecordDecl *BaseRD = Spec.getType()->getAsCXXRecordDecl();
      if (!BaseRD || !(BaseRD = BaseRD->getDefinition()))
        continue;
      ExceptionType BaseType;
      BaseType.Record = BaseRD;
      if (derivesFromNamed(BaseType, Base))
        return true;
    }
    return false;
  }
  if (!T.Type.isNull())
    return false;
  for (llvm::StringRef Name = T.Name; !Name.empty(); Name = stdBaseOf(Name))
    if (Name == Base)
      return true;
  return false;
}

bool ExceptionFlowAnalysis::isIgnored(const ExceptionType &T) const {
  return llvm::any_of(Ignored, [&](const std::string &Name) {
    return derivesFromNamed(T, Name);
  });
}

bool ExceptionFlowAnalysis::catches(QualType Handler,
                                    const ExceptionType &Thrown) const {
  if (Handler.isNull())
    return true; // catch (...)
  QualType H =
      Handler.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  if (const CXXRecordDecl *HandlerRD = H->getAsCXXRecordDecl()) {
    if (Thrown.Record) {
      const CXXRecordDecl *HandlerDef = HandlerRD->getDefinition();
      return Thrown.Record->getCanonicalDecl() ==
                 HandlerRD->getCanonicalDecl() ||
             (HandlerDef && Thrown.Record->isDerivedFrom(HandlerDef));
    }
    return derivesFromNamed(Thrown, plainQualifiedName(HandlerRD));
  }
  if (Thrown.Type.isNull())
    return false;
  if (H == Thrown.Type)
    return true;
  if (H->isPointerType() && Thrown.Type->isNullPtrType())
    return true;
  if (H->isPointerType() && Thrown.Type->isPointerType()) {
    QualType HP = H->getPointeeType();
    QualType TP = Thrown.Type->getPointeeType();
    // A handler may add qualifiers to the pointee, never drop them.
    if ((TP.isConstQualified() && !HP.isConstQualified()) ||
        (TP.isVolatileQualified() && !HP.isVolatileQualified()))
      return false;
    HP = HP.getUnqualifiedType();
    TP = TP.getUnqualifiedType();
    if (HP == TP || HP->isVoidType())
      return !TP->isFunctionType() || HP == TP;
    const CXXRecordDecl *HR = HP->getAsCXXRecordDecl();
    const CXXRecordDecl *TR = TP->getAsCXXRecordDecl();
    return HR && TR && (HR = HR->getDefinition()) &&
           (TR = TR->getDefinition()) && TR->isDerivedFrom(HR);
  }
  return false;
}

void ExceptionFlowAnalysis::add(ExceptionSet &Set, EscapingException E) const {
  for (const EscapingException &Existing : Set)
    if (Existing.Type.sameAs(E.Type))
      return; // one path per type is enough to explain it
  Set.push_back(std::move(E));
}

const KnownThrowingFunction *
ExceptionFlowAnalysis::knownThrower(const FunctionDecl *FD) {
  if (KnownThrowers.empty())
    return nullptr;
  FD = FD->getCanonicalDecl();
  auto Cached = KnownCache.find(FD);
  if (Cached != KnownCache.end())
    return Cached->second;
  const KnownThrowingFunction *Result = nullptr;
  std::string Name = plainQualifiedName(FD);
  for (const KnownThrowingFunction &Entry : KnownThrowers)
    if (Entry.Function == Name) {
      Result = &Entry;
      break;
    }
  KnownCache[FD] = Result;
  return Result;
}

bool ExceptionFlowAnalysis::knownThrowRuledOut(const Stmt *Site,
                                               const FunctionDecl *Callee,
                                               const FunctionDecl *Caller) {
  if (ThreadStarts == ThreadStartFailures::NotCounted &&
      startsStandardThread(Callee))
    return true;
  const auto *Call = llvm::dyn_cast<Expr>(Site);
  return Call && Guards.rulesOut(Call, Callee, Caller);
}

bool ExceptionFlowAnalysis::callsOpaqueFunction(const Stmt *S) const {
  const FunctionDecl *Callee = calleeOf(S);
  if (!Callee || isNoexcept(Callee) || libraryCallAssumedNotToThrow(Callee))
    return false;
  // clangd skips the bodies of functions in the preamble (the headers): such
  // a body exists, it is only not visible. Opaque means "no body anywhere".
  for (const FunctionDecl *Redecl : Callee->redecls())
    if (Redecl->hasSkippedBody())
      return false;
  const FunctionDecl *Def = visibleDefinition(Callee);
  if (!Def)
    return true;
  return Def->getASTContext().getSourceManager().isInSystemHeader(
      Def->getLocation());
}

bool ExceptionFlowAnalysis::provenNotToThrow(const FunctionDecl *FD) {
  if (!FD)
    return false;
  if (isNoexcept(FD))
    return true;
  const FunctionDecl *Def = userDefinition(FD);
  return Def && escaping(Def).empty() &&
         !anyStmtIn(Def->getBody(),
                    [this](const Stmt *S) { return callsOpaqueFunction(S); });
}

ExceptionSet ExceptionFlowAnalysis::escaping(const FunctionDecl *FD) {
  if (!FD || isNoexcept(FD))
    return {};
  ExceptionSet Result = escapingAt(FD, 0);
  leadWithMostMeaningful(Result);
  return Result;
}

ExceptionSet ExceptionFlowAnalysis::escapingAt(const FunctionDecl *FD,
                                               unsigned Depth) {
  // Library bodies throw through opaque helpers (__throw_out_of_range), so
  // userDefinition leaves them out: KnownThrowingFunctions describes what
  // they throw.
  const FunctionDecl *Def = userDefinition(FD);
  if (Depth > MaxCallDepth || !Def)
    return {};
  auto Cached = Cache.find(Def);
  if (Cached != Cache.end())
    return Cached->second;
  // Recursion: the exceptions of the outer activation are being computed.
  if (!InProgress.insert(Def).second)
    return {};

  BodyWalk Walk{Def->getASTContext(), Depth, Def};
  ExceptionSet Result;
  if (const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(Def))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      analyzeStmt(Init->getInit(), nullptr, Walk, Result);
  analyzeStmt(Def->getBody(), nullptr, Walk, Result);
  InProgress.erase(Def);
  Cache[Def] = Result;
  return Result;
}

ExceptionSet ExceptionFlowAnalysis::thrownByCall(const Stmt *S,
                                                 const FunctionDecl *Caller) {
  ExceptionSet Result;
  analyzeCall(S, calleeOf(S), 0, Caller, Result);
  leadWithMostMeaningful(Result);
  return Result;
}

void ExceptionFlowAnalysis::analyzeCall(const Stmt *Site,
                                        const FunctionDecl *Callee,
                                        unsigned Depth,
                                        const FunctionDecl *Caller,
                                        ExceptionSet &Out) {
  if (const Expr *Callable = TypeErasedCalls::erasedCallee(Site)) {
    analyzeErasedCall(llvm::cast<Expr>(Site), Callable, Depth, Caller, Out);
    return;
  }
  if (!Callee || isNoexcept(Callee) || Callee->isConsteval())
    return;
  SourceLocation Loc = llvm::isa<Expr>(Site)
                           ? llvm::cast<Expr>(Site)->getExprLoc()
                           : Site->getBeginLoc();
  if (const KnownThrowingFunction *Known = knownThrower(Callee)) {
    if (knownThrowRuledOut(Site, Callee, Caller))
      return;
    for (const std::string &TypeName : Known->Types) {
      ExceptionType T = typeNamed(TypeName, Callee->getASTContext());
      if (isIgnored(T))
        continue;
      EscapingException E;
      E.Type = std::move(T);
      E.Path.push_back({ThrowStep::KnownThrower, Loc, Callee});
      add(Out, std::move(E));
    }
    return;
  }
  for (EscapingException E : escapingAt(Callee, Depth + 1)) {
    E.Path.insert(E.Path.begin(), {ThrowStep::Call, Loc, Callee});
    add(Out, std::move(E));
  }
  // A virtual call runs whichever override the object's class has.
  if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(Site))
    if (Caller)
      for (const CXXMethodDecl *Override :
           ErasedCalls.overridesCalledBy(Member, Caller->getASTContext()))
        if (!isNoexcept(Override))
          for (EscapingException E : escapingAt(Override, Depth + 1)) {
            E.Path.insert(E.Path.begin(),
                          {ThrowStep::OverrideCall, Loc, Override});
            add(Out, std::move(E));
          }
}

void ExceptionFlowAnalysis::analyzeErasedCall(const Expr *Site,
                                              const Expr *Callable,
                                              unsigned Depth,
                                              const FunctionDecl *Caller,
                                              ExceptionSet &Out) {
  // A std::function that is itself noexcept-qualified
  // (std::move_only_function<void() noexcept>) promises what runs cannot
  // throw; the call's own declaration says so.
  if (const FunctionDecl *Callee = calleeOf(Site))
    if (isNoexcept(Callee))
      return;
  if (!Caller)
    return;
  ErasedCallTargets Tasks =
      ErasedCalls.targetsOf(Callable, Caller->getASTContext());
  if (Tasks.empty() && AssumeUnknownTasksThrow) {
    // Nothing visible is handed to it: what runs there is anybody's guess.
    EscapingException E;
    E.Type.Name = UnknownTaskException;
    E.Path.push_back({ThrowStep::ErasedCall, Site->getExprLoc()});
    add(Out, std::move(E));
    return;
  }
  for (const ErasedCallTarget &Task : Tasks)
    for (EscapingException E : escapingAt(Task.Function, Depth + 1)) {
      E.Path.insert(E.Path.begin(),
                    {{ThrowStep::ErasedCall, Site->getExprLoc(), Task.Function},
                     {ThrowStep::Submitted, Task.SubmittedAt, Task.Function}});
      add(Out, std::move(E));
    }
}

void ExceptionFlowAnalysis::analyzeTry(const CXXTryStmt *Try,
                                       const ExceptionSet *Caught,
                                       const BodyWalk &Walk,
                                       ExceptionSet &Out) {
  ExceptionSet Pending;
  analyzeStmt(Try->getTryBlock(), Caught, Walk, Pending);
  for (unsigned I = 0, N = Try->getNumHandlers(); I < N; ++I) {
    const CXXCatchStmt *Handler = Try->getHandler(I);
    // An invalid handler (catching an incomplete type) catches nothing.
    if (Handler->getExceptionDecl() &&
        Handler->getExceptionDecl()->isInvalidDecl())
      continue;
    ExceptionSet CaughtHere;
    ExceptionSet StillPending;
    for (EscapingException &E : Pending) {
      if (catches(Handler->getCaughtType(), E.Type))
        CaughtHere.push_back(std::move(E));
      else
        StillPending.push_back(std::move(E));
    }
    Pending = std::move(StillPending);
    analyzeStmt(Handler->getHandlerBlock(), &CaughtHere, Walk, Out);
  }
  for (EscapingException &E : Pending)
    add(Out, std::move(E));
}

void ExceptionFlowAnalysis::analyzeStmt(const Stmt *S,
                                        const ExceptionSet *Caught,
                                        const BodyWalk &Walk,
                                        ExceptionSet &Out) {
  if (!S)
    return;
  if (const auto *Throw = llvm::dyn_cast<CXXThrowExpr>(S)) {
    const Expr *Operand = Throw->getSubExpr();
    if (!Operand) {
      // `throw;` rethrows what the enclosing handler caught. Outside a
      // handler of this function, what it rethrows is unknown: silence.
      if (Caught)
        for (EscapingException E : *Caught) {
          E.Path.push_back({ThrowStep::Rethrow, Throw->getThrowLoc()});
          add(Out, std::move(E));
        }
      return;
    }
    analyzeStmt(Operand, Caught, Walk, Out);
    // Code that does not compile has no type to report.
    if (Operand->getType()->isDependentType() || Operand->containsErrors())
      return;
    ExceptionType T = typeOf(Operand->getType(), Walk.Ctx);
    if (isIgnored(T))
      return;
    EscapingException E;
    E.Type = std::move(T);
    E.Path.push_back({ThrowStep::Throw, Throw->getThrowLoc()});
    add(Out, std::move(E));
    return;
  }
  if (const auto *Try = llvm::dyn_cast<CXXTryStmt>(S)) {
    analyzeTry(Try, Caught, Walk, Out);
    return;
  }
  // A lambda's body runs when it is called, not where it is written; only
  // its captures are initialized here.
  if (const auto *Lambda = llvm::dyn_cast<LambdaExpr>(S)) {
    for (const Expr *Init : Lambda->capture_inits())
      analyzeStmt(Init, Caught, Walk, Out);
    return;
  }
  // Operands that are never evaluated cannot throw, and neither can what
  // the compiler evaluates: a throw reached there is a compile error (fmt's
  // and std::format's consteval format-string checks rely on exactly that).
  if (llvm::isa<BlockExpr, UnaryExprOrTypeTraitExpr, CXXNoexceptExpr,
                CXXTypeidExpr, ConstantExpr>(S))
    return;
  if (const auto *Decls = llvm::dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : Decls->decls())
      if (const auto *Var = llvm::dyn_cast<VarDecl>(D))
        if (!Var->isConstexpr())
          analyzeStmt(Var->getInit(), Caught, Walk, Out);
    return;
  }
  if (const auto *If = llvm::dyn_cast<IfStmt>(S)) {
    if (If->isConstexpr()) {
      analyzeStmt(If->getInit(), Caught, Walk, Out);
      analyzeStmt(If->getThen(), Caught, Walk, Out);
      analyzeStmt(If->getElse(), Caught, Walk, Out);
      return;
    }
  }
  if (const auto *Default = llvm::dyn_cast<CXXDefaultArgExpr>(S)) {
    analyzeStmt(Default->getExpr(), Caught, Walk, Out);
    return;
  }
  for (const Stmt *Child : S->children())
    analyzeStmt(Child, Caught, Walk, Out);
  analyzeCall(S, calleeOf(S), Walk.Depth, Walk.Function, Out);
}

} // namespace clang::tidy::threads
