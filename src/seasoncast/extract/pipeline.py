"""The extraction pipeline: text in, claims + cast + viewership out (interfaces.md §3).

Steps, each in its own module so every decision can be traced:
sentences (offsets) → titles and season mentions (coreference) → date tagging
(`seasoncast.datespan`) → triggers per kind → date-to-trigger assignment → modality
rules → claim assembly (superseded plans, "not until" denials) → clean-up (duplicates,
undated echoes of dated claims) → cast and viewership.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from seasoncast.datespan import (
    MAX_WIDTH,
    MONTHS_LONG,
    DateSpan,
    DateSpanError,
    Precision,
    TaggedSpan,
    find_datespans,
    infer_precision,
)
from seasoncast.extract.cast import extract_cast
from seasoncast.extract.modality import (
    FUTURE,
    NEGATION,
    PLATFORMS,
    WRITER_GUESS,
    ModalityDecision,
    decide,
)
from seasoncast.extract.places import find_location
from seasoncast.extract.published import guess_published
from seasoncast.extract.sentences import Sentence, clause_bounds, clause_of, split_sentences
from seasoncast.extract.titles import (
    ORDINALS,
    WORD_NUMBERS,
    KnownTitles,
    SeasonMention,
    TitleContext,
    detect_titles,
)
from seasoncast.extract.triggers import Trigger, find_triggers
from seasoncast.extract.viewership import extract_viewership
from seasoncast.model import CastCredit, Claim, Kind, Modality, Title, Viewership
from seasoncast.wordscan import caseless_copy

MAX_CHARS = 400_000  # longer input is cut: bounded time and memory on hostile files
# kinds whose bare "it happened" is news even without a date (a premiere without a
# date is almost always an aside about an earlier season, so it is not kept)
_UNDATED_OK = {Kind.RENEWAL, Kind.CAST_WRAP, Kind.TEASER, Kind.TRAILER, Kind.DELAY,
               Kind.CANCELLATION, Kind.FILMING_WRAP, Kind.FILMING_START,
               Kind.ADDITIONAL_FILMING, Kind.CASTING, Kind.PREPRODUCTION}
_SPEECH = re.compile(r"\b(?:announc\w*|confirm\w*|said|says|revealed|reveals|told|unveil\w*|"
                     r"reported|stated|declared|denied|denies|posted|tweeted|wrote|"
                     r"claimed)\b", re.IGNORECASE)
# "first posted on Reddit in February": the day of the post
_POSTED_ON = re.compile(r"\b(?:posted|shared|uploaded|published|surfaced)\s+(?:\w+\s+)?(?:on|to)\s+"
                        r"(?:[A-Z][\w.]*\s+){1,2}(?:(?:in|on)\s+)?$")
_SAID_ON = re.compile(r"\b(?:announced|confirmed|said|revealed|unveiled|declared|stated)\s+$",
                      re.IGNORECASE)
_SAID_KINDS = {Kind.RENEWAL, Kind.CANCELLATION, Kind.CASTING}  # a statement's very content
_ANNOUNCEMENT_KINDS = {Kind.RENEWAL, Kind.CANCELLATION, Kind.SLATE_LISTING, Kind.TEASER,
                       Kind.TRAILER, Kind.CASTING}
_CONTRAST = re.compile(r"(?:\bthan|\binstead\s+of|\bnot)\s+(?:a\s+|an\s+|the\s+)?$",
                       re.IGNORECASE)


@dataclass
class Extraction:
    """What one document says. `to_dict()` is exactly interfaces.md §3."""

    url: str | None
    published: date | None
    chars: int
    claims: list[Claim] = field(default_factory=list)
    cast: list[CastCredit] = field(default_factory=list)
    viewership: list[Viewership] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    name_variants: dict[str, str] = field(default_factory=dict)  # "Park Ji-hu" -> "Park Ji Hu"

    @property
    def document(self) -> dict:
        return {"url": self.url,
                "published": self.published.isoformat() if self.published else None,
                "chars": self.chars}

    def to_dict(self) -> dict:
        return {"document": self.document,
                "claims": [c.to_dict() for c in self.claims],
                "cast": [c.to_dict() for c in self.cast],
                "viewership": [v.to_dict() for v in self.viewership]}


@dataclass
class _Draft:
    """A claim before clean-up, with the evidence used to decide it."""

    claim: Claim
    explicit_modality: bool
    explicit_season: bool
    sentence: int
    trigger: str = ""


def extract_document(
    text: str,
    *,
    published: date | None = None,
    title_hint: str | None = None,
    known_titles: Sequence[Title] | KnownTitles = (),
    url: str | None = None,
    season_guess: Callable[[str, date | None], int | None] | None = None,
) -> Extraction:
    """Read one article (plain text) and return its claims, cast and viewership.

    `season_guess(title, published)` names the season an article means when it gives no
    number (a store knows which season is next); without it, such an article is about
    season 1.
    """
    text = text[:MAX_CHARS]
    if published is None:
        published = guess_published(text)
    ctx = detect_titles(text, known_titles, title_hint)
    masked = ctx.masked(text)
    sentences = split_sentences(text)
    focus = _focus_seasons(ctx, text, season_guess, published)
    drafts: list[_Draft] = []
    topic: Kind | None = None
    last_year: int | None = None
    story: date | None = None  # the last sentence's dated past, for "had been pushed to May"
    last_slate: DateSpan | None = None  # "also made the list" refers to the line-up named
    recent: Kind | None = None  # the kind last triggered in this paragraph
    foreign_item = False  # inside a list item about a show that is not tracked
    carry: dict[str, int] = {}  # seasons named in the previous sentence
    label = False  # was that sentence a run-in label?
    group: list[str] = []  # the shows of the last sentence that listed several
    asked: dict[str, int] = {}  # the season the last question named, per title
    section: Kind | None = None  # what the current section's heading is about
    guessing = False  # the last question asked for the writer's guess ("Our best guess?")
    intro: Kind | None = None  # what a list's lead-in ("Here is when each arrived:") is about
    lineup: _LineupSection | None = None  # a section listing a line-up's shows, one a heading
    # one tagging pass over the whole text, then shared out by sentence (fast)
    walled = _walled(masked, sentences)  # titles blanked: "HBO's House of the Dragon has
    # wrapped" reads as "HBO's ... has wrapped"
    all_triggers = _by_sentence(sentences, find_triggers(walled),
                                lambda t, o: replace(t, start=t.start - o, end=t.end - o,
                                                     text=text[t.start:t.end]))
    row_seasons = _structured_triggers(sentences, all_triggers, ctx)
    wanted = _may_hold_claims(sentences, all_triggers)
    all_dates = _by_sentence(sentences, find_datespans(_dated_only(
        _walled(masked, sentences), sentences, wanted), published),
        lambda t, o: TaggedSpan(t.start - o, t.end - o, t.span))
    posted = _post_stamps(sentences, published)
    for i, day in posted.items():  # "today" in a post stamped Dec 2, 2024 is that day
        all_dates[i] = find_datespans(walled[sentences[i].start:sentences[i].end], day)
    for i, s in enumerate(sentences):
        triggers = all_triggers[i]
        if s.question or (s.heading and s.text.rstrip().endswith("?")) or _ASKED.match(s.text):
            # the season a question names is the answer's ("And season three? We start
            # shooting in January.")
            named = {}
            for sm in ctx.seasons_between(s.start, s.end):
                title, _ = ctx.title_at(sm.start)
                if len(sm.numbers) == 1 and (title := title or (ctx.titles[:1] or [None])[0]):
                    named[title] = sm.numbers[0]
            if named or len(s.text.split()) > 2:  # "Personally?" in an answer asks nothing
                asked = named
                carry = {}  # nor does the sentence before the question carry over it
            # "Asked when the new episodes will arrive, she laughed." asks like a question
            guessing = not triggers and bool(WRITER_GUESS.search(s.text))
            # (not "... or did I miss a cancellation?": an answer's dates are not of that)
            kinds = [t.kind for t in triggers if t.kind is not Kind.CANCELLATION]
            topic = kinds[-1] if kinds else None if triggers else (
                Kind.RELEASE if re.match(r"\W*(?:Q\W+|asked\s+(?:about\s+)?)?(?:(?:so|and|but|"
                                         r"then|ok(?:ay)?|well|now)\W+)?when\b", s.text, re.I)
                or WRITER_GUESS.search(s.text)  # "Our best guess? Early 2027."
                else None if re.match(r"\W*(?:Q\W+)?(?:why|how|who)\b", s.text, re.I)
                else topic)  # "Why is it taking so long?" asks about no step
            continue
        dates = [t for t in all_dates[i] if not _is_contrast(s.text, t)
                 and not _FIGURE_NEAR.search(s.text[max(0, t.start - 60):t.start] + (
                     "between " if re.match(r"(?:between|from)\b", t.span.text or "", re.I)
                     else ""))]
        anaphoric = _anaphoric(s.text, dates, last_year)
        dates = anaphoric + [t for t in dates if not any(
            a.start < t.end and t.start < a.end for a in anaphoric)]
        dates.sort(key=lambda t: t.start)
        dates, anchored = _after_a_dated_one(dates, s.text)
        dates, anchored = _in_the_story(dates, anchored, s.text, story)
        story = None
        for t in dates:
            if re.search(r"(?:19|20)\d\d", t.span.text or "") and not re.search(
                    r"\bby\s+(?:the\s+)?$", s.text[max(0, t.start - 8):t.start], re.I):
                # (a deadline, "hoped to be on screens by late 2025", is not the story's
                # time: "Cameras rolled that October" is the October after the renewal)
                last_year = t.span.start.year
                story = t.span.start
        if s.heading:  # a new section ends the last question's subject
            topic = None
            asked = {}
            lineup = _lineup_section(s, triggers, dates, lineup, last_slate)
            if lineup is not None and lineup.level < _heading_level(s.text) and (
                    one := _lineup_item(i, s, ctx, focus, lineup)) is not None:
                drafts.append(one)
            elif lineup is not None and not ctx.mentions_between(s.start, s.end):
                # "## Not on the slate" names no show: the headings below it do
                triggers = [t for t in triggers if t.kind is not Kind.SLATE_LISTING]
            # "### Our prediction" opens a section about the premiere
            section = Kind.RELEASE if _RELEASE_HEADING.search(s.text) else None
        context = topic
        if not triggers and dates and context is None and not s.heading and \
                WRITER_GUESS.search(s.text):
            context = Kind.RELEASE  # "We think March 2025 is the most likely month."
        elif not triggers and dates and context is None and (recent or section) and \
                not s.heading:
            context = recent or section  # "Our read: June looks plausible." after a
            # release paragraph (a hedge, plan or rumour is still needed: see below)
        if triggers:
            recent = triggers[-1].kind
        elif s.heading or s.start - sentences[i - 1].end > 1 and i and "\n\n" in text[
                sentences[i - 1].end:s.start]:
            recent = None
        cue_needed = context is not topic
        if not triggers and dates and intro is not None and _BULLET.match(s.text):
            # "Here is when each season arrived:" then "- Season 1: April 11, 2021": the
            # list's items are what its lead-in says
            context, cue_needed = intro, False
        if not _BULLET.match(s.text):
            intro = triggers[-1].kind if triggers and s.text.rstrip().endswith(":") else None
        if i and "\n\n" in text[sentences[i - 1].end:s.start]:
            foreign_item = False  # a new paragraph
        if i and _LIST_MARK.fullmatch(sentences[i - 1].text) or s.heading:
            # a numbered item of a round-up that opens with a show we do not track is
            # about that show, to the item's end: "3. A League of Their Own has been
            # canceled ... the show had been renewed" says nothing of the last title
            foreign_item = not s.heading and _foreign_subject(s, ctx)
        if foreign_item and not ctx.mentions_between(s.start, s.end):
            continue
        if i in row_seasons:  # a history table's row: "| 2 | May 2022 | December 2022 |"
            carry, label = dict.fromkeys(ctx.titles, row_seasons[i]), True
        for d in _claims_in_sentence(i, s, triggers, dates, ctx,
                                     {**focus, **asked} if asked else focus,
                                     posted.get(i, published),
                                     context, carry, group, anchored, label):
            if cue_needed and (not d.explicit_modality
                               or d.claim.modality is Modality.HAPPENED
                               or _EVENT_WORDS.search(s.text)):
                continue  # borrowing the paragraph's kind needs a hedge, plan or rumour
                # (and "a fan panel on November 2" dates the panel)
            if guessing and topic is not None and context is topic and \
                    not d.explicit_modality:
                d.claim = replace(d.claim, modality=Modality.EXPECTED)  # the guess asked for
            if d.claim.kind is Kind.SLATE_LISTING:
                if d.claim.date is None and last_slate is not None:
                    d.claim = replace(d.claim, date=last_slate)
                elif d.claim.date is not None:
                    last_slate = d.claim.date
            if lineup is not None and not lineup.absent and d.claim.kind in (
                    Kind.RELEASE, Kind.TRAILER) and d.claim.modality is Modality.PLANNED:
                # a date under a heading of the platform's own line-up is the platform's
                d.claim = replace(d.claim, modality=Modality.ANNOUNCED)
            drafts.append(d)
        drafts.extend(_parenthetical_premieres(i, s, dates, ctx, published))
        drafts.extend(_listed_renewals(i, s, ctx))
        last_slate = _slate_named(triggers, dates) or last_slate
        listed = list(dict.fromkeys(t for _a, _b, t in ctx.mentions_between(s.start, s.end)))
        if len(listed) > 1:
            group = listed
        elif listed:
            group = []
        carry = {}
        # a run-in label ("**Velvet Precinct, season 4 (Peacock): February 5.**") or a
        # heading ("### Stormhaven — Season 2") names the season of the line after it,
        # earlier or later
        label = s.text.startswith("**") and s.text.rstrip().endswith("**") or \
            _names_a_season_heading(s, ctx)
        for sm in ctx.seasons_between(s.start, s.end):
            if len(sm.numbers) == 1:
                title, _ = ctx.title_at(sm.start)
                if title is not None:
                    carry[title] = sm.numbers[0]
    official = [(0, len(text))] if _PRESS_RELEASE.search(text[:400]) else \
        _official_quotes(text) + _named_officials_said(text)
    for d in drafts:
        # a platform's own release, or its words quoted: its plans are announcements
        if d.claim.modality is Modality.PLANNED and any(
                a <= d.claim.quote_span[0] and d.claim.quote_span[1] <= b for a, b in official):
            d.claim = replace(d.claim, modality=Modality.ANNOUNCED)
    claims = _clean([_not_after(d, published) for d in drafts], published)
    claims = _previous_season_fix(claims, drafts)
    claims = _in_production_order(claims)
    cast, variants = extract_cast(text, sentences, ctx, focus)
    viewership = extract_viewership(text, sentences, ctx, focus, claims, published)
    return Extraction(url, published, len(text), claims, cast, viewership, ctx.titles, variants)


_YEARLESS = re.compile(r"(?:19|20)\d\d|\b(?:this|next|last|ago|yesterday|today|tomorrow|"
                       r"year|week|month)\b", re.IGNORECASE)


_SEQUEL_STEP = re.compile(r"\b(?:part|volume|vol\.|cour)\s+\w+|\bfollow(?:s|ed|ing)?\b|\bthen\b",
                          re.IGNORECASE)
_MONTH_OR_SEASON = re.compile(r"\b(?:january|february|march|april|may|june|july|august|"
                              r"september|october|november|december|spring|summer|fall|"
                              r"autumn|winter)\b", re.IGNORECASE)


def _after_a_dated_one(dates: list[TaggedSpan], sentence: str
                       ) -> tuple[list[TaggedSpan], frozenset[int]]:
    """"Part 1 premieres in January 2026, and Part 2 follows in July": a month or season
    named without a year after a dated one in the same sentence is the next one after it
    (and keeps that year whatever the verb's tense)."""
    out, anchored, anchor, after = [], set(), None, 0
    for t in dates:
        raw = t.span.text or ""
        if re.search(r"(?:19|20)\d\d", raw):
            anchor, after = t.span.start, t.end
        elif anchor is not None and not _YEARLESS.search(raw) and _MONTH_OR_SEASON.search(
                raw) and _SEQUEL_STEP.search(sentence, after, t.start):
            # (only a sequence: not "released back in 2022 … the second season, which
            # premiered on August 6", nor "in the first quarter of 2025 … in December")
            again = find_datespans(raw, anchor, "future")
            if again and again[0].span.start >= anchor:
                t = TaggedSpan(t.start, t.end, replace(again[0].span, text=raw))
                anchored.add(t.start)
        out.append(t)
    return out, frozenset(anchored)


_PAST_PERFECT = re.compile(r"\bhad\s+(?:already\s+|been\s+|already\s+been\s+)?\w+(?:ed|en)\b",
                           re.IGNORECASE)


_NOT_THE_STORY = re.compile(r"\b(?:but|now|will|won['’]t|would|told|said|says)\b|[;:«\"“]",
                            re.IGNORECASE)


def _in_the_story(dates: list[TaggedSpan], anchored: frozenset[int], sentence: str,
                  story: date | None) -> tuple[list[TaggedSpan], frozenset[int]]:
    """"In January 2025 the crew walked out. By the time it was settled, the wrap had been
    pushed back to the end of May": in a past-perfect sentence, a month without a year
    follows the day the story last named (May 2025), not the article's date."""
    if story is None or not _PAST_PERFECT.search(sentence):
        return dates, anchored
    out, more = [], set(anchored)
    for t in dates:
        raw = t.span.text or ""
        # the past perfect must govern the date: "had hoped for early next year, but now
        # it's thought filming won't end until April" looks forward from today
        verb = [m for m in _PAST_PERFECT.finditer(sentence, max(0, t.start - 90), t.start)
                if not _NOT_THE_STORY.search(sentence, m.end(), t.start)]
        if verb and t.start not in anchored and not _YEARLESS.search(raw) and \
                _MONTH_OR_SEASON.search(raw):
            again = find_datespans(raw, story, "future")
            if again:
                t = TaggedSpan(t.start, t.end, replace(again[0].span, text=raw))
                more.add(t.start)
        out.append(t)
    return out, frozenset(more)


def _retense(t: TaggedSpan, modality: Modality, published: date | None) -> TaggedSpan:
    """A date without a year ("in May", "the fall") is placed by the claim's modality:
    a plan, hope or rumour looks forward, a fact looks back."""
    raw = t.span.text or ""
    if published is None or _YEARLESS.search(raw):
        return t
    prefer = "past" if modality is Modality.HAPPENED else "future"
    again = find_datespans(raw, published, prefer)
    if not again:
        return t
    return TaggedSpan(t.start, t.end, replace(again[0].span, text=raw))


_ASKED = re.compile(r"\W*asked\s+(?:about\s+)?(?:when|whether|if)\b", re.IGNORECASE)
_MONTHS = tuple(m.lower() for m in MONTHS_LONG)
_ANAPHOR = re.compile(r"\b(?:that|(?:that\s+|the\s+)same|later\s+that)\s+(?P<u>spring|summer|"
                      r"fall|autumn|winter|year|" + "|".join(_MONTHS) + r")\b|"
                      r"\bwithin\s+the\s+year\b|"
                      # "in October that same year": the month of the year last named
                      r"\b(?:in\s+)?(?P<m>" + "|".join(_MONTHS) + r")\s+(?:of\s+)?"
                      r"(?:that|(?:that\s+|the\s+)same)\s+year\b", re.IGNORECASE)


def _anaphoric(sentence: str, dates: list[TaggedSpan], year: int | None) -> list[TaggedSpan]:
    """"that fall", "later that year", "within the year": the year last named."""
    out = []
    for m in _ANAPHOR.finditer(sentence):
        unit = (m["u"] or m["m"] or "year").lower()
        month = unit in _MONTHS
        overlapping = [t for t in dates if t.start < m.end() and m.start() < t.end]
        if overlapping and not (month and all(
                re.fullmatch(r"(?:in\s+)?\w+", t.span.text or "", re.IGNORECASE)
                for t in overlapping)):
            continue  # "that June" overrides a bare "June" placed from the article's date
        before = [t for t in dates if t.end <= m.start() and re.search(
            r"(?:19|20)\d\d", t.span.text or "")]
        year = before[-1].span.start.year if before else year
        if year is None:
            continue
        if month:
            span = DateSpan.month(year, _MONTHS.index(unit) + 1, m.group())
        elif unit == "year":
            span = DateSpan.year(year, m.group())
        else:
            span = DateSpan.season(year, "fall" if unit == "autumn" else unit, m.group())
        out.append(TaggedSpan(m.start(), m.end(), span))
    return out


def _is_dateline(sentence: str, t: TaggedSpan) -> bool:
    """"**August 14, 2025** — Additional filming is scheduled for next week": a log
    entry's date, which is the event's date only when nothing else dates it."""
    return (t.start <= 4 or bool(re.fullmatch(r"[*>\s]*(?:updated?|edit|correction|(?:latest\s+)?"
                                              r"news)\s*\(?",
                                              sentence[:t.start], re.IGNORECASE))) and bool(
        re.match(r"\)?[*\s]*(?:[—–:-]|\|)", sentence[t.end:t.end + 6]))


def _is_contrast(sentence: str, t: TaggedSpan) -> bool:
    """"more probable than December 2026", "instead of 2025": not the claim's date.
    Nor is the year in an event's name ("AnimeJapan 2025", "Comic-Con 2024")."""
    if t.span.precision is Precision.YEAR and re.fullmatch(r"\d{4}", t.span.text or "") and \
            not re.search(rf"\b{PLATFORMS}['’]?s?\s$", sentence[max(0, t.start - 30):t.start],
                          re.IGNORECASE) and \
            re.search(r"(?<![’'])\b(?!(?:In|By|Since|From|Until|Of|For|The|Early|Late|And|Or|"
                      r"During|Before|After|Through|January|February|March|April|May|June|July|"
                      r"August|September|October|November|December)\b)[A-Z][\w-]*[a-z]\s$",
                      sentence[max(0, t.start - 30):t.start]):
        return True
    return bool(_CONTRAST.search(sentence[max(0, t.start - 25):t.start]))


def _walled(text: str, sentences: list[Sentence]) -> str:
    """The text with the whitespace between sentences replaced by NUL, so patterns run
    once over the whole text still never match across a sentence boundary."""
    chars = list(text)
    prev = 0
    for s in sentences:
        for i in range(prev, s.start):
            if chars[i].isspace():
                chars[i] = "\x00"
        prev = s.end
    for i in range(prev, len(chars)):
        if chars[i].isspace():
            chars[i] = "\x00"
    return "".join(chars)


_DATE_WORDS = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)(?:[a-z]*)\b|\b(?:spring|summer|"
    r"fall|autumn|winter|years?|months?|weeks?|today|tomorrow|yesterday|tonight|quarter|half|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)


def _may_hold_claims(sentences: list[Sentence], triggers: list[list]) -> list[bool]:
    """Sentences whose dates can matter: those with a trigger (or a prediction heading),
    the two after one (a paragraph's kind carries over), everything after a question (Q&A
    answers) and the first lines (datelines)."""
    out, since_trigger, asked = [], 99, False
    for s, trig in zip(sentences, triggers, strict=True):
        # a "### Our prediction" heading opens a section about the premiere, like a trigger
        since_trigger = 0 if trig or s.heading and _RELEASE_HEADING.search(s.text) else \
            since_trigger + 1
        asked = asked or s.question
        out.append(since_trigger <= 2 or asked or s.start < 400)
    return out


def _dated_only(text: str, sentences: list[Sentence], wanted: list[bool]) -> str:
    """Blank the sentences that cannot hold a claim's date (no digit, month, season or
    time word, or no trigger nearby), so the date tagger skips them cheaply."""
    parts, prev = [], 0
    for s, want in zip(sentences, wanted, strict=True):
        if not want or not _DATE_WORDS.search(text, s.start, s.end):
            parts.append(text[prev:s.start])
            parts.append(" " * (s.end - s.start))
            prev = s.end
    parts.append(text[prev:])
    out = "".join(parts)
    if m := _LEADING_STAMP.match(out):  # the page's own date, not one the news is about
        out = " " * m.end() + out[m.end():]
    return out


# "date 2024-12-20 After a year of production, ...": a page's stamp before its first words
_LEADING_STAMP = re.compile(r"[\s\x00]*(?:(?:date|published|posted|updated)\s*:?\s*)?"
                            r"(?:19|20)\d\d-\d\d-\d\d(?:[T ]\d\d:\d\d[\d:.+Z-]*)?",
                            re.IGNORECASE)


# a line that is only a post's time stamp: "1/ [Dec 2, 2024 · 6:02 PM]", "Updated March 3,
# 2025, 10:14 a.m."
_POST_STAMP = re.compile(
    r"\s*(?:\d{1,3}/\s*)?[\[(]?\s*(?:(?:posted|updated)\s+(?:on\s+)?)?"
    r"(?P<day>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+"
    r"(?:19|20)\d\d|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
    r"(?:19|20)\d\d)(?:\s*[·,|@–—-]?\s*(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*[A-Z]{2,4})?)?\s*[\])]?\s*:?\s*", re.IGNORECASE)


def _post_stamps(sentences: list[Sentence], published: date | None) -> dict[int, date]:
    """The day each sentence was posted, in a thread or live blog whose posts carry their
    own stamps (two or more), where it differs from the article's: the sentences of a post
    stamped Dec 2, 2024 say "today" of that day."""
    out: dict[int, date] = {}
    day: date | None = None
    stamps = {i: m for i, s in enumerate(sentences) if (m := _POST_STAMP.fullmatch(s.text))}
    if len(stamps) < 2:
        return out  # one date alone on a line is the article's dateline, not a post's
    for i in range(len(sentences)):
        m = stamps.get(i)
        if m:
            found = find_datespans(m["day"])
            day = found[0].span.start if found and found[0].span.width_days == 1 else None
        elif day is not None and day != published:
            out[i] = day
    return out


def _by_sentence(sentences: list[Sentence], items: list, shift) -> list[list]:
    """Items (with .start/.end in the whole text) grouped by the sentence that wholly
    contains them, with offsets made sentence-relative; items across a boundary drop."""
    out: list[list] = [[] for _ in sentences]
    starts = [s.start for s in sentences]
    for it in items:
        i = bisect.bisect_right(starts, it.start) - 1
        if i >= 0 and it.end <= sentences[i].end:
            out[i].append(shift(it, sentences[i].start))
    return out


_SEASON_PAREN = re.compile(r"\bseason\s+(?P<n>\d{1,2})(?:\s*,?\s*part\s+(?P<part>\d))?\s*\("
                           r"(?P<now>now\s+)?(?:[A-Z][a-z]+day,?\s+)?$", re.IGNORECASE)


def _parenthetical_premieres(index: int, s: Sentence, dates: list[TaggedSpan],
                             ctx: TitleContext, published: date | None) -> list[_Draft]:
    """"Season 1 (November 2022)": a past date in brackets after a season is its
    premiere. In a heading or list line, an exact date to come is its announced premiere
    ("Ironbark: Season 2 (Thursday, March 5)", as schedules and round-ups list them)."""
    out = []
    for t in dates:
        m = _SEASON_PAREN.search(s.text[max(0, t.start - 40):t.start])
        if not m or not s.text[t.end:t.end + 1] == ")":
            continue
        past = published is None or t.span.end < published
        if not past and not (t.span.precision is Precision.DAY and not m["now"]
                             and (s.heading or "\n" not in s.text and len(s.text) < 120)):
            continue
        title, _ = ctx.title_at(s.start + t.start)
        if title is None:
            continue
        claim = Claim(title=title, season=int(m["n"]), kind=Kind.RELEASE,
                      modality=Modality.HAPPENED if past else Modality.ANNOUNCED,
                      date=t.span, detail=f"Part {m['part']}" if m["part"] else None,
                      quote_span=(s.start + t.start - len(m.group()), s.start + t.end + 1),
                      confidence=0.7)
        out.append(_Draft(claim, True, True, index))
    return out


def _listed_renewals(index: int, s: Sentence, ctx: TitleContext) -> list[_Draft]:
    """A renewals round-up in list form: "CBS' latest round of renewals includes a Season
    3 for “Tracker,” Season 2 of “Elsbeth” and Season 4 of “Fire Country”" orders each
    season it lists (two or more; a hedge or a negation in the sentence orders none)."""
    if not _RENEWAL_NEWS.search(s.text) or _NOT_ORDERED.search(s.text):
        return []
    out = []
    for m in _SEASON_OF.finditer(s.text):
        named = ctx.mentions_between(s.start + m.end(), s.start + m.end() + 3)
        if named:
            claim = Claim(title=named[0][2], season=int(m["n"]), kind=Kind.RENEWAL,
                          modality=Modality.HAPPENED, date=None,
                          quote_span=(s.start + m.start(), named[0][1]), confidence=0.6)
            out.append(_Draft(claim, True, True, index))
    return out if len(out) >= 2 else []


_RENEWAL_NEWS = re.compile(r"\brenew(?:al|als|ed|s)\b|\bseason\s+orders?\b", re.IGNORECASE)
_NOT_ORDERED = re.compile(r"\b(?:not|no|yet\s+to|could|may|might|would|if|whether|"
                          r"up\s+in\s+the\s+air|undecided)\b", re.IGNORECASE)
_SEASON_OF = re.compile(r"\bseason\s+(?P<n>\d{1,2})\s+(?:of|for)\s+(?:the\s+)?(?:\w+\s+)?"
                        r"[“\"‘']?(?=\S)", re.IGNORECASE)


_BACKGROUND_SEASON = re.compile(r"\b(?:since|after|following|unlike|like|than)\s+(?:the\s+)?$",
                                re.IGNORECASE)


def _focus_seasons(ctx: TitleContext, text: str,
                   season_guess: Callable[[str, date | None], int | None] | None = None,
                   published: date | None = None) -> dict[str, int]:
    """The season each title's article is about: its most-mentioned number (headings
    count double; ties go to the later season); for a title whose season is never
    numbered, `season_guess`'s answer, or else 1."""
    votes: dict[str, Counter[int]] = {}
    lede: dict[str, set[int]] = {}  # seasons named in the first 600 characters
    for sm in ctx.seasons:
        if not sm.numbers:
            continue
        title, _ = ctx.title_at(sm.start)
        after = ctx.mentions_between(sm.end, sm.end + 60)
        if after and re.fullmatch(r"\s+of\s+(?:the\s+|its\s+)?(?:[a-z][\w'’-]*\s+){0,3}",
                                  text[sm.end:after[0][0]]):
            title = after[0][2]  # "the second season of the legal thriller Blood Ledger"
        if title is None:
            continue
        line_start = text.rfind("\n", 0, sm.start) + 1
        line_end = text.find("\n", sm.start)
        line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
        heading = line.startswith("#") or len(line) < 100 and not line.endswith((".", "!", "?",
                                                                                 ":", ","))
        weight = 4 if line_start == 0 else 2 if sm.start < 300 or heading else 1
        if _BACKGROUND_SEASON.search(text, max(0, sm.start - 14), sm.start):
            continue  # "Since season 3, the drama has been helmed by ...": background
        for n in sm.numbers:
            votes.setdefault(title, Counter())[n] += weight
            if sm.start < 600:
                lede.setdefault(title, set()).add(n)
    out = {}
    head_end = _headline_end(text)
    for title in ctx.titles:
        c = votes.get(title)
        if c:
            # the newest season named is what such articles are about; earlier ones are
            # background ("the first season premiered in July 2024"), so it weighs more
            top = max(c)
            out[title] = max(c, key=lambda n: (c[n] * (1.5 if n == top else 1), n))
            if top in lede.get(title, ()):  # named in the lede: the article's season,
                out[title] = top  # however often the background names the first one
        else:
            out[title] = (season_guess(title, published) if season_guess else None) or 1
    for sm in ctx.seasons:  # the headline's season is the article's season
        if sm.start < head_end and len(sm.numbers) == 1:
            title, _ = ctx.title_at(sm.start)
            if title is not None:
                out[title] = sm.numbers[0]
                break
    return out


_NOT_THE_PREMIERE = re.compile(
    r"\b(?:(?:final|last|closing|100th|\d+(?:st|nd|rd|th))\s+episode|(?:season|series)\s+finale|"
    r"finale|dvd|blu-?ray|box\s+set|soundtrack|novel|memoir|book|comic|special|documentary|"
    r"movie|film)\b[^.;,]{0,35}$|"
    # "Five decisions landed this week": news that arrives is no premiere
    r"\b(?:decisions?|news|announcements?|deals?|offers?|nominations?|awards?|updates?|"
    r"reviews?|ratings|verdicts?)\s+(?:have\s+|has\s+|had\s+)?$", re.IGNORECASE)
_RELEASE_HEADING = re.compile(r"\b(?:prediction|estimate|best\s+guess|our\s+(?:take|guess|"
                              r"bet|read))\b", re.IGNORECASE)
_PRESS_RELEASE = re.compile(r"\bpress\s+release\b|\bmedia\s+cent(?:re|er)\b|\bnewsroom\b|"
                            r"\bfor\s+immediate\s+release\b", re.IGNORECASE)


_OFFICIAL_SPEAKER = re.compile(
    rf"\b(?:{PLATFORMS}|"
    r"spokes(?:person|woman|man)|showrunner|co-?creator|creator|executive\s+producer|"
    r"official\s+account|network|streamer|studio)\b[^.\n\"“”]{0,60}?\b(?:said|says|answered|"
    r"replied|wrote|posted|told\s+\w+|confirmed|announced|added|tweeted)"
    r"(?:\s+(?:under|on|in|to)\s+[\w\s]{0,25}?)?\s*[:,]?\s*$", re.IGNORECASE)
_QUOTE_MARKS = re.compile(r"[\"“”]")
_INTERVIEW = re.compile(r"\b(?:spoke|talked|sat\s+down|caught\s+up)\s+(?:to|with)\s+(?:the\s+)?"
                        r"(?:series\s+|show['’]s\s+)?(?:showrunner|co-?creator|creator|"
                        r"executive\s+producer|director)\b", re.IGNORECASE)


def _official_quotes(text: str) -> list[tuple[int, int]]:
    """Quoted words whose speaker, named just before the quote, is the platform, the
    studio or the showrunner ("the Prime Video account answered: “Season 2 lands in
    2026”")."""
    out = []
    # an interview with the showrunner: its quoted answers are the showrunner's words
    interview = _INTERVIEW.search(text) is not None
    for para in re.finditer(r"[^\n]+", text):
        if interview and para.group().lstrip()[:1] in ('"', "“"):
            out.append((para.start(), para.end()))
            continue
        marks = [m.start() for m in _QUOTE_MARKS.finditer(text, para.start(), para.end())]
        # marks pair up in order within a paragraph (an odd last one opens no quote)
        for a, b in zip(marks[::2], marks[1::2], strict=False):
            if _OFFICIAL_SPEAKER.search(text, max(para.start(), a - 120), a):
                out.append((a, b + 1))
    return out


# a person the article introduces by an official role: "chief content officer Renata Obi"
# (the role found in a lower-cased copy, where its literal words are quick to scan for)
_OFFICIAL_ROLE = re.compile(
    r"(?:co-?showrunner|showrunner|co-?creator|creator|executive\s+producer|"
    r"chief\s+(?:content|executive|creative|programming)\s+officer|ceo|chief\s+executive|"
    r"president|content\s+chief|programming\s+chief|spokes(?:person|woman|man))\s+")
_PERSON_NAME = re.compile(r"(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+")


def _named_officials_said(text: str) -> list[tuple[int, int]]:
    """What a person introduced by an official role says later, by name: "Obi said it
    will now arrive in the first quarter of 2026" after "chief content officer Renata
    Obi" is the company's word, to the end of the sentence."""
    lower = caseless_copy(text)
    if lower is None:
        return []
    names = set()
    for m in _OFFICIAL_ROLE.finditer(lower):
        if m.start() and (lower[m.start() - 1].isalnum() or lower[m.start() - 1] == "_"):
            continue  # inside a word ("procreator")
        if person := _PERSON_NAME.match(text, m.end()):
            names |= {person.group(), person.group().split()[-1]}
    names -= _NOT_SPEAKERS
    if not names:
        return []
    said = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
                      + r")\s+(?:also\s+)?(?:said|says|told|confirmed|announced|added|"
                      r"explained|revealed|noted)\b")
    out = []
    for m in said.finditer(text):
        end = _SENTENCE_END.search(text, m.end())
        out.append((m.start(), end.end() if end else len(text)))
    return out


