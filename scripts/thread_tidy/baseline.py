"""Baselines: adopt thread-tidy on a legacy tree without fixing it first.

--write-baseline records today's findings by key (see findings.baseline_key:
check, file, enclosing function, the finding's own source line and message;
no line numbers), --baseline reports only findings that are not in it.
Matching counts: a second identical finding in the same function is new.
"""
import collections
import json

BASELINE_VERSION = 1


def write(path, results):
    entries = [{"key": f.key, "check": f.check, "file": f.location.file,
                "function": f.function, "message": f.message}
               for f in results.findings]
    with open(path, "w", encoding="utf-8") as handle:
        json.dump({"version": BASELINE_VERSION, "tool": "thread-tidy",
                   "findings": entries}, handle, indent=2)
        handle.write("\n")


def read(path):
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION \
            or not isinstance(data.get("findings"), list):
        raise ValueError("%s is not a thread-tidy baseline (version %d)"
                         % (path, BASELINE_VERSION))
    return collections.Counter(entry["key"] for entry in data["findings"])


def apply(results, known):
    """Drops findings the baseline holds; returns how many it dropped."""
    remaining = collections.Counter(known)
    kept = []
    dropped = 0
    for finding in results.findings:
        if remaining[finding.key] > 0:
            remaining[finding.key] -= 1
            dropped += 1
        else:
            kept.append(finding)
    results.findings = kept
    results.baselined += dropped
    return dropped
