"""Reconciling many sources' claims about one season into one timeline.

Rules, in the order a careful editor applies them:
- claims about the same milestone (kind) and the same state (what happened, what is
  planned, what is rumoured) are grouped; within a group the best-sourced and most precise
  claim leads and the others are kept as corroboration or, if their dates disagree, as a
  visible conflict;
- a plan (planned/announced/expected) is superseded by a later-known report of the same
  milestone (it happened, or a newer plan, or a delay);
- the status is derived from the strongest evidence as of the given day, together with
  the claim that justifies it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from seasoncast.datespan import MAX_WIDTH, DateSpan
from seasoncast.model import Event, Kind, Modality, Status, Tier

TierOf = Callable[[str], Tier]

# the production order of milestones, for sorting a timeline
STAGE_ORDER = [Kind.RENEWAL, Kind.PREPRODUCTION, Kind.CASTING, Kind.FILMING_START,
               Kind.ADDITIONAL_FILMING, Kind.CAST_WRAP, Kind.FILMING_WRAP, Kind.DELAY,
               Kind.SLATE_LISTING, Kind.TEASER, Kind.TRAILER, Kind.RELEASE, Kind.CANCELLATION]
PLAN_MODALITIES = {Modality.PLANNED, Modality.ANNOUNCED, Modality.EXPECTED, Modality.RUMORED}


def default_tier(url: str) -> Tier:
    """The credibility tier of a URL, from the editable domain mapping when available."""
    try:
        from seasoncast.ingest.tiers import tier_for
    except ImportError:  # pragma: no cover - the ingest package is optional here
        return Tier.NEWS
    return tier_for(url)


@dataclass
class TimelineEntry:
    """One milestone as the timeline shows it: the leading claim and the others."""

    lead: Event
    tier: Tier
    corroborating: list[Event] = field(default_factory=list)
    conflicting: list[Event] = field(default_factory=list)
    superseded_by: Event | None = None

    @property
    def kind(self) -> Kind:
        return self.lead.kind

    @property
    def modality(self) -> Modality:
        return self.lead.modality

    @property
    def sources(self) -> list[str]:
        urls = [self.lead.source_url]
        for e in (*self.corroborating, *self.conflicting):
            if e.source_url not in urls:
                urls.append(e.source_url)
        return urls

    @property
    def superseded(self) -> bool:
        return self.superseded_by is not None

    def to_dict(self) -> dict:
        return {
            "kind": self.lead.kind.value,
            "modality": self.lead.modality.value,
            "date": self.lead.date.to_dict() if self.lead.date else None,
            "known_on": self.lead.known_on.isoformat(),
            "note": self.lead.note,
            "tier": self.tier.label,
            "sources": self.sources,
            "superseded": self.superseded,
            "superseded_by": _brief(self.superseded_by) if self.superseded_by else None,
            "conflicts": [_brief(e) for e in self.conflicting],
        }


def _brief(e: Event) -> dict:
    return {"kind": e.kind.value, "modality": e.modality.value,
            "date": e.date.to_dict() if e.date else None, "source_url": e.source_url,
            "known_on": e.known_on.isoformat()}


@dataclass
class Timeline:
    title: str
    season: int
    as_of: date
    entries: list[TimelineEntry]
    status: Status
    status_reason: Event | None

    @property
    def current(self) -> list[TimelineEntry]:
        return [e for e in self.entries if not e.superseded]

    def latest_milestone(self) -> TimelineEntry | None:
        done = [e for e in self.current if e.modality is Modality.HAPPENED and e.lead.date]
        return max(done, key=lambda e: (e.lead.date.end, STAGE_ORDER.index(e.kind)),
                   default=None)

    def to_dict(self) -> dict:
        return {
            "title": self.title, "season": self.season, "as_of": self.as_of.isoformat(),
            "status": self.status.value,
            "status_reason": _brief(self.status_reason) if self.status_reason else None,
            "entries": [e.to_dict() for e in self.entries],
        }


def _precision_rank(e: Event) -> int:
    return MAX_WIDTH[e.date.precision] if e.date else 10_000


def _group_key(e: Event) -> tuple:
    return (e.kind, e.modality)


def reconcile_timeline(title: str, season: int, events: Iterable[Event], as_of: date,
                       tier_of: TierOf = default_tier) -> Timeline:
    """Fold the season's events known by `as_of` into one timeline."""
    known = [e for e in events if e.known_on <= as_of]
    groups: dict[tuple, list[Event]] = defaultdict(list)
    for e in known:
        groups[_group_key(e)].append(e)
    entries: list[TimelineEntry] = []
    for group in groups.values():
        entries.extend(_entries_for_group(group, tier_of))
    _mark_superseded(entries)
    entries.sort(key=_sort_key)
    status, reason = derive_status(known, as_of)
    return Timeline(title, season, as_of, entries, status, _leading(reason, entries))


