"""Baselines: adopt thread-tidy on a legacy tree without fixing it first.

--write-baseline records today's findings by key (keys.py: no line numbers),
--baseline reports only the findings it does not hold. Matching counts: a
second identical finding is new.

Version 1 files (thread-tidy 1.0) keyed findings by their enclosing
function's name, found by a lexical scan that is gone. They are still read:
each entry records that name beside its key, so the version 1 key of a
finding can be computed for it and compared (keys.legacy_key).
"""
from __future__ import annotations

import collections
import json
from typing import Any, Dict, List, Set, Tuple

from . import keys
from .model import Finding, Results

VERSION = 2
TOOL = "thread-tidy"


class Baseline:
    """The findings a baseline file holds, each matched at most once."""

    def take(self, finding: Finding) -> bool:
        """Whether the baseline holds finding; if so, that entry is used
        up."""
        raise NotImplementedError


class KeyBaseline(Baseline):
    """Version 2: the keys of keys.assign_keys."""

    def __init__(self, entries: List[Dict[str, Any]]):
        self.remaining = collections.Counter(e["key"] for e in entries)

    def take(self, finding: Finding) -> bool:
        if self.remaining[finding.key] <= 0:
            return False
        self.remaining[finding.key] -= 1
        return True


class FunctionKeyBaseline(Baseline):
    """Version 1: keys that hashed the enclosing function's name."""

    def __init__(self, entries: List[Dict[str, Any]]):
        self.remaining = collections.Counter(e["key"] for e in entries)
        self.functions: Dict[Tuple[str, str], Set[str]] = \
            collections.defaultdict(set)
        for entry in entries:
            self.functions[(entry["check"], entry["file"])].add(
                entry.get("function", ""))

    def take(self, finding: Finding) -> bool:
        place = (finding.check, finding.location.file)
        for function in sorted(self.functions.get(place, ())):
            key = keys.legacy_key(finding, function)
            if self.remaining[key] > 0:
                self.remaining[key] -= 1
                return True
        return False


READERS = {1: FunctionKeyBaseline, VERSION: KeyBaseline}


def read(path: str) -> Baseline:
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    if not isinstance(data, dict) or data.get("version") not in READERS \
            or not isinstance(data.get("findings"), list):
        raise ValueError("%s is not a thread-tidy baseline (version %s)"
                         % (path, " or ".join(map(str, sorted(READERS)))))
    return READERS[data["version"]](data["findings"])


def write(path: str, results: Results) -> None:
    """The key is what matches; the rest is for a reviewer of the file."""
    entries = [{"key": f.key, "check": f.check, "file": f.location.file,
                "source": f.source_line.strip(), "message": f.message}
               for f in results.findings]
    with open(path, "w", encoding="utf-8") as handle:
        json.dump({"version": VERSION, "tool": TOOL, "findings": entries},
                  handle, indent=2)
        handle.write("\n")


def apply(results: Results, baseline: Baseline) -> int:
    """Drops the findings the baseline holds; returns how many."""
    kept = [f for f in results.findings if not baseline.take(f)]
    dropped = len(results.findings) - len(kept)
    results.findings = kept
    results.baselined += dropped
    return dropped
