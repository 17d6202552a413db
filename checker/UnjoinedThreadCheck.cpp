//===--- UnjoinedThreadCheck.cpp - threads-unjoined-thread ----------------===//

#include "UnjoinedThreadCheck.h"
#include "ThreadTidyCompat.h"
#include "ThreadUseClassifier.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::threads {

namespace {

/// Index into the %select of the diagnostics below.
unsigned ownerKindIndex(ThreadOwnerKind Kind) {
  switch (Kind) {
  case ThreadOwnerKind::UniquePtr:
    return 1;
  case ThreadOwnerKind::Container:
    return 2;
  default:
    return 0;
  }
}

/// What the owner's uses add up to.
struct OwnerSummary {
  bool HandedOver = false; ///< Joined, detached, or escaped somewhere.
  const Stmt *FirstStart = nullptr;
  bool OnlyMemberCalls = true;
};

void summarize(llvm::ArrayRef<ThreadUse> Uses, OwnerSummary &Summary) {
  for (const ThreadUse &Use : Uses) {
    switch (Use.Kind) {
    case ThreadUseKind::Join:
    case ThreadUseKind::Escape:
      Summary.HandedOver = true;
      break;
    case ThreadUseKind::Start:
      if (!Summary.FirstStart)
        Summary.FirstStart = Use.Site;
      Summary.OnlyMemberCalls = false;
      break;
    case ThreadUseKind::Query:
      Summary.OnlyMemberCalls &= Use.IsMemberCallOnOwner;
      break;
    }
  }
}

/// The callable a thread construction runs, when the construction is one.
const Expr *threadCallable(const Expr *Init) {
  Init = stripTemporaryWrappers(Init);
  const auto *Construct = llvm::dyn_cast_or_null<CXXConstructExpr>(Init);
  if (!Construct || Construct->getNumArgs() == 0)
    return nullptr;
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  if (!Ctor || Ctor->isCopyOrMoveConstructor())
    return nullptr;
  return Construct->getArg(0)->IgnoreParenImpCasts();
}

/// std::jthread passes a std::stop_token to callables that accept one, so the
/// swap is only meaning-preserving when the callable cannot take one: a
/// non-generic lambda, a function or member function whose first parameter is
/// not a stop_token.
bool callableIgnoresStopToken(const Expr *Callable) {
  if (!Callable)
    return false;
  Callable = Callable->IgnoreImplicit();
  auto FirstParamIsStopToken = [](const FunctionDecl *FD) {
    if (FD->getNumParams() == 0)
      return false;
    QualType T = FD->getParamDecl(0)->getType().getNonReferenceType();
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    return RD && RD->getName() == "stop_token";
  };
  if (const auto *Lambda = llvm::dyn_cast<LambdaExpr>(Callable))
    return !Lambda->isGenericLambda() &&
           !FirstParamIsStopToken(Lambda->getCallOperator());
  if (const auto *AddrOf = llvm::dyn_cast<UnaryOperator>(Callable))
    Callable = AddrOf->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Callable))
    if (const auto *FD = llvm::dyn_cast<FunctionDecl>(Ref->getDecl()))
      return !FD->isTemplated() && !FirstParamIsStopToken(FD);
  return false;
}

/// The `std::thread` spelled in source for \p TSI, if it is spelled exactly
/// so: not through a macro, an alias, or `auto`.
CharSourceRange spelledStdThread(const TypeSourceInfo *TSI,
                                 const ASTContext &Ctx) {
  if (!TSI)
    return {};
  TypeLoc TL = TSI->getTypeLoc().getUnqualifiedLoc();
  SourceRange Range = TL.getSourceRange();
  if (Range.isInvalid() || Range.getBegin().isMacroID() ||
      Range.getEnd().isMacroID())
    return {};
  TypeLoc Named = compat::stripQualifierSugar(TL);
  if (!Named.getAs<RecordTypeLoc>())
    return {};
  CharSourceRange Chars = CharSourceRange::getTokenRange(Range);
  llvm::StringRef Text = Lexer::getSourceText(Chars, Ctx.getSourceManager(),
                                              Ctx.getLangOpts());
  if (Text != "std::thread" && Text != "::std::thread")
    return {};
  return Chars;
}

} // namespace

