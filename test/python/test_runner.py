# RUN: %python %s
"""Running LLVM's run-clang-tidy and clang-tidy-diff: their command lines,
progress, crashes, and the findings read from what they export. The LLVM
scripts here are fakes that record their arguments and export one finding
per file."""
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

from thread_tidy import cli, interrupt, toolchain  # noqa: E402
from thread_tidy.interrupt import Interrupted  # noqa: E402
from thread_tidy.runner import ClangTidyOptions, Progress, Runner  # noqa

# Exports a finding at the first "std::thread" of each file it analyses
# (the database's, or the diff's "+++ b/" files); "crash" in a file name
# crashes clang-tidy, "assert" fails an assertion of a debug build. Its
# arguments, directory and stdin go to calls.json.
FAKE_RUNNER = r"""#!{python}
import json, os, sys
args = sys.argv[1:]
value = lambda flag: args[args.index(flag) + 1]
stdin = "" if sys.stdin.isatty() else sys.stdin.read()
with open({calls!r}, "a") as log:
    log.write(json.dumps({{"args": args, "cwd": os.getcwd(),
                          "stdin": stdin}}) + "\n")
if "-p" in args and os.path.isdir(value("-p")):
    with open(os.path.join(value("-p"), "compile_commands.json")) as db:
        files = [entry["file"] for entry in json.load(db)]
else:
    files = [os.path.join(os.getcwd(), line[6:]) for line in
             stdin.splitlines() if line.startswith("+++ b/")]
diagnostics = []
status = 0
for path in files:
    if "crash" in path:
        print("PLEASE submit a bug report\nStack dump:")
        status = 1
        continue
    if "assert" in path:
        print("clang-tidy: Check.cpp:12: void f(): Assertion `x' failed.")
        status = 1
        continue
    print(value("-clang-tidy-binary") + " -p=x -quiet " + path)
    text = open(path, "rb").read()
    diagnostics.append({{
        "DiagnosticName": "threads-unjoined-thread", "Level": "Warning",
        "DiagnosticMessage": {{"Message": "unjoined", "FilePath": path,
                              "FileOffset": text.find(b"std::thread")}}}})
with open(value("-export-fixes"), "w") as out:
    json.dump({{"Diagnostics": diagnostics}}, out)
sys.exit(status)
"""

# Prints a finding in the first file and that it finished it, starts a
# "clang-tidy" on the second that never ends (its pid goes to pids.txt), and
# waits for it.
SLOW_RUNNER = r"""#!{python}
import json, os, subprocess, sys, time
args = sys.argv[1:]
with open(os.path.join(args[args.index("-p") + 1],
                       "compile_commands.json")) as db:
    files = [entry["file"] for entry in json.load(db)]
print(files[0] + ":2:1: warning: unjoined [threads-unjoined-thread]")
print("clang-tidy -p=x -quiet " + files[0], flush=True)
worker = subprocess.Popen([sys.executable, "-c",
                           "import time; time.sleep(120)"])
with open({pids!r}, "w") as out:
    out.write("%d %d\n" % (os.getpid(), worker.pid))
worker.wait()
"""


def gone(pid):
    """pid has exited (a zombie its new parent has not reaped yet counts)."""
    try:
        with open("/proc/%d/stat" % pid) as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


class RunnerTestCase(support.ScratchTestCase):
    def setUp(self):
        super().setUp()
        clang_tidy, _ = support.fake_llvm(self.tmp)
        self.calls = os.path.join(self.tmp, "calls.json")
        llvm = os.path.dirname(os.path.dirname(clang_tidy))
        for script in ("bin/run-clang-tidy", "share/clang/clang-tidy-diff.py"):
            self.write(os.path.join(llvm, script), FAKE_RUNNER.format(
                python=sys.executable, calls=self.calls), mode=0o755)
        plugin = os.path.join(self.tmp, "prefix", "lib", "libThreadTidy.so")
        self.toolchain = toolchain.Toolchain(clang_tidy, plugin, 22,
                                             "-*,threads-*")
        self.root = os.path.join(self.tmp, "project")
        self.sources = [self.write("project/" + name,
                                   "#include <thread>\nstd::thread t;\n")
                        for name in ("a.cpp", "sub dir/b.cpp")]

    def recorded(self):
        with open(self.calls) as handle:
            return [json.loads(line) for line in handle]

    def entries(self, paths):
        return [{"directory": self.root, "file": path,
                 "arguments": ["c++", "-c", path]} for path in paths]


