//===--- QtThreads.cpp ----------------------------------------------------===//

#include "analysis/QtThreads.h"
#include "analysis/LocalEndPaths.h"
#include "analysis/ThreadApis.h"
#include "utils/AstUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <memory>
#include <optional>
#include <vector>

namespace clang::tidy::threads {

namespace {

bool isGlobalClassNamed(const CXXRecordDecl *RD, llvm::StringRef Name) {
  return RD && RD->getIdentifier() && RD->getName() == Name &&
         RD->getDeclContext()->getRedeclContext()->isTranslationUnit();
}

/// Whether \p Method is declared by QThread or QObject themselves: Qt's own
/// functions, whose effect on the thread QtThreadApi describes.
bool isQtOwnMethod(const CXXMethodDecl *Method) {
  const CXXRecordDecl *RD = Method->getParent();
  return isGlobalClassNamed(RD, QtThreadApi.Class) ||
         isGlobalClassNamed(RD, "QObject");
}

bool isNamedOneOf(const NamedDecl *D,
                  std::initializer_list<llvm::StringRef> Names) {
  if (!D || !D->getIdentifier())
    return false;
  for (llvm::StringRef Name : Names)
    if (D->getName() == Name)
      return true;
  return false;
}

/// Whether \p Call is a wait() that joins: no timeout, or one whose result
/// the caller looks at (a timed wait whose result is dropped leaves the
/// thread running when it times out).
bool isJoiningWait(const CXXMemberCallExpr *Call, bool Discarded) {
  if (!isNamedOneOf(Call->getMethodDecl(), {QtThreadApi.Wait}))
    return false;
  bool Timed = Call->getNumArgs() > 0 &&
               !llvm::isa<CXXDefaultArgExpr>(Call->getArg(0)->IgnoreImplicit());
  return !Timed || !Discarded;
}

/// Whether \p Body calls a joining wait() on `this`.
bool waitsForThis(const Stmt *Body) {
  return anyStmtIn(Body, [](const Stmt *S) {
    const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(S);
    return Call && isThis(Call->getImplicitObjectArgument()) &&
           isNamedOneOf(Call->getMethodDecl(), {QtThreadApi.Wait}) &&
           isQtOwnMethod(Call->getMethodDecl());
  });
}

/// Whether \p Arg names deleteLater: `&QObject::deleteLater`, or the
/// string SLOT(deleteLater()) makes (through qFlagLocation in debug builds).
bool namesDeleteLater(const Expr *Arg) {
  const Expr *E = Arg->IgnoreParenImpCasts();
  if (const auto *Call = llvm::dyn_cast<CallExpr>(E))
    if (Call->getNumArgs() == 1 &&
        isNamedOneOf(Call->getDirectCallee(), {"qFlagLocation"}))
      E = Call->getArg(0)->IgnoreParenImpCasts();
  if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(E))
    E = Unary->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E))
    return isNamedOneOf(Ref->getDecl(), {"deleteLater"});
  if (const auto *Str = llvm::dyn_cast<StringLiteral>(E))
    return Str->getCharByteWidth() == 1 &&
           Str->getString().contains("deleteLater");
  return false;
}

/// Whether the connect() \p Call makes its argument \p Receiver delete
/// itself: `connect(t, &QThread::finished, t, &QObject::deleteLater)`.
bool connectsDeleteLaterOf(const CallExpr *Call, const Stmt *Receiver) {
  for (unsigned I = 1, N = Call->getNumArgs(); I < N; ++I)
    if (Call->getArg(I - 1) == Receiver && namesDeleteLater(Call->getArg(I)))
      return true;
  return false;
}

bool isQObjectConnect(const FunctionDecl *FD) {
  const auto *Method = llvm::dyn_cast_or_null<CXXMethodDecl>(FD);
  return Method && isNamedOneOf(Method, {"connect"}) &&
         isGlobalClassNamed(Method->getParent(), "QObject");
}

} // namespace

bool isQThreadClass(const CXXRecordDecl *RD) {
  if (!RD || !(RD = RD->getDefinition()))
    return false;
  if (isGlobalClassNamed(RD, QtThreadApi.Class))
    return true;
  if (RD->isDependentContext() || RD->isInStdNamespace())
    return false;
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (isQThreadClass(Base.getType()->getAsCXXRecordDecl()))
      return true;
  return false;
}

