"""Readers for Netflix's published viewing files, each yielding plain `ViewRow`s.

Three layouts exist and all changed over time, so each reader checks its header and
every row, and stops at the first bad one with `file[, sheet], line/row: what`: an
import takes whole files or nothing. Readers know nothing about the database.

- weekly global Top 10 (`all-weeks-global.tsv`), read with quoting off because titles
  contain quote characters;
- "most popular" lists (`most-popular*.tsv`): 28-day hours in early versions, 91-day
  hours/runtime/views later; the version's date comes from the file name;
- "What We Watched" engagement workbooks (.xlsx, read with python-calamine): title rows
  before the header, sheet names and columns that differ between reports, and no
  Views column in the first report (2023 H1).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from seasoncast.errors import UserError

TOP10_URL = "https://www.netflix.com/tudum/top10/data/all-weeks-global.tsv"
MOST_POPULAR_URL = "https://www.netflix.com/tudum/top10/data/most-popular.tsv"
ENGAGEMENT_PAGE = "https://about.netflix.com/en/news/what-we-watched-a-netflix-engagement-report"
# The bundled snapshots of Netflix's unmodified workbooks (see docs/viewership.md).
_ENGAGEMENT_REPO = ("https://github.com/xuanlianliu/Data_Science_Project/blob/"
                    "81626206433ddc41793fbafe575a6a156e027ee7/")

TOP10_COLUMNS = ["week", "category", "weekly_rank", "show_title", "season_title",
                 "weekly_hours_viewed", "runtime", "weekly_views",
                 "cumulative_weeks_in_top_10"]
MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june",
                                      "july", "august", "september", "october", "november",
                                      "december"], 1)}


class ViewFileError(UserError):
    """A file that cannot be imported; the message starts with where the problem is."""


@dataclass(frozen=True, slots=True)
class ViewRow:
    """One published figure, as in the file, before linking."""

    dataset: str  # "top10-weekly", "most-popular-2025-01-01", "engagement-2025H1"
    category: str  # "TV (Non-English)", "TV", "Film", "All" (the mixed 2023 H1 sheet)
    raw_title: str  # the title as published (season title for TV)
    metric: str  # "views", "hours" or "runtime" (hours per view)
    value: float
    period_start: date | None
    period_end: date | None
    precision: str | None  # a DateSpan precision: "days" for a week, "half" for a report
    rank: int | None
    source_url: str
    key: str  # what tells this row from others of the same dataset and metric
    show_title: str | None = None  # Top 10 files name the show separately
    release_date: date | None = None  # the premiere, where the file gives it
    window_days: int | None = None  # 28 or 91 for the most-popular lists

    @property
    def is_film(self) -> bool:
        return self.category.startswith(("Film", "Movie"))


def _num(text: str, where: str, name: str, *, required: bool = True) -> float | None:
    text = text.strip()
    if not text:
        if required:
            raise ViewFileError(f"{where}: {name} is empty")
        return None
    try:
        return float(text)
    except ValueError:
        raise ViewFileError(f"{where}: {name} {text!r} is not a number") from None


def _sniff_header(path: Path) -> list[str] | None:
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            first = f.readline()
    except (OSError, UnicodeDecodeError) as e:
        raise ViewFileError(f"{path}: cannot read ({e})") from None
    return first.rstrip("\r\n").split("\t")


def _tsv(path: Path, width: int) -> Iterator[tuple[str, list[str]]]:
    """Data rows with their `file:line`; a row of the wrong width stops the import."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        for i, row in enumerate(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if i == 1 or not row:
                continue
            where = f"{path}:{i}"
            if len(row) != width:
                raise ViewFileError(f"{where}: {len(row)} columns, expected {width}"
                                    " (truncated or malformed line)")
            yield where, row