_NOT_SPEAKERS = {"Netflix", "The", "Season", "Series", "Show"}
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


_SENTENCE_STOP = re.compile(r"[.!?]['’\"”]?\s")


def _headline_end(text: str) -> int:
    """Where the headline ends: the first line, or the first three non-empty lines when
    they are short (a kicker or dateline may come first: "C-DRAMA NEWS | 22 April 2025")."""
    end, seen = 0, 0
    for m in re.finditer(r"[^\n]*", text[:800]):
        line = m.group()
        if not line.strip():
            continue
        if len(line) > 200:
            if seen:
                return end
            # no headline, a paragraph first: its first sentence stands in for one
            stop = _SENTENCE_STOP.search(line, 60)  # ("It's official!" is none)
            return m.start() + stop.end() if stop else m.end()
        end, seen = m.end(), seen + 1
        if seen == 3:
            break
    return end or len(text)


def _claims_in_sentence(
    index: int,
    s: Sentence,
    triggers: list[Trigger],
    dates: list[TaggedSpan],
    ctx: TitleContext,
    focus: dict[str, int],
    published: date | None,
    topic: Kind | None = None,
    carry: dict[str, int] | None = None,
    group: Sequence[str] = (),
    anchored: frozenset[int] = frozenset(),
    from_label: bool = False,
) -> list[_Draft]:
    carry = carry or {}
    # a finale, one episode or a DVD that "airs" or "comes out" is not the season's premiere
    not_premieres = [t for t in triggers if t.kind is Kind.RELEASE and _NOT_THE_PREMIERE.search(
        s.text, max(0, t.start - 45), t.start)]
    triggers = [t for t in triggers if t not in not_premieres]
    # their dates are theirs, unless the finale only times another step ("a sequel was
    # confirmed after the final episode aired in September 2024")
    finale_dates = [t for t in not_premieres if not re.search(
        r"\b(?:after|following|once|when|as)\s+(?:[\w'’-]+\s+){0,4}$",
        s.text[max(0, t.start - 40):t.start], re.IGNORECASE)]
    if not triggers and not (topic and dates):
        return []
    if any(t.kind is Kind.CANCELLATION for t in triggers):
        # "cancelled after two seasons, so there will be no third season": one piece of news
        triggers = [t for t in triggers if not (t.kind is Kind.RENEWAL and re.match(
            r"(?:there|no)\b", t.text, re.IGNORECASE))]
    bounds = clause_bounds(s.text)
    assigned: dict[int, list[TaggedSpan]] = {i: [] for i in range(len(triggers))}
    for d in dates:
        if _POSTED_ON.search(s.text, max(0, d.start - 40), d.start):
            continue  # "a calendar first posted on Reddit in February": the post's day
        if finale_dates and (nearest := _nearest_trigger(
                d, triggers + finale_dates, bounds, s.text)) is not None and \
                nearest >= len(triggers):
            continue  # "... and this year's finale airs in August": the finale's date
        best = _nearest_trigger(d, triggers, bounds, s.text)
        if topic is not None and (best is None or clause_of(bounds, triggers[best].start)
                                  != clause_of(bounds, d.start)):
            # a Q&A answer ("Our best guess is late 2025") is about the question's kind
            triggers.append(Trigger(topic, d.start, d.start, "", 1))
            assigned[len(triggers) - 1] = [d]
            continue
        if best is not None:
            assigned[best].append(d)
    footage_verbs = _footage_verbs(s.text, triggers)
    for ti, fi in footage_verbs.items():  # "a teaser for X dropped on Monday"
        assigned[fi] += assigned[ti]
        assigned[ti] = []
    out: list[_Draft] = []
    later = ctx.mentions_between(s.start, s.end)
    named = list(dict.fromkeys(t for _a, _b, t in later))  # this sentence's shows, in order
    if not named and group and any(_GROUP.search(s.text, max(0, t.start - 25), t.start)
                                   for t in triggers):
        named = list(group)  # "None of them would premiere before 2027": the last list
    for ti, trig in enumerate(triggers):
        if ti in footage_verbs:
            continue
        title, near = ctx.title_at(s.start + trig.start)
        if later and not any(a < s.start + trig.start for a, _b, _t in later):
            # "Also on the line-up was the second season of Blood Ledger": the sentence
            # names its show after the trigger
            title, near = later[0][2], True
        elif (obj := _season_object(s, ctx, later, trig)) is not None:
            title, near = obj, True  # "After A and B, Netflix will release C season 3"
        if title is None or trig.kind in (Kind.RELEASE, Kind.CANCELLATION, Kind.RENEWAL) \
                and _actor_return(_titles_blanked(s, ctx), trig):
            continue
        if _HABIT.search(s.text, max(0, trig.start - 30), trig.start):
            continue  # "with each season releasing around Christmas": a habit, no claim
        titles = [title]
        if len(named) > 1 and (trig.kind is Kind.SLATE_LISTING or _GROUP.search(
                s.text, max(0, trig.start - 25), trig.start)):
            # "Missing from the line-up are A, B and C", "A, B and C, all three renewed
            # last spring": one claim for each show of the list
            titles, near = named, True
        elif len(assigned[ti]) <= 1 and len(listed := _listed_subject(s, later, trig)) > 1:
            # "A, B and C will return in 2027" (but "A and B premiered in 2022 and 2020"
            # pairs them off, which is not read)
            titles, near = listed, True
        if trig.kind is Kind.SLATE_LISTING and not near and not (
                len(ctx.titles) == 1 and _IT_SUBJECT.match(s.text)):
            continue  # a line-up is about the titles named with it (or "It was missing
            # from Netflix's 2026 preview" in an article about one show)
        if _GENERIC_SEASONS.search(s.text[max(0, trig.start - 60):trig.start]):
            continue  # "each of the last three seasons premiered in June": a habit
        if _not_about_this_season(trig, s, ctx):
            continue
        seasons, explicit, part = _season_for(trig, s, ctx, focus.get(title, 1), bounds,
                                              carry.get(title), from_label)
        if len(titles) > 1 and not explicit:
            # "the second seasons of A, B and C": the list shares the sentence's season;
            # otherwise each show is at its own focus season
            named_seasons = {n for sm in ctx.seasons_between(s.start, s.end)
                             for n in sm.numbers}
            seasons = list(named_seasons) if len(named_seasons) == 1 else [None]
            if seasons != [None]:
                for one in titles:  # later mentions of a listed show mean that season
                    if focus.get(one, 1) == 1:
                        focus[one] = seasons[0]
        if trig.kind is Kind.RELEASE:
            # "will air weeknights until mid-December": the run's end (but "won't air until
            # 2027" is a denial, read as such)
            ends = [t for t in assigned[ti] if _RUN_END.search(s.text, max(0, t.start - 10),
                                                                t.start)]
            if ends and not NEGATION.search(s.text, 0, ends[0].start):
                assigned[ti] = [t for t in assigned[ti] if t not in ends]
                if not assigned[ti]:
                    continue
        spans = assigned[ti] or [None]
        if len(spans) > 1:
            spans = [t for t in spans if not _is_dateline(s.text, t)] or spans
            spans = _close_dates(trig, spans, s.text)
        if trig.kind is Kind.DELAY:
            # "delayed several months due to the strikes last year": the cause's date
            spans = [t for t in spans if t is None or not _CAUSE.search(
                s.text, trig.end, max(trig.end, t.start)) and not (
                t.end <= trig.start and published is not None
                and t.span.end < published)] or [None]
            spans = [_moved_to(t, published) for t in spans]
        if trig.kind is Kind.SLATE_LISTING:
            spans = _slate_spans(trig, spans)
        elif trig.kind in (Kind.RENEWAL, Kind.CANCELLATION) and spans[0] is not None and \
                _CLAUSE_BREAK.search(s.text, trig.end, spans[0].start) and NEGATION.search(
                    s.text, max(0, trig.start - 40), trig.end):
            # "No second season has been confirmed; a decision may come next month": the
            # denial stands undated, the date is the later clause's
            spans = [None, *spans]
        parts = [m for m in ctx.seasons_between(s.start, s.end) if m.part]
        for tagged in spans:
            dec = _modality(trig, tagged, s, bounds, published)
            if dec.modality is None:
                continue
            if len(parts) > 1 and tagged is not None:
                # "Part 1 drops July 3 and Part 2 on July 10": each date has its own part
                part = next((m.part for m in reversed(parts)
                             if m.start < s.start + tagged.start), part)
            if tagged is not None and tagged.start not in anchored and not (
                    trig.kind is Kind.DELAY and _DELAY_TARGET.match(tagged.span.text or "")):
                # (a delay happened, but "pushed back to June" names its new target: the
                # June nearest the article, as the tagger placed it)
                said_then = trig.kind in (Kind.RENEWAL, Kind.CANCELLATION) and bool(
                    _SAID_ON.search(s.text, max(0, tagged.start - 14), tagged.start))
                # ("confirmed on Monday that it will return for a second season": the
                # renewal is the statement, made on the Monday just past)
                tagged = _retense(tagged, Modality.HAPPENED if dec.past_plan or said_then
                                  else dec.modality, published)
            if trig.kind is Kind.DELAY and dec.modality in (Modality.PLANNED,
                                                            Modality.ANNOUNCED):
                # "production is now eyeing a late June start, sources say, a delay of
                # four months": the slip is news of what happened (its date, the new
                # target, placed ahead above); the target is a claim of its own
                dec = replace(dec, modality=Modality.HAPPENED)
            date_seasons, date_explicit = seasons, explicit
            if trig.kind is Kind.RELEASE and tagged is not None and (
                    own := _season_just_before(s, ctx, tagged)) is not None:
                # "Series 1 was first broadcast in September 2021 and series 2 in March
                # 2023": each date has the season named just before it
                date_seasons, date_explicit = [own], True
            for season in date_seasons:
                for one in titles:
                    made = _make(index, s, trig, tagged, dec, one,
                                 focus.get(one, 1) if season is None else season, date_explicit,
                                 part, near, published, triggers, bounds)
                    for d in made:
                        d.trigger = trig.text
                    out.extend(made)
    return out