QtThreadHolding qtThreadHolding(QualType T, const CXXRecordDecl **Class) {
  if (T.isNull() || T->isReferenceType())
    return QtThreadHolding::None;
  QtThreadHolding Holding = QtThreadHolding::Value;
  QualType Held = T;
  if (T->isPointerType()) {
    Holding = QtThreadHolding::Pointer;
    Held = T->getPointeeType();
  } else if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl()) {
    if (isStdDeclNamed(RD, {"unique_ptr"}) ||
        isGlobalClassNamed(RD, "QScopedPointer")) {
      Holding = QtThreadHolding::OwningPointer;
      Held = firstTemplateTypeArgument(RD);
    }
  }
  if (Held.isNull())
    return QtThreadHolding::None;
  const CXXRecordDecl *RD = Held->getAsCXXRecordDecl();
  if (!isQThreadClass(RD))
    return QtThreadHolding::None;
  if (Class)
    *Class = RD;
  return Holding;
}

bool isQThreadCreate(const CallExpr *Call) {
  const auto *Method = llvm::dyn_cast_or_null<CXXMethodDecl>(
      Call ? Call->getDirectCallee() : nullptr);
  return Method && Method->isStatic() &&
         isNamedOneOf(Method, {QtThreadApi.Create}) &&
         isGlobalClassNamed(Method->getParent(), QtThreadApi.Class);
}

bool createsQThread(const Expr *E, bool *ParentedToThis) {
  if (!E)
    return false;
  E = stripTemporaryWrappers(E)->IgnoreParenCasts();
  if (const auto *Call = llvm::dyn_cast<CallExpr>(E))
    return isQThreadCreate(Call) ||
           (isStdFunctionNamed(Call->getDirectCallee(), {"make_unique"}) &&
            qtThreadHolding(Call->getType()) == QtThreadHolding::OwningPointer);
  const auto *New = llvm::dyn_cast<CXXNewExpr>(E);
  if (!New || New->isArray() ||
      !isQThreadClass(New->getAllocatedType()->getAsCXXRecordDecl()))
    return false;
  if (ParentedToThis)
    if (const CXXConstructExpr *Construct = New->getConstructExpr())
      *ParentedToThis =
          Construct->getNumArgs() > 0 && isThis(Construct->getArg(0));
  return true;
}

bool qThreadWaitsWhenDestroyed(const CXXRecordDecl *Class) {
  for (unsigned Depth = 0; Class && Depth < 8; ++Depth) {
    if (isGlobalClassNamed(Class, QtThreadApi.Class))
      return false;
    if (const CXXDestructorDecl *Dtor = Class->getDestructor()) {
      if (Dtor->isUserProvided()) {
        const FunctionDecl *Def = visibleDefinition(Dtor);
        // A destructor defined elsewhere may wait: assume it does.
        if (!Def || waitsForThis(Def->getBody()))
          return true;
      }
    }
    const CXXRecordDecl *Next = nullptr;
    for (const CXXBaseSpecifier &Base : Class->bases())
      if (isQThreadClass(Base.getType()->getAsCXXRecordDecl()))
        Next = Base.getType()->getAsCXXRecordDecl()->getDefinition();
    Class = Next;
  }
  return false;
}

bool isQThreadRunOverride(const CXXMethodDecl *Method) {
  if (!Method || !isNamedOneOf(Method, {QtThreadApi.Entry}) ||
      Method->getNumParams() != 0 || !Method->isVirtual() ||
      isGlobalClassNamed(Method->getParent(), QtThreadApi.Class))
    return false;
  return isQThreadClass(Method->getParent());
}

QtThreadUseCollector::QtThreadUseCollector(const Stmt *Body)
    : Body(Body), Parents(const_cast<Stmt *>(Body)) {}

void QtThreadUseCollector::collect(const ValueDecl *Owner, QtThreadUses &Uses) {
  llvm::SmallVector<const Expr *, 8> Refs;
  findReferences(Body, Owner, Refs);
  // A use inside a lambda runs whenever the lambda is called: its order
  // against the thread's end is not in sight.
  unsigned Outside = 0;
  forEachStmtIn(Body, Lambdas::Skip, [&](const Stmt *S) {
    if (llvm::is_contained(Refs, S))
      ++Outside;
  });
  if (Outside != Refs.size())
    Uses.HandedOver = true;
  for (const Expr *Ref : Refs)
    classify(Ref, Uses, 0);
}

bool QtThreadUseCollector::isDiscarded(const Expr *E) {
  const Stmt *Parent = semanticParent(Parents, E);
  if (!Parent || llvm::isa<CompoundStmt>(Parent))
    return true;
  const auto *Cast = llvm::dyn_cast<CastExpr>(Parent);
  return Cast && Cast->getType()->isVoidType();
}

