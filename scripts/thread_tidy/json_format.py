"""The JSON format: stable, for scripts; documented in
docs/output-formats.md. Its "version" is raised on any incompatible change.

Version 2 dropped the findings' "function" (the guess of a lexical scan);
version 1 files still read back, for a merge.
"""
from __future__ import annotations

from typing import Any, Dict

from .model import Edit, Finding, Location, Note, Results

VERSION = 2
READABLE_VERSIONS = (1, 2)
TOOL_NAME = "thread-tidy"


def _location(location: Location) -> Dict[str, Any]:
    return {"file": location.file, "line": location.line,
            "column": location.column}


def _read_location(data: Dict[str, Any]) -> Location:
    return Location(data["file"], int(data["line"]), int(data["column"]))


def _edit(edit: Edit) -> Dict[str, Any]:
    return {"file": edit.file, "line": edit.line, "column": edit.column,
            "endLine": edit.end_line, "endColumn": edit.end_column,
            "replacement": edit.text}


def _read_edit(data: Dict[str, Any]) -> Edit:
    return Edit(data["file"], int(data["line"]), int(data["column"]),
                int(data["endLine"]), int(data["endColumn"]),
                data["replacement"])


def finding_to_json(finding: Finding) -> Dict[str, Any]:
    data = {"check": finding.check, "severity": finding.severity,
            "message": finding.message}
    data.update(_location(finding.location))
    data["key"] = finding.key
    data["notes"] = [dict(message=n.message, **_location(n.location))
                     for n in finding.notes]
    data["fixes"] = [_edit(e) for e in finding.fixes]
    data["context"] = {"startLine": finding.context_start,
                       "lines": list(finding.context)}
    return data


def finding_from_json(data: Dict[str, Any]) -> Finding:
    """The key is not read: keys are given to a whole set of results."""
    location = _read_location(data)
    context = data.get("context") or {}
    return Finding(
        check=data["check"], message=data["message"], location=location,
        severity=data.get("severity", "warning"),
        notes=[Note(n["message"], _read_location(n))
               for n in data.get("notes", [])],
        fixes=[_read_edit(e) for e in data.get("fixes", [])],
        context_start=int(context.get("startLine", location.line)),
        context=list(context.get("lines", [])))


def to_json(results: Results) -> Dict[str, Any]:
    return {
        "version": VERSION,
        "tool": {"name": TOOL_NAME, "version": results.tool_version},
        "root": results.root,
        "summary": {
            "files": len(results.files),
            "findings": len(results.findings),
            "byCheck": results.per_check(),
            "byDirectory": results.per_directory(),
            "filesWithCompilerErrors": len(results.files_with_errors()),
            "baselined": results.baselined,
            "seconds": round(results.seconds, 2)},
        "files": results.files,
        "findings": [finding_to_json(f) for f in results.findings],
        "errors": [finding_to_json(e) for e in results.errors],
        "toolFailure": results.failure,
    }


def is_baseline(data: Any) -> bool:
    return (isinstance(data, dict) and data.get("tool") == TOOL_NAME and
            "findings" in data and "summary" not in data)


def from_json(data: Any, root: str) -> Results:
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object")
    if is_baseline(data):
        raise ValueError("this is a baseline; pass it with --baseline")
    if data.get("version") not in READABLE_VERSIONS:
        raise ValueError("unsupported thread-tidy JSON version %r"
                         % data.get("version"))
    summary = data.get("summary", {})
    return Results(
        root=data.get("root", root), files=data.get("files", []),
        findings=[finding_from_json(f) for f in data.get("findings", [])],
        errors=[finding_from_json(e) for e in data.get("errors", [])],
        seconds=float(summary.get("seconds", 0.0)),
        tool_version=data.get("tool", {}).get("version", ""),
        baselined=int(summary.get("baselined", 0)),
        failure=data.get("toolFailure"))
