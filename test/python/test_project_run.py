# RUN: %python %s
"""A project run: one clang-tidy process per file and configuration, its
command line, progress, crashes and compile errors, the findings of all
analyses together, the result cache, and Ctrl-C. clang-tidy here is a fake
that records its arguments and exports one finding per file."""
import io
import json
import os
import signal
import subprocess
import sys
import time
import unittest
from unittest import mock

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "Inputs"))
import support  # noqa: E402

from thread_tidy import toolchain  # noqa: E402
from thread_tidy.cache import ResultCache, RunIdentity  # noqa: E402
from thread_tidy.interrupt import Interrupted  # noqa: E402
from thread_tidy.progress import Progress  # noqa: E402
from thread_tidy.project_run import ProjectRunner  # noqa: E402
from thread_tidy.runner import ClangTidyOptions  # noqa: E402

# Exports a finding at the first "std::thread" of the file it analyses;
# "crash" in the file's name crashes, "assert" fails an assertion,
# "broken" has a compile error, "slow" records its pid and sleeps. Its
# arguments and its database go to calls.json.
FAKE_CLANG_TIDY = r"""#!{python}
import json, os, sys, time
args = sys.argv[1:]
if args == ["--version"]:
    print("Debian LLVM version 22.1.0")
    sys.exit(0)
database = args[args.index("-p") + 1]
with open(os.path.join(database, "compile_commands.json")) as db:
    entries = json.load(db)
with open({calls!r}, "a") as log:
    log.write(json.dumps({{"args": args, "entries": entries}}) + "\n")
path = args[-1]
export = [a for a in args if a.startswith("--export-fixes=")][0][15:]
if "crash" in path:
    print("PLEASE submit a bug report\nStack dump:")
    sys.exit(1)
if "assert" in path:
    print("clang-tidy: Check.cpp:12: void f(): Assertion `x' failed.")
    sys.exit(1)
if "garbled" in path:
    open(export, "w").write("Diagnostics: [unclosed")
    sys.exit(0)
if "slow" in path:
    with open({pids!r}, "w") as out:
        out.write("%d\n" % os.getpid())
    time.sleep(120)
text = open(path, "rb").read()
level, name, status = "Warning", "threads-unjoined-thread", 0
if "broken" in path:
    level, name, status = "Error", "clang-diagnostic-error", 1
offset = max(text.find(b"std::thread"), 0)
print("%s:2:1: warning: unjoined [threads-unjoined-thread]" % path)
with open(export, "w") as out:
    json.dump({{"Diagnostics": [{{
        "DiagnosticName": name, "Level": level,
        "DiagnosticMessage": {{"Message": "unjoined", "FilePath": path,
                              "FileOffset": offset}}}}]}}, out)
sys.exit(status)
"""


class ProjectRunTestCase(support.ScratchTestCase):
    def setUp(self):
        super().setUp()
        self.calls = os.path.join(self.tmp, "calls.json")
        self.pids = os.path.join(self.tmp, "pids.txt")
        clang_tidy = self.write("llvm/bin/clang-tidy", FAKE_CLANG_TIDY.format(
            python=sys.executable, calls=self.calls, pids=self.pids),
            mode=0o755)
        plugin = self.write("prefix/lib/libThreadTidy.so", "plugin")
        self.toolchain = toolchain.Toolchain(clang_tidy, plugin, 22,
                                             "-*,threads-*")
        self.root, self.sources = self.write_thread_project()

    def recorded(self):
        if not os.path.exists(self.calls):
            return []
        with open(self.calls) as handle:
            return [json.loads(line) for line in handle]

    def entries(self, paths, flags=()):
        return [{"directory": self.root, "file": path,
                 "arguments": ["c++"] + list(flags) + ["-c", path]}
                for path in paths]

    def run_project(self, entries, cache=None, options=None, out=None):
        runner = ProjectRunner(self.toolchain,
                               options or ClangTidyOptions(quiet=True),
                               self.root, cache, out or io.StringIO())
        return runner.run(entries, [[e["file"]] for e in entries])

    def cache(self, checks="-*,threads-*"):
        identity = RunIdentity("LLVM version 22", "tidy", "plugin", checks,
                               None, None)
        return ResultCache(os.path.join(self.tmp, "cache"), identity)


