# RUN: %python %s
"""Each output format: what it writes, and (JSON, SARIF) that it reads back
into the same results, thread-tidy 1.0's files included; the summary line,
the HTML report and merging."""
import html.parser
import io
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "Inputs"))
import legacy_fixture as fixture  # noqa: E402
import support  # noqa: E402

from thread_tidy import formats, json_format, model  # noqa: E402
from thread_tidy import report, sarif_format, text_format  # noqa: E402
from thread_tidy.export import findings_from_export  # noqa: E402
from thread_tidy.rules import Catalogue  # noqa: E402

DOCS_URL = "https://example.com/docs/checks"


class FormatTestCase(support.ScratchTestCase):
    def setUp(self):
        super().setUp()
        fixture.write_source(self.tmp)
        diagnostics = fixture.diagnostics(self.tmp)
        path = os.path.join(self.tmp, fixture.RELATIVE_PATH)
        start = fixture.offset_of(fixture.SOURCE, "std::thread global", 0)
        diagnostics[0]["DiagnosticMessage"]["Replacements"] = [{
            "FilePath": path, "Offset": start, "Length": len("std::thread"),
            "ReplacementText": "std::jthread"}]
        diagnostics.append({
            "DiagnosticName": "clang-diagnostic-error", "Level": "Error",
            "DiagnosticMessage": {"Message": "unknown type name 'foo'",
                                  "FilePath": path, "FileOffset": 0}})
        findings, errors = findings_from_export(diagnostics, self.tmp)
        self.results = model.Results(self.tmp, [fixture.RELATIVE_PATH,
                                                "src/clean.cpp"],
                                     findings, errors, 3.456, "1.1.0+llvm22")
        self.catalogue = Catalogue(docs_dir=support.DOCS, docs_url=DOCS_URL)

    def dump(self, name, results=None):
        out = io.StringIO()
        formats.dump(results or self.results, name, out, self.catalogue)
        return out.getvalue()

    def reload(self, name):
        path = self.write("results." + name, self.dump(name))
        return formats.load(path, "/elsewhere")


class TextTest(FormatTestCase):
    def test_findings_with_source_notes_and_fixits(self):
        lines = self.dump("text").splitlines()
        self.assertEqual(lines[:7], [
            "src/jobs.cpp:1:1: error: unknown type name 'foo' "
            "[clang-diagnostic-error]",
            "  #include <stdexcept>",
            "src/jobs.cpp:6:13: warning: %s [threads-unjoined-thread]"
            % (fixture.UNJOINED % "global_worker"),
            "  std::thread global_worker(import_rows);",
            "src/jobs.cpp:6:1: fix-it: replace with 'std::jthread'",
            "src/jobs.cpp:11:5: warning: %s [threads-joinable-at-exit]"
            % fixture.FINDINGS[1][3],
            "      return 1;"])
        self.assertEqual(lines[7], "src/jobs.cpp:9:15: note: thread "
                         "'importer' declared here")
        self.assertEqual(len([l for l in lines if ": warning: " in l]), 6)

    def test_summary_line(self):
        results = self.results
        self.assertEqual(
            text_format.summary_line(results),
            "thread-tidy: 2 files analysed in 3.5 s: 6 findings "
            "(threads-exception-escape: 1, threads-joinable-at-exit: 1, "
            "threads-unjoined-thread: 4); compiler errors in 1 file")
        one = model.Results("/r", ["a.cpp"], results.findings[:1], [], 0, "",
                            baselined=3)
        self.assertEqual(text_format.summary_line(one),
                         "thread-tidy: 1 file analysed: 1 new finding "
                         "(threads-unjoined-thread: 1), 3 in the baseline")
        one.skipped = 4
        self.assertEqual(text_format.summary_line(one),
                         "thread-tidy: 1 file analysed, 4 skipped: 1 new "
                         "finding (threads-unjoined-thread: 1), 3 in the "
                         "baseline")


