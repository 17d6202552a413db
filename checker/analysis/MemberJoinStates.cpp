//===--- MemberJoinStates.cpp ---------------------------------------------===//

#include "analysis/MemberJoinStates.h"
#include "analysis/ThreadStarts.h"
#include "utils/AstUtils.h"
#include "utils/DeclNames.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace clang::tidy::threads {

namespace {

constexpr unsigned NeverStartedBit = 0;
constexpr unsigned JoinableBit = 1;
constexpr unsigned EndedBit = 2;
constexpr unsigned MovedFromBit = 3;
constexpr unsigned HandedOverBit = 4;
/// A call on `this` is followed this many functions deep.
constexpr unsigned MaxDepth = 4;

JoinState possibility(unsigned Bit) {
  return JoinState::Possibility(1u << Bit);
}

/// The bit of the possibility an invalid join met.
unsigned badBitOf(const LifetimeEvent &Event) {
  switch (Event.Reason) {
  case LifetimeEvent::AlreadyEnded:
    return EndedBit;
  case LifetimeEvent::MovedFrom:
    return MovedFromBit;
  case LifetimeEvent::NeverStarted:
  case LifetimeEvent::CreationFailed: // members are no handles
    return NeverStartedBit;
  }
  return EndedBit;
}

/// Whether a call that leaves a running member in \p After ends it on
/// every path.
bool stopsMember(JoinState After) {
  return After.mayBe(JoinState::Ended) && !After.mayBeJoinable() &&
         !After.mayBe(JoinState::HandedOver);
}

bool contains(const Stmt *Root, const Stmt *Site) {
  return Root && anyStmtIn(Root, [&](const Stmt *S) { return S == Site; });
}

bool returns(const Stmt *S) {
  return anyStmtIn(S, [](const Stmt *Node) {
    return llvm::isa<ReturnStmt, CXXThrowExpr>(Node);
  });
}

} // namespace

const CXXRecordDecl *instantiatedClassOf(const FieldDecl *Member) {
  const auto *Spec =
      llvm::dyn_cast<ClassTemplateSpecializationDecl>(Member->getParent());
  if (!Spec || Spec->isDependentContext() ||
      Spec->getSpecializationKind() != TSK_ImplicitInstantiation)
    return nullptr;
  return Spec;
}

void collectInstantiatedMemberFunctions(
    const CXXRecordDecl *RD, llvm::SmallVectorImpl<const FunctionDecl *> &Fns) {
  for (const Decl *D : RD->decls())
    if (const auto *Fn = llvm::dyn_cast<CXXMethodDecl>(D))
      if (!Fn->isImplicit() && Fn->doesThisDeclarationHaveABody())
        Fns.push_back(Fn);
}

MemberJoinStates::FunctionEffect MemberJoinStates::unknownEffect() {
  // Silence rather than a guess: the member may be anything afterwards.
  FunctionEffect Unknown;
  for (JoinState &After : Unknown.Effect.After)
    After = JoinState::HandedOver;
  Unknown.Identity = false;
  return Unknown;
}

bool MemberJoinStates::guardedByFlag(const Stmt *Site,
                                     const FunctionDecl *Fn) const {
  bool Guarded = false;
  forEachStmtIn(Fn->getBody(), Lambdas::Skip, [&](const Stmt *S) {
    const Expr *Condition = nullptr;
    bool Encloses = false;
    if (const auto *If = llvm::dyn_cast<IfStmt>(S)) {
      Condition = If->getCond();
      Encloses = contains(If->getThen(), Site) || contains(If->getElse(), Site);
      // `if (!running_) return;` before the join guards it too.
      if (!Encloses && returns(If->getThen()) &&
          Fn->getASTContext().getSourceManager().isBeforeInTranslationUnit(
              If->getEndLoc(), Site->getBeginLoc()))
        Encloses = true;
    } else if (const auto *Cond = llvm::dyn_cast<ConditionalOperator>(S)) {
      Condition = Cond->getCond();
      Encloses = !contains(Condition, Site) && contains(Cond, Site);
    }
    if (Guarded || !Condition || !Encloses)
      return;
    // `if (t_.get_id() != std::thread::id())` tests joinability too.
    if (anyStmtIn(Condition, [&](const Stmt *Node) {
          const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(Node);
          return Call && identifierOf(Call->getMethodDecl()) == "get_id" &&
                 memberOfThis(Call->getImplicitObjectArgument()) == Member;
        })) {
      Guarded = true;
      return;
    }
    // `if (stopped_) return; stopped_ = true;`: a flag the function (or a
    // stop() it calls) writes makes it run once; one that every start sets
    // says whether the thread runs.
    Guarded = Protocol.conditionTracksStarts(Condition, Types) ||
              llvm::any_of(membersReadBy(Condition, Member),
                           [&](const ValueDecl *Flag) {
                             return findMemberCallChain(
                                 Fn, RD, [&](const FunctionDecl *Writer) {
                                   return writesMember(Writer->getBody(), Flag);
                                 });
                           });
  });
  return Guarded;
}

