"""Source files as clang locates things in them, and paths as we show them.

clang-tidy exports byte offsets; findings carry lines, columns (in bytes,
from 1, as clang prints them) and the text of the lines around them.
"""
from __future__ import annotations

import bisect
import os
from typing import Dict, List, Tuple


class SourceFile:
    def __init__(self, path: str):
        try:
            with open(path, "rb") as handle:
                self.data = handle.read()
        except OSError:
            self.data = b""
        self.line_starts = [0]
        index = self.data.find(b"\n")
        while index >= 0:
            self.line_starts.append(index + 1)
            index = self.data.find(b"\n", index + 1)

    def position(self, offset: int) -> Tuple[int, int]:
        """(line, column) of a byte offset."""
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def line_count(self) -> int:
        count = len(self.line_starts)
        if self.data.endswith(b"\n"):
            count -= 1
        return count

    def line_text(self, line: int) -> str:
        if line < 1 or line > len(self.line_starts):
            return ""
        start = self.line_starts[line - 1]
        end = (self.line_starts[line] if line < len(self.line_starts)
               else len(self.data))
        return self.data[start:end].decode("utf-8", "replace").rstrip("\r\n")

    def lines_around(self, line: int, radius: int) -> Tuple[int, List[str]]:
        """(first line, texts) of the lines within radius of line."""
        first = max(1, line - radius)
        last = min(max(self.line_count(), line), line + radius)
        return first, [self.line_text(n) for n in range(first, last + 1)]


class SourceCache:
    """Each file read once per run, however many findings it has."""

    def __init__(self) -> None:
        self.files: Dict[str, SourceFile] = {}

    def get(self, path: str) -> SourceFile:
        if path not in self.files:
            self.files[path] = SourceFile(path)
        return self.files[path]


def display_path(path: str, root: str) -> str:
    """path relative to root with '/' separators; absolute when it is not
    under root."""
    rel = os.path.relpath(path, root)
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return path.replace(os.sep, "/")
    return rel.replace(os.sep, "/")


def absolute(path: str, directory: str) -> str:
    """path, relative to directory (or the current one) when not absolute."""
    if not os.path.isabs(path):
        path = os.path.join(directory or os.getcwd(), path)
    return os.path.normpath(path)

