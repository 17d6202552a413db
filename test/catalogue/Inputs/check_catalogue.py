#!/usr/bin/env python3
"""Holds every list of the threads-* checks to the catalogue,
checker/checks/ThreadTidyChecks.def:

  - the checks the plugin registers (clang-tidy --list-checks);
  - the doc pages docs/checks/<check>.md, and their skeleton (the sections of
    thread_tidy.rules.SECTIONS, in that order, also in docs/checks/TEMPLATE.md);
  - the options each check reports (clang-tidy --dump-config), each of which
    its page's Options section must document with the same default;
  - the README's `| check | finds |` table (opt-in checks say "opt-in");
  - the checks the thread-tidy wrapper enables by default (its OnByDefault
    entries), and the default check list that docs quote;
  - the `Remove:` list of the recommended .clangd (README, docs/editors.md,
    clangd/*.clangd): the OptIn entries;
  - the SARIF rules scripts/thread_tidy/rules.py reads from the pages;
  - links to the check pages (a renamed section breaks its anchor).

Each disagreement is one line: `catalogue: PLACE: CHECK: what differs`.
--sources-only skips what needs the built plugin and wrapper."""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

DEF = "checker/checks/ThreadTidyChecks.def"
DOCS = "docs/checks"
TEMPLATE = "docs/checks/TEMPLATE.md"
TEMPLATE_TITLE = "{{check}}"
# The entry as CMakeLists.txt reads it, at the start of a line: CMake
# silently skips an entry written any other way.
ENTRY = re.compile(
    r'THREAD_TIDY_CHECK\(([A-Za-z0-9_]+),[ \n]*"([a-z0-9-]+)",[ \n]*([A-Za-z]+)\)')
DEFAULTS = ("OnByDefault", "OptIn")
# What this script reads and scripts/new-check writes, for --copy-to.
SOURCES = ("README.md", "docs", "clangd", "checker/checks",
           "scripts/thread_tidy", "scripts/new-check")


class Problems:
    def __init__(self):
        self.lines = []

    def add(self, place, check, what):
        self.lines.append("catalogue: %s: %s: %s" % (place, check or "-",
                                                      what))


def read(root, path):
    with open(os.path.join(root, path), encoding="utf-8") as handle:
        return handle.read()


def join(names):
    return ", ".join(sorted(names)) or "none"


# --- the catalogue ---------------------------------------------------------

def read_catalogue(root, problems):
    """[(class, id, default)] in file order."""
    text = re.sub(r"//[^\n]*", "", read(root, DEF))
    entries = []
    for match in re.finditer(r"THREAD_TIDY_CHECK\s*\([^)]*\)", text):
        entry = ENTRY.fullmatch(match.group(0))
        if not entry or not text[:match.start()].endswith("\n"):
            problems.add(DEF, None, "CMakeLists.txt would skip the entry %r: "
                         "write THREAD_TIDY_CHECK(Class, \"threads-id\", "
                         "Default) at the start of a line"
                         % re.sub(r"\s+", " ", match.group(0)))
            continue
        cls, check, default = entry.groups()
        if not re.fullmatch(r"threads-[a-z0-9]+(-[a-z0-9]+)*", check):
            problems.add(DEF, check, "a check id is threads-<lower-case-words>")
        if default not in DEFAULTS:
            problems.add(DEF, check, "default is %r, not OnByDefault or OptIn"
                         % default)
        for ext in (".h", ".cpp"):
            path = "checker/checks/%s%s" % (cls, ext)
            if not os.path.exists(os.path.join(root, path)):
                problems.add(DEF, check, "class %s has no %s" % (cls, path))
        entries.append((cls, check, default))
    ids = [e[1] for e in entries]
    for check in sorted(set(c for c in ids if ids.count(c) > 1)):
        problems.add(DEF, check, "listed %d times" % ids.count(check))
    if ids != sorted(ids):
        problems.add(DEF, None, "entries are not sorted by check id: %s"
                     % ", ".join(ids))
    if not entries:
        problems.add(DEF, None, "no THREAD_TIDY_CHECK entry")
    return entries


