"""Which translation units of a project run can hold a finding.

Every threads-* finding starts from a thread API the checks track (a
thread, future or promise type, std::async, a handle API's create call, a
QThread, a configured ThreadTypes/FutureTypes entry). A translation unit
whose code reaches none of them cannot hold one; parsing it is wasted. But
its main file need not name the API itself: a macro of a project header
may start the thread (`SPAWN(f)`), an alias may name it (`using Thread =
std::thread;`), the main file may define the destructor of a header class
that holds one, submit a lambda to a header-only pool, or derive from a
class that derives from QThread. So relevance is per declaration, from the
text alone, and typed: what counts is what can carry a thread, not every
name a declaration mentions (a fixpoint over every mention makes almost
every file of a large project relevant through names like `key` or `Get`).

- the project headers (the non-system headers of the closures) are cut
  into top-level declarations (`#define`s, classes, aliases and typedefs,
  functions, variables; namespaces are entered), and each class into its
  members;
- the thread types are the triggers (but the inert ones: `pthread_t`,
  `pthread_self`, ... start, own and end no thread) and the aliases,
  macros and functions whose text reaches one;
- the relevant names are those, and the classes that own or start a
  thread (a base that is relevant, a data member or a member function body
  that names a thread type), the functions whose return type or body names
  a relevant name or member (parameters do not count: a caller passes what
  it names itself), and the variables, aliases and macros that name one;
- the relevant members are the members whose declarations name a relevant
  name (`Pool pool;`, `Timer *Default();`); they count in main files only,
  and not where the file names them qualified by another class
  (`Env::Default()`). A function body that accesses one (`ctx->pool`, or
  a bare `pool_` in a member of its own class) makes its function relevant
  too, but only once: a member relevant that way (`Verify` calling a
  `Join`) makes no further body relevant, or every common member name
  would chain to every file; enumerators are values, never relevant;
- a translation unit is analysed when its main file names a trigger, a
  relevant name or a relevant member, or when it includes a relevant
  header that no analysed unit includes (the first such unit in database
  order is chosen for that header, so that the header's own findings are
  still reported).

Anything not understood (a file that cannot be read, a comment or a literal
that does not end, braces that do not balance, a unit clang-scan-deps could
not scan) is analysed: the selection may analyse too much, never too little.
"""
from __future__ import annotations

import os
import re
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from typing import (IO, Dict, FrozenSet, Iterable, List, Optional, Sequence,
                    Set, Tuple)

from . import configurations, include_closure
from .cache import ResultCache
from .include_closure import Closure
from .sources import display_path
from .runner import ClangTidyOptions
from .toolchain import Toolchain

# The names the checks match (checker/: the thread types of TrackedThreadTypes
# and ThreadLaunchCheck, the futures of threads-unchecked-future, the
# launches of ThreadEntryFunctions, std::promise and std::packaged_task,
# Boost's thread and thread_group, QThread, the handles and functions of
# ThreadApis' POSIX and C11 APIs). A trailing `*` would make a prefix.
DEFAULT_TRIGGERS: FrozenSet[str] = frozenset((
    "thread", "jthread", "async", "future", "shared_future", "promise",
    "packaged_task", "thread_group", "create_thread", "add_thread",
    "QThread", "QtConcurrent",
    "pthread_t", "pthread_create", "pthread_join", "pthread_detach",
    "pthread_self", "pthread_exit", "pthread_equal",
    "pthread_attr_setdetachstate",
    "thrd_t", "thrd_create", "thrd_join", "thrd_detach", "thrd_current",
    "thrd_exit", "thrd_equal"))
# Triggers that start, own or end no thread: a header declaration that
# names only these (gtest's mutex keeps its owner in a pthread_t) is not
# relevant; a main file that names one is still analysed.
INERT_TRIGGERS: FrozenSet[str] = frozenset((
    "pthread_t", "pthread_self", "pthread_equal", "thrd_t", "thrd_current",
    "thrd_equal"))
# The options whose entries are thread or future types.
TYPE_OPTIONS = ("ThreadTypes", "FutureTypes")
# Directories whose headers are the system's, never the project's.
SYSTEM_PREFIXES = ("/usr/", "/lib/", "/include/")

# Comments, literals and numbers (whose digit separators look like
# character literals), in the order a lexer meets them.
_BLANKED = re.compile(r"""(?=[/"'uULR.0-9])(?:
    //[^\n\\]*(?:\\.[^\n\\]*)*
  | /\*.*?\*/
  | (?:u8|[uUL])?R"(?P<delim>[^()\\\s"]{0,16})\(.*?\)(?P=delim)"
  | (?:u8|[uUL])?"[^"\\\n]*(?:\\.[^"\\\n]*)*"
  | (?:u8|[uUL])?'[^'\\\n]*(?:\\.[^'\\\n]*)*'
  | (?<![\w$])\.?[0-9][\w.']*(?:[eEpP][+-][\w.']*)*)
""", re.S | re.X)
_WORD = re.compile(r"[A-Za-z_$][\w$]*|::|->|<<=?|>>=?|<=|>=|[^\s\w$]")
# (Numbers are gone: an identifier cannot start inside one.)
_IDENTIFIER = re.compile(r"[A-Za-z_$][\w$]*")
# `std::thread::id`, `std::thread::hardware_concurrency()`: the class as a
# scope names no thread (QThread::create does start one).
_THREAD_SCOPE = re.compile(r"\b(?<![\w$])j?thread(?=\s*::)")
# Directives whose words name nothing the code uses (`#include <thread>`
# alone starts no thread); only `#define` counts.
_OTHER_DIRECTIVES = re.compile(r"^[ \t]*#(?![ \t]*define\b).*$", re.M)

_KEYWORDS = frozenset("""
    alignas alignof asm auto bool break case catch char char8_t char16_t
    char32_t class concept const consteval constexpr constinit const_cast
    continue co_await co_return co_yield decltype default delete do double
    dynamic_cast else enum explicit export extern false final float for
    friend goto if inline int long mutable namespace new noexcept nullptr
    operator override private protected public register reinterpret_cast
    requires return short signed sizeof static static_assert static_cast
    struct switch template this thread_local throw true try typedef typeid
    typename union unsigned using virtual void volatile wchar_t while
    """.split())
