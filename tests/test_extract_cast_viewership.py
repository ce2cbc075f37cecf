"""Cast and viewership extraction on short articles written for these tests."""

from datetime import date

from seasoncast.extract import extract_document
from seasoncast.extract.cast import normalize_person
from seasoncast.model import CastStatus

CAST = """Moonwell Season 2 Adds Two, Loses One

Moonwell Season 2 is filming now. Han Seo-ri returns as Cha Min-ji, while Oh Dae-hyun is
back as the detective Baek Ji-ho. The returning ensemble also includes Kim Na-rae, Lomi,
and Park Tae-jun, reprising their roles. Newcomer Jeon Woo-sol (Night Market Diaries) joins
as a rival pharmacist, and Lila Grant, known for Harbor Row, is on board as Dr. Evans.
Ryu Ha-na, who played Min-ji's sister in the first season, will not return.
"""


def _cast(text=CAST):
    out = extract_document(text, published=date(2025, 5, 1))
    return {c.person: c for c in out.cast}, out


def test_korean_names_are_normalised():
    assert normalize_person("Park Ji-hu") == "Park Ji Hu"
    assert normalize_person("Park Ji Hu") == "Park Ji Hu"
    assert normalize_person("Catherine Zeta-Jones") == "Catherine Zeta-Jones"


def test_cast_statuses():
    cast, out = _cast()
    assert cast["Han Seo Ri"].status is CastStatus.RETURNING
    assert cast["Han Seo Ri"].character == "Cha Min Ji"
    assert cast["Oh Dae Hyun"].status is CastStatus.RETURNING
    for name in ("Kim Na Rae", "Lomi", "Park Tae Jun"):
        assert cast[name].status is CastStatus.RETURNING, name
    assert cast["Jeon Woo Sol"].status is CastStatus.NEW
    assert cast["Jeon Woo Sol"].known_for == ("Night Market Diaries",)
    assert cast["Lila Grant"].status is CastStatus.NEW
    assert cast["Lila Grant"].known_for == ("Harbor Row",)
    assert cast["Ryu Ha Na"].status is CastStatus.LEAVING
    assert "Baek Ji Ho" not in cast and "Cha Min Ji" not in cast  # characters, not actors
    assert out.name_variants["Han Seo-ri"] == "Han Seo Ri"
    assert all(c.title == "Moonwell" and c.season == 2 for c in out.cast)


def test_viewership_with_premiere_period():
    text = ("Copper Bay Season 2 is coming. The first season premiered on March 7, 2025 and "
            "logged 41.2 million views in its first 91 days. Between July 2025 and "
            "December 2025 it added another 12 million views.")
    out = extract_document(text, published=date(2026, 1, 5))
    views = {v.value: v for v in out.viewership}
    first = views[41_200_000]
    assert first.season == 1 and first.metric == "views"
    assert (first.period.start, first.period.end) == (date(2025, 3, 7), date(2025, 6, 5))
    later = views[12_000_000]
    assert (later.period.start, later.period.end) == (date(2025, 7, 1), date(2025, 12, 31))


def test_viewership_hours_and_month_premiere():
    text = ("Glass Orchard Season 3 is in production. Season 2 debuted in May 2024 and drew "
            "1.1 billion hours viewed in its first 28 days.")
    out = extract_document(text, published=date(2025, 2, 1))
    v = out.viewership[0]
    assert v.metric == "hours" and v.value == 1_100_000_000 and v.season == 2
    assert (v.period.start, v.period.end) == (date(2024, 5, 1), date(2024, 5, 28))
    assert v.to_dict()["period"]["precision"] == "days"


def test_a_month_that_is_a_given_name_starts_a_name():
    from datetime import date

    from seasoncast.extract import extract_document

    e = extract_document("Dust Road season 2 news\n\nMarco Diaz and June Okafor are both "
                         "returning, and May Calamawy joins the cast. Filming began in June "
                         "2024.\n", published=date(2025, 9, 3))
    assert {(c.person, c.status.value) for c in e.cast} == {
        ("Marco Diaz", "returning"), ("June Okafor", "returning"), ("May Calamawy", "new")}
