"""Baseline keys: which finding of today is which finding of the baseline.

A key is a context fingerprint: the check, the file, and the text of the
finding's own line and of the nearest non-blank line above and below it,
whitespace collapsed, plus a counter that tells identical fingerprints in
one file apart. No line number is in it, so lines inserted or removed
elsewhere in the file leave it alone, and nothing in it depends on parsing
C++. It changes when the finding's line or its neighbours change: then the
code it was recorded for has changed.

Version 1 keys (thread-tidy 1.0) hashed the enclosing function's name,
found by a lexical scan of the file, instead of the neighbouring lines.
legacy_key recomputes one for a given function name, so that a version 1
baseline, which records the name beside each key, keeps matching.
"""
from __future__ import annotations

import collections
import hashlib
import re
from typing import Iterable, List

from .model import Finding, sort_findings

KEY_LENGTH = 20


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _digest(parts: Iterable[str]) -> str:
    joined = "\0".join(parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:KEY_LENGTH]


def _nearest_text(finding: Finding, lines: Iterable[int]) -> str:
    for line in lines:
        text = normalize(finding.context_line(line))
        if text:
            return text
    return ""


def fingerprint(finding: Finding) -> List[str]:
    """What a key hashes, before the counter: check, file, the line above,
    the finding's line, the line below (blank lines skipped, within the
    context the finding carries)."""
    line = finding.location.line
    first = finding.context_start
    last = first + len(finding.context) - 1
    return [finding.check, finding.location.file,
            _nearest_text(finding, range(line - 1, first - 1, -1)),
            normalize(finding.source_line),
            _nearest_text(finding, range(line + 1, last + 1))]


def assign_keys(findings: Iterable[Finding]) -> None:
    """Sets every finding's key. The n-th finding (in line and column
    order) with a given fingerprint gets counter n, so keys are unique
    within one set of results."""
    seen: collections.Counter = collections.Counter()
    for finding in sort_findings(findings):
        base = tuple(fingerprint(finding))
        finding.key = _digest(base + (str(seen[base]),))
        seen[base] += 1


def legacy_key(finding: Finding, function: str) -> str:
    """The version 1 key the finding would have had in function."""
    return _digest([finding.check, finding.location.file, function,
                    normalize(finding.source_line),
                    normalize(finding.message)])
