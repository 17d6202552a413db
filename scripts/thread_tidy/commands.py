"""What each mode of thread-tidy does, once cli.py has parsed its
arguments: the pass-through to clang-tidy, a project run, a diff run, a
merge, and writing the results of the last three.

Exit status of a project run, a diff run and a merge: 0 nothing (new)
found, 1 findings or files with compiler errors, 2 thread-tidy could not
run (the results may be incomplete).
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import time
from typing import List, NoReturn, Optional, Sequence, Tuple

from . import __version__, baseline, compile_db, formats, gitdiff, keys
from . import include_closure, model, relevance, report, upload_limits
from .cache import ContentHashes, ResultCache, RunIdentity, default_directory
from .errors import ThreadTidyError
from .model import Results
from .rules import Catalogue
from .project_run import ProjectRunner
from .runner import ClangTidyOptions, Outcome, Runner
from .sources import display_path
from .text_format import summary_line
from .toolchain import (Installation, Toolchain, ToolchainError,
                        clang_tidy_version, resolve)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_TOOL = 0, 1, 2


class OutputError(ThreadTidyError):
    pass


def _exec(command: List[str]) -> NoReturn:
    sys.stdout.flush()
    try:
        os.execv(command[0], command)
    except OSError as err:
        raise ThreadTidyError("cannot run %s: %s" % (command[0],
                                                     err.strerror))


# --- clang-tidy itself -------------------------------------------------------

def version(installation: Installation) -> int:
    """thread-tidy's version, then the clang-tidy it runs and what that
    prints for --version, verbatim: tools that take thread-tidy for
    clang-tidy read the LLVM version from there."""
    print("thread-tidy %s (threads-* checks for LLVM %d)"
          % (__version__, installation.llvm_major))
    sys.stdout.flush()
    toolchain = resolve(installation)
    print("plugin: %s" % toolchain.plugin)
    print("clang-tidy: %s" % toolchain.clang_tidy)
    sys.stdout.write(clang_tidy_version(toolchain.clang_tidy))
    return EXIT_CLEAN


def clang_tidy_help(installation: Installation) -> NoReturn:
    _exec([installation.clang_tidy(), "--help"])


def pass_through_command(argv: Sequence[str],
                         toolchain: Toolchain) -> List[str]:
    """clang-tidy with the plugin loaded, the default checks unless argv
    has --checks (arguments after `--` are compiler flags, not ours to
    inspect), then argv unchanged."""
    ours = argv[:list(argv).index("--")] if "--" in argv else argv
    command = [toolchain.clang_tidy, "--load=" + toolchain.plugin]
    if not any(re.match(r"--?checks(=|$)", a) for a in ours):
        command.append("--checks=" + toolchain.default_checks)
    return command + list(argv)


def pass_through(argv: Sequence[str], installation: Installation) -> NoReturn:
    _exec(pass_through_command(argv, resolve(installation)))


# --- project and diff runs ---------------------------------------------------

def _root(args: argparse.Namespace) -> str:
    return os.path.abspath(args.root or os.getcwd())


def _clang_tidy_options(args: argparse.Namespace) -> ClangTidyOptions:
    # The diff runner works from the repository's top level: a relative
    # --config-file is the user's, from here.
    return ClangTidyOptions(
        checks=args.checks,
        config_file=args.config_file and os.path.abspath(args.config_file),
        header_filter=getattr(args, "header_filter", None),
        extra_arg=args.extra_arg, extra_arg_before=args.extra_arg_before,
        jobs=args.jobs, quiet=args.quiet)


def _results(outcome: Outcome, files: Sequence[str], root: str,
             seconds: float, toolchain: Toolchain) -> Results:
    return Results(root, [display_path(path, root) for path in files],
                   outcome.findings, outcome.errors, seconds,
                   toolchain.version(), failure=outcome.failure)


def _result_cache(args: argparse.Namespace, toolchain: Toolchain,
                  options: ClangTidyOptions) -> Optional[ResultCache]:
    """The cache of this run's analyses, or None with --no-cache."""
    if args.no_cache:
        return None
    hashes = ContentHashes()
    identity = RunIdentity(
        clang_tidy_version=clang_tidy_version(toolchain.clang_tidy),
        clang_tidy_digest=hashes.of(os.path.realpath(
            toolchain.clang_tidy)) or "",
        plugin_digest=hashes.of(toolchain.plugin) or "",
        checks=options.checks if options.checks is not None
        else toolchain.default_checks,
        header_filter=options.header_filter,
        config_file_digest=options.config_file and (
            hashes.of(options.config_file) or "unreadable"),
        extra_arg=tuple(options.extra_arg),
        extra_arg_before=tuple(options.extra_arg_before))
    return ResultCache(os.path.abspath(args.cache_dir or default_directory()),
                       identity, hashes)


