"""Reference data in the CSV shapes of interfaces.md §4: reading, checking, bundling.

Reading is strict: the first bad row stops with `file:line: what is wrong`, so an import
either takes a whole file or nothing. `validate` runs the slower cross-row checks
(dates in order, nothing known before it happened, duplicates) used by
`seasoncast data validate`.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from seasoncast.datespan import MAX_WIDTH, DateSpan, Precision, infer_precision
from seasoncast.errors import UserError
from seasoncast.model import Event, Kind, Modality, Season, Title
from seasoncast.titles import same_name_key

BUNDLED = Path(__file__).parent / "data" / "reference"
SNAPSHOT = date(2026, 11, 24)  # the day the bundled data was last checked against sources

SEASON_COLUMNS = ["title", "season", "platform", "country", "genres", "vfx_heavy", "episodes",
                  "notes"]
# an optional extra column (interfaces.md allows added fields): other names of the title
ALIASES_COLUMN = "aliases"
EVENT_COLUMNS = ["title", "season", "kind", "modality", "date_start", "date_end", "precision",
                 "known_on", "source_url", "note"]


class ReferenceDataError(UserError):
    """A row that cannot be read; the message starts with `file:line:`."""


@dataclass
class ReferenceData:
    seasons: list[Season] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # where each event row came from ("file:line"), parallel to `events`
    event_origins: list[str] = field(default_factory=list)
    # other names of a title (optional `aliases` column of seasons.csv, ";"-separated)
    aliases: dict[str, set[str]] = field(default_factory=dict)

    def extend(self, other: ReferenceData) -> None:
        self.seasons.extend(other.seasons)
        self.events.extend(other.events)
        self.event_origins.extend(other.event_origins)
        for title, names in other.aliases.items():
            self.aliases.setdefault(title, set()).update(names)

    def merged_seasons(self) -> dict[tuple[str, int], Season]:
        """One Season per (title, number); later files fill fields earlier ones left empty."""
        out: dict[tuple[str, int], Season] = {}
        for s in self.seasons:
            old = out.get(s.key)
            if old is None:
                out[s.key] = s
                continue
            out[s.key] = Season(
                title=s.title, number=s.number,
                platform=old.platform or s.platform, country=old.country or s.country,
                genres=old.genres or s.genres,
                vfx_heavy=old.vfx_heavy if old.vfx_heavy is not None else s.vfx_heavy,
                episodes=old.episodes or s.episodes, notes=old.notes or s.notes,
            )
        return out


def _rows(path: Path, columns: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        f = path.open(encoding="utf-8-sig", newline="")  # Excel writes a byte-order mark
    except OSError as e:
        raise ReferenceDataError(f"{path}: cannot open: {e.strerror}") from None
    with f:
        reader = csv.DictReader(f, strict=True)  # an unterminated quote is an error
        try:
            header = reader.fieldnames
        except (csv.Error, UnicodeDecodeError) as e:
            raise ReferenceDataError(f"{path}:1: unreadable header: {e}") from None
        if header is None:
            raise ReferenceDataError(f"{path}:1: empty file, expected header {','.join(columns)}")
        header = [h.strip() for h in header]
        missing = [c for c in columns if c not in header]
        if missing:
            raise ReferenceDataError(f"{path}:1: missing column(s) {', '.join(missing)}")
        reader.fieldnames = header
        try:
            for row in reader:
                if None in row:
                    raise ReferenceDataError(
                        f"{path}:{reader.line_num}: more fields than the header has")
                yield reader.line_num, {k: (v or "").strip() for k, v in row.items()}
        except (csv.Error, UnicodeDecodeError) as e:
            if "unexpected end of data" in str(e):  # the row never ended
                raise ReferenceDataError(f"{path}:{reader.line_num + 1}: a quoted field "
                                         "is never closed") from None
            raise ReferenceDataError(f"{path}:{reader.line_num}: {e}") from None


def _int(value: str, where: str, name: str, *, required: bool) -> int | None:
    if not value:
        if required:
            raise ReferenceDataError(f"{where}: {name} is empty")
        return None
    try:
        n = int(value)
    except ValueError:
        raise ReferenceDataError(f"{where}: {name} {value!r} is not a whole number") from None
    if n < 0 or (name == "season" and n < 1):
        raise ReferenceDataError(f"{where}: {name} {n} is out of range")
    return n


def _date(value: str, where: str, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ReferenceDataError(f"{where}: {name} {value!r} is not an ISO date (YYYY-MM-DD)"
                                 ) from None


def read_seasons_csv(path: Path | str) -> ReferenceData:
    path = Path(path)
    data = ReferenceData()
    for line, row in _rows(path, SEASON_COLUMNS):
        where = f"{path}:{line}"
        if not row["title"]:
            raise ReferenceDataError(f"{where}: title is empty")
        vfx = row["vfx_heavy"].lower()
        if vfx not in ("", "true", "false"):
            raise ReferenceDataError(f"{where}: vfx_heavy {row['vfx_heavy']!r} is not true/false")
        season = Season(
            title=row["title"],
            number=_int(row["season"], where, "season", required=True),
            platform=row["platform"] or None,
            country=row["country"] or None,
            genres=tuple(g.strip() for g in row["genres"].split(";") if g.strip()),
            vfx_heavy=None if not vfx else vfx == "true",
            episodes=_int(row["episodes"], where, "episodes", required=False),
            notes=row["notes"] or None,
        )
        data.seasons.append(season)
        names = {a.strip() for a in row.get("aliases", "").split(";") if a.strip()}
        if names - {season.title}:
            data.aliases.setdefault(season.title, set()).update(names - {season.title})
    return data


def read_events_csv(path: Path | str) -> ReferenceData:
    path = Path(path)
    data = ReferenceData()
    for line, row in _rows(path, EVENT_COLUMNS):
        where = f"{path}:{line}"
        data.events.append(_event(row, where))
        data.event_origins.append(where)
    return data


def _event(row: dict[str, str], where: str) -> Event:
    if not row["title"]:
        raise ReferenceDataError(f"{where}: title is empty")
    season = _int(row["season"], where, "season", required=True)
    try:
        kind = Kind(row["kind"])
    except ValueError:
        raise ReferenceDataError(f"{where}: unknown kind {row['kind']!r}") from None
    try:
        modality = Modality(row["modality"])
    except ValueError:
        raise ReferenceDataError(f"{where}: unknown modality {row['modality']!r}") from None
    start = _date(row["date_start"], where, "date_start")
    end = _date(row["date_end"], where, "date_end")
    span = None
    if start or end:
        try:
            # an empty precision is read off the dates ("2025-07-01".."2025-07-31": month)
            precision = Precision(row["precision"]) if row["precision"] else infer_precision(
                start or end, end or start)
        except ValueError:
            raise ReferenceDataError(f"{where}: unknown precision {row['precision']!r}") from None
        start, end = start or end, end or start
        if end < start:
            raise ReferenceDataError(f"{where}: date_end {end} is before date_start {start}")
        width = (end - start).days + 1
        if width > MAX_WIDTH[precision]:
            # a range wider than its stated precision ("October 1–25" as `days`): keep the
            # dates, widen the precision to the narrowest one that holds them
            fitting = [p for p in Precision if MAX_WIDTH[p] >= width]
            if not fitting:
                raise ReferenceDataError(f"{where}: a {width}-day span is wider than a year")
            precision = fitting[0]
        span = DateSpan(start, end, precision)
    known_on = _date(row["known_on"], where, "known_on")
    if known_on is None:
        raise ReferenceDataError(f"{where}: known_on is empty")
    url = row["source_url"]
    if not url:
        raise ReferenceDataError(f"{where}: source_url is empty")
    if not url.startswith(("http://", "https://")):
        raise ReferenceDataError(f"{where}: source_url {url!r} is not an http(s) URL")
    if kind is Kind.RELEASE and modality is Modality.HAPPENED and span is None:
        raise ReferenceDataError(f"{where}: a release,happened row needs its date")
    return Event(title=row["title"], season=season, kind=kind, modality=modality, date=span,
                 known_on=known_on, source_url=url, note=row["note"] or None)


def read_pair(seasons_csv: Path | str, events_csv: Path | str) -> ReferenceData:
    data = read_seasons_csv(seasons_csv)
    data.extend(read_events_csv(events_csv))
    return data


def bundled_dirs(root: Path = BUNDLED) -> list[Path]:
    return sorted(p for p in root.iterdir() if (p / "events.csv").exists())


def load_bundled(root: Path = BUNDLED) -> ReferenceData:
    """All bundled batches (one folder each, with its own provenance) as one data set.

    Batches spell some titles differently ("BEEF" and "XO, Kitty" in Netflix's reports,
    "Beef" and "XO Kitty" in curated rows); the curated spelling (folders sort first) is
    kept, so that a user who types either finds the one title with all its seasons.
    """
    data = ReferenceData()
    for folder in bundled_dirs(root):
        data.extend(read_pair(folder / "seasons.csv", folder / "events.csv"))
    return unify_title_spellings(data)


def bundled_titles(root: Path = BUNDLED, data: ReferenceData | None = None) -> list[Title]:
    """Every title of the bundled data with its aliases: the shows `seasoncast extract`
    knows by name without a store (`seasoncast ingest` uses the store's titles)."""
    data = data or load_bundled(root)
    first = {}
    for s in data.seasons:
        first.setdefault(s.title, s)
    names = sorted(set(first) | {e.title for e in data.events})
    return [Title(n, tuple(sorted(data.aliases.get(n, ()))),
                  first[n].platform if n in first else None,
                  first[n].country if n in first else None) for n in names]


def bundled_season_guess(root: Path = BUNDLED, data: ReferenceData | None = None
                         ) -> Callable[[str, date | None], int | None]:
    """`season_guess` for `extract_document` from the bundled data, as `ingest` makes one
    from the store: an article that never numbers the season ("the final season of
    Outer Banks") means the first bundled season after the last one to premiere."""
    from seasoncast.timeline import season_in_the_news

    data = data or load_bundled(root)
    numbers: dict[str, set[int]] = defaultdict(set)
    events: dict[str, list[Event]] = defaultdict(list)
    for s in data.seasons:
        numbers[s.title.casefold()].add(s.number)
    for e in data.events:
        numbers[e.title.casefold()].add(e.season)
        events[e.title.casefold()].append(e)

    def guess(title: str, on: date | None) -> int | None:
        key = title.casefold()
        if key not in numbers:
            return None
        return season_in_the_news(numbers[key], events[key], on or date.today())
    return guess


def retired_fingerprints(root: Path = BUNDLED) -> set[str]:
    """Fingerprints of bundled events since removed (see data/reference/retired.txt)."""
    try:
        lines = (root / "retired.txt").read_text(encoding="utf-8").splitlines()
    except OSError:
        return set()
    return {line.split()[0] for line in lines if line.strip() and not line.startswith("#")}


def unify_title_spellings(data: ReferenceData) -> ReferenceData:
    """One spelling per title across batches (see `same_name_key`): the first seen,
    which is the curated one, since curated folders sort first."""
    first: dict[str, str] = {}
    for name in [s.title for s in data.seasons] + [e.title for e in data.events]:
        first.setdefault(same_name_key(name), name)
    def fix(name: str) -> str:
        return first[same_name_key(name)]
    data.seasons = [s if fix(s.title) == s.title else replace(s, title=fix(s.title))
                    for s in data.seasons]
    data.events = [e if fix(e.title) == e.title else replace(e, title=fix(e.title))
                   for e in data.events]
    merged: dict[str, set[str]] = {}
    for name, names in data.aliases.items():
        merged.setdefault(fix(name), set()).update(names)
    data.aliases = merged
    return data


# -- cross-row validation ----------------------------------------------------------


def validate(data: ReferenceData, snapshot: date = SNAPSHOT, *,
             check_pairing: bool = True) -> list[str]:
    """Every problem found, each as one line starting with where it is."""
    problems: list[str] = []
    season_keys = {s.key for s in data.seasons}
    seen: dict[tuple, str] = {}
    by_season: dict[tuple[str, int], list[tuple[Event, str]]] = defaultdict(list)
    for i, ev in enumerate(data.events):
        where = data.event_origins[i] if i < len(data.event_origins) else f"event {i + 1}"
        if check_pairing and (ev.title, ev.season) not in season_keys:
            problems.append(f"{where}: {ev.title} season {ev.season} is not in seasons.csv")
        if ev.key in seen:
            problems.append(f"{where}: duplicate of {seen[ev.key]}")
        seen.setdefault(ev.key, where)
        if ev.known_on > snapshot:
            problems.append(f"{where}: known_on {ev.known_on} is after the snapshot {snapshot}")
        if ev.modality is Modality.HAPPENED and ev.date and ev.known_on < ev.date.start:
            problems.append(f"{where}: known_on {ev.known_on} is before the event "
                            f"({ev.date.start}) happened")
        by_season[(ev.title, ev.season)].append((ev, where))
    for key, rows in by_season.items():
        problems.extend(_order_problems(key, rows))
    spellings: dict[str, set[str]] = defaultdict(set)
    for s in data.seasons:
        spellings[s.title.casefold()].add(s.title)
    for names in spellings.values():
        if len(names) > 1:
            problems.append(f"seasons.csv: one title spelt {len(names)} ways: "
                            f"{', '.join(sorted(names))}")
    return problems


def _order_problems(key: tuple[str, int], rows: list[tuple[Event, str]]) -> Iterable[str]:
    """filming start ≤ wrap ≤ premiere, judged on what happened (plans may slip)."""
    def happened(kind: Kind) -> list[tuple[DateSpan, str]]:
        return [(e.date, w) for e, w in rows
                if e.kind is kind and e.modality is Modality.HAPPENED and e.date]
    starts, wraps, releases = (happened(Kind.FILMING_START), happened(Kind.FILMING_WRAP),
                               happened(Kind.RELEASE))
    for ws, wwhere in wraps:
        for ss, _ in starts:
            if ws.end < ss.start:
                yield (f"{wwhere}: wrap {ws.end} before filming start {ss.start} of "
                       f"{key[0]} S{key[1]}")
    premiere = min((r.start for r, _ in releases), default=None)
    if premiere:
        for ss, swhere in starts:
            if ss.start > premiere:
                yield f"{swhere}: filming start {ss.start} after premiere {premiere} of " \
                      f"{key[0]} S{key[1]}"


def write_pair(data: ReferenceData, folder: Path) -> None:
    """Write seasons.csv and events.csv (sorted, so diffs stay small)."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "seasons.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow([*SEASON_COLUMNS, ALIASES_COLUMN])
        for s in sorted(data.merged_seasons().values(), key=lambda s: (s.title, s.number)):
            w.writerow([s.title, s.number, s.platform or "", s.country or "", ";".join(s.genres),
                        "" if s.vfx_heavy is None else str(s.vfx_heavy).lower(),
                        s.episodes or "", s.notes or "",
                        ";".join(sorted(data.aliases.get(s.title, ())))])
    with (folder / "events.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(EVENT_COLUMNS)
        for e in sorted(data.events, key=lambda e: (e.title, e.season, e.known_on, e.kind)):
            w.writerow([e.title, e.season, e.kind.value, e.modality.value,
                        e.date.start.isoformat() if e.date else "",
                        e.date.end.isoformat() if e.date else "",
                        e.date.precision.value if e.date else "",
                        e.known_on.isoformat(), e.source_url, e.note or ""])
