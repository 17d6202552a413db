//===--- UnjoinedThreadCheck.cpp - threads-unjoined-thread ----------------===//

#include "checks/UnjoinedThreadCheck.h"
#include "analysis/BoostThreads.h"
#include "analysis/LocalThreadUses.h"
#include "analysis/MemberThreadUses.h"
#include "analysis/QtThreads.h"
#include "analysis/ThreadHolders.h"
#include "analysis/ThreadStarts.h"
#include "analysis/ThreadUseClassifier.h"
#include "utils/AstMatchers.h"
#include "utils/AstUtils.h"
#include "utils/DiscardedValues.h"
#include "utils/JthreadRewrite.h"
#include "utils/ThreadTidyCompat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::threads {

UnjoinedThreadCheck::UnjoinedThreadCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : ThreadTidyCheck(Name, Context), Types(*this, Name, Options),
      JthreadFixIt(Options.get("JthreadFixIt", true)) {
  forgetEachTranslationUnit(Types);
}

void UnjoinedThreadCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Types.storeOptions(Options, Opts);
  Options.store(Opts, "JthreadFixIt", JthreadFixIt);
}

void UnjoinedThreadCheck::registerMatchers(MatchFinder *Finder) {
  auto Owner = qualType(ownsTrackedThreads(&Types));
  auto RawPointer = qualType(isRawTrackedThreadPointer(&Types));
  // Every kind of local this check follows, in one matcher.
  std::vector<LocalVariableType> Locals = {
      {Owner, "local"},
      {qualType(isThreadHandleOrPointer(&Types)), "handle-local"},
      {RawPointer, "raw-local"},
      {qualType(holdsPublicThread(&Types)), "holder"}};
  if (Types.follows(ThreadApi::Boost))
    Locals.push_back({qualType(hasDeclaration(
                          cxxRecordDecl(hasName("::boost::thread_group")))),
                      "boost-group"});
  if (Types.follows(ThreadApi::Qt))
    Locals.push_back({qualType(holdsQThread()), "qt-local"});
  Finder->addMatcher(localVariables(std::move(Locals)), this);
  // A thread temporary whose value is discarded dies at the end of its
  // statement. Found by walking each function body once: asking every
  // expression for its parent would build the AST parent map, which costs
  // more than all the checks together on a large translation unit.
  registerDiscardedValueScopes(Finder, this);
  Finder->addMatcher(
      fieldDecl(hasType(Owner), unless(isExpansionInSystemHeader()))
          .bind("member"),
      this);
  Finder->addMatcher(
      fieldDecl(hasType(RawPointer), unless(isExpansionInSystemHeader()))
          .bind("raw-member"),
      this);
  if (Types.follows(ThreadApi::Qt))
    Finder->addMatcher(fieldDecl(hasType(qualType(holdsQThread())),
                                 unless(isExpansionInSystemHeader()))
                           .bind("qt-member"),
                       this);
}

void UnjoinedThreadCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Local = Result.Nodes.getNodeAs<VarDecl>("local"))
    checkLocal(Local, *Result.Context);
  else if (const auto *Scope =
               Result.Nodes.getNodeAs<Decl>(DiscardedValueScope))
    forEachDiscardedValue(Scope, [&](const Expr *Value) {
      if (Types.ownerKindOfValue(Value->getType()) != ThreadOwnerKind::None)
        checkTemporary(Value, *Result.Context);
    });
  else if (const auto *Member = Result.Nodes.getNodeAs<FieldDecl>("member"))
    checkMember(Member);
  else if (const auto *Raw = Result.Nodes.getNodeAs<VarDecl>("raw-local"))
    checkRawPointerLocal(Raw);
  else if (const auto *Raw = Result.Nodes.getNodeAs<FieldDecl>("raw-member"))
    checkRawPointerMember(Raw);
  else if (const auto *Holder = Result.Nodes.getNodeAs<VarDecl>("holder"))
    checkHolder(Holder);
  else if (const auto *Group = Result.Nodes.getNodeAs<VarDecl>("boost-group"))
    checkBoostThreadGroup(Group);
  else if (const auto *Handle = Result.Nodes.getNodeAs<VarDecl>("handle-local"))
    checkHandleLocal(Handle);
  else if (const auto *Qt = Result.Nodes.getNodeAs<VarDecl>("qt-local"))
    checkQtLocal(Qt, *Result.Context);
  else if (const auto *Qt = Result.Nodes.getNodeAs<FieldDecl>("qt-member"))
    checkQtMember(Qt);
}

