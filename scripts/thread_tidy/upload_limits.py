"""GitHub code scanning's limits on an uploaded SARIF file.

An upload over the limits is rejected or cut without a word in the job
that wrote the file; thread-tidy warns when it writes (or merges) one, so
that the CI log says what to do before the upload step fails.
"""
from __future__ import annotations

import gzip
from dataclasses import dataclass
from typing import List

# https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning#file-limits
MAX_RESULTS_PER_RUN = 25_000
MAX_GZIPPED_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class SarifSize:
    results: int
    gzipped_bytes: int


def measure(text: str, results: int) -> SarifSize:
    """The size GitHub counts: the file as gzip compresses it."""
    return SarifSize(results, len(gzip.compress(text.encode("utf-8"))))


def warnings(size: SarifSize) -> List[str]:
    """One line per limit the file exceeds, with what to do about it."""
    found: List[str] = []
    if size.results > MAX_RESULTS_PER_RUN:
        found.append(
            "the SARIF run has %d results; GitHub code scanning accepts at "
            "most %d per run and drops the rest: record the existing "
            "findings in a baseline (--write-baseline) and upload only new "
            "ones" % (size.results, MAX_RESULTS_PER_RUN))
    if size.gzipped_bytes > MAX_GZIPPED_BYTES:
        found.append(
            "the SARIF file is %.1f MB gzipped; GitHub code scanning rejects "
            "uploads over %d MB: use a baseline, or fewer checks per upload "
            "category" % (size.gzipped_bytes / (1024 * 1024),
                          MAX_GZIPPED_BYTES // (1024 * 1024)))
    return found
