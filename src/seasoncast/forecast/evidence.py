"""What was known about a season on a given day, in the terms the model uses.

The model measures time from the most advanced production *stage* reached (the previous
season's premiere, renewal, filming start, wrap, first trailer or teaser, the announcement
of a release window) and then folds in *evidence* about the premiere itself (official
windows and dates, reported plans, slate listings and absences, rumours).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from seasoncast.datespan import DateSpan
from seasoncast.model import Event, Kind, Modality

STAGES = ["prev_premiere", "renewal", "filming_start", "filming_wrap", "trailer",
          "window_announced"]
STAGE_WORDS = {
    "prev_premiere": "previous season premiered",
    "renewal": "renewed or ordered",
    "filming_start": "filming started",
    "filming_wrap": "filming wrapped",
    "trailer": "first teaser or trailer out",
    "window_announced": "release window announced",
}
DAY_PRECISIONS = ("day", "days")


@dataclass(frozen=True)
class PassedPromise:
    """An official date, window or line-up listing whose time has passed with neither
    the premiere nor a delay reported since (see `SeasonState.passed_unreported`)."""

    span: DateSpan
    event: Event
    kind: str  # "official_date", "official_window" or "slate_listed": its hit rate's key

    @property
    def words(self) -> str:
        return {"official_date": "official premiere date",
                "official_window": "official release window",
                "slate_listed": "official line-up listing"}[self.kind]

    def is_about(self, e: Event) -> bool:
        """Whether `e` (a timeline's leading report, say) states this promise."""
        return e.kind in (Kind.RELEASE, Kind.SLATE_LISTING) and e.date is not None and (
            e.date.start, e.date.end) == (self.span.start, self.span.end)


@dataclass
class SeasonState:
    """A season as seen on `as_of`: its stages, and the evidence about its premiere."""

    title: str
    season: int
    as_of: date
    released: date | None = None
    cancellation: Event | None = None  # the report that the season will not be made
    stages: dict[str, date] = field(default_factory=dict)
    stage_events: dict[str, Event] = field(default_factory=dict)
    planned: dict[str, tuple[DateSpan, Event]] = field(default_factory=dict)
    official_date: tuple[DateSpan, Event] | None = None
    official_window: tuple[DateSpan, Event] | None = None
    reported_release: tuple[DateSpan, Event] | None = None
    slate_listed: list[tuple[DateSpan, Event]] = field(default_factory=list)
    slate_denied: list[tuple[DateSpan, Event]] = field(default_factory=list)
    release_denied: list[tuple[DateSpan, Event]] = field(default_factory=list)
    rumours: list[Event] = field(default_factory=list)
    delays: list[Event] = field(default_factory=list)
    footage: list[tuple[date, Event]] = field(default_factory=list)  # teasers, trailers
    first_reported: date | None = None  # the first report of this season, of any kind

    @property
    def cancelled(self) -> bool:
        """Cancelled and not premiered (a final season that aired is not cancelled)."""
        return self.cancellation is not None and self.released is None

    @property
    def passed_unreported(self) -> PassedPromise | None:
        """The official premiere date or, failing one, the newest official window or
        line-up listing, when its time has passed with neither the premiere nor a delay
        reported since it was made. Such promises hold about nine times in ten, so the
        likelier story is a premiere that the data have not caught up with."""
        if self.released is not None:
            return None
        if self.official_date is not None:
            newest = PassedPromise(*self.official_date, "official_date")
        else:
            made = [PassedPromise(*x, "official_window") for x in [self.official_window]
                    if x is not None] + [PassedPromise(*x, "slate_listed")
                                         for x in self.slate_listed[-1:]]
            newest = max(made, key=lambda x: x.event.known_on, default=None)
        if newest is None or newest.span.end >= self.as_of or any(
                d.known_on >= newest.event.known_on for d in self.delays):
            return None
        return newest

    @property
    def stage(self) -> str | None:
        """The most advanced stage reached."""
        for name in reversed(STAGES):
            if name in self.stages:
                return name
        return None

    @property
    def group(self) -> str:
        """pre_wrap, post_wrap or post_window: what kind of knowledge a forecast had, for
        calibration and for reporting backtest scores by stage."""
        if self.official_date is not None or self.official_window is not None:
            return "post_window"
        if "filming_wrap" in self.stages:
            return "post_wrap"
        return "pre_wrap"


    @property
    def calibration_group(self) -> str:
        """`group`, with forecasts that had an official date apart from those that had
        only a window: a date's forecast is nearly a point, a window's is spread out,
        and one map for both fits neither."""
        if self.official_date is not None and self.official_date[0].end >= self.as_of:
            return "post_date"
        return self.group


def _mid(span: DateSpan) -> date:
    return span.midpoint


def season_state(events: list[Event], season: int, as_of: date) -> SeasonState:
    """Read a season's state from all events of its title known by `as_of`."""
    known = [e for e in events if e.known_on <= as_of]
    title = events[0].title if events else ""
    st = SeasonState(title=title, season=season, as_of=as_of)
    own = [e for e in known if e.season == season]
    prev = [e for e in known if e.season == season - 1 and e.kind is Kind.RELEASE
            and e.modality is Modality.HAPPENED and e.date]
    if prev:
        first = min(prev, key=lambda e: e.date.start)
        st.stages["prev_premiere"] = first.date.start
        st.stage_events["prev_premiere"] = first
    for e in sorted(own, key=lambda e: e.known_on):
        _read(st, e)
    if own:
        st.first_reported = min(e.known_on for e in own)
    # footage released before cameras rolled (a renewal teaser) or a teaser during the
    # shoot (a script-reading clip) says nothing about post-production: the stage is the
    # first footage that does
    wrap, start = st.stages.get("filming_wrap"), st.stages.get("filming_start")
    for when, e in sorted(st.footage, key=lambda x: x[0]):
        if (wrap is not None and when >= wrap) or (
                e.kind is Kind.TRAILER and start is not None and when >= start):
            st.stages["trailer"], st.stage_events["trailer"] = when, e
            break
    return st


def _read(st: SeasonState, e: Event) -> None:
    k, m, span = e.kind, e.modality, e.date
    if k is Kind.CANCELLATION and m in (Modality.HAPPENED, Modality.ANNOUNCED):
        st.cancellation = e
    elif k is Kind.RELEASE:
        _read_release(st, e)
    elif k is Kind.DELAY:
        st.delays.append(e)
    elif k is Kind.SLATE_LISTING and span:
        if m is Modality.DENIED:
            st.slate_denied.append((span, e))
        elif m in (Modality.ANNOUNCED, Modality.HAPPENED):
            st.slate_listed.append((span, e))
    elif m is Modality.HAPPENED:
        # a first season's order (or a later season's writers' room) starts the clock
        # as a renewal does; a renewal reported earlier still counts first
        stage = {Kind.RENEWAL: "renewal", Kind.PREPRODUCTION: "renewal",
                 Kind.FILMING_START: "filming_start", Kind.FILMING_WRAP: "filming_wrap",
                 Kind.TRAILER: "trailer", Kind.TEASER: "trailer"}.get(k)
        if stage is None:
            return
        when = _mid(span) if span else e.known_on
        when = min(when, e.known_on)
        if stage == "trailer":  # which footage counts is decided once all is read
            st.footage.append((when, e))
        elif stage == "renewal":  # the first report of a renewal counts
            st.stages.setdefault(stage, when)
            st.stage_events.setdefault(stage, e)
        elif stage not in st.stages:
            st.stages[stage] = when
            st.stage_events[stage] = e
    elif m in (Modality.PLANNED, Modality.ANNOUNCED) and span and k in (
            Kind.FILMING_START, Kind.FILMING_WRAP):
        st.planned[k.value] = (span, e)  # the newest plan wins (events come oldest first)


def _read_release(st: SeasonState, e: Event) -> None:
    m, span = e.modality, e.date
    if m is Modality.HAPPENED and span:
        if st.released is None or span.start < st.released:
            st.released = span.start
    elif span is None or e.later_part:
        return  # "Part 2 on July 10" dates a later part, not the premiere
    elif m is Modality.ANNOUNCED:
        if span.precision.value in DAY_PRECISIONS:
            st.official_date = (span, e)
        else:
            st.official_window = (span, e)
        if span.end < st.as_of:
            # the window passed without a premiere: it no longer dates the season, so
            # the model falls back to the production stage reached
            st.stages.pop("window_announced", None)
            st.stage_events.pop("window_announced", None)
        elif span.precision.value not in DAY_PRECISIONS:
            st.stages.setdefault("window_announced", e.known_on)
            st.stage_events.setdefault("window_announced", e)
    elif m is Modality.PLANNED:
        st.reported_release = (span, e)
    elif m is Modality.DENIED:
        st.release_denied.append((span, e))
    elif m is Modality.RUMORED:
        st.rumours.append(e)
    elif m is Modality.EXPECTED and st.reported_release is None:
        pass  # the writer's own guess is not evidence