void UnjoinedThreadCheck::checkLocal(const VarDecl *Owner, ASTContext &Ctx) {
  const Stmt *Body = bodyDeclaringOwner(Owner);
  if (!Body)
    return;

  ThreadOwnerKind Kind = Types.ownerKind(Owner->getType());
  LocalUseSummary Summary = summarizeLocalUses(Owner, Body, Kind, Types);
  if (Summary.JoinedOrHandedOver || !Summary.everStarted())
    return;
  if (!reportOnce(Owner->getLocation()))
    return;

  {
    auto Diag =
        diag(Owner->getLocation(),
             "%select{thread|thread owned by|threads in}0 '%1' "
             "%select{is|is|are}0 started but never joined or detached; "
             "%select{its destructor|destroying it|destroying them}0 will "
             "call std::terminate")
        << ownerKindSelect(Kind) << Owner->getName();

    if (JthreadFixIt && Kind == ThreadOwnerKind::Thread &&
        Summary.StartedAtDeclaration && Summary.OnlyMemberCalls)
      if (std::optional<FixItHint> Fix = jthreadTypeFix(Owner, Ctx))
        Diag << *Fix;
  }
  if (!Summary.StartedAtDeclaration && Summary.FirstStart)
    diag(Summary.FirstStart->getBeginLoc(), "thread started here",
         DiagnosticIDs::Note);
  noteInstantiation(Owner);
}

void UnjoinedThreadCheck::checkBoostThreadGroup(const VarDecl *Group) {
  const Stmt *Body = bodyDeclaringOwner(Group);
  if (!Body || !groupDestroysRunningThreads(Group, Body))
    return;
  // Version 2 detaches the deleted threads: threads-dangling-capture's.
  const CXXRecordDecl *Thread =
      threadClassOfGroup(Group->getType()->getAsCXXRecordDecl());
  if (!Thread || boostThreadEnd(Thread) != UnjoinedEnd::Terminates ||
      !reportOnce(Group->getLocation()))
    return;
  diag(Group->getLocation(),
       "threads in '%0' are started but never joined with join_all(); "
       "destroying the group deletes them, and their destructors will call "
       "std::terminate")
      << Group->getName();
  diag(summarizeThreadGroupUses(Group, Body).FirstStart->getBeginLoc(),
       "thread started here", DiagnosticIDs::Note);
  noteInstantiation(Group);
}

void UnjoinedThreadCheck::checkHandleLocal(const VarDecl *Owner) {
  const Stmt *Body = bodyDeclaringOwner(Owner);
  // `__attribute__((cleanup(join_thread)))`: joined at every scope exit.
  if (!Body || Owner->hasAttr<CleanupAttr>())
    return;
  ThreadOwnerKind Kind = Types.handleKindOfVariable(Owner);
  const HandleThreadApi *Api = Types.handleApiOfVariable(Owner);
  if (!Api) // a pointer to handles that this function does not allocate
    return;
  LocalUseSummary Summary = summarizeLocalUses(Owner, Body, Kind, Types);
  if (Summary.JoinedOrHandedOver || !Summary.FirstStart ||
      !reportOnce(Owner->getLocation()))
    return;
  diag(Owner->getLocation(),
       "%select{%1 thread|%1 threads in}0 '%2' %select{is|are}0 created but "
       "never joined or detached; %select{its|their}0 resources leak until "
       "the process exits, and repeated leaks make '%3' fail with %4")
      << (Kind == ThreadOwnerKind::HandleArray) << Api->Family
      << Owner->getName() << Api->Create << Api->Exhausted;
  diag(Summary.FirstStart->getBeginLoc(), "thread created here",
       DiagnosticIDs::Note);
  noteInstantiation(Owner);
}