class ProjectRunTest(RunnerTestCase):
    def test_command_line_findings_and_progress(self):
        options = ClangTidyOptions(
            checks=None, config_file="/cfg.yaml", header_filter="src/.*",
            extra_arg=["-DX"], extra_arg_before=["-Wno-y"], jobs=3)
        progress = io.StringIO()
        runner = Runner(self.toolchain, options, self.root, progress)
        outcome = runner.project(self.entries(self.sources))
        self.assertEqual([(f.location.file, f.location.line, f.check)
                          for f in outcome.findings],
                         [("a.cpp", 2, "threads-unjoined-thread"),
                          ("sub dir/b.cpp", 2, "threads-unjoined-thread")])
        self.assertIsNone(outcome.failure)
        args = self.recorded()[0]["args"]
        for expected in (["-clang-tidy-binary", self.toolchain.clang_tidy],
                         ["-load", self.toolchain.plugin],
                         ["-checks=-*,threads-*"], ["-j", "3"],
                         ["-header-filter=src/.*"], ["-quiet"],
                         ["-config-file=/cfg.yaml"], ["-extra-arg=-DX"],
                         ["-extra-arg-before=-Wno-y"]):
            with self.subTest(expected=expected):
                index = args.index(expected[0])
                self.assertEqual(args[index:index + len(expected)], expected)
        self.assertEqual(sorted(progress.getvalue().splitlines()), [
            "thread-tidy: [1/2] a.cpp", "thread-tidy: [2/2] sub dir/b.cpp"])

    def test_a_crash_is_a_failure_and_the_rest_is_reported(self):
        crash = self.write("project/crash.cpp", "int x;\n")
        outcome = Runner(self.toolchain, ClangTidyOptions(quiet=True),
                         self.root).project(
            self.entries(self.sources + [crash]))
        self.assertEqual(len(outcome.findings), 2)
        self.assertTrue(outcome.failure.startswith(
            "run-clang-tidy exited with 1 (clang-tidy crashed); the results "
            "may be incomplete:\nPLEASE submit a bug report"),
            outcome.failure)

    def test_a_failed_assertion_is_a_crash(self):
        failing = self.write("project/assert.cpp", "int x;\n")
        outcome = Runner(self.toolchain, ClangTidyOptions(quiet=True),
                         self.root).project(self.entries([failing]))
        self.assertIn("(clang-tidy crashed)", outcome.failure)
        self.assertIn("Assertion `x' failed.", outcome.failure)

    def test_nothing_to_analyse_runs_nothing(self):
        outcome = Runner(self.toolchain, ClangTidyOptions(),
                         self.root).project([])
        self.assertEqual((outcome.findings, outcome.failure), ([], None))
        self.assertFalse(os.path.exists(self.calls))


