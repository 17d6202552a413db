"""What a change touches, from git: the changed files and the diff of their
lines.

The file names come from `git diff -z --name-only`, verbatim (git quotes
names with spaces, quotes or non-ASCII characters everywhere else). The -U0
diff itself is what clang-tidy-diff reads to keep only changed lines.
"""
from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from typing import List, Sequence

from .errors import ThreadTidyError

# The sources and headers a diff run analyses (clang-tidy-diff's -iregex).
SOURCE_SUFFIX = re.compile(
    r"\.(cpp|cc|c\+\+|cxx|cppm|ccm|cxxm|c|h|hh|hpp|hxx|inc|ipp|tpp)$", re.I)
# What to compare with when no git arguments are given.
DEFAULT_REVISION = "HEAD"
# Characters clang-tidy-diff cannot read in a file name: it takes the name
# up to the first blank or quote of the diff's "+++ b/NAME" line, and git
# quotes names with a quote, backslash or control character.
_UNREADABLE_BY_CLANG_TIDY_DIFF = re.compile(r'[\s"\\\x00-\x1f\x7f]')


class GitError(ThreadTidyError):
    pass


@dataclass
class Change:
    top: str  # the working tree's top level
    files: List[str]  # changed files (not deleted), relative to top
    diff: bytes  # git diff -U0 of the same change


def _git(arguments: Sequence[str], cwd: str) -> bytes:
    try:
        return subprocess.run(["git"] + list(arguments), capture_output=True,
                              check=True, cwd=cwd).stdout
    except OSError as err:
        raise GitError("git diff failed: cannot run git: %s" % err.strerror)
    except subprocess.CalledProcessError as err:
        raise GitError("git diff failed: %s" % err.stderr.decode(
            "utf-8", "replace").strip())


def top_level(directory: str) -> str:
    out = _git(["rev-parse", "--show-toplevel"], directory)
    return os.fsdecode(out.rstrip(b"\n"))


def changed_files(top: str, git_arguments: Sequence[str]) -> List[str]:
    """Files the change adds, modifies, renames or copies (not deletes),
    relative to top, exactly as named on disk."""
    out = _git(["diff", "-z", "--name-only", "--diff-filter=d"] +
               list(git_arguments), top)
    return [os.fsdecode(name) for name in out.split(b"\0") if name]


def unified_diff(top: str, git_arguments: Sequence[str]) -> bytes:
    # core.quotePath=false: clang-tidy-diff cannot read git's quoted names
    # of non-ASCII paths.
    return _git(["-c", "core.quotePath=false", "diff", "-U0", "--no-color",
                 "--no-ext-diff", "--no-textconv"] +
                list(git_arguments), top)


def read_change(directory: str, git_arguments: Sequence[str]) -> Change:
    """The change git_arguments select (default: against HEAD) in the
    repository that holds directory."""
    arguments = list(git_arguments) or [DEFAULT_REVISION]
    top = top_level(directory)
    return Change(top, changed_files(top, arguments),
                  unified_diff(top, arguments))


def sources(files: Sequence[str]) -> List[str]:
    return [name for name in files if SOURCE_SUFFIX.search(name)]


def unreadable_by_clang_tidy_diff(name: str) -> bool:
    return bool(_UNREADABLE_BY_CLANG_TIDY_DIFF.search(name))
