"""Results: text for people, JSON for scripts, SARIF 2.1.0 for code scanning.

A Results object is what one run (or a merge of shard runs) found. JSON and
SARIF both read back into it, which is how `thread-tidy merge` works.
The JSON layout is documented in docs/output-formats.md; its "version" is
bumped on any incompatible change. Version 2 dropped the findings'
"function" (the guess of a lexical scan); version 1 files still read back.
Keys are not read back: they are computed again (keys.assign_keys) from the
context each finding carries, since files of thread-tidy 1.0 have others.
"""
import collections
import json
import os
import re
import urllib.parse

from . import keys
from .findings import Finding, Location, Note, Edit, dedupe

JSON_FORMAT_VERSION = 2
READABLE_JSON_VERSIONS = (1, 2)
# Version 1 keys also hashed the enclosing function's name.
SARIF_FINGERPRINT = "threadTidyKey/v2"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_NAME = "thread-tidy"
TOOL_URI = "https://clang.llvm.org/extra/clang-tidy/"


class Results:
    def __init__(self, root, files=(), findings=(), errors=(),
                 seconds=0.0, tool_version="", baselined=0):
        self.root = root
        self.files = sorted(set(files))
        self.findings = list(findings)
        self.errors = list(errors)
        self.seconds = seconds
        self.tool_version = tool_version
        # Findings left out because the baseline holds them.
        self.baselined = baselined
        # Why the results may be incomplete (clang-tidy crashed), or None.
        self.failure = None

    def per_check(self):
        counts = collections.Counter(f.check for f in self.findings)
        return dict(sorted(counts.items()))

    def per_directory(self):
        counts = collections.Counter(
            os.path.dirname(f.location.file) or "." for f in self.findings)
        return dict(sorted(counts.items()))

    def files_with_errors(self):
        return sorted(set(e.location.file for e in self.errors))

    def summary(self):
        return {"files": len(self.files), "findings": len(self.findings),
                "byCheck": self.per_check(),
                "byDirectory": self.per_directory(),
                "filesWithCompilerErrors": len(self.files_with_errors()),
                "baselined": self.baselined,
                "seconds": round(self.seconds, 2)}


def merge(results_list, root):
    files, findings, errors = [], [], []
    seconds, baselined, version = 0.0, 0, ""
    failures = []
    for results in results_list:
        if results.failure:
            failures.append(results.failure)
        files += results.files
        findings += results.findings
        errors += results.errors
        seconds += results.seconds
        baselined += results.baselined
        version = version or results.tool_version
    merged = Results(root, files, dedupe(findings), dedupe(errors), seconds,
                     version, baselined)
    merged.failure = "\n".join(failures) or None
    # Keys count identical fingerprints over the whole results.
    keys.assign_keys(merged.findings + merged.errors)
    return merged


# --- text ----------------------------------------------------------------------

def summary_line(results):
    counts = results.per_check()
    text = "thread-tidy: %d file%s analysed" % (
        len(results.files), "" if len(results.files) == 1 else "s")
    if results.seconds:
        text += " in %.1f s" % results.seconds
    text += ": %d finding%s" % (len(results.findings),
                                "" if len(results.findings) == 1 else "s")
    if results.baselined:
        text = text.replace(" finding", " new finding", 1)
    if counts:
        text += " (" + ", ".join("%s: %d" % kv for kv in counts.items()) + ")"
    if results.baselined:
        text += ", %d in the baseline" % results.baselined
    failed = results.files_with_errors()
    if failed:
        text += "; compiler errors in %d file%s" % (
            len(failed), "" if len(failed) == 1 else "s")
    return text


def write_text(results, out):
    for finding in results.errors + results.findings:
        loc = finding.location
        out.write("%s:%d:%d: %s: %s [%s]\n" % (
            loc.file, loc.line, loc.column, finding.severity,
            finding.message, finding.check))
        if finding.source_line:
            out.write("  %s\n" % finding.source_line.rstrip())
        for note in finding.notes:
            nloc = note.location
            out.write("%s:%d:%d: note: %s\n" % (nloc.file, nloc.line,
                                                nloc.column, note.message))
        for edit in finding.fixes if finding.severity != "error" else ():
            out.write("%s:%d:%d: fix-it: replace with '%s'\n" % (
                edit.file, edit.line, edit.column, edit.text))


# --- JSON ----------------------------------------------------------------------

def to_json(results):
    return {
        "version": JSON_FORMAT_VERSION,
        "tool": {"name": TOOL_NAME, "version": results.tool_version},
        "root": results.root,
        "summary": results.summary(),
        "files": results.files,
        "findings": [f.to_json() for f in results.findings],
        "errors": [e.to_json() for e in results.errors],
        "toolFailure": results.failure,
    }


