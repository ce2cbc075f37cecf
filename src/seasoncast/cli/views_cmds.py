"""Viewership commands: import-views, views, views-review, build-views."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from seasoncast import api
from seasoncast.cli import emit_json, err, open_store, out, parse_day


def register(app: typer.Typer) -> None:
    app.command("import-views")(import_views)
    app.command("views")(views)
    app.command("views-review")(views_review)
    app.command("build-views")(build_views)


def import_views(
    paths: list[Path] = typer.Argument(..., help="Top 10 .tsv files, engagement .xlsx "
                                                 "workbooks, or folders holding them"),
    json_out: bool = typer.Option(False, "--json"),
) -> None:
    """Import Netflix viewing files; all or nothing, and importing twice changes nothing."""
    from seasoncast.views.importers import expand, read_file
    from seasoncast.views.store_views import import_rows

    files, skipped = expand(paths)
    rows = []
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("reading", total=len(files))
        for f in files:
            rows.extend(read_file(f))
            bar.advance(task)
        store = open_store()
        task = bar.add_task("storing", total=len(rows))
        result = import_rows(store, rows, progress=lambda n: bar.advance(task, n))
    for f, why in skipped:
        err.print(f"skipped {f}: {why}", highlight=False)
    if json_out:
        emit_json(dict(result.to_dict(), files=len(files),
                       skipped=[{"path": str(f), "reason": why} for f, why in skipped]))
        return
    err.print(f"{len(files)} files, {result.rows} rows: {result.added} added "
              f"({result.linked} linked, {result.unlinked} unlinked, {result.review} for "
              f"review), {result.unchanged} already present; {result.derived_views} "
              "2023 H1 views derived (hours ÷ runtime)")


def _m(value: float | None) -> str:
    return "—" if value is None else f"{value / 1e6:,.1f}M"


def views(
    title: str = typer.Argument(..., help="a title, alias or close spelling"),
    season: int = typer.Option(None, "--season", "-s"),
    as_of: str = typer.Option(None, "--as-of", help="only figures published by this day"),
    chart: Path = typer.Option(None, "--chart", help="write an SVG chart to this file"),
    json_out: bool = typer.Option(False, "--json"),
) -> None:
    """A season's viewing figures, each with its source and period."""
    from seasoncast.views.figures import season_figures

    store = open_store()
    s = api.resolve_season(store, title, season)
    f = season_figures(store, s.title, s.number, parse_day(as_of))
    if chart:
        from seasoncast.report.chart import half_year_views_svg, weekly_views_svg

        svg = weekly_views_svg(f) if f["weekly"] else half_year_views_svg(f)
        chart.write_text(svg, encoding="utf-8")
    if json_out:
        emit_json(f)
        return
    out.print(f"[bold]{s.title} — season {s.number}[/bold]  premiere: {f['premiere'] or '?'}")
    table = Table(show_header=True)
    for col in ("figure", "value", "period", "rank", "source"):
        table.add_column(col, overflow="fold")
    for x in f["first_days"]:
        p = x["period"]
        at, last, now = x["rank_at_the_time"], x["rank_latest_listed"], x["rank_now"]
        rank = (f"{at['rank']} of {x['category']} at the time ({at['list']} list); "
                f"{last['rank']} in the {last['list']} list; now "
                + (f"{now['rank']}" if now["rank"] else f"not in the top 10 ({now['list']})"))
        table.add_row(f"{x['metric']}, first {x['window_days']} days", _m(x["value"]),
                      f"{p['start'] or '?'} – {p['end'] or '?'}", rank, x["dataset"])
    for r in f["half_years"]:
        table.add_row(f"views, {r['report']}", _m(r["views"]), r["period"]["text"], "",
                      r["dataset"] + (f" ({r['note']})" if r["note"] else ""))
    if (t := f["views_in_reports"]) is not None:
        terms = " + ".join(f"{v / 1e6:.1f}" for v in t["terms"])
        table.add_row("views, all reports", _m(t["value"]),
                      f"{t['period']['start']} – {t['period']['end']}", "", f"sum: {terms}")
    if (w := f["weekly_totals"]) is not None:
        p = w["period"]
        table.add_row(f"hours in {w['weeks']} weeks in the global Top 10", _m(w["hours"]),
                      f"{p['start']} – {p['end']}", f"best {w['best_rank']}", "top10-weekly")
        if w["views"]:
            table.add_row(f"views in {w['weeks_with_views']} of those weeks", _m(w["views"]),
                          "", "", "top10-weekly")
    if (sp := f["staying_power"]) is not None and sp["since_season"] != f["season"]:
        # (for the latest season itself it is the row of all reports above)
        table.add_row(f"views in the reports after season {sp['since_season']} premiered",
                      _m(sp["value"]),
                      f"{sp['period']['start']} – {sp['period']['end']}", "",
                      "reports " + ", ".join(sp["reports"]))
    out.print(table)
    sources = sorted({x["source_url"] for x in f["first_days"] + f["half_years"] + f["weekly"]})
    for url in sources:
        out.print(f"source: {url}", highlight=False)


def views_review(
    limit: int = typer.Option(50, "--limit"),
    relink_first: bool = typer.Option(False, "--relink",
                                      help="link unlinked rows again first (after adding "
                                           "seasons or aliases)"),
    json_out: bool = typer.Option(False, "--json"),
) -> None:
    """Published titles not linked with confidence: check and add aliases or seasons."""
    from seasoncast.views.store_views import relink, review_rows

    store = open_store()
    if relink_first:
        err.print(f"relinked {relink(store)} rows")
    rows = review_rows(store, limit)
    if json_out:
        emit_json(rows)
        return
    table = Table(title=f"{len(rows)} titles for review", title_justify="left")
    for col in ("published title", "confidence", "rows", "datasets"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(r["raw_title"], f"{r['confidence']:.2f}", str(r["rows"]),
                      ", ".join(r["datasets"]))
    out.print(table)


def build_views(
    raw: Path = typer.Option(Path("../shared/data/raw"), help="folder of the raw data files"),
) -> None:
    """Rebuild the bundled viewing figures of the curated titles from the raw files."""
    from seasoncast.views.bundle import build_bundle

    stats = build_bundle(raw)
    err.print(f"wrote {stats['rows']} rows for {stats['titles']} titles to {stats['path']} "
              f"({stats['bytes']:,} bytes)")