def _season_just_before(s: Sentence, ctx: TitleContext, tagged: TaggedSpan) -> int | None:
    """The season named right before a date ("... and series 2 in March 2023")."""
    for m in ctx.seasons_between(s.start, s.start + tagged.start):
        if len(m.numbers) == 1 and re.fullmatch(r"\s*(?:(?:followed|arrived|came|premiered|"
                                                 r"aired)\s+)?(?:in|on)?\s*",
                                                 s.text[m.end - s.start:tagged.start]):
            return m.numbers[0]
    # "the first season premiered in October 2021 and the second followed on January 8"
    m = re.search(r"\bthe\s+(\w+)\s+(?:one\s+)?(?:followed|arrived|came\s+out|premiered|aired)"
                  r"\s+(?:in|on)?\s*$", s.text[max(0, tagged.start - 40):tagged.start],
                  re.IGNORECASE)
    return ORDINALS.get(m.group(1).lower()) if m else None


_FOOTAGE_VERB = re.compile(r"(?:drop|releas|debut|arriv|land|launch|premier|went\s+live|"
                           r"came\s+out|is\s+out)", re.IGNORECASE)
_FOOTAGE_GAP = re.compile(r"(?:\s+(?:for|of|from|at)\s+[^,;:]{0,60}?)?\s+(?:(?:has|have|was|were|"
                          r"is|just|finally|officially|also)\s+)*$", re.IGNORECASE)


