# RUN: %python %s
"""Reading clang-tidy's --export-fixes diagnostics into findings."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "Inputs"))
import support  # noqa: E402

from thread_tidy import export  # noqa: E402
from thread_tidy.model import Edit, Location, Note  # noqa: E402

SOURCE = """\
// caf\u00e9: the columns after it count bytes
void f() { std::thread t(g); }
void h() {
  std::thread u(g);
}
"""


def diagnostic(name, path, offset, message="m", level="Warning", notes=(),
               replacements=(), build_dir=""):
    return {"DiagnosticName": name, "Level": level,
            "BuildDirectory": build_dir,
            "DiagnosticMessage": {"Message": message, "FilePath": path,
                                  "FileOffset": offset,
                                  "Replacements": list(replacements)},
            "Notes": list(notes)}


class ExportTest(support.ScratchTestCase):
    def setUp(self):
        super().setUp()
        self.path = self.write("src/a.cpp", SOURCE)
        self.data = SOURCE.encode("utf-8")

    def offset(self, text):
        return self.data.index(text.encode("utf-8"))

    def read(self, *diagnostics):
        return export.findings_from_export(list(diagnostics), self.tmp)

    def test_locations_notes_and_fixits(self):
        finding = self.read(diagnostic(
            "threads-unjoined-thread", self.path, self.offset("t(g)"),
            "thread 't'  is started\n  never joined",
            notes=[{"Message": "started here", "FilePath": self.path,
                    "FileOffset": self.offset("u(g)")}],
            replacements=[{"FilePath": self.path,
                           "Offset": self.offset("std::thread t"),
                           "Length": len("std::thread"),
                           "ReplacementText": "std::jthread"}]))[0][0]
        self.assertEqual(finding.location, Location("src/a.cpp", 2, 24))
        self.assertEqual(finding.message,
                         "thread 't' is started never joined")
        self.assertEqual(finding.notes,
                         [Note("started here", Location("src/a.cpp", 4, 15))])
        self.assertEqual(finding.fixes, [Edit("src/a.cpp", 2, 12, 2, 23,
                                              "std::jthread")])
        self.assertEqual((finding.context_start, finding.context),
                         (1, SOURCE.splitlines()[:4]))
        self.assertEqual(finding.source_line,
                         "void f() { std::thread t(g); }")
        self.assertEqual(len(finding.key), 20)

    def test_columns_count_bytes(self):
        finding = self.read(diagnostic("threads-x", self.path,
                                       self.offset("the columns")))[0][0]
        self.assertEqual(finding.location, Location("src/a.cpp", 1, 11))

    def test_relative_paths_are_of_the_build_directory(self):
        finding = self.read(diagnostic(
            "threads-x", "../src/a.cpp", self.offset("u(g)"),
            build_dir=os.path.join(self.tmp, "build")))[0][0]
        self.assertEqual(finding.location, Location("src/a.cpp", 4, 15))
        outside = self.write("../%s-outside.cpp" % os.path.basename(self.tmp),
                             "int x;\n")
        self.addCleanup(os.remove, outside)
        finding = self.read(diagnostic("threads-x", outside, 4))[0][0]
        self.assertEqual(finding.location.file, os.path.normpath(outside))

    def test_errors_apart_duplicates_and_locationless_dropped(self):
        twice = diagnostic("threads-x", self.path, self.offset("u(g)"))
        findings, errors = self.read(
            twice, dict(twice),
            diagnostic("clang-diagnostic-error", self.path, 0, "bad",
                       level="Error"),
            diagnostic("clang-diagnostic-error", "", 0, "no such file"),
            diagnostic("threads-x", self.path, self.offset("t(g)")))
        self.assertEqual([(f.check, f.location.line) for f in findings],
                         [("threads-x", 2), ("threads-x", 4)])
        self.assertEqual([(e.check, e.severity, e.message) for e in errors],
                         [("clang-diagnostic-error", "error", "bad")])

    def test_last_line_context_and_missing_source(self):
        finding = self.read(diagnostic("threads-x", self.path,
                                       self.data.rindex(b"}")))[0][0]
        self.assertEqual(finding.location.line, 5)
        self.assertEqual(finding.context_start, 3)
        self.assertEqual(finding.context, SOURCE.splitlines()[2:])
        gone = self.read(diagnostic("threads-x", self.path + ".gone", 0))
        self.assertEqual(gone[0][0].context, [""])

    def test_yaml_document(self):
        path = self.write("fixes.yaml", "---\nMainSourceFile: ''\n"
                          "Diagnostics: []\n...\n")
        self.assertEqual(export.load_yaml(path)["Diagnostics"], [])
        bad = self.write("bad.yaml", "Diagnostics: [\n")
        with self.assertRaises(export.ExportError) as raised:
            export.load_yaml(bad)
        self.assertIn("cannot read %s" % bad, str(raised.exception))


if __name__ == "__main__":
    unittest.main(verbosity=2)
