# RUN: %python %s
"""Running LLVM's clang-tidy-diff: its command line and the findings read
from what it exports; and what an interrupt prints. The LLVM script here is
a fake that records its arguments and exports one finding per file.
(test_project_run.py tests project runs.)"""
import io
import json
import os
import sys
import unittest
from unittest import mock

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "Inputs"))
import support  # noqa: E402

from thread_tidy import cli, interrupt, toolchain  # noqa: E402
from thread_tidy.interrupt import Interrupted  # noqa: E402
from thread_tidy.runner import ClangTidyOptions, Runner  # noqa: E402

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

class RunnerTestCase(support.ScratchTestCase):
    def setUp(self):
        super().setUp()
        clang_tidy, _ = support.fake_llvm(self.tmp)
        self.calls = os.path.join(self.tmp, "calls.json")
        llvm = os.path.dirname(os.path.dirname(clang_tidy))
        self.write(os.path.join(llvm, "share/clang/clang-tidy-diff.py"),
                   FAKE_RUNNER.format(python=sys.executable,
                                      calls=self.calls), mode=0o755)
        plugin = os.path.join(self.tmp, "prefix", "lib", "libThreadTidy.so")
        self.toolchain = toolchain.Toolchain(clang_tidy, plugin, 22,
                                             "-*,threads-*")
        self.root, self.sources = self.write_thread_project()

    def recorded(self):
        with open(self.calls) as handle:
            return [json.loads(line) for line in handle]

    def entries(self, paths):
        return [{"directory": self.root, "file": path,
                 "arguments": ["c++", "-c", path]} for path in paths]


class InterruptMessageTest(unittest.TestCase):
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


if __name__ == "__main__":
    unittest.main(verbosity=2)