void UnjoinedThreadCheck::checkTemporary(const Expr *Temporary,
                                         ASTContext &Ctx) {
  const Expr *Value = Temporary->IgnoreImplicit();
  if (!Value->isPRValue() &&
      !llvm::isa<CXXBindTemporaryExpr>(
          Temporary->IgnoreParens()->IgnoreImplicitAsWritten()))
    return;
  ThreadOwnerKind Kind = Types.ownerKind(Temporary->getType());
  if (Kind == ThreadOwnerKind::Container || hasErrors(Temporary) ||
      !initializerStartsThread(Temporary, Kind, Types))
    return;
  if (!reportOnce(Temporary->getBeginLoc()))
    return;
  diag(Temporary->getBeginLoc(),
       "temporary %select{thread|thread owner}0 is destroyed at the end of "
       "this statement while its thread is still joinable; its destructor "
       "will call std::terminate")
      << (Kind == ThreadOwnerKind::Thread ? 0 : 1);
  noteInstantiation(Temporary, Ctx);
}

void UnjoinedThreadCheck::checkMember(const FieldDecl *Owner) {
  const CXXRecordDecl *RD = analyzableClassOf(Owner);
  if (!RD || !onlyOwnCodeReaches(Owner))
    return;
  llvm::SmallVector<const FunctionDecl *, 16> Functions;
  if (!collectVisibleMemberFunctions(RD, Functions))
    return;

  ThreadOwnerKind Kind = Types.ownerKind(Owner->getType());
  MemberUseSummary Summary = summarizeMemberUses(Owner, Kind, Functions, Types);
  bool HandedOver = llvm::any_of(
      Summary.Uses, [](const MemberUse &M) { return joinsOrHandsOver(M.Use); });
  if (HandedOver || !Summary.FirstStart)
    return;
  if (!reportOnce(Owner->getLocation()))
    return;
  diag(Owner->getLocation(),
       "%select{member thread|thread owned by member|threads in member}0 '%1' "
       "%select{is|is|are}0 started but no member function of '%2' joins or "
       "detaches %select{it|it|them}0; destroying a '%2' will call "
       "std::terminate")
      << ownerKindSelect(Kind) << Owner->getName() << RD->getName();
  diag(Summary.FirstStart->getBeginLoc(), "thread started here",
       DiagnosticIDs::Note);
}

void UnjoinedThreadCheck::checkRawPointerLocal(const VarDecl *Owner) {
  if (const Stmt *Body = bodyDeclaringOwner(Owner))
    reportRawPointer(Owner, rawPointerUsesOfLocal(Owner, Body, Types), nullptr);
}

void UnjoinedThreadCheck::checkRawPointerMember(const FieldDecl *Owner) {
  const CXXRecordDecl *RD = analyzableClassOf(Owner);
  if (!RD || !onlyOwnCodeReaches(Owner))
    return;
  llvm::SmallVector<const FunctionDecl *, 16> Functions;
  if (collectVisibleMemberFunctions(RD, Functions))
    reportRawPointer(Owner, rawPointerUsesOfMember(Owner, Functions, Types),
                     RD);
}

void UnjoinedThreadCheck::checkHolder(const VarDecl *Holder) {
  const Stmt *Body = bodyDeclaringOwner(Holder);
  if (!Body)
    return;
  for (const FieldDecl *Field :
       publicThreadFields(Holder->getType()->getAsCXXRecordDecl(), Types)) {
    LocalUseSummary Summary =
        summarizeHeldThreadUses(Holder, Field, Body, Types);
    if (Summary.JoinedOrHandedOver || !Summary.everStarted())
      continue;
    if (!reportOnce(Holder->getLocation(), Field->getLocation()))
      continue;
    diag(Holder->getLocation(),
         "thread '%0.%1' is started but never joined or detached; its "
         "destructor will call std::terminate")
        << Holder->getName() << Field->getName();
    if (!Summary.StartedAtDeclaration && Summary.FirstStart)
      diag(Summary.FirstStart->getBeginLoc(), "thread started here",
           DiagnosticIDs::Note);
    noteInstantiation(Holder);
  }
}

