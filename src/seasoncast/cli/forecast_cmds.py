"""Commands: forecast and backtest."""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from seasoncast import api
from seasoncast.cli import emit_json, err, open_store, out, parse_day
from seasoncast.datespan import describe_day
from seasoncast.errors import UserError


def register(app: typer.Typer) -> None:
    app.command("forecast")(forecast)
    app.command("backtest")(backtest)



def forecast(
    title: str = typer.Argument(..., help="a title, alias or close spelling"),
    season: int = typer.Option(None, "--season", "-s"),
    as_of: str = typer.Option(None, "--as-of", help="YYYY-MM-DD (default: today)"),
    json_out: bool = typer.Option(False, "--json"),
) -> None:
    """The premiere forecast of a season: median, intervals, probability by year, why."""
    store = open_store()
    s = api.resolve_season(store, title, season)
    fc = api.forecast_season(store, s, parse_day(as_of))
    if json_out:
        emit_json(fc.to_dict())
        return
    out.print(f"[bold]{s.title} — season {s.number}[/bold]  (as of {fc.as_of})")
    out.print(f"status: [bold]{fc.status.value.replace('_', ' ')}[/bold]")
    if fc.released:
        out.print(f"premiered {describe_day(fc.released)}")
        return
    if fc.cancelled:
        out.print("no premiere expected")
        for d in fc.drivers:
            out.print(f"  • {d}", highlight=False)
        return
    q = fc.dist.quantiles()
    out.print(f"median premiere: [bold]{describe_day(q['p50'])}[/bold]")
    out.print(f"50% interval: {describe_day(q['p25'])} – {describe_day(q['p75'])}")
    out.print(f"80% interval: {describe_day(q['p10'])} – {describe_day(q['p90'])}")
    table = Table(title="probability of premiering in", title_justify="left")
    years = fc.dist.p_by_year()
    for y in years:
        table.add_column(y, justify="right")
    table.add_row(*[f"{p:.0%}" for p in years.values()])
    out.print(table)
    out.print("[bold]why[/bold]")
    for d in fc.drivers:
        out.print(f"  • {d}", highlight=False)
    out.print(f"[dim]{fc.model}[/dim]")


def backtest(
    seasons_csv: Path = typer.Option(None, "--seasons", help="extra seasons.csv"),
    events_csv: Path = typer.Option(None, "--events", help="extra events.csv"),
    out_path: Path = typer.Option(None, "--out", help="write one JSON line per forecast"),
    json_out: bool = typer.Option(False, "--json"),
    save_calibration: bool = typer.Option(
        False, "--save-calibration", help="store the fitted calibration map for forecasts"),
    demand: bool = typer.Option(False, "--demand",
                                help="add Netflix Top 10 demand as a covariate (experiment)"),
    family: str = typer.Option("weibull", "--family",
                               help="stage-model family: weibull, lognormal or loglogistic"),
) -> None:
    """Time-travel, leave-titles-out backtest of the model against its baselines."""
    from seasoncast.forecast.backtest import save_calibration as save
    from seasoncast.forecast.model import FAMILIES
    from seasoncast.reference import ReferenceData, load_bundled, read_pair, validate

    if family not in FAMILIES:
        raise UserError(f"--family: unknown family {family!r} (choose from {', '.join(FAMILIES)})")
    data = load_bundled()
    test = data
    if seasons_csv or events_csv:
        if not (seasons_csv and events_csv):
            raise UserError("give both --seasons and --events")
        test = read_pair(seasons_csv, events_csv)
        problems = validate(test, snapshot=api.today())
        if problems:
            raise UserError(problems[0])
        merged = ReferenceData()
        merged.extend(data)
        merged.extend(test)
        data = merged
    # the lines go to a temporary file beside --out, which replaces it only once the run
    # is complete: an interrupted backtest leaves the previous file as it was
    sink = partial = None
    try:
        if out_path:
            partial = out_path.with_name(f".{out_path.name}.partial")
            sink = partial.open("w", encoding="utf-8")
    except OSError as e:
        raise UserError(f"{out_path}: {e.strerror}") from None
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # clean up as on Ctrl-C
    try:
        summary = _run_with_progress(data, test, sink, demand, family)
    except BaseException:
        if sink:
            sink.close()
            partial.unlink(missing_ok=True)
        raise
    if sink:
        sink.close()
        partial.replace(out_path)
    if save_calibration:
        save(summary)
        err.print("saved the calibration map")
    if json_out:
        emit_json(summary)
        return
    out.print(json.dumps({k: v for k, v in summary.items() if k != "calibration"}, indent=2))


def _run_with_progress(data, test, sink, demand: bool, family: str) -> dict:
    from seasoncast.forecast.backtest import run_backtest

    with Progress(TextColumn("backtest"), BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=err, transient=True) as bar:
        task = bar.add_task("forecasts", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return run_backtest(data, test, sink, progress, demand=demand, family=family)
