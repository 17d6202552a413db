# RUN: %python %s
"""The audit benchmark's own logic (bench/audit.py), without LLVM: reading
thread-tidy's summary line, make-format dependencies, the findings
comparison, restoring touched files, telling a thread-tidy with a result
cache from one without, and the benchmark's project list. No timing is
asserted."""
import contextlib
import io
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "Inputs"))
import support  # noqa: E402 (puts thread_tidy on the path)

sys.path.insert(0, os.path.join(support.REPO, "bench"))
import audit  # noqa: E402


class SummaryTest(unittest.TestCase):
    def test_reads_analysed_reused_and_skipped(self):
        summary = audit.Summary.parse(
            "thread-tidy: [30/30] util/x.cc\n"
            "thread-tidy: 30 files analysed, 5 reused, 110 skipped in "
            "62.3 s: 4 findings (threads-unjoined-thread: 4)\n")
        self.assertEqual(audit.Summary(30, 5, 110, 4), summary)

    def test_counts_left_out_are_zero(self):
        self.assertEqual(audit.Summary(30, 0, 110, 0), audit.Summary.parse(
            "thread-tidy: 30 files analysed, 110 skipped in 2.0 s: "
            "0 findings\n"))
        self.assertEqual(audit.Summary(1, 0, 0, 1), audit.Summary.parse(
            "thread-tidy: 1 file analysed in 0.5 s: 1 finding "
            "(threads-invalid-join: 1)\n"))

    def test_todays_line_without_time_or_cache(self):
        self.assertEqual(audit.Summary(7, 0, 0, 2), audit.Summary.parse(
            "thread-tidy: 7 files analysed: 2 new findings (x: 2), 1 in "
            "the baseline\n"))

    def test_last_summary_wins_and_none_without_one(self):
        self.assertEqual(3, audit.Summary.parse(
            "thread-tidy: 1 file analysed: 0 findings\n"
            "thread-tidy: 3 files analysed: 0 findings\n").analysed)
        self.assertIsNone(audit.Summary.parse("thread-tidy: error: boom\n"))


class MakeRulesTest(unittest.TestCase):
    def test_continued_lines_are_one_rule(self):
        text = ("/b/a.o: /s/a.cc /s/a.h \\\n  /s/b.h \\\n  /usr/x.h\n"
                "/b/c.o: /s/c.cc \\\n  /s/b.h\n")
        self.assertEqual([["/s/a.cc", "/s/a.h", "/s/b.h", "/usr/x.h"],
                          ["/s/c.cc", "/s/b.h"]], audit.make_rules(text))

    def test_escaped_spaces_stay_in_the_path(self):
        self.assertEqual([["/s/my dir/a.cc"]],
                         audit.make_rules("a.o: /s/my\\ dir/a.cc\n"))


class IdenticalFindingsTest(unittest.TestCase):
    def compare(self, a, b):
        out = io.StringIO()
        first = audit.RunResult("a", 1.0, 0, findings=set(a))
        second = audit.RunResult("b", 1.0, 0, findings=set(b))
        with contextlib.redirect_stdout(out):
            audit.print_identical(first, second, "/s")
        return out.getvalue()

    def test_same_findings(self):
        finding = audit.key_of("/s", "h.h", 3, 5, "threads-x", "bad")
        self.assertEqual("identical findings: yes (1 unique in (a), 1 in "
                         "(b))\n", self.compare([finding], [finding]))

    def test_paths_relative_to_the_root_compare_equal(self):
        self.assertEqual(audit.key_of("/s", "util/h.h", 3, 5, "c", "m"),
                         audit.key_of("/s/util", "../util/h.h", 3, 5, "c",
                                      "m"))

    def test_differences_are_listed(self):
        a = audit.key_of("/s", "a.cc", 3, 5, "threads-x", "lost")
        b = audit.key_of("/s", "a.cc", 4, 5, "threads-x", "lost")
        self.assertEqual(
            "identical findings: no (1 unique in (a), 1 in (b))\n"
            "  only in (a): a.cc:3:5: lost [threads-x]\n"
            "  only in (b): a.cc:4:5: lost [threads-x]\n",
            self.compare([a], [b]))


class TouchedTest(support.ScratchTestCase):
    def test_appends_a_comment_and_restores_the_bytes(self):
        header = self.write("h.h", "int x;")
        leaf = self.write("a.cc", "int y;\n")
        with audit.Touched([header, leaf]):
            with open(header, encoding="utf-8") as handle:
                self.assertEqual("int x;" + audit.TOUCH_LINE, handle.read())
        for path, text in ((header, "int x;"), (leaf, "int y;\n")):
            with open(path, encoding="utf-8") as handle:
                self.assertEqual(text, handle.read())

    def test_restores_after_a_failure(self):
        header = self.write("h.h", "int x;\n")
        with self.assertRaises(RuntimeError):
            with audit.Touched([header]):
                raise RuntimeError("the run failed")
        with open(header, encoding="utf-8") as handle:
            self.assertEqual("int x;\n", handle.read())


class OptionDetectionTest(support.ScratchTestCase):
    def fake_thread_tidy(self, run_help):
        return self.write("bin/thread-tidy", (
            "#!%s\nimport sys\n"
            "print(%r if sys.argv[1:] == ['run', '--help'] else 'usage')\n"
            % (sys.executable, run_help)), mode=0o755)

    def test_run_help_naming_cache_dir(self):
        self.assertTrue(audit.knows_option(self.fake_thread_tidy(
            "--cache-dir DIR  where results are kept"), "--cache-dir"))

    def test_without_cache_dir(self):
        thread_tidy = self.fake_thread_tidy("--jobs N  --cache-dirs DIRS")
        self.assertFalse(audit.knows_option(thread_tidy, "--cache-dir"))


class ProjectsTest(unittest.TestCase):
    def setUp(self):
        with open(os.path.join(support.REPO, "bench", "projects.json"),
                  encoding="utf-8") as handle:
            self.projects = json.load(handle)["projects"]

    def test_every_project_is_pinned_and_runnable(self):
        for data in self.projects:
            self.assertRegex(data["commit"], "^[0-9a-f]{40}$")
            if data.get("kind") == "cmake":
                project = audit.project_of(data, "/p")
                self.assertTrue(project.subset)
                self.assertTrue(project.touch_header.endswith(".h"))
                self.assertTrue(project.touch_leaf.endswith(".cc"))
            else:
                self.assertTrue(data["files"] and data["flags"])

    def test_a_cmake_project_is_there(self):
        self.assertIn("cmake", [p.get("kind") for p in self.projects])


if __name__ == "__main__":
    unittest.main(verbosity=2)