void QtThreadUseCollector::classify(const Expr *E, QtThreadUses &Uses,
                                    unsigned Depth) {
  if (Depth > 4) {
    Uses.HandedOver = true;
    return;
  }
  const Stmt *Child = nullptr;
  const Stmt *Parent = semanticParent(Parents, E, Child);
  if (!Parent) {
    Uses.HandedOver = true;
    return;
  }
  if (const auto *Member = llvm::dyn_cast<MemberExpr>(Parent)) {
    const auto *Call = llvm::dyn_cast_or_null<CXXMemberCallExpr>(
        semanticParent(Parents, Member));
    if (Call && Call->getCallee()->IgnoreParens() == Member) {
      if (qtThreadHolding(E->getType()) == QtThreadHolding::OwningPointer)
        classifyOwnerCall(Call, E, Uses, Depth);
      else
        classifyMemberCall(Call, Uses);
      return;
    }
    Uses.HandedOver = true; // a pointer to member function, a field
    return;
  }
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(Parent)) {
    OverloadedOperatorKind Kind = Op->getOperator();
    if ((Kind == OO_Arrow || Kind == OO_Star) && Op->getArg(0) == Child) {
      classify(Op, Uses, Depth + 1); // the smart pointer's thread
      return;
    }
    if (Kind == OO_Equal && Op->getArg(0) == Child) {
      classifyAssignment(Op->getArg(1), Uses);
      return;
    }
    if (Kind == OO_ExclaimEqual || Kind == OO_EqualEqual || Kind == OO_Exclaim)
      return;
    Uses.HandedOver = true;
    return;
  }
  if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(Parent)) {
    if (Unary->getOpcode() == UO_AddrOf || Unary->getOpcode() == UO_Deref) {
      classify(Unary, Uses, Depth + 1);
      return;
    }
    if (Unary->getOpcode() == UO_LNot)
      return;
    Uses.HandedOver = true;
    return;
  }
  if (const auto *Binary = llvm::dyn_cast<BinaryOperator>(Parent)) {
    if (Binary->getOpcode() == BO_Assign && Binary->getLHS() == Child) {
      classifyAssignment(Binary->getRHS(), Uses);
      return;
    }
    if (Binary->isEqualityOp() || Binary->isLogicalOp())
      return;
    Uses.HandedOver = true;
    return;
  }
  if (const auto *Delete = llvm::dyn_cast<CXXDeleteExpr>(Parent)) {
    Uses.Deletes.push_back(Delete);
    return;
  }
  if (const auto *Call = llvm::dyn_cast<CallExpr>(Parent)) {
    classifyArgument(Call, Child, Uses);
    return;
  }
  // Tested as a condition: `if (t)`, `t ? a : b`, `while (!t)`.
  if (llvm::isa<IfStmt, WhileStmt, DoStmt, ForStmt>(Parent) &&
      E->getType()->isPointerType())
    return;
  Uses.HandedOver = true;
}

void QtThreadUseCollector::classifyMemberCall(const CXXMemberCallExpr *Call,
                                              QtThreadUses &Uses) {
  const CXXMethodDecl *Method = Call->getMethodDecl();
  if (!Method) {
    Uses.HandedOver = true;
    return;
  }
  if (isQtOwnMethod(Method)) {
    if (isNamedOneOf(Method, {QtThreadApi.Start}))
      Uses.Starts.push_back(Call);
    else if (isJoiningWait(Call, isDiscarded(Call)))
      Uses.Waits.push_back(Call);
    else if (isNamedOneOf(Method, {"isRunning", "isFinished"}))
      Uses.Queries.push_back(Call);
    else if (isNamedOneOf(Method, {"deleteLater", "setParent"}))
      Uses.HandedOver = true;
    // quit(), exit(), requestInterruption(), terminate() and the rest
    // leave it running for all the destructor knows.
    return;
  }
  if (Method->getParent()->isInStdNamespace() ||
      !isQThreadClass(Method->getParent())) {
    Uses.HandedOver = true; // a QObject base's function we do not know
    return;
  }
  // The subclass's own function: it may wait (stop() { quit(); wait(); }).
  const FunctionDecl *Def = userDefinition(Method);
  if (!Def)
    Uses.HandedOver = true;
  else if (waitsForThis(Def->getBody()))
    Uses.Waits.push_back(Call);
}

