"""The committee's report: one self-contained HTML file, plots drawn as inline SVG.

No script, no font or stylesheet from the network: the file opens the same on an offline
laptop, and prints to PDF with one figure per block (print CSS). Built from the JSON the
analysis writes (`Analysis.to_json()`), so the figures and the CSV/JSON beside them are the
same numbers.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence
from typing import Any

W, H = 560, 220  # plot size in CSS pixels
PAD_L, PAD_R, PAD_T, PAD_B = 48, 16, 14, 36
KEY_COLOUR, WRONG_COLOUR, FLAG_COLOUR, INK = "#1b7f3b", "#8a8f98", "#c0392b", "#222"
GROUP_COLOURS = {"rate": "#4a6fa5", "upper_rate": "#1b7f3b", "lower_rate": "#d08c2b"}

CSS = """
body { font: 14px/1.45 "DejaVu Sans", Arial, sans-serif; color: #222; margin: 24px auto;
       max-width: 1000px; padding: 0 16px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 28px 0 8px;
     border-bottom: 2px solid #4a6fa5; padding-bottom: 2px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
table { border-collapse: collapse; margin: 8px 0 14px; font-size: 13px; max-width: 100%; }
td.flag { min-width: 9em; } table.items { font-size: 12px; } table.items td { padding: 3px 5px; }
th, td { border: 1px solid #c9ccd1; padding: 3px 7px; text-align: right; }
th { background: #eef1f6; } td.l, th.l { text-align: left; }
tr.flagged td { background: #fbeaea; }
.flag { color: #c0392b; font-weight: bold; }
.muted { color: #5c6370; }
figure { margin: 10px 0 18px; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 12px; color: #5c6370; }
svg text { font: 11px "DejaVu Sans", Arial, sans-serif; fill: #222; }
.grid { display: flex; flex-wrap: wrap; gap: 12px 28px; }
section.case { break-before: page; page-break-before: always; }
section.case:first-of-type { break-before: auto; page-break-before: auto; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table, tr { break-inside: avoid; page-break-inside: avoid; }
  tr.flagged td, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  @page { size: A4; margin: 14mm; }
}
"""


TYPE_NAMES = {
    "single_best_answer": "single best",
    "multiple_response": "multiple",
    "ordering": "ordering",
    "hotspot": "hotspot",
    "caliper": "caliper",
}


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def fmt(value: float | None, spec: str = ".2f") -> str:
    return (
        "–"
        if value is None or (isinstance(value, float) and math.isnan(value))
        else format(value, spec)
    )


# ------------------------------------------------------------------- plots


class _Axes:
    """Maps data to the plot area; draws axes with ticks."""

    def __init__(self, x0: float, x1: float, y0: float, y1: float, w: int = W, h: int = H):
        self.x0, self.x1, self.y0, self.y1 = x0, x1, y0, y1
        self.w, self.h = w, h
        if self.x1 == self.x0:
            self.x1 = self.x0 + 1
        if self.y1 == self.y0:
            self.y1 = self.y0 + 1

    def x(self, v: float) -> float:
        return PAD_L + (v - self.x0) / (self.x1 - self.x0) * (self.w - PAD_L - PAD_R)

    def y(self, v: float) -> float:
        return self.h - PAD_B - (v - self.y0) / (self.y1 - self.y0) * (self.h - PAD_T - PAD_B)

    def frame(self, xticks: Sequence[float], yticks: Sequence[float], xlabel: str, ylabel: str,
              xfmt: str = ".1f", yfmt: str = ".1f") -> list[str]:  # fmt: skip
        out = [
            f'<line x1="{PAD_L}" y1="{self.y(self.y0):.1f}" x2="{self.w - PAD_R}" '
            f'y2="{self.y(self.y0):.1f}" stroke="{INK}"/>',
            f'<line x1="{PAD_L}" y1="{PAD_T}" x2="{PAD_L}" y2="{self.y(self.y0):.1f}" '
            f'stroke="{INK}"/>',
        ]
        for t in xticks:
            out.append(
                f'<line x1="{self.x(t):.1f}" y1="{self.y(self.y0):.1f}" x2="{self.x(t):.1f}" '
                f'y2="{self.y(self.y0) + 4:.1f}" stroke="{INK}"/>'
                f'<text x="{self.x(t):.1f}" y="{self.y(self.y0) + 15:.1f}" '
                f'text-anchor="middle">{format(t, xfmt)}</text>'
            )
        for t in yticks:
            out.append(
                f'<line x1="{PAD_L}" y1="{self.y(t):.1f}" x2="{self.w - PAD_R}" y2="{self.y(t):.1f}" '
                f'stroke="#e3e6ea"/>'
                f'<text x="{PAD_L - 6}" y="{self.y(t) + 4:.1f}" text-anchor="end">'
                f"{format(t, yfmt)}</text>"
            )
        out.append(
            f'<text x="{(PAD_L + self.w - PAD_R) / 2:.1f}" y="{self.h - 4}" '
            f'text-anchor="middle">{esc(xlabel)}</text>'
            f'<text transform="translate(12 {(PAD_T + self.h - PAD_B) / 2:.1f}) rotate(-90)" '
            f'text-anchor="middle">{esc(ylabel)}</text>'
        )
        return out


def _svg(parts: Sequence[str], label: str, w: int = W, h: int = H) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}" role="img" aria-label="{esc(label)}">'
        f"<title>{esc(label)}</title>{''.join(parts)}</svg>"
    )


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    step = 10 ** math.floor(math.log10(value))
    for m in (1, 2, 5, 10):
        if value <= m * step:
            return float(m * step)
    return float(10 * step)


def _count_ticks(top: float) -> list[float]:
    """Whole-number ticks 0..top in nice steps (1, 2 or 5 x 10^k)."""
    step = max(1.0, _nice_max(top / 5))
    return [step * i for i in range(int(top / step) + 1)]


def histogram_svg(
    edges: Sequence[float], counts: Sequence[int], lines: Mapping[str, float], label: str
) -> str:
    """Score histogram (fractions 0-1) with vertical lines such as the pass mark and the cut."""
    top = _nice_max(max(counts, default=0))
    ax = _Axes(edges[0], edges[-1], 0, top)
    parts = ax.frame([i / 10 for i in range(11)], _count_ticks(top),
                     "score (proportion of the points on the candidate's path)", "candidates",
                     xfmt=".0%", yfmt=".0f")  # fmt: skip
    for lo, hi, c in zip(edges, edges[1:], counts, strict=False):
        x, x2, y = ax.x(lo), ax.x(hi), ax.y(c)
        parts.append(
            f'<rect x="{x + 0.5:.1f}" y="{y:.1f}" width="{max(0.0, x2 - x - 1):.1f}" '
            f'height="{ax.y(0) - y:.1f}" fill="#4a6fa5"><title>{lo:.0%}-{hi:.0%}: {c}</title></rect>'
        )
    colours = ["#c0392b", "#1b7f3b", "#7d3c98"]
    for n, (name, value) in enumerate(lines.items()):
        x = ax.x(value)
        colour = colours[n % len(colours)]
        parts.append(
            f'<line x1="{x:.1f}" y1="{PAD_T}" x2="{x:.1f}" y2="{ax.y(0):.1f}" stroke="{colour}" '
            f'stroke-width="2" stroke-dasharray="5 3"/>'
            f'<text x="{x + 4:.1f}" y="{PAD_T + 10 + 13 * n}" fill="{colour}" '
            f'style="fill:{colour}">{esc(name)} {value:.0%}</text>'
        )
    return _svg(parts, label)


def scatter_svg(items: Sequence[Mapping[str, Any]], p_band: tuple[float, float], r_min: float,
                label: str) -> str:  # fmt: skip
    """Difficulty (p) against corrected item-rest r; flagged items in red, with labels."""
    rs = [it["r_item_rest"] for it in items if it["r_item_rest"] is not None]
    lo = min(-0.2, math.floor(min(rs, default=0) * 10) / 10)
    ax = _Axes(0, 1, lo, 1)
    yt = [v / 10 for v in range(int(lo * 10), 11, 2)]
    parts = ax.frame([i / 10 for i in range(11)], yt, "difficulty p (mean score / max)",
                     "item-rest r", xfmt=".1f", yfmt=".1f")  # fmt: skip
    shade = "#f6e7e7"
    for a, b in ((0, p_band[0]), (p_band[1], 1)):
        parts.append(
            f'<rect x="{ax.x(a):.1f}" y="{PAD_T}" width="{ax.x(b) - ax.x(a):.1f}" '
            f'height="{ax.y(lo) - PAD_T:.1f}" fill="{shade}"/>'
        )
    parts.append(
        f'<rect x="{PAD_L}" y="{ax.y(r_min):.1f}" width="{W - PAD_L - PAD_R}" '
        f'height="{ax.y(lo) - ax.y(r_min):.1f}" fill="{shade}" opacity="0.8"/>'
        f'<line x1="{PAD_L}" y1="{ax.y(0):.1f}" x2="{W - PAD_R}" y2="{ax.y(0):.1f}" stroke="#999"/>'
    )
    boxes: list[tuple[float, float, float, float]] = []  # labels placed: x0, y0, x1, y1
    for it in items:
        p, r = it["p"], it["r_item_rest"]
        if p is None or r is None:
            continue
        # A label that would print over one already placed moves down a line until it fits.
        x0, width = ax.x(p) + 7, 6.2 * len(str(it["question_id"]))
        dy = 4.0
        while any(
            x0 < bx1 and bx0 < x0 + width and ax.y(r) + dy - 9 < by1 and by0 < ax.y(r) + dy
            for bx0, by0, bx1, by1 in boxes
        ):
            dy += 11
        boxes.append((x0, ax.y(r) + dy - 9, x0 + width, ax.y(r) + dy))
        if dy > 4.0:
            parts.append(
                f'<line x1="{ax.x(p) + 4:.1f}" y1="{ax.y(r) + 2:.1f}" x2="{x0:.1f}" '
                f'y2="{ax.y(r) + dy - 4:.1f}" stroke="#aaa"/>'
            )
        colour = FLAG_COLOUR if it["flags"] else "#4a6fa5"
        parts.append(
            f'<circle cx="{ax.x(p):.1f}" cy="{ax.y(r):.1f}" r="5" fill="{colour}">'
            f"<title>{esc(it['question_id'])}: p {p:.2f}, r {r:.2f}</title></circle>"
            f'<text x="{ax.x(p) + 7:.1f}" y="{ax.y(r) + dy:.1f}" style="font-size:10px">'
            f"{esc(it['question_id'])}</text>"
        )
    return _svg(parts, label)


def bars_svg(rows: Sequence[Mapping[str, Any]], label: str) -> str:
    """Choice rates per option: overall, upper and lower groups; the key in green."""
    bar_h, gap = 7, 8
    h = PAD_T + len(rows) * (3 * bar_h + gap) + 34
    left = 170
    ax_w = W - left - PAD_R
    parts = []
    for i, row in enumerate(rows):
        y = PAD_T + i * (3 * bar_h + gap)
        name = ("✔ " if row["key"] else "") + str(row["option"])
        colour = KEY_COLOUR if row["key"] else INK
        parts.append(
            f'<text x="{left - 8}" y="{y + 2 * bar_h}" text-anchor="end" '
            f'style="fill:{colour}">{esc(name[:26])}</text>'
        )
        for k, (field, bar_colour) in enumerate(GROUP_COLOURS.items()):
            v = row.get(field)
            if v is None:
                continue
            parts.append(
                f'<rect x="{left}" y="{y + k * bar_h}" width="{ax_w * v:.1f}" height="{bar_h - 1}" '
                f'fill="{bar_colour}"><title>{esc(row["option"])} {field}: {v:.0%}</title></rect>'
            )
        if row.get("flag"):
            parts.append(
                f'<text x="{left + ax_w * max(row.get(f) or 0 for f in GROUP_COLOURS) + 4:.1f}" '
                f'y="{y + 2 * bar_h}" style="fill:{FLAG_COLOUR}">{esc(row["flag"])}</text>'
            )
    base = PAD_T + len(rows) * (3 * bar_h + gap)
    for t in range(0, 101, 25):
        x = left + ax_w * t / 100
        parts.append(
            f'<line x1="{x:.1f}" y1="{PAD_T - 4}" x2="{x:.1f}" y2="{base}" stroke="#e3e6ea"/>'
            f'<text x="{x:.1f}" y="{base + 12}" text-anchor="middle">{t}%</text>'
        )
    lx = left
    for field, colour in GROUP_COLOURS.items():
        name = {"rate": "all", "upper_rate": "upper 27 %", "lower_rate": "lower 27 %"}[field]
        parts.append(
            f'<rect x="{lx}" y="{base + 20}" width="10" height="8" fill="{colour}"/>'
            f'<text x="{lx + 14}" y="{base + 28}">{name}</text>'
        )
        lx += 110
    return _svg(parts, label, W, int(h))


def caliper_svg(errors: Sequence[float], tolerance: float | None, unit: str, label: str) -> str:
    """Histogram of measurement errors (measured - key), the tolerance band shaded."""
    tol = tolerance or 0.0
    # The axis spans 4 tolerances or the 98th percentile of |error|, whichever is wider;
    # errors beyond it are counted in the end bins and named in the caption line.
    ranked = sorted(abs(e) for e in errors)
    p98 = ranked[int(0.98 * (len(ranked) - 1))] if ranked else 0.0
    lim = _nice_max(max(tol * 4, p98, 0.1))
    beyond = sum(1 for e in errors if abs(e) > lim)
    nbins = 24
    edges = [-lim + 2 * lim * i / nbins for i in range(nbins + 1)]
    counts = [0] * nbins
    for e in errors:
        k = min(nbins - 1, max(0, int((e + lim) / (2 * lim) * nbins)))
        counts[k] += 1
    top = _nice_max(max(counts, default=0))
    ax = _Axes(-lim, lim, 0, top)
    parts = [
        f'<rect x="{ax.x(-tol):.1f}" y="{PAD_T}" width="{ax.x(tol) - ax.x(-tol):.1f}" '
        f'height="{ax.y(0) - PAD_T:.1f}" fill="#e5f3e9"/>'
    ]
    parts += ax.frame([-lim + lim * i / 4 for i in range(9)], _count_ticks(top),
                      f"error: measured - key ({unit}); green band: within tolerance",
                      "candidates", xfmt="+.2f", yfmt=".0f")  # fmt: skip
    for lo, hi, c in zip(edges, edges[1:], counts, strict=False):
        x, x2, y = ax.x(lo), ax.x(hi), ax.y(c)
        parts.append(
            f'<rect x="{x + 0.5:.1f}" y="{y:.1f}" width="{max(0.0, x2 - x - 1):.1f}" '
            f'height="{ax.y(0) - y:.1f}" fill="#4a6fa5"/>'
        )
    if errors:
        mean = sum(errors) / len(errors)
        parts.append(
            f'<line x1="{ax.x(mean):.1f}" y1="{PAD_T}" x2="{ax.x(mean):.1f}" y2="{ax.y(0):.1f}" '
            f'stroke="{FLAG_COLOUR}" stroke-width="2"/>'
            f'<text x="{ax.x(mean) + 4:.1f}" y="{PAD_T + 10}" style="fill:{FLAG_COLOUR}">'
            f"mean {mean:+.3f}</text>"
        )
    if beyond:
        parts.append(
            f'<text x="{W - PAD_R}" y="{PAD_T + 10}" text-anchor="end">'
            f"{beyond} beyond ±{lim:g}, in the end bins</text>"
        )
    return _svg(parts, label)


# ------------------------------------------------------------------ the page


def _scale_table(rows: Sequence[tuple[str, Mapping[str, Any]]]) -> str:
    head = (
        "<tr><th class=l>scale</th><th>n</th><th>mean</th><th>SD</th><th>coefficient</th>"
        "<th>value</th><th>95 % CI</th><th>SEM (points)</th><th>form n / items</th>"
        "<th>pass rate</th></tr>"
    )
    body = []
    for name, s in rows:
        d, rel = s["fraction"], s["reliability"]
        ci = rel.get("alpha_ci95") or [None, None]
        pr = f"{fmt(s.get('pass_rate'), '.1%')} at {s['pass_mark']:.0%}" if "pass_rate" in s else ""
        body.append(
            f"<tr><td class=l>{esc(name)}</td><td>{s['n']}</td><td>{fmt(d['mean'], '.1%')}</td>"
            f"<td>{fmt(d['sd'], '.1%')}</td><td>{esc(rel.get('coefficient', ''))}</td>"
            f"<td>{fmt(rel.get('alpha'))}</td><td>{fmt(ci[0])} to {fmt(ci[1])}</td>"
            f"<td>{fmt(rel.get('sem_points'))} of {fmt(rel.get('max_points'), 'g')}</td>"
            f"<td>{rel.get('n', '')} / {rel.get('k', '')}</td><td>{pr}</td></tr>"
        )
    return f"<table>{head}{''.join(body)}</table>"


def _items_table(items: Sequence[Mapping[str, Any]], alpha_deleted: Mapping[str, Any]) -> str:
    head = (
        "<tr><th class=l>item</th><th class=l>type</th><th class=l>domain</th><th>n reached</th>"
        "<th>not reached</th><th>p</th><th>r item-rest</th><th>r polyserial</th><th>D 27 %</th>"
        "<th>omit</th><th>median s</th><th>alpha if deleted</th><th class=l>flags</th></tr>"
    )
    body = []
    for it in items:
        cls = ' class="flagged"' if it["flags"] else ""
        body.append(
            f"<tr{cls}><td class=l>{esc(it['question_id'])}</td>"
            f"<td class=l>{esc(TYPE_NAMES.get(it['type'], it['type']))}</td>"
            f"<td class=l>{esc(it['domain'])}</td><td>{it['n_reached']}</td>"
            f"<td>{it['n_not_reached']}</td><td>{fmt(it['p'])}</td>"
            f"<td>{fmt(it['r_item_rest'])}</td><td>{fmt(it['r_polyserial'])}</td>"
            f"<td>{fmt(it['d_upper_lower'])}</td><td>{fmt(it['omit_rate'], '.0%')}</td>"
            f"<td>{fmt(it['median_time_s'], '.0f')}</td>"
            f"<td>{fmt(alpha_deleted.get(it['question_id']))}</td>"
            f"<td class='l flag'>{esc(', '.join(f.replace('_', ' ') for f in it['flags']))}</td></tr>"
        )
    return f"<table class=items>{head}{''.join(body)}</table>"


def _option_rows(item: Mapping[str, Any]) -> list[tuple[str, list[Mapping[str, Any]]]]:
    if "options" in item:
        return [("options", item["options"])]
    if "regions" in item:
        return [("regions", item["regions"])]
    if "positions" in item:
        return [(f"position {p['position']}", p["options"]) for p in item["positions"]]
    return []


def render(data: Mapping[str, Any], title: str = "Item analysis", cuts: Mapping[str, float] | None = None) -> str:  # fmt: skip
    """The whole report as one HTML string."""
    th = data["thresholds"]
    files = data["files"]
    out = _head(title, files, th)
    out += _flags_table(data["flags"])
    scales = [(f"case {c['case_id']}", c["scale"]) for c in data["cases"]]
    scales += [(f"exam {e['name']}", e["scale"]) for e in data["exams"]]
    if scales:
        out.append("<h2>Reliability and scores</h2>" + _scale_table(scales))
    for c in data["cases"]:
        out.append(_case_section(c, th, (cuts or {}).get(c["case_id"])))
    for e in data["exams"]:
        out += _exam_section(e)
    if files["left_out"]:
        out += _left_out_table(files["left_out"])
    out.append(
        "<p class=muted>Formulas and the treatment of branching: docs/board-analysis.md. "
        "Every figure's numbers are in stats.json and the CSV files beside this report.</p>"
        "</body></html>"
    )
    return "\n".join(out)


def _head(title: str, files: Mapping[str, Any], th: Mapping[str, Any]) -> list[str]:
    """The page's head, title and the line on the files analysed and the thresholds."""
    return [
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>",
        f"<title>{esc(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{esc(title)}</h1>",
        f"<p class=muted>{files['analysed']} of {files['total']} result files analysed"
        + (f"; {len(files['left_out'])} left out (listed at the end)" if files["left_out"] else "")
        + (
            f"; {files['rescored_changed']} responses score differently now than when recorded"
            if files["rescored_changed"]
            else ""
        )
        + ". Thresholds: "
        + ", ".join(f"{esc(k)} {esc(v)}" for k, v in th.items())
        + ".</p>",
    ]


def _flags_table(flags: Sequence[Mapping[str, Any]]) -> list[str]:
    out = [f"<h2 id=flags>Flags ({len(flags)})</h2>"]
    if not flags:
        return [*out, "<p>No item or scale is flagged at these thresholds.</p>"]
    out.append("<table><tr><th class=l>scope</th><th class=l>where</th><th class=l>flag</th>"
               "<th class=l>why</th></tr>")  # fmt: skip
    for f in flags:
        out.append(
            f"<tr><td class=l>{esc(f['scope'])}</td><td class=l>{esc(f['where'])}</td>"
            f"<td class='l flag'>{esc(f['code'].replace('_', ' '))}</td>"
            f"<td class=l>{esc(f['message'])}</td></tr>"
        )
    out.append("</table>")
    return out


def _exam_section(e: Mapping[str, Any]) -> list[str]:
    hist = e["scale"]["fraction"]["histogram"]
    return [
        f"<section class=case><h2>Exam {esc(e['name'])}</h2>",
        f"<p>{e['n_candidates']} candidates with a result of every case "
        f"({esc(', '.join(e['case_ids']))}); {e['n_incomplete']} without, left out. "
        f"Stratified alpha over its cases: "
        f"{fmt(e['scale']['reliability'].get('stratified_alpha'))}.</p>",
        _figure(histogram_svg(hist["edges"], hist["counts"],
                              {"pass mark": e["scale"]["pass_mark"]},
                              f"Score distribution, exam {e['name']}"),
                "Composite score of the exam's cases."),  # fmt: skip
        _scale_table([(d["name"], d) for d in e["domains"]]) + "</section>",
    ]


def _left_out_table(left_out: Sequence[Mapping[str, Any]]) -> list[str]:
    out = ["<h2>Files left out</h2><table><tr><th class=l>file</th><th class=l>why</th></tr>"]
    for lo in left_out:
        out.append(
            f"<tr><td class=l>{esc(lo['file'])}</td><td class=l>{esc(lo['problem'])}</td></tr>"
        )
    out.append("</table>")
    return out


def _figure(svg: str, caption: str) -> str:
    return f"<figure>{svg}<figcaption>{esc(caption)}</figcaption></figure>"


def _case_section(c: Mapping[str, Any], th: Mapping[str, Any], cut: float | None) -> str:
    scale = c["scale"]
    rel = scale["reliability"]
    out = [
        f"<section class=case id='case-{esc(c['case_id'])}'>",
        f"<h2>Case {esc(c['case_id'])} <span class=muted>v{esc(c['version'])}: {esc(c['title'])}</span></h2>",
        f"<p>{scale['n']} candidates. Reliability on the largest branch form "
        f"({rel.get('n', 0)} candidates, {rel.get('k', 0)} items); "
        f"{len(scale['forms'])} form(s) in all: "
        + "; ".join(
            f"{esc(' + '.join(f['items']))} (n {f['n']}, alpha {fmt(f['alpha'])})"
            for f in scale["forms"]
        )
        + ".</p>",
    ]
    out.append("<div class=grid>" + "".join(_case_figures(c, th, cut)) + "</div>")
    out.append(_items_table(c["items"], rel.get("alpha_if_deleted") or {}))
    if c["domains"]:
        out.append("<h3>Domains</h3>" + _scale_table([(d["name"], d) for d in c["domains"]]))
    for it in c["items"]:
        cal = it.get("caliper")
        if cal:
            out += _caliper_part(it["question_id"], cal)
    for it in c["items"]:
        groups = _option_rows(it)
        if it["flags"] and groups:
            out += _flagged_part(it, groups)
    out.append("</section>")
    return "\n".join(out)


def _case_figures(c: Mapping[str, Any], th: Mapping[str, Any], cut: float | None) -> list[str]:
    """The case's score histogram and its difficulty-discrimination scatter."""
    lines = {"pass mark": c["pass_mark"]}
    if cut is not None:
        lines["Angoff cut"] = cut
    hist = c["scale"]["fraction"]["histogram"]
    return [
        _figure(
            histogram_svg(
                hist["edges"], hist["counts"], lines, f"Score distribution, {c['case_id']}"
            ),
            "Scores as a proportion of the points on each candidate's path, with the pass mark.",
        ),
        _figure(
            scatter_svg(
                c["items"],
                (th["p_min"], th["p_max"]),
                th["r_min"],
                f"Difficulty and discrimination, {c['case_id']}",
            ),
            f"Each item's p against its corrected item-rest r; shaded: outside p "
            f"{th['p_min']}-{th['p_max']} or r < {th['r_min']}; red: flagged.",
        ),
    ]


def _caliper_part(question_id: str, cal: Mapping[str, Any]) -> list[str]:
    return [
        f"<h3>Caliper {esc(question_id)}</h3>",
        f"<p>Key {fmt(cal['expected'], 'g')} {esc(cal['unit'])} ± {fmt(cal['tolerance'], 'g')}; "
        f"{cal['n_measured']} measurements, mean {fmt(cal['mean_measured'], '.3f')}, "
        f"mean error {fmt(cal['mean_error'], '+.3f')}, SD {fmt(cal['sd_error'], '.3f')}, "
        f"within tolerance {fmt(cal['within_tolerance_rate'], '.0%')} "
        f"(upper group {fmt(cal['upper_within_tolerance_rate'], '.0%')}).</p>",
        _figure(caliper_svg(cal["errors"], cal["tolerance"], cal["unit"],
                            f"Caliper errors, {question_id}"),
                "Distribution of measurement errors against the key."),  # fmt: skip
    ]


def _flagged_part(
    it: Mapping[str, Any], groups: Sequence[tuple[str, Sequence[Mapping[str, Any]]]]
) -> list[str]:
    """A flagged item's stem, flags and choice charts."""
    out = [
        f"<h3 class=flag>Flagged: {esc(it['question_id'])}</h3>",
        f"<p>{esc(it['stem'])}</p><p class=flag>{esc(', '.join(it['flags']))}</p>",
    ]
    for name, rows in groups:
        out.append(_figure(bars_svg(rows, f"{it['question_id']} {name}"),
                           f"{name}: share choosing each, overall and in the upper and lower "
                           "27 % by rest score; ✔ marks the key."))  # fmt: skip
    return out
