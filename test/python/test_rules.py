# RUN: %python %s
"""The SARIF rules and doc links, read from the check pages."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "Inputs"))
import support  # noqa: E402

from thread_tidy import rules  # noqa: E402

PAGE = """\
# threads-foo

Finds `foo` in threads. It matters
because [bar](x.md) breaks.

## What it finds

Text.

```cpp
## not a heading
```

## Limits

None.
"""


class PageTest(unittest.TestCase):
    def test_page_splits_at_headings_outside_code(self):
        page = rules.parse_page(PAGE)
        self.assertEqual(page.title, "threads-foo")
        self.assertEqual(page.intro, "Finds `foo` in threads. It matters\n"
                         "because [bar](x.md) breaks.")
        self.assertEqual([name for name, _ in page.sections],
                         ["What it finds", "Limits"])
        self.assertIn("## not a heading", page.section("What it finds"))
        self.assertIsNone(page.section("Options"))


class CatalogueTest(support.ScratchTestCase):
    def test_rules_come_from_the_pages(self):
        self.write("checks/threads-foo.md", PAGE)
        self.write("checks/TEMPLATE.md", "# {{check}}\n")
        catalogue = rules.Catalogue(os.path.join(self.tmp, "checks"),
                                    "https://example.com/c/")
        self.assertEqual(catalogue.all_checks(), ["threads-foo"])
        rule = catalogue.rule("threads-foo")
        self.assertEqual(rule.summary, "Finds foo in threads. It matters "
                         "because bar breaks.")
        self.assertEqual(rule.help_uri, "https://example.com/c/threads-foo.md")
        unknown = catalogue.rule("threads-unknown")
        self.assertEqual((unknown.summary, unknown.help_uri),
                         ("threads-unknown", ""))

    def test_default_docs_are_the_source_trees(self):
        catalogue = rules.Catalogue()
        self.assertEqual(os.path.realpath(catalogue.docs_dir),
                         os.path.realpath(support.DOCS))
        self.assertTrue(catalogue.docs_url.startswith("file://"))
        self.assertIn("threads-unjoined-thread", catalogue.all_checks())


if __name__ == "__main__":
    unittest.main(verbosity=2)