def read_top10_weekly(path: Path, source_url: str = TOP10_URL) -> list[ViewRow]:
    """Weekly global Top 10: hours for every week, views and runtime from mid-2023."""
    header = _sniff_header(path)
    if header != TOP10_COLUMNS:
        raise ViewFileError(f"{path}: not a weekly Top 10 file (header {header[:4]}…)")
    rows: list[ViewRow] = []
    for where, r in _tsv(path, len(TOP10_COLUMNS)):
        week_s, category, rank_s, show, season_title, hours_s, runtime_s, views_s, _ = r
        try:
            week = date.fromisoformat(week_s)
        except ValueError:
            raise ViewFileError(f"{where}: week {week_s!r} is not a date") from None
        rank = _num(rank_s, where, "weekly_rank")
        raw = show if season_title in ("", "N/A") else season_title
        base = dict(dataset="top10-weekly", category=category, raw_title=raw,
                    period_start=week - timedelta(days=6), period_end=week, precision="days",
                    rank=int(rank), source_url=source_url,
                    key=f"{week_s}|{category}|{int(rank)}", show_title=show)
        rows.append(ViewRow(metric="hours", value=_num(hours_s, where, "weekly_hours_viewed"),
                            **base))
        for metric, text in (("views", views_s), ("runtime", runtime_s)):
            value = _num(text, where, metric, required=False)
            if value is not None:
                rows.append(ViewRow(metric=metric, value=value, **base))
    if not rows:
        raise ViewFileError(f"{path}: no rows")
    return rows


_VERSION = re.compile(r"(\d{4}-\d{2}-\d{2})")


def read_most_popular(path: Path, source_url: str = MOST_POPULAR_URL,
                      version: date | None = None) -> list[ViewRow]:
    """A most-popular list: the top 10 per category by their first 28 or 91 days.

    The list's date (for "rank at the time") is `version`, else the date in the file
    name; the undated current list is the dataset "most-popular".
    """
    header = _sniff_header(path)
    if header[:4] != ["category", "rank", "show_title", "season_title"] or len(header) < 5:
        raise ViewFileError(f"{path}: not a most-popular list (header {header[:4]}…)")
    m = re.fullmatch(r"hours_viewed_first_(\d+)_days", header[4])
    if not m:
        raise ViewFileError(f"{path}: unknown column {header[4]!r}")
    window = int(m[1])
    if version is None and (v := _VERSION.search(path.name)):
        version = date.fromisoformat(v[1])
    dataset = f"most-popular-{version.isoformat()}" if version else "most-popular"
    cols = {name: i for i, name in enumerate(header)}
    rows: list[ViewRow] = []
    for where, r in _tsv(path, len(header)):
        category, rank_s, show, season_title = r[:4]
        rank = int(_num(rank_s, where, "rank"))
        raw = show if season_title in ("", "N/A") else season_title
        base = dict(dataset=dataset, category=category, raw_title=raw, period_start=None,
                    period_end=None, precision=None, rank=rank, source_url=source_url,
                    key=f"{category}|{rank}", show_title=show, window_days=window)
        rows.append(ViewRow(metric="hours", value=_num(r[4], where, header[4]), **base))
        for metric, col in (("views", f"views_first_{window}_days"), ("runtime", "runtime")):
            if col in cols and (v := _num(r[cols[col]], where, col, required=False)) is not None:
                rows.append(ViewRow(metric=metric, value=v, **base))
    if not rows:
        raise ViewFileError(f"{path}: no rows")
    return rows


# -- engagement workbooks ----------------------------------------------------------

_SHEET_CATEGORY = {"tv": "TV", "shows": "TV", "film": "Film", "films": "Film", "movies": "Film",
                   "engagement": "All"}
_RUNTIME = re.compile(r"^(\d+):([0-5]\d)\*?$")  # "4:44*": a footnote mark
_PERIOD = re.compile(r"from\s+(\w+)\s+(?:(\d{4})\s+)?to\s+(\w+)\s+(\d{4})", re.IGNORECASE)
_FILE_PERIOD = re.compile(r"(\d{4})(Jan|Jul)-(Jun|Dec)", re.IGNORECASE)