UnjoinedThreadCheck::UnjoinedThreadCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      Types(Options), JthreadFixIt(Options.get("JthreadFixIt", true)) {}

void UnjoinedThreadCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Types.storeOptions(Options, Opts);
  Options.store(Opts, "JthreadFixIt", JthreadFixIt);
}

void UnjoinedThreadCheck::registerMatchers(MatchFinder *Finder) {
  auto Owner = qualType(ownsTrackedThreads(&Types));
  Finder->addMatcher(
      varDecl(hasLocalStorage(), unless(parmVarDecl()),
              unless(isExpansionInSystemHeader()), hasType(Owner))
          .bind("local"),
      this);
  // A thread temporary whose value is discarded dies at the end of its
  // statement.
  Finder->addMatcher(
      expr(hasType(Owner), unless(isExpansionInSystemHeader()),
           hasParent(stmt(anyOf(compoundStmt(), switchCase(), labelStmt(),
                                ifStmt(), whileStmt(), doStmt(), forStmt(),
                                cxxForRangeStmt()))))
          .bind("temporary"),
      this);
  Finder->addMatcher(fieldDecl(hasType(Owner),
                               unless(isExpansionInSystemHeader()))
                         .bind("member"),
                     this);
}

void UnjoinedThreadCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Local = Result.Nodes.getNodeAs<VarDecl>("local"))
    checkLocal(Local, *Result.Context);
  else if (const auto *Temporary = Result.Nodes.getNodeAs<Expr>("temporary"))
    checkTemporary(Temporary);
  else if (const auto *Member = Result.Nodes.getNodeAs<FieldDecl>("member"))
    checkMember(Member);
}

void UnjoinedThreadCheck::checkLocal(const VarDecl *Owner, ASTContext &Ctx) {
  if (Owner->isExceptionVariable() || Owner->getType()->isReferenceType())
    return;
  const DeclContext *DC = Owner->getParentFunctionOrMethod();
  if (!DC || DC->isDependentContext())
    return;
  const Stmt *Body = llvm::cast<Decl>(DC)->getBody();
  if (!Body)
    return;

  ThreadOwnerKind Kind = Types.ownerKind(Owner->getType());
  OwnerSummary Summary;
  bool StartedAtDeclaration =
      initializerStartsThread(Owner->getInit(), Kind, Types);
  llvm::SmallVector<ThreadUse, 8> Uses;
  ThreadUseClassifier(Body, Types).collectUses(Owner, Kind, Uses);
  summarize(Uses, Summary);
  if (Summary.HandedOver || (!StartedAtDeclaration && !Summary.FirstStart))
    return;
  if (!firstReportAt(Owner->getLocation()))
    return;

  {
    auto Diag =
        diag(Owner->getLocation(),
             "%select{thread|thread owned by|threads in}0 '%1' "
             "%select{is|is|are}0 started but never joined or detached; "
             "%select{its destructor|destroying it|destroying them}0 will "
             "call std::terminate")
        << ownerKindIndex(Kind) << Owner->getName();

    if (JthreadFixIt && Kind == ThreadOwnerKind::Thread &&
        StartedAtDeclaration && Summary.OnlyMemberCalls &&
        Ctx.getLangOpts().CPlusPlus20 &&
        qualifiedNameOf(Owner->getType()->getAsCXXRecordDecl()) ==
            "std::thread" &&
        callableIgnoresStopToken(threadCallable(Owner->getInit()))) {
      CharSourceRange TypeRange =
          spelledStdThread(Owner->getTypeSourceInfo(), Ctx);
      // `auto t = std::thread(f);` spells the type in the initializer.
      if (TypeRange.isInvalid() && Owner->getType()->getContainedAutoType()) {
        const Expr *Init = Owner->getInit()->IgnoreImplicit();
        if (const auto *Temp = llvm::dyn_cast<CXXTemporaryObjectExpr>(Init))
          TypeRange = spelledStdThread(Temp->getTypeSourceInfo(), Ctx);
        else if (const auto *Cast = llvm::dyn_cast<CXXFunctionalCastExpr>(Init))
          TypeRange = spelledStdThread(Cast->getTypeInfoAsWritten(), Ctx);
      }
      if (TypeRange.isValid()) {
        llvm::StringRef Old = Lexer::getSourceText(
            TypeRange, Ctx.getSourceManager(), Ctx.getLangOpts());
        Diag << FixItHint::CreateReplacement(
            TypeRange, Old.starts_with("::") ? "::std::jthread"
                                             : "std::jthread");
      }
    }
  }
  if (!StartedAtDeclaration && Summary.FirstStart)
    diag(Summary.FirstStart->getBeginLoc(), "thread started here",
         DiagnosticIDs::Note);
}

