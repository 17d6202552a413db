"""The one model every output format is written from and read back into.

A Finding is a threads-* warning with its notes and fix-its, its location as
line and column, the function it is in, the source lines around it and a
baseline key. Findings come from clang-tidy's --export-fixes YAML (through
run-clang-tidy or clang-tidy-diff), or back from our JSON and SARIF, so that
shards can be merged and reports drawn from files alone.
"""
import hashlib
import os
import re

CONTEXT_LINES = 2


class Location:
    __slots__ = ("file", "line", "column")

    def __init__(self, file, line, column):
        self.file = file
        self.line = line
        self.column = column

    def to_json(self):
        return {"file": self.file, "line": self.line, "column": self.column}

    @staticmethod
    def from_json(data):
        return Location(data["file"], int(data["line"]), int(data["column"]))


class Note:
    __slots__ = ("message", "location")

    def __init__(self, message, location):
        self.message = message
        self.location = location

    def to_json(self):
        data = {"message": self.message}
        data.update(self.location.to_json())
        return data

    @staticmethod
    def from_json(data):
        return Note(data["message"], Location.from_json(data))


class Edit:
    """Replace [start, end) with text; lines and columns are 1-based."""
    __slots__ = ("file", "line", "column", "end_line", "end_column", "text")

    def __init__(self, file, line, column, end_line, end_column, text):
        self.file = file
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.text = text

    def to_json(self):
        return {"file": self.file, "line": self.line, "column": self.column,
                "endLine": self.end_line, "endColumn": self.end_column,
                "replacement": self.text}

    @staticmethod
    def from_json(data):
        return Edit(data["file"], int(data["line"]), int(data["column"]),
                    int(data["endLine"]), int(data["endColumn"]),
                    data["replacement"])


class Finding:
    def __init__(self, check, message, location, severity="warning"):
        self.check = check
        self.message = message
        self.location = location
        self.severity = severity
        self.notes = []
        self.fixes = []
        self.function = ""
        # Lines CONTEXT_LINES before to CONTEXT_LINES after the finding.
        self.context_start = location.line
        self.context = []
        self.key = ""

    @property
    def source_line(self):
        index = self.location.line - self.context_start
        if 0 <= index < len(self.context):
            return self.context[index]
        return ""

    def identity(self):
        """Two reports of one finding (a header seen from two files, or two
        shards) share this."""
        loc = self.location
        return (self.check, loc.file, loc.line, loc.column, self.message)

    def to_json(self):
        data = {"check": self.check, "severity": self.severity,
                "message": self.message}
        data.update(self.location.to_json())
        data["function"] = self.function
        data["key"] = self.key
        data["notes"] = [n.to_json() for n in self.notes]
        data["fixes"] = [e.to_json() for e in self.fixes]
        data["context"] = {"startLine": self.context_start,
                           "lines": list(self.context)}
        return data

    @staticmethod
    def from_json(data):
        finding = Finding(data["check"], data["message"],
                          Location.from_json(data),
                          data.get("severity", "warning"))
        finding.function = data.get("function", "")
        finding.key = data.get("key", "")
        finding.notes = [Note.from_json(n) for n in data.get("notes", [])]
        finding.fixes = [Edit.from_json(e) for e in data.get("fixes", [])]
        context = data.get("context") or {}
        finding.context_start = int(context.get("startLine",
                                                finding.location.line))
        finding.context = list(context.get("lines", []))
        if not finding.key:
            finding.key = baseline_key(finding)
        return finding