def from_json(data, root):
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object")
    if "version" in data and "summary" not in data and \
            data.get("tool") == "thread-tidy":
        raise ValueError("this is a baseline; pass it with --baseline")
    if data.get("version") not in READABLE_JSON_VERSIONS:
        raise ValueError("unsupported thread-tidy JSON version %r"
                         % data.get("version"))
    summary = data.get("summary", {})
    results = Results(data.get("root", root), data.get("files", []),
                      [Finding.from_json(f) for f in data.get("findings", [])],
                      [Finding.from_json(e) for e in data.get("errors", [])],
                      float(summary.get("seconds", 0.0)),
                      data.get("tool", {}).get("version", ""),
                      int(summary.get("baselined", 0)))
    results.failure = data.get("toolFailure")
    return results


# --- SARIF 2.1.0 -----------------------------------------------------------------

def _uri(path):
    return urllib.parse.quote(path)


def _artifact(path):
    if os.path.isabs(path):
        return {"uri": "file://" + _uri(path)}
    return {"uri": _uri(path), "uriBaseId": "SRCROOT"}


def _physical(location, snippet=None, context=None):
    physical = {"artifactLocation": _artifact(location.file),
                "region": {"startLine": location.line,
                           "startColumn": location.column}}
    if snippet is not None:
        physical["region"]["snippet"] = {"text": snippet}
    if context:
        start, lines = context
        # One "\n" ends every line, so trailing empty lines survive the
        # round trip through from_sarif.
        physical["contextRegion"] = {
            "startLine": start, "endLine": start + len(lines) - 1,
            "snippet": {"text": "\n".join(lines) + "\n"}}
    return physical


def _first_sentence(text):
    match = re.match(r"(.+?[.:])(\s|$)", text)
    return match.group(1) if match else text


def to_sarif(results, catalogue):
    checks = sorted(set(catalogue.all_checks()) |
                    set(f.check for f in results.findings))
    rules = []
    rule_index = {}
    for check in checks:
        rule = catalogue.rule(check)
        # SARIF wants a name distinct from the id: the check's class name.
        friendly = "".join(word.capitalize()
                           for word in check.split("-")[1:]) or check
        entry = {"id": check, "name": friendly,
                 "shortDescription": {"text": _first_sentence(rule.summary)},
                 "fullDescription": {"text": rule.summary},
                 "defaultConfiguration": {"level": "warning"}}
        if rule.markdown:
            entry["help"] = {"text": rule.summary, "markdown": rule.markdown}
        if rule.help_uri:
            entry["helpUri"] = rule.help_uri
        rule_index[check] = len(rules)
        rules.append(entry)

    sarif_results = []
    for finding in results.findings:
        result = {
            "ruleId": finding.check,
            "ruleIndex": rule_index[finding.check],
            "level": "error" if finding.severity == "error" else "warning",
            "message": {"text": finding.message},
            "locations": [{
                "physicalLocation": _physical(
                    finding.location, finding.source_line,
                    (finding.context_start, finding.context)
                    if finding.context else None)}],
            "partialFingerprints": {SARIF_FINGERPRINT: finding.key},
        }
        if finding.notes:
            result["relatedLocations"] = [
                {"id": index + 1, "message": {"text": note.message},
                 "physicalLocation": _physical(note.location)}
                for index, note in enumerate(finding.notes)]
            # The notes are the path: where the thread starts, the return
            # that skips the join, the call that throws.
            steps = [{"location": {"message": {"text": finding.message},
                                   "physicalLocation": _physical(
                                       finding.location)}}]
            steps += [{"location": {"message": {"text": note.message},
                                    "physicalLocation": _physical(
                                        note.location)}}
                      for note in finding.notes]
            result["codeFlows"] = [{"threadFlows": [{"locations": steps}]}]
        if finding.fixes:
            changes = collections.OrderedDict()
            for edit in finding.fixes:
                changes.setdefault(edit.file, []).append({
                    "deletedRegion": {"startLine": edit.line,
                                      "startColumn": edit.column,
                                      "endLine": edit.end_line,
                                      "endColumn": edit.end_column},
                    "insertedContent": {"text": edit.text}})
            result["fixes"] = [{
                "description": {"text": "apply the fix-it of %s"
                                % finding.check},
                "artifactChanges": [
                    {"artifactLocation": _artifact(path),
                     "replacements": replacements}
                    for path, replacements in changes.items()]}]
        sarif_results.append(result)

    notifications = [{
        "level": "error",
        "message": {"text": "%s [%s]" % (error.message, error.check)},
        "locations": [{"physicalLocation": _physical(error.location)}],
    } for error in results.errors]
    if results.failure:
        notifications.append({"level": "error",
                              "descriptor": {"id": "tool-failure"},
                              "message": {"text": results.failure}})

    run = {
        "tool": {"driver": {"name": TOOL_NAME,
                            "version": results.tool_version or "0",
                            "informationUri": TOOL_URI,
                            "rules": rules}},
        "originalUriBaseIds": {"SRCROOT": {
            "uri": "file://" + _uri(results.root.rstrip("/")) + "/"}},
        "artifacts": [{"location": _artifact(path),
                       "roles": ["analysisTarget"]}
                      for path in results.files],
        "invocations": [{
            "executionSuccessful": not results.errors and not results.failure,
            "toolExecutionNotifications": notifications,
            "properties": {"seconds": round(results.seconds, 2),
                           "baselined": results.baselined}}],
        "results": sarif_results,
        "columnKind": "utf16CodeUnits",
    }
    # clang counts columns in bytes; for the ASCII that C++ mostly is, the
    # two agree.
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def _from_uri(artifact, root):
    uri = urllib.parse.unquote(artifact.get("uri", ""))
    if uri.startswith("file://"):
        return uri[len("file://"):]
    return uri