def _footage_verbs(text: str, triggers: list[Trigger]) -> dict[int, int]:
    """Release verbs whose subject is a teaser or trailer ("a teaser for X dropped on
    Monday"): the footage came out, not the season. Maps each to its footage trigger."""
    out = {}
    for ti, trig in enumerate(triggers):
        if trig.kind is not Kind.RELEASE or not _FOOTAGE_VERB.match(trig.text):
            continue
        before = [j for j, t in enumerate(triggers) if t.kind in (Kind.TEASER, Kind.TRAILER)
                  and t.end <= trig.start]
        if before and _FOOTAGE_GAP.fullmatch(text, triggers[before[-1]].end, trig.start):
            out[ti] = before[-1]
    return out


@dataclass(frozen=True)
class _LineupSection:
    """"## What's on the Disney+ 2027 slate" and "## Not on the slate": each show a
    heading below names is listed in (or absent from) the line-up for `span`."""

    span: DateSpan
    level: int
    absent: bool
    name: str


_ABSENT_HEADING = re.compile(r"\b(?:not\s+on|missing|absent|absences|left\s+off|left\s+out|"
                             r"didn['’]t\s+make|did\s+not\s+make|won['’]t\s+be|snubbed)\b",
                             re.IGNORECASE)


def _heading_level(text: str) -> int:
    m = re.match(r"\s*(#+)", text)
    return len(m.group(1)) if m else 2


def _lineup_section(s: Sentence, triggers: list[Trigger], dates: list[TaggedSpan],
                    current: _LineupSection | None, last_slate: DateSpan | None
                    ) -> _LineupSection | None:
    """The line-up section a heading opens, keeps or closes."""
    level = _heading_level(s.text)
    if not s.text.lstrip().startswith("#"):
        return current  # only Markdown's levels say which headings sit under which
    slate = [t for t in triggers if t.kind is Kind.SLATE_LISTING]
    span = _slate_named(triggers, dates) if slate else None
    if span is not None:
        return _LineupSection(span, level, bool(_ABSENT_HEADING.search(s.text)),
                              s.text.strip("# ").strip())
    if current is not None and level <= current.level:
        if _ABSENT_HEADING.search(s.text):
            return replace(current, level=level, absent=True)
        return None
    return current


def _lineup_item(index: int, s: Sentence, ctx: TitleContext, focus: dict[str, int],
                 lineup: _LineupSection) -> _Draft | None:
    """"### Starling Yard, season 3: January 22, 2027" under a line-up's heading."""
    named = ctx.mentions_between(s.start, s.end)
    if not named:
        return None
    title = named[0][2]
    numbers = [n for sm in ctx.seasons_between(s.start, s.end) for n in sm.numbers]
    claim = Claim(title, numbers[0] if numbers else focus.get(title, 1), Kind.SLATE_LISTING,
                  Modality.DENIED if lineup.absent else Modality.HAPPENED, lineup.span,
                  detail=_slate_detail(lineup.name), quote_span=(s.start, s.end),
                  confidence=0.7)
    return _Draft(claim, True, bool(numbers), index, "line-up heading")


def _slate_named(triggers: list[Trigger], dates: list[TaggedSpan]) -> DateSpan | None:
    """The period of a line-up named in a sentence ("unveiled its 2026 scripted slate"),
    even when no show is named with it: later sentences list its shows."""
    for t in triggers:
        if t.kind is Kind.SLATE_LISTING:
            for d in dates:
                if d.span.precision is Precision.YEAR and -25 <= d.start - t.start <= 25:
                    return d.span
    return None


_GROUP = re.compile(r"\b(?:all\s+(?:three|four|five|of\s+them)|both|each\s+of\s+them|"
                    r"the\s+(?:three|four|five)|none\s+of\s+them)\s+(?:\w+\s+)?$",
                    re.IGNORECASE)