void QtThreadUseCollector::classifyOwnerCall(const CXXMemberCallExpr *Call,
                                             const Expr *Owner,
                                             QtThreadUses &Uses,
                                             unsigned Depth) {
  const CXXMethodDecl *Method = Call->getMethodDecl();
  if (isNamedOneOf(Method, {"reset"})) {
    Uses.Deletes.push_back(Call);
    if (Call->getNumArgs() > 0 &&
        !llvm::isa<CXXDefaultArgExpr>(Call->getArg(0)) &&
        !createsQThread(Call->getArg(0)))
      Uses.HandedOver = true;
    return;
  }
  if (isNamedOneOf(Method, {"get", "data"})) {
    classify(Call, Uses, Depth + 1);
    return;
  }
  if (isNamedOneOf(Method, {"isNull"}) || Method->getOverloadedOperator() ||
      llvm::isa<CXXConversionDecl>(Method))
    return;
  Uses.HandedOver = true; // release(), take(), swap()
}

void QtThreadUseCollector::classifyArgument(const CallExpr *Call,
                                            const Stmt *Arg,
                                            QtThreadUses &Uses) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (isQObjectConnect(Callee)) {
    // `connect(t, &QThread::finished, t, &QObject::deleteLater)`: the thread
    // deletes itself once it has finished. Any other connection leaves it
    // where it is.
    if (connectsDeleteLaterOf(Call, Arg))
      Uses.HandedOver = true;
    return;
  }
  // worker.moveToThread(&t): the worker's slots run there; t stays ours.
  if (const auto *Method = llvm::dyn_cast_or_null<CXXMethodDecl>(Callee))
    if (isNamedOneOf(Method, {"moveToThread"}) &&
        isGlobalClassNamed(Method->getParent(), "QObject"))
      return;
  Uses.HandedOver = true;
}

void QtThreadUseCollector::classifyAssignment(const Expr *Value,
                                              QtThreadUses &Uses) {
  bool Parented = false;
  if (createsQThread(Value, &Parented)) {
    Uses.ParentedToThis |= Parented;
    return;
  }
  if (isNullPointerLiteral(Value))
    return;
  Uses.HandedOver = true;
}

namespace {

/// Whether \p Call is a call of QThread's or QObject's own functions: the
/// events the search follows, or Qt's out-of-line code, not failures.
bool callsQtOwnMethod(const Stmt *Call) {
  const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(Call);
  const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
  return Method && isQtOwnMethod(Method);
}

} // namespace

bool QtUnwaitedEnd::isDelete() const {
  return !ByException && llvm::isa<CXXDeleteExpr, CXXMemberCallExpr>(End);
}

SourceLocation QtUnwaitedEnd::location() const {
  if (ByException)
    return End->getBeginLoc();
  if (const auto *Block = llvm::dyn_cast<CompoundStmt>(End))
    return Block->getRBracLoc();
  if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(End))
    return Call->getExprLoc();
  return End->getBeginLoc();
}

QtUnwaitedEnd findUnwaitedEnd(const FunctionDecl *Fn, const VarDecl *Local,
                              const QtThreadUses &Uses, ASTContext &Ctx,
                              llvm::function_ref<bool(const Stmt *)> MayThrow) {
  if (Uses.Starts.empty() || Uses.HandedOver)
    return {};
  std::unique_ptr<CFG> Cfg = buildLocalEndCfg(Fn, Ctx);
  if (!Cfg)
    return {};
  // A subclass that waits in its destructor ends its own thread; for a
  // pointer, the class it was made of counts too.
  const CXXRecordDecl *Class = nullptr;
  QtThreadHolding Holding = qtThreadHolding(Local->getType(), &Class);
  if (qThreadWaitsWhenDestroyed(Class))
    return {};
  if (const auto *New = llvm::dyn_cast_or_null<CXXNewExpr>(
          Local->getInit()
              ? stripTemporaryWrappers(Local->getInit())->IgnoreParenCasts()
              : nullptr))
    if (qThreadWaitsWhenDestroyed(
            New->getAllocatedType()->getAsCXXRecordDecl()))
      return {};
  bool DestroyedAtScopeEnd = Holding != QtThreadHolding::Pointer;
  llvm::SmallVector<const Stmt *, 4> Stops(Uses.Waits.begin(),
                                           Uses.Waits.end());
  Stops.append(Uses.Queries.begin(), Uses.Queries.end());
  llvm::SmallVector<const Stmt *, 2> Ends(Uses.Deletes.begin(),
                                          Uses.Deletes.end());
  LocalEndSearch Search(Local, DestroyedAtScopeEnd, Stops, Ends);
  for (const Expr *Start : Uses.Starts)
    if (const Stmt *End = Search.search(*Cfg, Start))
      return {Start, End};
  // A raw pointer is not destroyed by unwinding: the thread leaks instead.
  if (!MayThrow || !DestroyedAtScopeEnd)
    return {};
  LocalScopeExceptions Exceptions(Fn, Local);
  auto Unwinds = [&](const Stmt *S) {
    return Exceptions.leavesScope(S) && !callsQtOwnMethod(S) && MayThrow(S);
  };
  LocalEndSearch Unwinding(Local, DestroyedAtScopeEnd, Stops, Ends, Unwinds);
  for (const Expr *Start : Uses.Starts)
    if (const Stmt *End = Unwinding.search(*Cfg, Start))
      return {Start, End, /*ByException=*/true};
  return {};
}

