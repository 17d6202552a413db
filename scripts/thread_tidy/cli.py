"""The thread-tidy command line: which mode an argument list asks for, and
the options of each.

  thread-tidy [clang-tidy options] FILES... [-- COMPILER FLAGS]
  thread-tidy -p BUILD [paths...] [-j N] [--shard K/N] [--format F] [-o FILE]
              [--report FILE.html] [--baseline FILE] [--write-baseline FILE]
              [--exit-zero] [--checks ...] [--config-file ...]
  thread-tidy diff -p BUILD [options] [-- GIT-DIFF-ARGS]
  thread-tidy merge [--format F] [-o FILE] [--report FILE.html] INPUT...

With -p and nothing but the options above, thread-tidy analyses the
compilation database (the project mode); any other command line goes to
clang-tidy unchanged, with the plugin loaded.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from typing import List, NoReturn, Sequence, Tuple

from . import commands, formats
from .errors import ThreadTidyError
from .toolchain import Installation


class ToolError(ThreadTidyError):
    pass


# clang-tidy spells its options with one dash or two; argparse wants two.
_SINGLE_DASH = re.compile(r"^-(checks|config-file|header-filter|extra-arg|"
                          r"extra-arg-before|quiet)(=|$)")


def _normalize_dashes(argv: Sequence[str]) -> List[str]:
    return ["-" + a if _SINGLE_DASH.match(a) else a for a in argv]


def _shard(text: str) -> Tuple[int, int]:
    match = re.fullmatch(r"(\d+)/(\d+)", text)
    if not match or not 1 <= int(match.group(1)) <= int(match.group(2)):
        raise argparse.ArgumentTypeError(
            "expected K/N with 1 <= K <= N, e.g. 2/4")
    return int(match.group(1)), int(match.group(2))


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError("expected a positive number")
    return int(text)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise ToolError(message)


def _output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=formats.NAMES, default="text")
    parser.add_argument("-o", "--output", metavar="FILE")
    parser.add_argument("--report", metavar="FILE.html")
    parser.add_argument("--baseline", metavar="FILE")
    parser.add_argument("--write-baseline", metavar="FILE")
    parser.add_argument("--exit-zero", action="store_true")
    parser.add_argument("--root", metavar="DIR")
    parser.add_argument("--docs-url", metavar="URL")


def _run_options(parser: argparse.ArgumentParser, diff: bool = False) -> None:
    parser.add_argument("-p", "--p", dest="build", metavar="BUILD_DIR",
                        required=True)
    parser.add_argument("-j", "--jobs", type=_jobs,
                        default=os.cpu_count() or 1)
    parser.add_argument("--checks")
    parser.add_argument("--config-file")
    if not diff:  # clang-tidy-diff reports changed lines only
        parser.add_argument("--header-filter", default=".*")
    parser.add_argument("--extra-arg", action="append", default=[])
    parser.add_argument("--extra-arg-before", action="append", default=[])
    parser.add_argument("--quiet", action="store_true",
                        help="no progress lines")


def project_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="thread-tidy", add_help=False)
    _run_options(parser)
    _output_options(parser)
    parser.add_argument("--shard", type=_shard, metavar="K/N")
    parser.add_argument("paths", nargs="*")
    return parser


def diff_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="thread-tidy diff", add_help=False)
    _run_options(parser, diff=True)
    _output_options(parser)
    return parser


def merge_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="thread-tidy merge", add_help=False)
    _output_options(parser)
    parser.add_argument("inputs", nargs="+")
    return parser


def is_project_invocation(argv: Sequence[str]) -> bool:
    """-p with nothing but our own options and paths: a whole-project run.
    Anything clang-tidy-specific (--fix, --export-fixes, '--' flags...)
    keeps the plain clang-tidy pass-through."""
    if not argv or "--" in argv:
        return False
    if not any(re.match(r"--?p(=|$)", a) for a in argv):
        return False
    try:
        _, unknown = project_parser().parse_known_args(
            _normalize_dashes(argv))
    except ToolError:
        return True  # ours, but wrong: let the project parser say why
    return not unknown


def split_git_args(argv: Sequence[str]) -> Tuple[List[str], List[str]]:
    if "--" in argv:
        index = list(argv).index("--")
        return list(argv[:index]), list(argv[index + 1:])
    return list(argv), []


def main(argv: Sequence[str], installation: Installation) -> int:
    argv = list(argv)
    try:
        if argv and argv[0] == "merge":
            return commands.merge(merge_parser().parse_args(argv[1:]))
        if argv and argv[0] == "diff":
            rest, git_args = split_git_args(argv[1:])
            return commands.diff(
                diff_parser().parse_args(_normalize_dashes(rest)), git_args,
                installation)
        if is_project_invocation(argv):
            return commands.project(
                project_parser().parse_args(_normalize_dashes(argv)),
                installation)
        return commands.pass_through(argv, installation)
    except ThreadTidyError as err:
        sys.stderr.write("thread-tidy: error: %s\n" % err)
        return commands.EXIT_TOOL
    except KeyboardInterrupt:
        return commands.EXIT_TOOL