_CLASS_KEYS = ("class", "struct", "union", "enum")
# Words that start a statement, not a declaration: `return std::f(x);` in
# a later #if branch calls a function.
_STATEMENT_WORDS = frozenset(("return", "throw", "co_return", "co_yield",
                              "co_await", "delete", "new", "case", "goto",
                              "else", "do", "sizeof", "typeid"))
# What may put parentheses in a class head.
_ATTRIBUTES = ("alignas", "__attribute__", "__declspec", "decltype",
               "noexcept", "throw", "sizeof", "alignof")


class LexerLost(Exception):
    """The text is not C or C++ as this lexer reads it."""


@dataclass(frozen=True)
class Declaration:
    """One rule of the fixpoint: when a name of uses is relevant (or one of
    typed_uses names a thread type), names and members become relevant."""
    names: FrozenSet[str]  # what it declares that other declarations use
    uses: FrozenSet[str]  # the identifiers that can make it relevant
    # the class members it declares: a main file that names one is
    # analysed, but a header declaration only by accessing one
    # (member_uses, own_uses): `run`, `db_`, `Get` are members of too many
    # classes, and locals share their names
    members: FrozenSet[str] = frozenset()
    # identifiers that make it relevant only when they name a thread type
    # (a trigger, or an alias, macro or function that reaches one): what
    # makes a class hold or start a thread
    typed_uses: FrozenSet[str] = frozenset()
    # whether its names become thread types when it reaches one (an alias,
    # a macro, a function), not just relevant names (a class, a variable)
    carries_type: bool = False
    owner: str = ""  # the class of members
    # (a function body) the members it accesses (`ctx->pool.submit(f)`
    # forwards f to a pool): relevant members there make it relevant
    member_uses: FrozenSet[str] = frozenset()
    # (a member function's body) its bare identifiers: they make it
    # relevant when they name a relevant member of its own class
    own_uses: FrozenSet[str] = frozenset()


@dataclass(frozen=True)
class FileFacts:
    """What the selection reads from one file; lost when it could not."""
    identifiers: FrozenSet[str] = frozenset()
    declarations: Tuple[Declaration, ...] = ()
    lost: bool = False
    # (a main file's) the identifiers it names at least once without a
    # class qualifier, and the qualifiers of the others (`Env::Default`)
    unqualified: FrozenSet[str] = frozenset()
    qualifiers: Tuple[Tuple[str, str], ...] = ()


# --- lexing -------------------------------------------------------------

def strip(text: str) -> str:
    """text without comments and literals (a literal becomes `0`), its
    continued lines joined. Raises LexerLost on a comment or a literal
    that does not end."""
    stripped = _BLANKED.sub(
        lambda m: " " if m.group().startswith("/") else "0", text)
    if "\"" in stripped or "'" in stripped or "/*" in stripped:
        raise LexerLost("an unterminated comment or literal")
    stripped = _THREAD_SCOPE.sub("0", stripped)
    return stripped.replace("\\\r\n", " ").replace("\\\n", " ")


def code_identifiers(stripped: str) -> FrozenSet[str]:
    """The identifiers of the code and of its `#define`s."""
    return frozenset(_IDENTIFIER.findall(_OTHER_DIRECTIVES.sub("",
                                                               stripped)))


def qualified_names(
        stripped: str) -> Tuple[FrozenSet[str], Tuple[Tuple[str, str], ...]]:
    """The identifiers named at least once other than as `Q::name`, and
    the (name, Q) pairs of those that are (`Foo<T>::name` and `::name`
    count as unqualified: their class is not known)."""
    tokens = _WORD.findall(_OTHER_DIRECTIVES.sub("", stripped))
    unqualified: Set[str] = set()
    qualifiers: Set[Tuple[str, str]] = set()
    for i, token in enumerate(tokens):
        if not _is_identifier(token):
            continue
        qualifier = tokens[i - 2] if i >= 2 and tokens[i - 1] == "::" \
            else ""
        if _is_identifier(qualifier):
            qualifiers.add((token, qualifier))
        else:
            unqualified.add(token)
    return frozenset(unqualified), tuple(sorted(qualifiers))


def directives_and_code(
        stripped: str
) -> Tuple[List[List[str]], List[str], List[List[str]]]:
    """The `#define` directives (each its words after `#`), the tokens of
    the code in the first branch of each `#if`, and those of each other
    branch (`#elif`, `#else`): two branches that each open a function
    (`void f() {` / `void f(int) {`) would not balance together."""
    directives: List[List[str]] = []
    code: List[str] = []
    others: List[List[str]] = []
    # per open #if: whether its current branch is a later one
    branches: List[bool] = []
    target = code
    for line in stripped.split("\n"):
        text = line.lstrip()
        if not text.startswith("#"):
            target.extend(_WORD.findall(line))
            continue
        words = _WORD.findall(text[1:])
        keyword = words[0] if words else ""
        if keyword == "define":
            directives.append(words)
        elif keyword in ("if", "ifdef", "ifndef"):
            branches.append(False)
        elif keyword in ("elif", "else", "elifdef", "elifndef") and branches:
            branches[-1] = True
            if branches.count(True) == 1:
                others.append([])  # a later branch of an outer #if
        elif keyword == "endif" and branches:
            branches.pop()
        target = others[-1] if any(branches) else code
    return directives, code, others


def _branch_declarations(tokens: Sequence[str]) -> List["Declaration"]:
    """The declarations of a later `#if` branch: those of its code when it
    balances, else the branch as one declaration."""
    try:
        return DeclarationSplitter(tokens).split()
    except LexerLost:
        whole = _branch_declaration(tokens)
        return [whole] if whole else []


