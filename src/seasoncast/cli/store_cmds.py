"""Commands over the store: init, import, titles, show, timeline, data …"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from seasoncast import api
from seasoncast.cli import emit_json, err, open_store, out, parse_day
from seasoncast.datespan import describe
from seasoncast.errors import UserError
from seasoncast.reference import ReferenceDataError, read_pair, validate

data_app = typer.Typer(help="The reference data: validate, rebuild, describe.",
                       no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("import")(import_csv)
    app.command("titles")(titles)
    app.command("show")(show)
    app.command("timeline")(timeline)
    app.command("ingest")(ingest)
    app.add_typer(data_app, name="data")


def init() -> None:
    """Create or upgrade the database and load the bundled reference data."""
    from seasoncast.store import Store

    store = Store.open()
    result = api.init_store(store)
    c = store.counts()
    err.print(f"store: {store.url}")
    removed = (f"; {result.events_removed} removed, no longer in the bundled data"
               if result.events_removed else "")
    err.print(f"added {result.titles_added} titles, {result.seasons_added} seasons, "
              f"{result.events_added} events ({result.events_unchanged} already present"
              f"{removed}); "
              f"now {c['titles']} titles, {c['seasons']} seasons, {c['events']} events")


def import_csv(
    seasons_csv: Path = typer.Argument(..., help="seasons.csv (columns: docs/data.md)"),
    events_csv: Path = typer.Argument(..., help="events.csv (columns: docs/data.md)"),
) -> None:
    """Import reference data; all or nothing, and importing twice changes nothing."""
    try:
        data = read_pair(seasons_csv, events_csv)
    except ReferenceDataError as e:
        raise UserError(str(e)) from None
    problems = validate(data, snapshot=api.today())
    if problems:
        raise UserError(problems[0] + (f" (and {len(problems) - 1} more problems)"
                                       if len(problems) > 1 else ""))
    store = open_store()
    with Progress(TextColumn("importing"), BarColumn(), MofNCompleteColumn(), console=err,
                  transient=True, disable=len(data.events) < 2000) as bar:
        task = bar.add_task("events", total=len(data.events))
        result = store.import_reference(data, progress=lambda n: bar.advance(task, n))
    err.print(f"added {result.seasons_added} seasons and {result.events_added} events; "
              f"{result.events_unchanged} events were already present")


def titles(
    all_seasons: bool = typer.Option(False, "--all", help="include released seasons"),
    as_of: str = typer.Option(None, "--as-of", help="YYYY-MM-DD (default: today)"),
    forecast: bool = typer.Option(
        False, "--forecast", help="add each season's median premiere and 80% interval, "
        "soonest first"),
    json_out: bool = typer.Option(False, "--json"),
) -> None:
    """Tracked seasons and where each stands."""
    store = open_store()
    day = parse_day(as_of) or api.today()
    if forecast:
        _titles_with_forecasts(api.season_outlooks(store, day, include_released=all_seasons),
                               json_out)
        return
    rows = api.tracked_seasons(store, day, include_released=all_seasons)
    if json_out:
        emit_json([{"title": r.season.title, "season": r.season.number,
                    "status": r.status.value, "platform": r.season.platform,
                    "latest": r.reason.kind.value if r.reason else None} for r in rows])
        return
    table = _titles_table(len(rows))
    for r in rows:
        table.add_row(r.season.title, str(r.season.number), r.season.platform or "",
                      r.status.value.replace("_", " "), r.latest or "")
    out.print(table)


def _titles_table(n: int, *dates: str, platform: bool = True, status: bool = True) -> Table:
    table = Table(title=f"{n} tracked seasons", title_justify="left")
    table.add_column("title", overflow="fold", min_width=10)
    table.add_column("S", justify="right")
    for col in ("platform", "status")[0 if platform else 1:2 if status else 1]:
        table.add_column(col, overflow="fold")
    table.add_column("because" if status else "status: because", overflow="fold", ratio=1,
                     min_width=18)
    for col in dates:  # dates stay whole on a narrow terminal; the words wrap
        table.add_column(col, no_wrap=True)
    return table


def _titles_with_forecasts(rows: list[api.SeasonOutlook], json_out: bool) -> None:
    if json_out:
        emit_json([{"title": r.title, "season": r.season, "status": r.status,
                    "platform": r.platform,
                    "latest": r.reason.kind.value if r.reason else None,
                    **r.forecast_dict()} for r in rows])
        return
    wide = out.width >= 120  # on a narrow terminal the platform gives way to the reasons
    # ... and below 100 columns the dates give way to their months and the status joins
    # the reason, so that the reasons are not cut to a word a line
    narrow = out.width < 100
    shown = (lambda d: d.strftime("%b %Y")) if narrow else (lambda d: d.isoformat())
    table = _titles_table(len(rows), "median", "80% interval", platform=wide,
                          status=not narrow)
    for r in rows:
        because = r.latest or ""
        if r.passed is not None:  # say it once when the promise is the status's reason
            same = r.reason is not None and r.passed.is_about(r.reason)
            because += "; has passed: may be out" if same else f"; its {r.passed_note}"
        because, status = because.lstrip("; "), r.status.replace("_", " ")
        day = lambda d: shown(d) if d else "—"  # noqa: E731
        table.add_row(r.title, str(r.season), *([r.platform or ""] if wide else []),
                      *([f"{status}: {because}" if because else status] if narrow
                        else [status, because]), day(r.median),
                      f"{day(r.low80)} – {day(r.high80)}" if r.low80 else "—")
    out.print(table)


def show(
    title: str = typer.Argument(..., help="a title, alias or close spelling"),
    season: int = typer.Option(None, "--season", "-s"),
    json_out: bool = typer.Option(False, "--json"),
) -> None:
    """A season's dated events with their sources."""
    store = open_store()
    s = api.resolve_season(store, title, season)
    events = store.events(s.title, s.number)
    if json_out:
        emit_json({"title": s.title, "season": s.number, "events": [
            {"kind": e.kind.value, "modality": e.modality.value,
             "date": e.date.to_dict() if e.date else None, "known_on": e.known_on.isoformat(),
             "source_url": e.source_url, "note": e.note} for e in events]})
        return
    table = Table(title=f"{s.title} — season {s.number}", title_justify="left")
    for col in ("date", "what", "known on", "source"):
        table.add_column(col, overflow="fold")
    for e in sorted(events, key=lambda e: (e.date.start if e.date else e.known_on)):
        table.add_row(describe(e.date) if e.date else "—",
                      f"{e.kind.value.replace('_', ' ')} ({e.modality.value})",
                      e.known_on.isoformat(), e.source_url)
    out.print(table)


