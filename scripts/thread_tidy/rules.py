"""The catalogue of checks, read from the one place that describes them: the
doc pages in docs/checks/<check>.md. SARIF rules and the report's doc links
come from here, so a new check needs no second list.

Every page has the same skeleton (SECTIONS): a `# <check>` title, one intro
paragraph (the rule's summary: SARIF's short and full description), then the
`##` sections in this order. test/catalogue/ holds every page to it, and
docs/checks/TEMPLATE.md, which scripts/new-check copies, follows it."""
from __future__ import annotations

import os
import re
import urllib.parse
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

# The `##` sections of a check page, in order.
SECTIONS = ("What it finds", "Why it matters", "Flagged examples",
            "Clean examples", "How to fix it", "Options", "Limits")


def docs_dir_candidates(tool_dir: str) -> List[str]:
    # Installed: PREFIX/share/thread-tidy/python/thread_tidy -> PREFIX/share/doc/thread-tidy/checks
    # Source tree: scripts/thread_tidy -> docs/checks
    return [
        os.path.join(tool_dir, os.pardir, os.pardir, os.pardir, "doc",
                     "thread-tidy", "checks"),
        os.path.join(tool_dir, os.pardir, os.pardir, "docs", "checks"),
    ]


def find_docs_dir() -> Optional[str]:
    here = os.path.dirname(os.path.abspath(__file__))
    for candidate in docs_dir_candidates(here):
        if os.path.isdir(candidate):
            return os.path.normpath(candidate)
    return None


@dataclass
class Page:
    """A check page split at its headings. `title` is the text of the `#`
    line (None without one), `intro` the text between it and the first `##`,
    `sections` the (heading, body) pairs of the `##` sections in page order.
    Headings inside fenced code blocks are code, not headings."""
    title: Optional[str]
    intro: str
    sections: List[Tuple[str, str]]

    def section(self, heading: str) -> Optional[str]:
        for name, body in self.sections:
            if name == heading:
                return body
        return None


def parse_page(markdown: str) -> Page:
    title = None
    intro = []
    sections = []
    current = intro
    fence = None
    for line in markdown.splitlines():
        stripped = line.strip()
        if fence:
            if stripped.startswith(fence):
                fence = None
        elif stripped.startswith("```") or stripped.startswith("~~~"):
            fence = stripped[:3]
        elif line.startswith("# ") and title is None and not sections:
            title = line[2:].strip()
            continue
        elif line.startswith("## "):
            current = []
            sections.append((line[3:].strip(), current))
            continue
        current.append(line)
    return Page(title, "\n".join(intro).strip(),
                [(name, "\n".join(body).strip()) for name, body in sections])


def paragraphs(text: str) -> List[str]:
    """The prose paragraphs of \\p text: no headings, code or tables."""
    result = []
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = paragraph.strip()
        if (paragraph and not paragraph.startswith(("#", "```", "~~~", "|",
                                                    "<!--"))):
            result.append(paragraph)
    return result


def plain_text(paragraph: str) -> str:
    """Markdown emphasis, code spans and links reduced to their text."""
    text = re.sub(r"\s+", " ", paragraph)
    text = re.sub(r"[*`]", "", text)
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)


@dataclass(frozen=True)
class Rule:
    check: str
    summary: str  # the page's intro paragraph, as plain text
    markdown: str  # the whole page
    help_uri: str


def _summary(markdown: str) -> str:
    """The intro paragraph, as plain text; for a page that has none, its
    first paragraph of prose."""
    page = parse_page(markdown)
    found = paragraphs(page.intro)
    if not found:
        found = paragraphs(markdown)
    return plain_text(found[0]) if found else ""


class Catalogue:
    def __init__(self, docs_dir: Optional[str] = None,
                 docs_url: Optional[str] = None):
        self.docs_dir = docs_dir if docs_dir is not None else find_docs_dir()
        if docs_url:
            self.docs_url = docs_url.rstrip("/") + "/"
        elif self.docs_dir:
            self.docs_url = "file://" + urllib.parse.quote(
                os.path.abspath(self.docs_dir)) + "/"
        else:
            self.docs_url = ""
        self.rules: Dict[str, Rule] = {}

    def rule(self, check: str) -> Rule:
        if check in self.rules:
            return self.rules[check]
        markdown = ""
        if self.docs_dir:
            path = os.path.join(self.docs_dir, check + ".md")
            if os.path.exists(path):
                with open(path, encoding="utf-8") as handle:
                    markdown = handle.read()
        summary = _summary(markdown) or check
        help_uri = (self.docs_url + check + ".md"
                    if markdown and self.docs_url else "")
        self.rules[check] = Rule(check, summary, markdown, help_uri)
        return self.rules[check]

    def all_checks(self) -> List[str]:
        # Only threads-*.md pages: docs/checks/TEMPLATE.md is not a check.
        if not self.docs_dir:
            return []
        return sorted(name[:-3] for name in os.listdir(self.docs_dir)
                      if name.startswith("threads-") and name.endswith(".md"))
