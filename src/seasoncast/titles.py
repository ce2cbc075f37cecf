"""Forgiving title lookup: case, punctuation, aliases, acronyms and close misspellings.

People type "all of us r dead", "AOUAD", "Squid game 2" or the Korean title; this module
maps such words to a tracked title, or says which titles come closest.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from seasoncast.model import Title

_SPELLINGS = {"&": " and ", "r": "are", "u": "you", "n": "and", "2nd": "second"}
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _folded(text: str) -> str:
    """Case, accents and apostrophes folded away."""
    if not text.isascii():  # most names are ASCII: skip the slow Unicode pass
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return text.casefold().replace("'", "").replace("’", "")


def same_name_key(name: str) -> str:
    """What two spellings of one title share: "XO, Kitty" and "XO Kitty", "Single’s
    Inferno" and "Single's Inferno", "BEEF" and "Beef". Unlike `normalize_title` it keeps
    a leading "The": "Signal" and "The Signal" are different shows."""
    return " ".join(_WORD.findall(_folded(name)))


def normalize_title(text: str) -> str:
    """Lower-case words without punctuation or accents; leading "the" dropped."""
    words = [_SPELLINGS.get(w, w) for w in _WORD.findall(_folded(text).replace("&", " and "))]
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def acronym(text: str) -> str:
    words = _WORD.findall(normalize_title(text))
    return "".join(w[0] for w in words) if len(words) >= 3 else ""


@dataclass(frozen=True, slots=True)
class TitleMatch:
    title: Title
    score: float  # 0–100
    matched: str  # the name or alias that matched


class TitleIndex:
    """Look titles up by any of their names."""

    def __init__(self, titles: Iterable[Title]):
        self.titles = list(titles)
        self._keys: list[str] = []
        self._owners: list[tuple[Title, str]] = []
        self._exact: dict[str, Title] = {}
        self._spelled: dict[str, Title] = {}  # by `same_name_key`: "The Signal" vs "Signal"
        self._acronyms: dict[str, Title] = {}
        for t in self.titles:
            for name in t.all_names:
                self._spelled.setdefault(same_name_key(name), t)
                key = normalize_title(name)
                if not key:
                    continue
                self._keys.append(key)
                self._owners.append((t, name))
                self._exact.setdefault(key, t)
                if (a := acronym(name)) and len(a) >= 3:
                    self._acronyms.setdefault(a, t)

    def lookup(self, query: str, limit: int = 5, cutoff: float = 60) -> list[TitleMatch]:
        """Best matches first; an exact (normalised) match scores 100."""
        key = normalize_title(query)
        if not key:
            return []
        if (t := self._spelled.get(same_name_key(query))) is not None:
            return [TitleMatch(t, 100.0, t.name)]
        if key in self._exact:
            t = self._exact[key]
            return [TitleMatch(t, 100.0, t.name)]
        if key.replace(" ", "") in self._acronyms:
            t = self._acronyms[key.replace(" ", "")]
            return [TitleMatch(t, 95.0, t.name)]
        hits = process.extract(key, self._keys, scorer=fuzz.WRatio, limit=limit * 3,
                               score_cutoff=cutoff)
        out: list[TitleMatch] = []
        seen: set[str] = set()
        for _key, score, idx in hits:
            # WRatio rewards short substrings; a plain ratio keeps "Dead" from matching
            # every title that contains the word.
            plain = fuzz.ratio(key, _key)
            score = 0.5 * score + 0.5 * plain
            t, name = self._owners[idx]
            if t.name in seen or score < cutoff:
                continue
            seen.add(t.name)
            out.append(TitleMatch(t, round(score, 1), name))
        out.sort(key=lambda m: -m.score)
        return out[:limit]

    def best(self, query: str, threshold: float = 80) -> Title | None:
        hits = self.lookup(query)
        if hits and hits[0].score >= threshold:
            if len(hits) > 1 and hits[1].score >= hits[0].score - 1 and hits[0].score < 100:
                return None  # too close to call: let the caller ask
            return hits[0].title
        return None


_SEASON_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "first": 1, "second": 2, "third": 3,
                 "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
                 "tenth": 10}
_SEASON_RE = re.compile(
    r"\b(?:season|series|part|s)\s*(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|"
    r"ten)\b|\b(?:the\s+)?(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth)\s+season(?:\s+of)?\b", re.IGNORECASE)


def split_title_and_season(query: str) -> tuple[str, int | None]:
    """'Wednesday season 3' -> ('Wednesday', 3); 'AOUAD 2' -> ('AOUAD', 2)."""
    m = _SEASON_RE.search(query)
    if m:
        raw = (m["n"] or m["ord"]).lower()
        n = int(raw) if raw.isdigit() else _SEASON_WORDS[raw]
        rest = (query[:m.start()] + " " + query[m.end():]).strip(" :-,")
        return re.sub(r"\s+", " ", rest), n
    m = re.search(r"^(?P<t>.*?\S)\s+(?P<n>\d{1,2})\s*$", query.strip())
    if m:
        return m["t"], int(m["n"])
    return query.strip(), None
