#!/usr/bin/env python3
"""Helpers of the whole-project tests; each subcommand exits 1 with a reason
when its assertion fails.

  project_tool.py same-results SINGLE MERGED      totals, files and findings agree
  project_tool.py shards-partition ALL SHARD...   shard files are disjoint, union is ALL
  project_tool.py insert-lines FILE N             N unrelated lines at the top of FILE
  project_tool.py append FILE TEXT                append TEXT (with \\n escapes) to FILE
  project_tool.py check-report --chromium BIN --html H --json J --screenshot PNG
"""
import argparse
import html.parser
import json
import os
import re
import struct
import subprocess
import sys
import tempfile


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def load(path):
    with open(path) as handle:
        return json.load(handle)


def identities(data):
    return sorted((f["check"], f["file"], f["line"], f["column"],
                   f["message"]) for f in data["findings"])


def same_results(args):
    single, merged = load(args.single), load(args.merged)
    for field in ("files", "findings", "byCheck", "byDirectory",
                  "filesNotCompiled"):
        if single["summary"][field] != merged["summary"][field]:
            fail("summary.%s differs: %r vs %r" % (
                field, single["summary"][field], merged["summary"][field]))
    if sorted(single["files"]) != sorted(merged["files"]):
        fail("analysed files differ")
    if identities(single) != identities(merged):
        fail("findings differ:\n%s\n%s" % (identities(single),
                                           identities(merged)))
    keys = lambda d: sorted(f["key"] for f in d["findings"])
    if keys(single) != keys(merged):
        fail("baseline keys differ")
    print("same results: %d files, %d findings" % (
        single["summary"]["files"], single["summary"]["findings"]))


def shards_partition(args):
    everything = set(load(args.all)["files"])
    seen = set()
    for path in args.shards:
        files = set(load(path)["files"])
        if files & seen:
            fail("%s repeats %s" % (path, sorted(files & seen)))
        seen |= files
    if seen != everything:
        fail("shards cover %s, the tree is %s" % (sorted(seen),
                                                   sorted(everything)))
    print("shards partition %d files" % len(everything))


def insert_lines(args):
    with open(args.file) as handle:
        text = handle.read()
    block = "".join("// unrelated edit %d\n" % i for i in range(args.count))
    # A unique name: headers and sources of one TU all get one.
    name = re.sub(r"\W", "_", os.path.basename(args.file))
    block += "static int unrelated_%s() { return %d; }\n" % (name, args.count)
    with open(args.file, "w") as handle:
        handle.write(block + text)


def append(args):
    with open(args.file, "a") as handle:
        handle.write(args.text.encode().decode("unicode_escape"))


class ReportDom(html.parser.HTMLParser):
    """Collects what check-report compares: the totals, the per-check rows,
    the chart bars and the finding sections, plus anything that would make
    the page fetch something."""

    def __init__(self):
        super().__init__()
        self.values = {}
        self.rows = {}
        self.bars = {}
        self.findings = []
        self.fetches = []
        self.chart = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "img", "iframe", "link", "object", "embed",
                   "video", "audio", "source") and (a.get("src") or
                                                    a.get("href")):
            self.fetches.append((tag, a.get("src") or a.get("href")))
        if tag == "svg" and a.get("id", "").startswith("chart-"):
            self.chart = a["id"]
            self.bars[self.chart] = {}
        if "data-value" in a and "id" in a:
            self.values[a["id"]] = int(a["data-value"])
        if tag == "tr" and "check-row" in a.get("class", ""):
            self.rows[a["data-check"]] = int(a["data-count"])
        if tag == "g" and a.get("class") == "bar":
            self.bars[self.chart][a["data-label"]] = int(a["data-count"])
        if tag == "section" and "finding" in a.get("class", ""):
            self.findings.append((a["data-check"], a["data-file"],
                                  int(a["data-line"])))

    def handle_endtag(self, tag):
        if tag == "svg":
            self.chart = None


