"""The real include closure of each translation unit, from clang-scan-deps.

The relevance selection (relevance.py) needs the headers a translation unit
includes, as the preprocessor of the same LLVM major sees them with the
entry's own flags (-I, -D, -std, conditional includes). clang-scan-deps
runs that preprocessor on all entries in one process, in parallel; this
module writes the database it reads and maps its make rules back to the
entries.

An entry that clang-scan-deps could not scan gets no closure: the caller
then analyses it, since nothing is known about what it includes.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from typing import Any, Dict, IO, List, Optional, Sequence, Tuple

from . import compile_db, configurations
from .toolchain import Toolchain

# The output each entry is given in the scan database: make rules name it,
# and it is what maps a rule back to its entry.
TARGET = "tt-scan-%d.o"
_TARGET_RULE = re.compile(r"^tt-scan-(\d+)\.o:")

# Flags that only name or ask for outputs: the scan names its own.
_OUTPUT_WITH_VALUE = ("-o", "-MF", "-MT", "-MQ", "-MJ")
_DEPENDENCY_FLAGS = ("-M", "-MM", "-MD", "-MMD", "-MP", "-MG", "-MV")
# Wrappers a build puts before the compiler.
_LAUNCHERS = ("ccache", "sccache", "distcc", "icecc")
# How much of clang-scan-deps' errors the warning quotes.
QUOTED_LINES = 5


@dataclass(frozen=True)
class Closure:
    """A translation unit's main file and every file it includes (system
    headers too), as absolute normalised paths."""
    main: str
    headers: Tuple[str, ...]


def _compiler(argument: str, directory: str) -> str:
    """An absolute compiler path: the driver finds its own headers from
    where it is, and a bare name would put them under /include."""
    if os.path.isabs(argument):
        return argument
    if os.sep in argument:
        return os.path.normpath(os.path.join(directory, argument))
    return shutil.which(argument) or argument


def scan_arguments(entry: Dict[str, Any], index: int) -> List[str]:
    """The entry's command line with its outputs replaced by TARGET."""
    command = configurations.arguments(entry)
    while len(command) > 1 and os.path.basename(command[0]) in _LAUNCHERS:
        command = command[1:]
    if not command:
        return []
    scan = [_compiler(command[0], entry["directory"])]
    skip_value = False
    for argument in command[1:]:
        if skip_value:
            skip_value = False
        elif argument in _OUTPUT_WITH_VALUE:
            skip_value = True
        elif argument in _DEPENDENCY_FLAGS or any(
                argument.startswith(flag) and argument != flag
                for flag in _OUTPUT_WITH_VALUE):
            continue
        else:
            scan.append(argument)
    if not any(a in ("-c", "-S", "-E") for a in scan):
        scan.append("-c")
    return scan + ["-o", TARGET % index]


def parse_rules(text: str) -> Dict[int, List[str]]:
    """The files of each TARGET rule of make-format output, by entry index
    (continuation lines joined, `\\ ` an escaped space, `$$` a dollar)."""
    rules: Dict[int, List[str]] = {}
    joined = text.replace("\\\r\n", " ").replace("\\\n", " ")
    for line in joined.splitlines():
        match = _TARGET_RULE.match(line)
        if match:
            rules[int(match.group(1))] = _split_files(line[match.end():])
    return rules


def _split_files(text: str) -> List[str]:
    files, current = [], []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in " #":
            current.append(text[i + 1])
            i += 2
            continue
        if char == "$" and text.startswith("$$", i):
            current.append("$")
            i += 2
            continue
        if char.isspace():
            if current:
                files.append("".join(current))
                current = []
        else:
            current.append(char)
        i += 1
    if current:
        files.append("".join(current))
    return files


def _closure(entry: Dict[str, Any], files: Sequence[str]) -> Closure:
    main = os.path.normpath(entry["file"])
    seen = {main}
    headers = []
    for name in files:
        path = os.path.normpath(os.path.join(entry["directory"], name))
        if path not in seen:
            seen.add(path)
            headers.append(path)
    return Closure(main, tuple(headers))


def scan(entries: Sequence[Dict[str, Any]], toolchain: Toolchain, jobs: int,
         warnings: Optional[IO[str]] = None) -> List[Optional[Closure]]:
    """The closure of each entry (the dicts compile_db.select returns),
    parallel to entries; None for an entry clang-scan-deps could not scan,
    whose errors are reported once, as a warning, on warnings (stderr)."""
    if not entries:
        return []
    scanner = toolchain.clang_scan_deps()
    with tempfile.TemporaryDirectory(prefix="thread-tidy-scan-") as scratch:
        database = os.path.join(scratch, compile_db.DATABASE)
        compile_db.write(database, [
            dict(directory=entry["directory"], file=entry["file"],
                 arguments=scan_arguments(entry, index))
            for index, entry in enumerate(entries)])
        try:
            done = subprocess.run(
                [scanner, "-compilation-database", database,
                 "-format", "make", "-j", str(max(1, jobs))],
                capture_output=True, text=True, errors="replace",
                check=False)
            output, errors = done.stdout, done.stderr
        except OSError as err:
            output, errors = "", "cannot run %s: %s" % (scanner,
                                                        err.strerror)
    rules = parse_rules(output)
    closures = [_closure(entry, rules[index]) if index in rules else None
                for index, entry in enumerate(entries)]
    _warn_unscanned(closures, entries, errors, warnings or sys.stderr)
    return closures


def _warn_unscanned(closures: Sequence[Optional[Closure]],
                    entries: Sequence[Dict[str, Any]], errors: str,
                    out: IO[str]) -> None:
    failed = [entry["file"] for entry, closure in zip(entries, closures)
              if closure is None]
    if not failed:
        return
    quoted = [line for line in errors.splitlines() if line.strip()]
    out.write("thread-tidy: warning: clang-scan-deps could not scan %d "
              "file%s (analysed in full): %s\n"
              % (len(failed), "" if len(failed) == 1 else "s",
                 ", ".join(failed[:3]) + (", ..." if len(failed) > 3
                                          else "")))
    for line in quoted[:QUOTED_LINES]:
        out.write("  %s\n" % line)
