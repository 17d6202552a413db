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
                  "filesWithCompilerErrors"):
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


def same_findings(args):
    """The findings (with their notes and fix-its) of a selected run and
    of an --all-files run are the same."""
    selected, every = load(args.selected), load(args.all)
    strip = lambda d: sorted(json.dumps(dict(f, context=None),
                                        sort_keys=True)
                             for f in d["findings"])
    if strip(selected) != strip(every):
        fail("findings differ:\n%s\n%s" % (identities(selected),
                                            identities(every)))
    print("same findings: %d" % len(selected["findings"]))


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
    block += ("template <typename T = int>\n[[nodiscard]] static T "
              "unrelated_%s_t(T v) { return v; }\n" % name)
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
                "total-compiler-errors": summary["filesWithCompilerErrors"]}
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
    # Past 20 directories the chart shows 19 and one bar for the rest.
    by_dir = sorted(summary["byDirectory"].items(), key=lambda kv: (-kv[1], kv[0]))
    if len(by_dir) > 20:
        rest = by_dir[19:]
        by_dir = by_dir[:19] + [("(%d more)" % len(rest),
                                 sum(count for _, count in rest))]
    if dom.bars.get("chart-directories", {}) != dict(by_dir):
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


def check_recipes(args):
    """Every YAML block of the page parses, and every thread-tidy command
    line in it (or in its sh blocks) is a project run, a diff or a merge
    that thread-tidy's own argument parser accepts."""
    try:
        import yaml
    except ImportError:
        # Debian's python3 has python3-yaml (scripts/setup.sh installs it).
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    import shlex
    sys.path.insert(0, args.scripts)
    from thread_tidy import cli
    with open(args.doc) as handle:
        text = handle.read()
    blocks = re.findall(r"```(\w+)\n(.*?)```", text, re.S)
    commands = []
    yaml_blocks = 0
    for language, body in blocks:
        if language == "yaml":
            try:
                document = yaml.safe_load(body)
            except yaml.YAMLError as err:
                fail("a YAML block does not parse: %s" % err)
            yaml_blocks += 1
            strings = []

            # Commands live under run: (GitHub), script: (GitLab, also
            # through anchors) and entry: (pre-commit); names do not count.
            def walk(node, key=None):
                if isinstance(node, dict):
                    for name, value in node.items():
                        walk(value, name)
                elif isinstance(node, list):
                    for value in node:
                        walk(value, key)
                elif isinstance(node, str) and key in (
                        "run", "script", "entry", ".thread-tidy-install"):
                    strings.append(node)
            walk(document)
            for string in strings:
                commands += [line for line in string.splitlines()
                             if line.strip().startswith("thread-tidy ")]
        elif language == "sh":
            commands += [line.split("#")[0] for line in body.splitlines()
                         if line.startswith("thread-tidy ")]
    for command in commands:
        line = re.sub(r"\$\{\{[^}]*\}\}", "1", command)
        line = re.sub(r"\$[A-Za-z_]\w*", "1", line)
        argv = shlex.split(line)[1:]
        argv = [a.replace("1/1", "1/4") for a in argv]
        try:
            mode = cli.parse(argv).mode
        except cli.UsageError as err:
            fail("%s: %s" % (command.strip(), err))
        if mode not in ("project", "diff", "merge"):
            fail("not a project, diff or merge command (%s): %s"
                 % (mode, command))
    if not commands:
        fail("no thread-tidy command found")
    print("%d YAML blocks parse; %d thread-tidy command lines are valid"
          % (yaml_blocks, len(commands)))


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("same-results")
    p.add_argument("single")
    p.add_argument("merged")
    p.set_defaults(run=same_results)
    p = sub.add_parser("same-findings")
    p.add_argument("selected")
    p.add_argument("all")
    p.set_defaults(run=same_findings)
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
    p = sub.add_parser("check-recipes")
    p.add_argument("doc")
    p.add_argument("--scripts", required=True)
    p.set_defaults(run=check_recipes)
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
