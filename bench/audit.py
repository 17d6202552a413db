"""The whole-project audit benchmark (issue 20): what a project run of
`thread-tidy -p` costs against LLVM's run-clang-tidy with the same plugin
and checks, on a large CMake project, and whether both find the same.

For each project of kind "cmake" in bench/projects.json (RocksDB), over the
directory subset listed there:
  (a) run-clang-tidy-<major> with the plugin and thread-tidy's default
      --checks, -export-fixes, over every subset entry of the project's own
      compile database (RocksDB lists each library file twice, static and
      shared: run-clang-tidy analyses both);
  (b) `thread-tidy -p BUILD --cache-dir FRESH --format json` over the
      subset, first run;
  (c) the same again on the unchanged tree;
  (d) the same after appending a comment line to one widely included
      project header and one leaf .cc file (restored afterwards): how many
      files were re-analysed, against how many subset files include the
      header (clang-scan-deps over the compile database) plus the leaf.
It prints the wall times, (a)/(b) (target: at least 3x), (c)/(b) (target: at
most 10%), the analysed/reused/skipped counts of thread-tidy's summary line,
and whether (a) and (b) report identical findings (file, line, column,
check, message; deduplicated). The header-only code bases (kind "files")
get the identical-findings comparison too, over a database of their files.

A thread-tidy without --cache-dir (`thread-tidy run --help` does not list
it) runs (b) without a cache, and (c) and (d) are skipped with a message.
Timing is never asserted: the figures go to docs/performance.md.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import runpy
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Set, Tuple

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))

from thread_tidy import toolchain  # noqa: E402
from thread_tidy.export import findings_from_export, load_yaml  # noqa: E402
from thread_tidy.runner import python_with_yaml  # noqa: E402
from thread_tidy.sources import SourceCache  # noqa: E402

# thread-tidy's summary line on stderr, e.g. "thread-tidy: 30 files
# analysed, 5 reused, 110 skipped in 62.3 s: 4 findings (...)".
SUMMARY = re.compile(
    r"thread-tidy: (?P<analysed>\d+) files? analysed"
    r"(?:, (?P<reused>\d+) reused)?(?:, (?P<skipped>\d+) skipped)?"
    r"(?: in [\d.]+ s)?: (?P<findings>\d+) ")
TOUCH_LINE = "// thread-tidy audit benchmark: touched\n"
# The findings of a run, as compared: (file, line, column, check, message).
FindingKey = Tuple[str, int, int, str, str]


@dataclass(frozen=True)
class AuditTools:
    """The very clang-tidy and plugin thread-tidy runs, resolved as
    thread-tidy resolves them (scripts/thread_tidy/toolchain.py)."""
    thread_tidy: str
    chain: toolchain.Toolchain
    python: str  # a python3 with PyYAML, for run-clang-tidy -export-fixes
    has_cache: bool  # the thread-tidy knows --cache-dir
    has_selection: bool  # it knows --all-files: it selects files itself

    @property
    def checks(self) -> str:
        return self.chain.default_checks

    def scan_deps(self) -> str:
        candidates = [os.path.join(r, "bin", "clang-scan-deps")
                      for r in self.chain.llvm_roots()]
        candidates.append(shutil.which("clang-scan-deps-%d"
                                       % self.chain.major) or "")
        for candidate in candidates:
            if candidate and os.path.exists(candidate):
                return candidate
        sys.exit("bench: clang-scan-deps of LLVM %d not found"
                 % self.chain.major)


@dataclass
class Summary:
    """The counts of thread-tidy's summary line."""
    analysed: int
    reused: int
    skipped: int
    findings: int

    @staticmethod
    def parse(stderr: str) -> Optional["Summary"]:
        matches = [SUMMARY.search(line) for line in stderr.splitlines()]
        found = [m for m in matches if m]
        if not found:
            return None
        last = found[-1]
        return Summary(*(int(last.group(name) or 0) for name in
                         ("analysed", "reused", "skipped", "findings")))