class SourceFile:
    """Byte offsets to lines and columns, the way clang counts them: lines
    from 1, columns in bytes from 1."""

    def __init__(self, path):
        try:
            with open(path, "rb") as handle:
                self.data = handle.read()
        except OSError:
            self.data = b""
        self.line_starts = [0]
        for match in re.finditer(b"\n", self.data):
            self.line_starts.append(match.end())
        self._functions = None

    def position(self, offset):
        lo, hi = 0, len(self.line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.line_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1, offset - self.line_starts[lo] + 1

    def line_text(self, line):
        if line < 1 or line > len(self.line_starts):
            return ""
        start = self.line_starts[line - 1]
        end = (self.line_starts[line] if line < len(self.line_starts)
               else len(self.data))
        return self.data[start:end].decode("utf-8", "replace").rstrip("\r\n")

    def line_count(self):
        count = len(self.line_starts)
        if self.data.endswith(b"\n"):
            count -= 1
        return count

    def enclosing_function(self, offset):
        if self._functions is None:
            self._functions = function_spans(
                self.data.decode("utf-8", "replace"))
        # clang's offsets count bytes; the scan counts characters.
        offset = len(self.data[:offset].decode("utf-8", "replace"))
        # The innermost function; outside any, the innermost class (a member
        # declaration is reported there).
        best = ("", -1, False)
        for start, end, name, is_function in self._functions:
            if not start <= offset < end:
                continue
            if (is_function, start) > (best[2], best[1]):
                best = (name, start, is_function)
        return best[0]


# --- Enclosing functions ------------------------------------------------------
#
# The baseline key needs "the function this finding is in" without a second
# parse of the translation unit. A lexical pass is enough for that: blank out
# comments, literals, preprocessor lines and all but the first branch of each
# #if, then classify each '{' by the text in front of it. A key only has to
# stay the same when unrelated lines move, so a wrong guess on exotic code
# costs a less specific key, not a wrong report.

_CONTROL = re.compile(r"^\s*(if|else|for|while|do|switch|try|catch|case|"
                      r"default|return|co_return|co_yield|throw|goto)\b")
_SCOPE = re.compile(r"\b(namespace|class|struct|union|enum)\b"
                    r"(?:\s+(?:class|struct))?"
                    r"\s*([A-Za-z_]\w*(?:\s*::\s*[A-Za-z_]\w*)*)?")
_NAME_BEFORE_PAREN = re.compile(
    r"((?:[A-Za-z_]\w*\s*(?:<[^;{}()]*?>)?\s*::\s*)*"
    r"(?:operator\s*(?:\(\s*\)|\[\s*\]|[^\s\w(]+|\s\w[\w:<>\s*&]*?)|~?[A-Za-z_]\w*))"
    r"\s*(?:<[^;{}()]*>)?\s*$")
_ATTRIBUTE = re.compile(r"\[\[.*?\]\]|\b(?:alignas|__attribute__|__declspec)"
                        r"\s*\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)", re.S)
_QUALIFIERS = re.compile(r"(?:\s*(?:const|volatile|noexcept\s*(?:\(\))?|"
                         r"throw\s*\(\)|override|final|mutable|&&|&|try))*"
                         r"\s*$")
_NOT_A_NAME = {"decltype", "sizeof", "alignof", "noexcept", "requires",
               "static_assert", "typeid", "__attribute__", "alignas"}


def _same_length_blank(match):
    return re.sub(r"[^\n]", " ", match.group(0))


def _skipped_preprocessor_branches(text):
    """(start, end) offsets of #else/#elif branches: only the first branch of
    each conditional counts, so that `#ifdef X { #else { #endif` opens one
    brace, not two."""
    ranges = []
    stack = []  # per open conditional: offset where skipping began, or None
    offset = 0
    for line in text.splitlines(True):
        directive = re.match(r"\s*#\s*(\w+)", line)
        if directive:
            word = directive.group(1)
            if word in ("if", "ifdef", "ifndef"):
                stack.append(None)
            elif word in ("else", "elif", "elifdef", "elifndef") and stack:
                if stack[-1] is None:
                    stack[-1] = offset
            elif word == "endif" and stack:
                began = stack.pop()
                if began is not None:
                    ranges.append((began, offset))
        offset += len(line)
    return ranges


def _blank_noise(text):
    """Comments, string and character literals, preprocessor lines and the
    skipped #if branches become spaces; offsets and newlines are kept."""
    out = list(text)
    i, n = 0, len(text)
    at_line_start = True

    def blank(begin, end):
        for k in range(begin, end):
            if out[k] != "\n":
                out[k] = " "

    while i < n:
        c = text[i]
        if at_line_start and c == "#":
            j = i
            while j < n and text[j] != "\n":
                if text[j] == "\\" and j + 1 < n and text[j + 1] == "\n":
                    j += 2
                    continue
                j += 1
            blank(i, j)
            i = j
            continue
        if c == "\n":
            at_line_start = True
            i += 1
            continue
        if not c.isspace():
            at_line_start = False
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            blank(i, j)
            i = j
            continue
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            blank(i, j)
            i = j
            continue
        raw = re.match(r'(?:u8|u|U|L)?R"([^(\s]{0,16})\(', text[i:i + 24])
        if raw and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            closing = ")" + raw.group(1) + '"'
            j = text.find(closing, i + raw.end())
            j = n if j < 0 else j + len(closing)
            blank(i, j)
            i = j
            continue
        if c in "\"'":
            # A digit separator (1'000) is not a character literal.
            if c == "'" and 0 < i and text[i - 1].isdigit() and \
                    i + 1 < n and text[i + 1].isalnum():
                i += 1
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            blank(i, j)
            i = j
            continue
        i += 1
    for begin, end in _skipped_preprocessor_branches(text):
        blank(begin, end)
    return "".join(out)


def _paren_balance(text):
    depth = 0
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
    return depth


def _top_level(text):
    """text with everything inside () and [] removed (the brackets stay)."""
    out = []
    depth = 0
    for ch in text:
        if ch in "([":
            depth += 1
            if depth == 1:
                out.append(ch)
            continue
        if ch in ")]":
            depth -= 1
            if depth == 0:
                out.append(ch)
            continue
        if depth == 0:
            out.append(ch)
    return "".join(out)


def _strip_template_heads(text):
    """Blanks `template <...>` heads (nested <> and defaults included)."""
    while True:
        match = re.match(r"\s*template\s*<", text)
        if not match:
            return text
        depth, index = 0, match.end() - 1
        while index < len(text):
            ch = text[index]
            if ch in "<([":
                depth += 1
            elif ch in ">)]":
                depth -= 1
                if depth == 0:
                    break
            index += 1
        text = " " * (index + 1) + text[index + 1:]


def _macro_arguments(raw, clean, name):
    """The original text of NAME(...) for a test macro: TEST_F(Suite, Case),
    TEST_CASE("adds numbers") - the arguments name the function."""
    at = clean.rfind(name)
    open_paren = clean.find("(", at)
    if at < 0 or open_paren < 0:
        return name
    depth = 0
    for index in range(open_paren, len(raw)):
        if raw[index] == "(":
            depth += 1
        elif raw[index] == ")":
            depth -= 1
            if depth == 0:
                return name + re.sub(r"\s+", " ", raw[open_paren:index + 1])
    return name


def _function_name(top, clean, raw):
    """The declared name, given the header's top-level text (parameter lists
    emptied): the name in front of the last parameter list before the
    qualifiers, trailing return type and requires clause."""
    head = re.split(r"->", top, 1)[0]
    # A requires clause may come before the declaration or after it.
    parts = re.split(r"\brequires\b", head)
    head = next((part for part in parts if "(" in part), parts[0])
    # void f() NOEXCEPT_MACRO {
    head = re.sub(r"\)\s*[A-Z_][A-Z0-9_]*\s*$", ")", head)
    head = head[:len(head) - len(_QUALIFIERS.search(head).group(0))] \
        if _QUALIFIERS.search(head) else head
    head = head.rstrip()
    while head.endswith(")"):
        open_paren = head.rfind("(")
        match = _NAME_BEFORE_PAREN.search(head[:open_paren])
        if not match:
            return None
        name = re.sub(r"\s+", "", match.group(1))
        if name.split("::")[-1] in _NOT_A_NAME:
            head = head[:match.start()].rstrip()
            continue
        prefix = head[:match.start()].strip()
        if name.isupper() and "::" not in name and not prefix:
            return _macro_arguments(raw, clean, name)
        return name
    return None


def _classify(clean, raw):
    """('function', name) | ('scope', name) | ('block', '') | ('expr', '').
    clean is the header with noise blanked, raw the same span of the file."""
    header = _ATTRIBUTE.sub(_same_length_blank, clean)
    header = _strip_template_heads(header)
    stripped = header.strip()
    if not stripped:
        return "block", ""
    if stripped.startswith("["):
        return "expr", ""  # a lambda at the start of a statement
    if _paren_balance(stripped) > 0:
        return "expr", ""  # a lambda or init list inside a call
    if _CONTROL.match(stripped):
        return "block", ""
    top = _top_level(stripped)
    if re.search(r"(^|[^=!<>+\-*/%&|^])=($|[^=])", top) and \
            "operator" not in top:
        return "expr", ""  # auto f = [] {...}, T x = {...}
    scope = _SCOPE.search(top)
    if scope and "(" not in top[scope.end():]:
        return "scope", re.sub(r"\s+", "", scope.group(2) or "")
    if "(" not in top:
        if re.match(r"^(extern|export)\b", stripped):
            return "block", ""
        return ("expr", "") if re.search(r"[\w>,]$", stripped) \
            else ("block", "")
    # A constructor's init list: cut it off; a brace-initialised member in it
    # (`: a_{0}`) is an expression, not the body.
    init = re.search(r"\)[^()]*?(?<!:):(?!:)", top)
    if init:
        if re.search(r"[\w>]\s*$", top[init.end():]):
            return "expr", ""
        top = top[:init.start() + 1]
    elif re.search(r"[\w>]\s*$", top) and not re.search(
            r"\)\s*(->|requires\b|(const|volatile|noexcept|override|final|"
            r"mutable|try)\b|[A-Z_][A-Z0-9_]*\s*$)", top):
        return "expr", ""  # f(x) T{...}: not a declaration we know
    name = _function_name(top, stripped, raw.strip())
    if name:
        return "function", name
    return "expr", ""


def function_spans(text):
    """[(start, end, qualified_name, is_function)] of function bodies and
    named class or namespace bodies."""
    clean = _blank_noise(text)
    spans = []
    # Per open brace: kind, name, start, header start and paren depth to
    # restore when it closes.
    stack = []
    header_start = 0
    depth = 0
    last_function = None  # (name, end) of the function body closed last
    for index, ch in enumerate(clean):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == ";":
            if depth == 0:  # not the ';' of a for (...;...;...)
                header_start = index + 1
        elif ch == "{":
            kind, name = _classify(clean[header_start:index],
                                   text[header_start:index])
            if kind == "block" and last_function and re.match(
                    r"^\s*catch\b", clean[last_function[1]:index]) and \
                    not clean[last_function[1]:header_start].strip():
                # The handler of a function-try-block is the function's.
                kind, name = "function", last_function[0]
            stack.append((kind, name, index, header_start, depth))
            depth = 0
            if kind != "expr":
                header_start = index + 1
        elif ch == "}":
            if not stack:
                header_start = index + 1
                continue
            kind, name, start, saved, depth = stack.pop()
            last_function = None
            if kind in ("function", "scope") and name:
                outer = [n for k, n, _, _, _ in stack
                         if k in ("scope", "function") and n]
                qualified = "::".join(outer + [name])
                # A function spans its declaration too: a thread started by
                # a lambda in a constructor's init list belongs to it.
                begin = start
                if kind == "function":
                    header = clean[saved:start]
                    begin = saved + len(header) - len(header.lstrip())
                    last_function = (name, index + 1)
                spans.append((begin, index + 1, qualified,
                              kind == "function"))
            if kind == "expr":
                header_start = saved
            else:
                header_start = index + 1
    return spans


# --- Baseline keys ------------------------------------------------------------

def _normalize(text):
    return re.sub(r"\s+", " ", text).strip()


def baseline_key(finding):
    """Survives edits elsewhere in the file: no line numbers, only the check,
    the file, the enclosing function, the finding's own source line and the
    message (whitespace-normalized)."""
    parts = [finding.check, finding.location.file, finding.function,
             _normalize(finding.source_line), _normalize(finding.message)]
    digest = hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()
    return digest[:20]


# --- Reading clang-tidy's exported diagnostics ---------------------------------

class SourceCache:
    def __init__(self):
        self.files = {}

    def get(self, path):
        if path not in self.files:
            self.files[path] = SourceFile(path)
        return self.files[path]


def display_path(path, root):
    rel = os.path.relpath(path, root)
    if rel.startswith(".." + os.sep) or rel == "..":
        return path.replace(os.sep, "/")
    return rel.replace(os.sep, "/")


def _absolute(path, build_dir):
    if not os.path.isabs(path):
        path = os.path.join(build_dir or os.getcwd(), path)
    return os.path.normpath(path)


def _location(sources, path, offset, root):
    line, column = sources.get(path).position(int(offset))
    return Location(display_path(path, root), line, column)


def findings_from_export(diagnostics, root, sources=None):
    """(findings, errors) from the Diagnostics list of an --export-fixes YAML
    document. errors are compiler errors: the code around them was not
    analysed, which a report must say."""
    sources = sources or SourceCache()
    findings, errors = [], []
    seen = set()
    for diag in diagnostics or []:
        name = diag.get("DiagnosticName", "")
        main = diag.get("DiagnosticMessage") or {}
        build_dir = diag.get("BuildDirectory", "")
        path = main.get("FilePath") or ""
        if not path:
            continue  # a diagnostic without a location (bad command line)
        path = _absolute(path, build_dir)
        location = _location(sources, path, main.get("FileOffset", 0), root)
        severity = "error" if diag.get("Level") == "Error" else "warning"
        finding = Finding(name, _normalize(main.get("Message", "")),
                          location, severity)
        for note in diag.get("Notes") or []:
            note_path = note.get("FilePath")
            if not note_path:
                continue
            note_path = _absolute(note_path, build_dir)
            finding.notes.append(Note(
                _normalize(note.get("Message", "")),
                _location(sources, note_path, note.get("FileOffset", 0),
                          root)))
        for replacement in main.get("Replacements") or []:
            edit_path = _absolute(replacement["FilePath"], build_dir)
            source = sources.get(edit_path)
            start = int(replacement["Offset"])
            end = start + int(replacement.get("Length", 0))
            line, column = source.position(start)
            end_line, end_column = source.position(end)
            finding.fixes.append(Edit(
                display_path(edit_path, root), line, column, end_line,
                end_column, replacement.get("ReplacementText", "")))
        source = sources.get(path)
        first = max(1, location.line - CONTEXT_LINES)
        last = min(max(source.line_count(), location.line),
                   location.line + CONTEXT_LINES)
        finding.context_start = first
        finding.context = [source.line_text(n) for n in range(first, last + 1)]
        finding.function = source.enclosing_function(int(main.get(
            "FileOffset", 0)))
        finding.key = baseline_key(finding)
        if finding.identity() in seen:
            continue
        seen.add(finding.identity())
        if severity == "error" or name.startswith("clang-diagnostic-error"):
            errors.append(finding)
        else:
            findings.append(finding)
    return sort_findings(findings), sort_findings(errors)


def sort_findings(findings):
    return sorted(findings, key=lambda f: (f.location.file, f.location.line,
                                           f.location.column, f.check,
                                           f.message))


def dedupe(findings):
    seen = set()
    out = []
    for finding in findings:
        if finding.identity() not in seen:
            seen.add(finding.identity())
            out.append(finding)
    return sort_findings(out)
