//===--- BoostThreads.cpp -------------------------------------------------===//

#include "analysis/BoostThreads.h"
#include "analysis/ExceptionFlowAnalysis.h"
#include "analysis/LocalEndPaths.h"
#include "analysis/ThreadEntryFunctions.h"
#include "analysis/ThreadUseClassifier.h"
#include "utils/AstUtils.h"
#include "utils/DeclNames.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::threads {

namespace {

bool isBoostClassNamed(const CXXRecordDecl *RD, llvm::StringRef Name) {
  return RD && RD->getIdentifier() && RD->getName() == Name &&
         plainQualifiedName(RD) == ("boost::" + Name).str();
}

} // namespace

bool isBoostThreadClass(const CXXRecordDecl *RD) {
  return isBoostClassNamed(RD, "thread");
}

bool isBoostThreadGroupClass(const CXXRecordDecl *RD) {
  return isBoostClassNamed(RD, "thread_group");
}

const CXXRecordDecl *threadClassOfGroup(const CXXRecordDecl *Group) {
  const CXXRecordDecl *Def = Group ? Group->getDefinition() : nullptr;
  if (!Def)
    return nullptr;
  for (const CXXMethodDecl *Method : Def->methods())
    if (Method->getIdentifier() && Method->getName() == "add_thread" &&
        Method->getNumParams() == 1)
      return Method->getParamDecl(0)->getType()->getPointeeCXXRecordDecl();
  return nullptr;
}

ThreadGroupUses summarizeThreadGroupUses(const VarDecl *Group,
                                         const Stmt *Body) {
  ThreadGroupUses Uses;
  llvm::SmallVector<const Expr *, 8> References;
  findReferences(Body, Group, References);
  unsigned MemberCalls = 0;
  forEachStmtIn(Body, Lambdas::Enter, [&](const Stmt *S) {
    const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(S);
    if (!Call || referencedVariable(Call->getImplicitObjectArgument()) != Group)
      return;
    ++MemberCalls;
    llvm::StringRef Name = identifierOf(Call->getMethodDecl());
    if (Name == "create_thread" || Name == "add_thread") {
      if (!Uses.FirstStart)
        Uses.FirstStart = Call;
    } else if (Name == "join_all") {
      if (!Uses.JoinAll)
        Uses.JoinAll = Call;
    } else if (Name != "interrupt_all" && Name != "size") {
      Uses.HandedOver = true; // remove_thread() hands a thread on
    }
  });
  // A reference that is not the object of one of its member calls gives
  // the group to code that may join it.
  if (References.size() != MemberCalls)
    Uses.HandedOver = true;
  return Uses;
}

bool groupDestroysRunningThreads(const VarDecl *Group, const Stmt *Body) {
  if (Group->getType()->isReferenceType() ||
      !isBoostThreadGroupClass(Group->getType()->getAsCXXRecordDecl()))
    return false;
  ThreadGroupUses Uses = summarizeThreadGroupUses(Group, Body);
  return Uses.FirstStart && !Uses.JoinAll && !Uses.HandedOver;
}

namespace {

/// The member calls of a local boost::thread_group outside lambdas.
struct GroupCalls {
  llvm::SmallVector<const Stmt *, 4> Starts;
  llvm::SmallVector<const Stmt *, 2> JoinAlls;
};

/// Whether \p S calls a function of boost::thread or boost::thread_group
/// (a constructor too): the events followed, or failures to start a thread,
/// which threads-exception-escape's concern, not a path that skips a join.
bool callsBoostThreadOwn(const Stmt *S) {
  const auto *Method = llvm::dyn_cast_or_null<CXXMethodDecl>(calleeOf(S));
  return Method && (isBoostThreadClass(Method->getParent()) ||
                    isBoostThreadGroupClass(Method->getParent()));
}

} // namespace

SourceLocation GroupJoinSkip::location() const {
  if (const auto *Block = llvm::dyn_cast<CompoundStmt>(End))
    return Block->getRBracLoc();
  return End->getBeginLoc();
}

