"""Reading what clang-tidy exports: the --export-fixes YAML that
run-clang-tidy and clang-tidy-diff merge from every file they analyse.

Each diagnostic becomes a Finding with lines and columns, its notes, its
fix-its and the source lines around it. Compiler errors are kept apart: the
code around them was not analysed, which a report must say.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from . import keys
from .errors import ThreadTidyError
from .model import CONTEXT_LINES, Edit, Finding, Location, Note, dedupe
from .sources import SourceCache, absolute, display_path


class ExportError(ThreadTidyError):
    pass


def load_yaml(path: str) -> Dict[str, Any]:
    try:
        import yaml
    except ImportError:
        raise ExportError("PyYAML is needed to read %s; install python3-yaml"
                          % path)
    with open(path, encoding="utf-8", errors="replace") as handle:
        try:
            document = yaml.safe_load(handle) or {}
        except yaml.YAMLError as err:
            raise ExportError("cannot read %s: %s" % (path, err))
    if not isinstance(document, dict):
        raise ExportError("%s is not a clang-tidy export" % path)
    return document


class _Reader:
    """Turns the diagnostics of one export into findings, resolving each
    file once."""

    def __init__(self, root: str, sources: SourceCache):
        self.root = root
        self.sources = sources

    def location(self, path: str, offset: Any) -> Location:
        line, column = self.sources.get(path).position(int(offset or 0))
        return Location(display_path(path, self.root), line, column)

    def notes(self, diag: Dict[str, Any], build_dir: str) -> List[Note]:
        return [Note(keys.normalize(note.get("Message", "")),
                     self.location(absolute(note["FilePath"], build_dir),
                                   note.get("FileOffset")))
                for note in diag.get("Notes") or [] if note.get("FilePath")]

    def fixes(self, message: Dict[str, Any], build_dir: str) -> List[Edit]:
        edits = []
        for replacement in message.get("Replacements") or []:
            path = absolute(replacement["FilePath"], build_dir)
            source = self.sources.get(path)
            start = int(replacement["Offset"])
            line, column = source.position(start)
            end_line, end_column = source.position(
                start + int(replacement.get("Length", 0)))
            edits.append(Edit(display_path(path, self.root), line, column,
                              end_line, end_column,
                              replacement.get("ReplacementText", "")))
        return edits

    def finding(self, diag: Dict[str, Any]) -> Optional[Finding]:
        message = diag.get("DiagnosticMessage") or {}
        if not message.get("FilePath"):
            return None  # no location: a bad command line, not a finding
        build_dir = diag.get("BuildDirectory", "")
        path = absolute(message["FilePath"], build_dir)
        location = self.location(path, message.get("FileOffset"))
        context_start, context = self.sources.get(path).lines_around(
            location.line, CONTEXT_LINES)
        return Finding(
            check=diag.get("DiagnosticName", ""),
            message=keys.normalize(message.get("Message", "")),
            location=location,
            severity="error" if diag.get("Level") == "Error" else "warning",
            notes=self.notes(diag, build_dir),
            fixes=self.fixes(message, build_dir),
            context_start=context_start, context=context)


def _is_compiler_error(finding: Finding) -> bool:
    return finding.is_error or finding.check.startswith(
        "clang-diagnostic-error")


def findings_from_export(diagnostics: Optional[List[Dict[str, Any]]],
                         root: str, sources: Optional[SourceCache] = None
                         ) -> Tuple[List[Finding], List[Finding]]:
    """(findings, compiler errors) of an export's Diagnostics list, without
    duplicates (a header is exported once per file that includes it), with
    their baseline keys."""
    reader = _Reader(root, sources or SourceCache())
    read = [reader.finding(diag) for diag in diagnostics or []]
    read = [finding for finding in read if finding]
    findings = dedupe(f for f in read if not _is_compiler_error(f))
    errors = dedupe(f for f in read if _is_compiler_error(f))
    keys.assign_keys(findings + errors)
    return findings, errors