def compare(problems, place, found, expected, missing_why, extra_why):
    for check in sorted(set(expected) - set(found)):
        problems.add(place, check, missing_why)
    for check in sorted(set(found) - set(expected)):
        problems.add(place, check, extra_why)


# --- the plugin and the wrapper -------------------------------------------

def run(args, cwd):
    result = subprocess.run(args, capture_output=True, text=True, cwd=cwd)
    if result.returncode != 0:
        sys.exit("catalogue: %s failed (exit %d):\n%s" % (
            " ".join(args), result.returncode, result.stderr))
    return result.stdout


def listed_checks(output):
    """The checks --list-checks prints (any, not only threads-*)."""
    return [line.strip() for line in output.splitlines()
            if re.fullmatch(r"\s+[a-z][\w.-]*", line)]


def check_plugin(args, ids, problems, cwd):
    out = run([args.clang_tidy, "--load=" + args.plugin, "--config={}",
               "--checks=-*,threads-*", "--list-checks"], cwd)
    compare(problems, "clang-tidy --list-checks", listed_checks(out), ids,
            "in %s but the plugin does not register it" % DEF,
            "registered by the plugin but not in %s" % DEF)


def check_wrapper(args, on_by_default, opt_in, problems, cwd):
    out = run([args.thread_tidy, "--config={}", "--list-checks"], cwd)
    compare(problems, "thread-tidy --list-checks", listed_checks(out),
            on_by_default,
            "OnByDefault in %s but the wrapper does not enable it" % DEF,
            "enabled by the wrapper but not OnByDefault in %s" % DEF)
    with open(args.thread_tidy, encoding="utf-8") as handle:
        match = re.search(r'^DEFAULT_CHECKS = "([^"]*)"', handle.read(), re.M)
    if not match:
        problems.add("thread-tidy", None, "no DEFAULT_CHECKS line in %s"
                     % args.thread_tidy)
        return
    expected = default_checks(opt_in)
    if set(match.group(1).split(",")) != set(expected.split(",")):
        problems.add("thread-tidy DEFAULT_CHECKS", None, "is %r, expected %r"
                     % (match.group(1), expected))


def default_checks(opt_in):
    return ",".join(["-*", "threads-*"] + ["-" + c for c in sorted(opt_in)])


def dumped_options(args, cwd):
    """{check: {option: default}} from clang-tidy --dump-config."""
    out = run([args.clang_tidy, "--load=" + args.plugin, "--config={}",
               "--checks=-*,threads-*", "--dump-config"], cwd)
    raw = yaml.safe_load(out).get("CheckOptions") or {}
    if isinstance(raw, list):  # the pre-LLVM-15 list of key/value pairs
        raw = {item["key"]: item["value"] for item in raw}
    options = {}
    for key, value in raw.items():
        check, _, option = key.partition(".")
        if check.startswith("threads-") and option:
            options.setdefault(check, {})[option] = (
                "" if value is None else str(value).lower()
                if isinstance(value, bool) else str(value))
    return options


# --- the doc pages ----------------------------------------------------------

def code_blocks(text):
    """[(info, body)] of the fenced blocks of \\p text."""
    return [(m.group(1).strip(), m.group(2))
            for m in re.finditer(r"^```([^\n]*)\n(.*?)^```\s*$", text,
                                 re.M | re.S)]


def table_cells(line):
    """The cells of a table row; `|` inside a code span is no separator."""
    cells, cell, in_code = [], "", False
    for char in line.strip().strip("|"):
        if char == "`":
            in_code = not in_code
        if char == "|" and not in_code:
            cells.append(cell.strip())
            cell = ""
        else:
            cell += char
    cells.append(cell.strip())
    return cells


