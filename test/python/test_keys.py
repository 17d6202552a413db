# RUN: %python %s
"""Baseline keys: the same finding keeps its key when the file around it
changes, and a changed finding gets a new one."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "Inputs"))
import legacy_fixture as fixture  # noqa: E402
import support  # noqa: E402

from thread_tidy import keys  # noqa: E402
from thread_tidy.export import findings_from_export  # noqa: E402
from thread_tidy.model import Finding, Location  # noqa: E402


def synthetic(check, path, line, first, context):
    """A finding on line of path, with the context lines from first."""
    finding = Finding(check, "m", Location(path, line, 3))
    finding.context_start, finding.context = first, list(context)
    return finding


class KeyTest(support.ScratchTestCase):
    def keys_of(self, source, findings=fixture.FINDINGS):
        """{(check, message, occurrence of that pair): key} of the fixture's
        findings in source."""
        fixture.write_source(self.tmp, source)
        found, _ = findings_from_export(
            fixture.diagnostics(self.tmp, source, findings), self.tmp)
        result = {}
        for finding in found:
            name = (finding.check, finding.message)
            index = sum(1 for (c, m, _) in result if (c, m) == name)
            result[name + (index,)] = finding.key
        return result

    def test_lines_inserted_or_removed_elsewhere_keep_every_key(self):
        before = self.keys_of(fixture.SOURCE)
        self.assertEqual(len(set(before.values())), len(fixture.FINDINGS))
        above = "// a new comment\nint unrelated() { return 7; }\n\n" * 7
        self.assertEqual(self.keys_of(above + fixture.SOURCE), before)
        self.assertEqual(self.keys_of(fixture.SOURCE + above), before)
        shorter = fixture.SOURCE.replace("#include <stdexcept>\n", "")
        self.assertEqual(self.keys_of(shorter), before)

    def test_blank_lines_and_indentation_around_a_finding_do_not_count(self):
        before = self.keys_of(fixture.SOURCE)
        spaced = fixture.SOURCE.replace("  if (fast)\n", "\n  if (fast)\n\n")
        reindented = spaced.replace("    return 1;", "\t\treturn 1;   ")
        self.assertEqual(self.keys_of(reindented), before)

    def test_changing_the_line_or_a_neighbour_changes_only_that_key(self):
        before = self.keys_of(fixture.SOURCE)
        joinable = ("threads-joinable-at-exit", fixture.FINDINGS[1][3], 0)
        for old, new in (("return 1;", "return 2;"),
                         ("if (fast)", "if (!fast)"),
                         ("importer.join();", "importer.detach();")):
            with self.subTest(edit=new):
                findings = [(c, new if text == old else text, n, m, notes)
                            for c, text, n, m, notes in fixture.FINDINGS]
                after = self.keys_of(fixture.SOURCE.replace(old, new),
                                     findings)
                changed = {name for name in before
                           if before[name] != after[name]}
                self.assertEqual(changed, {joinable})

    def test_identical_fingerprints_are_told_apart_by_a_counter(self):
        line = "  { std::thread t(import_rows); }\n"
        source = fixture.SOURCE.replace(line * 2, line * 4)
        found = [f for f in fixture.FINDINGS if f[1] != "t(import_rows)"]
        found += [("threads-unjoined-thread", "t(import_rows)", n,
                   fixture.UNJOINED % "t", []) for n in range(4)]
        repeated = [key for (check, message, _), key
                    in self.keys_of(source, found).items()
                    if message == fixture.UNJOINED % "t"]
        # The middle two have the same line and neighbours.
        self.assertEqual(len(repeated), 4)
        self.assertEqual(len(set(repeated)), 4)

    def test_the_counter_follows_line_order_not_list_order(self):
        def twins(first, second):
            found = [synthetic("threads-x", "f.cpp", n, n - 1,
                               ["a;", "a;", "a;"]) for n in (first, second)]
            keys.assign_keys(found)
            return [f.key for f in found]
        self.assertEqual(twins(12, 10), list(reversed(twins(20, 30))))

    def test_a_key_is_of_the_check_and_the_file(self):
        def key(check, path):
            finding = synthetic(check, path, 3, 1, ["a", "b", "c"])
            keys.assign_keys([finding])
            return finding.key
        self.assertNotEqual(key("threads-a", "x.cpp"),
                            key("threads-b", "x.cpp"))
        self.assertNotEqual(key("threads-a", "x.cpp"),
                            key("threads-a", "y.cpp"))
        self.assertEqual(len(key("threads-a", "x.cpp")), keys.KEY_LENGTH)

    def test_a_reworded_message_keeps_the_key(self):
        before = self.keys_of(fixture.SOURCE)
        reworded = [(c, t, n, m.upper(), notes)
                    for c, t, n, m, notes in fixture.FINDINGS]
        after = self.keys_of(fixture.SOURCE, reworded)
        self.assertEqual(sorted(before.values()), sorted(after.values()))


class LegacyKeyTest(support.ScratchTestCase):
    def test_version_1_keys_are_recomputed_from_the_function_name(self):
        baseline = support.load_json(os.path.join(support.HERE,
                                                  "baseline-v1.json"))
        fixture.write_source(self.tmp)
        found, _ = findings_from_export(fixture.diagnostics(self.tmp),
                                        self.tmp)
        self.assertEqual(
            [keys.legacy_key(f, e["function"])
             for f, e in zip(found, baseline["findings"])],
            [e["key"] for e in baseline["findings"]])


if __name__ == "__main__":
    unittest.main(verbosity=2)
