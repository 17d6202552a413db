"""Whole-project runs, diff runs and merges of the thread-tidy command.

  thread-tidy -p BUILD [paths...] [-j N] [--shard K/N] [--format F] [-o FILE]
              [--report FILE.html] [--baseline FILE] [--write-baseline FILE]
              [--exit-zero] [--checks ...] [--config-file ...]
  thread-tidy diff -p BUILD [options] [-- GIT-DIFF-ARGS]
  thread-tidy merge [--format F] [-o FILE] [--report FILE.html] INPUT...

The parallel run itself is LLVM's run-clang-tidy (diff runs: clang-tidy-diff)
with --load; this module chooses the files, reads what they export, and
writes the results. Exit status: 0 nothing (new) found, 1 findings or files
with compiler errors, 2 thread-tidy could not run.
"""
import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

from . import baseline as baseline_mod
from . import formats
from . import gitdiff
from . import report
from .errors import ThreadTidyError
from .findings import SourceCache, findings_from_export, display_path
from .rules import Catalogue

VERSION = "1.1.0"
EXIT_CLEAN, EXIT_FINDINGS, EXIT_TOOL = 0, 1, 2


class ToolError(ThreadTidyError):
    pass


class Toolchain:
    """What the wrapper found: clang-tidy, the plugin, the LLVM scripts."""

    def __init__(self, clang_tidy, plugin, major, default_checks):
        self.clang_tidy = clang_tidy
        self.plugin = plugin
        self.major = major
        self.default_checks = default_checks
        # The runner scripts of the same LLVM: beside this clang-tidy when it
        # sits in an LLVM tree, else those of LLVM <major> (never an
        # unversioned one, which may be another major without -load).
        roots = ["/usr/lib/llvm-%d" % major]
        llvm_root = os.path.dirname(os.path.dirname(
            os.path.realpath(clang_tidy)))
        if os.path.exists(os.path.join(llvm_root, "bin", "clang-tidy")) and \
                os.path.samefile(os.path.join(llvm_root, "bin", "clang-tidy"),
                                 clang_tidy):
            roots.insert(0, llvm_root)
        self.run_clang_tidy = self._first_existing(
            *[os.path.join(r, "bin", "run-clang-tidy") for r in roots],
            shutil.which("run-clang-tidy-%d" % major))
        self.clang_tidy_diff = self._first_existing(
            *[os.path.join(r, "share", "clang", "clang-tidy-diff.py")
              for r in roots],
            shutil.which("clang-tidy-diff-%d.py" % major))

    @staticmethod
    def _first_existing(*paths):
        for path in paths:
            if path and os.path.exists(path):
                return path
        return None

    def version(self):
        return "%s+llvm%d" % (VERSION, self.major)


def python_with_yaml():
    """run-clang-tidy needs PyYAML for -export-fixes; Debian's python3 has it
    (python3-yaml), a virtualenv may not."""
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
    raise ToolError("PyYAML is needed to read clang-tidy's exported "
                    "diagnostics; install python3-yaml")


def load_yaml(path):
    try:
        import yaml
    except ImportError:
        raise ToolError("PyYAML is needed to read %s; install python3-yaml"
                        % path)
    with open(path, encoding="utf-8", errors="replace") as handle:
        try:
            return yaml.safe_load(handle) or {}
        except yaml.YAMLError as err:
            raise ToolError("cannot read %s: %s" % (path, err))


# --- arguments -------------------------------------------------------------------

# clang-tidy spells its options with one dash or two; argparse wants two.
_SINGLE_DASH = re.compile(r"^-(checks|config-file|header-filter|extra-arg|"
                          r"extra-arg-before|quiet)(=|$)")


def _normalize_dashes(argv):
    return ["-" + a if _SINGLE_DASH.match(a) else a for a in argv]


def _shard(text):
    match = re.fullmatch(r"(\d+)/(\d+)", text)
    if not match or not 1 <= int(match.group(1)) <= int(match.group(2)):
        raise argparse.ArgumentTypeError(
            "expected K/N with 1 <= K <= N, e.g. 2/4")
    return int(match.group(1)), int(match.group(2))


def _jobs(text):
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError("expected a positive number")
    return int(text)


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise ToolError(message)


def _output_options(parser):
    parser.add_argument("--format", choices=("text", "json", "sarif"),
                        default="text")
    parser.add_argument("-o", "--output", metavar="FILE")
    parser.add_argument("--report", metavar="FILE.html")
    parser.add_argument("--baseline", metavar="FILE")
    parser.add_argument("--write-baseline", metavar="FILE")
    parser.add_argument("--exit-zero", action="store_true")
    parser.add_argument("--root", metavar="DIR")
    parser.add_argument("--docs-url", metavar="URL")


def _run_options(parser, diff=False):
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


