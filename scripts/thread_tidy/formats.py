"""The output formats by name: writing results in one, and reading a
thread-tidy JSON or SARIF file back (what `thread-tidy merge` does)."""
from __future__ import annotations

import json
from typing import IO

from . import json_format, keys, sarif_format, text_format
from .model import Results
from .rules import Catalogue

NAMES = ("text", "json", "sarif")


def dump(results: Results, name: str, out: IO[str],
         catalogue: Catalogue) -> str:
    """Writes results to out; returns the text written for the JSON-based
    formats (empty for text)."""
    if name == "text":
        text_format.write(results, out)
        return ""
    document = (json_format.to_json(results) if name == "json"
                else sarif_format.to_sarif(results, catalogue))
    text = json.dumps(document, indent=2) + "\n"
    out.write(text)
    return text


def load(path: str, root: str) -> Results:
    """A thread-tidy JSON or SARIF file; ValueError (or KeyError,
    TypeError...) when it is neither. The keys are computed again, from the
    context each finding carries: a file of thread-tidy 1.0 has other
    keys."""
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    if isinstance(data, dict) and "runs" in data:
        results = sarif_format.from_sarif(data, root)
    else:
        results = json_format.from_json(data, root)
    keys.assign_keys(results.findings + results.errors)
    return results