class JsonTest(FormatTestCase):
    def test_layout(self):
        data = json.loads(self.dump("json"))
        self.assertEqual(data["version"], 2)
        self.assertEqual(data["tool"], {"name": "thread-tidy",
                                        "version": "1.1.0+llvm22"})
        self.assertEqual(data["summary"], {
            "files": 2, "findings": 6,
            "byCheck": {"threads-exception-escape": 1,
                        "threads-joinable-at-exit": 1,
                        "threads-unjoined-thread": 4},
            "byDirectory": {"src": 6}, "filesWithCompilerErrors": 1,
            "baselined": 0, "seconds": 3.46})
        finding = data["findings"][1]
        self.assertEqual(list(finding), [
            "check", "severity", "message", "file", "line", "column", "key",
            "notes", "fixes", "context"])
        self.assertEqual(finding["notes"], [{
            "message": "thread 'importer' declared here",
            "file": "src/jobs.cpp", "line": 9, "column": 15}])
        self.assertEqual(data["findings"][0]["fixes"], [{
            "file": "src/jobs.cpp", "line": 6, "column": 1, "endLine": 6,
            "endColumn": 12, "replacement": "std::jthread"}])
        self.assertEqual(finding["context"]["startLine"], 9)
        self.assertIsNone(data["toolFailure"])

    def test_round_trip(self):
        self.results.failure = "clang-tidy crashed"
        self.results.seconds = 3.25  # JSON keeps two decimals
        again = self.reload("json")
        self.assertEqual(again, self.results)

    def test_thread_tidy_1_0_results_read_back(self):
        old = formats.load(os.path.join(support.HERE, "results-v1.json"),
                           "/elsewhere")
        fresh = self.results.findings
        fresh[0].fixes = []
        self.assertEqual(old.findings, fresh)
        self.assertEqual((old.files, old.seconds, old.tool_version),
                         (["src/jobs.cpp"], 1.25, "1.0.0+llvm22"))

    def test_not_results(self):
        for data, message in (
                ([1], "expected a JSON object"),
                ({"version": 9}, "unsupported thread-tidy JSON version 9"),
                ({"version": 2, "tool": "thread-tidy", "findings": []},
                 "this is a baseline; pass it with --baseline")):
            with self.subTest(data=data):
                with self.assertRaises(ValueError) as raised:
                    json_format.from_json(data, "/r")
                self.assertEqual(str(raised.exception), message)