def _relevant_entries(
        entries: List[dict], args: argparse.Namespace, toolchain: Toolchain,
        root: str, cache: Optional[ResultCache]
) -> Tuple[List[dict], List[Optional[include_closure.Closure]], int]:
    """The entries to analyse (all with --all-files, else relevance.py's
    selection), their include closures (for the cache; one scan serves
    both), and how many files were skipped. Without clang-scan-deps every
    entry is analysed, uncached."""
    closures: List[Optional[include_closure.Closure]] = [None] * len(entries)
    if not entries or (args.all_files and cache is None):
        return entries, closures, 0
    try:
        if args.all_files:
            return (entries, include_closure.scan(entries, toolchain,
                                                  args.jobs), 0)
        chosen = relevance.choose(
            entries, toolchain, root, _clang_tidy_options(args),
            sys.stderr if args.explain_selection else None, cache)
    except ToolchainError as err:
        sys.stderr.write("thread-tidy: warning: %s; every file is analysed%s"
                         "\n" % (err, "" if cache is None else
                                 ", and results are not cached"))
        return entries, closures, 0
    analysed = [entries[index] for index in chosen.analysed]
    # files, as the summary counts them: of no analysed configuration
    skipped = len({entries[index]["file"] for index in chosen.skipped} -
                  {entry["file"] for entry in analysed})
    return (analysed, [chosen.closures[index] for index in chosen.analysed],
            skipped)


def project(args: argparse.Namespace, installation: Installation) -> int:
    toolchain = resolve(installation)
    root = _root(args)
    known = _prepare_outputs(args)
    selection = compile_db.select(
        compile_db.load(args.build), args.paths, args.shard, root,
        os.path.abspath(args.build))
    if selection.unmatched:
        raise ThreadTidyError(
            "%s: not in the compilation database; headers are analysed "
            "through the files that include them" % ", ".join(
                display_path(p, root) for p in selection.unmatched))
    for path in selection.missing_files:
        sys.stderr.write("thread-tidy: warning: %s is in the compilation "
                         "database but does not exist; skipped\n"
                         % display_path(path, root))
    started = time.monotonic()
    options = _clang_tidy_options(args)
    cache = _result_cache(args, toolchain, options)
    entries, closures, skipped = _relevant_entries(selection.entries, args,
                                                   toolchain, root, cache)
    outcome = ProjectRunner(toolchain, options, root, cache).run(
        entries, [closure and [closure.main] + list(closure.headers)
                  for closure in closures])
    if cache is not None and cache.write_error:
        sys.stderr.write("thread-tidy: warning: %s; results were not "
                         "cached\n" % cache.write_error)
    results = _results(outcome, compile_db.Selection(entries).files, root,
                       time.monotonic() - started, toolchain)
    results.reused = outcome.reused_files
    results.skipped = skipped
    return _finish(results, args, known)