def _branch_declaration(tokens: Sequence[str]) -> Optional["Declaration"]:
    """A later `#if` branch that does not balance as one declaration: what
    it uses, and every name in it that could be declared there."""
    uses = frozenset(t for t in tokens if _is_identifier(t))
    if not uses:
        return None
    names = {t for i, t in enumerate(tokens)
             if _is_identifier(t) and t not in _KEYWORDS and
             tokens[i + 1:i + 2] in (["("], [";"], ["="], ["{"], [","],
                                     ["["], [":"]) and
             tokens[i - 1:i] not in (["namespace"], ["::"], ["."], ["->"])}
    return Declaration(frozenset(names), uses)


# --- declarations -------------------------------------------------------

def _macro(directive: Sequence[str]) -> Optional[Declaration]:
    if len(directive) < 2 or directive[0] != "define":
        return None
    return Declaration(frozenset([directive[1]]),
                       frozenset(w for w in directive[2:]
                                 if _is_identifier(w)), carries_type=True)


def _is_identifier(word: str) -> bool:
    return bool(word) and (word[0].isalpha() or word[0] in "_$")


class DeclarationSplitter:
    """Cuts the tokens of a file into top-level declarations; namespaces
    and `extern "C"` blocks are entered, every other brace is part of the
    declaration it is in."""

    def __init__(self, code: Sequence[str]):
        self.code = code
        self.position = 0
        self.found: List[List[str]] = []

    def split(self) -> List[Declaration]:
        return [declaration for piece in self.pieces()
                for declaration in declarations_of(piece)]

    def pieces(self) -> List[List[str]]:
        """The tokens of each declaration."""
        scopes = 0
        current: List[str] = []
        while self.position < len(self.code):
            value = self.code[self.position]
            if value in ("namespace", "extern", "inline") and \
                    self._opens_scope():
                # A macro call without `;` may come before it.
                self._finish(current)
                current = []
                scopes += 1
                continue
            self.position += 1
            if value == "}":
                # Closes a namespace; a declaration still open there had
                # no `;` (a macro call): it ends here.
                self._finish(current)
                current = []
                scopes -= 1
                if scopes < 0:
                    raise LexerLost("}")
                continue
            current.append(value)
            if value in ("(", "[", "{"):
                self._take_balanced(value, current)
                if value == "{" and self._ends_with_body(current):
                    self._finish(current)
                    current = []
            elif value == ";":
                self._finish(current)
                current = []
            elif value in (")", "]"):
                raise LexerLost(value)
        if scopes:
            raise LexerLost("{")
        self._finish(current)
        return self.found

    def _opens_scope(self) -> bool:
        """Consumes `namespace a::b {`, `inline namespace {`, `extern "C"
        {` (its string is gone: `extern {`)."""
        words = []
        position = self.position
        while position < len(self.code) and len(words) < 8:
            value = self.code[position]
            words.append(value)
            position += 1
            if value == "{":
                break
        if words[:1] == ["extern"] and words[1:2] == ["{"]:
            self.position = position
            return True
        head = words[1:] if words[:1] == ["inline"] else words
        if head[:1] == ["namespace"] and head[-1:] == ["{"] and all(
                _is_identifier(w) or w == "::" for w in head[1:-1]):
            self.position = position
            return True
        return False

    def _take_balanced(self, opening: str, current: List[str]) -> None:
        closing = {"(": ")", "[": "]", "{": "}"}
        stack = [closing[opening]]
        while stack:
            if self.position >= len(self.code):
                raise LexerLost(opening)
            value = self.code[self.position]
            self.position += 1
            current.append(value)
            if value in closing:
                stack.append(closing[value])
            elif value in (")", "]", "}"):
                if value != stack.pop():
                    raise LexerLost(value)

    @staticmethod
    def _ends_with_body(current: Sequence[str]) -> bool:
        """Whether the `{...}` just taken ends the declaration: a function
        body does; a class body and an initializer (after `=`) go on to
        their `;`."""
        kind, _ = _first_brace(_outside_template_header(list(current)))
        return kind not in ("class", "initializer")

    def _finish(self, current: Sequence[str]) -> None:
        if current:
            self.found.append(list(current))


# What ends a member's access section (`public:`, Qt's `public slots:`).
_ACCESS = frozenset(("public", "protected", "private", "signals",
                     "Q_SIGNALS"))
_SLOTS = frozenset(("slots", "Q_SLOTS"))


def declarations_of(current: Sequence[str]) -> List[Declaration]:
    """The declarations of one top-level or member declaration's tokens:
    what each declares, and the names that make it relevant.

    Only what can carry a thread counts (typed relevance): a function's
    return type and body, not its parameters (a call passes what the
    caller already names); a class through its bases and its members
    (_class_declarations). An alias, a macro or a function that reaches a
    thread type is one itself (carries_type); a variable is not."""
    values = list(current)
    if not any(_is_identifier(v) for v in values):
        return []
    if values[:1] in (["typedef"], ["using"]):
        return [Declaration(declared_names(values), _identifiers(values),
                            carries_type=True)]
    head = _outside_template_header(values)
    if head[:1] == ["enum"]:
        # Its enumerators are values: `enum Kind { mutex, thread };` names
        # no thread.
        return [Declaration(declared_names(values), frozenset())]
    body = _class_body(head)
    if body is not None:
        return _class_declarations(values, head, body)
    names = declared_names(values)
    parameters = _parameter_list(head)
    if parameters is None:
        return [Declaration(names, _identifiers(values))]
    code = _without_parameters(head, parameters)
    uses = _identifiers(code)
    accessed = _accessed_members(code) if _has_body(head) else frozenset()
    owner = _member_owner(head)
    if owner:
        # An out-of-line member: like one defined in its class, its name is
        # a member, and it makes its class relevant only when it reaches a
        # thread type.
        member = head[parameters[0] - 1]
        return [Declaration(frozenset(), uses, frozenset(
                    [member] if _is_identifier(member) else ()),
                    owner=owner, member_uses=accessed,
                    own_uses=uses if _has_body(head) else frozenset()),
                Declaration(frozenset([owner]), frozenset(),
                            typed_uses=uses)]
    return [Declaration(names, uses, carries_type=True,
                        member_uses=accessed)]


