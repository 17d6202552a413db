"""The one model every output format is written from and read back into.

A Finding is a threads-* warning with its notes and fix-its, its location as
line and column, the source lines around it and a baseline key (keys.py). Findings come from clang-tidy's --export-fixes YAML (through
run-clang-tidy or clang-tidy-diff), or back from our JSON and SARIF, so that
shards can be merged and reports drawn from files alone.
"""
import os
import re

from . import keys

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
        # Lines CONTEXT_LINES before to CONTEXT_LINES after the finding.
        self.context_start = location.line
        self.context = []
        self.key = ""

    @property
    def source_line(self):
        return self.context_line(self.location.line)

    def context_line(self, line):
        index = line - self.context_start
        if 0 <= index < len(self.context):
            return self.context[index]
        return ""

    def position(self):
        loc = self.location
        return (loc.file, loc.line, loc.column, self.check, self.message)

    def identity(self):
        """Two reports of one finding (a header seen from two files, or two
        shards) share this."""
        loc = self.location
        return (self.check, loc.file, loc.line, loc.column, self.message)

    def to_json(self):
        data = {"check": self.check, "severity": self.severity,
                "message": self.message}
        data.update(self.location.to_json())
        data["key"] = self.key
        data["notes"] = [n.to_json() for n in self.notes]
        data["fixes"] = [e.to_json() for e in self.fixes]
        data["context"] = {"startLine": self.context_start,
                           "lines": list(self.context)}
        return data

    @staticmethod
    def from_json(data):
        """The key is not read: keys are given to a whole set of results."""
        finding = Finding(data["check"], data["message"],
                          Location.from_json(data),
                          data.get("severity", "warning"))
        finding.notes = [Note.from_json(n) for n in data.get("notes", [])]
        finding.fixes = [Edit.from_json(e) for e in data.get("fixes", [])]
        context = data.get("context") or {}
        finding.context_start = int(context.get("startLine",
                                                finding.location.line))
        finding.context = list(context.get("lines", []))
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
        finding = Finding(name, keys.normalize(main.get("Message", "")),
                          location, severity)
        for note in diag.get("Notes") or []:
            note_path = note.get("FilePath")
            if not note_path:
                continue
            note_path = _absolute(note_path, build_dir)
            finding.notes.append(Note(
                keys.normalize(note.get("Message", "")),
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
        if finding.identity() in seen:
            continue
        seen.add(finding.identity())
        if severity == "error" or name.startswith("clang-diagnostic-error"):
            errors.append(finding)
        else:
            findings.append(finding)
    keys.assign_keys(findings + errors)
    return sort_findings(findings), sort_findings(errors)


def sort_findings(findings):
    return sorted(findings, key=Finding.position)


def dedupe(findings):
    seen = set()
    out = []
    for finding in findings:
        if finding.identity() not in seen:
            seen.add(finding.identity())
            out.append(finding)
    return sort_findings(out)
