"""The text format: clang-style lines for people, and the summary line.

Each finding is its warning line, its source line, its notes (the path)
and its fix-its; compiler errors come first.
"""
from __future__ import annotations

from typing import IO

from .model import Results


def _plural(count: int, noun: str) -> str:
    return "%d %s%s" % (count, noun, "" if count == 1 else "s")


def summary_line(results: Results) -> str:
    """e.g. 'thread-tidy: 5 files analysed, 2 reused in 3.4 s: 1 new finding
    (threads-unjoined-thread: 1), 4 in the baseline; compiler errors in 1
    file'."""
    text = "thread-tidy: %s analysed" % _plural(
        len(results.files) - results.reused, "file")
    if results.reused:
        text += ", %d reused" % results.reused
    if results.skipped:
        text += ", %d skipped" % results.skipped
    if results.seconds:
        text += " in %.1f s" % results.seconds
    noun = "new finding" if results.baselined else "finding"
    text += ": " + _plural(len(results.findings), noun)
    counts = results.per_check()
    if counts:
        text += " (%s)" % ", ".join("%s: %d" % kv for kv in counts.items())
    if results.baselined:
        text += ", %d in the baseline" % results.baselined
    failed = results.files_with_errors()
    if failed:
        text += "; compiler errors in %s" % _plural(len(failed), "file")
    return text


def write(results: Results, out: IO[str]) -> None:
    for finding in results.errors + results.findings:
        loc = finding.location
        out.write("%s:%d:%d: %s: %s [%s]\n" % (
            loc.file, loc.line, loc.column, finding.severity,
            finding.message, finding.check))
        if finding.source_line:
            out.write("  %s\n" % finding.source_line.rstrip())
        for note in finding.notes:
            nloc = note.location
            out.write("%s:%d:%d: note: %s\n" % (nloc.file, nloc.line,
                                                nloc.column, note.message))
        if finding.is_error:
            continue  # a compiler's fix-it for broken code is no advice
        for edit in finding.fixes:
            out.write("%s:%d:%d: fix-it: replace with '%s'\n" % (
                edit.file, edit.line, edit.column, edit.text))
