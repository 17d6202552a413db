"""The audit report: one self-contained HTML file.

No scripts, fonts, images or style sheets are fetched: CSS is inline and the
charts are inline SVG, so the file can be mailed, archived as a CI artifact
and opened offline. Every number on the page carries a data-* attribute so
that a test can read the rendered page and compare it with the JSON.
"""
from __future__ import annotations

import html
import time
from typing import Dict

from .model import Finding, Results
from .rules import Catalogue
from .text_format import summary_line

STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;
color:#1f2328;background:#f6f8fa}
header{background:#24292f;color:#fff;padding:18px 32px}
header h1{margin:0;font-size:22px}
header p{margin:4px 0 0;color:#c9d1d9}
main{padding:20px 32px;max-width:1200px}
.totals{display:flex;gap:16px;flex-wrap:wrap;margin-bottom:20px}
.total{background:#fff;border:1px solid #d0d7de;border-radius:8px;
padding:12px 18px;min-width:150px}
.total .value{font-size:28px;font-weight:600;display:block}
.total .label{color:#57606a}
.total.bad .value{color:#cf222e}
.panels{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));
gap:16px;margin-bottom:24px}
.panel{background:#fff;border:1px solid #d0d7de;border-radius:8px;
padding:12px 16px}
.panel h2{font-size:16px;margin:4px 0 10px}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eaeef2}
td.count{text-align:right;font-variant-numeric:tabular-nums}
.finding{background:#fff;border:1px solid #d0d7de;border-left:4px solid #bf8700;
border-radius:6px;padding:10px 14px;margin:10px 0}
.finding.error{border-left-color:#cf222e}
.finding .where{font-family:ui-monospace,monospace;color:#57606a;
overflow-wrap:anywhere}
.finding .message{overflow-wrap:anywhere}
.finding .message{font-weight:600;margin:4px 0}
.check{display:inline-block;background:#ddf4ff;color:#0969da;border-radius:10px;
padding:0 8px;font-size:12px;font-family:ui-monospace,monospace}
pre{background:#f6f8fa;border:1px solid #eaeef2;border-radius:6px;padding:6px 0;
overflow-x:auto;margin:6px 0;font:12px/1.5 ui-monospace,monospace}
pre span{display:block;padding:0 10px;white-space:pre}
pre span.hit{background:#fff8c5}
pre .ln{color:#8c959f;display:inline-block;width:44px;user-select:none}
ol.notes{margin:4px 0;padding-left:22px;color:#424a53}
ol.notes code{color:#57606a}
h2.file{font-size:15px;font-family:ui-monospace,monospace;margin:22px 0 4px}
.empty{color:#57606a;font-style:italic}
"""

BAR_COLOR = "#0969da"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


MAX_BARS = 20


def _short_label(label: str, limit: int = 34) -> str:
    """The end of a long path says most: '.../tutorial/timer5'."""
    if len(label) <= limit:
        return label
    return "\u2026" + label[-(limit - 1):]


def _bar_chart(chart_id: str, counts: Dict[str, int],
               width: int = 520) -> str:
    """A horizontal bar chart as inline SVG, largest first; past MAX_BARS
    the rest are one 'other' bar."""
    if not counts:
        return '<p class="empty" id="%s-empty">no findings</p>' % chart_id
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ordered) > MAX_BARS:
        rest = ordered[MAX_BARS - 1:]
        ordered = ordered[:MAX_BARS - 1] + [
            ("(%d more)" % len(rest), sum(count for _, count in rest))]
    counts = dict(ordered)
    label_width = 250
    bar_space = width - label_width - 50
    row = 24
    height = row * len(counts) + 8
    top = max(counts.values())
    parts = ['<svg id="%s" role="img" width="%d" height="%d" '
             'viewBox="0 0 %d %d" xmlns="http://www.w3.org/2000/svg">'
             % (chart_id, width, height, width, height)]
    for index, (label, count) in enumerate(counts.items()):
        y = 4 + index * row
        length = max(2, int(bar_space * count / top))
        parts.append(
            '<g class="bar" data-label="%s" data-count="%d"><title>%s: %d'
            '</title><text x="%d" y="%d" text-anchor="end" font-size="12" '
            'font-family="monospace">%s</text>'
            '<rect x="%d" y="%d" width="%d" height="16" rx="3" fill="%s"/>'
            '<text x="%d" y="%d" font-size="12">%d</text></g>'
            % (_e(label), count, _e(label), count, label_width - 8, y + 13,
               _e(_short_label(label)),
               label_width, y, length, BAR_COLOR, label_width + length + 6,
               y + 13, count))
    parts.append("</svg>")
    return "".join(parts)


def _excerpt(finding: Finding) -> str:
    if not finding.context:
        return ""
    lines = []
    for offset, text in enumerate(finding.context):
        number = finding.context_start + offset
        css = ' class="hit"' if number == finding.location.line else ""
        lines.append('<span%s><span class="ln">%d</span>%s</span>'
                     % (css, number, _e(text)))
    return "<pre>" + "".join(lines) + "</pre>"


def _finding_html(finding: Finding, catalogue: Catalogue) -> str:
    loc = finding.location
    rule = catalogue.rule(finding.check)
    doc = ('<a class="doc" href="%s">%s documentation</a>'
           % (_e(rule.help_uri), _e(finding.check)) if rule.help_uri else "")
    parts = ['<section class="finding %s" data-check="%s" data-file="%s" '
             'data-line="%d">' % (finding.severity, _e(finding.check),
                                  _e(loc.file), loc.line),
             '<div class="where">%s:%d:%d <span class="check">%s</span>'
             '</div>' % (_e(loc.file), loc.line, loc.column,
                         _e(finding.check)),
             '<div class="message">%s</div>' % _e(finding.message),
             _excerpt(finding)]
    if finding.notes:
        parts.append('<ol class="notes">')
        for note in finding.notes:
            nloc = note.location
            parts.append('<li><code>%s:%d:%d</code> %s</li>'
                         % (_e(nloc.file), nloc.line, nloc.column,
                            _e(note.message)))
        parts.append("</ol>")
    if finding.fixes:
        parts.append('<div class="fix">fix-it: %s</div>' % "; ".join(
            "%s:%d:%d &rarr; <code>%s</code>" % (
                _e(e.file), e.line, e.column, _e(e.text) or "(delete)")
            for e in finding.fixes))
    parts.append(doc)
    parts.append("</section>")
    return "".join(parts)


def render(results: Results, catalogue: Catalogue,
           title: str = "thread-tidy audit report") -> str:
    per_check = results.per_check()
    per_dir = results.per_directory()
    failed = results.files_with_errors()
    out = ['<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width">',
           '<title>%s</title><style>%s</style></head><body>'
           % (_e(title), STYLE),
           '<header><h1>%s</h1><p>%s &middot; generated %s</p></header><main>'
           % (_e(title), _e(summary_line(results)),
              _e(time.strftime("%Y-%m-%d %H:%M %Z")))]

    def total(element_id: str, value: int, label: str,
              bad: bool = False) -> str:
        return ('<div class="total%s"><span class="value" id="%s" '
                'data-value="%d">%d</span><span class="label">%s</span></div>'
                % (" bad" if bad and value else "", element_id, value, value,
                   _e(label)))

    out.append('<div class="totals">')
    out.append(total("total-findings", len(results.findings),
                     "new findings" if results.baselined else "findings",
                     True))
    out.append(total("total-files", len(results.files), "files analysed"))
    out.append(total("total-checks", len(per_check), "checks with findings"))
    out.append(total("total-compiler-errors", len(failed),
                     "files with compiler errors", True))
    if results.baselined:
        out.append(total("total-baselined", results.baselined,
                         "in the baseline (not shown)"))
    out.append("</div>")

    out.append('<div class="panels"><div class="panel"><h2>Findings per '
               'check</h2><table id="per-check"><tr><th>check</th>'
               '<th>findings</th><th>doc</th></tr>')
    for check in sorted(set(catalogue.all_checks()) | set(per_check)):
        rule = catalogue.rule(check)
        count = per_check.get(check, 0)
        link = ('<a href="%s">doc</a>' % _e(rule.help_uri)
                if rule.help_uri else "")
        out.append('<tr class="check-row" data-check="%s" data-count="%d">'
                   '<td><code>%s</code></td><td class="count">%d</td>'
                   '<td>%s</td></tr>' % (_e(check), count, _e(check), count,
                                         link))
    out.append("</table>%s</div>" % _bar_chart("chart-checks", per_check))
    out.append('<div class="panel"><h2>Findings per directory</h2>%s</div>'
               '</div>' % _bar_chart("chart-directories", per_dir))

    if failed:
        out.append('<h2>Files with compiler errors</h2><p>clang could not '
                   'parse all of the code in these files, so findings there '
                   'and in the files that include them may be missing; fix '
                   'the compile commands first.</p><ul id="compiler-errors">')
        for path in failed:
            first = next(e for e in results.errors if e.location.file == path)
            out.append('<li><code>%s:%d</code> %s</li>' % (
                _e(path), first.location.line, _e(first.message)))
        out.append("</ul>")

    out.append('<h2>Findings</h2>')
    if not results.findings:
        out.append('<p class="empty">No findings.</p>')
    current = None
    for finding in results.findings:
        if finding.location.file != current:
            current = finding.location.file
            out.append('<h2 class="file">%s</h2>' % _e(current))
        out.append(_finding_html(finding, catalogue))
    out.append("</main></body></html>\n")
    return "".join(out)


def write(path: str, results: Results, catalogue: Catalogue) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(render(results, catalogue))