def documented_options(body):
    """{option: default cell} of the Options section's table."""
    rows = [table_cells(line) for line in body.splitlines()
            if line.startswith("|")]
    if not rows or [c.lower() for c in rows[0][:2]] != ["option", "default"]:
        return None
    options = {}
    for cells in rows[2:]:
        match = re.fullmatch(r"`(\w+)`", cells[0])
        options[match.group(1) if match else cells[0]] = (
            cells[1] if len(cells) > 1 else "")
    return options


def check_page_skeleton(rules, place, page, title, problems, check):
    if page.title != title:
        problems.add(place, check, "the title is %r, expected '# %s'"
                     % (page.title, title))
    intro = rules.paragraphs(page.intro)
    if len(intro) != 1 or intro[0] != page.intro.strip():
        blocks = (len(re.split(r"\n\s*\n", page.intro.strip()))
                  if page.intro.strip() else 0)
        problems.add(place, check, "needs exactly one intro paragraph (plain "
                     "prose) between the title and '## %s', has %d block%s"
                     % (rules.SECTIONS[0], blocks, "" if blocks == 1 else "s"))
    found = [name for name, _ in page.sections]
    if found != list(rules.SECTIONS):
        quoted = lambda names: ", ".join("'%s'" % n for n in names)
        standard = "every page has, in order: %s" % quoted(rules.SECTIONS)
        missing = [s for s in rules.SECTIONS if s not in found]
        extra = [s for s in found if s not in rules.SECTIONS]
        if missing:
            problems.add(place, check, "lacks %s; %s"
                         % (quoted(missing), standard))
        for name in extra:
            problems.add(place, check, "section '%s' is not a standard one"
                         % name)
        if not missing and not extra:
            problems.add(place, check, "sections out of order (%s); %s"
                         % (quoted(found), standard))
    for name, body in page.sections:
        if name in rules.SECTIONS and not body.strip():
            problems.add(place, check, "section '%s' is empty" % name)
    for name in ("Flagged examples", "Clean examples", "How to fix it"):
        body = page.section(name)
        if body and not any(info == "cpp" for info, _ in code_blocks(body)):
            problems.add(place, check, "section '%s' has no ```cpp block"
                         % name)
    options = page.section("Options")
    if options and options.strip() != "None." and \
            documented_options(options) is None:
        problems.add(place, check, "section 'Options' is 'None.' or a table "
                     "'| option | default | meaning |'")


def documented_default(pages, check, option, seen=()):
    """The default the page of \\p check documents for \\p option, following
    links to another page's Options section; None when it documents none,
    or a string starting with '!' that says what is wrong."""
    page = pages.get(check)
    body = page.section("Options") if page else None
    table = documented_options(body) if body else None
    if not table or option not in table:
        return None
    cell = table[option]
    link = re.search(r"\]\((threads-[a-z0-9-]+)\.md#options\)", cell)
    if link:
        if link.group(1) in seen or link.group(1) == check:
            return "!a loop of links"
        other = documented_default(pages, link.group(1), option,
                                   seen + (check,))
        if other is None:
            return "!links to %s, which does not document it" % link.group(1)
        return other
    if cell.strip().lower() == "see below":
        # A fenced block, one entry per line, introduced by a line that
        # names the option's default.
        for block in re.finditer(r"([^\n]*)\n+```[^\n]*\n(.*?)^```", body,
                                 re.M | re.S):
            intro = block.group(1)
            if ("`%s`" % option in intro and "default" in intro.lower()
                    and intro.rstrip().endswith(":")):
                return ";".join(line.strip()
                                for line in block.group(2).splitlines()
                                if line.strip())
        return ("!says 'see below' but no line naming `%s` and its default, "
                "ending in ':', introduces a code block" % option)
    code = re.fullmatch(r"`([^`]*)`", cell.strip())
    if code:
        return code.group(1)
    if cell.strip().lower() == "empty":
        return ""
    return ("!the default %r is not a `value`, 'see below' or a link to "
            "another page's #options" % cell)


