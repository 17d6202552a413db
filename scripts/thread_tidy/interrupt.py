"""Ctrl-C during a run: stop the runner and everything it started, and say
what was found before the interrupt."""
from __future__ import annotations

import os
import signal
import subprocess
from typing import List

# The shell's status for a process that SIGINT stopped.
EXIT_INTERRUPTED = 130
# How long the runner has to stop its clang-tidy processes itself.
GRACE_SECONDS = 5.0


class Interrupted(KeyboardInterrupt):
    """Ctrl-C stopped a run after done of total analyses; findings are the
    warnings clang-tidy printed until then."""

    def __init__(self, done: int, total: int, findings: List[str]):
        super().__init__()
        self.done = done
        self.total = total
        self.findings = findings


def stop(process: subprocess.Popen) -> None:
    """Stops process, started in a session of its own, and its children:
    SIGINT first (LLVM's runners then remove their temporary files), then
    SIGKILL."""
    for sig in (signal.SIGINT, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=GRACE_SECONDS)
            break
        except subprocess.TimeoutExpired:
            continue
    if process.poll() is None:
        process.wait()
    try:  # clang-tidy processes the runner left behind
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def message(interrupt: KeyboardInterrupt) -> str:
    """What to print for an interrupt; results were not written."""
    if not isinstance(interrupt, Interrupted):
        return "thread-tidy: interrupted; no results were written\n"
    count = len(interrupt.findings)
    # A diff run does not count its files.
    where = " after %d of %d analyses" % (
        interrupt.done, interrupt.total) if interrupt.total else ""
    lines = ["thread-tidy: interrupted%s; the results are partial and were "
             "not written" % where,
             "thread-tidy: %d finding%s so far%s" % (
                 count, "" if count == 1 else "s", ":" if count else "")]
    return "\n".join(lines + interrupt.findings) + "\n"
