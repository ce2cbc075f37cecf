"""Commands: check (rumours), report (the explainer), demo (the Quickstart's main job)."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.markdown import Markdown

from seasoncast import api
from seasoncast.cli import emit_json, err, open_store, out, parse_day
from seasoncast.errors import UserError

DEMO_TITLE, DEMO_SEASON = "All of Us Are Dead", 2


def register(app: typer.Typer) -> None:
    app.command("check")(check)
    app.command("report")(report)
    app.command("demo")(demo)


def check(
    claim: str = typer.Argument(..., help='e.g. "All of Us Are Dead S2 drops December 2026"'),
    as_of: str = typer.Option(None, "--as-of", help="YYYY-MM-DD (default: today)"),
    json_out: bool = typer.Option(False, "--json"),
) -> None:
    """Check a release-date claim against the evidence and the forecast."""
    from seasoncast.verdict import check_claim

    store = open_store()
    v = check_claim(store, claim, parse_day(as_of) or api.today())
    if json_out:
        emit_json(v.to_dict())
        return
    s = v.claim.season
    out.print(f"[bold]{s.title} season {s.number}[/bold] premiering "
              f"{v.claim.judged}: [bold]{v.verdict}[/bold] ({v.probability:.0%})")
    for r in v.reasons:
        out.print(f"  • {r}", highlight=False)


def report(
    title: str = typer.Argument(...),
    season: int = typer.Option(None, "--season", "-s"),
    fmt: str = typer.Option("md", "--format", help="md, html, json or png (the chart)"),
    as_of: str = typer.Option(None, "--as-of"),
    output: Path = typer.Option(None, "-o", "--output", help="write to this file"),
) -> None:
    """The season explainer: TL;DR, timeline, forecast, rumours, cast, viewership, sources."""
    from seasoncast.report import build_report, render_html, render_markdown

    if fmt not in ("md", "html", "json", "png"):
        raise UserError(f"--format must be md, html, json or png, not {fmt!r}")
    store = open_store()
    s = api.resolve_season(store, title, season)
    r = build_report(store, s, parse_day(as_of) or api.today())
    if fmt == "png":
        from seasoncast.report.chart import chart_png

        if output is None:
            raise UserError("--format png needs -o FILE")
        output.write_bytes(chart_png(r.forecast))
        err.print(f"wrote {output}")
        return
    text = {"md": render_markdown, "html": render_html,
            "json": lambda r: json.dumps(r.to_dict(), ensure_ascii=False, indent=2)}[fmt](r)
    if output:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as e:
            raise UserError(f"{output}: {e.strerror}") from None
        err.print(f"wrote {output}")
    elif fmt == "md":
        out.print(Markdown(text), soft_wrap=False)  # soft wrap would crop list items
    else:
        out.file.write(text + ("\n" if not text.endswith("\n") else ""))


def demo(as_of: str = typer.Option(None, "--as-of")) -> None:
    """The Quickstart: the explainer for All of Us Are Dead season 2, then the others."""
    from seasoncast.cli.store_cmds import titles
    from seasoncast.report import build_report, render_markdown

    store = open_store()
    day = parse_day(as_of) or api.today()
    s = api.resolve_season(store, DEMO_TITLE, DEMO_SEASON)
    out.print(Markdown(render_markdown(build_report(store, s, day))), soft_wrap=False)
    out.rule("Other tracked seasons")
    titles(all_seasons=False, as_of=as_of, json_out=False)
