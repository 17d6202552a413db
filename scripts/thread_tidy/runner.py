"""Running LLVM's clang-tidy-diff (a diff run) with the plugin loaded, and
collecting what it exports; and what a project run (project_run.py) shares
with it: the clang-tidy options, the outcome, telling a crash from compile
errors.

clang-tidy-diff runs clang-tidy on the changed files in parallel and merges
the diagnostics into one --export-fixes YAML; this module builds its command
line, and reads the export back into findings.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from typing import IO, Iterable, List, Optional, Sequence, Tuple

from . import interrupt
from .export import findings_from_export, load_yaml
from .model import Finding
from .progress import Progress
from .sources import SourceCache
from .toolchain import Toolchain, ToolchainError

# What clang-tidy (or the Python script around it) prints when it dies;
# scripts/robustness.py looks for the same.
CRASH_MARKS = ("Stack dump", "PLEASE submit a bug report",
               "Segmentation fault", "Aborted", "Assertion `",
               "UNREACHABLE executed", "Traceback", "terminated by signal")
# What run-clang-tidy prints for a file it could not compile; not a crash.
COMPILE_FAILURE_MARKS = ("Compile command not found", "Error while processing")
# How much of the output a failure message quotes.
QUOTED_LINES = 20


@dataclass
class ClangTidyOptions:
    """The clang-tidy options a project or diff run passes on."""
    checks: Optional[str] = None
    config_file: Optional[str] = None
    header_filter: Optional[str] = None
    extra_arg: List[str] = field(default_factory=list)
    extra_arg_before: List[str] = field(default_factory=list)
    jobs: int = 1
    quiet: bool = False  # no progress lines


@dataclass
class Outcome:
    findings: List[Finding]
    errors: List[Finding]
    failure: Optional[str]  # why the results may be incomplete


def lines_with(marks: Sequence[str], output: Iterable[str]) -> List[str]:
    return [line.strip() for line in output
            if any(mark in line for mark in marks)]


def python_with_yaml() -> str:
    """run-clang-tidy needs PyYAML for -export-fixes; Debian's python3 has
    it (python3-yaml), a virtualenv may not."""
    try:
        import yaml  # noqa: F401
        return sys.executable
    except ImportError:
        pass
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate and subprocess.call(
                [candidate, "-c", "import yaml"], stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL) == 0:
            return candidate
    raise ToolchainError("PyYAML is needed to read clang-tidy's exported "
                         "diagnostics; install python3-yaml")


class Runner:
    """A diff run."""

    def __init__(self, toolchain: Toolchain, options: ClangTidyOptions,
                 root: str, progress_out: Optional[IO[str]] = None):
        self.toolchain = toolchain
        self.options = options
        self.root = root
        self.progress_out = progress_out or sys.stderr

    def diff(self, diff: bytes, top: str, build_dir: str,
             source_regex: str) -> Outcome:
        """clang-tidy-diff over a unified diff (git diff -U0) of the tree
        whose top level is top, for the files matching source_regex."""
        script = self.toolchain.clang_tidy_diff()
        if self.options.config_file and self.toolchain.major < 19:
            raise ToolchainError("--config-file in diff mode needs "
                                 "clang-tidy-diff of LLVM 19 or later")
        with tempfile.TemporaryDirectory(prefix="thread-tidy-") as scratch:
            command = [python_with_yaml(), script, "-p1",
                       "-path", os.path.abspath(build_dir),
                       "-iregex", source_regex]
            command += self._shared_arguments(scratch)
            # clang-tidy-diff resolves the diff's paths from the top level.
            return self._run(command, scratch,
                             Progress([], self.root, True, self.progress_out),
                             cwd=top, stdin=diff)

    def _shared_arguments(self, scratch: str) -> List[str]:
        options = self.options
        arguments = ["-clang-tidy-binary", self.toolchain.clang_tidy,
                     "-load", self.toolchain.plugin,
                     "-checks=" + (options.checks if options.checks is not None
                                   else self.toolchain.default_checks),
                     "-j", str(options.jobs),
                     "-export-fixes", os.path.join(scratch, "fixes.yaml"),
                     "-quiet"]
        if options.config_file:
            arguments.append("-config-file=" + options.config_file)
        arguments += ["-extra-arg=" + a for a in options.extra_arg]
        arguments += ["-extra-arg-before=" + a
                      for a in options.extra_arg_before]
        return arguments

    def _run(self, command: List[str], scratch: str, progress: Progress,
             cwd: Optional[str] = None,
             stdin: Optional[bytes] = None) -> Outcome:
        status, log = _execute(command, progress, cwd, stdin)
        findings, errors = self._read_export(os.path.join(scratch,
                                                          "fixes.yaml"))
        return Outcome(findings, errors,
                       _failure(os.path.basename(command[1]), status, log,
                                bool(errors)))

    def _read_export(self, path: str) -> Tuple[List[Finding],
                                               List[Finding]]:
        if not os.path.exists(path):
            return [], []  # nothing analysed, or the runner failed first
        return findings_from_export(load_yaml(path).get("Diagnostics"),
                                    self.root, SourceCache())


def _execute(command: List[str], progress: Progress, cwd: Optional[str],
             stdin: Optional[bytes]) -> Tuple[int, List[str]]:
    """Runs command, feeding it stdin and showing progress from its
    output. Returns its exit status and output lines."""
    try:
        # A session of its own: Ctrl-C reaches thread-tidy only, which
        # stops the runner and its clang-tidy processes itself.
        process = subprocess.Popen(
            command, cwd=cwd,
            stdin=subprocess.DEVNULL if stdin is None else subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            start_new_session=True)
    except OSError as err:
        raise ToolchainError("cannot run %s: %s" % (command[1], err.strerror))
    log = []
    with process:
        feeder = None
        if stdin is not None:
            feeder = threading.Thread(target=_feed, args=(process, stdin))
            feeder.start()
        try:
            for raw in process.stdout:
                line = raw.decode("utf-8", "replace")
                log.append(line)
                progress.line_seen(line)
        except KeyboardInterrupt:
            interrupt.stop(process)
            progress.close()
            raise interrupt.Interrupted(progress.done, progress.total,
                                        progress.finding_lines())
        finally:
            if feeder:
                feeder.join()
        progress.close()
        status = process.wait()
    return status, log


def _failure(script: str, status: int, log: List[str],
             compile_errors: bool) -> Optional[str]:
    """Why the results may be incomplete: clang-tidy crashed on a file, or
    the runner failed for another reason than compile errors (whose files
    the results list). None when nothing went wrong."""
    crashed = lines_with(CRASH_MARKS, log)
    if not crashed and (status == 0 or compile_errors):
        return None
    quoted = lines_with(CRASH_MARKS + COMPILE_FAILURE_MARKS, log)
    return "%s exited with %d%s; the results may be incomplete:\n%s" % (
        script, status, " (clang-tidy crashed)" if crashed else "",
        "\n".join(quoted[:QUOTED_LINES] + ["..."] + [
            line.rstrip() for line in log[-QUOTED_LINES:]]).rstrip())


def _feed(process: subprocess.Popen, data: bytes) -> None:
    try:
        process.stdin.write(data)
        process.stdin.close()
    except BrokenPipeError:
        pass