def diff(args: argparse.Namespace, git_arguments: Sequence[str],
         installation: Installation) -> int:
    toolchain = resolve(installation)
    root = _root(args)
    known = _prepare_outputs(args)
    compile_db.load(args.build)  # a clear error before git runs
    change = gitdiff.read_change(root, git_arguments)
    changed = gitdiff.sources(change.files)
    for name in changed:
        if gitdiff.unreadable_by_clang_tidy_diff(name):
            raise ThreadTidyError(
                "%s: clang-tidy-diff cannot analyse a changed file whose "
                "path contains a space, a quote or a control character; use "
                "thread-tidy -p on it" % name)
    started = time.monotonic()
    outcome = Outcome([], [], None)
    if changed:
        outcome = Runner(toolchain, _clang_tidy_options(args), root).diff(
            change.diff, change.top, args.build,
            ".*" + gitdiff.SOURCE_SUFFIX.pattern)
    files = [os.path.join(change.top, name) for name in changed]
    return _finish(_results(outcome, files, root, time.monotonic() - started,
                            toolchain), args, known)


# --- merge -------------------------------------------------------------------

def _load_part(path: str, root: str) -> Results:
    try:
        return formats.load(path, root)
    except OSError as err:
        raise ThreadTidyError("cannot merge %s: %s" % (path, err.strerror))
    except (ValueError, KeyError, TypeError, AttributeError,
            IndexError) as err:
        raise ThreadTidyError("cannot merge %s: not a thread-tidy JSON or "
                              "SARIF result (%s)" % (path, err))


def merge(args: argparse.Namespace) -> int:
    root = _root(args)
    known = _prepare_outputs(args)
    parts = [_load_part(path, root) for path in args.inputs]
    results = model.merge(parts, parts[0].root)
    # Keys count identical fingerprints over the whole results.
    keys.assign_keys(results.findings + results.errors)
    return _finish(results, args, known)


# --- results -----------------------------------------------------------------

def _prepare_outputs(args: argparse.Namespace) -> Optional[baseline.Baseline]:
    """Before a long run: every output can be written, and the baseline
    reads. Returns the baseline (or None)."""
    for path in (args.output, args.report, args.write_baseline):
        if not path:
            continue
        directory = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(directory):
            raise OutputError("cannot write %s: directory %s does not exist"
                              % (path, directory))
        if not os.access(directory, os.W_OK) or (
                os.path.exists(path) and not os.access(path, os.W_OK)):
            raise OutputError("cannot write %s: permission denied" % path)
    if not args.baseline:
        return None
    try:
        return baseline.read(args.baseline)
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ThreadTidyError("cannot use baseline: %s" % err)


def _write(results: Results, args: argparse.Namespace) -> None:
    catalogue = Catalogue(docs_url=args.docs_url)
    try:
        if args.write_baseline:
            baseline.write(args.write_baseline, results)
        if args.output:
            with open(args.output, "w", encoding="utf-8") as handle:
                text = formats.dump(results, args.format, handle, catalogue)
        else:
            text = formats.dump(results, args.format, sys.stdout, catalogue)
            sys.stdout.flush()
        if args.format == "sarif":
            size = upload_limits.measure(text, len(results.findings))
            for line in upload_limits.warnings(size):
                sys.stderr.write("thread-tidy: warning: %s\n" % line)
        if args.report:
            report.write(args.report, results, catalogue)
    except OSError as err:
        raise OutputError("cannot write %s: %s" % (err.filename,
                                                   err.strerror))


def _finish(results: Results, args: argparse.Namespace,
            known: Optional[baseline.Baseline]) -> int:
    if known is not None:
        baseline.apply(results, known)
    _write(results, args)
    sys.stderr.write(summary_line(results) + "\n")
    if results.failure:
        sys.stderr.write("thread-tidy: error: %s\n" % results.failure)
        return EXIT_TOOL
    if args.write_baseline:
        count = len(results.findings)
        sys.stderr.write("thread-tidy: wrote %d finding%s to the baseline "
                         "%s\n" % (count, "" if count == 1 else "s",
                                   args.write_baseline))
        return EXIT_CLEAN
    if args.exit_zero:
        return EXIT_CLEAN
    return EXIT_FINDINGS if results.findings or results.errors \
        else EXIT_CLEAN
