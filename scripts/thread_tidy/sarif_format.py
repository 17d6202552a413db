"""The SARIF 2.1.0 format, for GitHub code scanning and other SARIF viewers,
written and read back (a merge reads shard logs into the model).

One run: the rules from the check pages (rules.py), a result per finding
with its notes as related locations and as a code flow, its fix-its, and
its baseline key as a partial fingerprint; compiler errors and a tool
failure are notifications of the invocation.
"""
from __future__ import annotations

import collections
import os
import re
import urllib.parse
from typing import Any, Dict, List, Optional, Tuple

from .model import Edit, Finding, Location, Note, Results
from .rules import Catalogue

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_NAME = "thread-tidy"
TOOL_URI = "https://clang.llvm.org/extra/clang-tidy/"
# Version 1 keys also hashed the enclosing function's name.
FINGERPRINT = "threadTidyKey/v2"
# The rule of a compiler error, when a notification does not name one.
COMPILER_ERROR = "clang-diagnostic-error"
TOOL_FAILURE = "tool-failure"


# --- writing -----------------------------------------------------------------

def _uri(path: str) -> str:
    return urllib.parse.quote(path)


def _artifact(path: str) -> Dict[str, str]:
    if os.path.isabs(path):
        return {"uri": "file://" + _uri(path)}
    return {"uri": _uri(path), "uriBaseId": "SRCROOT"}


def _physical(location: Location) -> Dict[str, Any]:
    return {"artifactLocation": _artifact(location.file),
            "region": {"startLine": location.line,
                       "startColumn": location.column}}


def _finding_location(finding: Finding) -> Dict[str, Any]:
    physical = _physical(finding.location)
    physical["region"]["snippet"] = {"text": finding.source_line}
    if finding.context:
        # One "\n" ends every line, so trailing empty lines survive the
        # round trip.
        physical["contextRegion"] = {
            "startLine": finding.context_start,
            "endLine": finding.context_start + len(finding.context) - 1,
            "snippet": {"text": "\n".join(finding.context) + "\n"}}
    return physical


def _first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.:])(\s|$)", text)
    return match.group(1) if match else text


def _rule(check: str, catalogue: Catalogue) -> Dict[str, Any]:
    rule = catalogue.rule(check)
    # SARIF wants a name distinct from the id: the check's class name.
    name = "".join(word.capitalize() for word in check.split("-")[1:])
    entry = {"id": check, "name": name or check,
             "shortDescription": {"text": _first_sentence(rule.summary)},
             "fullDescription": {"text": rule.summary},
             "defaultConfiguration": {"level": "warning"}}
    if rule.markdown:
        entry["help"] = {"text": rule.summary, "markdown": rule.markdown}
    if rule.help_uri:
        entry["helpUri"] = rule.help_uri
    return entry


def _code_flow(finding: Finding) -> Dict[str, Any]:
    """The notes are the path: where the thread starts, the return that
    skips the join, the call that throws."""
    steps = [(finding.message, finding.location)] + [
        (note.message, note.location) for note in finding.notes]
    return {"threadFlows": [{"locations": [
        {"location": {"message": {"text": message},
                      "physicalLocation": _physical(location)}}
        for message, location in steps]}]}


def _fix(finding: Finding) -> Dict[str, Any]:
    changes: Dict[str, List[Dict[str, Any]]] = collections.OrderedDict()
    for edit in finding.fixes:
        changes.setdefault(edit.file, []).append({
            "deletedRegion": {"startLine": edit.line,
                              "startColumn": edit.column,
                              "endLine": edit.end_line,
                              "endColumn": edit.end_column},
            "insertedContent": {"text": edit.text}})
    return {"description": {"text": "apply the fix-it of %s" % finding.check},
            "artifactChanges": [{"artifactLocation": _artifact(path),
                                 "replacements": replacements}
                                for path, replacements in changes.items()]}


def _result(finding: Finding, rule_index: int) -> Dict[str, Any]:
    result = {
        "ruleId": finding.check,
        "ruleIndex": rule_index,
        "level": "error" if finding.is_error else "warning",
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": _finding_location(finding)}],
        "partialFingerprints": {FINGERPRINT: finding.key},
    }
    if finding.notes:
        result["relatedLocations"] = [
            {"id": index + 1, "message": {"text": note.message},
             "physicalLocation": _physical(note.location)}
            for index, note in enumerate(finding.notes)]
        result["codeFlows"] = [_code_flow(finding)]
    if finding.fixes:
        result["fixes"] = [_fix(finding)]
    return result


def _notifications(results: Results) -> List[Dict[str, Any]]:
    notifications = [{
        "level": "error",
        "message": {"text": "%s [%s]" % (error.message, error.check)},
        "locations": [{"physicalLocation": _physical(error.location)}],
    } for error in results.errors]
    if results.failure:
        notifications.append({"level": "error",
                              "descriptor": {"id": TOOL_FAILURE},
                              "message": {"text": results.failure}})
    return notifications