def project_parser():
    parser = _Parser(prog="thread-tidy", add_help=False)
    _run_options(parser)
    _output_options(parser)
    parser.add_argument("--shard", type=_shard, metavar="K/N")
    parser.add_argument("paths", nargs="*")
    return parser


def is_project_invocation(argv):
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


# --- compile database ------------------------------------------------------------

def load_compile_database(build_dir):
    path = os.path.join(build_dir, "compile_commands.json")
    if not os.path.exists(path):
        raise ToolError("%s not found; configure with "
                        "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON (or use bear)"
                        % path)
    try:
        with open(path, encoding="utf-8") as handle:
            entries = json.load(handle)
    except (OSError, ValueError) as err:
        raise ToolError("cannot read %s: %s" % (path, err))
    if not isinstance(entries, list):
        raise ToolError("%s is not a compilation database" % path)
    return entries


def entry_directory(entry, database_dir):
    """A relative "directory" is relative to the database's own directory."""
    directory = entry.get("directory", "") or database_dir
    return os.path.normpath(os.path.join(database_dir, directory))


def entry_file(entry, database_dir):
    path = entry.get("file", "")
    if not os.path.isabs(path):
        path = os.path.join(entry_directory(entry, database_dir), path)
    return os.path.normpath(path)


def shard_of(path, root, count):
    """Stable across machines that check the tree out at different places:
    the hash is of the path relative to the root."""
    rel = display_path(path, root)
    digest = hashlib.sha256(rel.encode("utf-8")).hexdigest()
    return int(digest[:12], 16) % count + 1


def select_entries(entries, paths, shard, root, database_dir):
    """{absolute file: entry with absolute file and directory}, the paths
    that matched nothing, and the files that do not exist."""
    wanted = [os.path.normpath(os.path.abspath(p)) for p in paths]
    selected = {}
    matched = set()
    gone = []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("file"),
                                                         str):
            continue
        path = entry_file(entry, database_dir)
        entry = dict(entry, file=path,
                     directory=entry_directory(entry, database_dir))
        if wanted:
            hit = [w for w in wanted
                   if path == w or path.startswith(w.rstrip(os.sep) + os.sep)]
            if not hit:
                continue
            matched.update(hit)
        if shard and shard_of(path, root, shard[1]) != shard[0]:
            continue
        if path in selected:
            continue
        if not os.path.exists(path):
            gone.append(path)
            continue
        selected[path] = entry
    missing = [p for p in wanted if p not in matched]
    return selected, missing, sorted(set(gone))


# --- running ------------------------------------------------------------------------

class Progress:
    def __init__(self, total, root, quiet):
        self.total = total
        self.done = 0
        self.root = root
        self.quiet = quiet
        self.tty = sys.stderr.isatty()

    def close(self):
        if self.tty and not self.quiet and 0 < self.done < self.total:
            sys.stderr.write("\n")

    def file_done(self, path):
        self.done += 1
        if self.quiet:
            return
        line = "thread-tidy: [%d/%d] %s" % (self.done, self.total,
                                             display_path(path, self.root))
        if self.tty:
            sys.stderr.write("\r\033[K" + line)
            if self.done == self.total:
                sys.stderr.write("\n")
        else:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()


def _stream(process, files, progress, log):
    """Reads run-clang-tidy's output; each clang-tidy command line it prints
    (ending with the file, which may contain spaces) marks a file as done."""
    by_name = {}
    for path in files:
        by_name.setdefault(os.path.basename(path), []).append(path)
    for raw in process.stdout:
        line = raw.decode("utf-8", "replace")
        log.append(line)
        if "clang-tidy" not in line:
            continue
        end = line.rstrip()
        for path in by_name.get(end.rsplit("/", 1)[-1], ()):
            if end.endswith(" " + path):
                progress.file_done(path)
                break
    progress.close()


def checks_args(args, toolchain):
    checks = args.checks if args.checks is not None else \
        toolchain.default_checks
    return checks


