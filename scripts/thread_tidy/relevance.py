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
text alone:

- the project headers (the non-system headers of the closures) are cut
  into top-level declarations (`#define`s, classes with their bodies,
  aliases and typedefs, functions, variables; namespaces are entered);
- a declaration that names a trigger, or a name another relevant
  declaration declares, is relevant, and the names it declares become
  relevant too, up to a fixpoint over all project headers;
- a translation unit is analysed when its main file names a trigger or a
  relevant name, or when it includes a relevant header that no analysed
  unit includes (the first such unit in database order is chosen for that
  header, so that the header's own findings are still reported).

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
# What may put parentheses in a class head.
_ATTRIBUTES = ("alignas", "__attribute__", "__declspec", "decltype",
               "noexcept", "throw", "sizeof", "alignof")


class LexerLost(Exception):
    """The text is not C or C++ as this lexer reads it."""


@dataclass(frozen=True)
class Declaration:
    names: FrozenSet[str]  # what it declares
    uses: FrozenSet[str]  # every identifier in its text


@dataclass(frozen=True)
class FileFacts:
    """What the selection reads from one file; lost when it could not."""
    identifiers: FrozenSet[str] = frozenset()
    declarations: Tuple[Declaration, ...] = ()
    lost: bool = False


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


def _branch_declaration(tokens: Sequence[str]) -> Optional["Declaration"]:
    """A later `#if` branch as one declaration: what it uses, and every
    name in it that could be declared there."""
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
                                 if _is_identifier(w)))


def _is_identifier(word: str) -> bool:
    return bool(word) and (word[0].isalpha() or word[0] in "_$")


class DeclarationSplitter:
    """Cuts the tokens of a file into top-level declarations; namespaces
    and `extern "C"` blocks are entered, every other brace is part of the
    declaration it is in."""

    def __init__(self, code: Sequence[str]):
        self.code = code
        self.position = 0
        self.declarations: List[Declaration] = []

    def split(self) -> List[Declaration]:
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
        return self.declarations

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
        body does; a class body (a class key, then no parameter list) and
        an initializer (after `=`) go on to their `;`."""
        depth = 0
        class_head = False
        previous = ""
        for value in _outside_template_header(list(current)):
            if value in ("(", "[", "{"):
                if value == "{" and depth == 0:
                    return not class_head
                if value == "(" and depth == 0 and previous not in _ATTRIBUTES:
                    class_head = False
                depth += 1
            elif value in (")", "]", "}"):
                depth -= 1
            elif depth == 0 and value == "=":
                return False
            elif depth == 0 and value in _CLASS_KEYS:
                class_head = True
            previous = value
        return True

    def _finish(self, current: Sequence[str]) -> None:
        uses = frozenset(v for v in current if _is_identifier(v))
        if uses:
            self.declarations.append(
                Declaration(declared_names(current), uses))


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
        if value in _CLASS_KEYS:
            class_key = True
        elif value == ":" and class_key:
            bases = True  # what follows names the bases, not this class
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
        depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(
            value, 0)
    else:
        return None
    j = i - 1
    if head[j - 1:j] == ["~"]:
        j -= 1
    if j < 1 or head[j - 1] != "::":
        return None
    j -= 2
    if head[j:j + 1] == [">"]:
        angles = 0
        while j >= 0:
            angles += {">": 1, ">>": 2, "<": -1}.get(head[j], 0)
            if angles <= 0:
                break
            j -= 1
        j -= 1
    owner = head[j] if j >= 0 else ""
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
            return FileFacts(identifiers)
        directives, code, others = directives_and_code(stripped)
        declarations = [d for d in map(_macro, directives) if d]
        declarations += DeclarationSplitter(code).split()
        declarations += [d for d in map(_branch_declaration, others) if d]
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
    """The fixpoint: the names whose declarations reach a trigger, over
    all project headers' declarations."""

    def __init__(self, triggers: Triggers,
                 headers: Dict[str, FileFacts]):
        self.triggers = triggers
        self.names: Set[str] = set()
        self.relevant_headers: Set[str] = set()
        # the name that made each name relevant, and the header declaring it
        self.causes: Dict[str, Tuple[str, str]] = {}
        self._solve(headers)

    def _solve(self, headers: Dict[str, FileFacts]) -> None:
        users: Dict[str, List[Tuple[str, Declaration]]] = {}
        pending: List[Tuple[str, Declaration]] = []
        for path, facts in headers.items():
            for declaration in facts.declarations:
                if self.triggers.named_in(declaration.uses):
                    pending.append((path, declaration))
                for name in declaration.uses:
                    users.setdefault(name, []).append((path, declaration))
        done: Set[int] = set()
        while pending:
            path, declaration = pending.pop()
            if id(declaration) in done:
                continue
            done.add(id(declaration))
            self.relevant_headers.add(path)
            cause = self.triggers.named_in(declaration.uses) or min(
                declaration.uses & self.names)
            for name in declaration.names - self.names:
                self.names.add(name)
                self.causes[name] = (cause, path)
                pending.extend(users.get(name, ()))

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

    def named_in(self, identifiers: FrozenSet[str]) -> Optional[str]:
        trigger = self.triggers.named_in(identifiers)
        if trigger:
            return trigger
        return min(identifiers & self.names, default=None)


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
    name = relevant.named_in(main.identifiers)
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
           options: ClangTidyOptions,
           explain: Optional[IO[str]] = None) -> Selection:
    """The selection of a project run: closures from clang-scan-deps (with
    the run's --extra-arg flags, which may change what is included),
    triggers from the effective options; with explain, one line per entry
    saying whether it is analysed and why."""
    started = time.monotonic()
    closures = include_closure.scan(
        [_with_extra_arguments(entry, options) for entry in entries],
        toolchain, options.jobs)
    triggers = configured_triggers(
        [entry["file"] for entry in entries], toolchain.clang_tidy,
        toolchain.plugin, options.checks or toolchain.default_checks,
        options.config_file)
    selection = select(entries, closures, root, triggers)
    selection.closures = list(closures)
    if explain:
        explain_selection(selection, entries, root, explain,
                          time.monotonic() - started)
    return selection


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
