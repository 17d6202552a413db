# RUN: %python %s
"""Baselines: written, read back and applied; and a baseline thread-tidy
1.0 wrote (version 1) still holds the findings it recorded."""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "Inputs"))
import legacy_fixture as fixture  # noqa: E402
import support  # noqa: E402

from thread_tidy import baseline  # noqa: E402
from thread_tidy.export import findings_from_export  # noqa: E402
from thread_tidy.model import Results  # noqa: E402

VERSION_1 = os.path.join(support.HERE, "baseline-v1.json")


class BaselineTest(support.ScratchTestCase):
    def results(self, source=fixture.SOURCE, findings=fixture.FINDINGS):
        fixture.write_source(self.tmp, source)
        found, errors = findings_from_export(
            fixture.diagnostics(self.tmp, source, findings), self.tmp)
        return Results(self.tmp, [fixture.RELATIVE_PATH], found, errors)

    def new_after(self, path, source=fixture.SOURCE,
                  findings=fixture.FINDINGS):
        """The messages of the findings the baseline at path does not
        hold, and how many it held."""
        results = self.results(source, findings)
        held = baseline.apply(results, baseline.read(path))
        self.assertEqual(held, results.baselined)
        return [f.message for f in results.findings], held

    def test_written_baseline_holds_every_finding(self):
        path = os.path.join(self.tmp, "baseline.json")
        baseline.write(path, self.results())
        data = support.load_json(path)
        self.assertEqual((data["version"], data["tool"]), (2, "thread-tidy"))
        self.assertEqual(data["findings"][1], {
            "key": data["findings"][1]["key"],
            "check": "threads-joinable-at-exit", "file": "src/jobs.cpp",
            "source": "return 1;", "message": fixture.FINDINGS[1][3]})
        self.assertEqual(self.new_after(path), ([], len(fixture.FINDINGS)))
        moved = "// header comment\n" * 5 + fixture.SOURCE
        self.assertEqual(self.new_after(path, moved),
                         ([], len(fixture.FINDINGS)))

    def test_a_new_finding_and_a_second_copy_are_new(self):
        path = os.path.join(self.tmp, "baseline.json")
        baseline.write(path, self.results())
        extra = ("\nvoid start_sync() {\n  std::thread syncer(import_rows);"
                 "\n}\n")
        copy = "\nvoid twice_more() {\n  { std::thread t(import_rows); }\n}\n"
        found = fixture.FINDINGS + [
            ("threads-unjoined-thread", "syncer(", 0,
             fixture.UNJOINED % "syncer", []),
            ("threads-unjoined-thread", "t(import_rows)", 2,
             fixture.UNJOINED % "t", [])]
        self.assertEqual(self.new_after(path, fixture.SOURCE + extra + copy,
                                        found),
                         ([fixture.UNJOINED % "syncer",
                           fixture.UNJOINED % "t"], len(fixture.FINDINGS)))

    def test_version_1_baseline_holds_the_findings_it_recorded(self):
        self.assertEqual(self.new_after(VERSION_1),
                         ([], len(fixture.FINDINGS)))
        moved = ("#include <vector>\n// unrelated\n" * 4 + fixture.SOURCE +
                 "\nvoid later() {}\n")
        self.assertEqual(self.new_after(VERSION_1, moved),
                         ([], len(fixture.FINDINGS)))

    def test_version_1_baseline_reports_what_it_did_not_record(self):
        changed = fixture.SOURCE.replace("return 1;", "return 2;")
        found = [(c, "return 2;" if t == "return 1;" else t, n, m, notes)
                 for c, t, n, m, notes in fixture.FINDINGS]
        self.assertEqual(self.new_after(VERSION_1, changed, found),
                         ([fixture.FINDINGS[1][3]], len(found) - 1))
        # Three identical lines where the baseline has two: one is new.
        line = "  { std::thread t(import_rows); }\n"
        tripled = fixture.SOURCE.replace(line * 2, line * 3)
        found = fixture.FINDINGS + [("threads-unjoined-thread",
                                     "t(import_rows)", 2,
                                     fixture.UNJOINED % "t", [])]
        self.assertEqual(self.new_after(VERSION_1, tripled, found),
                         ([fixture.UNJOINED % "t"], len(fixture.FINDINGS)))

    def test_not_a_baseline(self):
        for name, content in (("list.json", "[1, 2]"),
                              ("findings.json", '{"findings": 3}'),
                              ("future.json", json.dumps(
                                  {"version": 3, "tool": "thread-tidy",
                                   "findings": []}))):
            with self.subTest(name=name):
                path = self.write(name, content)
                with self.assertRaises(ValueError) as raised:
                    baseline.read(path)
                self.assertEqual(str(raised.exception),
                                 "%s is not a thread-tidy baseline "
                                 "(version 1 or 2)" % path)


if __name__ == "__main__":
    unittest.main(verbosity=2)