bool MemberJoinStates::run(const FunctionDecl *Fn, JoinState Entry,
                           bool Constructor, const CallEffects &CallsIn,
                           JoinState &AtReturn,
                           llvm::SmallVectorImpl<LifetimeEvent> &InvalidJoins) {
  ThreadLifetimeAnalysis::MemberRun Run;
  Run.Entry = Entry;
  Run.Constructor = Constructor;
  Run.TrackWithoutStart = true;
  Run.Calls = &CallsIn;
  Run.AtReturn = &AtReturn;
  llvm::SmallVector<LifetimeEvent, 4> Events;
  if (Lifetimes.analyzeMember(Fn, Member, ThreadOwnerKind::Thread, Run,
                              Member->getASTContext(), Events) !=
      ThreadLifetimeAnalysis::Outcome::Complete)
    return false;
  for (const LifetimeEvent &Event : Events)
    if (Event.Kind == LifetimeEvent::InvalidJoin &&
        !guardedByFlag(Event.Site, Fn))
      InvalidJoins.push_back(Event);
  return true;
}

MemberJoinStates::CallEffects
MemberJoinStates::callEffectsIn(const FunctionDecl *Fn, unsigned Depth) {
  CallEffects Found;
  llvm::DenseSet<const Stmt *> OwnUses;
  for (const MemberUse &M : Summary.Uses)
    if (M.In == Fn)
      OwnUses.insert(M.Use.Site);
  forEachStmtIn(Fn->getBody(), Lambdas::Skip, [&](const Stmt *S) {
    if (OwnUses.count(S))
      return;
    if (const CXXMethodDecl *Method = methodCalledOnThis(S)) {
      if (Method->getParent()->getCanonicalDecl() != RD->getCanonicalDecl())
        return;
      const FunctionDecl *Def = visibleDefinition(Method);
      FunctionEffect Callee = Def ? effectOf(Def, Depth + 1) : unknownEffect();
      if (!Callee.Identity)
        Found[S] = Callee.Effect;
      return;
    }
    // The object handed to other code (`registry.remove(this)`): that code
    // may do anything with the member.
    if (!llvm::isa<CallExpr, CXXConstructExpr>(S) ||
        !llvm::any_of(argumentsOf(S), isThisObject))
      return;
    if (const auto *Ctor = llvm::dyn_cast<CXXConstructExpr>(S))
      if (Types.isThreadClass(Ctor->getConstructor()->getParent()))
        return;
    Found[S] = unknownEffect().Effect;
  });
  return Found;
}

MemberJoinStates::FunctionEffect
MemberJoinStates::effectOf(const FunctionDecl *Fn, unsigned Depth) {
  auto Known = Effects.find(Fn);
  if (Known != Effects.end())
    return Known->second;
  if (Depth > MaxDepth)
    return unknownEffect();
  // A recursive call meets the function as unknown.
  Effects[Fn] = unknownEffect();

  FunctionEffect Result;
  for (unsigned Bit = 0; Bit < JoinState::NumPossibilities; ++Bit)
    Result.Effect.After[Bit] = possibility(Bit);
  CallEffects CallsIn = callEffectsIn(Fn, Depth);
  bool UsesMember = llvm::any_of(
      Summary.Uses, [&](const MemberUse &M) { return M.In == Fn; });
  if (UsesMember || !CallsIn.empty()) {
    Result.Identity = false;
    for (unsigned Bit = 0; Bit < HandedOverBit; ++Bit) {
      JoinState AtReturn;
      llvm::SmallVector<LifetimeEvent, 2> InvalidJoins;
      if (!run(Fn, possibility(Bit), /*Constructor=*/false, CallsIn, AtReturn,
               InvalidJoins)) {
        Result = unknownEffect();
        break;
      }
      Result.Effect.After[Bit] = AtReturn;
      if (!InvalidJoins.empty()) {
        Result.Effect.Throws.merge(possibility(Bit));
        Result.ThrowSite[Bit] = InvalidJoins.front().Site;
      }
    }
  }
  Effects[Fn] = Result;
  return Result;
}

bool MemberJoinStates::resolveJoin(const Stmt *Site, const FunctionDecl *In,
                                   unsigned Bad, InvalidMemberJoin &Found) {
  for (unsigned Step = 0; Step <= MaxDepth + 1; ++Step) {
    const CXXMethodDecl *Method = methodCalledOnThis(Site);
    const FunctionDecl *Callee = Method ? visibleDefinition(Method) : nullptr;
    if (!Callee) {
      // A join of the member itself.
      bool IsJoin = llvm::any_of(Summary.Uses, [&](const MemberUse &M) {
        return M.Use.Site == Site && M.Use.Kind == ThreadUseKind::Join;
      });
      Found.Join = Site;
      return IsJoin;
    }
    Found.Steps.push_back({In, Callee, Site});
    Site = effectOf(Callee, 0).ThrowSite[Bad];
    In = Callee;
    if (!Site)
      return false;
  }
  return false;
}