def default_difference(documented, actual):
    """What differs between a documented default and --dump-config's; for
    long `;`-lists, the entries."""
    if documented is None or len(actual) < 80 or ";" not in actual:
        return "documented default %r, --dump-config says %r" % (documented,
                                                                 actual)
    mine, theirs = documented.split(";"), actual.split(";")
    parts = []
    missing = [e for e in theirs if e not in mine]
    extra = [e for e in mine if e not in theirs]
    if missing:
        parts.append("the documented default lacks %s"
                     % ", ".join(repr(e) for e in missing))
    if extra:
        parts.append("documents %s, which --dump-config's default has not"
                     % ", ".join(repr(e) for e in extra))
    return "; ".join(parts) or ("the documented default has the entries of "
                                "--dump-config's in another order")


def check_options(pages, dumped, ids, problems):
    for check in ids:
        page = pages.get(check)
        if not page or page.section("Options") is None:
            continue
        place = "%s/%s.md Options" % (DOCS, check)
        body = page.section("Options")
        actual = dumped.get(check, {})
        table = documented_options(body) or {}
        if body.strip() == "None." and actual:
            problems.add(place, check, "says 'None.' but --dump-config "
                         "reports %s" % join(actual))
        for option in sorted(actual):
            if option not in table:
                problems.add(place, check, "option %s (default %r in "
                             "--dump-config) is not documented"
                             % (option, actual[option]))
                continue
            documented = documented_default(pages, check, option)
            if documented is not None and documented.startswith("!"):
                problems.add(place, check, "option %s: %s"
                             % (option, documented[1:]))
            elif documented != actual[option]:
                problems.add(place, check, "option %s: %s" % (
                    option, default_difference(documented, actual[option])))
        for option in sorted(set(table) - set(actual)):
            problems.add(place, check, "documents option %s, which "
                         "--dump-config does not report" % option)


