"""Turning public data files into reference rows (interfaces.md §4).

Two sources feed the bundled data besides hand-curated articles:
- Netflix's "What We Watched" engagement reports, whose `Release Date` is the premiere
  of about 3,000 Netflix seasons: the largest reference class for season-to-season gaps;
- the survivoR package's Survivor season table, with filming start/end and premiere
  dates for a reality format (rows that fail the checks in its SOURCE.md are left out).

`seasoncast data build` runs these against the raw files and writes one folder each
under the bundled reference data.
"""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from pathlib import Path

from seasoncast.datespan import DateSpan
from seasoncast.model import Event, Kind, Modality, Season
from seasoncast.reference import ReferenceData

ENGAGEMENT_REPO = ("https://github.com/xuanlianliu/Data_Science_Project/blob/"
                   "81626206433ddc41793fbafe575a6a156e027ee7/")
ENGAGEMENT_FILES = {
    "2023H1": "What_We_Watched_A_Netflix_Engagement_Report_2023Jan-Jun.xlsx",
    "2023H2": "What_We_Watched_A_Netflix_Engagement_Report_2023Jul-Dec.xlsx",
    "2024H1": "What_We_Watched_A_Netflix_Engagement_Report_2024Jan-Jun.xlsx",
    "2024H2": "What_We_Watched_A_Netflix_Engagement_Report_2024Jul-Dec.xlsx",
    "2025H1": "What_We_Watched_A_Netflix_Engagement_Report_2025Jan-Jun.xlsx",
}
SURVIVOR_URL = ("https://github.com/doehm/survivoR/blob/"
                "80aaf498bf06c7d8e6fd08be96efeea314be7bad/dev/json/season_summary.json")

_SEASON_TITLE = re.compile(
    r"^(?P<show>.+?):\s*(?:Season\s+(?P<n>\d{1,2})|(?P<limited>Limited Series))\s*$",
    re.IGNORECASE)


def parse_netflix_title(raw: str) -> tuple[str, int, str | None] | None:
    """'Squid Game: Season 2 // 오징어 게임: 시즌 2' -> ('Squid Game', 2, '오징어 게임').

    Limited series count as season 1. Titles without a season are films or specials.
    """
    english, _, original = raw.partition(" // ")
    m = _SEASON_TITLE.match(english.strip())
    if not m:
        return None
    number = 1 if m["limited"] else int(m["n"])
    alias = None
    if original.strip():
        # the original title carries its own season suffix after its last colon
        alias = original.strip().rsplit(":", 1)[0].strip() if ":" in original else \
            original.strip()
        alias = alias or None
    return m["show"].strip(), number, alias


def netflix_engagement_premieres(csv_path: Path) -> ReferenceData:
    """A `release, happened` row per dated Netflix season, citing the report it came from.

    A season listed in several reports is cited from the first report that dated it.
    """
    data = ReferenceData()
    first_seen: dict[tuple[str, int], tuple[str, date]] = {}
    with csv_path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if not row["release_date"]:
                continue
            parsed = parse_netflix_title(row["title"])
            if parsed is None:
                continue
            show, number, alias = parsed
            if alias:
                data.aliases.setdefault(show, set()).add(alias)
            key = (show, number)
            premiere = date.fromisoformat(row["release_date"])
            if key not in first_seen or row["report"] < first_seen[key][0]:
                first_seen[key] = (row["report"], premiere)
    for (show, number), (report, premiere) in sorted(first_seen.items()):
        data.seasons.append(Season(title=show, number=number, platform="Netflix"))
        data.events.append(Event(
            title=show, season=number, kind=Kind.RELEASE, modality=Modality.HAPPENED,
            date=DateSpan.day(premiere), known_on=premiere,
            source_url=ENGAGEMENT_REPO + ENGAGEMENT_FILES[report],
            note=f"release date in Netflix engagement report {report}"))
    return data


_SURVIVOR_TITLES = {"US": "Survivor", "AU": "Australian Survivor",
                    "SA": "Survivor South Africa", "NZ": "Survivor New Zealand",
                    "UK": "Survivor UK"}
_SURVIVOR_PLATFORM = {"US": "CBS", "AU": "Other", "SA": "Other", "NZ": "Other", "UK": "Other"}
_SURVIVOR_COUNTRY = {"US": "US", "AU": "AU", "SA": "ZA", "NZ": "NZ", "UK": "GB"}


def survivor_seasons(json_path: Path) -> tuple[ReferenceData, list[str]]:
    """Survivor seasons whose dates pass validation, and why the others were left out.

    A season is kept when filming start ≤ filming end < premiere. The filming rows are
    marked known on the premiere day: the table does not say when they became public.
    """
    data = ReferenceData()
    dropped: list[str] = []
    for rec in json.loads(json_path.read_text(encoding="utf-8")):
        version = rec.get("version")
        if version not in _SURVIVOR_TITLES:
            continue
        label = rec.get("version_season", "?")
        try:
            start = date.fromisoformat(rec["filming_started"])
            end = date.fromisoformat(rec["filming_ended"])
            premiere = date.fromisoformat(rec["premiered"])
        except (KeyError, TypeError, ValueError):
            dropped.append(f"{label}: a filming or premiere date is missing")
            continue
        if not start <= end < premiere:
            dropped.append(f"{label}: dates out of order (start {start}, end {end}, "
                           f"premiere {premiere})")
            continue
        title, number = _SURVIVOR_TITLES[version], int(rec["season"])
        data.seasons.append(Season(title=title, number=number,
                                   platform=_SURVIVOR_PLATFORM[version],
                                   country=_SURVIVOR_COUNTRY[version], genres=("reality",),
                                   vfx_heavy=False, notes=rec.get("season_name")))
        for kind, span in ((Kind.FILMING_START, DateSpan.day(start)),
                           (Kind.FILMING_WRAP, DateSpan.day(end)),
                           (Kind.RELEASE, DateSpan.day(premiere))):
            data.events.append(Event(title=title, season=number, kind=kind,
                                     modality=Modality.HAPPENED, date=span, known_on=premiere,
                                     source_url=SURVIVOR_URL,
                                     note=f"survivoR season table ({label})"))
    return data, dropped