void MemberJoinStates::findJoinedTwice(
    llvm::ArrayRef<const FunctionDecl *> Functions,
    llvm::SmallVectorImpl<InvalidMemberJoin> &Found) {
  // What the thread itself runs is not called on a running member by its
  // owner; a join there is a self-join (reported as such).
  llvm::SmallVector<MemberThreadStart, 2> Starts =
      startsWithVisibleEntry(Summary, ThreadOwnerKind::Thread, Types);
  for (const FunctionDecl *Fn : Functions) {
    if (llvm::isa<CXXConstructorDecl>(Fn) || effectOf(Fn, 0).Identity ||
        llvm::any_of(Starts, [&](const MemberThreadStart &Start) {
          return Start.Entry == Fn;
        }))
      continue;
    // From a running member: the first join succeeds, a second one throws
    // whatever state the object was in.
    JoinState AtReturn;
    llvm::SmallVector<LifetimeEvent, 2> InvalidJoins;
    if (!run(Fn, JoinState::Joinable, /*Constructor=*/false,
             callEffectsIn(Fn, 0), AtReturn, InvalidJoins))
      continue;
    for (const LifetimeEvent &Event : InvalidJoins) {
      // A loop that stops on each iteration usually ends with the stop
      // (`while (running_) { ... stop(); }`): the flag it tests is beyond
      // the dataflow.
      if (Event.Reason == LifetimeEvent::NeverStarted ||
          Event.PriorSite == Event.Site)
        continue;
      InvalidMemberJoin Join{InvalidMemberJoin::JoinedTwice, nullptr, Fn};
      Join.OnlyOnSomePaths = Event.OnlyOnSomePaths;
      Join.MovedFrom = Event.Reason == LifetimeEvent::MovedFrom;
      Join.Prior = Event.PriorSite;
      if (resolveJoin(Event.Site, Fn, badBitOf(Event), Join))
        Found.push_back(std::move(Join));
    }
  }
}

void MemberJoinStates::findStoppedThenDestroyed(
    llvm::ArrayRef<const FunctionDecl *> Functions, const FunctionDecl *Dtor,
    llvm::SmallVectorImpl<InvalidMemberJoin> &Found) {
  FunctionEffect DtorEffect = effectOf(Dtor, 0);
  const Stmt *DtorThrow = DtorEffect.ThrowSite[EndedBit];
  if (!DtorThrow || !llvm::any_of(Functions, [&](const FunctionDecl *Fn) {
        return Fn != Dtor && !effectOf(Fn, 0).Identity &&
               stopsMember(effectOf(Fn, 0).Effect.After[JoinableBit]);
      }))
    return;
  using namespace ast_matchers;
  ASTContext &Ctx = Member->getASTContext();
  const CXXRecordDecl *Class = RD->getCanonicalDecl();
  // Only a class whose destructor joins a stopped member pays for this
  // walk of the translation unit.
  auto Locals =
      match(varDecl(hasLocalStorage(), unless(parmVarDecl()),
                    hasType(hasUnqualifiedDesugaredType(recordType())))
                .bind("object"),
            Ctx);
  for (const BoundNodes &Bound : Locals) {
    const auto *Object = Bound.getNodeAs<VarDecl>("object");
    const CXXRecordDecl *Type = Object->getType()->getAsCXXRecordDecl();
    const auto *Fn = llvm::dyn_cast<FunctionDecl>(Object->getDeclContext());
    if (!Type || Type->getCanonicalDecl() != Class || !Fn ||
        Fn->isDependentContext() || !Fn->hasBody())
      continue;
    const Stmt *Body = Fn->getBody();
    // The object's last use in the function is a call that ends the member
    // on every path; nothing after it restarts it before the destructor.
    const DeclRefExpr *LastRef = nullptr;
    bool InClosure = false;
    forEachStmtIn(Body, Lambdas::Skip, [&](const Stmt *S) {
      if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(S))
        if (Ref->getDecl() == Object)
          LastRef = Ref;
    });
    forEachStmtInClosures(Body, [&](const Stmt *S) {
      if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(S))
        InClosure |= Ref->getDecl() == Object;
    });
    if (!LastRef || InClosure)
      continue;
    const CXXMemberCallExpr *StopCall = nullptr;
    forEachStmtIn(Body, Lambdas::Skip, [&](const Stmt *S) {
      const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(S);
      if (Call &&
          Call->getImplicitObjectArgument()->IgnoreParenImpCasts() == LastRef)
        StopCall = Call;
    });
    const FunctionDecl *Stop =
        StopCall ? visibleDefinition(StopCall->getMethodDecl()) : nullptr;
    if (!Stop)
      continue;
    if (!stopsMember(effectOf(Stop, 0).Effect.After[JoinableBit]))
      continue;
    ParentMap Parents(const_cast<Stmt *>(Body));
    SourceLocation DestroyedAt;
    for (const Stmt *P = Parents.getParent(StopCall); P;
         P = Parents.getParent(P))
      if (const auto *Compound = llvm::dyn_cast<CompoundStmt>(P))
        if (llvm::any_of(Compound->body(), [&](const Stmt *Child) {
              const auto *Decls = llvm::dyn_cast<DeclStmt>(Child);
              return Decls && llvm::is_contained(Decls->decls(), Object);
            })) {
          DestroyedAt = Compound->getRBracLoc();
          break;
        }
    if (DestroyedAt.isInvalid())
      continue;
    InvalidMemberJoin Join{InvalidMemberJoin::StoppedThenDestroyed, nullptr,
                           Dtor};
    Join.Object = Object;
    Join.StopCall = StopCall;
    Join.DestroyedAt = DestroyedAt;
    if (resolveJoin(DtorThrow, Dtor, EndedBit, Join)) {
      Found.push_back(std::move(Join));
      return;
    }
  }
}