def leading_report(reason: Event | None, events: Iterable[Event],
                   tier_of: TierOf = default_tier) -> Event | None:
    """The report the timeline leads with for the milestone `reason` reports: the status
    names the latest report, which may be a worse-sourced one in conflict with the lead
    (a wrap on February 18 from one outlet, February 19 in the timeline)."""
    if reason is None:
        return None
    group = [e for e in events if _group_key(e) == _group_key(reason)]
    return _leading(reason, _entries_for_group(group, tier_of))


def _leading(reason: Event | None, entries: list[TimelineEntry]) -> Event | None:
    for entry in entries:
        if reason is entry.lead or any(reason is e for e in
                                       (*entry.corroborating, *entry.conflicting)):
            return entry.lead
    return reason


def _entries_for_group(group: list[Event], tier_of: TierOf) -> list[TimelineEntry]:
    """Cluster a group by agreeing dates; each cluster is one entry, disagreeing ones
    become conflicts of the better-sourced entry."""
    ranked = sorted(group, key=lambda e: (-tier_of(e.source_url), _precision_rank(e),
                                          e.known_on))
    clusters: list[TimelineEntry] = []
    for e in ranked:
        home = next((c for c in clusters if _agree(c.lead, e)), None)
        if home is None:
            clusters.append(TimelineEntry(lead=e, tier=tier_of(e.source_url)))
        else:
            home.corroborating.append(e)
    if group and group[0].modality is Modality.HAPPENED and len(clusters) > 1:
        # two reports of the same fact with different dates: one entry, conflict visible
        lead = clusters[0]
        for other in clusters[1:]:
            if other.lead.kind in (Kind.CASTING, Kind.CAST_WRAP, Kind.TEASER, Kind.TRAILER,
                                   Kind.SLATE_LISTING, Kind.ADDITIONAL_FILMING, Kind.DELAY):
                continue
            lead.conflicting.append(other.lead)
            lead.conflicting.extend(other.corroborating)
        clusters = [c for c in clusters if c is lead or c.lead not in lead.conflicting]
    return clusters