@dataclass
class RunResult:
    label: str
    wall: float
    status: int
    cpu: float = 0.0  # user + system seconds of the run and its children
    findings: Set[FindingKey] = field(default_factory=set)
    error_files: int = 0
    summary: Optional[Summary] = None
    log: str = ""  # the tail of the run's output, shown when it failed


@dataclass
class Project:
    name: str
    url: str
    commit: str
    src: str
    subset: List[str]
    cmake_args: List[str]
    touch_header: str
    touch_leaf: str


def not_fetched(project: Dict[str, str], projects_dir: str) -> str:
    """What to say of a benchmark project that is not cloned."""
    return ("bench: %s is not in %s; clone %s at %s there to measure it"
            % (project["name"], projects_dir, project["url"],
               project["commit"]))


def load_tools(build_dir: str) -> AuditTools:
    """The configured bin/thread-tidy of build_dir and its toolchain."""
    thread_tidy = os.path.join(build_dir, "bin", "thread-tidy")
    if not os.path.exists(thread_tidy):
        sys.exit("bench: %s not found; run `make build` first" % thread_tidy)
    # Its constants, as CMake configured them (main() is not run).
    configured = runpy.run_path(thread_tidy, run_name="thread_tidy_config")
    installation = toolchain.Installation(
        os.path.dirname(os.path.realpath(thread_tidy)),
        configured["BUILT_FOR_MAJOR"], configured["CONFIGURED_CLANG_TIDY"],
        configured["DEFAULT_CHECKS"])
    try:
        chain = toolchain.resolve(installation)
    except toolchain.ToolchainError as err:
        sys.exit("bench: %s" % err)
    return AuditTools(thread_tidy, chain, python_with_yaml(),
                      knows_option(thread_tidy, "--cache-dir"),
                      knows_option(thread_tidy, "--all-files"))


def knows_option(thread_tidy: str, option: str) -> bool:
    """`thread-tidy --help` lists the commands; the project options are in
    `thread-tidy run --help`. Either one naming the option will do."""
    for command in ([thread_tidy, "--help"], [thread_tidy, "run", "--help"]):
        out = subprocess.run(command, capture_output=True, text=True).stdout
        if re.search(re.escape(option) + r"\b", out):
            return True
    return False


def timed(label: str, command: Sequence[str], cwd: str,
          log_path: str) -> RunResult:
    """Runs command with its output in log_path; the wall time."""
    print("  running %s" % label, file=sys.stderr)
    before = children_cpu()
    start = time.monotonic()
    with open(log_path, "w", encoding="utf-8") as log:
        status = subprocess.call(list(command), cwd=cwd, stdout=log,
                                 stderr=subprocess.STDOUT)
    wall = time.monotonic() - start
    cpu = children_cpu() - before
    with open(log_path, encoding="utf-8", errors="replace") as log:
        text = log.read()
    return RunResult(label, wall, status, cpu, summary=Summary.parse(text),
                     log="\n".join(text.splitlines()[-10:]))


def children_cpu() -> float:
    """CPU seconds of the waited-for children and their descendants: what
    a run costs whatever else the machine is doing."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def key_of(root: str, file: str, line: int, column: int, check: str,
           message: str) -> FindingKey:
    return (os.path.normpath(os.path.join(root, file)), line, column, check,
            message)


def run_clang_tidy(tools: AuditTools, database_dir: str,
                   files_regex: Optional[str], src: str, work: str,
                   jobs: int) -> RunResult:
    """(a): LLVM's runner over the database, as a user would run it."""
    export = os.path.join(work, "a.yaml")
    command = [tools.python, tools.chain.run_clang_tidy(),
               "-p", database_dir,
               "-clang-tidy-binary", tools.chain.clang_tidy,
               "-load", tools.chain.plugin, "-checks=" + tools.checks,
               "-header-filter=.*", "-j", str(jobs),
               "-export-fixes", export, "-quiet"]
    if files_regex:
        command.append(files_regex)
    result = timed("(a) run-clang-tidy", command, src,
                   os.path.join(work, "a.log"))
    if os.path.exists(export):
        diagnostics = load_yaml(export).get("Diagnostics")
        findings, errors = findings_from_export(diagnostics, src,
                                                SourceCache())
        result.findings = {key_of(src, f.location.file, f.location.line,
                                  f.location.column, f.check, f.message)
                           for f in findings}
        result.error_files = len({e.location.file for e in errors})
    return result