bool MemberJoinStates::constructorLeavingUnstarted(const FunctionDecl *&Ctor) {
  bool StartedInClass = initializerStartsThread(Member->getInClassInitializer(),
                                                ThreadOwnerKind::Thread, Types);
  for (const CXXConstructorDecl *Declared : RD->ctors()) {
    if (Declared->isCopyOrMoveConstructor() || Declared->isDeleted())
      continue;
    if (Declared->isImplicit() || Declared->isDefaulted()) {
      if (!StartedInClass) {
        Ctor = Declared->isImplicit() ? nullptr : Declared;
        return true;
      }
      continue;
    }
    const auto *Def =
        llvm::dyn_cast_or_null<CXXConstructorDecl>(visibleDefinition(Declared));
    if (!Def || Def->isDelegatingConstructor())
      continue;
    JoinState AtReturn;
    llvm::SmallVector<LifetimeEvent, 2> Ignored;
    if (run(Def, JoinState::NeverStarted, /*Constructor=*/true,
            callEffectsIn(Def, 0), AtReturn, Ignored) &&
        AtReturn.mayBe(JoinState::NeverStarted) &&
        !AtReturn.mayBe(JoinState::HandedOver)) {
      Ctor = Def;
      return true;
    }
  }
  // A class without declared constructors gets an implicit default one.
  if (!RD->hasUserDeclaredConstructor() && !StartedInClass) {
    Ctor = nullptr;
    return true;
  }
  return false;
}

void MemberJoinStates::findDestroyedUnstarted(
    const FunctionDecl *Dtor, llvm::SmallVectorImpl<InvalidMemberJoin> &Found) {
  // Code outside the class may start a member it can reach.
  if (!onlyOwnCodeReaches(Member) || !Summary.FirstStart)
    return;
  const FunctionDecl *Ctor = nullptr;
  if (!constructorLeavingUnstarted(Ctor))
    return;
  JoinState AtReturn;
  llvm::SmallVector<LifetimeEvent, 2> InvalidJoins;
  if (!run(Dtor, JoinState::NeverStarted, /*Constructor=*/false,
           callEffectsIn(Dtor, 0), AtReturn, InvalidJoins))
    return;
  for (const LifetimeEvent &Event : InvalidJoins) {
    if (Event.Reason != LifetimeEvent::NeverStarted)
      continue;
    InvalidMemberJoin Join{InvalidMemberJoin::DestroyedUnstarted, nullptr,
                           Dtor};
    Join.Constructor = Ctor;
    Join.Start = Summary.FirstStart;
    if (resolveJoin(Event.Site, Dtor, NeverStartedBit, Join)) {
      Found.push_back(std::move(Join));
      return;
    }
  }
}

void MemberJoinStates::findInvalidJoins(
    llvm::ArrayRef<const FunctionDecl *> Functions,
    llvm::SmallVectorImpl<InvalidMemberJoin> &Found) {
  findJoinedTwice(Functions, Found);
  const CXXDestructorDecl *Declared = RD->getDestructor();
  const FunctionDecl *Dtor = Declared ? visibleDefinition(Declared) : nullptr;
  if (!Dtor || effectOf(Dtor, 0).Identity)
    return;
  findStoppedThenDestroyed(Functions, Dtor, Found);
  findDestroyedUnstarted(Dtor, Found);
}

} // namespace clang::tidy::threads
