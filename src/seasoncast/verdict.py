"""Rumour checks: "All of Us Are Dead S2 drops December 2026" — true, likely, or not?

A claim is read into (season, span). The answer is
- `confirmed` only when the premiere itself, or an official date, falls in the span;
- `contradicted` when official evidence rules the span out: the premiere or an official
  date or window lies elsewhere, or the span has passed without a premiere;
- otherwise from the forecast's probability p of a premiere within the span:
  `likely` (p ≥ 0.60), `uncertain` (0.25 ≤ p < 0.60), `unlikely` (p < 0.25).

"Before 2028", "by the end of 2027" and "no later than March" are judged on every day up
to the bound; "after 2027" and "not until 2028" on every day from it. An official date,
window or line-up listing that has passed with nothing reported since is weighed by how
often such promises held, since the likelier story is stale data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from seasoncast.datespan import DateSpan, DayRange, describe, find_datespans
from seasoncast.errors import AskedWhen, UserError
from seasoncast.model import Event, Kind, Modality, Season

LIKELY = 0.60
UNLIKELY = 0.25

_FILLER = re.compile(
    r"\b(?:will|would|is|are|be|gonna|going to|finally|really|officially|reportedly|"
    r"premiere[sd]?|premiering|release[sd]?|releasing|drops?|dropping|drop|comes? out|"
    r"coming( out)?|arrives?|arriving|returns?|returning|debuts?|airs?|airing|streaming|"
    r"on netflix|netflix|in|on|by|at|the|date|out|new|episodes?|confirmed|rumou?r(ed)?|"
    r"true|before|until|this|next|no\s+later\s+than|after|not|won['’]?t|never|come)\b|"
    r"[?!.,:;\"“”]",
    re.IGNORECASE)


@dataclass(frozen=True)
class Period(DayRange):
    """The days a claim is judged on: the period it names ("December 2026") or a range
    bounded by it ("before 2028": from the day of the check to the end of 2027), which
    may be longer than any one DateSpan."""

    start: date
    end: date
    text: str

    @classmethod
    def of(cls, span: DateSpan) -> Period:
        return cls(span.start, span.end, describe(span))

    def __str__(self) -> str:
        return self.text


@dataclass
class ParsedClaim:
    season: Season
    span: DateSpan  # the period the claim names
    text: str
    period: Period | None = None  # what is judged, when it differs ("before 2028")

    @property
    def judged(self) -> Period:
        return self.period or Period.of(self.span)


@dataclass
class Verdict:
    claim: ParsedClaim
    verdict: str
    probability: float
    reasons: list[str] = field(default_factory=list)
    evidence: list[dict] = field(default_factory=list)
    forecast: object = None

    def to_dict(self) -> dict:
        claim = {"title": self.claim.season.title, "season": self.claim.season.number,
                 "kind": "release", "date": self.claim.span.to_dict(), "text": self.claim.text}
        if self.claim.period is not None:
            p = self.claim.period
            claim["range"] = {  # an open end is null: "before 2028" has no first day
                "start": None if p.start == _EVER else p.start.isoformat(),
                "end": None if p.end == _NEVER else p.end.isoformat(), "text": p.text}
        return {
            "claim": claim,
            "verdict": self.verdict,
            "probability": round(self.probability, 4),
            "reasons": self.reasons,
            "evidence": self.evidence,
        }


def parse_claim(store, text: str, as_of: date) -> ParsedClaim:
    """Find the season and the claimed span in free text."""
    from seasoncast.api import resolve_season

    text = text.strip()
    if not text:
        raise UserError("the claim is empty; try e.g. \"Wednesday season 3 in 2027\"")
    if len(text) > 500:
        raise UserError("the claim is longer than 500 characters")
    # the season's number is not a day: "The Pitt 3 January 2027", "season 3 november";
    # only the first is a season ("Squid Game 3 drops 27 June 2025": 27 is the day)
    masked = _SEASON_NUMBER.sub(lambda m: m["pre"] + "#" * len(m["n"]), text, count=1)
    tags = find_datespans(masked, as_of, prefer="future")
    tags = [t for t in tags if not _names_a_title(store, t.span.text or "", text)]
    if not tags:
        message = f"no date or period found in {text!r}; "
        if (season := _asked_about(store, text)) is not None:
            raise AskedWhen(message + f"the forecast of {season.title} season "
                            f"{season.number} says when it is likely: seasoncast forecast "
                            f"\"{season.title}\" -s {season.number}", season.title,
                            season.number)
        raise UserError(message + "say when, e.g. \"in December 2026\", \"next month\", "
                        "\"2027\"")
    tag = max(tags, key=lambda t: t.end)  # the claimed time usually comes last
    if (day := re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+$", masked[:tag.start])) and \
            tag.span.precision.value == "month":  # "31 February 2027": no such day
        raise UserError(f"{day.group(1)} {tag.span.text} is not a date")
    rest = (text[:tag.start] + " " + text[tag.end:])
    period = _bounded(text[:tag.start], tag.span)
    if _NEGATED.search(text[:tag.start]) and (period is None or period.end != _NEVER):
        # "won't premiere in 2026" is judged by its opposite; "not before 2027" is "2027
        # or later" (as "not until 2027" is)
        if period is not None and re.search(r"\bbefore\s+(?:the\s+end\s+of\s+)?$",
                                            text[:tag.start], re.IGNORECASE):
            named = tag.span.text or describe(tag.span)
            period = Period(tag.span.start, _NEVER, f"{named} or later")
        else:
            positive = re.sub(r"\s+", " ", _NEGATED.sub(" ", text)).strip()
            raise UserError(f"{text!r} says when it will not come out; check the claim "
                            f"itself, {positive!r}: the chance it is wrong is the answer")
    title_words = re.sub(r"\s+", " ", _FILLER.sub(" ", rest)).strip(" -")
    if not title_words:
        raise UserError(f"no title found in {text!r}")
    return ParsedClaim(resolve_season(store, title_words), tag.span, text, period)


_NEGATED = re.compile(r"\b(?:won['’]?t|will\s+not|isn['’]?t|is\s+not|doesn['’]?t|does\s+not|"
                      r"never|not)\b(?!\s+until\b)", re.IGNORECASE)
_SEASON_NUMBER = re.compile(
    r"(?P<pre>\b(?:season|series|s)\s*|(?<![\d/.-])(?<!\b(?:on|in|by|of|to))"
    r"(?<!\b(?:for|til|and))(?<!\buntil)(?<!\bafter)(?<!\bbefore)(?<=[A-Za-z!?'’)])\s+)"
    r"(?P<n>\d{1,2})(?=\s|$)", re.IGNORECASE)


def _names_a_title(store, tagged: str, text: str) -> bool:
    """"check wednesday": the weekday is the show when nothing else is left."""
    from seasoncast.api import resolve_title

    if tagged.strip().lower() != text.strip().lower() or not re.fullmatch(
            r"[A-Za-z]+", tagged.strip()):
        return False
    try:
        resolve_title(store, tagged)
    except UserError:
        return False
    return True


def _asked_about(store, text: str) -> Season | None:
    """The season a question with no date is about ("When is Wednesday season 3 coming
    out?"), if it names one: its forecast is the answer."""
    from seasoncast.api import resolve_season

    words = re.sub(r"\s+", " ", _FILLER.sub(" ", re.sub(
        r"\b(?:when|what|is|does|do|will|coming|come|out|release\s+date)\b|\?", " ", text,
        flags=re.IGNORECASE))).strip(" -")
    try:
        return resolve_season(store, words) if words else None
    except UserError:
        return None


_BOUND = re.compile(r"\b(?P<w>before|by|no\s+later\s+than|after|not\s+until)\s+"
                    r"(?:the\s+end\s+of\s+)?$", re.IGNORECASE)


def _bounded(before: str, span: DateSpan) -> Period | None:
    """"before 2028" is any day up to the end of 2027; "by March 2027" runs to the end of
    March. None for a claim of the period itself."""
    m = _BOUND.search(before)
    if m is None:
        return None
    word = re.sub(r"\s+", " ", m["w"].lower())
    named = span.text or describe(span)
    if word == "after":
        return Period(span.end + timedelta(days=1), _NEVER, f"after {named}")
    if word == "not until":
        return Period(span.start, _NEVER, f"{named} or later")
    end = span.start - timedelta(days=1) if word == "before" else span.end
    return Period(_EVER, end, f"{word} {named}")


_EVER = date(1900, 1, 1)  # an upper bound's range starts long before any premiere
_NEVER = date(9999, 12, 31)  # a lower bound's runs past the forecast's horizon


def check_claim(store, text: str, as_of: date) -> Verdict:
    from seasoncast.api import forecast_season

    claim = parse_claim(store, text, as_of)
    season = claim.season
    events = store.events(season.title, season.number, as_of=as_of)
    fc = forecast_season(store, season, as_of)
    verdict, p, reasons = judge(fc, events, claim.judged, as_of)
    evidence = [_evidence(e) for e in events if e.kind in (Kind.RELEASE, Kind.SLATE_LISTING,
                                                           Kind.FILMING_WRAP, Kind.TRAILER,
                                                           Kind.DELAY, Kind.CANCELLATION)]
    return Verdict(claim, verdict, p, reasons, evidence, fc)


def judge(fc, events: list[Event], span: DateSpan | Period, as_of: date
          ) -> tuple[str, float, list[str]]:
    """The verdict on "the season premieres within `span`", its probability and why."""
    span = Period.of(span) if isinstance(span, DateSpan) else span
    p = fc.dist.prob_between(span.start, span.end) if not fc.released else float(
        span.contains(fc.released))
    if span.end == _NEVER and not fc.released and not fc.cancelled:
        p += fc.dist.tail  # "after 2027" includes every day beyond the horizon
    reasons: list[str] = []
    if fc.passed is not None and fc.held_rate is not None:
        return _passed_promise(fc, span, p, reasons)
    verdict = _official(fc.released, events, span, as_of, reasons)
    if verdict is not None:
        return verdict, p, reasons
    verdict = _grade(p)
    official = [e for e in events if e.kind is Kind.RELEASE and e.modality is
                Modality.ANNOUNCED and e.date and e.date.overlaps(span)]
    if not official:
        reasons.append("no official announcement supports it")
    else:
        e = max(official, key=lambda e: e.known_on)
        how = "falls within it" if span.contains(e.date) else "overlaps it"
        reasons.append(f"the official release window, {describe(e.date)} (announced "
                       f"{e.known_on}), {how}")
    for e in events:
        if e.kind is Kind.SLATE_LISTING and e.modality is Modality.DENIED and e.date \
                and e.date.overlaps(span):
            reasons.append(f"absent from an official line-up for {describe(e.date)}"
                           f" (reported {e.known_on})")
            break
    rumours = [e for e in events if e.kind is Kind.RELEASE and e.modality is Modality.RUMORED
               and e.date and e.date.overlaps(span)]
    if rumours:
        reasons.append(f"the same timing circulates as a rumour ({len(rumours)} report"
                       f"{'s' if len(rumours) > 1 else ''}), which is not evidence")
    q = fc.dist.quantiles()
    median = describe(DateSpan.day(q["p50"])) if q["p50"] else "more than 8 years away"
    reasons.append(f"the forecast gives {p:.0%} for {span}; its median is {median}")
    reasons.append(f"season status: {fc.status.value.replace('_', ' ')}")
    return verdict, p, reasons


def _grade(p: float) -> str:
    return "likely" if p >= LIKELY else "unlikely" if p < UNLIKELY else "uncertain"


def _passed_promise(fc, span: Period, p_not_yet: float, reasons: list[str]
                    ) -> tuple[str, float, list[str]]:
    """An official date, window or line-up listing has passed with nothing reported
    since. The forecast assumes no premiere yet, but such promises usually hold, so the
    likelier story is that the season came out then and the news has not been read:
    weigh the two, spreading a window's share evenly over its days."""
    held, promised = fc.held_rate, fc.passed.span
    first, last = max(span.start, promised.start), min(span.end, promised.end)
    within = max(0, (last - first).days + 1) / promised.width_days
    p = held * within + (1 - held) * p_not_yet
    reasons.append(f"the {fc.passed.words} was {describe(promised)}; it has passed with no "
                   "report of the premiere or of a delay in seasoncast's sources, so the "
                   "data may be out of date")
    reasons.append(f"{fc.passed.words}s held {held:.0%} of the time in the reference data")
    # the two stories, so that the forecast page's figures (which assume the second) are
    # not read as a contradiction
    promised_words = "the claim is right" if within >= 1 else "the claim is wrong" \
        if within <= 0 else f"{within:.0%} of the promised period falls in the claim"
    reasons.append(f"if it came out as promised, {promised_words}; if it has not come out "
                   f"yet, the forecast gives {p_not_yet:.0%} for {span}; weighed together, "
                   f"{p:.0%}")
    return _grade(p), p, reasons


def _official(released: date | None, events: list[Event], span: Period, as_of: date,
              reasons: list[str]) -> str | None:
    if released:
        inside = span.contains(released)
        reasons.append(f"it premiered on {describe(DateSpan.day(released))}")
        return "confirmed" if inside else "contradicted"
    dates = [e for e in events if e.kind is Kind.RELEASE and e.modality is Modality.ANNOUNCED
             and e.date and e.date.precision.value in ("day", "days")]
    if dates:
        latest = max(dates, key=lambda e: e.known_on)
        if latest.date.end >= as_of:
            reasons.append(f"the official premiere date is {describe(latest.date)} "
                           f"(announced {latest.known_on})")
            return "confirmed" if span.contains(latest.date) else (
                "contradicted" if not span.overlaps(latest.date) else None)
    windows = [e for e in events if e.kind is Kind.RELEASE and e.modality is Modality.ANNOUNCED
               and e.date and e.date.end >= as_of]
    if windows:
        latest = max(windows, key=lambda e: e.known_on)
        if not span.overlaps(latest.date):
            reasons.append(f"the official release window is {describe(latest.date)} "
                           f"(announced {latest.known_on})")
            return "contradicted"
    cancelled = [e for e in events if e.kind is Kind.CANCELLATION and e.modality in (
        Modality.HAPPENED, Modality.ANNOUNCED)]
    if cancelled:
        reasons.append(f"the season was cancelled (reported {cancelled[-1].known_on})")
        return "contradicted"
    if span.end < as_of:
        reasons.append(f"no premiere came {span}" if span.start == _EVER else
                       f"{span} has passed without a premiere")
        return "contradicted"
    return None


def _evidence(e: Event) -> dict:
    return {"source_url": e.source_url, "kind": e.kind.value, "modality": e.modality.value,
            "date": e.date.to_dict() if e.date else None, "known_on": e.known_on.isoformat()}