def to_sarif(results: Results, catalogue: Catalogue) -> Dict[str, Any]:
    checks = sorted(set(catalogue.all_checks()) |
                    set(f.check for f in results.findings))
    rule_index = {check: index for index, check in enumerate(checks)}
    run = {
        "tool": {"driver": {"name": TOOL_NAME,
                            "version": results.tool_version or "0",
                            "informationUri": TOOL_URI,
                            "rules": [_rule(c, catalogue) for c in checks]}},
        "originalUriBaseIds": {"SRCROOT": {
            "uri": "file://" + _uri(results.root.rstrip("/")) + "/"}},
        "artifacts": [{"location": _artifact(path),
                       "roles": ["analysisTarget"]}
                      for path in results.files],
        "invocations": [{
            "executionSuccessful": not results.errors and not results.failure,
            "toolExecutionNotifications": _notifications(results),
            "properties": {"seconds": round(results.seconds, 2),
                           "baselined": results.baselined}}],
        "results": [_result(f, rule_index[f.check])
                    for f in results.findings],
        # clang counts columns in bytes; for the ASCII that C++ mostly is,
        # the two agree.
        "columnKind": "utf16CodeUnits",
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


# --- reading -----------------------------------------------------------------

def _read_uri(artifact: Dict[str, Any]) -> str:
    uri = urllib.parse.unquote(artifact.get("uri", ""))
    return uri[len("file://"):] if uri.startswith("file://") else uri


def _read_location(physical: Dict[str, Any]) -> Location:
    region = physical.get("region", {})
    return Location(_read_uri(physical.get("artifactLocation", {})),
                    int(region.get("startLine", 1)),
                    int(region.get("startColumn", 1)))


def _read_context(physical: Dict[str, Any]) -> Tuple[int, List[str]]:
    context = physical.get("contextRegion")
    if not context:
        return 0, []
    text = context["snippet"]["text"]
    if text.endswith("\n"):
        text = text[:-1]
    return int(context["startLine"]), text.split("\n")


def _read_fixes(result: Dict[str, Any]) -> List[Edit]:
    edits = []
    for fix in result.get("fixes", []):
        for change in fix.get("artifactChanges", []):
            path = _read_uri(change["artifactLocation"])
            for replacement in change.get("replacements", []):
                region = replacement["deletedRegion"]
                edits.append(Edit(
                    path, int(region["startLine"]),
                    int(region["startColumn"]), int(region["endLine"]),
                    int(region["endColumn"]),
                    replacement.get("insertedContent", {}).get("text", "")))
    return edits


def _read_result(result: Dict[str, Any]) -> Finding:
    """The key is not read: keys are given to a whole set of results."""
    physical = result["locations"][0]["physicalLocation"]
    context_start, context = _read_context(physical)
    return Finding(
        check=result["ruleId"], message=result["message"]["text"],
        location=_read_location(physical),
        severity="error" if result.get("level") == "error" else "warning",
        notes=[Note(related.get("message", {}).get("text", ""),
                    _read_location(related["physicalLocation"]))
               for related in result.get("relatedLocations", [])],
        fixes=_read_fixes(result),
        context_start=context_start, context=context)


def _read_error(notification: Dict[str, Any]) -> Optional[Finding]:
    text = notification.get("message", {}).get("text", "")
    match = re.match(r"(.*) \[([\w.-]+)\]$", text)
    message, check = ((match.group(1), match.group(2)) if match
                      else (text, COMPILER_ERROR))
    locations = notification.get("locations") or [{}]
    physical = locations[0].get("physicalLocation")
    if not physical:
        return None
    return Finding(check, message, _read_location(physical), "error")


def from_sarif(data: Dict[str, Any], root: str) -> Results:
    runs = data.get("runs") or []
    if data.get("version") != "2.1.0" or len(runs) != 1:
        raise ValueError("expected a SARIF 2.1.0 log with one run")
    run = runs[0]
    driver = run.get("tool", {}).get("driver", {})
    if driver.get("name") != TOOL_NAME:
        raise ValueError("the SARIF log is not from thread-tidy")
    base = run.get("originalUriBaseIds", {}).get("SRCROOT", {}).get("uri", "")
    run_root = (urllib.parse.unquote(base[len("file://"):]).rstrip("/")
                if base.startswith("file://") else root)
    invocation = (run.get("invocations") or [{}])[0]
    notifications = invocation.get("toolExecutionNotifications", [])
    failures = [n.get("message", {}).get("text", "") for n in notifications
                if n.get("descriptor", {}).get("id") == TOOL_FAILURE]
    errors = [_read_error(n) for n in notifications
              if n.get("descriptor", {}).get("id") != TOOL_FAILURE]
    properties = invocation.get("properties", {})
    return Results(
        root=run_root,
        files=[_read_uri(a.get("location", {}))
               for a in run.get("artifacts", [])
               if "analysisTarget" in a.get("roles", [])],
        findings=[_read_result(r) for r in run.get("results", [])],
        errors=[e for e in errors if e],
        seconds=float(properties.get("seconds", 0.0)),
        tool_version=driver.get("version", ""),
        baselined=int(properties.get("baselined", 0)),
        failure="\n".join(failures) or None)
