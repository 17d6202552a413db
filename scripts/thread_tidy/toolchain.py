"""Which clang-tidy, plugin and LLVM runner scripts a run uses.

The plugin has no copy of LLVM in it: it only works in the clang-tidy of the
LLVM major it was built for, so that major is checked before anything runs.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from typing import List, NoReturn, Optional

from . import __version__
from .errors import ThreadTidyError

PLUGIN_NAME = "libThreadTidy.so"


class ToolchainError(ThreadTidyError):
    pass


@dataclass(frozen=True)
class Installation:
    """What the installed thread-tidy command was configured with."""
    bin_dir: str  # where the thread-tidy command is
    llvm_major: int  # the LLVM the plugin was built for
    configured_clang_tidy: str  # the clang-tidy CMake found
    default_checks: str  # --checks when the user gives none

    def plugin(self) -> str:
        explicit = os.environ.get("THREAD_TIDY_PLUGIN")
        return os.path.normpath(explicit or os.path.join(
            self.bin_dir, os.pardir, "lib", PLUGIN_NAME))

    def clang_tidy(self) -> str:
        explicit = os.environ.get("THREAD_TIDY_CLANG_TIDY")
        if explicit:
            return explicit
        major = self.llvm_major
        for candidate in (self.configured_clang_tidy,
                          "/usr/lib/llvm-%d/bin/clang-tidy" % major,
                          shutil.which("clang-tidy-%d" % major)):
            if candidate and os.access(candidate, os.X_OK):
                return candidate
        raise ToolchainError("clang-tidy %d not found; install clang-tidy-%d"
                             % (major, major))


def clang_tidy_version(clang_tidy: str) -> str:
    """What `clang-tidy --version` prints, e.g. 'Debian LLVM version
    22.1.8\n  Optimized build.\n'."""
    try:
        out = subprocess.run([clang_tidy, "--version"], capture_output=True,
                             text=True, check=False).stdout
    except OSError as err:
        raise ToolchainError("cannot run %s: %s" % (clang_tidy, err.strerror))
    if not re.search(r"LLVM version \d+", out):
        raise ToolchainError("cannot tell the LLVM version of %s"
                             % clang_tidy)
    return out


def major_of(version: str) -> int:
    return int(re.search(r"LLVM version (\d+)", version).group(1))


def _first_existing(paths: List[Optional[str]]) -> Optional[str]:
    return next((p for p in paths if p and os.path.exists(p)), None)


@dataclass(frozen=True)
class Toolchain:
    clang_tidy: str
    plugin: str
    major: int
    default_checks: str

    def llvm_roots(self) -> List[str]:
        """Where the runner scripts of the same LLVM are: beside this
        clang-tidy when it sits in an LLVM tree, else those of LLVM <major>
        (never an unversioned one, which may be another major)."""
        roots = ["/usr/lib/llvm-%d" % self.major]
        tree = os.path.dirname(os.path.dirname(os.path.realpath(
            self.clang_tidy)))
        beside = os.path.join(tree, "bin", "clang-tidy")
        if os.path.exists(beside) and os.path.samefile(beside,
                                                       self.clang_tidy):
            roots.insert(0, tree)
        return roots

    def run_clang_tidy(self) -> str:
        found = _first_existing(
            [os.path.join(r, "bin", "run-clang-tidy")
             for r in self.llvm_roots()] +
            [shutil.which("run-clang-tidy-%d" % self.major)])
        return found or self._missing("run-clang-tidy")

    def clang_tidy_diff(self) -> str:
        found = _first_existing(
            [os.path.join(r, "share", "clang", "clang-tidy-diff.py")
             for r in self.llvm_roots()] +
            [shutil.which("clang-tidy-diff-%d.py" % self.major)])
        return found or self._missing("clang-tidy-diff.py")

    def clang_scan_deps(self) -> str:
        """The dependency scanner the relevance selection reads include
        closures from; of the same major, for the same preprocessor."""
        found = _first_existing(
            [os.path.join(r, "bin", "clang-scan-deps")
             for r in self.llvm_roots()] +
            [shutil.which("clang-scan-deps-%d" % self.major)])
        if found:
            return found
        raise ToolchainError(
            "clang-scan-deps of LLVM %d not found; install clang-tools-%d, "
            "or pass --all-files to analyse every file"
            % (self.major, self.major))

    def _missing(self, script: str) -> NoReturn:
        raise ToolchainError("%s of LLVM %d not found; install clang-tidy-%d"
                             % (script, self.major, self.major))

    def version(self) -> str:
        """The tool version results record: thread-tidy's and the LLVM
        major's."""
        return "%s+llvm%d" % (__version__, self.major)


def resolve(installation: Installation) -> Toolchain:
    """The plugin and a clang-tidy of its major, or why not."""
    plugin = installation.plugin()
    if not os.path.exists(plugin):
        raise ToolchainError("plugin not found: %s" % plugin)
    clang_tidy = installation.clang_tidy()
    major = major_of(clang_tidy_version(clang_tidy))
    built_for = installation.llvm_major
    if major != built_for:
        raise ToolchainError(
            "%s was built for LLVM %d but %s is LLVM %d; use clang-tidy-%d "
            "or rebuild with LLVM_MAJOR=%d"
            % (PLUGIN_NAME, built_for, clang_tidy, major, built_for, major))
    return Toolchain(clang_tidy, plugin, major, installation.default_checks)