def run_project(args, toolchain, root):
    entries = load_compile_database(args.build)
    selected, missing, gone = select_entries(
        entries, args.paths, args.shard, root, os.path.abspath(args.build))
    if missing:
        raise ToolError(
            "%s: not in the compilation database; headers are analysed "
            "through the files that include them" % ", ".join(
                display_path(p, root) for p in missing))
    for path in gone:
        sys.stderr.write("thread-tidy: warning: %s is in the compilation "
                         "database but does not exist; skipped\n"
                         % display_path(path, root))
    if not toolchain.run_clang_tidy:
        raise ToolError("run-clang-tidy of LLVM %d not found; install "
                        "clang-tidy-%d" % (toolchain.major, toolchain.major))
    started = time.monotonic()
    diagnostics = []
    if selected:
        with tempfile.TemporaryDirectory(prefix="thread-tidy-") as scratch:
            # Absolute file names and directories: run-clang-tidy prints the
            # file as given, and that is how progress knows which is done.
            database = list(selected.values())
            with open(os.path.join(scratch, "compile_commands.json"), "w",
                      encoding="utf-8") as handle:
                json.dump(database, handle)
            fixes = os.path.join(scratch, "fixes.yaml")
            command = [python_with_yaml(), toolchain.run_clang_tidy,
                       "-clang-tidy-binary", toolchain.clang_tidy,
                       "-load", toolchain.plugin,
                       "-checks=" + checks_args(args, toolchain),
                       "-header-filter=" + args.header_filter,
                       "-p", scratch, "-j", str(args.jobs),
                       "-export-fixes", fixes, "-quiet"]
            if args.config_file:
                command.append("-config-file=" + args.config_file)
            command += ["-extra-arg=" + a for a in args.extra_arg]
            command += ["-extra-arg-before=" + a
                        for a in args.extra_arg_before]
            diagnostics = _run_and_collect(command, set(selected), fixes,
                                           root, args.quiet)
    findings, errors, failure = diagnostics if diagnostics else ([], [], None)
    results = formats.Results(root, [display_path(p, root) for p in selected],
                              findings, errors, time.monotonic() - started,
                              toolchain.version())
    results.failure = failure
    return results


def _run_and_collect(command, files, fixes, root, quiet, stdin=None,
                     cwd=None):
    progress = Progress(len(files), root, quiet)
    log = []
    try:
        process = subprocess.Popen(command, stdin=subprocess.PIPE if stdin
                                   else subprocess.DEVNULL,
                                   stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, cwd=cwd)
    except OSError as err:
        raise ToolError("cannot run %s: %s" % (command[1], err.strerror))
    if stdin:
        feeder = threading.Thread(target=_feed, args=(process, stdin))
        feeder.start()
    _stream(process, files, progress, log)
    rc = process.wait()
    if stdin:
        feeder.join()
    if os.path.exists(fixes):
        document = load_yaml(fixes)
        findings, errors = findings_from_export(
            document.get("Diagnostics"), root, SourceCache())
    else:
        findings, errors = [], []
    failure = None
    crash_lines = [line.strip() for line in log if re.search(
        r"(Stack dump|PLEASE submit a bug report|Segmentation fault|Aborted|"
        r"Traceback|terminated by signal|Compile command not found|"
        r"Error while processing)", line)]
    crashed = any("Compile command not found" not in line and
                  "Error while processing" not in line
                  for line in crash_lines)
    if crashed or (rc != 0 and not errors):
        # Not (only) compile errors: clang-tidy crashed on a file, or the
        # runner failed. What the other files found is still reported.
        failure = "%s exited with %d%s; the results may be incomplete:\n%s" % (
            os.path.basename(command[1]), rc,
            " (clang-tidy crashed)" if crashed else "",
            "\n".join(crash_lines[:20] + ["..."] + [
                line.rstrip() for line in log[-20:]]).rstrip())
    return findings, errors, failure


def _feed(process, data):
    try:
        process.stdin.write(data)
        process.stdin.close()
    except BrokenPipeError:
        pass


# --- diff mode ----------------------------------------------------------------------

def run_diff(args, toolchain, root, git_args):
    if not toolchain.clang_tidy_diff:
        raise ToolError("clang-tidy-diff.py of LLVM %d not found; install "
                        "clang-tidy-%d" % (toolchain.major, toolchain.major))
    load_compile_database(args.build)  # a clear error before git runs
    change = gitdiff.read_change(root, git_args)
    changed = gitdiff.sources(change.files)
    for name in changed:
        if gitdiff.unreadable_by_clang_tidy_diff(name):
            raise ToolError("%s: clang-tidy-diff cannot analyse a changed "
                            "file whose path contains a space, a quote or a "
                            "control character; use thread-tidy -p on it"
                            % name)
    changed = [os.path.join(change.top, name) for name in changed]
    started = time.monotonic()
    findings, errors, failure = [], [], None
    if changed:
        with tempfile.TemporaryDirectory(prefix="thread-tidy-") as scratch:
            fixes = os.path.join(scratch, "fixes.yaml")
            command = [python_with_yaml(), toolchain.clang_tidy_diff,
                       "-p1", "-path", os.path.abspath(args.build),
                       "-clang-tidy-binary", toolchain.clang_tidy,
                       "-load", toolchain.plugin,
                       "-checks=" + checks_args(args, toolchain),
                       "-j", str(args.jobs), "-export-fixes", fixes,
                       "-quiet", "-iregex",
                       ".*" + gitdiff.SOURCE_SUFFIX.pattern]
            if args.config_file:
                if toolchain.major < 19:
                    raise ToolError("--config-file in diff mode needs "
                                    "clang-tidy-diff of LLVM 19 or later")
                # Relative to here, not to the top level it runs from.
                command.append("-config-file=" +
                               os.path.abspath(args.config_file))
            command += ["-extra-arg=" + a for a in args.extra_arg]
            command += ["-extra-arg-before=" + a
                        for a in args.extra_arg_before]
            # clang-tidy-diff resolves the diff's paths from the top level.
            findings, errors, failure = _run_and_collect(
                command, set(), fixes, root, True, stdin=change.diff,
                cwd=change.top)
    results = formats.Results(root, [display_path(p, root) for p in changed],
                              findings, errors, time.monotonic() - started,
                              toolchain.version())
    results.failure = failure
    return results