GroupJoinSkip findGroupJoinSkip(const FunctionDecl *Fn, const VarDecl *Group,
                                ASTContext &Ctx,
                                llvm::function_ref<bool(const Stmt *)> MayThrow,
                                const Stmt *From) {
  if (!Fn || !Fn->getBody() || Group->getType()->isReferenceType() ||
      !isBoostThreadGroupClass(Group->getType()->getAsCXXRecordDecl()))
    return {};
  // Cheap tests first: a group never joined, or passed on, is another
  // finding's (or none).
  const Stmt *Body = Fn->getBody();
  ThreadGroupUses Uses = summarizeThreadGroupUses(Group, Body);
  if (!Uses.FirstStart || !Uses.JoinAll || Uses.HandedOver)
    return {};
  GroupCalls Calls;
  unsigned Outside = 0;
  forEachStmtIn(Body, Lambdas::Skip, [&](const Stmt *S) {
    const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(S);
    if (!Call || referencedVariable(Call->getImplicitObjectArgument()) != Group)
      return;
    ++Outside;
    llvm::StringRef Name = identifierOf(Call->getMethodDecl());
    if (Name == "create_thread" || Name == "add_thread")
      Calls.Starts.push_back(Call);
    else if (Name == "join_all")
      Calls.JoinAlls.push_back(Call);
  });
  // A call in a lambda runs whenever the lambda is called.
  llvm::SmallVector<const Expr *, 8> References;
  findReferences(Body, Group, References);
  if (Outside != References.size() || Calls.JoinAlls.empty())
    return {};
  if (From) {
    if (!llvm::is_contained(Calls.Starts, From))
      return {};
    Calls.Starts.assign(1, From);
  }
  std::unique_ptr<CFG> Cfg = buildLocalEndCfg(Fn, Ctx);
  if (!Cfg)
    return {};
  const auto *JoinAll = llvm::cast<Expr>(Calls.JoinAlls.front());
  LocalEndSearch Search(Group, /*DestroyedAtScopeEnd=*/true, Calls.JoinAlls,
                        {});
  for (const Stmt *Start : Calls.Starts)
    if (const Stmt *End = Search.search(*Cfg, Start))
      return {llvm::cast<Expr>(Start), End, JoinAll};
  if (!MayThrow)
    return {};
  LocalScopeExceptions Exceptions(Fn, Group);
  auto Unwinds = [&](const Stmt *S) {
    return Exceptions.leavesScope(S) && !callsBoostThreadOwn(S) && MayThrow(S);
  };
  LocalEndSearch Unwinding(Group, /*DestroyedAtScopeEnd=*/true, Calls.JoinAlls,
                           {}, Unwinds);
  for (const Stmt *Start : Calls.Starts)
    if (const Stmt *End = Unwinding.search(*Cfg, Start))
      return {llvm::cast<Expr>(Start), End, JoinAll, /*ByException=*/true};
  return {};
}

bool isBoostThreadAttributes(QualType T) {
  return !T.isNull() &&
         isBoostClassNamed(T.getNonReferenceType()->getAsCXXRecordDecl(),
                           "thread_attributes");
}

bool ownsBoostThreads(QualType T) {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType();
  if (const auto *Array =
          llvm::dyn_cast_or_null<ArrayType>(T->getAsArrayTypeUnsafe()))
    T = Array->getElementType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (isBoostThreadClass(RD))
    return true;
  // A container, std::unique_ptr or std::optional of boost::thread.
  const auto *Spec =
      llvm::dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (!Spec)
    return false;
  for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
    if (Arg.getKind() == TemplateArgument::Type &&
        isBoostThreadClass(Arg.getAsType()->getAsCXXRecordDecl()))
      return true;
  return false;
}

UnjoinedEnd boostThreadEnd(const CXXRecordDecl *BoostThread) {
  const CXXRecordDecl *Def =
      BoostThread ? BoostThread->getDefinition() : nullptr;
  const CXXDestructorDecl *Destructor = Def ? Def->getDestructor() : nullptr;
  const FunctionDecl *Body = nullptr;
  if (!Destructor || !Destructor->hasBody(Body))
    return UnjoinedEnd::Detaches;
  // `if (joinable()) { std::terminate(); }` or `detach();`: the two bodies
  // the library's configuration chooses between.
  bool Terminates = anyStmtIn(Body->getBody(), [](const Stmt *S) {
    const auto *Call = llvm::dyn_cast<CallExpr>(S);
    return Call && isStdFunctionNamed(Call->getDirectCallee(), {"terminate"});
  });
  return Terminates ? UnjoinedEnd::Terminates : UnjoinedEnd::Detaches;
}

bool boostThreadDetachedByDestructor(const VarDecl *Thread,
                                     llvm::ArrayRef<ThreadUse> Uses) {
  const CXXRecordDecl *RD = Thread->getType()->getAsCXXRecordDecl();
  if (Thread->getType()->isReferenceType() || !isBoostThreadClass(RD) ||
      llvm::any_of(Uses, joinsOrHandsOver))
    return false;
  // Cheap tests first: the destructor's body is read last.
  return boostThreadEnd(RD) == UnjoinedEnd::Detaches;
}

bool isBoostTimedJoin(const CXXMethodDecl *Method) {
  if (!Method || !Method->getIdentifier() ||
      !isBoostThreadClass(Method->getParent()))
    return false;
  llvm::StringRef Name = Method->getName();
  return Name == "try_join_for" || Name == "try_join_until" ||
         Name == "timed_join";
}

bool launchesBoostThread(const ThreadLaunch &Launch) {
  if (const auto *Insertion = llvm::dyn_cast<CXXMemberCallExpr>(Launch.Site)) {
    QualType Object = Insertion->getImplicitObjectArgument()->getType();
    if (Object->isPointerType())
      Object = Object->getPointeeType();
    return ownsBoostThreads(Object) ||
           isBoostThreadGroupClass(Object->getAsCXXRecordDecl());
  }
  return ownsBoostThreads(Launch.Site->getType());
}

bool caughtByBoostThreadProxy(const ExceptionType &Thrown) {
  const CXXRecordDecl *RD = Thrown.Record;
  if (!RD)
    return Thrown.Name == "boost::thread_interrupted";
  if (isBoostClassNamed(RD, "thread_interrupted"))
    return true;
  bool Derived = false;
  if (RD->hasDefinition())
    RD->forallBases([&](const CXXRecordDecl *Base) {
      Derived |= isBoostClassNamed(Base, "thread_interrupted");
      return true;
    });
  return Derived;
}

} // namespace clang::tidy::threads
