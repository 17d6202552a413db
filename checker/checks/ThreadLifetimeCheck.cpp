//===--- ThreadLifetimeCheck.cpp ------------------------------------------===//

#include "checks/ThreadLifetimeCheck.h"
#include "analysis/FieldHandleJoins.h"
#include "analysis/QtThreads.h"
#include "analysis/ThreadLifetimeAnalysis.h"
#include "utils/AstMatchers.h"

using namespace clang::ast_matchers;

namespace clang::tidy::threads {

ThreadLifetimeCheck::ThreadLifetimeCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : ThreadTidyCheck(Name, Context), Types(*this, Name, Options) {
  forgetEachTranslationUnit(Types);
}

void ThreadLifetimeCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Types.storeOptions(Options, Opts);
  storeCheckOptions(Opts);
}

void ThreadLifetimeCheck::registerMatchers(MatchFinder *Finder) {
  // Every kind of local this check follows, in one matcher.
  std::vector<LocalVariableType> Locals;
  if (checksLocalContainers())
    Locals.push_back({qualType(anyOf(isTrackedThread(&Types),
                                     isTrackedThreadContainer(&Types),
                                     isTrackedThreadOptional(&Types),
                                     isThreadHandleOrPointer(&Types))),
                      "thread"});
  else
    Locals.push_back({qualType(anyOf(isTrackedThread(&Types),
                                     isThreadHandleOrPointer(&Types))),
                      "thread"});
  if (Types.follows(ThreadApi::Qt))
    Locals.push_back({qualType(holdsQThread()), "qt-thread"});
  if (checksBoostGroups() && Types.follows(ThreadApi::Boost))
    Locals.push_back({qualType(hasDeclaration(
                          cxxRecordDecl(hasName("::boost::thread_group")))),
                      "boost-group"});
  Finder->addMatcher(localVariables(std::move(Locals)), this);
  auto Member = [&](const ast_matchers::internal::Matcher<QualType> &Type) {
    Finder->addMatcher(
        fieldDecl(unless(isExpansionInSystemHeader()), hasType(Type))
            .bind("member"),
        this);
  };
  if (checksHandleSelfJoins())
    Finder->addMatcher(callExpr(joinsCallingThread(&Types)).bind("self-join"),
                       this);
  if (checksStoredHandleCreations())
    Finder->addMatcher(callExpr(unless(isExpansionInSystemHeader()),
                                createsStoredHandle(&Types))
                           .bind("stored-create"),
                       this);
  if (checksConstructors())
    Finder->addMatcher(
        cxxConstructorDecl(isDefinition(), unless(isExpansionInSystemHeader()))
            .bind("constructor"),
        this);
  switch (membersToCheck()) {
  case MemberKind::None:
    break;
  case MemberKind::Thread:
    Member(qualType(isTrackedThread(&Types)));
    break;
  case MemberKind::AnyOwner:
    Member(qualType(ownsTrackedThreads(&Types)));
    break;
  }
}

void ThreadLifetimeCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Thread = Result.Nodes.getNodeAs<VarDecl>("thread")) {
    if (const FunctionDecl *Fn = functionToAnalyze(Thread, Analyzed))
      checkFunction(Fn, *Result.Context);
  } else if (const auto *Member = Result.Nodes.getNodeAs<FieldDecl>("member")) {
    checkMember(Member);
  } else if (const auto *Ctor =
                 Result.Nodes.getNodeAs<CXXConstructorDecl>("constructor")) {
    checkConstructor(Ctor);
  } else if (const auto *Join = Result.Nodes.getNodeAs<CallExpr>("self-join")) {
    checkHandleSelfJoin(Join);
  } else if (const auto *Create =
                 Result.Nodes.getNodeAs<CallExpr>("stored-create")) {
    checkStoredHandleCreation(Create, *Result.Context);
  } else if (const auto *Qt = Result.Nodes.getNodeAs<VarDecl>("qt-thread")) {
    checkQtLocal(Qt, *Result.Context);
  } else if (const auto *Group =
                 Result.Nodes.getNodeAs<VarDecl>("boost-group")) {
    checkBoostGroupLocal(Group, *Result.Context);
  }
}

void ThreadLifetimeCheck::noteThreadDeclaration(const VarDecl *Thread) {
  diag(Thread->getLocation(), "thread '%0' declared here", DiagnosticIDs::Note)
      << Thread->getName();
}

} // namespace clang::tidy::threads