def _report_period(title_rows: list[list], path: Path, sheet: str) -> tuple[date, date]:
    for row in title_rows:
        for cell in row:
            if isinstance(cell, str) and (m := _PERIOD.search(cell)):
                first, last = MONTHS.get(m[1].lower()), MONTHS.get(m[3].lower())
                if first and last:
                    end_year = int(m[4])
                    start_year = int(m[2]) if m[2] else end_year - (first > last)
                    end = (date(end_year, 12, 31) if last == 12
                           else date(end_year, last + 1, 1) - timedelta(days=1))
                    return date(start_year, first, 1), end
    if m := _FILE_PERIOD.search(path.name):
        y = int(m[1])
        return (date(y, 1, 1), date(y, 6, 30)) if m[2].lower() == "jan" else \
            (date(y, 7, 1), date(y, 12, 31))
    raise ViewFileError(f"{path}, sheet {sheet!r}: the title rows name no report period")


def _report_name(start: date) -> str:
    return f"{start.year}H{1 if start.month <= 6 else 2}"


def _runtime_hours(value, where: str) -> float | None:
    if value in ("", None, "*"):  # "*": Netflix gives no runtime for this title
        return None
    if isinstance(value, (int, float)):  # an Excel time stored as a fraction of a day
        return float(value) * 24
    if hasattr(value, "hour"):  # a time or timedelta cell
        if isinstance(value, timedelta):
            return value.total_seconds() / 3600
        return value.hour + value.minute / 60
    m = _RUNTIME.match(str(value).strip())
    if not m:
        raise ViewFileError(f"{where}: Runtime {value!r} is not H:MM")
    return int(m[1]) + int(m[2]) / 60


def _cell_number(value, where: str, name: str, *, required: bool) -> float | None:
    if isinstance(value, bool):
        raise ViewFileError(f"{where}: {name} {value!r} is not a number")
    if isinstance(value, (int, float)):
        return float(value)
    if value in ("", None) or (value == "*" and not required):
        if required:
            raise ViewFileError(f"{where}: {name} is empty")
        return None
    return _num(str(value).replace(",", ""), where, name)


def _cell_date(value, where: str) -> date | None:
    if value in ("", None):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise ViewFileError(f"{where}: Release Date {value!r} is not a date") from None


def engagement_source_url(path: Path) -> str:
    name = path.name
    if name.startswith("What_We_Watched_A_Netflix_Engagement_Report_20"):
        return _ENGAGEMENT_REPO + name
    return ENGAGEMENT_PAGE


def read_engagement(path: Path, source_url: str | None = None) -> list[ViewRow]:
    """Every row of every sheet of one "What We Watched" workbook."""
    from python_calamine import CalamineWorkbook

    source_url = source_url or engagement_source_url(path)
    try:
        wb = CalamineWorkbook.from_path(str(path))
        sheets = [(name, wb.get_sheet_by_name(name).to_python()) for name in wb.sheet_names]
    except Exception as e:  # calamine raises its own types for broken zips and XML
        raise ViewFileError(f"{path}: not a readable .xlsx workbook ({type(e).__name__}: "
                            f"{str(e).splitlines()[0] if str(e) else 'truncated?'})") from None
    rows: list[ViewRow] = []
    for sheet, cells in sheets:
        rows.extend(_engagement_sheet(path, sheet, cells, source_url))
    if not rows:
        raise ViewFileError(f"{path}: no engagement sheet with a Title/Hours Viewed header")
    return rows