class SarifTest(FormatTestCase):
    def test_layout(self):
        log = json.loads(self.dump("sarif"))
        self.assertEqual(log["version"], "2.1.0")
        run = log["runs"][0]
        rules = run["tool"]["driver"]["rules"]
        self.assertEqual([r["id"] for r in rules],
                         self.catalogue.all_checks())
        unjoined = rules[[r["id"] for r in rules].index(
            "threads-unjoined-thread")]
        self.assertEqual(unjoined["name"], "UnjoinedThread")
        self.assertEqual(unjoined["helpUri"],
                         DOCS_URL + "/threads-unjoined-thread.md")
        self.assertTrue(unjoined["shortDescription"]["text"].startswith(
            "Finds"))
        result = run["results"][1]
        self.assertEqual(result["ruleId"], "threads-joinable-at-exit")
        self.assertEqual(rules[result["ruleIndex"]]["id"], result["ruleId"])
        physical = result["locations"][0]["physicalLocation"]
        self.assertEqual(physical["artifactLocation"],
                         {"uri": "src/jobs.cpp", "uriBaseId": "SRCROOT"})
        self.assertEqual(physical["region"], {
            "startLine": 11, "startColumn": 5,
            "snippet": {"text": "    return 1;"}})
        self.assertEqual(physical["contextRegion"]["startLine"], 9)
        self.assertEqual(result["partialFingerprints"],
                         {"threadTidyKey/v2": self.results.findings[1].key})
        self.assertNotIn("logicalLocations", result["locations"][0])
        self.assertEqual(len(result["codeFlows"][0]["threadFlows"][0]
                             ["locations"]), 2)
        self.assertEqual(result["relatedLocations"][0]["message"]["text"],
                         "thread 'importer' declared here")
        fix = run["results"][0]["fixes"][0]["artifactChanges"][0]
        self.assertEqual(fix["replacements"][0]["insertedContent"]["text"],
                         "std::jthread")
        invocation = run["invocations"][0]
        self.assertFalse(invocation["executionSuccessful"])
        self.assertEqual(invocation["toolExecutionNotifications"][0]
                         ["message"]["text"],
                         "unknown type name 'foo' [clang-diagnostic-error]")
        self.assertEqual(run["originalUriBaseIds"]["SRCROOT"]["uri"],
                         "file://%s/" % self.tmp)

    def test_round_trip(self):
        self.results.failure = "clang-tidy crashed"
        again = self.reload("sarif")
        self.assertEqual(again.findings, self.results.findings)
        # A notification has no source context.
        self.assertEqual([(e.check, e.message, e.location, e.severity)
                          for e in again.errors],
                         [(e.check, e.message, e.location, e.severity)
                          for e in self.results.errors])
        self.assertEqual((again.root, again.files, again.failure),
                         (self.tmp, self.results.files, "clang-tidy crashed"))

    def test_thread_tidy_1_0_log_reads_back(self):
        old = formats.load(os.path.join(support.HERE, "results-v1.sarif"),
                           "/elsewhere")
        fresh = self.results.findings
        fresh[0].fixes = []
        self.assertEqual(old.findings, fresh)

    def test_not_ours(self):
        for data, message in (
                ({"version": "2.1.0", "runs": []},
                 "expected a SARIF 2.1.0 log with one run"),
                ({"version": "2.1.0", "runs": [{"tool": {"driver": {
                    "name": "other"}}}]},
                 "the SARIF log is not from thread-tidy")):
            with self.subTest(message=message):
                with self.assertRaises(ValueError) as raised:
                    sarif_format.from_sarif(data, "/r")
                self.assertEqual(str(raised.exception), message)


class ReportDom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


class ReportTest(FormatTestCase):
    def test_page_shows_totals_findings_and_links(self):
        page = report.render(self.results, self.catalogue)
        dom = ReportDom()
        dom.feed(page)
        values = {a["id"]: int(a["data-value"]) for t, a in dom.tags
                  if "data-value" in a}
        self.assertEqual(values, {"total-findings": 6, "total-files": 2,
                                  "total-checks": 3,
                                  "total-compiler-errors": 1})
        sections = [(a["data-check"], int(a["data-line"]))
                    for t, a in dom.tags if t == "section"]
        self.assertEqual(sections, [(f.check, f.location.line)
                                    for f in self.results.findings])
        self.assertIn('<a class="doc" href="%s/threads-joinable-at-exit.md">'
                      % DOCS_URL, page)
        self.assertIn('<span class="hit"><span class="ln">11</span>'
                      '    return 1;</span>', page)
        self.assertFalse([t for t, a in dom.tags
                          if t in ("script", "link", "img")])


class MergeTest(FormatTestCase):
    def test_union_of_files_without_duplicate_findings(self):
        first = model.Results("/r", ["a.cpp", "src/jobs.cpp"],
                              self.results.findings[:4], [], 1.0, "v")
        second = model.Results("/r", ["b.cpp"], self.results.findings[2:],
                               self.results.errors, 2.0, "v", baselined=2,
                               failure="crashed on b.cpp")
        merged = model.merge([first, second], "/r")
        self.assertEqual(merged.files, ["a.cpp", "b.cpp", "src/jobs.cpp"])
        self.assertEqual(merged.findings, self.results.findings)
        self.assertEqual((merged.seconds, merged.baselined, merged.failure),
                         (3.0, 2, "crashed on b.cpp"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
