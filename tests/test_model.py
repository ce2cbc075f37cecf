"""The domain model: vocabulary exactly as the interface contract, JSON shapes."""

from datetime import date

from seasoncast.datespan import DateSpan, Precision
from seasoncast.model import (
    CastCredit,
    CastStatus,
    Claim,
    Kind,
    Modality,
    Source,
    Tier,
    Title,
    Viewership,
)


def test_vocabulary_matches_the_contract():
    assert [k.value for k in Kind] == [
        "renewal", "preproduction", "casting", "filming_start", "filming_wrap",
        "additional_filming", "cast_wrap", "teaser", "trailer", "release", "delay",
        "cancellation", "slate_listing"]
    assert [m.value for m in Modality] == ["happened", "announced", "planned", "expected",
                                           "rumored", "denied"]
    assert [p.value for p in Precision] == ["day", "days", "part_of_month", "month",
                                            "quarter", "season", "half", "year"]
    assert [s.value for s in CastStatus] == ["returning", "new", "leaving"]


def test_claim_json_round_trip():
    claim = Claim("All of Us Are Dead", 2, Kind.FILMING_WRAP, Modality.PLANNED,
                  DateSpan.part_of_month(2026, 2, "mid", "mid-February 2026"),
                  quote_span=(1234, 1301), confidence=0.86,
                  source=Source("https://example.org/a", tier=Tier.FAN))
    d = claim.to_dict()
    assert d["date"] == {"start": "2026-02-11", "end": "2026-02-20",
                         "precision": "part_of_month", "text": "mid-February 2026"}
    assert d["quote_span"] == [1234, 1301] and d["subject"] is None
    back = Claim.from_dict(d)
    assert (back.kind, back.modality, back.date, back.quote_span) == (
        claim.kind, claim.modality, claim.date, claim.quote_span)


def test_cast_and_viewership_shapes():
    c = CastCredit("Seo Ji Hoon", CastStatus.NEW, known_for=("Prison Playbook",))
    assert c.to_dict()["status"] == "new" and c.to_dict()["known_for"] == ["Prison Playbook"]
    v = Viewership("All of Us Are Dead", 1, "views", 55_500_000.0,
                   DateSpan.days(date(2022, 1, 28), date(2022, 2, 3)))
    assert v.to_dict()["value"] == 55500000 and v.to_dict()["period"]["precision"] == "days"


def test_tiers_order_official_first():
    assert Tier.OFFICIAL > Tier.TRADE > Tier.NEWS > Tier.FAN > Tier.SOCIAL
    assert Title("Squid Game", aliases=("오징어 게임",)).all_names == ("Squid Game",
                                                                    "오징어 게임")
