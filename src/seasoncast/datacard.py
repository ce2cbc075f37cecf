"""Coverage tables of the bundled reference data, for `docs/data.md`.

The data card's numbers are generated here (`seasoncast data card -o docs/data.md`), so
they always match the shipped files.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from seasoncast.model import Kind, Modality
from seasoncast.reference import SNAPSHOT, ReferenceData, bundled_dirs, load_bundled, read_pair

BEGIN, END = "<!-- coverage:begin -->", "<!-- coverage:end -->"
MILESTONES = {Kind.RENEWAL, Kind.FILMING_START, Kind.FILMING_WRAP}
NON_ENGLISH_HINT = {"US", "GB", "CA", "AU", "NZ", "IE"}


@dataclass
class Coverage:
    seasons_with_premiere: int
    released_with_milestone: int
    upcoming: int
    titles_multi_season_milestones: int
    events: int


def _premieres(data: ReferenceData) -> dict[tuple[str, int], object]:
    out = {}
    for e in data.events:
        if e.kind is Kind.RELEASE and e.modality is Modality.HAPPENED and e.date:
            key = (e.title, e.season)
            if key not in out or e.date.start < out[key]:
                out[key] = e.date.start
    return out


def coverage(data: ReferenceData) -> Coverage:
    premieres = _premieres(data)
    milestone = {(e.title, e.season) for e in data.events if e.kind in MILESTONES
                 and e.modality is Modality.HAPPENED}
    seasons = data.merged_seasons()
    released_ms = {k for k in premieres if k in milestone}
    upcoming = {k for k in seasons if k not in premieres and any(
        (e.title, e.season) == k for e in data.events)}
    per_title = Counter(t for t, _ in released_ms)
    return Coverage(len(premieres), len(released_ms), len(upcoming),
                    sum(1 for n in per_title.values() if n >= 2), len(data.events))


def _table(header: list[str], rows: list[list]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return lines + [""]


def coverage_markdown() -> str:
    data = load_bundled()
    cov = coverage(data)
    seasons = data.merged_seasons()
    premieres = _premieres(data)
    milestone = {(e.title, e.season) for e in data.events if e.kind in MILESTONES
                 and e.modality is Modality.HAPPENED}
    curated = {k for k in milestone if k in premieres}
    upcoming = {k for k in seasons if k not in premieres}
    out = [f"Snapshot: data checked against its sources up to **{SNAPSHOT}**.", "",
           "| measure | count |", "|---|---:|",
           f"| seasons with a premiere date | {cov.seasons_with_premiere} |",
           f"| released seasons with a dated production milestone | "
           f"{cov.released_with_milestone} |",
           f"| titles with 2+ such seasons | {cov.titles_multi_season_milestones} |",
           f"| seasons not yet premiered (tracked) | {cov.upcoming} |",
           f"| event rows | {cov.events} |", ""]
    out.append("### Rows per source folder")
    out.append("")
    rows = []
    for folder in bundled_dirs():
        part = read_pair(folder / "seasons.csv", folder / "events.csv")
        rows.append([folder.name, len(part.merged_seasons()), len(part.events)])
    out += _table(["folder", "seasons", "events"], rows)

    def by(label: str, keyfn, keys) -> None:
        counts = Counter(keyfn(k) for k in keys)
        up = Counter(keyfn(k) for k in upcoming)
        values = sorted(set(counts) | set(up), key=lambda v: str(v))
        out.append(f"### {label}")
        out.append("")
        out.extend(_table(["value", "released with milestone", "upcoming"],
                          [[v or "(unknown)", counts.get(v, 0), up.get(v, 0)] for v in values]))

    def platform(k):
        s = seasons.get(k)
        return s.platform if s and s.platform else None

    def country(k):
        s = seasons.get(k)
        return s.country if s and s.country else None

    by("Released seasons with a milestone, and upcoming seasons, by platform", platform,
       curated)
    by("… by production country", country, curated)
    lang = Counter("English-language" if country(k) in NON_ENGLISH_HINT else
                   "non-English" if country(k) else "(unknown)" for k in curated)
    out.append("### … by language (from the production country)")
    out.append("")
    out += _table(["language", "released with milestone"], sorted(lang.items()))
    years = Counter(premieres[k].year for k in curated)
    out.append("### Released seasons with a milestone, by premiere year")
    out.append("")
    out += _table(["year", "seasons"], sorted(years.items()))
    kinds = Counter((e.kind.value, e.modality.value) for e in data.events)
    out.append("### Event rows by kind and modality")
    out.append("")
    out += _table(["kind", "modality", "rows"],
                  [[k, m, n] for (k, m), n in sorted(kinds.items())])
    return "\n".join(out)


def splice_into(path: Path, text: str) -> None:
    """Replace the generated block between the coverage markers of a Markdown file."""
    doc = path.read_text(encoding="utf-8") if path.exists() else f"{BEGIN}\n{END}\n"
    if BEGIN not in doc or END not in doc:
        doc += f"\n{BEGIN}\n{END}\n"
    new = re.sub(re.escape(BEGIN) + r".*?" + re.escape(END),
                 lambda _m: f"{BEGIN}\n{text}\n{END}", doc, flags=re.S)
    path.write_text(new, encoding="utf-8")