def _season_object(s: Sentence, ctx: TitleContext, mentions: list[tuple[int, int, str]],
                   trig: Trigger) -> str | None:
    """The show named with its season right after the trigger, "will release One Piece
    season 3": the object of the verb, whatever shows the sentence named before it."""
    for a, b, t in mentions:
        if a < s.start + trig.end:
            continue
        if _TO_OBJECT.fullmatch(s.text, trig.end, a - s.start) and any(
                0 <= sm.start - b <= 2 for sm in ctx.seasons_between(b, b + 3)):
            return t
        break
    return None


def _listed_subject(s: Sentence, mentions: list[tuple[int, int, str]], trig: Trigger
                    ) -> list[str]:
    """The shows of a list that is the trigger's subject, "Wednesday, Bridgerton and One
    Piece will all return", "Squid Game and The Witcher are not part of next year's
    schedule", or the object of a renewal or cancellation, "Netflix renewed Wednesday,
    Bridgerton and Emily in Paris". Empty unless the list stands right by the trigger."""
    spans = [(m[0] - s.start, m[1] - s.start, m[2]) for m in mentions]
    before: list[tuple[int, int, str]] = []
    for a, b, t in (x for x in spans if x[1] <= trig.start):
        if before and not _LIST_GAP.fullmatch(s.text, before[-1][1], a):
            before = []
        before.append((a, b, t))
    if len(before) > 1 and _TO_VERB.fullmatch(s.text, before[-1][1], trig.start):
        return list(dict.fromkeys(t for _a, _b, t in before))
    if trig.kind not in (Kind.RENEWAL, Kind.CANCELLATION):
        return []
    after: list[tuple[int, int, str]] = []
    for a, b, t in (x for x in spans if x[0] >= trig.end):
        gap = _LIST_GAP if after else _TO_OBJECT
        if not gap.fullmatch(s.text, after[-1][1] if after else trig.end, a):
            break
        after.append((a, b, t))
    return list(dict.fromkeys(t for _a, _b, t in after)) if len(after) > 1 else []


_TO_OBJECT = re.compile(r"\s+(?:both\s+|the\s+shows\s+|the\s+)?")
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|&\s+)?|\s(?:and|&)\s+)")
# what may stand between a list and its verb: "will all", "are set to", "are not part of"
_TO_VERB = re.compile(r"(?:\s+(?:will|would|are|were|have|has|had|all|both|set|to|not|be|"
                      r"been|also|each|officially|finally|reportedly|part|of|n['’]t|"
                      r"won['’]t|aren['’]t))*\s*")


_GENERIC_SEASONS = re.compile(
    r"\b(?:each|all|both|none|most|the\s+last\s+\w+|the\s+previous|previous|past|earlier|"
    r"other|every)\s+(?:\w+\s+)?(?:of\s+(?:the|its)\s+)?(?:\w+\s+)?seasons\b(?![^.]*?\d)",
    re.IGNORECASE)
_REPORTED = re.compile(r"\b(?:report(?:s|ed|edly)?|according\s+to|sources?|insiders?)\b",
                       re.IGNORECASE)
_HABIT = re.compile(r"\b(?:each|every)\s+(?:new\s+)?(?:season|series|installment)\s+"
                    r"(?:\w+\s+)?$", re.IGNORECASE)
_CAUSE = re.compile(r"\b(?:due\s+to|because\s+of|owing\s+to|caused\s+by|amid)\b(?![^,;]*"
                    r"\b(?:to|until|into)\s)", re.IGNORECASE)
# a sentence whose subject is the season the sentence before named, told in the past
_IT_WAS = re.compile(r"\s*(?:It|That\s+season|The\s+season)\s+(?:was\s+|had\s+)?(?:\w+ly\s+)?"
                     r"(?:started|began|wrapped|finished|premiered|debuted|arrived|aired|"
                     r"filmed|shot|landed|released|delayed|pushed)\b")
_SERIES_DEBUT = re.compile(r"\b(?:since\s+its|(?:since|following|after)\s+the\s+(?:show|series)"
                           r"['’]s?)\s+"
                           r"(?:[\w,]+\s+){0,3}$", re.IGNORECASE)


_RELEASED_BEFORE = re.compile(
    r"\b(?:report|statement|list|poster|photos?|images?|preview|reel|schedule|calendar|"
    r"video|clip|promo|trailer|teaser|line-?up|slate)s?\b(?:[^.;]{0,80}?\b(?:that|which)\s+"
    r"(?:the\s+)?[\w-]+)?\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_RUN_ENDED = re.compile(r"\b(?:ended|wrapped\s+up|concluded|finished)\s+(?:its|their|the)\s+"
                        r"(?:[\w-]+\s+){0,2}?run\b[^.;]*$", re.IGNORECASE)
_DELAY_TARGET = re.compile(r"(?:to|into|until|till)\s", re.IGNORECASE)
_SHOOT_WORD = re.compile(r"\b(?:filming|shooting|production|the\s+shoot|cameras)\b[^.;]*$",
                         re.IGNORECASE)
_RUN_END = re.compile(r"\b(?:until|through|till)\s+(?:the\s+)?$", re.IGNORECASE)
_EVENT_WORDS = re.compile(r"\b(?:panel|convention|festival|screening|presentation|ceremony|"
                          r"awards?|press\s+(?:tour|conference)|showcase|expo|fan\s+meeting|"
                          r"premiere\s+party|red\s+carpet)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|so)\s+|;")
_SHOWS_THAT = re.compile(r"\b(?:shows|series|titles|dramas|programmes|programs|originals)\s+"
                         r"(?:that|which)\s+(?:were|had\s+been|have\s+been|got|are|was)\s+"
                         r"(?:\w+ly\s+|also\s+)?$", re.IGNORECASE)
# a release word naming a kind of show or a page: "80 new and returning series", the
# "coming soon" page
_RELEASE_WORD_AS_NOUN = re.compile(
    r"returning\s+(?:series|shows|favou?rites|dramas|titles|programmes|programs|hits)\b|"
    r"coming\s+soon\b[\"”'’]?\s+(?:page|section|list|row|tab)\b", re.IGNORECASE)
_IT_SUBJECT = re.compile(r"\W*(?:it|the\s+(?:show|series|drama|new\s+season))\s+"
                         r"(?:was|is|has\s+been)\b", re.IGNORECASE)
_RELEASED_THING = re.compile(
    r"\s+(?:(?:its|a|an|the|their|new|first|official|twice-yearly|latest|full|of|open|"
    r"[\w-]+ly)\s+){0,3}"
    r"(?:[\w-]+\s+)?(?:report|statement|data|figures|numbers|list|poster|photos?|images?|"
    r"stills?|key\s+visual|schedule|details|synopsis|titles|song|single|album|book|"
    r"soundtrack|ost|cards?|character\s+posters?|edition|reissue|paperback|casting\s+call|"
    r"campaign|website|app|podcast|contest|competition|petition)\b|"
    # "comes out on Blu-ray and DVD on November 18"
    r"\s+on\s+(?:blu-?ray|dvd|home\s+video|4k|digital\s+download)\b", re.IGNORECASE)
# a viewing window ("1.2 billion hours viewed between January and June 2025") dates the
# figure, not a production step
_FIGURE_NEAR = re.compile(r"\d(?:[\d.,]*)\s*(?:million|billion|m|bn)?\s+(?:views|hours)\b[^.]{0,40}"
                          r"\b(?:between|from|during|through|over|in)\s+$", re.IGNORECASE)


_LIST_MARK = re.compile(r"\d{1,3}[.)]")


def _structured_triggers(sentences: list[Sentence], all_triggers: list[list[Trigger]],
                         ctx: TitleContext) -> dict[int, int]:
    """Triggers that a listing's layout implies, added in place: a Date field under a
    season heading, a schedule table's date column, a history table's step columns.
    Returns the season of each history-table row, by sentence index."""
    dated_table = False  # in a table whose first column is the premiere date
    columns: dict[int, Kind] = {}  # a history table's step columns, by cell index
    season_col: int | None = None
    rows: dict[int, int] = {}
    for i, s in enumerate(sentences):
        if not s.text.startswith("|"):
            if s.text.startswith("#"):
                dated_table, columns, season_col = False, {}, None
            if i and not all_triggers[i] and (m := _DATE_FIELD.match(s.text)) and \
                    _names_a_season_heading(sentences[i - 1], ctx):
                # "### Stormhaven — Season 2" then "**Date:** February 18, 2027": a
                # listing's date field is the premiere
                all_triggers[i] = [Trigger(Kind.RELEASE, m.start(1), m.end(1), m.group(1), 2)]
            continue
        cells = [(c.start(1), c.end(1), c.group(1)) for c in _CELL.finditer(s.text)]
        names = [c[2].strip().lower() for c in cells]
        if _DATE_COLUMN.match(s.text):
            dated_table = True
        elif names and names[0] in ("season", "series", "#"):
            season_col = 0
            columns = {k: kind for k, name in enumerate(names)
                       if (kind := _column_kind(name)) is not None}
        elif season_col is not None and columns and cells and (
                n := _season_number(cells[season_col][2])):
            rows[i] = n
            all_triggers[i] = sorted([*all_triggers[i], *(
                Trigger(columns[k], a, b, text, 3) for k, (a, b, text) in enumerate(cells)
                if k in columns and _HAS_DATE_WORD.search(text))], key=lambda t: t.start)
        elif dated_table and cells and re.search(r"\d", cells[0][2]):
            # "| Thursday, March 5 | Brinewater, season 3 | ...": a date has a number
            all_triggers[i] = sorted([*all_triggers[i], Trigger(Kind.RELEASE, *cells[0], 2)],
                                     key=lambda t: t.start)
    return rows


_CELL = re.compile(r"\|[ \t]*([^|\n]*?)[ \t]*(?=\|)")
_HAS_DATE_WORD = re.compile(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|"
                            r"summer|fall|autumn|winter)", re.IGNORECASE)


def _column_kind(name: str) -> Kind | None:
    """The step a history table's column dates: "Filming began", "Premiere" (not the
    finale's "Last released", nor "Wrap to premiere", a gap)."""
    if re.search(r"\b(?:last|final|finale|ended\s+airing|gap|to|episodes?)\b", name):
        return None
    if re.search(r"\b(?:film|shoot|production)", name):
        if re.search(r"\b(?:wrap|ended|end|finished|completed)", name):
            return Kind.FILMING_WRAP
        if re.search(r"\b(?:beg[au]n|start|began|commenced|rolled)", name):
            return Kind.FILMING_START
        return None
    if re.search(r"\b(?:premiere[ds]?|released?|first\s+(?:aired|released)|aired|debut(?:ed)?|"
                 r"release\s+date)\b", name):
        return Kind.RELEASE
    if re.search(r"\brenew(?:ed|al)\b", name):
        return Kind.RENEWAL
    return None


def _season_number(cell: str) -> int | None:
    m = re.fullmatch(r"\s*(?:season|series|s)?\s*(\d{1,2})\s*", cell, re.IGNORECASE)
    return int(m.group(1)) if m else None


_DATE_COLUMN = re.compile(r"\|\s*(?:date|premiere(?:\s+date)?|release(?:\s+date)?|returns|"
                          r"airs|streaming\s+from|arrives|when)\s*\|", re.IGNORECASE)
_DATE_FIELD = re.compile(r"[\s*_>-]*(date|window|returns?|premieres?|arrives?|expected)"
                         r"[*_]*\s*:", re.IGNORECASE)


def _names_a_season_heading(s: Sentence, ctx: TitleContext) -> bool:
    """Is the sentence a section heading that names a show's season ("### X — Season 2";
    not the article's own headline, "How Tin Harbor season 2 was made")?"""
    return s.text.startswith("##") and bool(ctx.seasons_between(s.start, s.end)) and bool(
        ctx.mentions_between(s.start, s.end))


_BULLET = re.compile(r"\s*(?:[-*•]|\d{1,3}[.)])\s")
_LEADING_NAME = re.compile(
    r"(?:(?:A|An|The)\s+)?(?P<first>[A-Z][\w'’-]*)(?:\s+(?:(?:of|the|a|an|and|in|on|to|"
    r"for)\s+)*[A-Z][\w'’-]*)*:?\s+(?:has|have|had|is|was|were|will|would|got|gets|could|"
    r"may|might|finally|officially|just|also)\b")
_GENERIC_OPENERS = frozenset(
    "it its this that these those they season seasons production filming shooting netflix "
    "hbo max disney apple amazon prime hulu peacock paramount the fans viewers".split())


def _foreign_subject(s: Sentence, ctx: TitleContext) -> bool:
    """Does the sentence open with a name that is not a tracked title ("A League of Their
    Own has been canceled")? Tracked titles are mentions; generic openers are not names."""
    m = _LEADING_NAME.match(s.text)
    if m is None or m["first"].lower() in _GENERIC_OPENERS:
        return False
    return not ctx.mentions_between(s.start, s.start + m.end())