def _agree(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None:
        return a.date is None and b.date is None or a.kind in (Kind.RENEWAL,
                                                                 Kind.CANCELLATION)
    # the vaguer report agrees when it contains the precise one
    return a.date.contains(b.date) or b.date.contains(a.date)


def _mark_superseded(entries: list[TimelineEntry]) -> None:
    """A plan gives way to a later-known report of the same milestone."""
    by_kind: dict[Kind, list[TimelineEntry]] = defaultdict(list)
    for e in entries:
        by_kind[e.kind].append(e)
    delays = sorted((e for e in entries if e.kind is Kind.DELAY), key=lambda e: e.lead.known_on)
    for kind, items in by_kind.items():
        if kind in (Kind.SLATE_LISTING, Kind.CASTING, Kind.CAST_WRAP, Kind.DELAY):
            continue
        for plan in items:
            if plan.modality not in PLAN_MODALITIES:
                continue
            later = [o for o in items if o is not plan and o.lead.known_on > plan.lead.known_on
                     and o.modality in (Modality.HAPPENED, Modality.ANNOUNCED, Modality.PLANNED)
                     and _stronger_or_equal(o.modality, plan.modality)]
            happened = [o for o in items if o.modality is Modality.HAPPENED
                        and o.lead.known_on >= plan.lead.known_on]
            candidates = happened or later
            if not candidates:
                later_delays = [d for d in delays if d.lead.known_on >= plan.lead.known_on
                                and plan.lead.date and d.lead.date
                                and d.lead.date.start > plan.lead.date.end]
                if later_delays:
                    plan.superseded_by = later_delays[0].lead
                continue
            newest = max(candidates, key=lambda o: o.lead.known_on)
            if newest.lead.date and plan.lead.date and newest.lead.date.same_dates(
                    plan.lead.date) and newest.modality is plan.modality:
                continue
            plan.superseded_by = newest.lead


_STRENGTH = {Modality.HAPPENED: 5, Modality.ANNOUNCED: 4, Modality.PLANNED: 3,
             Modality.EXPECTED: 2, Modality.RUMORED: 1, Modality.DENIED: 0}


def _stronger_or_equal(a: Modality, b: Modality) -> bool:
    return _STRENGTH[a] >= _STRENGTH[b]


def _sort_key(e: TimelineEntry) -> tuple:
    d = e.lead.date.start if e.lead.date else e.lead.known_on
    return (d, STAGE_ORDER.index(e.kind), e.lead.known_on)


def derive_status(events: Iterable[Event], as_of: date) -> tuple[Status, Event | None]:
    """Where the season stands on `as_of`, and the event that shows it."""
    known = [e for e in events if e.known_on <= as_of]

    def latest(kind: Kind, *modalities: Modality, started: bool = True) -> Event | None:
        hits = [e for e in known if e.kind is kind and e.modality in modalities
                and (not started or e.date is None or e.date.start <= as_of)]
        return max(hits, key=lambda e: e.known_on, default=None)

    # a season that premiered is out, even when its show was then ended with it
    if ev := latest(Kind.RELEASE, Modality.HAPPENED):
        return Status.RELEASED, ev
    if ev := latest(Kind.CANCELLATION, Modality.HAPPENED, Modality.ANNOUNCED):
        return Status.CANCELLED, ev
    dates = [e for e in known if e.kind is Kind.RELEASE and e.modality is Modality.ANNOUNCED
             and e.date is not None and e.date.precision.value in ("day", "days")
             and not e.later_part]
    if upcoming := [e for e in dates if e.date.end >= as_of]:
        return Status.SCHEDULED, max(upcoming, key=lambda e: e.known_on)
    if dates:
        # an official date gone by with no delay reported since: most likely the premiere
        # happened and the news has not been read yet, not a season back in the edit
        last = max(dates, key=lambda e: e.known_on)
        if not any(e.kind is Kind.DELAY and e.known_on >= last.known_on for e in known):
            return Status.SCHEDULED, last
    if ev := latest(Kind.FILMING_WRAP, Modality.HAPPENED):
        return Status.POST_PRODUCTION, ev
    started = latest(Kind.FILMING_START, Modality.HAPPENED)
    # a trailer after cameras rolled means editing is under way (teasers are too often
    # script-reading clips or renewal announcements to say so)
    ev = latest(Kind.TRAILER, Modality.HAPPENED)
    if ev and started and (ev.date or DateSpan.day(ev.known_on)).end >= (
            started.date.start if started.date else started.known_on):
        return Status.POST_PRODUCTION, ev
    if started:
        return Status.FILMING, started
    for kind in (Kind.ADDITIONAL_FILMING, Kind.CAST_WRAP):
        if ev := latest(kind, Modality.HAPPENED):
            return Status.FILMING, ev
    for kind in (Kind.PREPRODUCTION, Kind.CASTING):
        if ev := latest(kind, Modality.HAPPENED, Modality.ANNOUNCED):
            return Status.PREPRODUCTION, ev
    if ev := latest(Kind.RENEWAL, Modality.HAPPENED, Modality.ANNOUNCED, started=False):
        return Status.ANNOUNCED, ev
    # no renewal on file: the official word that the season is coming (a window, a
    # line-up) is what shows it was announced
    for kind in (Kind.RELEASE, Kind.SLATE_LISTING):
        if ev := latest(kind, Modality.ANNOUNCED, Modality.HAPPENED, started=False):
            return Status.ANNOUNCED, ev
    return Status.ANNOUNCED, None


def season_in_the_news(numbers: Iterable[int], events: Iterable[Event], on: date) -> int | None:
    """The season news of day `on` most likely means when it gives no number ("the final
    season of Outer Banks"): the first tracked season after the last one to premiere by
    then. None when no such season is tracked — the article may be about the latest
    one or a new one, and a guess either way would file claims under the wrong season."""
    premiered = [e.season for e in events if e.kind is Kind.RELEASE
                 and e.modality is Modality.HAPPENED and e.known_on <= on
                 and e.date is not None and e.date.start <= on]
    last = max(premiered, default=0)
    return min((n for n in numbers if n > last), default=None)
