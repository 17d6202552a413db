# RUN: %python %s
"""Include closures from clang-scan-deps: the scan database (outputs
replaced by a target per entry, dependency flags gone, the compiler made
absolute), the make rules read back (continuations, escaped spaces), and
entries it could not scan. clang-scan-deps here is a fake that answers
from the database it is given."""
import io
import json
import os
import sys
import unittest
from unittest import mock

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "Inputs"))
import support  # noqa: E402

from thread_tidy import include_closure, toolchain  # noqa: E402
from thread_tidy.include_closure import Closure  # noqa: E402

# Writes a make rule for each entry: its file, then "inc/<stem>.h" (a
# relative path), a header with a space in its name, and a system header;
# a file named "broken" fails as clang-scan-deps does. Its arguments and
# the database go to calls.json.
FAKE_SCAN_DEPS = r"""#!{python}
import json, os, sys
args = sys.argv[1:]
database = args[args.index("-compilation-database") + 1]
entries = json.load(open(database))
with open({calls!r}, "w") as log:
    json.dump({{"args": args, "entries": entries}}, log)
status = 0
for entry in entries:
    target = entry["arguments"][entry["arguments"].index("-o") + 1]
    if "broken" in entry["file"]:
        sys.stderr.write("Error while scanning dependencies for %s:\n"
                         "error: unknown argument: '-fbroken'\n"
                         % entry["file"])
        status = 1
        continue
    stem = os.path.splitext(os.path.basename(entry["file"]))[0]
    print("%s: %s inc/%s.h \\\n  /src/my\\ header.h \\\n"
          "  /usr/include/c++/12/thread" % (target, entry["file"], stem))
sys.exit(status)
"""


class ArgumentsTest(unittest.TestCase):
    def test_outputs_and_dependency_flags_are_replaced(self):
        entry = {"directory": "/b", "file": "/src/a.cpp", "arguments": [
            "/usr/bin/c++", "-Isrc", "-MD", "-MT", "a.o", "-MF", "a.o.d",
            "-MQ", "x", "-MFa.d", "-MMD", "-o", "a.o", "-c", "/src/a.cpp"]}
        self.assertEqual(include_closure.scan_arguments(entry, 7), [
            "/usr/bin/c++", "-Isrc", "-c", "/src/a.cpp", "-o",
            "tt-scan-7.o"])

    def test_command_strings_launchers_and_relative_compilers(self):
        entry = {"directory": "/b", "file": "/src/a.cpp",
                 "command": "ccache ../tools/cc -DX='1 2' /src/a.cpp"}
        self.assertEqual(include_closure.scan_arguments(entry, 0), [
            "/tools/cc", "-DX=1 2", "/src/a.cpp", "-c", "-o",
            "tt-scan-0.o"])

    def test_a_bare_compiler_name_is_looked_up(self):
        entry = {"directory": "/b", "file": "/src/a.cpp",
                 "arguments": ["sh", "-c", "/src/a.cpp"]}
        self.assertTrue(os.path.isabs(
            include_closure.scan_arguments(entry, 0)[0]))


class RulesTest(unittest.TestCase):
    def test_continuations_and_escapes(self):
        text = ("tt-scan-1.o: /s/b.cpp /s/b.h \\\n  /s/with\\ space.h "
                "/s/cost$$.h \\\n  /s/hash\\#.h\n"
                "tt-scan-0.o: /s/a.cpp\n"
                "other.o: /s/x.h\n")
        self.assertEqual(include_closure.parse_rules(text), {
            1: ["/s/b.cpp", "/s/b.h", "/s/with space.h", "/s/cost$.h",
                "/s/hash#.h"],
            0: ["/s/a.cpp"]})


class ScanTest(support.ScratchTestCase):
    def setUp(self):
        super().setUp()
        self.calls = os.path.join(self.tmp, "calls.json")
        scanner = self.write("llvm/bin/clang-scan-deps", FAKE_SCAN_DEPS.format(
            python=sys.executable, calls=self.calls), mode=0o755)
        self.toolchain = toolchain.Toolchain(
            os.path.join(self.tmp, "llvm", "bin", "clang-tidy"), "plugin.so",
            22, "-*,threads-*")
        self.write("llvm/bin/clang-tidy", "", mode=0o755)
        self.assertTrue(os.path.exists(scanner))
        self.entries = [
            {"directory": "/src", "file": "/src/a.cpp",
             "arguments": ["/usr/bin/c++", "-c", "a.cpp", "-o", "a.o"]},
            {"directory": "/src", "file": "/src/broken.cpp",
             "arguments": ["/usr/bin/c++", "-fbroken", "-c", "broken.cpp"]},
            {"directory": "/src", "file": "/src/b.cpp",
             "arguments": ["/usr/bin/c++", "-c", "b.cpp"]}]

    def test_closures_parallel_to_entries(self):
        warnings = io.StringIO()
        closures = include_closure.scan(self.entries, self.toolchain, 3,
                                        warnings)
        self.assertEqual(closures, [
            Closure("/src/a.cpp", ("/src/inc/a.h", "/src/my header.h",
                                   "/usr/include/c++/12/thread")),
            None,
            Closure("/src/b.cpp", ("/src/inc/b.h", "/src/my header.h",
                                   "/usr/include/c++/12/thread"))])
        with open(self.calls) as handle:
            call = json.load(handle)
        self.assertEqual(call["args"][-4:], ["-format", "make", "-j", "3"])
        self.assertEqual([e["arguments"][-1] for e in call["entries"]],
                         ["tt-scan-0.o", "tt-scan-1.o", "tt-scan-2.o"])

    def test_errors_are_one_warning(self):
        warnings = io.StringIO()
        include_closure.scan(self.entries, self.toolchain, 1, warnings)
        lines = warnings.getvalue().splitlines()
        self.assertEqual(lines[0], "thread-tidy: warning: clang-scan-deps "
                         "could not scan 1 file (analysed in full): "
                         "/src/broken.cpp")
        self.assertIn("unknown argument: '-fbroken'", lines[2])
        self.assertEqual(len(lines), 3)

    def test_no_entries_runs_nothing(self):
        self.assertEqual(include_closure.scan([], self.toolchain, 1), [])
        self.assertFalse(os.path.exists(self.calls))

    def test_missing_scanner_is_a_toolchain_error(self):
        os.remove(os.path.join(self.tmp, "llvm", "bin", "clang-scan-deps"))
        with mock.patch.object(toolchain.Toolchain, "llvm_roots",
                               return_value=[os.path.join(self.tmp,
                                                          "llvm")]), \
                mock.patch("shutil.which", return_value=None):
            with self.assertRaisesRegex(
                    toolchain.ToolchainError,
                    "clang-scan-deps of LLVM 22 not found; install "
                    "clang-tools-22, or pass --all-files"):
                include_closure.scan(self.entries, self.toolchain, 1)


if __name__ == "__main__":
    unittest.main()