def chromium_command(binary, profile):
    # Flags the machine's closed network needs; see docs/ci.md.
    return [binary, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--user-data-dir=" + profile]


def png_size(path):
    with open(path, "rb") as handle:
        head = handle.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        fail("%s is not a PNG" % path)
    return struct.unpack(">II", head[16:24])


def check_report(args):
    with open(args.html, encoding="utf-8") as handle:
        source = handle.read()
    for needle in ("@import", "url(", "<link", "<script"):
        if needle in source:
            fail("the report is not self-contained: it has %r" % needle)
    url = "file://" + os.path.abspath(args.html)
    with tempfile.TemporaryDirectory() as profile:
        dump = subprocess.run(
            chromium_command(args.chromium, profile) +
            ["--dump-dom", url], capture_output=True, text=True,
            timeout=120)
    if dump.returncode != 0 or "<main>" not in dump.stdout:
        fail("chromium could not render the report: %s" % dump.stderr[-2000:])
    with tempfile.TemporaryDirectory() as profile:
        shot = subprocess.run(
            chromium_command(args.chromium, profile) +
            ["--window-size=1280,1800", "--screenshot=" + args.screenshot,
             url], capture_output=True, text=True, timeout=120)
    if shot.returncode != 0 or not os.path.exists(args.screenshot):
        fail("chromium took no screenshot: %s" % shot.stderr[-2000:])
    width, height = png_size(args.screenshot)
    if (width, height) != (1280, 1800):
        fail("screenshot is %dx%d" % (width, height))

    dom = ReportDom()
    dom.feed(dump.stdout)
    data = load(args.json)
    summary = data["summary"]
    if dom.fetches:
        fail("the rendered page fetches %s" % dom.fetches)
    expected = {"total-findings": summary["findings"],
                "total-files": summary["files"],
                "total-checks": len(summary["byCheck"]),
                "total-not-compiled": summary["filesNotCompiled"]}
    for element, value in expected.items():
        if dom.values.get(element) != value:
            fail("#%s shows %r, the JSON says %r" % (
                element, dom.values.get(element), value))
    shown = {check: count for check, count in dom.rows.items() if count}
    if shown != summary["byCheck"]:
        fail("per-check table %r != JSON %r" % (shown, summary["byCheck"]))
    if dom.bars.get("chart-checks", {}) != summary["byCheck"]:
        fail("per-check chart %r != JSON %r" % (dom.bars.get("chart-checks"),
                                                summary["byCheck"]))
    if dom.bars.get("chart-directories", {}) != summary["byDirectory"]:
        fail("per-directory chart %r != JSON %r" % (
            dom.bars.get("chart-directories"), summary["byDirectory"]))
    listed = sorted(dom.findings)
    wanted = sorted((f["check"], f["file"], f["line"])
                    for f in data["findings"])
    if listed != wanted:
        fail("findings on the page %r != JSON %r" % (listed, wanted))
    print("report matches the JSON: %d findings, %d files, %d checks; "
          "screenshot %dx%d at %s" % (summary["findings"], summary["files"],
                                      len(summary["byCheck"]), width, height,
                                      args.screenshot))


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("same-results")
    p.add_argument("single")
    p.add_argument("merged")
    p.set_defaults(run=same_results)
    p = sub.add_parser("shards-partition")
    p.add_argument("all")
    p.add_argument("shards", nargs="+")
    p.set_defaults(run=shards_partition)
    p = sub.add_parser("insert-lines")
    p.add_argument("file")
    p.add_argument("count", type=int)
    p.set_defaults(run=insert_lines)
    p = sub.add_parser("append")
    p.add_argument("file")
    p.add_argument("text")
    p.set_defaults(run=append)
    p = sub.add_parser("check-report")
    p.add_argument("--chromium", required=True)
    p.add_argument("--html", required=True)
    p.add_argument("--json", required=True)
    p.add_argument("--screenshot", required=True)
    p.set_defaults(run=check_report)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