# a Title-Case name (not a tracked title: those are blanked) right before a premiere verb
_OTHER_SHOW = re.compile(
    r"(?:^|[:;,.]\s+|\b(?:while|and|as|but)\s+)(?!(?:A|An|The|This|Its|Their)\s+$)"
    r"(?:[A-Z][\w'’-]*\s+(?:(?:of|the|a|an|and|in|on|"
    r"to|for)\s+)*){1,6}(?:[A-Z][\w'’-]*\s+)?$")


def _not_about_this_season(trig: Trigger, s: Sentence, ctx: TitleContext) -> bool:
    """A step word that says nothing of the season's own step: "Netflix released its
    engagement report", "the list of series that the streamer put out in January", "80
    new and returning series", "two shows that were cancelled last year", "A Knight of the
    Seven Kingdoms debuted ..." (another, untracked show)."""
    before = s.text[max(0, trig.start - 60):trig.start]
    if trig.kind in (Kind.CANCELLATION, Kind.RENEWAL):
        return bool(_SHOWS_THAT.search(s.text, max(0, trig.start - 60), trig.start))
    if trig.kind is not Kind.RELEASE:
        return False
    return bool(_RELEASED_THING.match(s.text, trig.end)
                or _RELEASE_WORD_AS_NOUN.match(s.text, trig.start)
                or _RELEASED_BEFORE.search(s.text, 0, trig.start)
                or _OTHER_SHOW.search(before) and not ctx.mentions_between(
                    s.start + trig.start - 60, s.start + trig.start))


def _titles_blanked(s: Sentence, ctx: TitleContext) -> str:
    """The sentence with its shows' names blanked: "Copper Bay is set to return" has no
    person in it, though its title looks like a name."""
    chars = list(s.text)
    for a, b, _t in ctx.mentions_between(s.start, s.end):
        for i in range(a, min(b, s.end)):
            chars[i - s.start] = " "
    return "".join(chars)


def _actor_return(sentence: str, trig: Trigger) -> bool:
    """"Kang Tae-oh ... is also confirmed to return": a person returns, not the show;
    "Hugh Carrow, who played …, will not return for the new season": a person leaves."""
    head = _PLATFORM_NAME.sub("", sentence[max(0, trig.start - 80):trig.start])
    if trig.kind is Kind.CANCELLATION and re.match(r"(?:will\s+not|won['’]t)\s+",
                                                   trig.text, re.IGNORECASE) or (
            trig.kind is Kind.RENEWAL and re.match(r"(?:will\s+)?return", trig.text,
                                                   re.IGNORECASE)):
        # (a person "does not return for season 3": no order denied)
        return bool(re.search(r"\b(?:he|she|they|actors?|actress(?:es)?|stars?|cast\s+members?|"
                              r"co-stars?|who\s+play(?:s|ed))\b", head, re.IGNORECASE) or
                    _PERSON_JUST_BEFORE.search(head))
    if trig.kind is not Kind.RELEASE or not re.match(r"(?:return|com\w*\s+back|back)",
                                                      trig.text, re.IGNORECASE):
        return False
    return bool(re.search(r"\b(?:he|she|they|his|her|actor|actress|star|cast|co-star)\b|"
                          r"\b[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?\b(?=[^.]*$)", head)) and not \
        re.search(r"\b(?:season|series|show|drama)\b", head, re.IGNORECASE)


_PLATFORM_NAME = re.compile(rf"\b{PLATFORMS}\b", re.IGNORECASE)  # "Prime Video" is no person
# "Kim Tae-ri will not return": a person's name right before the verb
_PERSON_JUST_BEFORE = re.compile(r"(?:^|[.,;:]\s*|\band\s+)[A-Z][a-z]+(?:[ -][A-Z]?[a-z]+)*\s+"
                                 r"[A-Z][a-z]+(?:-[a-z]+)?\s+$")


def _speech_adjacent(text: str, d: TaggedSpan, after: bool = True) -> bool:
    """"said in December", "confirmed Friday": the date is the statement's. (A period
    before the attribution, "… for Christmas 2026, she said", is what was said.)"""
    return bool(_SPEECH.search(text[max(0, d.start - 12):d.start]) or
                after and _SPEECH.search(text[d.end:d.end + 12]) or
                _OPENS_A_STATEMENT.match(text, d.end) and not text[:d.start].strip(" \t*-"))


# "Last month, Netflix announced that ...": a sentence opened by the day of a statement
_OPENS_A_STATEMENT = re.compile(r",\s+(?:[\w+’'-]+\s+){1,3}?(?:announced|confirmed|revealed|"
                                r"said|told)\b", re.IGNORECASE)


def _nearest_trigger(d: TaggedSpan, triggers: list[Trigger], bounds, text: str) -> int | None:
    best, best_score = None, float("inf")
    dclause = clause_of(bounds, d.start)
    # "Netflix today announced", "the streamer confirmed Friday": the day of the
    # announcement dates only what the announcement itself is (a renewal, a trailer)
    speech = _speech_adjacent(text, d, after=d.span.width_days <= 7)
    prep = bool(re.search(r"\b(?:in|on|by|since|until|for|from|during|to|into|of|before|after|"
                          r"around|through|till|ahead\s+of)\s+(?:the\s+)?$",
                          text[max(0, d.start - 8):d.start], re.IGNORECASE))
    # "This Week's Renewals", "this year's premiere": a date in the possessive names the
    # words after it, not a verb before it
    possessive = bool(re.match(r"['’]s\b", text[d.end:d.end + 3]))
    for i, t in enumerate(triggers):
        if possessive and not d.end <= t.start <= d.end + 40:
            continue
        if speech and t.kind not in _ANNOUNCEMENT_KINDS and not (
                t.past_form or re.search(r"\b(?:has|have)\s+(?:\w+\s+)?$",
                                         text[max(0, t.start - 20):t.start])):
            continue
        if t.start <= d.start < t.end or d.start <= t.start < d.end:
            score = 0.0  # the date sits inside the trigger ("its 2026 K-drama line-up")
        elif t.end <= d.start:
            score = d.start - t.end
        else:
            gap = t.start - d.end
            score = gap * 0.6 if gap <= 20 or speech and t.kind in _SAID_KINDS \
                else gap * 1.5  # ("confirmed on Monday that [a long name] will return
            # for a second season": what was said, however long its subject)
            if prep:
                score += 50  # "renewed the show in November 2023, filming was ...": the
                # date after a preposition belongs to the verb before it
        if clause_of(bounds, t.start if t.end else d.start) != dclause:
            score += 40
        if score < best_score:
            best, best_score = i, score
    return best if best_score < 260 else None


def _moved_to(t: TaggedSpan | None, published: date | None) -> TaggedSpan | None:
    """"postponed from July 2024 to January 2025" was read as a run (its start month, as
    a shoot's run is dated); a delay is dated by where it moved to."""
    m = t and re.match(r"from\s.+?\s(?:to|until|till|into)\s+(?P<to>.+)$", t.span.text or "",
                       re.IGNORECASE)
    if not m:
        return t
    found = find_datespans(m["to"], published)
    if not found:
        return t
    return TaggedSpan(t.start, t.end, replace(found[-1].span, text=m["to"]))


def _close_dates(trig: Trigger, spans: list[TaggedSpan], text: str) -> list[TaggedSpan]:
    """A trigger keeps several dates only when they form a run ("Part 1 on August 6 and
    Part 2 on September 3"), not a far-off date of another remark ("... that year")."""
    spans = sorted(spans, key=lambda t: abs(t.start - trig.end))
    keep = [spans[0]]
    for t in spans[1:]:
        if _ANAPHOR.match(t.span.text or "") or _RUN_ENDED.search(
                text, max(0, t.start - 50), t.start):
            continue  # "... and was a hit that year": a second date by reference only;
            # "premiered on January 8 and ended its run in March": the finale's
        if min(abs(t.start - k.end) for k in keep + [
                TaggedSpan(trig.start, trig.end, keep[0].span)]) <= 50:
            keep.append(t)
    return sorted(keep, key=lambda t: t.start)


def _slate_spans(trig: Trigger, spans: list) -> list:
    """A line-up is dated by the year in its name ("Netflix's 2026 K-drama line-up")."""
    inside = [t for t in spans if t is not None and trig.start <= t.start < trig.end]
    if inside:
        return inside[:1]
    years = [t for t in spans if t is not None and t.span.precision is Precision.YEAR]
    return years[:1] or spans[:1]


_AND = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)", re.IGNORECASE)


def _season_for(trig: Trigger, s: Sentence, ctx: TitleContext, focus: int, bounds,
                carried: int | None = None, from_label: bool = False
                ) -> tuple[list[int], bool, int | None]:
    """Season numbers the trigger is about, whether stated, and a "Part N" if any.

    Without a season in the sentence, a later season named in the sentence before
    ("... pre-production on a third season. Filming was planned for summer") carries
    over, and any season a label before names (`from_label`: "**X, season 4 (Peacock):
    February 5.** The comedy returns on February 5"); otherwise the article's focus
    season applies."""
    if trig.kind is Kind.CANCELLATION:
        m = re.search(r"\bafter\s+(\w+)\s+seasons\b", s.text, re.IGNORECASE)
        n = m and (int(m.group(1)) if m.group(1).isdigit() else WORD_NUMBERS.get(
            m.group(1).lower()))
        if n:
            return [n + 1], True, None
    if trig.kind is Kind.RENEWAL and (more := _MORE_SEASONS.match(s.text, trig.end)):
        n = int(more["n"]) if more["n"].isdigit() else WORD_NUMBERS.get(more["n"].lower(), 1)
        return [focus + k for k in range(1, n + 1)], True, None  # "renewed for two more"
    if carried and carried > focus and trig.kind in (
            Kind.PREPRODUCTION, Kind.FILMING_START, Kind.FILMING_WRAP, Kind.CASTING,
            Kind.ADDITIONAL_FILMING):
        focus = carried  # production news of a later season continues across sentences
    elif carried and from_label and trig.kind not in (Kind.RENEWAL, Kind.CANCELLATION):
        focus = carried
    elif carried and _IT_WAS.match(s.text) and trig.kind in (
            Kind.FILMING_START, Kind.FILMING_WRAP, Kind.RELEASE, Kind.DELAY):
        focus = carried  # "Season 2 was a different story. It started filming in November"
    if trig.kind is Kind.RELEASE and (_SERIES_DEBUT.search(
            s.text[max(0, trig.start - 40):trig.start]) or re.search(
            r"\bseries\s+$", s.text[max(0, trig.start - 10):trig.start], re.IGNORECASE)
            and re.match(r"premiere|debut", trig.text, re.IGNORECASE)):
        return [1], True, None  # "since its 2022 debut", "the series premiere"
    if trig.kind is Kind.RELEASE and (re.search(r"\b(?:first|originally)\s+$", s.text[
            max(0, trig.start - 12):trig.start], re.IGNORECASE) and re.match(
            r"(?:debut|premier|aired|launched|arrived|bowed)", trig.text, re.IGNORECASE)
            or re.match(r"(?:started|began)\s+streaming", trig.text, re.IGNORECASE)) and \
            not ctx.seasons_between(s.start, s.end):
        # "“Stranger Things” first debuted in July of 2016", "In December 2020, Alice in
        # Borderland started streaming": the show's start
        return [1], True, None
    for m in _PARENS.finditer(s.text) if "(" in s.text else ():  # "similar to the first
        # (filming finished in March 2023 and the show released in April 2024)"
        if m.start() <= trig.start < m.end():
            before = s.text[max(0, m.start() - 30):m.start()]
            if _THE_FIRST.search(before):
                return [1], True, None
            if _THE_LAST.search(before) and focus > 1:
                return [focus - 1], True, None
    asides = [(m.start(), m.end()) for m in _ASIDE.finditer(s.text)
              if not m.start() <= trig.start < m.end()]
    local = [m for m in ctx.seasons_between(s.start, s.end) if not any(
        a <= m.start - s.start < b for a, b in asides)]
    tclause = clause_of(bounds, trig.start)
    pos = s.start + trig.start
    part = None
    same_clause = [m for m in local if clause_of(bounds, m.start - s.start) == tclause
                   and m.start - (s.start + trig.end) <= (40 if trig.text else 0)]
    before = [m for m in local if m.start < pos]
    if trig.kind is Kind.RENEWAL and (m := re.search(r"\ba\s+(\w+)$", trig.text)) and (
            n := ORDINALS.get(m.group(1).lower())):
        return [n], True, None  # "Prime Video has not yet ordered a third"
    if trig.kind is Kind.RENEWAL and re.search(r"\bnot\s.*\b(?:one|another)$", trig.text) and \
            (carried is None or carried <= focus) and not ctx.seasons_between(s.start, s.end):
        return [focus + 1], False, None  # "the network has not commissioned one": a next
    if trig.kind is Kind.RENEWAL:
        # only a season tied to the renewal ("renewed for a third season", "Season 3
        # renewal"), not "renewed ... two months before the third season debuted"
        # (or "renewed The Tallow Line for a third season": the show's name in between)
        tied = [m for m in local if (0 <= m.start - (s.start + trig.end) <= 30 and re.match(
            r"\W*(?:\w+\s+){0,2}?(?:for|with)?\s*(?:both\s+)?(?:a|an|its|the)?\s*$",
            s.text[trig.end:m.start - s.start])) or (0 <= m.start - (s.start + trig.end) <= 60
                                                     and re.match(
            r"\s+(?:(?:[A-Z][\w'’&:-]*|of|the|and|in)\s+){1,6}?(?:for|with)\s+(?:a|an|its)\s*$",
            s.text[trig.end:m.start - s.start])) or (0 <= pos - m.end <= 25)
                or m.start <= pos < m.end or pos <= m.start < s.start + trig.end]
        if tied:
            m = tied[0]
            numbers = list(m.numbers)
            for nxt in (x for x in local if x.start > m.start):
                # "renewed for season 3 and season 4": both seasons are ordered
                if not (numbers and nxt.numbers and _AND.fullmatch(
                        s.text, m.end - s.start, nxt.start - s.start)):
                    break
                numbers += [n for n in nxt.numbers if n not in numbers]
                m = nxt
            return numbers or [_relative(m, focus)], bool(numbers), None
        return [focus], False, None
    for group in (same_clause, before):
        numbered = [m for m in group if m.numbers or m.relative]
        if not numbered:
            continue
        m = min(numbered, key=lambda m: abs(m.start - pos) * (1 if m.start < pos else 1.3))
        for p in group:
            if p.part and p.start < pos:
                part = p.part
        if m.numbers:
            return list(m.numbers), True, part
        return [_relative(m, focus)], m.relative == "previous", part
    return [focus], from_label and carried == focus, part  # (a label states its season)


