# RUN: %python %s
"""The command line: which mode an argument list asks for, the help of
every command, --version, and the errors of a bad command line."""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "Inputs"))
import support  # noqa: E402

from thread_tidy import __version__, cli  # noqa: E402


def mode(argv):
    return cli.parse(argv).mode


class ModeTest(unittest.TestCase):
    def test_files_and_clang_tidy_options_pass_through(self):
        for argv in (["file.cpp"],
                     ["file.cpp", "--", "-std=c++17"],
                     ["--fix", "file.cpp", "--", "-std=c++20"],
                     ["--list-checks"],
                     ["--config={Checks: '-*'}", "--dump-config"],
                     ["-p", "build", "file.cpp", "--export-fixes=f.yaml"],
                     ["-p", "build", "--fix"],
                     ["-p", "build", "--config={Checks: x}"],
                     ["-p", "build", "-print-all-options"],
                     ["-p", "build", "--", "-std=c++17"],
                     ["--help-hidden"],
                     ["run", "file.cpp"]):
            with self.subTest(argv=argv):
                invocation = cli.parse(argv)
                self.assertEqual(invocation.mode, "pass-through")
                self.assertEqual(invocation.rest,
                                 argv[1:] if argv[0] == "run" else argv)

    def test_build_dir_with_only_our_options_is_a_project_run(self):
        args = cli.parse(["-p", "build", "src", "-j", "3", "--shard", "2/4",
                          "--format", "sarif", "-o", "out.sarif",
                          "--quiet", "lib/a.cpp"]).args
        self.assertEqual(args.build, "build")
        self.assertEqual(args.paths, ["src", "lib/a.cpp"])
        self.assertEqual(args.jobs, 3)
        self.assertEqual(args.shard, (2, 4))
        self.assertEqual((args.format, args.output), ("sarif", "out.sarif"))
        for argv in (["-p=build"], ["--p", "build"], ["run", "-p", "build"],
                     ["-p", "build", "-checks=-*,threads-*", "-quiet"],
                     ["-p", "build", "--extra-arg=-DX", "-j4",
                      "--header-filter", "src/.*"],
                     ["src", "-p", "build", "--exit-zero"],
                     ["-p", "build", "--all-files"],
                     ["-p", "build", "--explain-selection"]):
            with self.subTest(argv=argv):
                self.assertEqual(mode(argv), "project")

    def test_relevance_selection_options(self):
        args = cli.parse(["-p", "build"]).args
        self.assertEqual((args.all_files, args.explain_selection),
                         (False, False))
        args = cli.parse(["-p", "build", "--all-files",
                          "--explain-selection"]).args
        self.assertEqual((args.all_files, args.explain_selection),
                         (True, True))

    def test_single_dash_clang_tidy_spellings(self):
        args = cli.parse(["-p", "build", "-checks=-*,threads-invalid-join",
                          "-config-file=c.yaml", "-extra-arg=-DX"]).args
        self.assertEqual(args.checks, "-*,threads-invalid-join")
        self.assertEqual(args.config_file, "c.yaml")
        self.assertEqual(args.extra_arg, ["-DX"])

    def test_diff_takes_git_arguments_after_dashes(self):
        invocation = cli.parse(["diff", "-p", "build", "--checks=x", "--",
                                "--cached", "--", "src"])
        self.assertEqual(invocation.mode, "diff")
        self.assertEqual(invocation.args.build, "build")
        self.assertEqual(invocation.args.checks, "x")
        self.assertEqual(invocation.rest, ["--cached", "--", "src"])
        # A git argument that looks like our help is git's.
        self.assertEqual(mode(["diff", "-p", "b", "--", "-h"]), "diff")

    def test_merge(self):
        args = cli.parse(["merge", "a.json", "b.sarif", "--format", "json",
                          "--report", "r.html"]).args
        self.assertEqual(args.inputs, ["a.json", "b.sarif"])
        self.assertEqual(args.report, "r.html")

    def test_help_version_and_clang_tidy_help(self):
        cases = {("--help",): "help", ("-h",): "help", ("run", "-h"): "help",
                 ("-p", "build", "--help"): "help",
                 ("file.cpp", "--fix", "--help"): "help",
                 ("diff", "--help"): "help", ("diff", "-p", "b", "-h"): "help",
                 ("merge", "--help"): "help", ("--version",): "version",
                 ("-p", "build", "--version"): "version",
                 ("--clang-tidy-help",): "clang-tidy-help"}
        for argv, expected in cases.items():
            with self.subTest(argv=argv):
                self.assertEqual(mode(list(argv)), expected)
        # After `--` they are compiler flags.
        self.assertEqual(mode(["f.cpp", "--", "--help"]), "pass-through")

    def test_bad_command_lines(self):
        cases = {
            ("-p", "b", "--shard", "3/2"):
                "argument --shard: expected K/N with 1 <= K <= N",
            ("-p", "b", "--format", "xml"):
                "argument --format: invalid choice: 'xml'",
            ("-p", "b", "-j", "0"):
                "argument -j/--jobs: expected a positive number",
            ("diff",): "the following arguments are required: -p/--p",
            ("merge",): "the following arguments are required: RESULT",
            ("merge", "a.json", "--shard", "1/2"):
                "unrecognized arguments: --shard 1/2",
            ("--format", "json", "f.cpp"):
                "--format needs -p BUILD_DIR (the project mode)",
            ("-p", "b", "--baseline", "x.json", "--fix"):
                "--baseline is an option of the project mode, which takes "
                "no clang-tidy option such as --fix",
            ("-p", "b", "--exit-zero", "--", "-std=c++17"):
                "--exit-zero is an option of the project mode, which takes "
                "no '--'",
            (): "no files given",
            ("run",): "no files given",
        }
        for argv, message in cases.items():
            with self.subTest(argv=argv):
                with self.assertRaises(cli.UsageError) as raised:
                    cli.parse(list(argv))
                self.assertIn(message, str(raised.exception))