def _accessed_members(values: Sequence[str]) -> FrozenSet[str]:
    """The names values access as members (`x.name`, `p->name`): a bare
    name there is a local or a parameter as often as a member (`result`,
    `key`), and a member of another class when it is one."""
    return frozenset(value for i, value in enumerate(values)
                     if i and values[i - 1] in (".", "->") and
                     _is_identifier(value))


def _identifiers(values: Sequence[str]) -> FrozenSet[str]:
    return frozenset(v for v in values if _is_identifier(v))


def _class_body(head: Sequence[str]) -> Optional[Tuple[int, int]]:
    """The span of a class definition's body `{...}` in head (its braces
    included), or None when head defines no class."""
    kind, opening = _first_brace(head)
    return (opening, _closing(head, opening)) if kind == "class" else None


def _first_brace(head: Sequence[str]) -> Tuple[str, int]:
    """What the first `{` at depth 0 of head opens, and where: "class" (a
    class key came first, and no parameter list after it), "initializer"
    (an `=` came first), "body" (anything else: a function's body); or
    "none" when there is no such `{`."""
    depth = 0
    class_head = False
    previous = ""
    for i, value in enumerate(head):
        if depth == 0 and value == "{":
            return ("class" if class_head else "body"), i
        if value in ("(", "[", "{"):
            # `class ALIGN_AS(64) Shard`: an attribute macro
            macro = head[i - 2:i - 1] in [[key] for key in _CLASS_KEYS]
            if value == "(" and depth == 0 and \
                    previous not in _ATTRIBUTES and not macro:
                class_head = False
            depth += 1
        elif value in (")", "]", "}"):
            depth -= 1
        elif depth == 0 and value == "=":
            return "initializer", i
        elif depth == 0 and value in _CLASS_KEYS and previous != "friend":
            class_head = True
        previous = value
    return "none", len(head)


def _closing(values: Sequence[str], opening: int) -> int:
    depth = 0
    for i in range(opening, len(values)):
        depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1,
                  "}": -1}.get(values[i], 0)
        if depth == 0:
            return i
    return len(values) - 1


def _class_declarations(values: Sequence[str], head: Sequence[str],
                        body: Tuple[int, int]) -> List[Declaration]:
    """A class: a relevant base (or a variable after its body) makes it
    relevant; so does a member that holds or starts a thread, a data
    member or a member function body that names a thread type. Each
    member is a declaration of its own whose names count as members; a
    member alias of a thread type is a thread type."""
    names = declared_names(values)
    outer = list(head[:body[0]]) + list(head[body[1] + 1:])
    found = [Declaration(names, _identifiers(outer))]
    class_name = next((v for v in reversed(head[:body[0]])
                       if v in names), "")
    for member in DeclarationSplitter(
            _without_access(head[body[0] + 1:body[1]])).pieces():
        kind = _member_kind(member, class_name)
        if kind == "nothing":
            continue
        declarations = declarations_of(member)
        if kind in ("type", "typed data"):
            found.extend(declarations)
        else:
            found.extend(Declaration(
                frozenset(), d.uses, d.names | d.members, owner=class_name,
                member_uses=d.member_uses,
                own_uses=d.uses if kind == "code" else frozenset())
                for d in declarations)
        if kind == "alias":
            found.extend(Declaration(d.names, frozenset(),
                                     typed_uses=d.uses, carries_type=True)
                         for d in declarations)
        elif kind in ("typed data", "data", "code"):
            found.append(Declaration(names, frozenset(),
                                     typed_uses=_identifiers(member)))
    return found


def _member_kind(member: Sequence[str], class_name: str) -> str:
    """What a member is: "type" (a nested class or enum), "alias",
    "typed data" (a nested class that also declares data: `struct {...}
    x;`, an anonymous union), "data", "code" (a member function with a
    body), "function" (one without), or "nothing" (a friend declaration,
    a static_assert, `using Base::f;`)."""
    first = member[0] if member else ""
    if first in ("friend", "static_assert"):
        return "code" if first == "friend" and _has_body(member) else \
            "nothing"
    if first in ("using", "typedef"):
        return "alias" if first == "typedef" or "=" in member else "nothing"
    if first == "enum":
        return "type"
    head = _outside_template_header(list(member))
    body = _class_body(head)
    if body is not None:
        named = any(_is_identifier(v) and v not in _KEYWORDS
                    for v in head[:body[0]])
        variables = any(_is_identifier(v) for v in head[body[1] + 1:])
        return "typed data" if variables or not named else "type"
    if _parameter_list(head, class_name) is None:
        return "data"
    return "code" if _has_body(head) else "function"


def _without_access(body: Sequence[str]) -> List[str]:
    """body without its access specifiers."""
    kept: List[str] = []
    i = 0
    while i < len(body):
        if body[i] in _ACCESS:
            j = i + 1
            if j < len(body) and body[j] in _SLOTS:
                j += 1
            if j < len(body) and body[j] == ":":
                i = j + 1
                continue
        elif body[i] in _SLOTS and body[i + 1:i + 2] == [":"]:
            i += 2
            continue
        kept.append(body[i])
        i += 1
    return kept


def _has_body(values: Sequence[str]) -> bool:
    """Whether a function declaration has a body (`{`, a constructor's
    initializers, a function try block); `= default` and the like do
    not."""
    parameters = _parameter_list(values)
    start = parameters[1] + 1 if parameters else 0
    depth = 0
    for value in values[start:]:
        if depth == 0 and value in ("{", "try"):
            return True
        if depth == 0 and value == "=":
            return False
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(value, 0)
    return False