class ProjectRunTest(ProjectRunTestCase):
    def test_command_line_findings_and_progress(self):
        options = ClangTidyOptions(
            checks=None, config_file="/cfg.yaml", header_filter="src/.*",
            extra_arg=["-DX"], extra_arg_before=["-Wno-y"], jobs=2)
        progress = io.StringIO()
        outcome = self.run_project(self.entries(self.sources),
                                   options=options, out=progress)
        self.assertEqual([(f.location.file, f.location.line, f.check)
                          for f in outcome.findings],
                         [("a.cpp", 2, "threads-unjoined-thread"),
                          ("sub dir/b.cpp", 2, "threads-unjoined-thread")])
        self.assertIsNone(outcome.failure)
        calls = self.recorded()
        self.assertEqual(sorted(call["args"][-1] for call in calls),
                         self.sources)
        args = calls[0]["args"]
        for expected in ("--load=" + self.toolchain.plugin,
                         "--checks=-*,threads-*", "--quiet",
                         "--header-filter=src/.*", "--config-file=/cfg.yaml",
                         "--extra-arg=-DX", "--extra-arg-before=-Wno-y"):
            self.assertIn(expected, args)
        # Two jobs: either file may finish first.
        lines = progress.getvalue().splitlines()
        self.assertEqual([line.split("] ")[0] for line in lines],
                         ["thread-tidy: [1/2", "thread-tidy: [2/2"])
        self.assertEqual(sorted(line.split("] ")[1] for line in lines),
                         ["a.cpp", "sub dir/b.cpp"])

    def test_each_configuration_is_its_own_analysis(self):
        entries = (self.entries(self.sources[:1], ["-DSTATIC"]) +
                   self.entries(self.sources[:1], ["-DSHARED"]))
        outcome = self.run_project(entries)
        databases = [call["entries"] for call in self.recorded()]
        self.assertEqual(sorted(len(db) for db in databases), [1, 1])
        self.assertEqual(sorted(db[0]["arguments"][1] for db in databases),
                         ["-DSHARED", "-DSTATIC"])
        # The same finding from both configurations is one finding.
        self.assertEqual(len(outcome.findings), 1)

    def test_a_crash_is_a_failure_and_the_rest_is_reported(self):
        crash = self.write("project/crash.cpp", "int x;\n")
        outcome = self.run_project(self.entries(self.sources + [crash]))
        self.assertEqual(len(outcome.findings), 2)
        self.assertTrue(outcome.failure.startswith(
            "clang-tidy crashed on 1 file; the results may be incomplete:\n"
            "crash.cpp: clang-tidy crashed\n  PLEASE submit a bug report"),
            outcome.failure)

    def test_a_failed_assertion_is_a_crash(self):
        failing = self.write("project/assert.cpp", "int x;\n")
        outcome = self.run_project(self.entries([failing]))
        self.assertIn("assert.cpp: clang-tidy crashed", outcome.failure)
        self.assertIn("Assertion `x' failed.", outcome.failure)

    def test_many_failures_quote_the_first_files(self):
        crashes = [self.write("project/crash%02d.cpp" % n, "int x;\n")
                   for n in range(12)]
        outcome = self.run_project(self.entries(crashes),
                                   options=ClangTidyOptions(quiet=True,
                                                            jobs=2))
        self.assertTrue(outcome.failure.startswith(
            "clang-tidy crashed on 12 files"), outcome.failure)
        self.assertEqual(outcome.failure.count(": clang-tidy crashed"), 10)
        self.assertTrue(outcome.failure.endswith("... and 2 more"))

    def test_an_unreadable_export_is_a_failure(self):
        garbled = self.write("project/garbled.cpp", "int x;\n")
        outcome = self.run_project(self.entries([garbled]))
        self.assertIn("garbled.cpp: clang-tidy wrote an unreadable export",
                      outcome.failure)

    def test_compile_errors_are_results_not_a_failure(self):
        broken = self.write("project/broken.cpp", "int x\n")
        outcome = self.run_project(self.entries([broken]))
        self.assertIsNone(outcome.failure)
        self.assertEqual([e.check for e in outcome.errors],
                         ["clang-diagnostic-error"])

    def test_nothing_to_analyse_runs_nothing(self):
        outcome = self.run_project([])
        self.assertEqual((outcome.findings, outcome.failure), ([], None))
        self.assertEqual(self.recorded(), [])