void UnjoinedThreadCheck::checkTemporary(const Expr *Temporary) {
  const Expr *Value = Temporary->IgnoreImplicit();
  if (!Value->isPRValue() && !llvm::isa<CXXBindTemporaryExpr>(
                                 Temporary->IgnoreParens()->IgnoreImplicitAsWritten()))
    return;
  ThreadOwnerKind Kind = Types.ownerKind(Temporary->getType());
  if (Kind == ThreadOwnerKind::Container ||
      !initializerStartsThread(Temporary, Kind, Types))
    return;
  if (!firstReportAt(Temporary->getBeginLoc()))
    return;
  diag(Temporary->getBeginLoc(),
       "temporary %select{thread|thread owner}0 is destroyed at the end of "
       "this statement while its thread is still joinable; its destructor "
       "will call std::terminate")
      << (Kind == ThreadOwnerKind::UniquePtr ? 1 : 0);
}

void UnjoinedThreadCheck::checkMember(const FieldDecl *Owner) {
  const auto *RD = llvm::dyn_cast<CXXRecordDecl>(Owner->getParent());
  // Public and protected members can be joined by code we do not see;
  // templates are analysed only when instantiated, and then only partially.
  if (!RD || Owner->getAccess() != AS_private || RD->isLambda() ||
      RD->isDependentContext() ||
      llvm::isa<ClassTemplateSpecializationDecl>(RD) ||
      RD->getTemplateInstantiationPattern() || !RD->friends().empty())
    return;
  llvm::SmallVector<const FunctionDecl *, 16> Functions;
  if (!collectVisibleMemberFunctions(RD, Functions))
    return;

  ThreadOwnerKind Kind = Types.ownerKind(Owner->getType());
  MemberUseSummary Summary =
      summarizeMemberUses(Owner, Kind, Functions, Types);
  bool HandedOver = llvm::any_of(Summary.Uses, [](const MemberUse &M) {
    return M.Use.Kind == ThreadUseKind::Join ||
           M.Use.Kind == ThreadUseKind::Escape;
  });
  if (HandedOver || !Summary.FirstStart)
    return;
  if (!firstReportAt(Owner->getLocation()))
    return;
  diag(Owner->getLocation(),
       "%select{member thread|thread owned by member|threads in member}0 '%1' "
       "%select{is|is|are}0 started but no member function of '%2' joins or "
       "detaches %select{it|it|them}0; destroying a '%2' will call "
       "std::terminate")
      << ownerKindIndex(Kind) << Owner->getName() << RD->getName();
  diag(Summary.FirstStart->getBeginLoc(), "thread started here",
       DiagnosticIDs::Note);
}

} // namespace clang::tidy::threads