class CommandTest(support.ScratchTestCase):
    """The command in a child process, with a fake clang-tidy."""

    def setUp(self):
        super().setUp()
        self.clang_tidy, self.bin_dir = support.fake_llvm(self.tmp)

    def run_tool(self, *argv, major=22):
        return support.run_thread_tidy(argv, self.clang_tidy, self.bin_dir,
                                       major=major, cwd=self.tmp)

    def test_every_help_is_ours_and_exits_zero(self):
        usages = {("--help",): "usage: thread-tidy [run]",
                  ("-p", "build", "--help"): "usage: thread-tidy [run]",
                  ("diff", "--help"): "usage: thread-tidy diff -p BUILD_DIR",
                  ("merge", "--help"): "usage: thread-tidy merge"}
        for argv, usage in usages.items():
            with self.subTest(argv=argv):
                done = self.run_tool(*argv)
                self.assertEqual(done.returncode, 0, done.stderr)
                self.assertTrue(done.stdout.startswith(usage), done.stdout)
                self.assertEqual(done.stderr, "")
        top = self.run_tool("--help").stdout
        for command in ("run", "diff", "merge", "--clang-tidy-help"):
            self.assertIn(command, top)
        run = self.run_tool("-p", "build", "--help").stdout
        for option in ("--shard K/N", "--write-baseline FILE", "--root DIR"):
            self.assertIn(option, run)

    def test_version_names_the_clang_tidy_it_runs(self):
        done = self.run_tool("--version")
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(done.stdout.splitlines(), [
            "thread-tidy %s (threads-* checks for LLVM 22)" % __version__,
            "plugin: %s" % os.path.join(self.tmp, "prefix", "lib",
                                        "libThreadTidy.so"),
            "clang-tidy: %s" % self.clang_tidy,
            # clang-tidy's own, for tools that take thread-tidy for it.
            "Debian LLVM version 22.1.0", "  Optimized build."])

    def test_version_with_a_clang_tidy_of_another_major(self):
        done = self.run_tool("--version", major=19)
        self.assertEqual(done.returncode, 2)
        self.assertIn("thread-tidy %s (threads-* checks for LLVM 19)"
                      % __version__, done.stdout)
        self.assertIn("thread-tidy: error: libThreadTidy.so was built for "
                      "LLVM 19 but %s is LLVM 22" % self.clang_tidy,
                      done.stderr)

    def test_clang_tidy_help_is_clang_tidys(self):
        done = self.run_tool("--clang-tidy-help")
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(json.loads(done.stdout), ["--help"])

    def test_pass_through_loads_the_plugin_and_default_checks(self):
        plugin = os.path.join(self.tmp, "prefix", "lib", "libThreadTidy.so")
        cases = {
            ("f.cpp", "--", "-std=c++17"):
                ["--load=" + plugin, "--checks=-*,threads-*", "f.cpp", "--",
                 "-std=c++17"],
            ("-checks=-*,misc-*", "f.cpp"):
                ["--load=" + plugin, "-checks=-*,misc-*", "f.cpp"],
            ("--list-checks", "--", "-DX=--checks=foo"):
                ["--load=" + plugin, "--checks=-*,threads-*",
                 "--list-checks", "--", "-DX=--checks=foo"],
            ("run", "--fix", "f.cpp"):
                ["--load=" + plugin, "--checks=-*,threads-*", "--fix",
                 "f.cpp"],
        }
        for argv, expected in cases.items():
            with self.subTest(argv=argv):
                done = self.run_tool(*argv)
                self.assertEqual(done.returncode, 0, done.stderr)
                self.assertEqual(json.loads(done.stdout), expected)

    def test_errors_are_one_line_and_exit_two(self):
        os.remove(os.path.join(self.tmp, "prefix", "lib", "libThreadTidy.so"))
        for argv, message in (
                (("f.cpp",), "plugin not found: "),
                (("-p", "b", "--shard", "0/2"), "argument --shard"),
                (("merge", "missing.json"), "cannot merge missing.json: "),
                ((), "no files given")):
            with self.subTest(argv=argv):
                done = self.run_tool(*argv)
                self.assertEqual(done.returncode, 2)
                self.assertEqual(len(done.stderr.splitlines()), 1,
                                 done.stderr)
                self.assertTrue(done.stderr.startswith(
                    "thread-tidy: error: " + message), done.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