def _location_from_sarif(physical, root):
    region = physical.get("region", {})
    return Location(_from_uri(physical.get("artifactLocation", {}), root),
                    int(region.get("startLine", 1)),
                    int(region.get("startColumn", 1)))


def from_sarif(data, root):
    runs = data.get("runs") or []
    if data.get("version") != "2.1.0" or len(runs) != 1:
        raise ValueError("expected a SARIF 2.1.0 log with one run")
    run = runs[0]
    if run.get("tool", {}).get("driver", {}).get("name") != TOOL_NAME:
        raise ValueError("the SARIF log is not from thread-tidy")
    base = run.get("originalUriBaseIds", {}).get("SRCROOT", {}).get("uri", "")
    run_root = urllib.parse.unquote(base[len("file://"):]).rstrip("/") \
        if base.startswith("file://") else root
    files = [_from_uri(a.get("location", {}), root)
             for a in run.get("artifacts", [])
             if "analysisTarget" in a.get("roles", [])]
    findings = []
    for result in run.get("results", []):
        physical = result["locations"][0]["physicalLocation"]
        finding = Finding(result["ruleId"], result["message"]["text"],
                          _location_from_sarif(physical, root),
                          "error" if result.get("level") == "error"
                          else "warning")
        context = physical.get("contextRegion")
        if context:
            finding.context_start = int(context["startLine"])
            text = context["snippet"]["text"]
            finding.context = (text[:-1] if text.endswith("\n")
                               else text).split("\n")
        for related in result.get("relatedLocations", []):
            finding.notes.append(Note(
                related.get("message", {}).get("text", ""),
                _location_from_sarif(related["physicalLocation"], root)))
        for fix in result.get("fixes", []):
            for change in fix.get("artifactChanges", []):
                path = _from_uri(change["artifactLocation"], root)
                for replacement in change.get("replacements", []):
                    region = replacement["deletedRegion"]
                    finding.fixes.append(Edit(
                        path, int(region["startLine"]),
                        int(region["startColumn"]),
                        int(region["endLine"]), int(region["endColumn"]),
                        replacement.get("insertedContent", {}).get("text",
                                                                   "")))
        findings.append(finding)
    errors = []
    failures = []
    invocation = (run.get("invocations") or [{}])[0]
    for notification in invocation.get("toolExecutionNotifications", []):
        if notification.get("descriptor", {}).get("id") == "tool-failure":
            failures.append(notification.get("message", {}).get("text", ""))
            continue
        text = notification.get("message", {}).get("text", "")
        match = re.match(r"(.*) \[([\w.-]+)\]$", text)
        message, check = (match.group(1), match.group(2)) if match else (
            text, "clang-diagnostic-error")
        locations = notification.get("locations") or [{}]
        physical = locations[0].get("physicalLocation")
        if physical:
            errors.append(Finding(check, message,
                                  _location_from_sarif(physical, root),
                                  "error"))
    properties = invocation.get("properties", {})
    version = run.get("tool", {}).get("driver", {}).get("version", "")
    results = Results(run_root, files, findings, errors,
                      float(properties.get("seconds", 0.0)), version,
                      int(properties.get("baselined", 0)))
    results.failure = "\n".join(failures) or None
    return results


def load(path, root):
    """Reads a thread-tidy JSON or SARIF file."""
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    if isinstance(data, dict) and "runs" in data:
        results = from_sarif(data, root)
    else:
        results = from_json(data, root)
    keys.assign_keys(results.findings + results.errors)
    return results


def dump(results, fmt, out, catalogue):
    if fmt == "json":
        json.dump(to_json(results), out, indent=2)
        out.write("\n")
    elif fmt == "sarif":
        json.dump(to_sarif(results, catalogue), out, indent=2)
        out.write("\n")
    else:
        write_text(results, out)