def thread_tidy(tools: AuditTools, label: str, database_dir: str,
                paths: Sequence[str], src: str, work: str, jobs: int,
                cache_dir: Optional[str]) -> RunResult:
    """(b), (c), (d): a project run, JSON out."""
    output = os.path.join(work, label + ".json")
    command = [tools.thread_tidy, "-p", database_dir, "--format", "json",
               "-o", output, "-j", str(jobs), "--root", src]
    if cache_dir:
        command += ["--cache-dir", cache_dir]
    result = timed("(%s) thread-tidy -p" % label, command + list(paths), src,
                   os.path.join(work, label + ".log"))
    if os.path.exists(output):
        with open(output, encoding="utf-8") as handle:
            data = json.load(handle)
        root = data.get("root") or src
        result.findings = {key_of(root, f["file"], f["line"], f["column"],
                                  f["check"], f["message"])
                           for f in data.get("findings", [])}
        result.error_files = len({e["file"] for e in data.get("errors", [])})
    return result


def print_identical(a: RunResult, b: RunResult, src: str) -> None:
    same = a.findings == b.findings
    print("identical findings: %s (%d unique in (a), %d in (b))"
          % ("yes" if same else "no", len(a.findings), len(b.findings)))
    for only, name in ((a.findings - b.findings, "only in (a)"),
                       (b.findings - a.findings, "only in (b)")):
        for file, line, column, check, message in sorted(only):
            print("  %s: %s:%d:%d: %s [%s]" % (
                name, os.path.relpath(file, src), line, column, message,
                check))


def print_failures(runs: Sequence[RunResult]) -> None:
    for run in runs:
        # run-clang-tidy exits 1 for findings it cannot fix; thread-tidy
        # exits 1 for findings. 2 and above mean the run did not finish.
        if run.status > 1 or run.status < 0:
            print("%s exited with %d:\n%s" % (run.label, run.status, run.log))


# --- the CMake project ------------------------------------------------------

def configure(project: Project, build: str, major: int) -> None:
    """A compile database from the project's own CMake, building nothing."""
    if os.path.exists(os.path.join(build, "compile_commands.json")):
        return
    print("  configuring %s in %s" % (project.name, build), file=sys.stderr)
    command = ["cmake", "-S", project.src, "-B", build, "-G", "Unix Makefiles",
               "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON",
               "-DCMAKE_CXX_COMPILER=clang++-%d" % major,
               "-DCMAKE_C_COMPILER=clang-%d" % major] + project.cmake_args
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit("bench: cmake failed for %s:\n%s" % (project.name,
                                                      done.stdout[-2000:] +
                                                      done.stderr[-2000:]))


def subset_entries(build: str,
                   project: Project) -> Tuple[List[dict], int]:
    """The database entries under the subset, one per file (the first),
    which is what clang-scan-deps needs; and how many entries the database
    has for those files (RocksDB: two for each library file)."""
    with open(os.path.join(build, "compile_commands.json"),
              encoding="utf-8") as handle:
        entries = json.load(handle)
    roots = tuple(os.path.join(project.src, d) + os.sep
                  for d in project.subset)
    unique: Dict[str, dict] = {}
    count = 0
    for entry in entries:
        path = os.path.normpath(os.path.join(entry["directory"],
                                             entry["file"]))
        if path.startswith(roots):
            count += 1
            unique.setdefault(path, dict(entry, file=path))
    return list(unique.values()), count


