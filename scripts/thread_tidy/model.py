"""The one data model every reader fills and every output is written from.

A Finding is a threads-* warning (or a compiler error) with its notes,
fix-its, location, the source lines around it and its baseline key. Results
are what one run, or a merge of several, found. Serialisation lives in the
format modules; this module only holds the data and the questions asked of
it (totals, duplicates, merging).
"""
from __future__ import annotations

import collections
import os
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Tuple

# Source lines kept on each side of a finding (JSON "context", the report's
# excerpt, SARIF's contextRegion and the baseline key).
CONTEXT_LINES = 2


@dataclass(frozen=True)
class Location:
    """A place in a file: lines and columns from 1, columns in bytes, as
    clang counts them. file is relative to the results' root when the file
    is under it, else absolute."""
    file: str
    line: int
    column: int


@dataclass
class Note:
    message: str
    location: Location


@dataclass
class Edit:
    """A fix-it: replace [line:column, end_line:end_column) with text."""
    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str


@dataclass
class Finding:
    check: str
    message: str
    location: Location
    severity: str = "warning"
    notes: List[Note] = field(default_factory=list)
    fixes: List[Edit] = field(default_factory=list)
    # context[0] is line context_start: up to CONTEXT_LINES lines before
    # and after the finding's own line.
    context_start: int = 0
    context: List[str] = field(default_factory=list)
    key: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @property
    def source_line(self) -> str:
        return self.context_line(self.location.line)

    def context_line(self, line: int) -> str:
        index = line - self.context_start
        if self.context and 0 <= index < len(self.context):
            return self.context[index]
        return ""

    def identity(self) -> Tuple[str, str, int, int, str]:
        """Two reports of one finding (a header seen from two translation
        units, or from two shards) share this."""
        loc = self.location
        return (self.check, loc.file, loc.line, loc.column, self.message)

    def position(self) -> Tuple[str, int, int, str, str]:
        loc = self.location
        return (loc.file, loc.line, loc.column, self.check, self.message)


def sort_findings(findings: Iterable[Finding]) -> List[Finding]:
    return sorted(findings, key=Finding.position)


def dedupe(findings: Iterable[Finding]) -> List[Finding]:
    """The first of each identity, in file and line order."""
    unique = {}
    for finding in findings:
        unique.setdefault(finding.identity(), finding)
    return sort_findings(unique.values())


@dataclass
class Results:
    root: str
    files: List[str] = field(default_factory=list)
    findings: List[Finding] = field(default_factory=list)
    errors: List[Finding] = field(default_factory=list)
    seconds: float = 0.0
    tool_version: str = ""
    # Findings left out because the baseline holds them.
    baselined: int = 0
    # Files the relevance selection did not analyse (relevance.py).
    skipped: int = 0
    # Why the results may be incomplete (clang-tidy crashed), or None.
    failure: Optional[str] = None
    # Files whose every analysis the result cache gave, not clang-tidy.
    reused: int = 0

    def __post_init__(self) -> None:
        self.files = sorted(set(self.files))

    def per_check(self) -> Dict[str, int]:
        counts = collections.Counter(f.check for f in self.findings)
        return dict(sorted(counts.items()))

    def per_directory(self) -> Dict[str, int]:
        counts = collections.Counter(
            os.path.dirname(f.location.file) or "." for f in self.findings)
        return dict(sorted(counts.items()))

    def files_with_errors(self) -> List[str]:
        return sorted(set(e.location.file for e in self.errors))


def merge(parts: Iterable[Results], root: str) -> Results:
    """The results of one run over the union of the parts' files."""
    parts = list(parts)
    failures = [part.failure for part in parts if part.failure]
    return Results(
        root=root,
        files=[path for part in parts for path in part.files],
        findings=dedupe(f for part in parts for f in part.findings),
        errors=dedupe(e for part in parts for e in part.errors),
        seconds=sum(part.seconds for part in parts),
        tool_version=next((p.tool_version for p in parts if p.tool_version),
                          ""),
        baselined=sum(part.baselined for part in parts),
        failure="\n".join(failures) or None)
