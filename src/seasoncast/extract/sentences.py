"""Sentence and clause splitting that keeps character offsets.

Claims carry a `quote_span` into the analysed text, so every unit here is an offset
pair, never a copy. Lines are hard boundaries (headings, bullets and TL;DR lines have
no final full stop); inside a line we split after . ! ? unless the dot ends a common
abbreviation or an initial. Clauses are the finer units that modality and negation
are judged in ("wraps in February, but likely won't release until 2027").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREV = {
    "mr", "mrs", "ms", "dr", "st", "vs", "jr", "sr", "inc", "ltd", "co", "corp", "no",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "calif", "u.s", "u.k", "e.g", "i.e", "etc", "approx", "ep", "vol", "pt", "mt", "ft",
    "dept", "prof", "gen", "gov", "sen", "rep", "lt", "col", "capt", "bros",
}
# (a run-in heading in bold ends its sentence too: "**Saltmarsh (Hulu): January.** Hulu")
_END = re.compile(r"[.!?]+[\"'’”)\]*_]*(?=\s+[\"'‘“(\[*_]?[A-Z0-9À-ÖØ-Þ])|[.!?]+[\"'’”)\]*_]*$")
_LINE = re.compile(r"[^\n]+")
# Clause boundaries: strong punctuation and the conjunctions that start a new assertion.
_CLAUSE = re.compile(
    r";|:\s|\s[—–]\s|—|\s-\s|\(|\)|,\s+(?=(?:but|while|whereas|although|though|so|yet|"
    r"which|meaning|suggesting|as|after|according|and\s+(?:it|they|he|she|we|i|the|a|an|"
    r"filming|production|cameras|season)\b)\b)|\bbut\b|,?\s+(?=even if\b|if\b|unless\b)|"
    r"\s(?=and\s+[A-Z])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    question: bool
    heading: bool


_MARKER = re.compile(r"\s*(?:[#>*\-•|]|\d+[.)]\s|\*\*)")
# a line that is only a date ("December 3, 2024", "Updated: 2024-12-03"): a dateline
_DATELINE = re.compile(
    r"\s*(?:(?:published|updated|posted)\b[:\s]*(?:on\s+)?)?(?:[a-z]+day,?\s+)?"
    r"(?:[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+[a-z]{3,9}\.?,?\s+\d{4}"
    r"|\d{4}-\d\d-\d\d)\b[^.!?]{0,25}", re.IGNORECASE)


def _segments(text: str):
    """Lines, with hard-wrapped paragraph lines joined back together: a line of 50+
    characters that does not end a sentence continues on the next line unless that
    line starts a heading, bullet or numbered item."""
    lines = list(_LINE.finditer(text))
    i = 0
    while i < len(lines):
        start, end = lines[i].start(), lines[i].end()
        while (i + 1 < len(lines) and end - start >= 50
               and lines[i + 1].start() == end + 1  # no blank line between
               and not re.search(r"[.!?:\"”’)]\s*$", text[start:end])
               and not _MARKER.match(lines[i + 1].group())
               and not _DATELINE.fullmatch(lines[i + 1].group())
               and not _MARKER.match(text[start:end])):
            i += 1
            end = lines[i].end()
        yield start, end
        i += 1


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets; lines end sentences unless they are hard-wrapped prose."""
    out: list[Sentence] = []
    for ls, le in _segments(text):
        body = text[ls:le]
        heading = body.lstrip().startswith("#") or (len(body) < 90 and not body.rstrip()
                                                    .endswith((".", "!", '"', "”")))
        pos = 0
        for m in _END.finditer(body):
            before = body[pos:m.start()]
            word = re.search(r"([\w.]+)$", before)
            if m.group().startswith(".") and word and (
                word.group(1).lower().rstrip(".") in _ABBREV
                or len(word.group(1)) == 1 and word.group(1).isalpha()
            ):
                continue
            _emit(out, text, ls + pos, ls + m.end(), heading)
            pos = m.end()
        if pos < len(body):
            _emit(out, text, ls + pos, le, heading)
    return out


# Reading a sentence costs in proportion to its length times its triggers: a run-on
# "sentence" of many kilobytes (a page without full stops, or hostile input) is read in
# pieces no longer than this, cut at a comma or space.
MAX_SENTENCE = 1_500


def _emit(out: list[Sentence], text: str, start: int, end: int, heading: bool) -> None:
    while end - start > MAX_SENTENCE:
        cut = max(text.rfind(", ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE),
                  text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE))
        cut = cut + 1 if cut > start else start + MAX_SENTENCE
        _emit(out, text, start, cut, heading)
        start = cut
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        s = text[start:end]
        asked = s.rstrip("\"'”’)*_").endswith("?") or bool(_SIGNED_QUESTION.search(s))
        out.append(Sentence(start, end, s, asked, heading))


# a reader's question signed by its writer: "... did I miss a cancellation? — Russ, Tucson"
_SIGNED_QUESTION = re.compile(r"\?[\"'”’)*_]*\s*[—–-]{1,2}\s*[A-Z][\w.'’ -]{0,40}"
                              r"(?:,\s*[A-Z][\w.'’ -]{0,40})?$")


def clause_bounds(sentence: str) -> list[tuple[int, int]]:
    """Offsets (relative to the sentence) of its clauses, in order."""
    cuts = [0]
    for m in _CLAUSE.finditer(sentence):
        if m.start() - cuts[-1] > 3:  # ", but" is one boundary, not two
            cuts.append(m.start())
    cuts.append(len(sentence))
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def clause_of(bounds: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in bounds:
        if a <= pos < b:
            return a, b
    return bounds[-1] if bounds else (0, 0)