def _parameter_list(head: Sequence[str],
                    class_name: str = "") -> Optional[Tuple[int, int]]:
    """The span of a function declaration's parameter list `(...)` in
    head (its parentheses included): the first at depth 0 after the
    declarator's name (`f(`, `C::f(`, `operator==(`, a constructor
    `C(`), outside template arguments; None for anything else (a
    variable, a macro call)."""
    angles = 0
    i = 0
    while i < len(head):
        value = head[i]
        if value in ("{", "=", ";") and not angles:
            return None
        if value == "<" and head[i - 1:i] != ["operator"]:
            angles += 1
        elif value in (">", ">>") and angles:
            angles = max(0, angles - len(value))
        elif value in ("(", "["):
            close = _closing(head, i)
            if value == "(" and not angles and \
                    _names_a_function(head, i, class_name):
                return i, close
            i = close + 1
            continue
        i += 1
    return None


def _names_a_function(head: Sequence[str], i: int, class_name: str) -> bool:
    """Whether the `(` at head[i] opens the parameters of the name before
    it: a name with a type or a scope before it, a constructor or
    destructor of class_name, an operator."""
    previous = head[i - 1] if i else ""
    if head[i - 3:i] == ["operator", "(", ")"]:
        return True  # operator()(
    if previous == "operator":
        return False  # the `()` of operator()
    if i >= 2 and head[i - 2] == "operator":
        return True  # operator==(, operator bool(
    if not _is_identifier(previous) or previous in _KEYWORDS or \
            previous in _ATTRIBUTES:
        return False
    if class_name and previous == class_name and \
            head[i - 2:i - 1] in ([], ["~"], ["explicit"], ["constexpr"],
                                  ["inline"]):
        return True
    return i >= 2 and head[i - 2] not in ("(", ",", "=", "return")


def _without_parameters(head: Sequence[str],
                        parameters: Tuple[int, int]) -> List[str]:
    """head without the parameter list, default arguments kept (a default
    may call anything)."""
    kept = list(head[:parameters[0]])
    depth = 0
    default = False
    for value in head[parameters[0]:parameters[1] + 1]:
        if value in ("(", "[", "{", "<"):
            depth += 1
        elif value in (")", "]", "}", ">"):
            depth -= 1
        if depth == 1 and value == "=":
            default = True
        elif depth == 1 and value == ",":
            default = False
        elif default:
            kept.append(value)
    kept.extend(head[parameters[1] + 1:])
    return kept


def declared_names(current: Sequence[str]) -> FrozenSet[str]:
    """The names a declaration declares (its text at depth 0): the alias
    of a `using` or `typedef`, the class of a class declaration and the
    variables after its body, the function or variables of the rest."""
    values = list(current)
    if values[:1] == ["typedef"]:
        return _typedef_names(values)
    if values[:1] == ["using"]:
        # An alias; `using ns::name;` and `using namespace` declare no
        # name of their own (ns::name's declaration does).
        return frozenset(values[1:2]) if "=" in values else frozenset()
    head = _outside_template_header(values)
    owner = _member_owner(head)
    names: Set[str] = {owner} if owner else set()
    depth = angles = 0
    class_key = bases = False
    for i, value in enumerate(head):
        if value in ("(", "[", "{"):
            if value == "{" and depth == 0:
                if class_key:  # the variables after the class body
                    names.update(_unqualified(_after_body(head, i)))
                break  # a class or function body, or an initializer
            depth += 1
            continue
        if value in (")", "]", "}"):
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        # Template arguments, outside parentheses only (`a > b` there).
        if value == "<":
            angles += 1
        elif value in (">", ">>"):
            angles = max(0, angles - len(value))
        if angles or value in ("<", ">", ">>"):
            continue
        if value == ":" and head[i - 1:i] == [")"]:
            break  # a constructor's initializers
        if value == "->":
            break  # a trailing return type
        if value in _CLASS_KEYS:
            class_key = True
        elif value == ":" and class_key:
            bases = True  # what follows names the bases, not this class
        elif class_key and head[i + 1:i + 2] == ["("]:
            continue  # `class ALIGN_AS(64) Shard`: an attribute macro
        elif _declarator_name(head, i) and not bases:
            names.add(value)
        if value == "=" and not class_key:
            break
    return frozenset(names)


def _member_owner(head: Sequence[str]) -> Optional[str]:
    """The class of an out-of-line member (`R C::f(`, `C<T>::~C(`): the
    class, whose objects its callers name, rather than a member name any
    class may have."""
    depth = 0
    for i, value in enumerate(head):
        if value in ("(", "[", "{") and depth == 0 and value == "(":
            break
        if value == "=" and depth == 0:
            return None  # `x = ns::f(...)` calls a function
        depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(
            value, 0)
    else:
        return None
    j = i - 1
    member = head[j] if j >= 0 else ""
    if head[j - 1:j] == ["~"]:
        j -= 1
    if j < 1 or head[j - 1] != "::":
        return None
    j -= 2
    # A member has a return type before its class (`void C::f(`), unless it
    # is a constructor or destructor; `std::strftime(...)` is a call (a
    # later #if branch's statements are cut like declarations).
    special = j >= 0 and (head[j] == member or head[j + 2:j + 3] == ["~"])
    if head[j:j + 1] == [">"]:
        angles = 0
        while j >= 0:
            angles += {">": 1, ">>": 2, "<": -1}.get(head[j], 0)
            if angles <= 0:
                break
            j -= 1
        j -= 1
    owner = head[j] if j >= 0 else ""
    before = head[j - 1] if j >= 1 else ""
    if not special and not (before in (">", ">>", "*", "&", "&&") or (
            _is_identifier(before) and before not in _STATEMENT_WORDS)):
        return None
    if before == "operator" or owner == "std":
        return None  # `operator std::string()`: a conversion
    return owner if _is_identifier(owner) and owner not in _KEYWORDS \
        else None