# "it has been renewed for two more seasons": the two after the article's season
_MORE_SEASONS = re.compile(r"\s+(?:\w+\s+){0,2}?for\s+(?:an?\s+)?(?P<n>two|three|four|2|3|4)\s+"
                           r"(?:more|additional|further)\s+seasons\b", re.IGNORECASE)
_PARENS = re.compile(r"\([^()]*\)")
# a parenthesis about the season named right before it
_THE_FIRST = re.compile(r"\b(?:the\s+first(?:\s+season|\s+one)?|season\s+(?:one|1))\s*$",
                        re.IGNORECASE)
_THE_LAST = re.compile(r"\b(?:the\s+)?(?:previous|last|prior)\s+(?:season|one)\s*$",
                       re.IGNORECASE)
# subordinate asides whose season mentions are not the claim's subject:
# ", where the first installment was shot,", "given that the first season spent ..."
_ASIDE = re.compile(r",\s*(?:where|which|who|when|whose|unlike|like|just\s+as|pointing\s+out|"
                    r"noting|citing)\b[^,;]*[,;]?|"
                    r"\b(?:given\s+(?:that|how)|because|since|although|though|as\s+with)\b"
                    r"[^,;]*[,;]|\([^)]*\)", re.IGNORECASE)


def _relative(m: SeasonMention, focus: int) -> int:
    return max(1, focus - 1) if m.relative == "previous" else focus


# "in the fall" names no year: which fall depends on the tense, so it cannot decide it
_BARE_SEASON = re.compile(r"^(?:in\s+)?the\s+(?:spring|summer|fall|autumn|winter)$", re.I)


_LEADING_UNTIL = re.compile(r"(?:(?:until|till|before|not\s+before)\s+)?", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"\b(\w+)\s+(?:the\s+)?['‘\"“]?$")
_FIRST_WORD = re.compile(r"(\w+)\s")


def _introduced_by(sentence: str, tagged: TaggedSpan, words: frozenset[str]) -> bool:
    """Is the date introduced by one of `words`: the word before it ("dated for March",
    "until 'late April 2021'", "until the spring") or, as the tagger sometimes takes it
    into the span, its own first word ("until April")?"""
    first = _FIRST_WORD.match(tagged.span.text or "")
    before = _WORD_BEFORE.search(sentence, 0, tagged.start)
    return any(m is not None and m.group(1).lower() in words for m in (first, before))


_TARGET_WORDS = frozenset({"for", "to", "until", "till", "by"})  # "dated for March"
_END_WORDS = frozenset({"until", "till", "through", "into"})  # "rolling until June"
_RUN_WORDS = frozenset({"from", "between"})  # "filmed from January 5 to April 20"
_DELAY_TIME_WORDS = frozenset({"in", "on", "during", "since", "after", "amid", "by"})
_CAUSE_BEFORE = re.compile(r"\b(?:due|owing|thanks)\s+to\s+(?:the\s+)?$", re.IGNORECASE)
_MONTH_WORD = r"(?:" + "|".join(m[:3] for m in MONTHS_LONG) + r")[a-z]*\.?"
_MONTH_TO_MONTH = re.compile(rf"between\s+{_MONTH_WORD}\s+and\s+{_MONTH_WORD}", re.IGNORECASE)
_DAY_TO_DAY = re.compile(rf"\b{_MONTH_WORD}\s+\d{{1,2}}\b.*\b{_MONTH_WORD}\s+\d{{1,2}}\b",
                         re.IGNORECASE)


_GOVERNING_PAST = re.compile(
    r"\b(?:handed|gave|granted|awarded|received|earned|landed|secured|scored|got|held|hosted|"
    r"completed|finished)\s+"
    r"(?:[\w'’-]+\s+){0,4}?(?:an?|its|the|their)\s+(?:[\w-]+\s*){0,2}$", re.IGNORECASE)


def _modality(trig: Trigger, tagged: TaggedSpan | None, s: Sentence, bounds, published
              ) -> ModalityDecision:
    text = s.text
    tclause = clause_of(bounds, trig.start)
    group = _GROUP.search(text, max(tclause[0], trig.start - 25), trig.start)
    if group:  # ", all three renewed last spring": the list's own clause starts here
        tclause = (group.start(), tclause[1])
    lo = tclause[0]
    hi = tclause[1]
    if tagged is not None:
        dclause = clause_of(bounds, tagged.start)
        lo, hi = min(lo, dclause[0]), max(hi, dclause[1])
        cut = max(trig.end, tagged.end)
    else:
        cut = trig.end
    clause = text[lo:min(hi, cut + 15)]
    # "Hulu handed the series a third-season order in March", "held its script reading in
    # late May": the verb's tense is the noun's
    past_form = trig.past_form or bool(_GOVERNING_PAST.search(text[tclause[0]:trig.start]))
    date_past = date_future = None
    if (tagged is not None and published is not None and trig.kind is not Kind.SLATE_LISTING
            and _BARE_SEASON.search(tagged.span.text or "") is None):
        span = tagged.span
        date_past = True if span.end < published else (False if span.start > published
                                                       else None)
        date_future = True if span.start > published else (False if span.end < published
                                                           else None)
        if past_form and not _YEARLESS.search(span.text or "") and \
                not _introduced_by(text, tagged, _TARGET_WORDS):
            # "Filming began in May": a yearless date was placed ahead of the article by
            # default, but the verb's tense places it (`_retense` moves it back); "dated
            # for March" is a target, and stays ahead
            date_past = date_future = None
        elif date_past and not _YEARLESS.search(span.text or "") and FUTURE.search(
                text[tclause[0]:trig.start][-40:] + " " + trig.text):
            # "Will Return in Autumn", written in February: the tagger placed the bare
            # season in the autumn just gone, but the verb looks ahead
            date_past = date_future = None
    return decide(
        clause=clause,
        before_trigger=text[tclause[0]:trig.start],
        sentence=text,
        # the tagger may take "until" into the date ("until April"): it belongs before it
        before_date=(text[lo:tagged.start] + _LEADING_UNTIL.match(tagged.span.text or "")
                     .group()) if tagged is not None else "",
        trigger_past=past_form,
        trigger_nominal=trig.nominal,
        date_past=date_past,
        date_future=date_future,
        trigger_text=trig.text,
        after_trigger=text[trig.end:tclause[1]],
        whole_clause=text[lo:hi],
        kind=trig.kind.value,
        trailing=text[cut:],  # ", the streamer confirmed Friday": attribution after the claim
        today=tagged is not None and published is not None
        and tagged.span.start == tagged.span.end == published,
        date_now=date_past is None and date_future is None and tagged is not None
        and published is not None and tagged.span.start <= published <= tagged.span.end,
    )


def _make(index, s, trig, tagged, dec, title, season, explicit, part, near, published,
          triggers, bounds) -> list[_Draft]:
    span = tagged.span if tagged is not None else None
    conf = 0.55 + (0.15 if span else 0) + (0.1 if explicit else 0) + \
        (0.1 if dec.explicit else 0) + (0.05 if near else -0.05)
    if trig.text == "":
        conf -= 0.15  # kind inherited from a Q&A question
    qs = (s.start + min(trig.start, tagged.start if tagged else trig.start),
          s.start + max(trig.end, tagged.end if tagged else trig.end))
    qs = (s.start, s.end) if trig.text == "" else (
        min(qs[0], s.start + trig.start), max(qs[1], s.start + trig.end))
    detail = f"Part {part}" if part and trig.kind is Kind.RELEASE else None
    if trig.kind is Kind.SLATE_LISTING:
        detail = _slate_detail(s.text[trig.start:trig.end])
    location = None
    if trig.kind in (Kind.FILMING_START, Kind.ADDITIONAL_FILMING, Kind.FILMING_WRAP):
        location = find_location(s.text, trig.end)
    subject = None
    if trig.kind in (Kind.CAST_WRAP, Kind.CASTING):
        from seasoncast.extract.cast import person_near
        subject = person_near(s.text, trig.start)
    modality = dec.modality
    if trig.kind is Kind.RENEWAL and modality is Modality.ANNOUNCED and not trig.nominal and (
            span is None or published is None or span.start <= published):
        modality = Modality.HAPPENED  # "Netflix confirmed a second season": the renewal
    if (span is not None and modality is not Modality.HAPPENED
            and trig.kind in (Kind.CANCELLATION, Kind.RENEWAL)
            and _speech_adjacent(s.text, tagged)):
        span = None  # "denied on Wednesday a report that ...": the day of the denial
    if span is not None and published is not None and modality in (
            Modality.EXPECTED, Modality.RUMORED) and span.end < published:
        return []  # an old prediction ("they said it would film in 2023"), not news
    if (span is not None and published is not None and modality is Modality.DENIED
            and trig.kind is not Kind.SLATE_LISTING and span.start < published <= span.end):
        # "won't premiere this year" denies only what is left of the year
        span = DateSpan(published, span.end, span.precision, span.text)
    drafts: list[_Draft] = []
    kind = trig.kind
    if kind is Kind.FILMING_START and tagged is not None and not (
            modality is Modality.DENIED and dec.until) and _introduced_by(
            s.text, tagged, _END_WORDS):
        kind = Kind.FILMING_WRAP  # "kept cameras rolling until June 2024"
    base = Claim(title=title, season=season, kind=kind, modality=modality, date=span,
                 subject=subject, detail=detail, location=location, quote_span=qs,
                 confidence=min(0.97, max(0.05, conf)))
    if (modality is Modality.DENIED and span is not None and dec.until and published
            and re.match(r"(?:the\s+)?end\s+of\b", span.text or "", re.IGNORECASE)
            and re.search(r"\bbefore\s*$", s.text[:tagged.start], re.IGNORECASE)
            and published <= span.end):
        # "not before the end of 2025": denied from now to that end, nothing affirmed (at
        # most a year of it: said in early 2024, it is 2025 that is ruled out)
        start = max(published, span.end - timedelta(days=MAX_WIDTH[Precision.YEAR] - 1))
        denied = DateSpan(start, span.end, infer_precision(start, span.end), span.text)
        return [_Draft(replace(base, date=denied), True, explicit, index)]
    if modality is Modality.DENIED and span is not None and dec.until:
        # "won't release until 2027": denied up to 2027, and 2027 itself expected
        if published is not None and span.end < published:
            # "didn't debut until November 23, 2022", written later: it happened then
            drafts.append(_Draft(replace(base, modality=Modality.HAPPENED), True, explicit,
                                 index))
            return drafts
        denied = _before(span, published)
        if denied is not None:
            drafts.append(_Draft(replace(base, date=denied), True, explicit, index))
        positive = Modality.ANNOUNCED if re.search(r"\bconfirm|\bannounc|\bofficial",
                                                  s.text, re.I) else Modality.PLANNED if \
            _REPORTED.search(s.text) else Modality.EXPECTED  # (a report's word is a plan)
        drafts.append(_Draft(replace(base, modality=positive), True, explicit, index))
        return drafts
    if (kind is Kind.FILMING_START and span is not None and span.width_days >= 7
            and _DAY_TO_DAY.search(span.text or "") and _introduced_by(s.text, tagged,
                                                                    _RUN_WORDS)):
        # "cameras rolled from January 5 to April 20": the first day is the start, the
        # last the wrap
        first, last = DateSpan.day(span.start, span.text), DateSpan.day(span.end, span.text)
        drafts.append(_Draft(replace(base, date=first), dec.explicit, explicit, index))
        drafts.append(_Draft(replace(base, kind=Kind.FILMING_WRAP, date=last), dec.explicit,
                             explicit, index))
        return drafts
    if (kind is Kind.FILMING_START and span is not None and span.start.month != span.end.month
            and _MONTH_TO_MONTH.match(span.text or "")):
        # "cameras rolled between March and July 2026": a shoot from one month to another
        first = DateSpan.month(span.start.year, span.start.month)
        last = DateSpan.month(span.end.year, span.end.month)
        drafts.append(_Draft(replace(base, date=replace(first, text=span.text)), dec.explicit,
                             explicit, index))
        drafts.append(_Draft(replace(base, kind=Kind.FILMING_WRAP, date=replace(
            last, text=span.text)), dec.explicit, explicit, index))
        return drafts
    drafts.append(_Draft(base, dec.explicit, explicit, index))
    if (trig.kind is Kind.DELAY and span is not None and (tagged.start >= trig.end or (
            tagged.end > trig.end and _DELAY_TARGET.match(span.text or "")))
            and not (trig.text and tagged.start - trig.end < 30
                     and _introduced_by(s.text, tagged, _DELAY_TIME_WORDS))
            and not _CAUSE_BEFORE.search(s.text, max(0, tagged.start - 30), tagged.start)):
        # "delays pushed filming to 2025": the delayed step is now planned for 2025 (but
        # "halted in January" dates the halt, and "delayed due to the 2023 strikes" names
        # its cause)
        other = [t for t in triggers if t.kind not in (Kind.DELAY, Kind.SLATE_LISTING)
                 and (t.start < trig.start or trig.end <= t.start < tagged.start)]
        inner = find_triggers(trig.text, exclude=(Kind.DELAY, Kind.SLATE_LISTING))
        other = inner or other
        if not other and _DELAY_TARGET.match(span.text or "") and _SHOOT_WORD.search(
                s.text[max(0, trig.start - 60):trig.start]):
            # "Filming on series three has been pushed back to November"
            other = [Trigger(Kind.FILMING_START, trig.start, trig.end, trig.text, 1)]
        if not other and (re.search(r"\b(?:season|series|show|episodes|premiere|release|it)\b|"
                                    r"['’\"”]", s.text[:tagged.start], re.IGNORECASE)
                          or re.match(r"new\s+(?:target|release|premiere|window)", trig.text,
                                      re.IGNORECASE)):
            # "pushed the second season into 2027": the premiere moved
            other = [Trigger(Kind.RELEASE, trig.start, trig.end, trig.text, 1)]
        if other:
            k = other[-1].kind
            mod = Modality.ANNOUNCED if re.search(r"\bconfirm|\bannounc|\bofficial", s.text,
                                                  re.I) else Modality.PLANNED
            if modality in (Modality.EXPECTED, Modality.RUMORED):
                mod = modality  # a hoped-for or rumoured new date is no plan
            drafts.append(_Draft(replace(base, kind=k, modality=mod), True, explicit, index))
    return drafts


