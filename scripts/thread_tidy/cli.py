"""The thread-tidy command line: its subcommands, their options and help,
and which mode an argument list asks for.

  thread-tidy [run] [clang-tidy options] FILE... [-- COMPILER FLAGS]
  thread-tidy [run] -p BUILD_DIR [PATH...] [project options]
  thread-tidy diff -p BUILD_DIR [options] [-- GIT DIFF ARGUMENTS]
  thread-tidy merge [options] RESULT...

`run` is the default command. With -p and only thread-tidy's own options it
analyses the compilation database (the project mode); with any other
clang-tidy option, or with `--`, the arguments go to clang-tidy unchanged
(the pass-through mode), as clang-tidy's own command line.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass, field
from typing import Dict, List, NoReturn, Optional, Sequence, Tuple

from . import commands, formats, interrupt
from .errors import ThreadTidyError
from .toolchain import Installation

PROG = "thread-tidy"
HELP = ("-h", "--help")
VERSION = "--version"
CLANG_TIDY_HELP = "--clang-tidy-help"

RUN_USAGE = """\
thread-tidy [run] [CLANG-TIDY OPTIONS] FILE... [-- COMPILER FLAGS]
       thread-tidy [run] -p BUILD_DIR [PATH...] [PROJECT OPTIONS]"""
USAGE = RUN_USAGE + """
       thread-tidy diff -p BUILD_DIR [OPTIONS] [-- GIT DIFF ARGUMENTS]
       thread-tidy merge [OPTIONS] RESULT...
       thread-tidy --version | --clang-tidy-help"""

DESCRIPTION = """\
clang-tidy with the threads-* checks loaded: std::thread lifetime bugs and
lost thread exceptions. It runs the clang-tidy of the LLVM major the plugin
was built for. Without --checks it enables the threads-* bug checks only
(not the opt-in modernizations; CheckOptions from .clang-tidy still
apply)."""

EPILOG = """\
environment:
  THREAD_TIDY_CLANG_TIDY  run this clang-tidy binary instead
  THREAD_TIDY_PLUGIN      load this plugin instead of ../lib/libThreadTidy.so