void UnjoinedThreadCheck::reportRawPointer(const NamedDecl *Owner,
                                           const RawPointerUses &Uses,
                                           const CXXRecordDecl *Class) {
  if (!Uses.FirstStart || Uses.Joined || Uses.Escapes)
    return;
  // Nothing joins the thread: each delete that follows its start destroys
  // it joinable; without one, it is never destroyed.
  bool IsMember = Class != nullptr;
  if (!Uses.Deletes.empty()) {
    SourceLocation Loc = Uses.Deletes.front()->getBeginLoc();
    if (!reportOnce(Loc))
      return;
    diag(Loc, "thread owned by %select{|member }0'%1' is still joinable when "
              "it is deleted here; its destructor will call std::terminate")
        << IsMember << Owner->getName();
  } else {
    if (!reportOnce(Owner->getLocation()))
      return;
    if (IsMember)
      diag(Owner->getLocation(),
           "thread owned by member '%0' is started but no member function "
           "of '%1' joins, detaches or deletes it; the thread leaks and "
           "nothing waits for it to finish")
          << Owner->getName() << Class->getName();
    else
      diag(Owner->getLocation(),
           "thread owned by '%0' is started but never joined, detached or "
           "deleted; the thread leaks and nothing waits for it to finish")
          << Owner->getName();
  }
  diag(Uses.FirstStart->getBeginLoc(), "thread started here",
       DiagnosticIDs::Note);
  noteInstantiation(Owner);
}

void UnjoinedThreadCheck::checkQtLocal(const VarDecl *Thread, ASTContext &Ctx) {
  const Stmt *Body = bodyDeclaringOwner(Thread);
  const FunctionDecl *Fn = functionDeclaring(Thread);
  if (!Body || !Fn)
    return;
  QtThreadUses Uses;
  QtThreadUseCollector(Body).collect(Thread, Uses);
  // A wait() that some path skips is threads-joinable-at-exit's.
  if (!Uses.Waits.empty())
    return;
  QtUnwaitedEnd End = findUnwaitedEnd(Fn, Thread, Uses, Ctx);
  if (!End || !reportOnce(Thread->getLocation()))
    return;
  diag(Thread->getLocation(),
       "QThread '%0' is started and may still run when it is "
       "%select{destroyed|deleted}1: nothing waits for it; ~QThread() aborts "
       "with 'QThread: Destroyed while thread is still running'")
      << Thread->getName() << End.isDelete();
  diag(End.Start->getExprLoc(), "'%0' is started here", DiagnosticIDs::Note)
      << Thread->getName();
  diag(End.location(), "'%0' is %select{destroyed|deleted}1 here",
       DiagnosticIDs::Note)
      << Thread->getName() << End.isDelete();
}

void UnjoinedThreadCheck::checkQtMember(const FieldDecl *Member) {
  QtUnwaitedMember Finding = findUnwaitedMember(Member);
  if (!Finding || !reportOnce(Member->getLocation()))
    return;
  diag(Member->getLocation(),
       "QThread '%0' is started and no function of '%1' waits for it: it "
       "may still run when %select{it is destroyed|its parent deletes it}2; "
       "~QThread() aborts with 'QThread: Destroyed while thread is still "
       "running'")
      << Member->getName() << Member->getParent()->getName()
      << Finding.ParentedToThis;
  diag(Finding.Start->getExprLoc(), "'%0' is started here", DiagnosticIDs::Note)
      << Member->getName();
}

} // namespace clang::tidy::threads