def make_rules(text: str) -> List[List[str]]:
    """The prerequisites of each rule of a make-format dependency file."""
    joined = text.replace("\\\n", " ")
    rules = []
    for line in joined.splitlines():
        if ": " not in line:
            continue
        _, prerequisites = line.split(": ", 1)
        rules.append([p.replace("\\ ", " ")
                      for p in re.split(r"(?<!\\) +", prerequisites.strip())
                      if p])
    return rules


def includers(tools: AuditTools, entries: Sequence[dict], header: str,
              work: str, jobs: int) -> Optional[Set[str]]:
    """The files of entries whose include closure holds header, from
    clang-scan-deps; None when it failed."""
    database = os.path.join(work, "scan-deps")
    os.makedirs(database, exist_ok=True)
    path = os.path.join(database, "compile_commands.json")
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(list(entries), handle)
    print("  running clang-scan-deps", file=sys.stderr)
    done = subprocess.run([tools.scan_deps(), "-compilation-database", path,
                           "-format", "make", "-j", str(jobs)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        print("clang-scan-deps failed (exit %d): %s"
              % (done.returncode, done.stderr.strip()[-1000:]))
        return None
    wanted = os.path.realpath(header)
    sources = {os.path.realpath(e["file"]): e["file"] for e in entries}
    found = set()
    for prerequisites in make_rules(done.stdout):
        # The database's paths are absolute, and so is what it reads.
        real = [os.path.realpath(p) for p in prerequisites
                if os.path.isabs(p)]
        source = next((sources[p] for p in real if p in sources), None)
        if source and wanted in real:
            found.add(source)
    return found


class Touched:
    """Appends a comment line to files for the duration of a with block,
    and restores their exact contents afterwards, whatever happens."""

    def __init__(self, paths: Sequence[str]):
        self.paths = list(paths)
        self.saved: Dict[str, bytes] = {}

    def __enter__(self) -> "Touched":
        for path in self.paths:
            with open(path, "rb") as handle:
                self.saved[path] = handle.read()
            with open(path, "ab") as handle:
                handle.write(TOUCH_LINE.encode("utf-8"))
        return self

    def __exit__(self, *exc: object) -> None:
        for path, content in self.saved.items():
            with open(path, "wb") as handle:
                handle.write(content)


def fmt_count(summary: Optional[Summary], name: str) -> str:
    return str(getattr(summary, name)) if summary else "-"


def print_runs(runs: Sequence[RunResult], entries: int) -> None:
    header = ["run", "wall s", "cpu s", "analysed", "reused", "skipped",
              "findings (unique)", "files with errors"]
    rows = []
    for run in runs:
        analysed = (fmt_count(run.summary, "analysed") if run.summary else
                    "%d entries" % entries)
        rows.append([run.label, "%.1f" % run.wall, "%.1f" % run.cpu,
                     analysed,
                     fmt_count(run.summary, "reused"),
                     fmt_count(run.summary, "skipped"),
                     str(len(run.findings)), str(run.error_files)])
    widths = [max(len(r[i]) for r in rows + [header])
              for i in range(len(header))]
    for row in [header] + rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())


def cmake_project(args: argparse.Namespace, tools: AuditTools,
                  project: Project) -> None:
    build = os.path.join(args.build_dir, "bench", project.name)
    configure(project, build, tools.chain.major)
    entries, entry_count = subset_entries(build, project)
    print("== audit: %s %s, subset %s: %d files, %d database entries"
          % (project.name, project.commit[:12], " ".join(project.subset),
             len(entries), entry_count))
    paths = [os.path.join(project.src, d) for d in project.subset]
    regex = "^(?:%s)" % "|".join(re.escape(p + os.sep) for p in paths)
    with tempfile.TemporaryDirectory(prefix="bench-audit-") as work:
        cache = os.path.join(work, "cache") if tools.has_cache else None
        a = run_clang_tidy(tools, build, regex, project.src, work, args.jobs)
        b = thread_tidy(tools, "b", build, paths, project.src, work,
                        args.jobs, cache)
        runs = [a, b]
        header = os.path.join(project.src, project.touch_header)
        leaf = os.path.join(project.src, project.touch_leaf)
        if tools.has_cache:
            runs.append(thread_tidy(tools, "c", build, paths, project.src,
                                    work, args.jobs, cache))
            with Touched([header, leaf]):
                runs.append(thread_tidy(tools, "d", build, paths,
                                        project.src, work, args.jobs, cache))
        including = includers(tools, entries, header, work, args.jobs)
    print_runs(runs, entry_count)
    print_failures(runs)
    print("(a)/(b) speed-up: %.2fx wall, %.2fx cpu (target: at least 3x)"
          % (a.wall / b.wall, a.cpu / max(b.cpu, 0.001)))
    if not tools.has_cache:
        print("(b) ran without a cache, (c) and (d) were skipped: this "
              "thread-tidy has no --cache-dir (%s run --help)"
              % tools.thread_tidy)
    else:
        c, d = runs[2], runs[3]
        print("(c)/(b): %.1f%% wall, %.1f%% cpu (target: at most 10%%)"
              % (100.0 * c.wall / b.wall,
                 100.0 * c.cpu / max(b.cpu, 0.001)))
        print("(d) re-analysed: %s files" % fmt_count(d.summary, "analysed"))
    if including is not None:
        expected = including | {leaf}
        print("(d) files that include %s: %d, plus the leaf %s: %d (target: "
              "(d) re-analyses at most these)"
              % (project.touch_header, len(including), project.touch_leaf,
                 len(expected)))
    print_identical(a, b, project.src)


# --- the header-only code bases ---------------------------------------------

def files_project(args: argparse.Namespace, tools: AuditTools,
                  project: dict, src: str) -> None:
    """(a) against (b) over a compile database of the listed files."""
    compiler = "/usr/lib/llvm-%d/bin/clang++" % tools.chain.major
    with tempfile.TemporaryDirectory(prefix="bench-audit-") as work:
        database = os.path.join(work, "db")
        os.makedirs(database)
        entries = [{"directory": src, "file": os.path.join(src, rel),
                    "arguments": [compiler] + project["flags"] +
                    ["-c", os.path.join(src, rel)]}
                   for rel in project["files"]
                   if os.path.exists(os.path.join(src, rel))]
        with open(os.path.join(database, "compile_commands.json"), "w",
                  encoding="utf-8") as handle:
            json.dump(entries, handle)
        cache = os.path.join(work, "cache") if tools.has_cache else None
        a = run_clang_tidy(tools, database, None, src, work, args.jobs)
        b = thread_tidy(tools, "b", database, [], src, work, args.jobs,
                        cache)
    print("== audit: %s (header-only), %d files" % (project["name"],
                                                    len(entries)))
    print_runs([a, b], len(entries))
    print_failures([a, b])
    print_identical(a, b, src)


def project_of(data: dict, projects_dir: str) -> Project:
    return Project(data["name"], data["url"], data["commit"],
                   os.path.join(projects_dir, data["name"]), data["subset"],
                   data.get("cmake_args", []), data["touch_header"],
                   data["touch_leaf"])


def audit(args: argparse.Namespace) -> None:
    """bench/run.py --only audit."""
    with open(os.path.join(ROOT, "bench", "projects.json"),
              encoding="utf-8") as handle:
        projects = json.load(handle)["projects"]
    tools = load_tools(args.build_dir)
    print("audit: %s, plugin %s, checks %s, -j %d" % (
        tools.chain.clang_tidy, tools.chain.plugin, tools.checks, args.jobs))
    print("thread-tidy %s: relevance selection %s, result cache %s" % (
        tools.thread_tidy, "on" if tools.has_selection else
        "absent (no --all-files)", "on" if tools.has_cache else
        "absent (no --cache-dir)"))
    for data in projects:
        src = os.path.join(args.projects_dir, data["name"])
        if not os.path.isdir(src):
            print(not_fetched(data, args.projects_dir))
            continue
        print()
        if data.get("kind") == "cmake":
            cmake_project(args, tools, project_of(data, args.projects_dir))
        else:
            files_project(args, tools, data, src)
