"""What a project run shows while it runs: on a terminal one live line
(analyses done of the total, findings so far, time elapsed, time left), in
CI or when piped one plain line per finished analysis, as a log wants it.
"""
from __future__ import annotations

import io
import os
import re
import time
from typing import IO, Callable, Dict, Iterable, List, Mapping, Optional

from .sources import display_path

# A clang-tidy warning: "FILE:LINE:COLUMN: warning: MESSAGE [CHECK]".
_WARNING = re.compile(r"^(?P<file>.+?):(?P<where>\d+:\d+): warning: "
                      r"(?P<rest>.*\[[\w.,-]+\])\s*$")
# Width of the live line when the stream does not say.
DEFAULT_WIDTH = 80


def is_live(out: IO[str], environ: Mapping[str, str] = os.environ) -> bool:
    """One updating line on a terminal; plain lines in CI (which sets CI,
    and may give a pseudo-terminal whose log keeps every rewrite) or when
    piped."""
    return out.isatty() and not environ.get("CI")


def clock_text(seconds: float) -> str:
    """m:ss, or h:mm:ss from an hour."""
    minutes, secs = divmod(int(round(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return "%d:%02d:%02d" % (hours, minutes, secs)
    return "%d:%02d" % (minutes, secs)


def _width(out: IO[str]) -> int:
    try:
        # 0 when the terminal does not know (a pseudo-terminal of script)
        return os.get_terminal_size(out.fileno()).columns or DEFAULT_WIDTH
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return DEFAULT_WIDTH


class Progress:
    """Counts finished analyses and the findings clang-tidy prints, and
    shows them on out (stderr)."""

    def __init__(self, files: Iterable[str], root: str, quiet: bool,
                 out: IO[str], live: Optional[bool] = None,
                 clock: Callable[[], float] = time.monotonic):
        # One analysis per file and configuration: a file listed n times
        # is n analyses.
        self.total = len(list(files))
        self.done = 0
        self.root = root
        self.quiet = quiet
        self.out = out
        self.live = is_live(out) if live is None else live
        self.clock = clock
        self.started = clock()
        # Each warning once, as "file:line:column: warning: ...", the file
        # relative to the root: a header's finding is printed by every
        # file that includes it.
        self.findings: Dict[str, None] = {}
        self.drawn = False  # the live line is on the screen
        self.last_file = ""

    def line_seen(self, line: str) -> None:
        """A line clang-tidy printed: its warnings count as findings."""
        warning = _WARNING.match(line.rstrip())
        if warning:
            self._warning_seen(warning)

    def _warning_seen(self, warning: "re.Match[str]") -> None:
        self.finding_seen("%s:%s: warning: %s" % (
            display_path(warning.group("file"), self.root),
            warning.group("where"), warning.group("rest")))

    def finding_seen(self, text: str) -> None:
        """A finding as "file:line:column: warning: message [check]", the
        file relative to the root; each counts once."""
        if text in self.findings:
            return
        self.findings[text] = None
        if self.live and self.drawn and not self.quiet:
            self._draw(self.last_file)

    def analysis_done(self, path: str) -> None:
        """One analysis of path (in one of its configurations) is done."""
        self._done(path, 1)

    def _done(self, path: str, count: int) -> None:
        self.done += count
        if self.quiet:
            return
        if self.live:
            # The line stays open after the last analysis: its findings
            # come after it; close() ends it.
            self._draw(path)
        else:
            self.out.write("thread-tidy: [%d/%d] %s\n" % (
                self.done, self.total, display_path(path, self.root)))
        self.out.flush()

    def eta(self) -> Optional[float]:
        """Seconds left: the mean time per finished analysis (with the
        parallel jobs) times those left; None before the first."""
        if not self.done:
            return None
        elapsed = self.clock() - self.started
        return elapsed / self.done * (self.total - self.done)

    def live_line(self, path: str) -> str:
        count = len(self.findings)
        eta = self.eta()
        return "thread-tidy: [%d/%d] %d finding%s, %s elapsed, ETA %s, %s" % (
            self.done, self.total, count, "" if count == 1 else "s",
            clock_text(self.clock() - self.started),
            "--:--" if eta is None else clock_text(eta),
            display_path(path, self.root))

    def _draw(self, path: str) -> None:
        self.last_file = path
        # A line longer than the terminal wraps, and \r then rewrites only
        # its last part.
        line = self.live_line(path)[:max(_width(self.out) - 1, 1)]
        self.out.write("\r\033[K" + line)
        self.out.flush()
        self.drawn = True

    def close(self) -> None:
        """Ends the live line."""
        if self.drawn:
            self.out.write("\n")
            self.out.flush()
            self.drawn = False

    def finding_lines(self) -> List[str]:
        return list(self.findings)