namespace {

/// Whether \p Body calls, on `this`, a function of \p Class (or of a base
/// of it that is not Qt's) whose body is not in sight: it may wait.
bool callsInvisibleOwnFunction(const Stmt *Body) {
  return anyStmtIn(Body, [](const Stmt *S) {
    const CXXMethodDecl *Method = methodCalledOnThis(S);
    return Method && !Method->getParent()->isInStdNamespace() &&
           !isQtOwnMethod(Method) && !Method->getLocation().isInvalid() &&
           !visibleDefinition(Method) &&
           !Method->getASTContext().getSourceManager().isInSystemHeader(
               Method->getLocation());
  });
}

/// How a member's initializer (in a constructor, or its default one)
/// creates its thread.
void classifyMemberInit(const Expr *Init, QtThreadHolding Holding,
                        QtThreadUses &Uses) {
  if (!Init || Holding == QtThreadHolding::Value)
    return;
  const Expr *Value = stripTemporaryWrappers(Init);
  if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(Value)) {
    if (Construct->getNumArgs() == 0)
      return;
    Value = Construct->getArg(0);
  }
  if (const auto *List = llvm::dyn_cast<InitListExpr>(Value)) {
    if (List->getNumInits() == 0)
      return;
    Value = List->getInit(0);
  }
  bool Parented = false;
  if (createsQThread(Value, &Parented)) {
    Uses.ParentedToThis |= Parented;
    return;
  }
  const Expr *Plain = Value->IgnoreParenImpCasts();
  if (!llvm::isa<CXXNullPtrLiteralExpr, GNUNullExpr, ImplicitValueInitExpr>(
          Plain))
    Uses.HandedOver = true;
}

} // namespace

QtUnwaitedMember findUnwaitedMember(const FieldDecl *Member) {
  const auto *Class = llvm::dyn_cast<CXXRecordDecl>(Member->getParent());
  if (!Class || Class->isDependentContext() || Class->isInvalidDecl() ||
      Class->isUnion())
    return {};
  const CXXRecordDecl *ThreadClass = nullptr;
  QtThreadHolding Holding = qtThreadHolding(Member->getType(), &ThreadClass);
  if (Holding == QtThreadHolding::None ||
      qThreadWaitsWhenDestroyed(ThreadClass))
    return {};
  QtThreadUses Uses;
  if (Member->hasInClassInitializer())
    classifyMemberInit(Member->getInClassInitializer(), Holding, Uses);
  for (const CXXMethodDecl *Method : Class->methods()) {
    const FunctionDecl *Def = userDefinition(Method);
    if (!Def || !Def->getBody())
      continue;
    if (const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(Def))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->isWritten() && Init->getMember() == Member)
          classifyMemberInit(Init->getInit(), Holding, Uses);
    QtThreadUseCollector(Def->getBody()).collect(Member, Uses);
    if (Uses.HandedOver)
      return {};
  }
  if (Uses.Starts.empty() || !Uses.Waits.empty())
    return {};
  // A raw pointer the class neither deletes nor made its child is owned
  // by someone else.
  if (Holding == QtThreadHolding::Pointer && Uses.Deletes.empty() &&
      !Uses.ParentedToThis)
    return {};
  if (const CXXDestructorDecl *Dtor = Class->getDestructor()) {
    if (Dtor->isUserProvided()) {
      const FunctionDecl *Def = visibleDefinition(Dtor);
      if (!Def || callsInvisibleOwnFunction(Def->getBody()))
        return {};
    }
  }
  return {Uses.Starts.front(), Uses.ParentedToThis};
}

} // namespace clang::tidy::threads
