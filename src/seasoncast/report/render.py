"""Rendering a `Report` as Markdown, self-contained HTML, or JSON."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape

from seasoncast.datespan import describe, describe_day
from seasoncast.report.build import Report, domain


def _pct(p: float) -> str:
    return f"{p:.0%}"


def _number(v: float) -> str:
    if v >= 1e9:
        return f"{v / 1e9:.2f} billion"
    if v >= 1e6:
        return f"{v / 1e6:.1f} million"
    return f"{v:,.0f}"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("seasoncast.report", "templates"),
                      autoescape=select_autoescape(["html"]), trim_blocks=True,
                      lstrip_blocks=True)
    env.globals.update(day=describe_day, pct=_pct, span=describe, domain=domain, number=_number)
    return env


def render_html(report: Report) -> str:
    """A complete, self-contained page (inline CSS and SVG; no scripts)."""
    from seasoncast.report.chart import chart_svg

    chart = chart_svg(report.forecast) if not report.forecast.released else ""
    return environment().get_template("report.html").render(r=report, chart=chart)


def render_html_body(report: Report) -> str:
    """The article alone, for embedding in the web app's pages."""
    from seasoncast.report.chart import chart_svg

    chart = chart_svg(report.forecast) if not report.forecast.released else ""
    return environment().get_template("report_body.html").render(r=report, chart=chart)


def _md(text: str) -> str:
    """Escape what Markdown would otherwise interpret in untrusted text."""
    out = str(text).replace("\\", "\\\\")
    for ch in "`*_[]<>|#":
        out = out.replace(ch, "\\" + ch)
    return out


def render_markdown(report: Report) -> str:
    r, fc = report, report.forecast
    lines = [f"# {_md(r.heading)}", "",
             f"*{r.timeline.status.value.replace('_', ' ')} — as of {r.as_of.isoformat()}*", "",
             "## TL;DR", ""]
    lines += [" ".join(_md(s) for s in r.tldr), ""]
    lines += ["## Forecast", ""]
    if fc.released:
        lines += [f"Premiered on {describe_day(fc.released)}.", ""]
    elif fc.cancelled:
        lines += ["No premiere expected: the season was cancelled.", "", "Why:", ""]
        lines += [f"- {_md(d)}" for d in fc.drivers] + [""]
    else:
        q = fc.dist.quantiles()
        lines += [f"- Median: **{describe_day(q['p50'])}**",
                  f"- 50% interval: {describe_day(q['p25'])} – {describe_day(q['p75'])}",
                  f"- 80% interval: {describe_day(q['p10'])} – {describe_day(q['p90'])}", ""]
        years = fc.dist.p_by_year()
        lines += ["| " + " | ".join(years) + " |", "|" + "---:|" * len(years),
                  "| " + " | ".join(_pct(p) for p in years.values()) + " |", ""]
        lines += ["Chance of premiering each month:", "", "```"]
        from seasoncast.report.build import month_probabilities

        for d, p in month_probabilities(fc, 24):
            if p >= 0.005:
                lines.append(f"{d.strftime('%b %Y')}  {'█' * max(1, round(p * 100))} {_pct(p)}")
        lines += ["```", "", "Why:", ""]
        lines += [f"- {_md(d)}" for d in fc.drivers] + [""]
        if r.what_would_change:
            lines += ["What would change this forecast:", ""]
            lines += [f"- {_md(w)}" for w in r.what_would_change] + [""]
    lines += ["## Timeline", "", "| When | What | Sources |", "|---|---|---|"]
    for e in r.timeline.entries:
        when = describe(e.lead.date) if e.lead.date else "undated"
        what = f"{e.kind.value.replace('_', ' ')} ({e.modality.value})"
        if e.lead.subject:
            what += f": {_md(e.lead.subject)}"
        if e.superseded:
            what = f"~~{what}~~ (superseded)"
        for c in e.conflicting:
            what += f"; conflicting: {describe(c.date) if c.date else 'undated'} " \
                    f"({domain(c.source_url)})"
        srcs = ", ".join(f"[{domain(u)}]({u})" for u in e.sources[:3])
        lines.append(f"| {when} | {what} | {srcs} |")
    lines.append("")
    if r.rumours or r.slates:
        lines += ["## Rumours and official line-ups", ""]
        for rc in r.rumours:
            lines.append(f"- Rumoured premiere {describe(rc.span)}: **{rc.verdict}** "
                         f"({_pct(rc.probability)}) — {_md('; '.join(rc.reasons))}")
        for e in r.slates:
            verb = "Absent from" if e.modality.value == "denied" else "Listed in"
            note = f" ({_md(e.note)})" if e.note else ""
            lines.append(f"- {verb} the official line-up for {describe(e.date)}{note} — "
                         f"[{domain(e.source_url)}]({e.source_url})")
        lines.append("")
    if r.cast:
        lines += ["## Cast", "", "| Who | Status | Known for |", "|---|---|---|"]
        for c in r.cast:
            who = _md(c.person) + (f" as {_md(c.character)}" if c.character else "")
            lines.append(f"| {who} | {c.status.value} | {_md(', '.join(c.known_for))} |")
        lines.append("")
    if r.viewership:
        lines += ["## Viewership", "", "| Season | Figure | Period | Source |",
                  "|---|---|---|---|"]
        for v in r.viewership:
            rank = f" (rank {v['rank']} in {v['category']} at the time)" if v.get("rank") else ""
            lines.append(f"| {v['season']} | {_number(v['value'])} "
                         f"{v.get('label') or v['metric']}{rank} | "
                         f"{v['period_start'] or '?'} – {v['period_end'] or '?'} | "
                         f"[{v['dataset'] or domain(v['source_url'])}]({v['source_url']}) |")
        lines.append("")
    lines += ["## Sources", ""]
    for i, s in enumerate(r.sources, 1):
        label = f": {_md(s['label'])}" if s.get("label") else ""
        lines.append(f"{i}. [{s['domain']}]({s['url']}){label} — {s['tier']}, first cited "
                     f"{s['known_on']}")
    return "\n".join(lines) + "\n"
