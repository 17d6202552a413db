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
# comments, literals and preprocessor lines, then classify each '{' by the text
# in front of it. A key only has to stay the same when unrelated lines move,
# so a wrong guess on exotic code costs nothing but a less specific key.

_CONTROL = re.compile(r"^\s*(if|else|for|while|do|switch|try|catch|case|"
                      r"default|return|co_return|throw)\b")
_SCOPE = re.compile(r"\b(namespace|class|struct|union|enum)\b"
                    r"(?:\s+(?:class|struct))?(?:\s*\[\[[^\]]*\]\])?"
                    r"\s*([A-Za-z_]\w*(?:::[A-Za-z_]\w*)*)?")
_NAME_BEFORE_PAREN = re.compile(
    r"((?:[A-Za-z_~]\w*\s*::\s*)*(?:operator\s*(?:\(\s*\)|[^\s(]+)|~?[A-Za-z_]\w*))"
    r"\s*(?:<[^()]*>)?\s*$")


def _blank_noise(text):
    """Comments, string and character literals and preprocessor lines become
    spaces; offsets and newlines are kept."""
    out = list(text)
    i, n = 0, len(text)
    at_line_start = True
    while i < n:
        c = text[i]
        if at_line_start and c == "#":
            j = i
            while j < n and text[j] != "\n":
                if text[j] == "\\" and j + 1 < n and text[j + 1] == "\n":
                    j += 2
                    continue
                j += 1
            for k in range(i, j):
                if out[k] != "\n":
                    out[k] = " "
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
            for k in range(i, j):
                out[k] = " "
            i = j
            continue
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            for k in range(i, j):
                if out[k] != "\n":
                    out[k] = " "
            i = j
            continue
        raw = re.match(r'R"([^(\s]{0,16})\(', text[i:i + 20])
        if raw and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            closing = ")" + raw.group(1) + '"'
            j = text.find(closing, i + raw.end())
            j = n if j < 0 else j + len(closing)
            for k in range(i, j):
                if out[k] != "\n":
                    out[k] = " "
            i = j
            continue
        if c in "\"'":
            # A digit separator (1'000) is not a character literal.
            if c == "'" and i > 0 and text[i - 1].isalnum() and \
                    i + 1 < n and text[i + 1].isalnum() and \
                    text[i - 1].isdigit():
                i += 1
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            for k in range(i, j):
                if out[k] != "\n":
                    out[k] = " "
            i = j
            continue
        i += 1
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
    """text with everything inside (), [] and <> after a name removed."""
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


def _function_name(header):
    header = re.sub(r"^\s*template\s*<.*?>\s*", "", header, flags=re.S)
    depth = 0
    for index, ch in enumerate(header):
        if ch == "(":
            if depth == 0:
                match = _NAME_BEFORE_PAREN.search(header[:index])
                if not match:
                    return None
                name = re.sub(r"\s+", "", match.group(1))
                if name.isupper() and len(name) > 1:
                    # TEST_F(Suite, Case): the arguments name the function.
                    close = header.find(")", index)
                    args = header[index:close + 1] if close > 0 else ""
                    name += re.sub(r"\s+", "", args)
                return name
            depth += 1
        elif ch == ")":
            depth -= 1
    return None


def _classify(header):
    """('function', name) | ('scope', name) | ('block', '') | ('expr', '')."""
    stripped = header.strip()
    if not stripped or stripped.startswith("["):
        return "expr" if stripped else "block", ""
    if _paren_balance(stripped) > 0:
        return "expr", ""  # a lambda or init list inside a call
    if _CONTROL.match(stripped):
        return "block", ""
    top = _top_level(stripped)
    if re.search(r"(^|[^=!<>])=($|[^=])", top) and "operator" not in top:
        return "expr", ""
    if re.search(r"[\w>]$", stripped) and "(" not in top and \
            not _SCOPE.search(top):
        if re.match(r"^(extern|export)\b", stripped):
            return "block", ""
        return "expr", ""  # T{...} brace initialisation
    scope = _SCOPE.search(top)
    if scope and "(" not in top.split(scope.group(0), 1)[0]:
        return "scope", scope.group(2) or ""
    if "(" in top:
        if re.search(r"\)\s*$", top) or re.search(
                r"\)\s*(const|volatile|noexcept|override|final|mutable|&|&&|"
                r"->|throw|requires|:|try|\s)", top):
            name = _function_name(stripped)
            if name:
                return "function", name
        # A constructor's init list ending in a brace-initialised member.
        return "expr", ""
    return "block", ""


def function_spans(text):
    """[(start, end, qualified_name, is_function)] of function bodies and
    named class or namespace bodies."""
    clean = _blank_noise(text)
    spans = []
    stack = []  # (kind, name, start, header_start_to_restore)
    header_start = 0
    for index, ch in enumerate(clean):
        if ch == ";":
            header_start = index + 1
        elif ch == "{":
            kind, name = _classify(clean[header_start:index])
            stack.append((kind, name, index, header_start))
            if kind != "expr":
                header_start = index + 1
        elif ch == "}":
            if not stack:
                header_start = index + 1
                continue
            kind, name, start, saved = stack.pop()
            if kind in ("function", "scope") and name:
                outer = [n for k, n, _, _ in stack
                         if k in ("scope", "function") and n]
                qualified = "::".join(outer + [name])
                spans.append((start, index + 1, qualified,
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