def slug(heading):
    text = re.sub(r"[`*]", "", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(markdown):
    result, fence = set(), False
    for line in markdown.splitlines():
        if line.strip().startswith("```"):
            fence = not fence
        elif not fence and re.match(r"#{1,6} ", line):
            result.add(slug(line.lstrip("#")))
    return result


def check_links(root, problems):
    """Links to a check page must find it, and an #anchor one of its
    headings (a renamed section breaks its anchor)."""
    docs = glob.glob(os.path.join(root, "*.md")) + glob.glob(
        os.path.join(root, "docs", "**", "*.md"), recursive=True)
    for path in sorted(docs):
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        rel = os.path.relpath(path, root)
        for target, anchor in re.findall(
                r"\]\(([^)#\s]*threads-[a-z0-9-]+\.md)(?:#([^)\s]+))?\)",
                text):
            page = os.path.normpath(os.path.join(os.path.dirname(path),
                                                 target))
            check = os.path.basename(page)[:-3]
            if not os.path.exists(page):
                problems.add(rel, check, "links to %s, which does not exist"
                             % target)
                continue
            with open(page, encoding="utf-8") as handle:
                if anchor and anchor not in anchors(handle.read()):
                    problems.add(rel, check, "links to #%s, which is not a "
                                 "heading of %s.md" % (anchor, check))


# --- README, .clangd and quoted defaults ----------------------------------

def readme_table(text):
    """{check: (link, finds)} of the `| check | finds |` table."""
    rows, inside = {}, False
    for line in text.splitlines():
        if re.match(r"\|\s*check\s*\|\s*finds\s*\|", line):
            inside = True
            continue
        if inside:
            if not line.startswith("|"):
                break
            cells = table_cells(line)
            if set(cells[0]) <= set("-: "):
                continue
            match = re.fullmatch(r"\[`?([^`\]]+)`?\]\(([^)]*)\)", cells[0])
            check = match.group(1) if match else cells[0].strip("`")
            rows[check] = (match.group(2) if match else None,
                           cells[1] if len(cells) > 1 else "")
    return rows if inside else None


def check_readme(root, entries, problems):
    rows = readme_table(read(root, "README.md"))
    place = "README.md table"
    if rows is None:
        problems.add(place, None, "no '| check | finds |' table")
        return
    compare(problems, place, rows, [e[1] for e in entries],
            "in %s but has no row" % DEF, "has a row but is not in %s" % DEF)
    for _, check, default in entries:
        if check not in rows:
            continue
        link, finds = rows[check]
        if link != "%s/%s.md" % (DOCS, check):
            problems.add(place, check, "links to %r, not %s/%s.md"
                         % (link, DOCS, check))
        says_opt_in = "opt-in" in finds.lower()
        if default == "OptIn" and not says_opt_in:
            problems.add(place, check, "is OptIn in %s but its row does not "
                         "say 'opt-in'" % DEF)
        if default == "OnByDefault" and says_opt_in:
            problems.add(place, check, "says 'opt-in' but is OnByDefault in "
                         "%s" % DEF)


def clangd_remove_lists(text):
    """The Remove: lists of the .clangd configurations in \\p text."""
    return [[item.strip() for item in m.group(1).split(",") if item.strip()]
            for m in re.finditer(r"^\s*Remove:\s*\[([^\]]*)\]", text, re.M)]


def clangd_blocks(markdown):
    """The fenced YAML blocks of \\p markdown that configure clangd's
    clang-tidy with the threads-* checks."""
    return [body for info, body in code_blocks(markdown)
            if "ClangTidy:" in body and "threads-*" in body]


def check_clangd(root, opt_in, problems):
    places = [(p, clangd_blocks(read(root, p)))
              for p in ("README.md", "docs/editors.md")]
    for path in sorted(glob.glob(os.path.join(root, "clangd", "**",
                                              "*.clangd"), recursive=True)):
        with open(path, encoding="utf-8") as handle:
            places.append((os.path.relpath(path, root), [handle.read()]))
    for place, blocks in places:
        if not blocks:
            problems.add(place, None, "no recommended .clangd (a ClangTidy: "
                         "block that adds threads-*)")
        for block in blocks:
            lists = clangd_remove_lists(block)
            removed = lists[0] if lists else []
            compare(problems, place + " .clangd Remove", removed, opt_in,
                    "is OptIn in %s but not in Remove: [...]" % DEF,
                    "is in Remove: [...] but not OptIn in %s" % DEF)


def check_quoted_defaults(root, opt_in, problems):
    """Docs that quote the default check list (`-*,threads-*,-threads-x`):
    the excluded checks are the OptIn ones."""
    docs = [os.path.join(root, "README.md")] + glob.glob(
        os.path.join(root, "docs", "**", "*.md"), recursive=True)
    for path in sorted(docs):
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        place = os.path.relpath(path, root)
        for match in re.finditer(
                r"(?:[-\w*.]+,)*threads-\*((?:,-threads-[a-z0-9-]+)+)", text):
            excluded = [c[1:] for c in match.group(1).split(",") if c]
            line = text.count("\n", 0, match.start()) + 1
            compare(problems, "%s:%d default checks '%s'"
                    % (place, line, match.group(0)), excluded, opt_in,
                    "is OptIn in %s but not excluded" % DEF,
                    "is excluded but not OptIn in %s" % DEF)


# --- main -------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", required=True, help="the source tree")
    parser.add_argument("--clang-tidy")
    parser.add_argument("--plugin")
    parser.add_argument("--thread-tidy", help="the built wrapper")
    parser.add_argument("--sources-only", action="store_true",
                        help="skip the plugin, the wrapper and --dump-config")
    parser.add_argument("--copy-to", metavar="DIR",
                        help="copy what this script reads from --root to DIR "
                        "(for tests that edit a copy) and stop")
    args = parser.parse_args()
    if args.copy_to:
        for path in SOURCES:
            source = os.path.join(args.root, path)
            target = os.path.join(args.copy_to, path)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            if os.path.isdir(source):
                shutil.copytree(source, target, ignore=shutil.ignore_patterns(
                    "__pycache__"))
            else:
                shutil.copy2(source, target)
        return 0
    if not args.sources_only and not (args.clang_tidy and args.plugin and
                                      args.thread_tidy):
        parser.error("--clang-tidy, --plugin and --thread-tidy are needed "
                     "unless --sources-only")
    root = os.path.abspath(args.root)
    for tool in ("clang_tidy", "plugin", "thread_tidy"):
        path = getattr(args, tool)
        if path and os.sep in path:  # the tools run in a scratch directory
            setattr(args, tool, os.path.abspath(path))
    sys.path.insert(0, os.path.join(root, "scripts"))
    from thread_tidy import rules

    problems = Problems()
    entries = read_catalogue(root, problems)
    ids = [e[1] for e in entries]
    on_by_default = [e[1] for e in entries if e[2] == "OnByDefault"]
    opt_in = [e[1] for e in entries if e[2] == "OptIn"]

    # The doc pages: one per check, each with the standard skeleton.
    pages = {}
    docs_dir = os.path.join(root, DOCS)
    for name in sorted(os.listdir(docs_dir)):
        if not name.endswith(".md") or name == os.path.basename(TEMPLATE):
            continue
        if not name.startswith("threads-"):
            problems.add("%s/%s" % (DOCS, name), None, "is not a check page "
                         "(threads-*.md) nor TEMPLATE.md")
            continue
        pages[name[:-3]] = rules.parse_page(read(root, DOCS + "/" + name))
    compare(problems, DOCS, pages, ids,
            "in %s but has no page %s/<check>.md" % (DEF, DOCS),
            "has a page but is not in %s" % DEF)
    for check, page in sorted(pages.items()):
        check_page_skeleton(rules, "%s/%s.md" % (DOCS, check), page, check,
                            problems, check)
    if os.path.exists(os.path.join(root, TEMPLATE)):
        check_page_skeleton(rules, TEMPLATE,
                            rules.parse_page(read(root, TEMPLATE)),
                            TEMPLATE_TITLE, problems, None)
    else:
        problems.add(TEMPLATE, None, "is missing (scripts/new-check needs it)")
    check_links(root, problems)

    # The SARIF rules and the report's links: one per page, summed up by
    # its intro paragraph.
    catalogue = rules.Catalogue(docs_dir=docs_dir)
    compare(problems, "SARIF rules (rules.py)", catalogue.all_checks(), ids,
            "in %s but has no SARIF rule" % DEF,
            "has a SARIF rule but is not in %s" % DEF)
    for check, page in sorted(pages.items()):
        intro = rules.paragraphs(page.intro)
        summary = catalogue.rule(check).summary
        if intro and summary != rules.plain_text(intro[0]):
            problems.add("SARIF rules (rules.py)", check, "the summary %r is "
                         "not the page's intro" % summary[:60])

    check_readme(root, entries, problems)
    check_clangd(root, opt_in, problems)

    check_quoted_defaults(root, opt_in, problems)
    if not args.sources_only:
        with tempfile.TemporaryDirectory() as cwd:
            check_plugin(args, ids, problems, cwd)
            check_wrapper(args, on_by_default, opt_in, problems, cwd)
            check_options(pages, dumped_options(args, cwd), ids, problems)

    if problems.lines:
        print("\n".join(problems.lines))
        print("catalogue: %d problem%s" % (
            len(problems.lines), "" if len(problems.lines) == 1 else "s"))
        return 1
    print("catalogue: %d checks (%d on by default, %d opt-in) agree%s" % (
        len(ids), len(on_by_default), len(opt_in),
        "" if args.sources_only else
        " with clang-tidy --list-checks, --dump-config and the wrapper"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