def _declarator_name(head: Sequence[str], i: int) -> bool:
    """Whether head[i], at depth 0, is a name the declaration declares:
    one followed by what ends a declarator. A name that starts the
    declaration and is called (`TEST_F(A, B)`, `DECLARE(x);`) is a macro
    call, not a function, which has a type first; `X::X(` and `X::~X(`
    are."""
    value = head[i]
    if not _is_identifier(value) or value in _KEYWORDS or \
            value in _ATTRIBUTES or head[i - 1:i] == ["operator"]:
        return False
    following = head[i + 1] if i + 1 < len(head) else ";"
    if head[i - 1:i] == ["::"] or head[i - 2:i] == ["::", "~"]:
        return False  # a member: its class is declared (_member_owner)
    if following == "(":
        return i > 0 and head[i - 1] not in ("(", ",")
    return following in ("[", ";", ",", "=", "{", ":", "final")


def _typedef_names(values: Sequence[str]) -> FrozenSet[str]:
    """`typedef T A, *B;` declares A and B, `typedef R (*F)(...)` F."""
    names = set()
    depth = 0
    for i, value in enumerate(values):
        if value == "(" and values[i + 1:i + 2] in (["*"], ["&"]) and \
                _is_identifier(values[i + 2] if i + 2 < len(values) else ""):
            names.add(values[i + 2])
        depth += {"(": 1, "[": 1, "{": 1, "<": 1, ")": -1, "]": -1,
                  "}": -1, ">": -1}.get(value, 0)
        if depth == 0 and value in (",", ";", "[") and i > 0 and \
                _is_identifier(values[i - 1]) and \
                values[i - 1] not in _KEYWORDS:
            names.add(values[i - 1])
    if not names and values and _is_identifier(values[-1]):
        names.add(values[-1])
    return frozenset(names)


def _unqualified(values: Sequence[str]) -> Set[str]:
    """The identifiers of values that are neither qualifiers nor
    qualified."""
    return {v for i, v in enumerate(values)
            if _is_identifier(v) and v not in _KEYWORDS and
            values[i + 1:i + 2] != ["::"] and values[i - 1:i] != ["::"]}


def _outside_template_header(values: List[str]) -> List[str]:
    """values without a leading `template <...>`."""
    while values[:2] == ["template", "<"]:
        depth = 0
        for i, value in enumerate(values[1:], 1):
            depth += {"<": 1, ">": -1}.get(value, 0)
            if depth == 0:
                values = values[i + 1:]
                break
        else:
            return values
    return values


def _after_body(values: Sequence[str], opening: int) -> List[str]:
    depth = 0
    for i in range(opening, len(values)):
        depth += {"{": 1, "}": -1}.get(values[i], 0)
        if depth == 0:
            return list(values[i + 1:])
    return []