def timeline(
    title: str = typer.Argument(...),
    season: int = typer.Option(None, "--season", "-s"),
    as_of: str = typer.Option(None, "--as-of"),
    json_out: bool = typer.Option(False, "--json"),
) -> None:
    """The reconciled timeline: leading claims, conflicts, superseded plans, status."""
    store = open_store()
    s = api.resolve_season(store, title, season)
    tl = api.season_timeline(store, s, parse_day(as_of))
    if json_out:
        emit_json(tl.to_dict())
        return
    out.print(f"[bold]{s.title} — season {s.number}[/bold]  status: "
              f"[bold]{tl.status.value.replace('_', ' ')}[/bold]")
    table = Table(show_header=True)
    for col in ("date", "milestone", "sources", "notes"):
        table.add_column(col, overflow="fold")
    for e in tl.entries:
        what = f"{e.kind.value.replace('_', ' ')} ({e.modality.value})"
        notes = []
        if e.superseded:
            notes.append("superseded")
        if e.conflicting:
            notes.append("conflict: " + ", ".join(describe(c.date) if c.date else "undated"
                                                  for c in e.conflicting))
        style = "dim strike" if e.superseded else ""
        table.add_row(describe(e.lead.date) if e.lead.date else "—", what,
                      f"{len(e.sources)} ({e.tier.label})", "; ".join(notes), style=style)
    out.print(table)


