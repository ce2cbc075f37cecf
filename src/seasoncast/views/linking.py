"""Linking published titles to tracked seasons, with a confidence per link.

Netflix writes "All of Us Are Dead: Season 1 // 지금 우리 학교는: 시즌 1", "…: Limited
Series", "Lupin: Part 3"; shows get localised or renamed. A row is linked when its show
matches a tracked title (exact name, alias, normalised name, then fuzzy) and the season
is tracked; below `LINK_THRESHOLD` it is stored unlinked, and from `REVIEW_FLOOR` up it
is listed for review, since a person can decide what a string match cannot.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from seasoncast.model import Title
from seasoncast.titles import normalize_title

LINK_THRESHOLD = 0.85
REVIEW_FLOOR = 0.6

_SEASON = re.compile(r"^(?P<show>.+?):\s*(?:Season|Series|Temporada|Staffel|Saison)\s+"
                     r"(?P<n>\d{1,3})\b(?P<rest>.*)$", re.IGNORECASE)
_LIMITED = re.compile(r"^(?P<show>.+?):\s*(?:Limited\s+Series|Miniseries|Mini-?series)\b"
                      r"(?P<rest>.*)$", re.IGNORECASE)
_PART = re.compile(r"^(?P<show>.+?):\s*(?:Part|Volume|Vol\.|Book|Chapter|Class)\s+(?P<n>\d{1,2})\b"
                   r"(?P<rest>.*)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ParsedTitle:
    show: str  # the show's name as published (English part)
    original: str | None  # the original-language name after " // ", season words removed
    season: int | None
    kind: str  # "season", "limited", "part" or "none"
    part: int | None = None  # "Season 1: Part 2"


def _parse_one(text: str) -> tuple[str, int | None, str, int | None]:
    text = text.strip()
    if m := _SEASON.match(text):
        part = _PART.match("x" + m["rest"]) if m["rest"].strip() else None
        return m["show"].strip(), int(m["n"]), "season", int(part["n"]) if part else None
    if m := _LIMITED.match(text):
        return m["show"].strip(), 1, "limited", None
    if m := _PART.match(text):
        return m["show"].strip(), int(m["n"]), "part", None
    if m := _NUMBERED.match(text):  # "Stranger Things 4", "Barbarians II"
        n = m["n"]
        return m["show"].strip(), int(n) if n.isdigit() else _ROMAN[n], "numbered", None
    return text, None, "none", None


_ROMAN = {"II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
_NUMBERED = re.compile(r"^(?P<show>.*\D)\s+(?P<n>[2-9]|1\d|II|III|IV|V|VI|VII|VIII|IX|X)$")


_ORIGINAL_SEASON = re.compile(r"[:：]?\s*(?:시즌|シーズン|Temporada|Staffel|Saison|Season|"
                              r"第.{1,3}季|リミテッドシリーズ|리미티드 시리즈|Miniserie)\s*\d*\s*$",
                              re.IGNORECASE)


def parse_title(raw: str) -> ParsedTitle:
    """'All of Us Are Dead: Season 1 // 지금 우리 학교는: 시즌 1' -> show, original, 1."""
    english, _, original = raw.partition(" // ")
    show, season, kind, part = _parse_one(english)
    orig = None
    if original.strip():
        orig = _ORIGINAL_SEASON.sub("", original.strip()).strip(" :：") or None
    return ParsedTitle(show, orig, season, kind, part)


@dataclass(frozen=True, slots=True)
class Link:
    title: str | None  # the tracked title, when one matched
    season: int | None
    season_id: int | None  # set only when linked (confidence >= LINK_THRESHOLD)
    confidence: float  # that the row belongs to this tracked season
    how: str  # "exact", "alias", "normalised", "fuzzy", "film", "none", "season untracked"…

    @property
    def for_review(self) -> bool:
        return self.season_id is None and self.confidence >= REVIEW_FLOOR


NO_LINK = Link(None, None, None, 0.0, "none")


class Linker:
    """Links published titles to tracked seasons; results are cached per string."""

    def __init__(self, titles: Iterable[Title], season_ids: dict[tuple[str, int], int]):
        self.season_ids = season_ids
        titles_list = list(titles)
        self._exact: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        self._alias: dict[str, str] = {}
        self._norm: dict[str, str] = {}
        for t in titles_list:
            self._exact.setdefault(t.name, t.name)
            self._folded.setdefault(t.name.casefold(), t.name)
            for a in t.aliases:
                self._alias.setdefault(a.casefold(), t.name)
            for n in t.all_names:
                if key := normalize_title(n):
                    self._norm.setdefault(key, t.name)
        self._keys = list(self._norm)
        # titles that differ only in case or punctuation ("BEEF" and "Beef" in different
        # reference batches): a row goes to whichever of them tracks its season
        self._siblings: dict[str, list[str]] = {}
        for t in titles_list:
            if key := normalize_title(t.name):
                self._siblings.setdefault(key, []).append(t.name)
        self._cache: dict[tuple, Link] = {}

    def match_show(self, show: str, original: str | None = None) -> tuple[str, float, str] | None:
        """The tracked title a show name means: (title, confidence, how)."""
        if show in self._exact:
            return show, 1.0, "exact"
        if (t := self._folded.get(show.casefold())) is not None:
            return t, 0.99, "exact"
        if (t := self._alias.get(show.casefold())) is not None:
            return t, 0.97, "alias"
        if original and (t := self._alias.get(original.casefold()) or
                         self._folded.get(original.casefold())):
            return t, 0.96, "alias (original title)"
        key = normalize_title(show)
        if key and (t := self._norm.get(key)) is not None:
            return t, 0.95, "normalised"
        if original and (k2 := normalize_title(original)) and (t := self._norm.get(k2)):
            return t, 0.93, "normalised (original title)"
        if not key or len(key) < 4 or not self._keys:
            return None
        hit = process.extractOne(key, self._keys, scorer=fuzz.ratio, score_cutoff=70)
        if hit is None:
            return None
        # a fuzzy match is never certain: 97 -> 0.855 (linked), 95 -> 0.825 and
        # 80 -> 0.6 (review), below that not even listed
        conf = 0.9 - (100 - hit[1]) * 0.015
        return self._norm[hit[0]], round(conf, 3), f"fuzzy {hit[1]:.0f}"

    def link(self, raw_title: str, show_title: str | None = None, *,
             is_film: bool = False, mixed: bool = False) -> Link:
        """The season a published row belongs to, or why it has none. `mixed`: the row
        comes from a sheet of films and shows (2023 H1), where a title without season
        words is most likely a film."""
        cache_key = (raw_title, show_title, is_film, mixed)
        if (hit := self._cache.get(cache_key)) is not None:
            return hit
        self._cache[cache_key] = result = self._link(raw_title, show_title, is_film, mixed)
        return result

    def _link(self, raw_title: str, show_title: str | None, is_film: bool,
              mixed: bool) -> Link:
        if is_film:
            return Link(None, None, None, 0.0, "film")
        p = parse_title(raw_title)
        found = None
        if show_title and show_title != raw_title:
            found = self.match_show(show_title, p.original)
        if found is None or found[1] < 0.95:
            alt = self.match_show(p.show, p.original)
            if alt and (found is None or alt[1] > found[1]):
                found = alt
        if found is None:
            return NO_LINK
        title, conf, how = found
        season = p.season
        if p.kind == "numbered":
            if not how.startswith(("exact", "normalised", "alias")):
                return Link(None, None, None, 0.0, "none")  # "Barbarians II" ~ "Barbarian"
            conf *= 0.95
            how += ", number as season"
        if p.kind == "part":
            conf *= 0.9  # "Part N" is usually, not always, season N
            how += ", part as season"
        elif p.kind == "none" and mixed:
            return Link(title, None, None, round(conf * 0.5, 3), how + ", film or show?")
        elif p.kind == "none":
            # no season in the name: only a single-season show can be meant for sure
            numbers = [n for (t, n) in self.season_ids if t == title]
            if len(numbers) == 1:
                season, conf, how = numbers[0], conf * 0.8, how + ", no season in name"
            else:
                return Link(title, None, None, round(conf * 0.6, 3), how + ", no season named")
        sid = self.season_ids.get((title, season))
        if sid is None:
            for other in self._siblings.get(normalize_title(title), []):
                if (other, season) in self.season_ids:
                    title, sid = other, self.season_ids[(other, season)]
                    break
        if sid is None:
            return Link(title, season, None, round(conf * 0.6, 3), how + ", season untracked")
        conf = round(conf, 3)
        return Link(title, season, sid if conf >= LINK_THRESHOLD else None, conf, how)