exit status (project mode, diff and merge): 0 nothing (new) found, 1
findings or files with compiler errors, 2 thread-tidy could not run, 130
interrupted (Ctrl-C). The pass-through mode exits as clang-tidy does. See
docs/ci.md."""

RUN_DESCRIPTION = """\
With -p and nothing but the options below, analyses every file of the
compilation database in BUILD_DIR in parallel (or those under PATH...),
writes the findings and a summary line, and exits 1 when there are
findings.
With any other clang-tidy option (--fix, --export-fixes, ...) or with `--`,
every argument goes to clang-tidy unchanged, with the plugin loaded
(thread-tidy --clang-tidy-help lists clang-tidy's options)."""

DIFF_DESCRIPTION = """\
Analyses the files a change touches and reports the findings on its
changed lines only (LLVM's clang-tidy-diff with the plugin loaded). The
arguments after `--` select the change, as for `git diff` (default: HEAD,
the uncommitted changes; `-- --cached`: the staged ones)."""

MERGE_DESCRIPTION = """\
Combines the JSON or SARIF results of several runs (the shards of a CI
matrix) into the results of one run: the union of the analysed files, the
findings without duplicates. Needs no clang-tidy."""

# clang-tidy spells its options with one dash or two; argparse wants two.
_SINGLE_DASH = re.compile(r"^-(checks|config-file|header-filter|extra-arg|"
                          r"extra-arg-before|quiet)(=|$)")


class UsageError(ThreadTidyError):
    pass


class _Parser(argparse.ArgumentParser):
    """Reports errors as one line (main prints it) instead of exiting."""

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_abbrev", False)
        kwargs.setdefault("formatter_class",
                          argparse.RawDescriptionHelpFormatter)
        super().__init__(**kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


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


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("output")
    group.add_argument("--format", choices=formats.NAMES, default="text",
                       help="results as text (default), json or sarif")
    group.add_argument("-o", "--output", metavar="FILE",
                       help="write the results to FILE, not stdout")
    group.add_argument("--report", metavar="FILE.html",
                       help="also write the HTML audit report")
    group.add_argument("--baseline", metavar="FILE",
                       help="report only findings this baseline does not "
                       "hold")
    group.add_argument("--write-baseline", metavar="FILE",
                       help="record the findings as known, and exit 0")
    group.add_argument("--exit-zero", action="store_true",
                       help="exit 0 even with findings")
    group.add_argument("--root", metavar="DIR",
                       help="paths in the output, shard hashes and baseline "
                       "keys are relative to DIR (default: the current "
                       "directory)")
    group.add_argument("--docs-url", metavar="URL",
                       help="base URL of the check pages that SARIF and the "
                       "report link to (default: the installed docs)")


def _add_clang_tidy_options(parser: argparse.ArgumentParser,
                            diff: bool) -> None:
    group = parser.add_argument_group("analysis")
    group.add_argument("-p", "--p", dest="build", metavar="BUILD_DIR",
                       required=diff,
                       help="the directory of compile_commands.json")
    group.add_argument("-j", "--jobs", type=_jobs,
                       default=os.cpu_count() or 1,
                       help="clang-tidy processes in parallel (default: "
                       "the core count)")
    group.add_argument("--checks", metavar="LIST",
                       help="clang-tidy's --checks (default: the threads-* "
                       "bug checks)")
    group.add_argument("--config-file", metavar="FILE",
                       help="clang-tidy's --config-file%s"
                       % (" (LLVM 19 and later)" if diff else ""))
    if not diff:  # clang-tidy-diff reports changed lines only
        group.add_argument("--header-filter", metavar="REGEX", default=".*",
                           help="headers whose findings are shown (default: "
                           "all)")
    group.add_argument("--extra-arg", metavar="ARG", action="append",
                       default=[], help="a compiler argument to append")
    group.add_argument("--extra-arg-before", metavar="ARG", action="append",
                       default=[], help="a compiler argument to prepend")
    group.add_argument("--quiet", action="store_true",
                       help="no progress lines")
    if not diff:
        group.add_argument("--shard", type=_shard, metavar="K/N",
                           help="only the K-th of N stable slices of the "
                           "database")
        group.add_argument("--cache-dir", metavar="DIR",
                           help="reuse the findings of analyses whose "
                           "inputs did not change, kept in DIR (default: "
                           "$XDG_CACHE_HOME/thread-tidy)")
        group.add_argument("--no-cache", action="store_true",
                           help="analyse every file anew and keep nothing")
        group.add_argument("--all-files", action="store_true",
                           help="analyse every file; by default a file is "
                           "skipped when nothing it includes can reach a "
                           "thread API (docs/ci.md)")
        group.add_argument("--explain-selection", action="store_true",
                           help="say for each file whether it is analysed "
                           "and why, on stderr")


def _add_global_flags(parser: argparse.ArgumentParser) -> None:
    """Only listed in the help: main handles them before parsing."""
    parser.add_argument(VERSION, action="store_true",
                        help="thread-tidy's version and the clang-tidy it "
                        "runs")
    parser.add_argument(CLANG_TIDY_HELP, action="store_true",
                        help="clang-tidy's own help: its options pass "
                        "through")


@dataclass
class Parsers:
    top: argparse.ArgumentParser
    run: argparse.ArgumentParser
    diff: argparse.ArgumentParser
    merge: argparse.ArgumentParser


def parsers() -> Parsers:
    top = _Parser(prog=PROG, usage=USAGE, description=DESCRIPTION,
                  epilog=EPILOG)
    _add_global_flags(top)
    sub = top.add_subparsers(title="commands", dest="command",
                             metavar="COMMAND")
    run = sub.add_parser(
        "run", usage=RUN_USAGE,
        description=RUN_DESCRIPTION, epilog=EPILOG,
        help="the default: the checks on FILEs, or on a whole compilation "
        "database with -p")
    _add_global_flags(run)
    _add_clang_tidy_options(run, diff=False)
    _add_output_options(run)
    run.add_argument("paths", nargs="*", metavar="PATH",
                     help="only files of the database under these paths")
    diff = sub.add_parser(
        "diff", usage="thread-tidy diff -p BUILD_DIR [OPTIONS] "
        "[-- GIT DIFF ARGUMENTS]", description=DIFF_DESCRIPTION,
        epilog=EPILOG, help="only the lines a change touches")
    _add_clang_tidy_options(diff, diff=True)
    _add_output_options(diff)
    merge = sub.add_parser(
        "merge", usage="thread-tidy merge [OPTIONS] RESULT...",
        description=MERGE_DESCRIPTION, epilog=EPILOG,
        help="combine the JSON or SARIF results of several runs")
    _add_output_options(merge)
    merge.add_argument("inputs", nargs="+", metavar="RESULT",
                       help="a thread-tidy JSON or SARIF file")
    return Parsers(top, run, diff, merge)


# --- which mode --------------------------------------------------------------

def normalize_dashes(argv: Sequence[str]) -> List[str]:
    return ["-" + a if _SINGLE_DASH.match(a) else a for a in argv]


def split_at_dashes(argv: Sequence[str]) -> Tuple[List[str], List[str],
                                                  bool]:
    """(the arguments before a bare `--`, those after it, whether there
    was one)."""
    if "--" not in argv:
        return list(argv), [], False
    index = list(argv).index("--")
    return list(argv[:index]), list(argv[index + 1:]), True


# Short options whose value may follow without a blank (-j4, -oFILE). Not
# -p: clang-tidy has options that start with it (-print-all-options).
_ATTACHED_VALUE = ("-j", "-o")
# Options of `run` that clang-tidy has too.
_SHARED_WITH_CLANG_TIDY = ("-p", "--p", "--checks", "--config-file",
                           "--header-filter", "--extra-arg",
                           "--extra-arg-before", "--quiet")


def _options(parser: argparse.ArgumentParser) -> Dict[str, bool]:
    """option string -> whether it takes a value. (argparse has no public
    way to list a parser's options.)"""
    return {option: action.nargs != 0
            for action in parser._actions for option in action.option_strings}


class RunArguments:
    """The arguments of `run`, and which of its modes they ask for: with -p
    and nothing but thread-tidy's own options, the project mode; else the
    pass-through to clang-tidy (--fix, --export-fixes, `--` and compiler
    flags...)."""

    def __init__(self, argv: Sequence[str], parser: argparse.ArgumentParser):
        self.before, _, self.has_dashes = split_at_dashes(
            normalize_dashes(argv))
        self.options = _options(parser)

    def is_ours(self, argument: str) -> bool:
        return (argument.split("=", 1)[0] in self.options or
                argument[:2] in _ATTACHED_VALUE and
                argument[:2] in self.options)

    def gives_build_dir(self) -> bool:
        return any(re.match(r"--?p(=|$)", a) for a in self.before)

    def foreign_options(self) -> List[str]:
        """The options thread-tidy does not know: clang-tidy's."""
        foreign = []
        value_next = False
        for argument in self.before:
            if value_next:
                value_next = False
            elif argument.startswith("-") and argument != "-":
                if self.is_ours(argument):
                    value_next = self.options.get(argument, False)
                else:
                    foreign.append(argument)
        return foreign

    def project_only_options(self) -> List[str]:
        """Options of the project mode that clang-tidy does not have."""
        shared = _SHARED_WITH_CLANG_TIDY + HELP + (VERSION, CLANG_TIDY_HELP)
        return [a.split("=", 1)[0] for a in self.before
                if a.startswith("-") and self.is_ours(a) and
                a.split("=", 1)[0] not in shared]

    def is_project_run(self) -> bool:
        return (self.gives_build_dir() and not self.has_dashes and
                not self.foreign_options())

    def check_pass_through(self) -> None:
        """Project options would reach clang-tidy, which rejects them with
        a less helpful message."""
        misplaced = self.project_only_options()
        if not misplaced:
            return
        if not self.gives_build_dir():
            raise UsageError("%s needs -p BUILD_DIR (the project mode)"
                             % misplaced[0])
        if self.has_dashes:
            raise UsageError("%s is an option of the project mode, which "
                             "takes no '--'" % misplaced[0])
        raise UsageError("%s is an option of the project mode, which takes "
                         "no clang-tidy option such as %s"
                         % (misplaced[0], self.foreign_options()[0]))


# --- parsing and dispatch ----------------------------------------------------

@dataclass
class Invocation:
    """What an argument list asks for. mode is "help", "version",
    "clang-tidy-help", "pass-through", "project", "diff" or "merge"; args
    are the parsed options of a project run, a diff or a merge; rest is
    clang-tidy's argument list (pass-through) or git diff's (diff); text is
    the help to print (help)."""
    mode: str
    args: Optional[argparse.Namespace] = None
    rest: List[str] = field(default_factory=list)
    text: str = ""


def _asks_for_help(argv: Sequence[str]) -> bool:
    before, _, _ = split_at_dashes(argv)
    return any(a in HELP for a in before)


def _parse_run(argv: List[str], parsers_: Parsers) -> Invocation:
    if not argv:
        raise UsageError("no files given; thread-tidy --help explains the "
                         "commands")
    before, _, _ = split_at_dashes(argv)
    if _asks_for_help(argv):
        return Invocation("help", text=parsers_.run.format_help())
    if VERSION in before:
        return Invocation("version")
    if CLANG_TIDY_HELP in before:
        return Invocation("clang-tidy-help")
    arguments = RunArguments(argv, parsers_.run)
    if arguments.is_project_run():
        return Invocation("project", parsers_.run.parse_intermixed_args(
            normalize_dashes(argv)))
    arguments.check_pass_through()
    return Invocation("pass-through", rest=argv)


def parse(argv: Sequence[str]) -> Invocation:
    """The mode and options of a thread-tidy command line; UsageError when
    it is not one."""
    argv = list(argv)
    parsers_ = parsers()
    command, rest = (argv[0], argv[1:]) if argv else ("", [])
    if command in HELP:
        return Invocation("help", text=parsers_.top.format_help())
    if command == "diff":
        if _asks_for_help(rest):
            return Invocation("help", text=parsers_.diff.format_help())
        before, git_arguments, _ = split_at_dashes(rest)
        return Invocation("diff", parsers_.top.parse_args(
            ["diff"] + normalize_dashes(before)), git_arguments)
    if command == "merge":
        if _asks_for_help(rest):
            return Invocation("help", text=parsers_.merge.format_help())
        return Invocation("merge", parsers_.top.parse_args(argv))
    return _parse_run(rest if command == "run" else argv, parsers_)


def execute(invocation: Invocation, installation: Installation) -> int:
    mode = invocation.mode
    if mode == "help":
        sys.stdout.write(invocation.text)
        return commands.EXIT_CLEAN
    if mode == "version":
        return commands.version(installation)
    if mode == "clang-tidy-help":
        return commands.clang_tidy_help(installation)
    if mode == "pass-through":
        return commands.pass_through(invocation.rest, installation)
    if mode == "project":
        return commands.project(invocation.args, installation)
    if mode == "diff":
        return commands.diff(invocation.args, invocation.rest, installation)
    return commands.merge(invocation.args)


def main(argv: Sequence[str], installation: Installation) -> int:
    try:
        return execute(parse(argv), installation)
    except ThreadTidyError as err:
        sys.stderr.write("%s: error: %s\n" % (PROG, err))
        return commands.EXIT_TOOL
    except KeyboardInterrupt as err:
        sys.stderr.write(interrupt.message(err))
        return interrupt.EXIT_INTERRUPTED
