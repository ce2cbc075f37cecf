"""`seasoncast extract FILE` and `seasoncast eval extract GOLD_DIR` (interfaces.md §3).

Only the JSON document (or the rich table) goes to stdout; an unreadable input is one
line on stderr and exit code 2.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import typer

MAX_FILE_BYTES = 5_000_000


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def read_document(path: Path) -> tuple[str, date | None]:
    """The text of FILE (HTML converted) and the date found in it, if any."""
    from seasoncast.ingest.html import html_to_text, looks_like_html

    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES)
    except OSError as e:
        _fail(f"cannot read {path}: {e.strerror or e}")
    if b"\x00" in raw[:4096]:
        _fail(f"{path} is not a text file")
    text = raw.decode("utf-8", errors="replace")
    if path.suffix.lower() in (".html", ".htm", ".xhtml") or looks_like_html(text):
        page = html_to_text(text)
        return page.text, page.published
    return text, None


def extract_command(
    file: Path = typer.Argument(..., help="plain text, Markdown or HTML article"),
    published: str | None = typer.Option(None, "--published",
                                         help="publication date YYYY-MM-DD"),
    title: str | None = typer.Option(None, "--title", help="title hint"),
    url: str | None = typer.Option(None, "--url", help="where the article came from"),
    as_json: bool = typer.Option(False, "--json", help="print the JSON document"),
) -> None:
    """Extract dated claims, cast and viewership from one article.

    Shows are known by their names (the bundled titles) and by "season 2"-like phrases."""
    from seasoncast.extract import extract_document
    from seasoncast.extract.pipeline import MAX_CHARS
    from seasoncast.reference import bundled_season_guess, bundled_titles, load_bundled

    pub = None
    if published:
        try:
            pub = date.fromisoformat(published)
        except ValueError:
            _fail(f"--published must be YYYY-MM-DD, got {published!r}")
    text, found = read_document(file)
    if len(text) > MAX_CHARS:
        typer.echo(f"note: {file} has {len(text):,} characters; only the first {MAX_CHARS:,} "
                   "are read", err=True)
    bundled = load_bundled()
    result = extract_document(text, published=pub or found, title_hint=title, url=url,
                              known_titles=bundled_titles(data=bundled),
                              season_guess=bundled_season_guess(data=bundled))
    doc = result.to_dict()
    if as_json:
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
        return
    _print_table(doc)


def _print_table(doc: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title=f"claims ({doc['document']['published'] or 'date unknown'})")
    for col in ("title", "S", "kind", "modality", "date", "extra", "conf"):
        table.add_column(col)
    for c in doc["claims"]:
        d = c["date"]
        when = (d["start"] if d["start"] == d["end"] else f"{d['start']}..{d['end']}") \
            if d else "—"
        extra = c["subject"] or c["detail"] or c["location"] or ""
        table.add_row(c["title"], str(c["season"] or ""), c["kind"], c["modality"], when,
                      extra, f"{c['confidence']:.2f}")
    console.print(table)
    if doc["cast"]:
        console.print("cast: " + "; ".join(
            f"{c['person']} ({c['status']}{', as ' + c['character'] if c['character'] else ''})"
            for c in doc["cast"]))
    for v in doc["viewership"]:
        p = v["period"]
        console.print(f"viewership: S{v['season']} {v['value']:,} {v['metric']}"
                      + (f" {p['start']}..{p['end']}" if p else ""))


def eval_extract_command(
    gold_dir: Path = typer.Argument(..., help="directory of articles + .gold.json files"),
    as_json: bool = typer.Option(False, "--json", help="print the JSON report"),
    seeds: Path | None = typer.Option(None, "--seeds", help="directory of seed articles"),
) -> None:
    """Precision/recall/F1 of extraction against gold annotations."""
    from seasoncast.evaluation.extract_eval import evaluate, render

    if not gold_dir.is_dir():
        _fail(f"{gold_dir} is not a directory")
    from seasoncast.reference import bundled_season_guess, bundled_titles, load_bundled

    bundled = load_bundled()
    result = evaluate(gold_dir, seeds, known_titles=bundled_titles(data=bundled),
                      season_guess=bundled_season_guess(data=bundled))
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
    else:
        render(result)


def register(app: typer.Typer) -> None:
    """Add `extract` and the `eval` group (with `eval extract`) to the main app."""
    app.command("extract")(extract_command)
    eval_app = typer.Typer(help="Evaluate the project's components.", no_args_is_help=True)
    eval_app.command("extract")(eval_extract_command)
    app.add_typer(eval_app, name="eval")