def _engagement_sheet(path: Path, sheet: str, cells: list[list], source_url: str
                      ) -> list[ViewRow]:
    header_at = next((i for i, r in enumerate(cells[:30])
                      if "Title" in [str(c).strip() for c in r]
                      and "Hours Viewed" in [str(c).strip() for c in r]), None)
    category = _SHEET_CATEGORY.get(sheet.strip().lower())
    if header_at is None:
        if category is None:
            return []  # a notes or cover sheet
        raise ViewFileError(f"{path}, sheet {sheet!r}: no header row with Title and "
                            "Hours Viewed in the first 30 rows")
    category = category or sheet.strip()
    header = [str(c).strip() for c in cells[header_at]]
    col = {name: i for i, name in enumerate(header) if name}
    start, end = _report_period(cells[:header_at], path, sheet)
    dataset = f"engagement-{_report_name(start)}"
    out: list[ViewRow] = []
    seen: dict[str, int] = {}
    for i, r in enumerate(cells[header_at + 1:], header_at + 2):
        r = list(r) + [""] * (len(header) - len(r))
        if all(c in ("", None) for c in r):
            continue
        where = f"{path}, sheet {sheet!r}, row {i}"

        def get(name: str, r=r):
            return r[col[name]] if name in col else ""

        title = str(get("Title")).strip()
        if not title:
            raise ViewFileError(f"{where}: Title is empty")
        hours = _cell_number(get("Hours Viewed"), where, "Hours Viewed", required=True)
        runtime = _runtime_hours(get("Runtime"), where)
        views = _cell_number(get("Views"), where, "Views", required=False)
        release = _cell_date(get("Release Date"), where)
        n = seen[title + str(release)] = seen.get(title + str(release), 0) + 1
        base = dict(dataset=dataset, category=category, raw_title=title, period_start=start,
                    period_end=end, precision="half", rank=None, source_url=source_url,
                    key=f"{sheet}|{title}|{release}|{n}", release_date=release)
        out.append(ViewRow(metric="hours", value=hours, **base))
        if runtime is not None:
            out.append(ViewRow(metric="runtime", value=runtime, **base))
        if views is not None:
            out.append(ViewRow(metric="views", value=views, **base))
    return out


# -- files and folders -------------------------------------------------------------


def read_file(path: Path) -> list[ViewRow]:
    """Any of the three layouts, told apart by extension and header."""
    if path.suffix.lower() == ".xlsx":
        return read_engagement(path)
    if path.suffix.lower() in (".tsv", ".txt"):
        header = _sniff_header(path)
        if header and header[0] == "week":
            return read_top10_weekly(path)
        if header and header[0] == "category":
            return read_most_popular(path)
        raise ViewFileError(f"{path}: not a Netflix Top 10 or most-popular file "
                            f"(first line {header[0][:60]!r})")
    raise ViewFileError(f"{path}: unknown file type (expected .tsv or .xlsx)")


@dataclass
class ReadResult:
    rows: list[ViewRow]
    files: list[Path]
    skipped: list[tuple[Path, str]]  # files in folders that hold no importable data


def expand(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files named directly must import; files found in folders are skipped when they
    are not data (notes, the derived CSV, an HTML redirect saved as .tsv)."""
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for p in paths:
        if not p.exists():
            raise ViewFileError(f"{p}: not found")
        if p.is_file():
            files.append(p)
            continue
        for f in sorted(p.rglob("*")):
            if not f.is_file():
                continue
            if f.suffix.lower() not in (".tsv", ".xlsx"):
                skipped.append((f, "not a .tsv or .xlsx file"))
                continue
            if f.suffix.lower() == ".tsv":
                head = (_sniff_header(f) or [""])[0]
                if head not in ("week", "category"):
                    skipped.append((f, f"no data header (first line {head[:40]!r})"))
                    continue
            files.append(f)
    return files, skipped


def read_paths(paths: Iterable[Path], progress=None) -> ReadResult:
    """Read every file first, so that one bad file stops the import before any write."""
    files, skipped = expand(paths)
    rows: list[ViewRow] = []
    for f in files:
        rows.extend(read_file(f))
        if progress:
            progress(f)
    return ReadResult(rows, files, skipped)