class CachedProjectRunTest(ProjectRunTestCase):
    def test_a_second_run_reuses_every_analysis(self):
        first = self.run_project(self.entries(self.sources), self.cache())
        self.assertEqual(len(self.recorded()), 2)
        out = io.StringIO()
        second = self.run_project(self.entries(self.sources), self.cache(),
                                  options=ClangTidyOptions(), out=out)
        self.assertEqual(len(self.recorded()), 2)  # no new clang-tidy
        self.assertEqual(second.reused_files, 2)
        self.assertEqual([f.identity() for f in second.findings],
                         [f.identity() for f in first.findings])
        # Reused analyses count in the progress, with their findings.
        self.assertEqual(sorted(out.getvalue().splitlines()), [
            "thread-tidy: [1/2] a.cpp", "thread-tidy: [2/2] sub dir/b.cpp"])

    def test_an_edited_input_is_analysed_again(self):
        self.run_project(self.entries(self.sources), self.cache())
        self.write("project/a.cpp", "// edited\n#include <thread>\n"
                   "std::thread t;\n")
        outcome = self.run_project(self.entries(self.sources), self.cache())
        self.assertEqual([c["args"][-1] for c in self.recorded()[2:]],
                         self.sources[:1])
        self.assertEqual(outcome.findings[0].location.line, 3)

    def test_other_flags_or_checks_are_other_entries(self):
        self.run_project(self.entries(self.sources), self.cache())
        self.run_project(self.entries(self.sources, ["-DX"]), self.cache())
        self.assertEqual(len(self.recorded()), 4)
        self.run_project(self.entries(self.sources), self.cache("threads-x"))
        self.assertEqual(len(self.recorded()), 6)

    def test_a_failed_analysis_is_not_stored(self):
        crash = self.write("project/crash.cpp", "int x;\n")
        self.run_project(self.entries([crash]), self.cache())
        outcome = self.run_project(self.entries([crash]), self.cache())
        self.assertEqual(len(self.recorded()), 2)
        self.assertIsNotNone(outcome.failure)

    def test_an_unknown_closure_is_neither_reused_nor_stored(self):
        runner = ProjectRunner(self.toolchain, ClangTidyOptions(quiet=True),
                               self.root, self.cache())
        for _ in range(2):
            runner.run(self.entries(self.sources), [None, None])
        self.assertEqual(len(self.recorded()), 4)


class InterruptTest(ProjectRunTestCase):
    """Ctrl-C stops the clang-tidy processes, and says what was found until
    then."""

    def started_pid(self):
        for _ in range(200):
            if os.path.exists(self.pids):
                with open(self.pids) as handle:
                    text = handle.read()
                if text.endswith("\n"):
                    return int(text)
            time.sleep(0.05)
        self.fail("the slow clang-tidy did not start")

    def assert_stopped(self, pid):
        for _ in range(100):
            try:
                with open("/proc/%d/stat" % pid) as stat:
                    if stat.read().rsplit(")", 1)[1].split()[0] == "Z":
                        return
            except FileNotFoundError:
                return
            time.sleep(0.05)
        self.fail("still running: %d" % pid)

    def test_ctrl_c_stops_clang_tidy_and_keeps_what_was_seen(self):
        slow = self.write("project/slow.cpp", "int x;\n")
        done = Progress.analysis_done

        def interrupt_once_the_slow_one_runs(progress, path):
            done(progress, path)
            self.started_pid()
            raise KeyboardInterrupt

        with mock.patch.object(Progress, "analysis_done",
                               interrupt_once_the_slow_one_runs):
            with self.assertRaises(Interrupted) as raised:
                self.run_project(self.entries(self.sources[:1] + [slow]),
                                 options=ClangTidyOptions(quiet=True, jobs=2))
        self.assertEqual((raised.exception.done, raised.exception.total),
                         (1, 2))
        self.assertEqual(raised.exception.findings, [
            "a.cpp:2:1: warning: unjoined [threads-unjoined-thread]"])
        self.assert_stopped(self.started_pid())

    def test_the_command_exits_130_with_the_partial_findings(self):
        slow = self.write("project/slow.cpp", "int x;\n")
        build = os.path.join(self.root, "build")
        self.write("project/build/compile_commands.json",
                   json.dumps(self.entries(self.sources[:1] + [slow])))
        # As from a shell's foreground: lit ignores SIGINT in its tests.
        launcher = (
            "import signal; "
            "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
            "import sys; sys.path.insert(0, %r)\n"
            "from thread_tidy import cli, toolchain\n"
            "sys.exit(cli.main(sys.argv[1:], toolchain.Installation(%r, 22, "
            "%r, '-*,threads-*')))\n" % (
                support.SCRIPTS,
                os.path.dirname(os.path.dirname(self.toolchain.plugin)) +
                "/bin", self.toolchain.clang_tidy))
        env = dict(os.environ)
        for name in ("THREAD_TIDY_CLANG_TIDY", "THREAD_TIDY_PLUGIN"):
            env.pop(name, None)
        tool = subprocess.Popen(
            [sys.executable, "-c", launcher, "-p", build, "-j", "1",
             "--no-cache", "--all-files"],
            cwd=self.root, env=env, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True)
        pid = self.started_pid()
        # Once the tool has counted the first file.
        first = tool.stderr.readline()
        tool.send_signal(signal.SIGINT)
        try:
            out, err = tool.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            tool.kill()
            raise
        err = first + err
        self.assertEqual(tool.returncode, 130, err)
        self.assertNotIn("Traceback", err)
        self.assertEqual(out, "")
        self.assertIn(
            "thread-tidy: [1/2] a.cpp\n"
            "thread-tidy: interrupted after 1 of 2 analyses; the results "
            "are partial and were not written\n"
            "thread-tidy: 1 finding so far:\n"
            "a.cpp:2:1: warning: unjoined [threads-unjoined-thread]\n", err)
        self.assert_stopped(pid)


if __name__ == "__main__":
    unittest.main(verbosity=2)