@data_app.command("validate")
def data_validate(
    seasons_csv: Path = typer.Option(None, "--seasons"),
    events_csv: Path = typer.Option(None, "--events"),
) -> None:
    """Check reference data (the bundled data unless files are given)."""
    from seasoncast.reference import SNAPSHOT, load_bundled

    try:
        if seasons_csv or events_csv:
            if not (seasons_csv and events_csv):
                raise UserError("give both --seasons and --events")
            data = read_pair(seasons_csv, events_csv)
            problems = validate(data, snapshot=api.today())
        else:
            data = load_bundled()
            problems = validate(data, snapshot=SNAPSHOT)
    except ReferenceDataError as e:
        raise UserError(str(e)) from None
    for p in problems[:50]:
        err.print(p, highlight=False)
    if problems:
        raise UserError(f"{len(problems)} problems in {len(data.events)} events")
    err.print(f"ok: {len(data.merged_seasons())} seasons, {len(data.events)} events")


@data_app.command("build")
def data_build(
    raw: Path = typer.Option(Path("../shared/data/raw"), help="folder of the raw data files"),
) -> None:
    """Rebuild the bundled rows that come from public data files (Netflix, survivoR)."""
    from seasoncast.reference import BUNDLED, write_pair
    from seasoncast.reference_sources import netflix_engagement_premieres, survivor_seasons

    engagement = raw / "netflix-engagement" / "netflix_engagement_2023H1_2025H1.csv"
    survivor = raw / "survivor-production" / "season_summary.json"
    for path in (engagement, survivor):
        if not path.exists():
            raise UserError(f"{path}: not found")
    netflix = netflix_engagement_premieres(engagement)
    write_pair(netflix, BUNDLED / "netflix-engagement")
    surv, dropped = survivor_seasons(survivor)
    write_pair(surv, BUNDLED / "survivor")
    err.print(f"netflix-engagement: {len(netflix.seasons)} seasons; survivor: "
              f"{len(surv.seasons)} seasons ({len(dropped)} left out)")
    for d in dropped:
        err.print(f"  left out {d}", highlight=False)


@data_app.command("card")
def data_card(
    output: Path = typer.Option(None, "-o", help="write the tables into this file"),
) -> None:
    """Coverage tables of the bundled data (generated for docs/data.md)."""
    from seasoncast.datacard import coverage_markdown, splice_into

    text = coverage_markdown()
    if output:
        splice_into(output, text)
        err.print(f"updated {output}")
    else:
        out.print(text, markup=False, highlight=False)


def ingest(
    sources: list[str] = typer.Argument(..., help="files, directories, URLs or feed URLs"),
    published: str = typer.Option(None, "--published", help="YYYY-MM-DD, for every document"),
    title: str = typer.Option(None, "--title", help="title hint for articles that say "
                                                    "'the show'"),
    feed: bool = typer.Option(False, "--feed", help="treat URLs as RSS/Atom feeds"),
    allow_private: bool = typer.Option(False, "--allow-private",
                                       help="allow fetching loopback/private addresses"),
    dry_run: bool = typer.Option(False, "--dry-run", help="extract and show, store nothing"),
    json_out: bool = typer.Option(False, "--json"),
) -> None:
    """Read articles into the store: their claims join the seasons' timelines."""
    from seasoncast.ingest.load import load_path, load_url

    pub = parse_day(published, "--published")
    docs = []
    for src in sources:
        if src.startswith(("http://", "https://")):
            if feed:
                from seasoncast.ingest.feeds import load_feed

                docs.extend(load_feed(src, allow_private=allow_private))
            else:
                docs.append(load_url(src, allow_private=allow_private))
        else:
            path = Path(src)
            if not path.exists():
                raise UserError(f"{src}: no such file or directory")
            docs.extend(load_path(path))
    from seasoncast.extract.pipeline import MAX_CHARS

    for d in docs:
        if len(d.text) > MAX_CHARS:
            err.print(f"note: {d.url or d.title or 'a document'} has {len(d.text):,} "
                      f"characters; only the first {MAX_CHARS:,} are read", highlight=False)
    store = open_store()
    reports = [api.ingest_document(store, d, title_hint=title, published=pub, dry_run=dry_run)
               for d in docs]
    if json_out:
        emit_json([r.to_dict() for r in reports])
        return
    for r in reports:
        name = r.url or r.title or "document"
        if r.duplicate:
            err.print(f"{name}: already ingested (same text)", highlight=False)
            continue
        seasons = ", ".join(f"{t} S{n}" for t, n in r.seasons) or "no tracked season"
        err.print(f"{name}: {r.claims} claim{'s' if r.claims != 1 else ''} "
                  f"({r.events_added} new) about {seasons}", highlight=False)