# --- output -----------------------------------------------------------------------

def check_outputs(args):
    """Before a long run: the baseline reads, and every output can be
    written. Returns the baseline (or None)."""
    for path in (args.output, args.report, args.write_baseline):
        if not path:
            continue
        directory = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(directory):
            raise ToolError("cannot write %s: directory %s does not exist"
                            % (path, directory))
        if not os.access(directory, os.W_OK) or (
                os.path.exists(path) and not os.access(path, os.W_OK)):
            raise ToolError("cannot write %s: permission denied" % path)
    if not args.baseline:
        return None
    try:
        return baseline_mod.read(args.baseline)
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ToolError("cannot use baseline: %s" % err)


def finish(results, args, catalogue, known=None):
    if known is not None:
        baseline_mod.apply(results, known)
    try:
        if args.write_baseline:
            baseline_mod.write(args.write_baseline, results)
        if args.output:
            with open(args.output, "w", encoding="utf-8") as handle:
                formats.dump(results, args.format, handle, catalogue)
        else:
            formats.dump(results, args.format, sys.stdout, catalogue)
            sys.stdout.flush()
        if args.report:
            report.write(args.report, results, catalogue)
    except OSError as err:
        raise ToolError("cannot write %s: %s" % (err.filename, err.strerror))
    sys.stderr.write(formats.summary_line(results) + "\n")
    if results.failure:
        sys.stderr.write("thread-tidy: error: %s\n" % results.failure)
        return EXIT_TOOL
    if args.write_baseline:
        sys.stderr.write("thread-tidy: wrote %d finding%s to the baseline "
                         "%s\n" % (len(results.findings),
                                   "" if len(results.findings) == 1 else "s",
                                   args.write_baseline))
        return EXIT_CLEAN
    if args.exit_zero:
        return EXIT_CLEAN
    return EXIT_FINDINGS if results.findings or results.errors \
        else EXIT_CLEAN


def main_project(argv, toolchain):
    args = project_parser().parse_args(_normalize_dashes(argv))
    root = os.path.abspath(args.root or os.getcwd())
    known = check_outputs(args)
    results = run_project(args, toolchain, root)
    return finish(results, args, Catalogue(docs_url=args.docs_url), known)


def diff_parser():
    parser = _Parser(prog="thread-tidy diff", add_help=False)
    _run_options(parser, diff=True)
    _output_options(parser)
    return parser


def merge_parser():
    parser = _Parser(prog="thread-tidy merge", add_help=False)
    _output_options(parser)
    parser.add_argument("inputs", nargs="+")
    return parser


def split_git_args(argv):
    if "--" in argv:
        index = argv.index("--")
        return argv[:index], argv[index + 1:]
    return argv, []


def main_diff(argv, toolchain):
    argv, git_args = split_git_args(argv)
    args = diff_parser().parse_args(_normalize_dashes(argv))
    root = os.path.abspath(args.root or os.getcwd())
    known = check_outputs(args)
    results = run_diff(args, toolchain, root, git_args)
    return finish(results, args, Catalogue(docs_url=args.docs_url), known)


def main_merge(argv):
    args = merge_parser().parse_args(argv)
    root = os.path.abspath(args.root or os.getcwd())
    known = check_outputs(args)
    parts = []
    for path in args.inputs:
        try:
            parts.append(formats.load(path, root))
        except OSError as err:
            raise ToolError("cannot merge %s: %s" % (path, err.strerror))
        except (ValueError, KeyError, TypeError, AttributeError,
                IndexError) as err:
            raise ToolError("cannot merge %s: not a thread-tidy JSON or "
                            "SARIF result (%s)" % (path, err))
    results = formats.merge(parts, parts[0].root if parts else root)
    return finish(results, args, Catalogue(docs_url=args.docs_url), known)


def main(argv, toolchain):
    try:
        if argv and argv[0] == "merge":
            return main_merge(argv[1:])
        if argv and argv[0] == "diff":
            return main_diff(argv[1:], toolchain)
        return main_project(argv, toolchain)
    except ThreadTidyError as err:
        sys.stderr.write("thread-tidy: error: %s\n" % err)
        return EXIT_TOOL
    except KeyboardInterrupt:
        return EXIT_TOOL
