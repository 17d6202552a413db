"""A project run: every selected file of the compilation database, in each
of its configurations, is one clang-tidy process with the plugin loaded,
up to --jobs at a time.

Each analysis exports its own diagnostics, so the result cache can keep them
per analysis and a later run can reuse them while its inputs are unchanged
(cache.py). The diagnostics of all analyses are then read into findings
together: a header's finding, exported by every file that includes it, is
reported once.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor
from concurrent.futures import wait
from dataclasses import dataclass, field
from typing import Any, Dict, IO, List, Optional, Sequence, Set

from . import compile_db, configurations, interrupt
from .cache import ResultCache
from .export import ExportError, findings_from_export, load_yaml
from .progress import Progress
from .runner import (CRASH_MARKS, QUOTED_LINES, ClangTidyOptions, Outcome,
                     lines_with)
from .sources import SourceCache, display_path
from .toolchain import Toolchain, ToolchainError

# How many failed analyses a failure message quotes.
QUOTED_FILES = 10


@dataclass
class Analysis:
    """One file in one configuration: what clang-tidy exported and said."""
    entry: Dict[str, Any]
    diagnostics: List[Dict[str, Any]] = field(default_factory=list)
    output: List[str] = field(default_factory=list)
    status: int = 0
    reused: bool = False
    # why clang-tidy's export could not be read, if it could not
    unreadable_export: Optional[str] = None

    @property
    def crashed(self) -> bool:
        # A negative status: a signal ended clang-tidy.
        return self.status < 0 or bool(lines_with(CRASH_MARKS, self.output))

    def has_compile_errors(self) -> bool:
        return any(diag.get("DiagnosticName", "").startswith(
            "clang-diagnostic-error") or diag.get("Level") == "Error"
            for diag in self.diagnostics)

    def failure(self) -> Optional[str]:
        """Why this analysis may have missed findings: clang-tidy crashed,
        or failed for another reason than compile errors (which the
        results list); None when it did not."""
        if self.crashed:
            return "crashed"
        if self.unreadable_export:
            return "wrote an unreadable export (%s)" % self.unreadable_export
        if self.status != 0 and not self.has_compile_errors():
            return "exited with %d" % self.status
        return None


@dataclass
class ProjectOutcome(Outcome):
    # files whose every analysis the cache gave
    reused_files: int = 0


class ProjectRunner:
    """Runs the analyses of a project run, reusing cached ones."""

    def __init__(self, toolchain: Toolchain, options: ClangTidyOptions,
                 root: str, cache: Optional[ResultCache] = None,
                 progress_out: Optional[IO[str]] = None):
        self.toolchain = toolchain
        self.options = options
        self.root = root
        self.cache = cache
        self.progress_out = progress_out or sys.stderr
        self._processes: Set[subprocess.Popen] = set()
        self._lock = threading.Lock()
        self._stopping = threading.Event()

    def run(self, entries: Sequence[Dict[str, Any]],
            closures: Sequence[Optional[Sequence[str]]]) -> ProjectOutcome:
        """Analyses entries (absolute "file" and "directory"); closures,
        parallel to them, lists each one's include closure (None when
        unknown: that analysis is neither reused nor stored)."""
        progress = Progress([e["file"] for e in entries], self.root,
                            self.options.quiet, self.progress_out)
        analyses: List[Optional[Analysis]] = [None] * len(entries)
        keys: List[Optional[str]] = [None] * len(entries)
        pending = []
        for index, entry in enumerate(entries):
            keys[index] = self._key(entry)
            reused = self._reuse(keys[index], closures[index])
            if reused is None:
                pending.append(index)
                continue
            analyses[index] = Analysis(entry, reused, reused=True)
            self._count_findings(progress, reused)
            progress.analysis_done(entry["file"])
        with tempfile.TemporaryDirectory(prefix="thread-tidy-") as scratch:
            self._analyse(entries, pending, closures, keys, analyses,
                          scratch, progress)
        progress.close()
        return self._outcome([a for a in analyses if a is not None])

    # --- the cache -----------------------------------------------------------

    def _key(self, entry: Dict[str, Any]) -> Optional[str]:
        if self.cache is None:
            return None
        return self.cache.key(entry, configurations.arguments(entry))

    def _reuse(self, key: Optional[str],
               closure: Optional[Sequence[str]]
               ) -> Optional[List[Dict[str, Any]]]:
        if key is None or closure is None:
            return None
        return self.cache.lookup(key)

    def _store(self, key: Optional[str],
               inputs: Optional[List[List[str]]],
               analysis: Analysis) -> None:
        # A failed analysis is never stored: the next run tries again.
        if key is None or inputs is None or analysis.failure():
            return
        self.cache.store(key, inputs, analysis.diagnostics)

    # --- clang-tidy ----------------------------------------------------------

    def _analyse(self, entries: Sequence[Dict[str, Any]],
                 pending: List[int],
                 closures: Sequence[Optional[Sequence[str]]],
                 keys: List[Optional[str]],
                 analyses: List[Optional[Analysis]], scratch: str,
                 progress: Progress) -> None:
        if not pending:
            return
        with ThreadPoolExecutor(max_workers=self.options.jobs) as pool:
            running: Dict[Future, int] = {}
            # each running entry's cache inputs, by index
            inputs: Dict[int, Optional[List[List[str]]]] = {}
            queue = list(reversed(pending))
            try:
                while queue or running:
                    while queue and len(running) < self.options.jobs:
                        index = queue.pop()
                        # The inputs' contents before the analysis reads
                        # them: a file edited meanwhile misses next time.
                        inputs[index] = None
                        if keys[index] and closures[index] is not None:
                            inputs[index] = self.cache.inputs(
                                closures[index])
                        future = pool.submit(self._clang_tidy,
                                             entries[index], index, scratch)
                        running[future] = index
                    done, _ = wait(list(running), return_when=FIRST_COMPLETED)
                    for future in done:
                        index = running.pop(future)
                        analysis = future.result()
                        analyses[index] = analysis
                        for line in analysis.output:
                            progress.line_seen(line)
                        progress.analysis_done(entries[index]["file"])
                        self._store(keys[index], inputs.pop(index),
                                    analysis)
            except KeyboardInterrupt:
                self._stop_all()
                progress.close()
                raise interrupt.Interrupted(progress.done, progress.total,
                                            progress.finding_lines())

    def _command(self, entry: Dict[str, Any], database_dir: str,
                 export: str) -> List[str]:
        options = self.options
        command = [self.toolchain.clang_tidy,
                   "--load=" + self.toolchain.plugin,
                   "--checks=" + (options.checks if options.checks is not None
                                  else self.toolchain.default_checks),
                   "-p", database_dir, "--export-fixes=" + export, "--quiet"]
        if options.header_filter is not None:
            command.append("--header-filter=" + options.header_filter)
        if options.config_file:
            command.append("--config-file=" + options.config_file)
        command += ["--extra-arg=" + a for a in options.extra_arg]
        command += ["--extra-arg-before=" + a
                    for a in options.extra_arg_before]
        return command + [entry["file"]]

    def _clang_tidy(self, entry: Dict[str, Any], index: int,
                    scratch: str) -> Analysis:
        """One analysis, with a database of its one entry: clang-tidy
        would analyse every configuration of a file listed several
        times."""
        if self._stopping.is_set():  # Ctrl-C: the run ends unfinished
            return Analysis(entry)
        directory = os.path.join(scratch, str(index))
        os.mkdir(directory)
        compile_db.write(os.path.join(directory, compile_db.DATABASE),
                         [entry])
        export = os.path.join(directory, "fixes.yaml")
        try:
            process = subprocess.Popen(
                self._command(entry, directory, export),
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT, start_new_session=True)
        except OSError as err:
            raise ToolchainError("cannot run %s: %s" % (
                self.toolchain.clang_tidy, err.strerror))
        with self._lock:
            self._processes.add(process)
        try:
            out, _ = process.communicate()
        finally:
            with self._lock:
                self._processes.discard(process)
        analysis = Analysis(entry, status=process.returncode,
                            output=out.decode("utf-8", "replace")
                            .splitlines(True))
        if os.path.exists(export):
            try:
                analysis.diagnostics = list(
                    load_yaml(export).get("Diagnostics") or [])
            except ExportError as err:
                analysis.unreadable_export = str(err)
        return analysis

    def _stop_all(self) -> None:
        self._stopping.set()
        with self._lock:
            processes = list(self._processes)
        for process in processes:
            interrupt.stop(process)

    # --- results -------------------------------------------------------------

    def _count_findings(self, progress: Progress,
                        diagnostics: List[Dict[str, Any]]) -> None:
        findings, _ = findings_from_export(diagnostics, self.root)
        for finding in findings:
            where = finding.location
            progress.finding_seen("%s:%d:%d: warning: %s [%s]" % (
                where.file, where.line, where.column, finding.message,
                finding.check))

    def _outcome(self, analyses: List[Analysis]) -> ProjectOutcome:
        diagnostics = [diag for analysis in analyses
                       for diag in analysis.diagnostics]
        findings, errors = findings_from_export(diagnostics, self.root,
                                                SourceCache())
        failed = [(a, a.failure()) for a in analyses if a.failure()]
        fresh = set(a.entry["file"] for a in analyses if not a.reused)
        reused = set(a.entry["file"] for a in analyses if a.reused)
        return ProjectOutcome(findings, errors, self._failure_text(failed),
                              reused_files=len(reused - fresh))

    def _failure_text(self, failed: List[Any]) -> Optional[str]:
        if not failed:
            return None
        crashed = sum(1 for _, why in failed if why == "crashed")
        lines = ["clang-tidy %s on %d file%s; the results may be "
                 "incomplete:" % (
                     "crashed" if crashed else "failed", len(failed),
                     "" if len(failed) == 1 else "s")]
        for analysis, why in failed[:QUOTED_FILES]:
            lines.append("%s: clang-tidy %s" % (
                display_path(analysis.entry["file"], self.root), why))
            quoted = lines_with(CRASH_MARKS, analysis.output) or [
                line.rstrip() for line in analysis.output[-QUOTED_LINES:]]
            lines += ["  " + line for line in quoted[:QUOTED_LINES]]
        if len(failed) > QUOTED_FILES:
            lines.append("... and %d more" % (len(failed) - QUOTED_FILES))
        return "\n".join(lines)