class InterruptTest(RunnerTestCase):
    """Ctrl-C stops run-clang-tidy and its clang-tidy processes, and says
    what was found until then."""

    def setUp(self):
        super().setUp()
        self.pids = os.path.join(self.tmp, "pids.txt")
        runner = os.path.join(os.path.dirname(os.path.dirname(
            self.toolchain.clang_tidy)), "bin", "run-clang-tidy")
        self.write(runner, SLOW_RUNNER.format(python=sys.executable,
                                              pids=self.pids), mode=0o755)

    def started_pids(self):
        for _ in range(200):
            if os.path.exists(self.pids):
                with open(self.pids) as handle:
                    text = handle.read()
                if text.endswith("\n"):
                    return [int(pid) for pid in text.split()]
            time.sleep(0.05)
        self.fail("the fake runner did not start its worker")

    def assert_stopped(self, pids):
        for _ in range(100):
            if all(gone(pid) for pid in pids):
                return
            time.sleep(0.05)
        self.fail("still running: %s" % pids)

    def test_ctrl_c_stops_the_runner_and_keeps_what_was_seen(self):
        seen = Progress.line_seen

        def interrupt_when_the_worker_runs(progress, line):
            seen(progress, line)
            if "clang-tidy" in line:
                self.started_pids()
                raise KeyboardInterrupt

        with mock.patch.object(Progress, "line_seen",
                               interrupt_when_the_worker_runs):
            with self.assertRaises(Interrupted) as raised:
                Runner(self.toolchain, ClangTidyOptions(quiet=True),
                       self.root).project(self.entries(self.sources))
        self.assertEqual((raised.exception.done, raised.exception.total),
                         (1, 2))
        self.assertEqual(raised.exception.findings, [
            "a.cpp:2:1: warning: unjoined [threads-unjoined-thread]"])
        self.assert_stopped(self.started_pids())

    def test_the_command_exits_130_with_the_partial_findings(self):
        build = os.path.join(self.root, "build")
        self.write("project/build/compile_commands.json",
                   json.dumps(self.entries(self.sources)))
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
            [sys.executable, "-c", launcher, "-p", build, "-j", "1"],
            cwd=self.root, env=env, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True)
        pids = self.started_pids()
        # Once the tool has read the first file's lines.
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
        self.assert_stopped(pids)

    def test_the_message_without_counted_files(self):
        self.assertEqual(interrupt.message(Interrupted(0, 0, [])),
                         "thread-tidy: interrupted; the results are partial "
                         "and were not written\n"
                         "thread-tidy: 0 findings so far\n")

    def test_an_interrupt_elsewhere_says_nothing_was_written(self):
        with mock.patch.object(cli, "execute",
                               side_effect=KeyboardInterrupt):
            with mock.patch("sys.stderr", new_callable=io.StringIO) as err:
                status = cli.main(["merge", "x.json"], None)
        self.assertEqual(status, 130)
        self.assertEqual(err.getvalue(),
                         "thread-tidy: interrupted; no results were "
                         "written\n")


class DiffRunTest(RunnerTestCase):
    def test_runs_from_the_top_level_with_the_diff_on_stdin(self):
        diff = b"+++ b/a.cpp\n@@ -2,0 +2 @@\n+std::thread t;\n"
        outcome = Runner(self.toolchain, ClangTidyOptions(checks="threads-x"),
                         self.root).diff(diff, self.root, "build", ".*\\.cpp")
        call = self.recorded()[0]
        self.assertEqual(os.path.realpath(call["cwd"]),
                         os.path.realpath(self.root))
        self.assertEqual(call["stdin"], diff.decode())
        self.assertEqual(call["args"][:6], [
            "-p1", "-path", os.path.abspath("build"), "-iregex", ".*\\.cpp",
            "-clang-tidy-binary"])
        self.assertIn("-checks=threads-x", call["args"])
        self.assertEqual([f.location.file for f in outcome.findings],
                         ["a.cpp"])

    def test_config_file_needs_llvm_19(self):
        old = toolchain.Toolchain(self.toolchain.clang_tidy,
                                  self.toolchain.plugin, 16, "")
        with self.assertRaises(toolchain.ToolchainError) as raised:
            Runner(old, ClangTidyOptions(config_file="c.yaml"),
                   self.root).diff(b"", self.root, "build", ".*")
        self.assertIn("needs clang-tidy-diff of LLVM 19",
                      str(raised.exception))


class ProgressTest(unittest.TestCase):
    def test_a_command_line_ending_in_a_file_finishes_it(self):
        out = io.StringIO()
        progress = Progress(["/p/src/a b.cpp", "/p/lib/a b.cpp"], "/p", False,
                            out)
        progress.line_seen("clang-tidy -p=/tmp/x -quiet /p/lib/a b.cpp\n")
        progress.line_seen("warning: something about /p/src/a b.cpp\n")
        progress.line_seen("/usr/bin/clang-tidy -quiet /p/src/a b.cpp\n")
        self.assertEqual(out.getvalue().splitlines(), [
            "thread-tidy: [1/2] lib/a b.cpp",
            "thread-tidy: [2/2] src/a b.cpp"])

    def test_a_file_in_two_configurations_is_two_analyses(self):
        out = io.StringIO()
        progress = Progress(["/p/a.cpp", "/p/a.cpp", "/p/b.cpp"], "/p",
                            False, out)
        progress.line_seen("clang-tidy -p=/tmp/x -quiet /p/a.cpp\n")
        progress.line_seen("clang-tidy -p=/tmp/x -quiet /p/b.cpp\n")
        self.assertEqual(out.getvalue().splitlines(), [
            "thread-tidy: [2/3] a.cpp", "thread-tidy: [3/3] b.cpp"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