def read_facts(path: str, with_declarations: bool) -> FileFacts:
    """What the selection needs of one file; lost when it cannot be read
    or lexed."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
        stripped = strip(text)
        identifiers = code_identifiers(stripped)
        if not with_declarations:
            unqualified, qualifiers = qualified_names(stripped)
            return FileFacts(identifiers, unqualified=unqualified,
                             qualifiers=qualifiers)
        directives, code, others = directives_and_code(stripped)
        declarations = [d for d in map(_macro, directives) if d]
        declarations += DeclarationSplitter(code).split()
        for branch in others:
            declarations += _branch_declarations(branch)
        return FileFacts(identifiers, tuple(declarations))
    except (OSError, LexerLost, RecursionError):
        return FileFacts(lost=True)


# --- selection ----------------------------------------------------------

@dataclass
class Selection:
    analysed: List[int] = field(default_factory=list)
    skipped: List[int] = field(default_factory=list)
    # why each analysed entry is analysed, by index
    reasons: Dict[int, str] = field(default_factory=dict)
    # each entry's include closure (None: not scanned), by index
    closures: List[Optional[Closure]] = field(default_factory=list)


class Triggers:
    """The trigger names, exact and prefixes (`pthread_*`)."""

    def __init__(self, names: Iterable[str]):
        names = set(names)
        self.prefixes = tuple(n[:-1] for n in names if n.endswith("*"))
        self.exact = frozenset(n for n in names if not n.endswith("*"))

    def active(self) -> "Triggers":
        """These triggers without the inert ones: those that make a header
        declaration relevant."""
        return Triggers((self.exact - INERT_TRIGGERS) |
                        {p + "*" for p in self.prefixes})

    def named_in(self, identifiers: Iterable[str]) -> Optional[str]:
        """The first trigger in identifiers, alphabetically."""
        return min((i for i in identifiers if i in self.exact or (
            self.prefixes and i.startswith(self.prefixes))), default=None)


def is_project_header(path: str, root: str) -> bool:
    """Headers under the root, and those outside it that are not in a
    system directory (a sibling checkout reached with -I): the checks
    report findings in any non-system header."""
    if path == root or path.startswith(root.rstrip(os.sep) + os.sep):
        return True
    return not path.startswith(SYSTEM_PREFIXES)


class RelevantNames:
    """The fixpoint over all project headers' declarations: the thread
    types (the triggers, and the aliases, macros and functions that reach
    one), the relevant names (those and the classes, variables and
    functions whose declarations reach a relevant name), and the relevant
    members (which count in main files only)."""

    def __init__(self, triggers: Triggers,
                 headers: Dict[str, FileFacts]):
        self.triggers = triggers
        self.active = triggers.active()
        self.thread_types: Set[str] = set()
        self.names: Set[str] = set()
        self.members: Set[str] = set()
        # the relevant members that reach a thread themselves
        # (and the classes whose member of that name does)
        self.direct_members: Dict[str, Set[str]] = {}
        # the classes that declare each relevant member
        self.member_owners: Dict[str, Set[str]] = {}
        self.relevant_headers: Set[str] = set()
        # the name that made each name relevant, and the header declaring it
        self.causes: Dict[str, Tuple[str, str]] = {}
        # declarations by the names that can make them relevant
        self.users: Dict[str, List[Tuple[str, Declaration]]] = {}
        self.typed_users: Dict[str, List[Tuple[str, Declaration]]] = {}
        self.member_users: Dict[str, List[Tuple[str, Declaration]]] = {}
        self.own_users: Dict[str, List[Tuple[str, Declaration]]] = {}
        self.pending: List[Tuple[str, Declaration]] = []
        self._solve(headers)

    def is_thread_type(self, name: str) -> bool:
        return name in self.thread_types or bool(
            self.active.named_in((name,)))

    def _solve(self, headers: Dict[str, FileFacts]) -> None:
        for path, facts in headers.items():
            for declaration in facts.declarations:
                if self.active.named_in(declaration.uses |
                                        declaration.typed_uses):
                    self.pending.append((path, declaration))
                for name in declaration.uses:
                    self.users.setdefault(name, []).append(
                        (path, declaration))
                for name in declaration.typed_uses:
                    self.typed_users.setdefault(name, []).append(
                        (path, declaration))
                for name in declaration.member_uses:
                    self.member_users.setdefault(name, []).append(
                        (path, declaration))
                for name in declaration.own_uses:
                    self.own_users.setdefault(name, []).append(
                        (path, declaration))
        # per declaration, how it reached a thread: 2 through a thread type,
        # 1 through a relevant name, 0 through a relevant member only
        done: Dict[int, int] = {}
        while self.pending:
            path, declaration = self.pending.pop()
            typed = next((u for u in sorted(declaration.uses |
                                            declaration.typed_uses)
                          if self.is_thread_type(u)), None)
            named = declaration.uses & self.names
            through_members = {
                name for name in declaration.member_uses
                if name in self.direct_members} | {
                name for name in declaration.own_uses
                if declaration.owner in self.direct_members.get(name, ())}
            cause = typed or min(named | through_members, default=None)
            level = 2 if typed else 1 if named else 0
            if cause is None or done.get(id(declaration), -1) >= level:
                continue
            done[id(declaration)] = level
            self.relevant_headers.add(path)
            for name in declaration.names:
                if typed and declaration.carries_type:
                    self._add_thread_type(name, cause, path)
                else:
                    self._add_name(name, cause, path)
            for name in declaration.members:
                self.member_owners.setdefault(name, set()).add(
                    declaration.owner)
                if name not in self.members:
                    self.members.add(name)
                    self.causes.setdefault(name, (cause, path))
                owners = self.direct_members.get(name)
                if level and (owners is None or
                              declaration.owner not in owners):
                    # Only a member that reaches a thread itself makes the
                    # bodies that name it relevant: one reached through
                    # another member's name (`Verify` calling a `Join`)
                    # would chain through every common member name.
                    if owners is None:
                        self.pending.extend(self.member_users.get(name, ()))
                    self.direct_members.setdefault(name, set()).add(
                        declaration.owner)
                    self.pending.extend(self.own_users.get(name, ()))

    def _add_name(self, name: str, cause: str, path: str) -> None:
        if name in self.names:
            return
        self.names.add(name)
        self.causes.setdefault(name, (cause, path))
        self.pending.extend(self.users.get(name, ()))

    def _add_thread_type(self, name: str, cause: str, path: str) -> None:
        """name is a thread type: every declaration that names it, plainly
        or where only a thread type counts, is (again) relevant, now as one
        that reaches a thread type."""
        if name in self.thread_types:
            return
        self.thread_types.add(name)
        self.names.add(name)
        self.causes[name] = (cause, path)
        self.pending.extend(self.users.get(name, ()))
        self.pending.extend(self.typed_users.get(name, ()))

    def chain(self, name: str) -> List[str]:
        """How name reaches a trigger: [name, a name its declaration
        uses, ..., the trigger]."""
        chain = [name]
        while chain[-1] in self.causes and len(chain) < 50:
            cause = self.causes[chain[-1]][0]
            if cause in chain:
                break
            chain.append(cause)
        return chain

    def named_in_main(self, main: FileFacts) -> Optional[str]:
        """The first trigger or relevant name a main file names; a member
        counts unless the file names it only qualified by classes other
        than its own (`Env::Default()` does not name the `Default` of a
        scheduler)."""
        trigger = self.triggers.named_in(main.identifiers)
        if trigger:
            return trigger
        found = set(main.identifiers & self.names)
        for name in main.identifiers & self.members - found:
            if name in main.unqualified or any(
                    qualifier in self.member_owners.get(name, ()) or
                    qualifier in self.names
                    for named, qualifier in main.qualifiers
                    if named == name):
                found.add(name)
        return min(found, default=None)


class FactsCache:
    """Each file read once, however many closures share it."""

    def __init__(self) -> None:
        self.facts: Dict[Tuple[str, bool], FileFacts] = {}

    def get(self, path: str, with_declarations: bool) -> FileFacts:
        key = (path, with_declarations)
        if key not in self.facts:
            self.facts[key] = read_facts(path, with_declarations)
        return self.facts[key]


def select(entries: Sequence[dict], closures: Sequence[Optional[Closure]],
           root: str, triggers: Iterable[str],
           cache: Optional[FactsCache] = None) -> Selection:
    """Which entries to analyse, with the reason of each; closures is
    parallel to entries (None: not scanned, analysed)."""
    cache = cache or FactsCache()
    root = os.path.normpath(root)
    header_facts: Dict[str, FileFacts] = {}
    for closure in closures:
        for header in closure.headers if closure else ():
            if header not in header_facts and is_project_header(header,
                                                                root):
                header_facts[header] = cache.get(header, True)
    relevant = RelevantNames(Triggers(triggers), header_facts)
    selection = Selection()
    covered: Set[str] = set()
    for index, closure in enumerate(closures):
        reason = _main_reason(entries[index], closure, relevant,
                              header_facts, cache)
        if reason:
            selection.reasons[index] = reason
            covered.update(closure.headers if closure else ())
    for index, closure in enumerate(closures):
        if index in selection.reasons or closure is None:
            continue
        for header in closure.headers:
            if header in relevant.relevant_headers and header not in covered:
                selection.reasons[index] = "only file chosen for %s" % (
                    display_path(header, root))
                covered.update(closure.headers)
                break
    selection.analysed = sorted(selection.reasons)
    selection.skipped = [i for i in range(len(entries))
                         if i not in selection.reasons]
    return selection


def _main_reason(entry: dict, closure: Optional[Closure],
                 relevant: RelevantNames, header_facts: Dict[str, FileFacts],
                 cache: FactsCache) -> Optional[str]:
    if closure is None:
        return "not scanned"
    main = cache.get(closure.main, False)
    if main.lost:
        return "main file not read"
    lost = next((h for h in closure.headers
                 if h in header_facts and header_facts[h].lost), None)
    if lost:
        return "includes %s, which could not be read" % lost
    name = relevant.named_in_main(main)
    if name:
        return "main file names %s" % name
    return None


# --- the effective options ----------------------------------------------

def option_triggers(dumped: str) -> Set[str]:
    """The last name component of each ThreadTypes/FutureTypes entry of a
    `--dump-config` YAML."""
    found: Set[str] = set()
    pattern = re.compile(r"^\s*['\"]?([\w.-]*\.)?(%s)['\"]?\s*:\s*(.*)$"
                         % "|".join(TYPE_OPTIONS))
    for line in dumped.splitlines():
        match = pattern.match(line)
        if not match:
            continue
        value = match.group(3).strip().strip("'\"")
        for entry in value.split(";"):
            last = entry.strip().split("::")[-1].strip()
            if _is_identifier(last):
                found.add(last)
    return found


def _nearest_config(path: str, cache: Dict[str, Optional[str]]) -> \
        Optional[str]:
    directory = os.path.dirname(path)
    trail = []
    found: Optional[str] = None
    while True:
        if directory in cache:
            found = cache[directory]
            break
        trail.append(directory)
        candidate = os.path.join(directory, ".clang-tidy")
        if os.path.isfile(candidate):
            found = candidate
            break
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        directory = parent
    for walked in trail:
        cache[walked] = found
    return found


def configured_triggers(files: Sequence[str], clang_tidy: str, plugin: str,
                        checks: str, config_file: Optional[str]) -> Set[str]:
    """DEFAULT_TRIGGERS and the types the effective options add: one
    `--dump-config` per distinct nearest .clang-tidy of the files (once
    with --config-file, which replaces them all)."""
    triggers = set(DEFAULT_TRIGGERS)
    if config_file:
        representatives = list(files[:1])
    else:
        nearest: Dict[Optional[str], str] = {}
        walked: Dict[str, Optional[str]] = {}
        for path in files:
            nearest.setdefault(_nearest_config(path, walked), path)
        representatives = list(nearest.values())
    for path in representatives:
        command = [clang_tidy, "--load=" + plugin, "--checks=" + checks]
        if config_file:
            command.append("--config-file=" + config_file)
        with tempfile.TemporaryDirectory(prefix="thread-tidy-") as scratch:
            done = subprocess.run(command + ["--dump-config", path],
                                  capture_output=True, text=True,
                                  errors="replace", cwd=scratch, check=False)
        triggers |= option_triggers(done.stdout)
    return triggers


# --- a project run ------------------------------------------------------

def choose(entries: Sequence[dict], toolchain: Toolchain, root: str,
           options: ClangTidyOptions, explain: Optional[IO[str]] = None,
           cache: Optional[ResultCache] = None) -> Selection:
    """The selection of a project run: closures from clang-scan-deps (with
    the run's --extra-arg flags, which may change what is included),
    triggers from the effective options; with explain, one line per entry
    saying whether it is analysed and why. With a cache, a selection over
    the same entries, closures, file contents and triggers is reused (a
    re-run of an unchanged tree reads no declaration)."""
    started = time.monotonic()
    closures = include_closure.scan(
        [_with_extra_arguments(entry, options) for entry in entries],
        toolchain, options.jobs)
    triggers = configured_triggers(
        [entry["file"] for entry in entries], toolchain.clang_tidy,
        toolchain.plugin, options.checks or toolchain.default_checks,
        options.config_file)
    key = cache and _selection_key(cache, entries, closures, root, triggers)
    reasons = cache.lookup_selection(key) if cache and key else None
    if reasons is not None and all(0 <= i < len(entries) for i in reasons):
        selection = Selection(
            analysed=sorted(reasons), reasons=reasons,
            skipped=[i for i in range(len(entries)) if i not in reasons])
    else:
        selection = select(entries, closures, root, triggers)
        if cache and key:
            cache.store_selection(key, selection.reasons)
    selection.closures = list(closures)
    if explain:
        explain_selection(selection, entries, root, explain,
                          time.monotonic() - started)
    return selection


def _selection_key(cache: ResultCache, entries: Sequence[dict],
                   closures: Sequence[Optional[Closure]], root: str,
                   triggers: Iterable[str]) -> Optional[str]:
    """What a selection depends on: the entries' files, their closures and
    the contents of every file in them, the root, the triggers, and this
    module's own code."""
    files = [__file__]
    for closure in closures:
        if closure:
            files.append(closure.main)
            files.extend(closure.headers)
    return cache.selection_key(
        [os.path.normpath(root), sorted(triggers),
         [[entry["file"], entry["directory"]] for entry in entries],
         [[closure.main, list(closure.headers)] if closure else None
          for closure in closures]], files)


def explain_selection(selection: Selection, entries: Sequence[dict],
                      root: str, out: IO[str], seconds: float) -> None:
    """One line per entry: analysed and why, or skipped; then the
    counts."""
    for index, entry in enumerate(entries):
        reason = selection.reasons.get(index)
        out.write("thread-tidy: %s: %s\n" % (
            display_path(entry["file"], root),
            "analysed: " + reason if reason else
            "skipped: reaches no thread API"))
    out.write("thread-tidy: selection: %d of %d entries analysed, %d "
              "skipped (%.1f s)\n" % (len(selection.analysed), len(entries),
                                      len(selection.skipped), seconds))


def _with_extra_arguments(entry: dict, options: ClangTidyOptions) -> dict:
    if not options.extra_arg and not options.extra_arg_before:
        return entry
    command = configurations.arguments(entry)
    return dict(entry, arguments=command[:1] + options.extra_arg_before +
                command[1:] + options.extra_arg)