def _before(span: DateSpan, published: date | None) -> DateSpan | None:
    """The span a "not until X" denies: the period of X's width just before X."""
    end = span.start - timedelta(days=1)
    width = span.width_days
    start = end - timedelta(days=width - 1)
    months = {Precision.MONTH: 1, Precision.QUARTER: 3, Precision.SEASON: 3,
              Precision.HALF: 6, Precision.YEAR: 12}.get(span.precision)
    if months and span.start.day == 1:  # the calendar period before: "late 2027" -> H1
        i = span.start.year * 12 + span.start.month - 1 - months
        start = date(i // 12, i % 12 + 1, 1)
    if published is not None and published > start:
        start = published
    if end < start:
        return None
    try:
        return DateSpan(start, end, span.precision, span.text)
    except DateSpanError:
        return None


def _slate_detail(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.strip())


def _not_after(d: _Draft, published: date | None) -> _Draft:
    """What happened happened by the day it was reported: "confirmed this week that
    production has re-commenced" is Monday to the article's day, not the whole week."""
    span = d.claim.date
    if (d.claim.modality is Modality.HAPPENED and span is not None and published is not None
            and span.start <= published < span.end and span.precision is Precision.DAYS):
        d.claim = replace(d.claim, date=DateSpan(span.start, published, Precision.DAYS,
                                                 span.text))
    return d


_FIRST_TV_YEAR = 1936  # the first regular television service: no season is older


def _clean(drafts: list[_Draft], published: date | None) -> list[Claim]:
    """Drop duplicates, undated echoes of dated claims and unsupported undated claims."""
    keep: dict[tuple, _Draft] = {}
    for d in drafts:
        c = d.claim
        if c.kind is Kind.SLATE_LISTING and c.modality is Modality.RUMORED:
            continue  # a line-up is official; a "leaked calendar" is a rumoured release
        if c.date is not None and c.date.end.year < _FIRST_TV_YEAR:
            continue  # "created the character in 1905": the book's, not a season's
        if c.date is None and c.kind is Kind.FILMING_START and not re.search(
                r"\b(?:is|are)\b|underway|rolling", d.trigger):
            continue  # "14 months after filming started": a reference point, not news
        if c.date is None and not (c.kind in _UNDATED_OK and c.modality is Modality.HAPPENED
                                   or c.kind in (Kind.CANCELLATION, Kind.RENEWAL)
                                   and c.modality in (Modality.DENIED, Modality.RUMORED)):
            continue  # "has not been cancelled" is news; "won't air" without a date is not
        key = (c.title.lower(), c.season, c.kind, c.modality,
               (c.date.start, c.date.end) if c.date else None, c.subject)
        old = keep.get(key)
        if old is None or (d.explicit_season, c.confidence) > (old.explicit_season,
                                                               old.claim.confidence):
            keep[key] = d
    out = list(keep.values())
    dated = {(d.claim.title.lower(), d.claim.season, d.claim.kind, d.claim.modality)
             for d in out if d.claim.date is not None}
    out = [d for d in out if d.claim.date is not None or (
        d.claim.title.lower(), d.claim.season, d.claim.kind, d.claim.modality) not in dated]
    # a weaker account of a dated claim yields to a stronger one with the same span: a
    # default modality to a cue-backed one, a reported plan to the official announcement,
    # the writer's "should wrap in late April" to the reported plan it restates
    out = _yield_to(out, lambda d: not d.explicit_modality, lambda d: d.explicit_modality)
    out = _yield_to(out, lambda d: d.claim.modality is Modality.PLANNED,
                    lambda d: d.claim.modality is Modality.ANNOUNCED)
    out = _yield_to(out, lambda d: d.claim.modality is Modality.EXPECTED,
                    lambda d: d.claim.modality in (Modality.ANNOUNCED, Modality.PLANNED,
                                                   Modality.HAPPENED))
    # a coarse span that only restates a finer one of the same claim ("in February"
    # after "mid-February 2026"; "premiered March 7, 2024 … a hit of that year") is
    # dropped: a year named outright may be a plan of its own, but not a second account
    # of what happened
    groups: dict[tuple, list[_Draft]] = {}
    for d in out:
        if d.claim.date is not None:
            groups.setdefault((d.claim.title, d.claim.season, d.claim.kind,
                               d.claim.modality, d.claim.detail), []).append(d)
    out = [d for d in out if d.claim.date is None or not any(
        o is not d and d.claim.date.contains(o.claim.date) and d.claim.date.width_days >
        o.claim.date.width_days and (d.claim.modality is Modality.HAPPENED or (
            d.claim.date.precision is not Precision.YEAR
            and not re.search(r"(?:19|20)\d\d", d.claim.date.text or "")))
        for o in groups[(d.claim.title, d.claim.season, d.claim.kind, d.claim.modality,
                         d.claim.detail)][:50])]
    out.sort(key=lambda d: d.claim.quote_span or (0, 0))
    return [d.claim for d in out]


def _yield_to(drafts: list[_Draft], weaker, stronger) -> list[_Draft]:
    """Drop the dated `weaker` drafts that a `stronger` draft states for the same title,
    season, kind and span."""
    def key(d: _Draft) -> tuple:
        c = d.claim
        return c.title.lower(), c.season, c.kind, (c.date.start, c.date.end)

    strong = {key(d) for d in drafts if d.claim.date is not None and stronger(d)}
    return [d for d in drafts if d.claim.date is None or not weaker(d) or key(d) not in strong]


# the order a season's steps happen in, for placing a day given without its year
_STEP_ORDER = {Kind.RENEWAL: 0, Kind.PREPRODUCTION: 1, Kind.FILMING_START: 2,
               Kind.FILMING_WRAP: 3, Kind.RELEASE: 4}


def _a_year_earlier(span: DateSpan) -> DateSpan:
    def back(day: date) -> date:
        return day.replace(year=day.year - 1,
                           day=min(day.day, calendar.monthrange(day.year - 1, day.month)[1]))
    end = back(span.end)
    if span.start != span.end and span.end.day == calendar.monthrange(
            span.end.year, span.end.month)[1]:  # a month's end stays the month's end
        end = end.replace(day=calendar.monthrange(end.year, end.month)[1])
    return replace(span, start=back(span.start), end=end)


def _in_production_order(claims: list[Claim]) -> list[Claim]:
    """"On April 22, Apple renewed the show ... Filming began on January 13, 2025": a
    step told without its year was placed in the last such month before the article,
    April 2025, after the filming it led to. A step dated by its year elsewhere in the
    article puts it back a year (or two) so that the renewal comes before the shoot."""
    fixed = {(c.title, c.season, c.kind): c.date for c in claims
             if c.modality is Modality.HAPPENED and c.date is not None and c.kind in
             _STEP_ORDER and re.search(r"(?:19|20)\d\d", c.date.text or "")}
    out = []
    for c in claims:
        d = c.date
        if (c.modality is Modality.HAPPENED and d is not None and c.kind in _STEP_ORDER
                and not _YEARLESS.search(d.text or "") and _MONTH_OR_SEASON.search(
                    d.text or "") and d.width_days <= 31):
            later = [f for (t, n, k), f in fixed.items() if t == c.title and n == c.season
                     and _STEP_ORDER[k] > _STEP_ORDER[c.kind]]
            for _ in range(2):
                if not any(d.start > f.end for f in later):
                    break
                d = _a_year_earlier(d)
            c = replace(c, date=d) if not any(d.start > f.end for f in later) else c
        out.append(c)
    return out


_FORWARD = {Modality.ANNOUNCED, Modality.PLANNED, Modality.EXPECTED, Modality.RUMORED}


def _previous_season_fix(claims: list[Claim], drafts: list[_Draft]) -> list[Claim]:
    """A past premiere in an article about an unreleased season is the previous
    season's ("The series premiered November 23, 2022" in a Season 2 renewal story), and
    a premiere still to come, for a season the article says has premiered, is the next
    one's ("A release in the first half of next year is being discussed" after a
    paragraph about the first season)."""
    implicit = {id(d.claim) for d in drafts if not d.explicit_season}
    upcoming: set[tuple[str, int]] = set()
    for c in claims:
        if c.modality is not Modality.HAPPENED or c.kind in (Kind.RENEWAL, Kind.FILMING_START,
                                                             Kind.FILMING_WRAP, Kind.DELAY):
            upcoming.add((c.title, c.season))
    released = {(c.title, c.season) for c in claims if c.kind is Kind.RELEASE and
                c.modality is Modality.HAPPENED and id(c) not in implicit}
    # the days named seasons premiered on: "premiered in October 2022 ... season two
    # arrived in April 2024" puts the first premiere before season two's, in season one
    premiered = {(c.title, c.season): c.date.start for c in claims
                 if c.kind is Kind.RELEASE and c.modality is Modality.HAPPENED and c.date
                 and id(c) not in implicit}
    out = []
    for c in claims:
        if (c.kind is Kind.RELEASE and c.modality is Modality.HAPPENED and id(c) in implicit
                and c.season and c.season > 1 and (c.title, c.season) in upcoming
                and (c.title, c.season) not in released):
            n = c.season - 1
            while n > 1 and c.date and (c.title, n) in premiered and \
                    c.date.end < premiered[(c.title, n)]:
                n -= 1
            c = replace(c, season=n)
        elif (c.kind is Kind.RELEASE and c.modality in _FORWARD and id(c) in implicit
              and c.season and (c.title, c.season) in released):
            c = replace(c, season=c.season + 1)
        out.append(c)
    # the fix may create duplicates
    seen, uniq = set(), []
    for c in out:
        key = (c.title, c.season, c.kind, c.modality, c.date.start if c.date else None,
               c.date.end if c.date else None)
        if key not in seen:
            seen.add(key)
            uniq.append(c)
    dated = {(c.title, c.season, c.kind, c.modality) for c in uniq if c.date}
    return [c for c in uniq if c.date or (c.title, c.season, c.kind, c.modality) not in dated]
