"""The catalogue of checks, read from the one place that describes them: the
doc pages in docs/checks/<check>.md. SARIF rules and the report's doc links
come from here, so a new check needs no second list."""
import os
import re
import urllib.parse


def docs_dir_candidates(tool_dir):
    # Installed: PREFIX/share/thread-tidy/python/thread_tidy -> PREFIX/share/doc/thread-tidy/checks
    # Source tree: scripts/thread_tidy -> docs/checks
    return [
        os.path.join(tool_dir, os.pardir, os.pardir, os.pardir, "doc",
                     "thread-tidy", "checks"),
        os.path.join(tool_dir, os.pardir, os.pardir, "docs", "checks"),
    ]


def find_docs_dir():
    here = os.path.dirname(os.path.abspath(__file__))
    for candidate in docs_dir_candidates(here):
        if os.path.isdir(candidate):
            return os.path.normpath(candidate)
    return None


class Rule:
    def __init__(self, check, summary, markdown, help_uri):
        self.check = check
        self.summary = summary
        self.markdown = markdown
        self.help_uri = help_uri


def _summary(markdown):
    """The first paragraph after the title, as plain text."""
    paragraphs = re.split(r"\n\s*\n", markdown)
    for paragraph in paragraphs:
        text = paragraph.strip()
        if not text or text.startswith("#") or text.startswith("```"):
            continue
        text = re.sub(r"\s+", " ", text)
        text = re.sub(r"[*`]", "", text)
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
        return text
    return ""


class Catalogue:
    def __init__(self, docs_dir=None, docs_url=None):
        self.docs_dir = docs_dir if docs_dir is not None else find_docs_dir()
        if docs_url:
            self.docs_url = docs_url.rstrip("/") + "/"
        elif self.docs_dir:
            self.docs_url = "file://" + urllib.parse.quote(
                os.path.abspath(self.docs_dir)) + "/"
        else:
            self.docs_url = ""
        self.rules = {}

    def rule(self, check):
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

    def all_checks(self):
        if not self.docs_dir:
            return []
        return sorted(name[:-3] for name in os.listdir(self.docs_dir)
                      if name.startswith("threads-") and name.endswith(".md"))
