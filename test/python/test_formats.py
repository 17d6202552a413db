# RUN: %python %s
"""The JSON and SARIF formats: their keys, and thread-tidy 1.0's files read
back into the same findings."""
import io
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "Inputs"))
import legacy_fixture as fixture  # noqa: E402
import support  # noqa: E402

from thread_tidy import formats  # noqa: E402
from thread_tidy.findings import findings_from_export  # noqa: E402
from thread_tidy.rules import Catalogue  # noqa: E402


class FormatTest(support.ScratchTestCase):
    def setUp(self):
        super().setUp()
        fixture.write_source(self.tmp)
        findings, errors = findings_from_export(
            fixture.diagnostics(self.tmp), self.tmp)
        self.results = formats.Results(self.tmp, [fixture.RELATIVE_PATH],
                                       findings, errors, 1.25, "1.1.0+llvm22")
        self.catalogue = Catalogue(docs_dir=support.DOCS)

    def dump(self, name):
        out = io.StringIO()
        formats.dump(self.results, name, out, self.catalogue)
        return json.loads(out.getvalue())

    def as_json(self, findings):
        return [f.to_json() for f in findings]

    def test_json_has_keys_and_no_function(self):
        data = self.dump("json")
        self.assertEqual(data["version"], 2)
        self.assertEqual([f["key"] for f in data["findings"]],
                         [f.key for f in self.results.findings])
        self.assertNotIn("function", data["findings"][0])

    def test_sarif_fingerprint_is_the_key(self):
        results = self.dump("sarif")["runs"][0]["results"]
        self.assertEqual([r["partialFingerprints"] for r in results],
                         [{"threadTidyKey/v2": f.key}
                          for f in self.results.findings])
        self.assertNotIn("logicalLocations", results[0]["locations"][0])

    def test_thread_tidy_1_0_files_read_back_with_todays_keys(self):
        for name in ("results-v1.json", "results-v1.sarif"):
            with self.subTest(name=name):
                old = formats.load(os.path.join(support.HERE, name), "/r")
                self.assertEqual(self.as_json(old.findings),
                                 self.as_json(self.results.findings))


if __name__ == "__main__":
    unittest.main(verbosity=2)
