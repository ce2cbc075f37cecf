"""Claim extraction on short articles written for these tests."""

from datetime import date

from seasoncast.extract import extract_document
from seasoncast.model import Kind, Modality, Title

ARTICLE = """Tidewater Season 3: Everything We Know

Tidewater was a surprise hit when it premiered in March 2023, and the streamer renewed
the coastal mystery for a third season in June 2024. The original plan called for
filming to begin in late 2024, but scheduling conflicts pushed it back to 2025.

Filming finally kicked off in April 2025 in Halifax. The shoot is set to wrap in
mid-October 2025, according to the production company. Lead actor Marcus Reyes has
already wrapped his part.

Fans on Reddit are convinced the show will return in March 2026. We think a summer 2026
premiere is more likely. Tidewater is not on the network's 2026 preview slate, and the
show won't return until 2027, insiders say.
"""


def _claims(text=ARTICLE, published=date(2025, 9, 1), **kw):
    out = extract_document(text, published=published, **kw)
    return {(c.season, c.kind, c.modality, c.date.start if c.date else None,
             c.date.end if c.date else None) for c in out.claims}, out


COPPER_BAY = [Title("Copper Bay", (), None, None)]


def _in_short_article(sentence, title, published, known_titles=()):
    """(season, kind, modality, start, end) of one sentence in a short article on a show."""
    got, _ = _claims(f"{title} news\n\n{sentence}\n", published=published,
                     known_titles=known_titles)
    return got


def _copper(sentence, published=date(2026, 3, 10)):
    return _in_short_article(sentence, "Copper Bay", published, COPPER_BAY)


def _ridgeline(sentence, **kw):
    """Claims of one sentence in a short Ridgeline article of January 21, 2026."""
    return _in_short_article(sentence, "Ridgeline", date(2026, 1, 21), **kw)


def _ridgeline_reads(sentence):
    return {(k, m, s) for _n, k, m, s, _e in _ridgeline(sentence)}


def _copper_starts(sentence):
    return {(n, k, m, s) for n, k, m, s, _e in _copper(sentence)}


def test_core_claims():
    got, out = _claims()
    assert out.titles == ["Tidewater"]
    expected = {
        (2, Kind.RELEASE, Modality.HAPPENED, date(2023, 3, 1), date(2023, 3, 31)),
        (3, Kind.RENEWAL, Modality.HAPPENED, date(2024, 6, 1), date(2024, 6, 30)),
        (3, Kind.FILMING_START, Modality.PLANNED, date(2024, 7, 1), date(2024, 12, 31)),
        (3, Kind.DELAY, Modality.HAPPENED, date(2025, 1, 1), date(2025, 12, 31)),
        (3, Kind.FILMING_START, Modality.PLANNED, date(2025, 1, 1), date(2025, 12, 31)),
        (3, Kind.FILMING_START, Modality.HAPPENED, date(2025, 4, 1), date(2025, 4, 30)),
        (3, Kind.FILMING_WRAP, Modality.PLANNED, date(2025, 10, 11), date(2025, 10, 20)),
        (3, Kind.CAST_WRAP, Modality.HAPPENED, None, None),
        (3, Kind.RELEASE, Modality.RUMORED, date(2026, 3, 1), date(2026, 3, 31)),
        (3, Kind.RELEASE, Modality.EXPECTED, date(2026, 6, 1), date(2026, 8, 31)),
    }
    missing = expected - got
    assert not missing, missing


def test_negation_and_not_until():
    got, _ = _claims()
    assert (3, Kind.SLATE_LISTING, Modality.DENIED, date(2026, 1, 1),
            date(2026, 12, 31)) in got
    assert (3, Kind.RELEASE, Modality.DENIED, date(2026, 1, 1), date(2026, 12, 31)) in got


def test_quote_spans_point_into_the_text():
    _, out = _claims()
    for c in out.claims:
        a, b = c.quote_span
        assert 0 <= a < b <= len(ARTICLE)
        if c.date is not None and c.date.text:
            assert c.date.text in ARTICLE[a:b] or c.kind is Kind.RELEASE


def test_cast_wrap_subject():
    _, out = _claims()
    wraps = [c for c in out.claims if c.kind is Kind.CAST_WRAP]
    assert wraps and wraps[0].subject == "Marcus Reyes"


def test_season_in_words_and_roman_numerals():
    text = ("Ember Road Season Two is official. Netflix announced on Tuesday that the "
            "series will premiere its second season on May 9, 2026. Ember Road III is "
            "also in the works, with filming expected to start in early 2027.")
    got, _ = _claims(text, published=date(2025, 11, 4))
    assert (2, Kind.RELEASE, Modality.ANNOUNCED, date(2026, 5, 9), date(2026, 5, 9)) in got
    assert (3, Kind.FILMING_START, Modality.PLANNED, date(2027, 1, 1), date(2027, 6, 30)) in got


def test_relative_dates_use_publication_date():
    text = ("Glass Orchard Season 2 wrapped filming last month, and the first teaser "
            "dropped yesterday. The show returns next summer.")
    got, _ = _claims(text, published=date(2025, 6, 12))
    assert (2, Kind.FILMING_WRAP, Modality.HAPPENED, date(2025, 5, 1), date(2025, 5, 31)) in got
    assert (2, Kind.TEASER, Modality.HAPPENED, date(2025, 6, 11), date(2025, 6, 11)) in got
    # (stated as settled, with no source named: the platform's word)
    assert (2, Kind.RELEASE, Modality.ANNOUNCED, date(2026, 6, 1), date(2026, 8, 31)) in got


def test_title_hint_and_known_titles():
    text = "The show has been renewed. Season 2 is slated for fall 2026, the network says."
    got, out = _claims(text, published=date(2025, 1, 10), title_hint="Paper Lanterns")
    assert out.claims and all(c.title == "Paper Lanterns" for c in out.claims)
    known = [Title("All of Us Are Dead", aliases=("Jigeum Uri Hakgyoneun",))]
    _, out = _claims("AOUAD S2 wrapped filming in February 2026.",
                     published=date(2026, 3, 1), known_titles=known,
                     title_hint="All of Us Are Dead")
    assert out.claims[0].title == "All of Us Are Dead"
    assert out.claims[0].season == 2


def test_listicle_keeps_titles_apart():
    text = """# Five shows coming back

## 1. Copper Bay (Season 2)

Copper Bay Season 2 premieres on February 6, 2026, the streamer confirmed.

## 2. Night Tram (Season 4)

Filming on Night Tram wrapped in October 2025. Expect it in late 2026.
"""
    out = extract_document(text, published=date(2025, 12, 1))
    by_title = {(c.title, c.season, c.kind) for c in out.claims}
    assert ("Copper Bay", 2, Kind.RELEASE) in by_title
    assert ("Night Tram", 4, Kind.FILMING_WRAP) in by_title
    assert not any(c.title == "Copper Bay" and c.kind is Kind.FILMING_WRAP for c in out.claims)


def test_questions_and_conditionals_are_not_claims():
    text = ("Will Copper Bay Season 2 premiere in March 2026? If filming wraps in "
            "June 2025, the show could return in 2026.")
    out = extract_document(text, published=date(2025, 1, 1))
    assert not [c for c in out.claims if c.date and c.date.start.year == 2026
                and c.date.start.month == 3]
    assert not [c for c in out.claims if c.kind is Kind.FILMING_WRAP]


def test_to_dict_shape():
    out = extract_document(ARTICLE, published=date(2025, 9, 1), url="https://x.example/a")
    d = out.to_dict()
    assert set(d) == {"document", "claims", "cast", "viewership"}
    assert d["document"] == {"url": "https://x.example/a", "published": "2025-09-01",
                             "chars": len(ARTICLE)}
    claim = d["claims"][0]
    assert set(claim) == {"title", "season", "kind", "modality", "date", "subject", "detail",
                          "location", "quote_span", "confidence"}
    assert 0 < claim["confidence"] <= 1


def test_published_read_from_the_text():
    text = "Published March 3, 2025\n\nCopper Bay Season 2 wrapped filming last week."
    out = extract_document(text)
    assert out.published == date(2025, 3, 3)


def test_empty_input():
    out = extract_document("")
    assert out.to_dict()["claims"] == [] and out.cast == [] and out.viewership == []


def test_production_words_before_a_known_title_are_not_part_of_it():
    from datetime import date

    from seasoncast.extract import extract_document
    from seasoncast.model import Title

    e = extract_document("Filming on Weak Hero season 3 wrapped last week, the studio said. "
                         "Netflix has confirmed that Weak Hero will return for a fourth season.",
                         published=date(2026, 5, 1), known_titles=[Title("Weak Hero")])
    got = {(c.title, c.season, c.kind.value) for c in e.claims}
    assert ("Weak Hero", 3, "filming_wrap") in got
    assert ("Weak Hero", 4, "renewal") in got


def test_a_past_verb_places_a_yearless_date_before_the_article():
    text = ("Saltmarsh Season 2: what we know\n\nCameras started rolling on the second "
            "season of Saltmarsh back in May. The first season didn't debut on Netflix "
            "until November 23, 2023. Saltmarsh season 2 "
            "is dated for March, the streamer said.\n")
    got, _ = _claims(text, published=date(2024, 12, 3))
    assert (2, Kind.FILMING_START, Modality.HAPPENED, date(2024, 5, 1), date(2024, 5, 31)) \
        in got
    assert (1, Kind.RELEASE, Modality.HAPPENED, date(2023, 11, 23), date(2023, 11, 23)) \
        in got  # "didn't ... until" a day already past: it happened then
    assert not any(c[2] is Modality.DENIED for c in got)
    assert (2, Kind.RELEASE, Modality.ANNOUNCED, date(2025, 3, 1), date(2025, 3, 31)) \
        in got  # "dated for March" is a target: ahead of the article


def test_a_dateline_under_the_headline_dates_no_claim():
    text = ("Saltmarsh season 2 has wrapped, so here is when it might stream on Netflix\n"
            "December 3, 2024\n\nThe streamer has not set a date yet.\n")
    got, out = _claims(text, published=None)
    assert out.published == date(2024, 12, 3)
    assert not any(c[3] == date(2024, 12, 3) and c[1] is Kind.RELEASE for c in got)


def test_the_sophomore_season_is_the_second():
    got, _ = _claims("Saltmarsh news\n\nThe sophomore season of Saltmarsh wrapped filming "
                     "in Cornwall on June 6, 2024.\n", published=date(2024, 7, 1))
    assert got == {(2, Kind.FILMING_WRAP, Modality.HAPPENED, date(2024, 6, 6),
                    date(2024, 6, 6))}


def test_a_hoped_for_date_after_a_delay_is_no_plan():
    got, _ = _claims("Saltmarsh season 2 news\n\nSaltmarsh season 2 will continue to be "
                     "delayed. Hopefully, we'll get to see the new season sometime in 2021.\n",
                     published=date(2020, 9, 4))
    releases = {c for c in got if c[1] is Kind.RELEASE}
    assert releases == {(2, Kind.RELEASE, Modality.EXPECTED, date(2021, 1, 1),
                         date(2021, 12, 31))}


def test_until_a_date_and_a_quoted_end_of_shoot():
    got, _ = _claims("Saltmarsh season 3 news\n\nSaltmarsh season 3 will start filming in "
                     "early November with the goal of filming until 'late April 2021'. "
                     "Filming on Saltmarsh season 3 won't be finished until April.\n",
                     published=date(2020, 9, 22))
    assert (3, Kind.FILMING_WRAP, Modality.PLANNED, date(2021, 4, 21), date(2021, 4, 30)) \
        in got
    assert (3, Kind.FILMING_WRAP, Modality.EXPECTED, date(2021, 4, 1), date(2021, 4, 30)) \
        in got  # "won't ... until April": April expected, the time before it denied
    assert not any(c[1] is Kind.FILMING_START and c[3] == date(2021, 4, 21) for c in got)


def test_our_hope_is_the_writers_guess():
    got, _ = _claims("Saltmarsh season 3 news\n\nOur hope is that Saltmarsh season 3 will "
                     "premiere in late 2024.\n", published=date(2024, 1, 10))
    assert got == {(3, Kind.RELEASE, Modality.EXPECTED, date(2024, 7, 1), date(2024, 12, 31))}


def test_a_confirmed_next_season_is_a_renewal_and_of_filming_a_start():
    got, _ = _claims("Saltmarsh season 2 news\n\nThe streamer confirmed that the coastal "
                     "drama Saltmarsh will also have a second season. According to reports, "
                     "the filming of the second season will begin early next year.\n",
                     published=date(2022, 11, 3))
    assert got == {(2, Kind.RENEWAL, Modality.HAPPENED, None, None),
                   (2, Kind.FILMING_START, Modality.PLANNED, date(2023, 1, 1),
                    date(2023, 6, 30))}
    # a confirmed premiere is about the premiere, and a campaign for one is no renewal
    got, _ = _claims("Saltmarsh news\n\nThe streamer has confirmed that the second season of "
                     "Saltmarsh, the coastal drama, will premiere on May 2, 2023. A spokesperson "
                     "said there are no plans yet, to fans campaigning for a renewal.\n",
                     published=date(2022, 11, 3))
    assert not any(c[1] is Kind.RENEWAL and c[2] is Modality.HAPPENED for c in got)
    assert (2, Kind.RELEASE, Modality.ANNOUNCED, date(2023, 5, 2), date(2023, 5, 2)) in got


def test_a_sentence_adverb_is_no_show_and_an_announced_would_is_no_hedge():
    got, out = _claims("Saltmarsh season 3 is coming\n\nWhen the streamer launched Saltmarsh "
                       "back in 2015, nobody knew if it "
                       "would last. Thankfully, the show did get renewed. The streamer "
                       "announced on Thursday that the third season would be launching on "
                       "August 23.\n", published=date(2019, 8, 1))
    assert out.titles == ["Saltmarsh"]
    assert (3, Kind.RELEASE, Modality.ANNOUNCED, date(2019, 8, 23), date(2019, 8, 23)) in got


def test_a_round_up_item_about_an_untracked_show_borrows_no_title():
    got, _ = _claims("Shows hit by the strikes\n\n2. Saltmarsh season 2 has been delayed until "
                     "2025.\n\n3. A Summer of Their Own has been canceled altogether, although "
                     "the show had already been renewed.\n\nSaltmarsh season 2 wrapped filming "
                     "in May 2024.\n", published=date(2024, 9, 12))
    assert {c[1] for c in got} == {Kind.DELAY, Kind.RELEASE, Kind.FILMING_WRAP}
    assert not any(c[1] in (Kind.CANCELLATION, Kind.RENEWAL) for c in got)


def test_a_plan_that_was_meant_and_a_wrap_not_until_near_year_end():
    got, _ = _claims("Saltmarsh season 2 news\n\nSaltmarsh season 2 was meant to begin production "
                     "in mid-2023 until the strikes. Filming will not conclude until close to "
                     "the end of the year.\n", published=date(2024, 5, 11))
    assert (2, Kind.FILMING_START, Modality.PLANNED, date(2023, 4, 1), date(2023, 9, 30)) \
        in got
    assert (2, Kind.FILMING_WRAP, Modality.EXPECTED, date(2024, 7, 1), date(2024, 12, 31)) \
        in got
    assert not any(c[2] is Modality.HAPPENED for c in got)


def test_role_words_are_not_names_and_a_dropped_actor_leaves():
    _, out = _claims("Saltmarsh season 2 news\n\nActors Tom Hale and Ana Ruiz have joined "
                     "Saltmarsh season 2. Ben Crowe has been dropped from the series.\n",
                     published=date(2024, 5, 7))
    assert {(c.person, c.status.value) for c in out.cast} == {
        ("Tom Hale", "new"), ("Ana Ruiz", "new"), ("Ben Crowe", "leaving")}


def test_were_actually_supposed_to_is_a_past_plan():
    got, _ = _claims("Saltmarsh season 3 news\n\nThe producer said: \"We were actually supposed "
                     "to start shooting Saltmarsh season 3 this year, but it will happen next "
                     "year.\"\n", published=date(2021, 9, 1))
    assert (3, Kind.FILMING_START, Modality.PLANNED, date(2021, 1, 1), date(2021, 12, 31)) \
        in got
    assert not any(c[2] is Modality.HAPPENED for c in got)


def test_the_shows_premiere_is_the_first_season_and_christmas_is_no_show():
    got, out = _claims("Saltmarsh season 3 is dated\n\nWhile Santa will not bring us Saltmarsh "
                       "season 3 this Christmas, it comes sooner than the second season, which "
                       "took two years following the show's premiere on Dec. 1, 2017.\n",
                       published=date(2020, 5, 27))
    assert out.titles == ["Saltmarsh"]
    assert (1, Kind.RELEASE, Modality.HAPPENED, date(2017, 12, 1), date(2017, 12, 1)) in got


def test_british_series_numbers_and_recommissions():
    got, out = _claims("Harbour Lane series three: when is it back?\n\nHarbour Lane has been "
                       "recommissioned for a third series. Filming on series three will get "
                       "under way in Whitby in June. The first series went out in January "
                       "2023.\n", published=date(2025, 3, 14))
    assert out.titles == ["Harbour Lane"]
    assert got == {(3, Kind.RENEWAL, Modality.HAPPENED, None, None),
                   (3, Kind.FILMING_START, Modality.PLANNED, date(2025, 6, 1),
                    date(2025, 6, 30)),
                   (1, Kind.RELEASE, Modality.HAPPENED, date(2023, 1, 1), date(2023, 1, 31))}


def test_a_title_before_a_role_word_and_that_month():
    got, out = _claims("Dust Road showrunner on season 2 and the delay\n\nWhen the first season "
                       "premiered in April 2024, it was a hit. A second season was ordered "
                       "that June, but the team moved everything back.\n",
                       published=date(2025, 9, 3))
    assert out.titles == ["Dust Road"]
    assert (2, Kind.RENEWAL, Modality.HAPPENED, date(2024, 6, 1), date(2024, 6, 30)) in got
    assert (2, Kind.DELAY, Modality.HAPPENED, None, None) in got


def test_an_asked_when_answer_is_about_the_premiere():
    got, _ = _claims("Dust Road season 2 news\n\nAsked when viewers can expect the new "
                     "episodes of Dust Road, the showrunner laughed. \"Realistically? Not "
                     "before 2027.\"\n", published=date(2025, 9, 3))
    # a year-precision denial spans one year at most: 2026, the year before 2027
    assert got == {(2, Kind.RELEASE, Modality.DENIED, date(2026, 1, 1), date(2026, 12, 31)),
                   (2, Kind.RELEASE, Modality.EXPECTED, date(2027, 1, 1), date(2027, 12, 31))}


def test_the_crew_finishing_is_the_wrap_not_a_second_start():
    text = ("Ridgeline season 2 production update\n\nFilming on the second season of "
            "Ridgeline started in Vancouver in May, and the crew finished on October 30, "
            "according to the showrunner.\n")
    got, _ = _claims(text, published=date(2025, 11, 10))
    assert got == {(2, Kind.FILMING_START, Modality.HAPPENED, date(2025, 5, 1),
                    date(2025, 5, 31)),
                   (2, Kind.FILMING_WRAP, Modality.HAPPENED, date(2025, 10, 30),
                    date(2025, 10, 30))}
    # finishing the script is not the end of the shoot
    script = ("Ridgeline season 2 news\n\nThe crew finished the script in March, and "
              "filming of Ridgeline season 2 began on June 2.\n")
    kinds = {k for _, k, *_ in _claims(script, published=date(2025, 11, 10))[0]}
    assert Kind.FILMING_WRAP not in kinds


def test_a_shoot_from_one_day_to_another_gives_its_start_and_its_wrap():
    text = ("Ridgeline production notes\n\nFilming on the second season of Ridgeline ran "
            "from October 15 to December 3, 2024, in Vancouver.\n\nProduction on Ridgeline "
            "season 3 took place from June 2, 2025 to October 30, 2025.\n\nCameras rolled on "
            "Ridgeline season 4 between March and July 2026.\n")
    got, _ = _claims(text, published=date(2026, 9, 1))
    day = {(n, k, s) for n, k, _m, s, e in got if s == e}
    assert {(2, Kind.FILMING_START, date(2024, 10, 15)),
            (2, Kind.FILMING_WRAP, date(2024, 12, 3)),
            (3, Kind.FILMING_START, date(2025, 6, 2)),
            (3, Kind.FILMING_WRAP, date(2025, 10, 30))} <= day
    assert not any(k is Kind.RELEASE for _n, k, *_ in got)  # "ran from" is not an airing
    # a run of months is dated by its first month, as the tagger dates such runs
    assert (4, Kind.FILMING_START, Modality.HAPPENED, date(2026, 3, 1), date(2026, 3, 31)) \
        in got


def test_a_present_tense_in_the_current_period_is_a_plan():
    read = _ridgeline_reads
    planned = {(Kind.RELEASE, Modality.PLANNED, date(2026, 1, 1))}
    assert read("Ridgeline season 2 is returning this year.") == planned
    assert read("Ridgeline season 2 returns this year.") == planned
    assert read("Ridgeline season 2 is finally coming back in 2026.") == planned
    # the cast going back to work is no premiere
    assert read("The cast of Ridgeline season 2 is returning to the set this year.") == set()


def test_footage_that_dropped_is_not_the_premiere_and_other_common_phrasings():
    read = _ridgeline_reads
    assert read("A teaser for Ridgeline season 3 dropped on Monday.") == {
        (Kind.TEASER, Modality.HAPPENED, date(2026, 1, 19))}
    # a trailer that *confirms* a date does not take the date
    assert read("A new trailer confirms Ridgeline season 3 premieres March 5.") == {
        (Kind.RELEASE, Modality.ANNOUNCED, date(2026, 3, 5))}
    assert read("Production on Ridgeline season 3 is now underway.") == {
        (Kind.FILMING_START, Modality.HAPPENED, None)}
    assert read("Ridgeline season 3 won't be out until 2027.") == {
        (Kind.RELEASE, Modality.DENIED, date(2026, 1, 21)),
        (Kind.RELEASE, Modality.EXPECTED, date(2027, 1, 1))}


def test_not_returning_is_a_cancellation_for_a_show_and_a_departure_for_an_actor():
    def read(sentence):
        known = [Title("Ridgeline", (), None, None)]
        return {(n, k, m) for n, k, m, _s, _e in _ridgeline(sentence, known_titles=known)}

    assert read("Ridgeline will not return for a third season.") == {
        (3, Kind.CANCELLATION, Modality.HAPPENED)}
    assert read("Fans fear Ridgeline will not return for a third season.") == {
        (3, Kind.CANCELLATION, Modality.RUMORED)}
    assert not any(k is Kind.CANCELLATION for _n, k, _m in read(
        "Ridgeline season 3 is filming. Ana Reyes, who played the mayor, will not return "
        "for the new season."))
    # "finished filming in December" is the show's wrap, not an actor's ("finished
    # filming 'Ridgeline'" needs a capital letter after it, whatever the case rules)
    assert read("Ridgeline season 3 finished filming in December.") == {
        (3, Kind.FILMING_WRAP, Modality.HAPPENED)}
    assert read("Cameras are rolling on Ridgeline season 3.") == {
        (3, Kind.FILMING_START, Modality.HAPPENED)}


def test_more_phrasings_of_the_trade():
    read = _copper
    # a participle after "will be" looks ahead: it was read as a premiere that happened
    # the July before
    # (a date stated as settled, with no source or aim named, is the platform's schedule)
    assert read("Copper Bay season 3 will be released on July 4.") == {
        (3, Kind.RELEASE, Modality.ANNOUNCED, date(2026, 7, 4), date(2026, 7, 4))}
    # a bare season placed in the autumn just gone is moved ahead by a future verb
    assert read("Copper Bay Will Return in Autumn for Its Third Season",
                published=date(2026, 2, 14)) == {
        (3, Kind.RELEASE, Modality.ANNOUNCED, date(2026, 9, 1), date(2026, 11, 30))}
    # a title that looks like a person's name is no actor returning
    assert read("Copper Bay is set to return for season 3 in 2027.") == {
        (3, Kind.RELEASE, Modality.ANNOUNCED, date(2027, 1, 1), date(2027, 12, 31))}
    # first-look images come out; the season does not
    assert read("First-look images from Copper Bay season 3 were released on February 2.") \
        == {(3, Kind.TEASER, Modality.HAPPENED, date(2026, 2, 2), date(2026, 2, 2))}
    assert read("Copper Bay season 3 is officially in the can.") == {
        (3, Kind.FILMING_WRAP, Modality.HAPPENED, None, None)}
    assert read("Netflix pulled the plug on Copper Bay after two seasons.") == {
        (3, Kind.CANCELLATION, Modality.HAPPENED, None, None)}


def test_a_delay_gives_a_new_date_only_when_it_names_one():
    def kinds(sentence):
        return {(k, s) for _n, k, _m, s, _e in _copper(sentence)}

    assert kinds("Copper Bay season 3 has been pushed back to 2027.") == {
        (Kind.DELAY, date(2027, 1, 1)), (Kind.RELEASE, date(2027, 1, 1))}
    # the day of the halt and the cause of the delay are no new premiere date
    assert kinds("Production on Copper Bay season 3 was halted in January because of the "
                 "fires.") == {(Kind.DELAY, date(2026, 1, 1))}
    # a cause's date does not date the delay either (the guideline: no new target, no date)
    assert kinds("Copper Bay season 3 was delayed due to the 2023 strikes.") == {
        (Kind.DELAY, None)}


def test_two_seasons_ordered_at_once_and_post_production():
    read = _copper_starts
    assert read("Netflix has renewed Copper Bay for season 3 and season 4.") == {
        (3, Kind.RENEWAL, Modality.HAPPENED, None), (4, Kind.RENEWAL, Modality.HAPPENED, None)}
    assert read("Copper Bay seasons 3 and 4 have been ordered back to back.") == {
        (3, Kind.RENEWAL, Modality.HAPPENED, None), (4, Kind.RENEWAL, Modality.HAPPENED, None)}
    assert read("Copper Bay season 3 is in development.") == {
        (3, Kind.RENEWAL, Modality.HAPPENED, None)}
    assert read("Netflix has yet to renew Copper Bay for a third season.") == {
        (3, Kind.RENEWAL, Modality.DENIED, None)}
    # post-production comes after the wrap
    assert read("Copper Bay season 3 is currently in post-production.") == {
        (3, Kind.FILMING_WRAP, Modality.HAPPENED, None)}
    assert read("Copper Bay season 3 entered post-production in January.") == {
        (3, Kind.FILMING_WRAP, Modality.HAPPENED, date(2026, 1, 1))}


# tracked shows and the season the news would mean for each, for line-up articles
NEXT_SEASONS = {"Wednesday": 3, "Bridgerton": 5, "One Piece": 3, "All of Us Are Dead": 2,
                "Squid Game": 4, "The Witcher": 5, "Emily in Paris": 6}
SHOWS = [Title(n, (), None, None) for n in NEXT_SEASONS]


def _netflix(text, published):
    """The extraction of a Netflix news article naming SHOWS without season numbers."""
    return _claims(text, published=published, known_titles=SHOWS,
                   season_guess=lambda title, _day: NEXT_SEASONS.get(title))[1]


def test_a_line_up_names_its_shows_without_season_numbers():
    shows = SHOWS
    text = ("Netflix unveils its 2027 slate\n\n"
            "Netflix on Wednesday revealed its line-up for 2027. Among the returning "
            "favourites are Wednesday, Bridgerton and One Piece.\n\n"
            "Notably missing from the list was All of Us Are Dead. Kim Si-eun (Squid Game) "
            "hosted the event.\n")
    out = _netflix(text, date(2026, 11, 24))
    slate = {(c.title, c.season, c.modality) for c in out.claims
             if c.kind is Kind.SLATE_LISTING and c.date and c.date.start.year == 2027}
    assert slate == {("Wednesday", 3, Modality.HAPPENED), ("Bridgerton", 5, Modality.HAPPENED),
                     ("One Piece", 3, Modality.HAPPENED),
                     ("All of Us Are Dead", 2, Modality.DENIED)}
    from seasoncast.extract.titles import detect_titles
    news = ("Netflix said on Wednesday that Wednesday season 3 wraps in May. News on "
            "Wednesday season 3 keeps coming.")
    ctx = detect_titles(news, shows)  # the day is skipped, the show before "season" kept
    assert [a for a, _b, _t in ctx.mentions] == [news.index("Wednesday season"),
                                                 news.rindex("Wednesday season")]
    # a credit is no news about a show, and "on Wednesday" is a weekday
    assert not any(c.title == "Squid Game" for c in out.claims)
    assert len(out.claims) == 4


def test_a_list_of_shows_as_the_subject_gives_each_show_its_claim():
    text = ("Netflix looks ahead\n\n"
            "Wednesday, Bridgerton and One Piece will all return in 2027, Netflix said on "
            "Tuesday.\n\nSquid Game and The Witcher are not part of next year's "
            "schedule.\n")
    out = _netflix(text, date(2026, 11, 10))
    found = {(c.title, c.season, c.modality) for c in out.claims
             if c.date and c.date.start == date(2027, 1, 1)}
    assert found == {("Wednesday", 3, Modality.ANNOUNCED), ("Bridgerton", 5, Modality.ANNOUNCED),
                     ("One Piece", 3, Modality.ANNOUNCED), ("Squid Game", 4, Modality.DENIED),
                     ("The Witcher", 5, Modality.DENIED)}
    assert not out.cast  # "One Piece will return" is the show, not an actor

    def shows_of(sentence: str, kind: Kind) -> set[str]:
        out = _netflix(f"Netflix news\n\n{sentence}\n", date(2026, 11, 10))
        return {c.title for c in out.claims if c.kind is kind}

    assert shows_of("Both Wednesday and Bridgerton will return in 2027.", Kind.RELEASE) == {
        "Wednesday", "Bridgerton"}
    assert shows_of("Netflix confirmed that Wednesday and Bridgerton will be back in 2027.",
                    Kind.RELEASE) == {"Wednesday", "Bridgerton"}
    assert shows_of("Netflix has renewed Wednesday, Bridgerton and Emily in Paris for new "
                    "seasons.", Kind.RENEWAL) == {"Wednesday", "Bridgerton", "Emily in Paris"}
    assert shows_of("Netflix cancelled both Squid Game and The Witcher on Friday.",
                    Kind.CANCELLATION) == {"Squid Game", "The Witcher"}
    # shows named before the verb are not its object: "release One Piece season 3" is
    out = _netflix("Netflix news\n\nAfter Squid Game and Wednesday, Netflix will release "
                   "One Piece season 3 in June.\n", date(2026, 11, 10))
    assert {(c.title, c.season) for c in out.claims} == {("One Piece", 3)}
    assert all(c.date.start == date(2027, 6, 1) for c in out.claims)  # no "Wednesday" date
    # a pair with a pair of dates is not read as each show on each date
    assert len(_netflix("Netflix news\n\nWednesday and Bridgerton premiered in 2022 and "
                        "2020.\n", date(2026, 11, 10)).claims) <= 2


def test_british_and_broadcast_phrasings():
    read = _copper_starts
    assert read("Copper Bay season 2 wrapped on 14 February 2026.") == {
        (2, Kind.FILMING_WRAP, Modality.HAPPENED, date(2026, 2, 14))}
    assert read("Copper Bay season 2 wrapped up on a brutal cliffhanger.") == set()
    assert read("Series three of Copper Bay will be broadcast on BBC One in May 2026.") == {
        (3, Kind.RELEASE, Modality.ANNOUNCED, date(2026, 5, 1))}
    assert read("The cast of Copper Bay season 2 was spotted filming in Seoul last week.") \
        == {(2, Kind.FILMING_START, Modality.HAPPENED, date(2026, 3, 2))}
    assert read("Copper Bay season 3 episodes will roll out weekly starting January 9.") == {
        (3, Kind.RELEASE, Modality.ANNOUNCED, date(2027, 1, 9))}


def test_a_future_verb_with_a_date_gone_by_stays_a_plan():
    # a page dated after the day it says something "will" happen kept an old plan (or is
    # dated late): it is not news that the premiere happened
    assert _copper_starts("Netflix will release Copper Bay season 3 on January 9, 2026.") == {
        (3, Kind.RELEASE, Modality.ANNOUNCED, date(2026, 1, 9))}
    assert _copper_starts("Netflix released Copper Bay season 3 on January 9, 2026.") == {
        (3, Kind.RELEASE, Modality.HAPPENED, date(2026, 1, 9))}


def test_not_until_denies_the_calendar_period_before():
    got = _copper("Copper Bay season 3 probably won't land until late 2027.")
    denied = {(s, e) for _n, _k, m, s, e in got if m is Modality.DENIED}
    assert denied == {(date(2027, 1, 1), date(2027, 6, 30))}  # was December 29 to June 30


def test_each_part_of_a_split_season_keeps_its_own_date():
    def parts(sentence):
        _, out = _claims("Copper Bay news\n\n" + sentence + "\n", published=date(2026, 3, 10),
                         known_titles=COPPER_BAY)
        return {(c.title, c.detail, c.date.start) for c in out.claims}

    both = {("Copper Bay", "Part 1", date(2026, 7, 3)), ("Copper Bay", "Part 2", date(2026, 7, 10))}
    assert parts("Copper Bay season 3 Part 1 drops July 3 and Part 2 on July 10.") == both
    assert parts("Part 1 of Copper Bay season 3 arrives July 3, with Part 2 following on "
                 "July 10.") == both
    assert parts("Volume 2 of Copper Bay season 3 drops on July 10.") == {
        ("Copper Bay", "Part 2", date(2026, 7, 10))}


def test_releases_pinned_to_holidays():
    def read(sentence):
        return {(k, m, s, e) for _n, k, m, s, e in _copper(sentence)}

    assert read("Netflix is eyeing a Christmas release for Copper Bay season 3.") == {
        (Kind.RELEASE, Modality.PLANNED, date(2026, 12, 18), date(2026, 12, 31))}
    assert read("Copper Bay season 3 premiered on Christmas Day.") == {
        (Kind.RELEASE, Modality.HAPPENED, date(2025, 12, 25), date(2025, 12, 25))}
    # a hope and a fans' bet are no plan
    assert read("\"We'd love to have Copper Bay season 3 on screens for Christmas 2026,\" "
                "she said.") == {
        (Kind.RELEASE, Modality.EXPECTED, date(2026, 12, 18), date(2026, 12, 31))}
    assert read("Some fans are betting on a Halloween release for Copper Bay season 3.") == {
        (Kind.RELEASE, Modality.RUMORED, date(2026, 10, 25), date(2026, 10, 31))}


# Styles met in the held-out articles of session 15 (the sentences here are new)

def test_a_kicker_line_before_the_headline_and_a_british_series_press_release():
    text = ("DRAMA NEWS | 3 June 2025\n\n\"Larkhill 2\" Wraps Filming\n\n"
            "Larkhill 2 wrapped filming on June 1. Shooting began in January; the first "
            "season is streaming now.\n")
    got, _ = _claims(text, published=date(2025, 6, 3))
    assert (2, Kind.FILMING_WRAP, Modality.HAPPENED, date(2025, 6, 1), date(2025, 6, 1)) in got
    assert {n for n, k, *_ in got if k is Kind.FILMING_START} == {2}
    press = ("Press Release | Harbour Films\nPublished: 12.05.2025\n\n"
             "Glenmorra returns for series 3 as filming gets under way in Inverness\n\n"
             "Cameras started rolling earlier this month. The new series will air later this "
             "year on BBC One, and the shoot will continue until the autumn.\n")
    got, out = _claims(press, published=date(2025, 5, 12))
    assert out.titles == ["Glenmorra"]
    assert (3, Kind.FILMING_START, Modality.HAPPENED, date(2025, 5, 1), date(2025, 5, 11)) \
        in got
    # the broadcaster's own release: its plans are announcements
    assert (3, Kind.RELEASE, Modality.ANNOUNCED, date(2025, 5, 12), date(2025, 12, 31)) in got
    assert (3, Kind.FILMING_WRAP, Modality.ANNOUNCED, date(2025, 9, 1), date(2025, 11, 30)) \
        in got


def test_a_window_between_two_months_a_governing_past_verb_and_a_denial_after_the_noun():
    got = _in_short_article(
        "Peacock gave the show a second-season order in March. We think Copper Bay season 2 "
        "will be released between April and June 2026. A premiere before the end of 2025 "
        "is not realistic.", "Copper Bay", date(2025, 10, 14), COPPER_BAY)
    assert (2, Kind.RENEWAL, Modality.HAPPENED, date(2025, 3, 1), date(2025, 3, 31)) in got
    assert (2, Kind.RELEASE, Modality.EXPECTED, date(2026, 4, 1), date(2026, 6, 30)) in got
    assert (2, Kind.RELEASE, Modality.DENIED, date(2025, 10, 14), date(2025, 12, 31)) in got
    assert not any(m is Modality.EXPECTED and s == date(2025, 7, 1) for *_, m, s, _e in got)


def test_a_screenshot_claiming_a_date_is_a_rumour():
    got = _in_short_article(
        "A screenshot on Reddit claiming Peacock has locked in May 8, 2026 as the premiere "
        "went around this week.", "Copper Bay season 2", date(2025, 10, 14), COPPER_BAY)
    assert (2, Kind.RELEASE, Modality.RUMORED, date(2026, 5, 8), date(2026, 5, 8)) in got


def test_a_schedule_lists_its_premieres_under_headings():
    text = ("New on Netflix in May 2026\n\nReturning seasons\n"
            "Amber Road: Season 2 (Thursday, May 7)\n"
            "The amber-mining drama opens the month.\n"
            "Salt & Iron: The Early Years, Season 3 (Friday, May 15)\n"
            "The prequel returns.\n"
            "Quill Street: Season 4, Part 1 (Thursday, May 21)\n"
            "Split in two again.\n")
    got, out = _claims(text, published=date(2026, 4, 28))
    assert "Salt & Iron: The Early Years" in out.titles
    releases = {(c.title, c.season, c.date.start, c.detail) for c in out.claims
                if c.kind is Kind.RELEASE and c.modality is Modality.ANNOUNCED}
    assert releases >= {("Amber Road", 2, date(2026, 5, 7), None),
                        ("Salt & Iron: The Early Years", 3, date(2026, 5, 15), None),
                        ("Quill Street", 4, date(2026, 5, 21), "Part 1")}
    # a comma after a sentence's first word is no title: "Unusually, season 2 was ..."
    _, out = _claims("Amber Road news\n\nUnusually, season 2 was shot in 2024.\n",
                     published=date(2026, 4, 28))
    assert "Unusually" not in out.titles


def test_official_quotes_new_targets_rumour_accounts_and_denials():
    text = ("Kestrel Bay Season 2 news\n\n"
            "When a fan asked when, the Hulu account answered under the post: \"Season 2 "
            "lands in 2026. Full trailer this fall.\"\n\n"
            "The shoot halted in May after a fire. The new target is the first half of "
            "2027.\n\n"
            "A gossip account on TikTok claimed Hulu was weighing whether to pull the plug. "
            "\"Nobody is cancelling anything,\" the showrunner said. An \"insider\" account "
            "on X posted on Thursday that Hulu has already ordered a third season. Hulu has "
            "not confirmed a season 3.\n\n"
            "On Tuesday the official account dropped a 14-second clip from season 2.\n")
    got, _ = _claims(text, published=date(2025, 8, 22))
    assert (2, Kind.RELEASE, Modality.ANNOUNCED, date(2026, 1, 1), date(2026, 12, 31)) in got
    assert (2, Kind.TRAILER, Modality.ANNOUNCED, date(2025, 9, 1), date(2025, 11, 30)) in got
    assert (2, Kind.DELAY, Modality.HAPPENED, date(2027, 1, 1), date(2027, 6, 30)) in got
    assert (2, Kind.RELEASE, Modality.PLANNED, date(2027, 1, 1), date(2027, 6, 30)) in got
    assert (2, Kind.CANCELLATION, Modality.RUMORED, None, None) in got
    assert (2, Kind.CANCELLATION, Modality.DENIED, None, None) in got
    assert (3, Kind.RENEWAL, Modality.RUMORED, None, None) in got  # the post's day is not it
    assert (3, Kind.RENEWAL, Modality.DENIED, None, None) in got
    assert (2, Kind.TEASER, Modality.HAPPENED, date(2025, 8, 19), date(2025, 8, 19)) in got
    assert not any(k is Kind.RELEASE and m is Modality.HAPPENED for _n, k, m, *_ in got)


def test_section_headings_end_a_question_and_places_are_not_delays():
    text = ("Larkhill season 2 news\n\nWhen will it air?\n\nNo date yet.\n\n"
            "Returning and new faces\n\n"
            "Ana Ruiz finished her scenes a day early: on April 19, her agency posted a photo. "
            "Filming began on November 24 last year before the crew moved to Glasgow in "
            "January. Some fans have gone further and predicted a premiere in July.\n")
    got, _ = _claims(text, published=date(2025, 4, 22))
    assert (2, Kind.CAST_WRAP, Modality.HAPPENED, date(2025, 4, 19), date(2025, 4, 19)) in got
    assert (2, Kind.FILMING_START, Modality.HAPPENED, date(2024, 11, 24), date(2024, 11, 24)) \
        in got
    assert (2, Kind.RELEASE, Modality.RUMORED, date(2025, 7, 1), date(2025, 7, 31)) in got
    assert not any(k is Kind.DELAY for _n, k, *_ in got)
    assert not any(k is Kind.RELEASE and s == date(2025, 4, 19) for _n, k, _m, s, _e in got)


def test_a_sentence_opening_word_is_not_part_of_the_title():
    _, out = _claims("Weekly round-up\n\nMeanwhile Tidewater season 3 is set to debut "
                     "January 8, 2027. However Copper Bay season 2 wraps in May.\n",
                     published=date(2026, 11, 20))
    assert {(c.title, c.season) for c in out.claims} == {("Tidewater", 3), ("Copper Bay", 2)}


def test_a_status_tracker_names_its_shows_in_italics():
    text = ("# Renewed or Cancelled?\n\n*Status tracker · last updated March 2, 2026*\n\n"
            "## *Glass Lantern* (Hulu) — RENEWED\n\n"
            "Hulu renewed it for a third season on February 3. The writers expect cameras to "
            "roll this coming spring.\n\n"
            "## *Harbor Nine* (HBO) — PENDING\n\n"
            "No second season has been confirmed; we think a decision will come at the end "
            "of next month. The final episodes will be released by year's end.\n")
    got, out = _claims(text, published=date(2026, 3, 2))
    assert out.titles == ["Glass Lantern", "Harbor Nine"]
    named = {(c.title, c.season, c.kind, c.modality) for c in out.claims}
    assert ("Glass Lantern", 3, Kind.RENEWAL, Modality.HAPPENED) in named
    assert ("Harbor Nine", 2, Kind.RENEWAL, Modality.DENIED) in named
    spans = {(c.title, c.kind, c.date.start, c.date.end) for c in out.claims if c.date}
    assert ("Glass Lantern", Kind.FILMING_START, date(2026, 3, 1), date(2026, 5, 31)) in spans
    assert ("Harbor Nine", Kind.RENEWAL, date(2026, 4, 21), date(2026, 4, 30)) in spans
    assert ("Harbor Nine", Kind.RELEASE, date(2026, 3, 2), date(2026, 12, 31)) in spans


def test_an_interview_answers_for_the_season_asked_about():
    text = ("The Salt Road showrunner on seasons 2 and 3\n\n"
            "We spoke to showrunner Ada Brennan a week after the wrap. HBO ordered seasons two "
            "and three together in May 2024.\n\n"
            "And season three?\n"
            "\"We start shooting in January, back in Budapest.\"\n"
            "When is season two coming out?\n"
            "\"HBO has said 2026. Personally? I'd love it to come out next summer.\"\n"
            "HBO has confirmed that a first-look teaser for season two will be released in "
            "February.\n")
    got, _ = _claims(text, published=date(2025, 11, 18))
    assert {(2, Kind.RENEWAL, Modality.HAPPENED, date(2024, 5, 1), date(2024, 5, 31)),
            (3, Kind.RENEWAL, Modality.HAPPENED, date(2024, 5, 1), date(2024, 5, 31)),
            (3, Kind.FILMING_START, Modality.ANNOUNCED, date(2026, 1, 1), date(2026, 1, 31)),
            (2, Kind.RELEASE, Modality.ANNOUNCED, date(2026, 1, 1), date(2026, 12, 31)),
            (2, Kind.RELEASE, Modality.EXPECTED, date(2026, 6, 1), date(2026, 8, 31)),
            (2, Kind.TEASER, Modality.ANNOUNCED, date(2026, 2, 1), date(2026, 2, 28))} <= got


def test_explainer_habits_from_a_third_held_out_batch():
    text = ("Who's in the Larkspur Hall season 2 cast? Everything we know\n\n"
            "Larkspur Hall series one went out in January 2024. At the time, the producers "
            "told reporters they hoped to start shooting in the first half of 2025. Two extra "
            "nights of filming have been booked for December 3 and 4. Fan accounts on X have "
            "been sharing April 17, 2026 as the premiere day.\n\n"
            "Is there a release date?\n\n"
            "No. Netflix's only commitment came in its 2026 line-up, where Larkspur Hall 2 sat "
            "among the series promised for next year.\n\n"
            "So when will season 2 be on?\n\nOur guess is late 2026.\n")
    got, out = _claims(text, published=date(2025, 11, 19))
    assert out.titles == ["Larkspur Hall"]
    assert {(1, Kind.RELEASE, Modality.HAPPENED, date(2024, 1, 1), date(2024, 1, 31)),
            (2, Kind.FILMING_START, Modality.PLANNED, date(2025, 1, 1), date(2025, 6, 30)),
            (2, Kind.ADDITIONAL_FILMING, Modality.PLANNED, date(2025, 12, 3),
             date(2025, 12, 4)),
            (2, Kind.RELEASE, Modality.RUMORED, date(2026, 4, 17), date(2026, 4, 17)),
            (2, Kind.SLATE_LISTING, Modality.HAPPENED, date(2026, 1, 1), date(2026, 12, 31)),
            (2, Kind.RELEASE, Modality.EXPECTED, date(2026, 7, 1), date(2026, 12, 31))} <= got


def test_a_reality_explainer_with_a_fourth_season_not_ordered_and_a_prediction_section():
    text = ("Peak Pairs season 3: everything we know\n\n"
            "## Has Peak Pairs been renewed?\n\n"
            "Yes. Netflix renewed Peak Pairs for a third season in October 2025. No word yet "
            "on a fourth season, though: Netflix has not ordered one.\n\n"
            "## When was season 3 filmed?\n\n"
            "Production got under way in late March. For comparison, season two wrapped last "
            "spring and landed on Netflix last August. Peak Pairs is part of Netflix's 2026 "
            "unscripted slate. A video from a self-described former contestant insists the "
            "new season drops on July 4.\n\n"
            "### Our prediction\n\nWe would circle mid-August.\n")
    got, _ = _claims(text, published=date(2026, 5, 13))
    assert {(4, Kind.RENEWAL, Modality.DENIED, None, None),
            (3, Kind.FILMING_START, Modality.HAPPENED, date(2026, 3, 21), date(2026, 3, 31)),
            (2, Kind.FILMING_WRAP, Modality.HAPPENED, date(2025, 3, 1), date(2025, 5, 31)),
            (2, Kind.RELEASE, Modality.HAPPENED, date(2025, 8, 1), date(2025, 8, 31)),
            (3, Kind.SLATE_LISTING, Modality.HAPPENED, date(2026, 1, 1), date(2026, 12, 31)),
            (3, Kind.RELEASE, Modality.RUMORED, date(2026, 7, 4), date(2026, 7, 4)),
            (3, Kind.RELEASE, Modality.EXPECTED, date(2026, 8, 11), date(2026, 8, 20))} <= got
    assert not any(n == 4 and k is Kind.FILMING_START for n, k, *_ in got)


def test_finales_and_dvds_are_not_premieres_and_reported_words_keep_their_source():
    text = ("Copper Bay season 2 news\n\n"
            "The final episode of season one aired on March 26, 2023. A DVD set of the first "
            "season arrives on August 20. In January, the producers told the press that "
            "shooting would begin in February. The first day on set was April 22. Peacock "
            "added that a first teaser would arrive in December.\n")
    got, _ = _claims(text, published=date(2024, 5, 14), known_titles=COPPER_BAY)
    assert not any(k is Kind.RELEASE for _n, k, *_ in got)
    assert (2, Kind.FILMING_START, Modality.PLANNED) in {(n, k, m) for n, k, m, *_ in got}
    assert (2, Kind.FILMING_START, Modality.HAPPENED, date(2024, 4, 22), date(2024, 4, 22)) \
        in got
    assert (2, Kind.TEASER, Modality.ANNOUNCED, date(2024, 12, 1), date(2024, 12, 31)) in got


def test_an_anime_sequel_named_in_the_lede_with_a_later_part_and_a_pv():
    text = ("\"Ember Lantern\" Sequel Set for Two Cours\n\nMarch 23, 2025\n\n"
            "The production committee announced that the second season of the TV anime will "
            "run for two cours. Part 1 premieres in January 2026, and Part 2 follows in July.\n\n"
            "The first season premiered in July 2024. A sequel had already been confirmed "
            "after the final episode aired in September 2024. The first season sold well, "
            "and the first season's cast returns. A full-length PV will follow in the autumn, "
            "the official website said.\n")
    got, _ = _claims(text, published=date(2025, 3, 23))
    assert {(2, Kind.RELEASE, date(2026, 1, 1), date(2026, 1, 31)),
            (2, Kind.RELEASE, date(2026, 7, 1), date(2026, 7, 31)),
            (2, Kind.RENEWAL, date(2024, 9, 1), date(2024, 9, 30)),
            (2, Kind.TRAILER, date(2025, 9, 1), date(2025, 11, 30)),
            (1, Kind.RELEASE, date(2024, 7, 1), date(2024, 7, 31))} <= {
        (n, k, s, e) for n, k, _m, s, e in got}
    assert not any(k is Kind.RELEASE and s == date(2024, 9, 1) for _n, k, _m, s, _e in got)


def test_a_best_guess_section_far_from_any_trigger_and_an_account_posting_a_rumour():
    text = ("Thistle Row season 3: a rumour check\n\n"
            "There is one rumour worth a look. The X account ReelWhisper, which has a decent "
            "track record, posted that the season premieres in late summer. We cannot verify "
            "it. Nobody can. Treat it as chatter.\n\n"
            "**Our best guess**\n\n"
            "Putting it all together, our best guess is November 2026.\n")
    got, _ = _claims(text, published=date(2026, 1, 15))
    assert (3, Kind.RELEASE, Modality.EXPECTED, date(2026, 11, 1), date(2026, 11, 30)) in got
    assert (3, Kind.RELEASE, Modality.RUMORED, date(2026, 6, 1), date(2026, 8, 31)) in got


def test_a_delay_names_its_new_target_after_to_or_into():
    got = _in_short_article(
        "Copper Bay season 2 was meant to start filming in February, but permit problems "
        "pushed the start of filming to April. After a cast member's play ran long, the wrap "
        "slipped into the summer.", "Copper Bay", date(2025, 9, 10), COPPER_BAY)
    delays = {(s, e) for _n, k, _m, s, e in got if k is Kind.DELAY}
    assert (date(2025, 4, 1), date(2025, 4, 30)) in delays
    assert (date(2025, 6, 1), date(2025, 8, 31)) in delays
    # without a moving verb, "into the summer" dates nothing
    assert not _in_short_article("If the strike drags on into the summer, Copper Bay season 2 "
                                 "will wait.", "Copper Bay", date(2025, 1, 20), COPPER_BAY)


def test_a_quoted_title_ending_in_a_big_number_keeps_it():
    _, out = _claims("CBS upfronts\n\n\"Harbor Watch\" returns for a fifth season. \"Station 12,\" "
                     "the firefighter drama, was also renewed for a third season on Monday.\n",
                     published=date(2024, 5, 14))
    assert "Station 12" in out.titles
    assert ("Station 12", 3) in {(c.title, c.season) for c in out.claims}


def _named(text, published):
    out = extract_document(text, published=published)
    return {(c.title, c.season, c.kind, c.modality,
             (c.date.start, c.date.end) if c.date else None) for c in out.claims}, out


def test_a_platform_before_the_show_is_not_an_actor_returning():
    got, _ = _named("Tin Harbor news\n\nApple TV's seaside mystery \"Tin Harbor\" will return "
                    "for its second season on Friday, May 8, the streamer announced Monday.\n",
                    date(2026, 3, 2))
    assert ("Tin Harbor", 2, Kind.RELEASE, Modality.ANNOUNCED,
            (date(2026, 5, 8), date(2026, 5, 8))) in got


def test_a_past_perfect_story_dates_its_months_from_the_story():
    text = ("Quarry Lights season 2 has had a long road.\n\nThe network renewed Quarry Lights "
            "in March 2023, and its bosses hoped to be back on air by late 2024. Cameras "
            "rolled in Glasgow that September, and the shoot was booked to wrap in January "
            "2024. In December 2023 a fire closed the studio for a month. By the time it "
            "reopened, the wrap had been pushed back to the end of March.\n")
    got, _ = _named(text, date(2025, 6, 10))
    assert ("Quarry Lights", 2, Kind.FILMING_START, Modality.HAPPENED,
            (date(2023, 9, 1), date(2023, 9, 30))) in got
    assert ("Quarry Lights", 2, Kind.FILMING_WRAP, Modality.PLANNED,
            (date(2024, 1, 1), date(2024, 1, 31))) in got
    assert ("Quarry Lights", 2, Kind.FILMING_WRAP, Modality.PLANNED,
            (date(2024, 3, 21), date(2024, 3, 31))) in got


def test_an_order_not_yet_made_is_a_renewal_denied_for_that_season():
    got, _ = _named("Tin Harbor season 2 arrives in May, but the streamer has not yet ordered "
                    "a third.\n", date(2026, 3, 2))
    assert ("Tin Harbor", 3, Kind.RENEWAL, Modality.DENIED, None) in got
    got, _ = _named("Tin Harbor season 2 arrives in May. The streamer has not renewed the "
                    "series for a third season.\n", date(2026, 3, 2))
    assert ("Tin Harbor", 3, Kind.RENEWAL, Modality.DENIED, None) in got
    assert not any(c[2] is Kind.CANCELLATION for c in got)
    got, _ = _named("Tin Harbor season 2 arrives in May. The show will not be renewed for "
                    "season 3.\n", date(2026, 3, 2))
    assert ("Tin Harbor", 3, Kind.CANCELLATION, Modality.HAPPENED, None) in got


def test_a_next_season_not_confirmed_in_other_words_is_a_renewal_denied():
    for sentence, n in [
            ("As for a third season, JTBC has not confirmed one.", 3),
            ('"There\'s no season three order at this time," the spokesperson said.', 3),
            ("There are no plans for a third season at the moment.", 3),
            ("There will be no third season, a spokesperson said.", 3),
            ('The PD said "nothing has been decided" about a season 3 yet.', 3),
            ("So, as of now, nothing is confirmed about the third season.", 3),
            ("A third season has not been confirmed.", 3)]:
        got, _ = _named(f"Tin Harbor season 2 arrives in May. {sentence}\n", date(2026, 3, 2))
        assert ("Tin Harbor", n, Kind.RENEWAL, Modality.DENIED, None) in got, sentence
    # a cancellation's consequence is not a second piece of news
    got, _ = _named("Tin Harbor season 2 arrived in May. The streamer cancelled the show, so "
                    "there will be no third season.\n", date(2026, 3, 2))
    assert not any(c[2] is Kind.RENEWAL for c in got)


def test_a_series_that_begins_on_a_broadcaster_is_its_premiere():
    got, _ = _named("Kilbrannan series 2 begins on BBC One and iPlayer on Sunday 7 July.\n",
                    date(2026, 3, 2))
    assert ("Kilbrannan", 2, Kind.RELEASE, Modality.ANNOUNCED,
            (date(2026, 7, 7), date(2026, 7, 7))) in got


def test_a_wrap_told_of_the_season_of_a_show_and_an_order_confirmed_on_a_day():
    got, _ = _named("Season 2 of Copper Hollow wrapped in March.\n", date(2026, 6, 4))
    assert ("Copper Hollow", 2, Kind.FILMING_WRAP, Modality.HAPPENED,
            (date(2026, 3, 1), date(2026, 3, 31))) in got
    got, _ = _named("RENEWED: Marsh Lights is getting a third season. Hulu confirmed the order "
                    "on Tuesday.\n", date(2026, 6, 4))
    assert ("Marsh Lights", 3, Kind.RENEWAL, Modality.HAPPENED,
            (date(2026, 6, 2), date(2026, 6, 2))) in got


def test_a_possessive_date_and_a_finale_date_do_not_date_a_premiere():
    # "This Week's Renewals" names the renewals; the headline's "Is Back" is no premiere
    got, _ = _named("# 'Marsh Lights' Is Back: This Week's Renewals, Dates and Dead Ends\n\n"
                    "Five decisions landed this week.\n\n## Marsh Lights — Renewed (season 3)"
                    "\n\nRENEWED: Marsh Lights is getting a third season. Hulu confirmed the "
                    "order on Tuesday.\n", date(2026, 6, 4))
    assert not any(c[2] is Kind.RELEASE for c in got)
    got, _ = _named("Marsh Lights season 2 premiered in June, and the finale airs in August.\n",
                    date(2026, 6, 4))
    assert [c for c in got if c[2] is Kind.RELEASE] == [
        ("Marsh Lights", 2, Kind.RELEASE, Modality.HAPPENED,
         (date(2026, 6, 1), date(2026, 6, 30)))]


def test_restatements_do_not_count_twice():
    # the writer's "should wrap" repeats the reported plan; "a hit of that year" repeats
    # the premiere day
    got, _ = _named("Tin Harbor season 2 should wrap in late April 2026.\n\nAccording to the "
                    "production listing, Tin Harbor season 2 is scheduled to wrap in late "
                    "April 2026. Season 1 premiered March 7, 2024, and became the streamer's "
                    "biggest launch of that year.\n", date(2026, 1, 5))
    wraps = {c for c in got if c[2] is Kind.FILMING_WRAP}
    assert wraps == {("Tin Harbor", 2, Kind.FILMING_WRAP, Modality.PLANNED,
                      (date(2026, 4, 21), date(2026, 4, 30)))}
    premieres = {c[4] for c in got if c[2] is Kind.RELEASE and c[1] == 1}
    assert premieres == {(date(2024, 3, 7), date(2024, 3, 7))}


def test_what_surrounds_a_line_up_absence_is_read_as_such():
    text = ("Is there a release date for Tin Harbor season 3?\n\nNo. The streamer has not "
            "given one. It was also missing from Netflix's 2026 preview, the list of new and "
            "returning series that the streamer put out in January. A supposed internal "
            "release calendar, first posted on Reddit in February, has Tin Harbor season 3 "
            "premiering in November 2026. It also lists two shows that were cancelled last year.\n")
    got, _ = _named(text, date(2026, 3, 18))
    assert ("Tin Harbor", 3, Kind.SLATE_LISTING, Modality.DENIED,
            (date(2026, 1, 1), date(2026, 12, 31))) in got
    assert ("Tin Harbor", 3, Kind.RELEASE, Modality.RUMORED,
            (date(2026, 11, 1), date(2026, 11, 30))) in got
    assert not any(c[2] is Kind.CANCELLATION for c in got)  # other shows
    assert not any(c[2] is Kind.RELEASE and c[3] is Modality.HAPPENED for c in got)
    assert not any(c[2] is Kind.SLATE_LISTING and c[3] is Modality.RUMORED for c in got)
    assert not any(c[4] and c[4][0].month == 2 for c in got)  # the post's month


def test_the_books_a_show_adapts_are_not_a_show():
    _, out = _named("When is Tin Harbor season 3 coming out?\n\nNetflix's sprawling adaptation "
                    "of Mara Quint's Saltworks novels premiered in 2022. Tin Harbor season 3 "
                    "has no date yet.\n", date(2026, 3, 18))
    assert out.titles == ["Tin Harbor"]


def test_a_negation_ends_with_its_clause():
    got, _ = _named("Tin Harbor season 3 is filming. To be clear: we don't think it will land "
                    "this year, and early 2027 is the smart bet.\n", date(2026, 3, 18))
    assert ("Tin Harbor", 3, Kind.RELEASE, Modality.DENIED,
            (date(2026, 3, 18), date(2026, 12, 31))) in got
    assert ("Tin Harbor", 3, Kind.RELEASE, Modality.EXPECTED,
            (date(2027, 1, 1), date(2027, 6, 30))) in got


def test_short_k_drama_news_reads_its_shoot_and_its_order():
    text = ("'Paper Kites' Season 2 starts filming\n\nThe second season of JTBC's \"Paper "
            "Kites\" is in production. The cast held their first shoot last week in Incheon.\n\n"
            "A source added that filming is expected to continue until April.\n\n"
            "The first season premiered on February 3 this year and ended its 12-episode run in "
            "early March. JTBC confirmed the second season in May, after the finale.\n")
    got, _ = _named(text, date(2025, 11, 12))
    assert ("Paper Kites", 2, Kind.FILMING_START, Modality.HAPPENED,
            (date(2025, 11, 3), date(2025, 11, 9))) in got
    assert ("Paper Kites", 2, Kind.FILMING_WRAP, Modality.PLANNED,
            (date(2026, 4, 1), date(2026, 4, 30))) in got
    assert ("Paper Kites", 2, Kind.RENEWAL, Modality.HAPPENED,
            (date(2025, 5, 1), date(2025, 5, 31))) in got
    premieres = {c[4] for c in got if c[2] is Kind.RELEASE}
    assert premieres == {(date(2025, 2, 3), date(2025, 2, 3))}  # not the finale's March


def test_a_spanish_title_keeps_its_article_words_and_an_actor_leaving_is_no_cancellation():
    got, out = _named("Crónicas del Ñandú renovada\n\nNetflix has renewed Crónicas del Ñandú for "
                      "a second season. Marisa Olmedo will not return for the new season, her "
                      "agency said.\n", date(2025, 6, 12))
    assert out.titles == ["Crónicas del Ñandú"]
    assert ("Crónicas del Ñandú", 2, Kind.RENEWAL, Modality.HAPPENED, None) in got
    assert not any(c[2] is Kind.CANCELLATION for c in got)


def test_a_settled_date_is_the_platforms_but_a_sourced_one_is_a_plan():
    settled, _ = _named("Tin Harbor season 2 will premiere on March 3, 2027.\n", date(2026, 6, 1))
    sourced, _ = _named("Tin Harbor season 2 will reportedly premiere on March 3, 2027.\n",
                        date(2026, 6, 1))
    aimed, _ = _named("The producers are targeting March 3, 2027 for Tin Harbor season 2's "
                      "premiere.\n", date(2026, 6, 1))
    day = (date(2027, 3, 3), date(2027, 3, 3))
    assert ("Tin Harbor", 2, Kind.RELEASE, Modality.ANNOUNCED, day) in settled
    assert ("Tin Harbor", 2, Kind.RELEASE, Modality.PLANNED, day) in sourced
    assert ("Tin Harbor", 2, Kind.RELEASE, Modality.PLANNED, day) in aimed


def test_numbers_taglines_and_forum_words_are_not_shows():
    _, out = _named("# Tin Harbor Season 3: Everything We Know\n\nNetflix renewed Tin Harbor for a "
                    "third season. In the video, the lead crossed out the number \"2\" and wrote "
                    "\"3\". The poster reads \"Nobody leaves. Not this time\". It spent five weeks "
                    "in the global Top 10. OP here: Tin Harbor season 3 is my most awaited show.\n",
                    date(2025, 10, 14))
    assert out.titles == ["Tin Harbor"]


def test_a_critics_column_names_its_show_without_a_season_number_beside_it():
    text = ("Marrow Creek owes us a good third season.\n\n"
            "I have rewatched the first two seasons of Marrow Creek three times. Marrow Creek "
            "is HBO's slow, stubborn drama about a county sheriff. When Marrow Creek premiered "
            "in October 2022, almost nobody watched. By the time season two arrived in April "
            "2024, everyone did. HBO renewed it in May 2024. Filming wrapped last October, "
            "according to the network, and season three will arrive this summer. If you need "
            "something else, FX's The Tin Cathedral returns for its second season on March "
            "12.\n")
    got, out = _named(text, date(2026, 2, 22))
    assert "Marrow Creek" in out.titles
    # the first premiere came before season two's, so it is season one's
    assert ("Marrow Creek", 1, Kind.RELEASE, Modality.HAPPENED,
            (date(2022, 10, 1), date(2022, 10, 31))) in got
    # "according to the network" is the platform's word
    assert ("Marrow Creek", 3, Kind.RELEASE, Modality.ANNOUNCED,
            (date(2026, 6, 1), date(2026, 8, 31))) in got


def test_a_place_before_a_genre_is_not_a_show_and_steps_keep_their_order():
    text = ("How The Tallow Line season 2 was made\n\nApple TV+'s Glasgow crime drama has had "
            "a long road back. The Tallow Line premiered on March 8, 2024.\n\nOn April 22, "
            "Apple renewed the show for a second season.\n\nFilming on season 2 began on "
            "January 13, 2025.\n")
    got, out = _named(text, date(2025, 11, 18))
    assert out.titles == ["The Tallow Line"]
    # the renewal led to the January 2025 shoot: April 2024, not April 2025
    assert ("The Tallow Line", 2, Kind.RENEWAL, Modality.HAPPENED,
            (date(2024, 4, 22), date(2024, 4, 22))) in got


def test_a_line_up_page_lists_the_shows_its_headings_name():
    text = ("# Hulu in 2027: every series on the slate\n\n"
            "Hulu showed its 2027 line-up to the press on Tuesday.\n\n"
            "## What's on the Hulu 2027 slate\n\n"
            "### Tin Harbor, season 3: March 2027\n\n"
            "The mystery returns in March 2027.\n\n"
            "### Copper Bay, season 2: no date yet\n\n"
            "Nothing more was said.\n\n"
            "## Not on the slate\n\n"
            "### Quarry Lights, season 4\n\n"
            "The drama is still filming.\n\n"
            "## The bottom line\n\n"
            "### Our pick\n\nTin Harbor, of course.\n")
    got, _ = _named(text, date(2026, 12, 3))
    year = (date(2027, 1, 1), date(2027, 12, 31))
    assert ("Tin Harbor", 3, Kind.SLATE_LISTING, Modality.HAPPENED, year) in got
    assert ("Copper Bay", 2, Kind.SLATE_LISTING, Modality.HAPPENED, year) in got
    assert ("Quarry Lights", 4, Kind.SLATE_LISTING, Modality.DENIED, year) in got
    # the date under the platform's own line-up is the platform's
    assert ("Tin Harbor", 3, Kind.RELEASE, Modality.ANNOUNCED,
            (date(2027, 3, 1), date(2027, 3, 31))) in got
    # a heading after the line-up's sections is not in it, and "Not on the slate" is no
    # absence of the show named before it
    assert len([c for c in got if c[2] is Kind.SLATE_LISTING and c[0] == "Tin Harbor"]) == 1
    assert ("Copper Bay", 2, Kind.SLATE_LISTING, Modality.DENIED, year) not in got


def test_home_media_editions_and_casting_calls_are_no_premieres():
    got, out = _named("Tin Harbor season 2 news\n\nA director's cut edition of the first season "
                      "will be released on Blu-ray on August 30, 2026. Season 1 comes out on DVD "
                      "on September 4. Pre-production began on Monday with the launch of an open "
                      "casting call. Part 1 premieres in January 2027, and Part 2 follows in "
                      "July.\n", date(2026, 6, 10))
    premieres = {(c[1], c[4]) for c in got if c[2] is Kind.RELEASE}
    assert premieres == {(2, (date(2027, 1, 1), date(2027, 1, 31))),
                         (2, (date(2027, 7, 1), date(2027, 7, 31)))}
    # a part's date stated as settled is the platform's, as the first part's is
    assert all(c[3] is Modality.ANNOUNCED for c in got if c[2] is Kind.RELEASE)
    _, out = _named("One season 2 news\n\nTin Harbor season 2 is among the English-language "
                    "launches of 2026. One of them is set for May.\n", date(2026, 1, 10))
    assert out.titles == ["Tin Harbor"]


def test_the_writers_guess_is_an_expected_release_even_without_a_release_verb():
    got, _ = _named("Tin Harbor season 2 finished filming in May.\n\nWe think March 2027 is the "
                    "most likely month.\n\nOur best guess? Early 2027, and quite possibly on a "
                    "Sunday night.\n", date(2026, 6, 10))
    assert ("Tin Harbor", 2, Kind.RELEASE, Modality.EXPECTED,
            (date(2027, 3, 1), date(2027, 3, 31))) in got
    assert ("Tin Harbor", 2, Kind.RELEASE, Modality.EXPECTED,
            (date(2027, 1, 1), date(2027, 6, 30))) in got


def test_more_ways_a_season_is_ordered_and_a_date_is_ruled_out():
    for sentence, season in [
            ("KBS confirmed the production of Season 2 in November 2025.", 2),
            ("Prime Video had announced the second season in November 2025.", 2),
            ("Tin Harbor got an early season 2 pickup in November 2025.", 2)]:
        got, _ = _named(f"Tin Harbor season 2 news\n\n{sentence}\n", date(2026, 3, 1))
        assert ("Tin Harbor", season, Kind.RENEWAL, Modality.HAPPENED,
                (date(2025, 11, 1), date(2025, 11, 30))) in got, sentence
    got, _ = _named("Tin Harbor season 2 news\n\nThe announcement rules out the January 2027 "
                    "premiere that fans had been sharing.\n", date(2026, 10, 13))
    assert ("Tin Harbor", 2, Kind.RELEASE, Modality.DENIED,
            (date(2027, 1, 1), date(2027, 1, 31))) in got


def test_a_delay_from_one_month_to_another_is_dated_by_the_new_one():
    got, _ = _named("Tin Harbor season 3 news\n\nThe committee said Tin Harbor season 3 had been "
                    "postponed from July 2026 to January 2027.\n", date(2026, 5, 2))
    delays = {c[4] for c in got if c[2] is Kind.DELAY}
    assert delays == {(date(2027, 1, 1), date(2027, 1, 31))}


def test_a_moved_shoot_is_a_delay_and_a_new_plan_dated_nearest_the_article():
    for sentence in ["Permit problems pushed the start of filming to April.",
                     "Filming on season three has been pushed back to April, a spokesperson said.",
                     "The start of the shoot has been pushed back to April."]:
        got, _ = _named(f"Tin Harbor season 3 news\n\n{sentence}\n", date(2026, 2, 10))
        april = (date(2026, 4, 1), date(2026, 4, 30))
        assert ("Tin Harbor", 3, Kind.DELAY, Modality.HAPPENED, april) in got, sentence
        assert ("Tin Harbor", 3, Kind.FILMING_START, Modality.PLANNED, april) in got, sentence
    # written in November, "pushed to late June" is the June just gone, not next year's
    got, _ = _named("Tin Harbor season 3 news\n\nAfter the injury the wrap was pushed to late "
                    "June.\n", date(2025, 11, 18))
    assert ("Tin Harbor", 3, Kind.DELAY, Modality.HAPPENED,
            (date(2025, 6, 21), date(2025, 6, 30))) in got


def test_a_next_season_not_yet_ordered_in_other_words():
    for sentence, season in [
            ("As for the future, Apple has not renewed Tin Harbor for a third season.", 3),
            ("ITV has not yet said whether there will be a third series.", 3),
            ("The writers have ideas, but the network has not officially commissioned one.", 3)]:
        got, _ = _named(f"Tin Harbor season 2 news\n\nTin Harbor season 2 premieres in May. "
                        f"{sentence}\n", date(2026, 3, 1))
        assert ("Tin Harbor", season, Kind.RENEWAL, Modality.DENIED, None) in got, sentence


def test_each_season_takes_the_date_named_with_it():
    got, _ = _named("The Kelvin File series 3 news\n\nSeries 1 was first broadcast in September "
                    "2021 and series 2 in March 2023. For context, the first season of Tin Harbor "
                    "premiered in October 2021 and the second followed on January 8, 2023.\n",
                    date(2025, 6, 10))
    assert ("The Kelvin File", 2, Kind.RELEASE, Modality.HAPPENED,
            (date(2023, 3, 1), date(2023, 3, 31))) in got
    assert ("Tin Harbor", 2, Kind.RELEASE, Modality.HAPPENED,
            (date(2023, 1, 8), date(2023, 1, 8))) in got


def test_a_list_says_what_its_lead_in_says():
    got, _ = _named("Tin Harbor season 4: everything we know\n\nHere is when each of the "
                    "earlier seasons arrived:\n\n- Season 1: April 11, 2021\n- Season 2: June 5, "
                    "2022\n\nThe gap was long.\n", date(2026, 8, 18))
    assert ("Tin Harbor", 1, Kind.RELEASE, Modality.HAPPENED,
            (date(2021, 4, 11), date(2021, 4, 11))) in got
    assert ("Tin Harbor", 2, Kind.RELEASE, Modality.HAPPENED,
            (date(2022, 6, 5), date(2022, 6, 5))) in got


def test_an_events_date_and_a_runs_end_are_no_premiere():
    got, _ = _named("Tin Harbor season 2 news\n\nTin Harbor season 2 will premiere on October 20, "
                    "2025. The cast is also scheduled to appear at a fan panel in Raleigh on "
                    "November 2. The drama will air weeknights until mid-December.\n",
                    date(2025, 9, 30))
    premieres = {c[4] for c in got if c[2] is Kind.RELEASE}
    assert premieres == {(date(2025, 10, 20), date(2025, 10, 20))}
    # a denial "until" is still read
    for denial in ("will not return until 2027", "won't air until 2027"):
        got, _ = _named(f"Tin Harbor season 2 news\n\nTin Harbor season 2 {denial}.\n",
                        date(2025, 9, 30))
        assert any(c[2] is Kind.RELEASE and c[3] is Modality.DENIED for c in got), denial


def test_a_denial_of_a_far_end_is_at_most_a_year():
    # said in early 2024, "not before the end of 2025" denies 2025 (a span from the
    # article's day to the end of 2025 is wider than any precision, and crashed once)
    got, _ = _named("Tin Harbor season 3 news\n\nA premiere of Tin Harbor season 3 before the "
                    "end of 2025 is not realistic.\n", date(2024, 2, 29))
    denied = [c[4] for c in got if c[2] is Kind.RELEASE and c[3] is Modality.DENIED]
    assert denied and all((end - start).days <= 365 for start, end in denied)
    assert max(end for _start, end in denied) == date(2025, 12, 31)


def test_a_step_moved_back_a_year_keeps_its_single_day():
    # February 28 moved into a leap year stays one day (it once became two, and crashed)
    got, _ = _named("How Tin Harbor season 2 was made\n\nTin Harbor premiered on January 8, "
                    "2024.\n\nOn February 28, Apple renewed the show for a second season.\n\n"
                    "Filming on season 2 began on January 13, 2025.\n", date(2025, 11, 18))
    assert ("Tin Harbor", 2, Kind.RENEWAL, Modality.HAPPENED,
            (date(2024, 2, 28), date(2024, 2, 28))) in got


def test_paperwork_and_a_held_reading_before_a_chinese_shoot():
    # "completed its filming registration" is the filing before a shoot, not its wrap; a
    # script reading someone "held" in late May is past, not next May
    got, _ = _named('"The Jade Ledger 2" news\n\nFilming on the second season began '
                    "on June 14. Before that, the drama had completed its filming registration "
                    "with the regulator in March and held its script reading in late May.\n",
                    date(2025, 11, 4))
    assert not [c for c in got if c[2] is Kind.FILMING_WRAP]
    prep = {c[4] for c in got if c[2] is Kind.PREPRODUCTION and c[3] is Modality.HAPPENED}
    assert prep == {(date(2025, 3, 1), date(2025, 3, 31)), (date(2025, 5, 21), date(2025, 5, 31))}


def test_a_reported_slip_is_a_delay_that_happened():
    # the delay is news of what happened, even when the new target is only reported;
    # its date, the target, stays ahead of the article
    got, _ = _named("Saltmarsh season 3 is in trouble\n\nWith a new showrunner still to be "
                    "named, production is now eyeing a late June start, sources say, a delay "
                    "of nearly four months.\n", date(2026, 2, 18))
    delays = [(c[3], c[4]) for c in got if c[2] is Kind.DELAY]
    assert delays == [(Modality.HAPPENED, (date(2026, 6, 21), date(2026, 6, 30)))]


def test_castings_told_as_joining_a_season_or_announced_casting():
    got, _ = _named("Shiosai Detective Agency season 2 news\n\nThe big newcomer is Mizuhara "
                    "Yuki, whose casting Fuji TV announced on August 4. In June, Oona Fairweather "
                    "had joined the second season in a recurring role. Kwame Addo joined as the "
                    "ship's engineer in May. Lena Hart has joined as a rival smuggler.\n",
                    date(2025, 8, 27))
    castings = sorted(c[4] for c in got if c[2] is Kind.CASTING)
    assert castings == [(date(2025, 5, 1), date(2025, 5, 31)),
                        (date(2025, 6, 1), date(2025, 6, 30)),
                        (date(2025, 8, 4), date(2025, 8, 4))]  # Lena Hart is only cast


def test_a_season_that_opens_with_two_episodes_premieres():
    got, _ = _named("The Copper Line season 3 (Apple TV+): January 9\n\nApple's rail-heist "
                    "thriller The Copper Line opens with two episodes on January 9, then "
                    "continues weekly.\n", date(2025, 12, 9))
    assert ("The Copper Line", 3, Kind.RELEASE, Modality.ANNOUNCED,
            (date(2026, 1, 9), date(2026, 1, 9))) in got


def test_an_official_named_by_role_speaks_for_the_company():
    # "Obi said" after "chief content officer Renata Obi" is the company's word; an
    # analyst saying the same is not
    got, _ = _named("Vantage maps out its returning seasons\n\nChief executive Martin Greaves "
                    "handed over to chief content officer Renata Obi. Obi said the third season "
                    "of Harrow Street will premiere in the second half. Analysts said they expect "
                    "Harrow Street season 3 in October.\n", date(2025, 7, 31))
    releases = {(c[3], c[4]) for c in got if c[2] is Kind.RELEASE}
    assert (Modality.ANNOUNCED, (date(2025, 7, 1), date(2025, 12, 31))) in releases
    assert (Modality.ANNOUNCED, (date(2025, 10, 1), date(2025, 10, 31))) not in releases


def test_a_list_of_returning_shows_dates_each_without_a_verb():
    got, _ = _named("# Coming back in 2026\n\n**Saltmarsh, season 2 (Hulu): January.** Hulu "
                    "has only committed to that month.\n\n**Velvet Precinct, season 4 (Peacock): "
                    "February 5.** The cop comedy returns on February 5. Peacock renewed it for "
                    "a fifth season in October.\n\n**Kingfisher Road, season 2 (Disney+): "
                    "spring.** Production wrapped in August.\n", date(2025, 12, 9))
    releases = {(c[0], c[1], c[4]) for c in got if c[2] is Kind.RELEASE}
    assert releases == {("Saltmarsh", 2, (date(2026, 1, 1), date(2026, 1, 31))),
                        ("Velvet Precinct", 4, (date(2026, 2, 5), date(2026, 2, 5))),
                        ("Kingfisher Road", 2, (date(2026, 3, 1), date(2026, 5, 31)))}
    wraps = {(c[0], c[4]) for c in got if c[2] is Kind.FILMING_WRAP}
    assert wraps == {("Kingfisher Road", (date(2025, 8, 1), date(2025, 8, 31)))}


def test_a_renewal_confirmed_on_a_weekday_is_dated_that_day():
    got, _ = _named('Sangre de Cafetal is back\n\nPrime Video confirmed on Monday that "Sangre '
                    'de Cafetal", the Colombian drama about three generations of coffee growers '
                    'in the mountains of Quindío, will return for a second season.\n',
                    date(2025, 7, 22))
    assert ("Sangre de Cafetal", 2, Kind.RENEWAL, Modality.HAPPENED,
            (date(2025, 7, 21), date(2025, 7, 21))) in got


def test_a_scrapped_start_is_a_delay_and_an_analyst_expects():
    got, _ = _named("Harlan & Vance season 2\n\nHarlan & Vance season 2 had been set to start "
                    "filming on July 20. That start has been scrapped, a spokesperson said. "
                    "Gavin Teller, an analyst who tracks spending, said he expects the premiere "
                    "to slip to spring 2027.\n", date(2026, 7, 15))
    kinds = {(c[2], c[3]) for c in got}
    assert (Kind.DELAY, Modality.HAPPENED) in kinds
    assert (Kind.CANCELLATION, Modality.HAPPENED) not in kinds
    assert ("Harlan & Vance", 2, Kind.RELEASE, Modality.EXPECTED,
            (date(2027, 3, 1), date(2027, 5, 31))) in got


def test_and_it_wrapped_is_a_wrap_and_a_readers_question_sets_no_cancellation():
    got, _ = _named("## Did HBO forget about Copper Sky?\n\n> Is season two actually happening, "
                    "or did I miss a cancellation? — Russ, Tucson\n\nFilming on season two of "
                    "Copper Sky started in late May, and it wrapped last month. HBO has said it "
                    "will arrive in 2026, so my best guess is next summer.\n", date(2025, 11, 6))
    assert ("Copper Sky", 2, Kind.FILMING_WRAP, Modality.HAPPENED,
            (date(2025, 10, 1), date(2025, 10, 31))) in got
    assert not any(c[2] is Kind.CANCELLATION for c in got)
    assert ("Copper Sky", 2, Kind.RELEASE, Modality.EXPECTED,
            (date(2026, 6, 1), date(2026, 8, 31))) in got


def test_a_date_field_under_a_season_heading_is_its_premiere():
    got, _ = _named("# Every series returning in 2027\n\n## Netflix\n\n### The Paper Lanterns — "
                    "Season 3\n**Date:** January 14, 2027\n\nNetflix put a date on the mystery's "
                    "third season last month.\n\n### Brass Meridian — Season 3\n**Date:** No "
                    "date yet\n\nCameras started rolling in October. We'd guess late 2027 at the "
                    "earliest.\n\n### Dustland — Season 4\n**Date:** Part 1 in March 2027\n",
                    date(2026, 11, 16))
    releases = {(c[0], c[1], c[3], c[4]) for c in got if c[2] is Kind.RELEASE}
    assert releases == {
        ("The Paper Lanterns", 3, Modality.ANNOUNCED, (date(2027, 1, 14), date(2027, 1, 14))),
        ("Brass Meridian", 3, Modality.EXPECTED, (date(2027, 7, 1), date(2027, 12, 31))),
        ("Dustland", 4, Modality.ANNOUNCED, (date(2027, 3, 1), date(2027, 3, 31)))}


def test_a_schedule_table_dates_each_row():
    text = ("# New on Netflix in March\n\n## Returning series\n\n| Date | Show | What to know |\n"
            "|---|---|---|\n| Thursday, March 5 | Brinewater, season 3 | The harbour mystery "
            "is back. Season 2 arrived in October 2024. |\n| Friday, March 20 | Hollow Crown "
            "Bakery, season 4 | Eight new bakers. |\n\n## Also\n\nNothing else.\n")
    got, _ = _named(text, date(2026, 2, 24))
    releases = {(c[0], c[1], c[3], c[4]) for c in got if c[2] is Kind.RELEASE}
    assert releases == {
        ("Brinewater", 3, Modality.ANNOUNCED, (date(2026, 3, 5), date(2026, 3, 5))),
        ("Brinewater", 2, Modality.HAPPENED, (date(2024, 10, 1), date(2024, 10, 31))),
        ("Hollow Crown Bakery", 4, Modality.ANNOUNCED, (date(2026, 3, 20), date(2026, 3, 20)))}


def test_getting_a_season_names_the_show_and_hyphens_do_not_hide_a_wrap():
    got, _ = _named("Ashen Gear Chronicle is getting a second season. Pre-production began in "
                    "March. Filming on the boarding-school drama wrapped in May.\n",
                    date(2026, 7, 5))
    assert {(c[0], c[1], c[2], c[4]) for c in got} >= {
        ("Ashen Gear Chronicle", 2, Kind.PREPRODUCTION, (date(2026, 3, 1), date(2026, 3, 31))),
        ("Ashen Gear Chronicle", 2, Kind.FILMING_WRAP, (date(2026, 5, 1), date(2026, 5, 31)))}


def test_a_public_broadcasters_word_and_european_phrasings():
    got, _ = _named('"Kreidefelsen" returns\n\nZDF commissioned a fourth season of Kreidefelsen. '
                    "According to ZDF, filming will begin on 3 March 2026 on Rügen. The last day "
                    "of shooting is planned for late September 2026, the production company said. "
                    "A ZDF spokeswoman said the episodes would not be shown before 2027.\n",
                    date(2025, 9, 16))
    assert ("Kreidefelsen", 4, Kind.FILMING_START, Modality.ANNOUNCED,
            (date(2026, 3, 3), date(2026, 3, 3))) in got
    assert ("Kreidefelsen", 4, Kind.FILMING_WRAP, Modality.PLANNED,
            (date(2026, 9, 21), date(2026, 9, 30))) in got
    assert ("Kreidefelsen", 4, Kind.RELEASE, Modality.DENIED,
            (date(2026, 1, 1), date(2026, 12, 31))) in got  # a year at most


def test_a_history_table_dates_each_seasons_steps():
    text = ("# The Marlowe Inheritance season 4 release date prediction\n\n*Media Centre | Press "
            "release | Published: 14 August 2026*\n\n## The track record\n\n| Season | Filming "
            "began | Filming wrapped | Premiere | Wrap to premiere |\n|---|---|---|---|---|\n"
            "| 1 | March 2021 | November 2021 | September 8, 2022 | 10 months |\n"
            "| 2 | May 2022 | December 2022 | October 5, 2023 | 9.5 months |\n"
            "| 4 | January 2026 | July 17, 2026 | ? | ? |\n\nHulu has not named a date.\n")
    got, _ = _named(text, date(2026, 8, 14))
    steps = {(c[1], c[2], c[4]) for c in got if c[3] is Modality.HAPPENED}
    assert steps == {
        (1, Kind.FILMING_START, (date(2021, 3, 1), date(2021, 3, 31))),
        (1, Kind.FILMING_WRAP, (date(2021, 11, 1), date(2021, 11, 30))),
        (1, Kind.RELEASE, (date(2022, 9, 8), date(2022, 9, 8))),
        (2, Kind.FILMING_START, (date(2022, 5, 1), date(2022, 5, 31))),
        (2, Kind.FILMING_WRAP, (date(2022, 12, 1), date(2022, 12, 31))),
        (2, Kind.RELEASE, (date(2023, 10, 5), date(2023, 10, 5))),
        (4, Kind.FILMING_START, (date(2026, 1, 1), date(2026, 1, 31))),
        (4, Kind.FILMING_WRAP, (date(2026, 7, 17), date(2026, 7, 17)))}  # not the press release


def test_a_trackers_items_and_more_release_and_wrap_phrasings():
    got, _ = _named("# Release date tracker\n\n- Wolfsbane Academy season 2 (Crunchyroll) — spring "
                    "2025. Confirmed at a fan event.\n- Crimson Ledger season 2 (tvN) — first half "
                    "of 2025.\n", date(2025, 3, 5))
    assert {(c[0], c[2], c[3], c[4]) for c in got} == {
        ("Wolfsbane Academy", Kind.RELEASE, Modality.ANNOUNCED,
         (date(2025, 3, 1), date(2025, 5, 31))),
        ("Crimson Ledger", Kind.RELEASE, Modality.ANNOUNCED, (date(2025, 1, 1), date(2025, 6, 30)))}
    got, _ = _named("Saltmarsh Accord season 2\n\nApple has committed to 2026 and nothing "
                    "narrower. Venn shot her final scene in mid-July.\n", date(2025, 10, 14))
    assert {(c[2], c[3], c[4]) for c in got} == {
        (Kind.RELEASE, Modality.ANNOUNCED, (date(2026, 1, 1), date(2026, 12, 31))),
        (Kind.CAST_WRAP, Modality.HAPPENED, (date(2025, 7, 11), date(2025, 7, 20)))}
    got, _ = _named("Saint Albans season 6\n\nThe ensemble drama Saint Albans opens its sixth "
                    "season on Wednesday, Oct. 1.\n", date(2025, 5, 12))
    assert ("Saint Albans", 6, Kind.RELEASE, Modality.ANNOUNCED,
            (date(2025, 10, 1), date(2025, 10, 1))) in got


def test_a_company_said_it_would_is_its_plan_not_a_hedge():
    got, _ = _named("Red Dirt Road season 3\n\nRed Dirt Road will film its third season in "
                    "Karratha. The company said cameras would roll in February next year, with a "
                    "wrap targeted for late May. Internationally, the show streams on Acorn TV.\n",
                    date(2026, 8, 19))
    assert {(c[0], c[2], c[3], c[4]) for c in got} >= {
        ("Red Dirt Road", Kind.FILMING_START, Modality.PLANNED,
         (date(2027, 2, 1), date(2027, 2, 28))),
        ("Red Dirt Road", Kind.FILMING_WRAP, Modality.PLANNED,
         (date(2027, 5, 21), date(2027, 5, 31)))}
    assert {c[0] for c in got} == {"Red Dirt Road"}


def test_a_threads_posts_date_their_own_words():
    text = ("HOLLOWMERE SEASON 2 TRACKER\nThread last updated: April 2, 2026\n\n"
            "1/ [Dec 2, 2024 · 6:02 PM]\nMax has renewed Hollowmere for season 2! Renewal "
            "announced today.\n\n2/ [Feb 9, 2026 · 8:03 AM]\nFilming on S2 of Hollowmere began "
            "today in Budapest.\n")
    got, _ = _named(text, date(2026, 4, 2))
    assert ("Hollowmere", 2, Kind.RENEWAL, Modality.HAPPENED,
            (date(2024, 12, 2), date(2024, 12, 2))) in got
    assert ("Hollowmere", 2, Kind.FILMING_START, Modality.HAPPENED,
            (date(2026, 2, 9), date(2026, 2, 9))) in got
    # one date alone on a line is a dateline: the article's date still rules
    got, _ = _named("Hollowmere season 2\n\nMarch 3, 2025\n\nFilming began today.\n",
                    date(2025, 3, 5))
    assert ("Hollowmere", 2, Kind.FILMING_START, Modality.HAPPENED,
            (date(2025, 3, 5), date(2025, 3, 5))) in got


# Readings found on real published pages (session 20); every sentence here is written for
# the test, about invented shows.

def test_a_tracked_name_with_a_typographic_apostrophe_is_still_that_show():
    known = [Title("Single's Harbour", (), None, None), Title("Iron: 100", (), None, None)]
    text = ("Iron: 100 Season 2: what we know\n\nIron: 100 Season 2 is on its way. Single’s "
            "Harbour season 2 was filmed in the summer and aired in late December 2022.\n")
    out = extract_document(text, published=date(2023, 8, 16), known_titles=known)
    assert {c.title for c in out.claims if c.date and c.date.start.month == 12} == {
        "Single's Harbour"}
    assert out.titles[0] == "Iron: 100"


def test_a_start_that_did_not_come_until_a_month_is_the_start():
    got, _ = _named("Glass Orchard season 3\n\nThe final season of Glass Orchard didn’t start "
                    "filming until May 2021.\n", date(2021, 12, 23))
    assert ("Glass Orchard", 3, Kind.FILMING_START, Modality.HAPPENED,
            (date(2021, 5, 1), date(2021, 5, 31))) in got
    assert not any(c[2] is Kind.FILMING_WRAP for c in got)


def test_filming_on_a_quoted_show_began():
    got, _ = _named("Night Lanterns 5\n\nAfter a long delay, principal photography on “Night "
                    "Lanterns 5” began in January of 2024.\n", date(2024, 12, 20))
    assert ("Night Lanterns", 5, Kind.FILMING_START, Modality.HAPPENED,
            (date(2024, 1, 1), date(2024, 1, 31))) in got
    assert not any(c[2] is Kind.RELEASE for c in got)


def test_a_show_that_first_debuted_is_its_first_season():
    got, _ = _named("Night Lanterns season 5 wraps\n\nNight Lanterns season 5 has wrapped. "
                    "The show first debuted in July of 2016.\n", date(2024, 12, 20))
    assert ("Night Lanterns", 1, Kind.RELEASE, Modality.HAPPENED,
            (date(2016, 7, 1), date(2016, 7, 31))) in got


def test_a_platform_that_has_not_set_a_date_announces_nothing():
    got, _ = _named("Night Lanterns season 5\n\nNetflix has not set a firm release date for "
                    "Night Lanterns season 5 yet, but it’s expected to debut sometime in 2025.\n",
                    date(2024, 12, 20))
    assert ("Night Lanterns", 5, Kind.RELEASE, Modality.PLANNED,
            (date(2025, 1, 1), date(2025, 12, 31))) in got
    got, _ = _named("Cape Morrow season 4\n\nNetflix has not announced an official release "
                    "date for Cape Morrow season 4 yet, but the streamer has assured viewers to "
                    "expect the new season by the end of the year.\n", date(2024, 6, 14))
    assert {c[3] for c in got if c[2] is Kind.RELEASE} == {Modality.ANNOUNCED}


def test_a_production_stage_before_a_name_in_a_headline_and_a_page_stamp():
    text = ("date 2024-06-14 The Big Picture Filming for Cape Morrow Season 4 has wrapped "
            "up.\n\nFilming for Season 4 began in June 2023.\n")
    got, out = _named(text, date(2024, 6, 14))
    assert out.titles == ["Cape Morrow"]
    assert ("Cape Morrow", 4, Kind.FILMING_START, Modality.HAPPENED,
            (date(2023, 6, 1), date(2023, 6, 30))) in got
    # the page's own stamp dates nothing
    assert not any(c[4] == (date(2024, 6, 14), date(2024, 6, 14)) for c in got)


def test_not_until_sometime_in_a_year_and_an_assumption_is_no_show():
    got, out = _named("Hollis & Fern Season 3\n\nA report stated that Season 3 of Hollis & Fern "
                      "will not be released on Netflix until sometime in 2025. Assuming Season 3 "
                      "keeps that pace, filming could wrap around September or October 2024.\n",
                      date(2024, 7, 24))
    assert "Assuming" not in out.titles
    assert ("Hollis & Fern", 3, Kind.RELEASE, Modality.DENIED,
            (date(2024, 7, 24), date(2024, 12, 31))) in got
    assert ("Hollis & Fern", 3, Kind.FILMING_WRAP, Modality.EXPECTED,
            (date(2024, 9, 1), date(2024, 10, 31))) in got


def test_it_after_a_sentence_about_an_earlier_season_is_that_season():
    got, _ = _named("Hollis & Fern Season 3\n\nHollis & Fern Season 3 is coming. Season 2 was a "
                    "different story. It started filming in late November 2021 and wrapped in "
                    "April 2022.\n", date(2024, 7, 24))
    assert ("Hollis & Fern", 2, Kind.FILMING_START, Modality.HAPPENED,
            (date(2021, 11, 21), date(2021, 11, 30))) in got
    assert ("Hollis & Fern", 2, Kind.FILMING_WRAP, Modality.HAPPENED,
            (date(2022, 4, 1), date(2022, 4, 30))) in got


def test_a_delay_due_to_a_dated_cause_is_not_dated_by_it():
    got, _ = _named("Iron Dojo season 6\n\nProduction on the sixth season of Iron Dojo was "
                    "delayed several months due to the strikes last year.\n", date(2024, 5, 2))
    assert ("Iron Dojo", 6, Kind.DELAY, Modality.HAPPENED, None) in got
    assert not any(c[2] is Kind.RELEASE for c in got)


def test_more_readings_from_real_pages():
    # "confirmed season 2 has finished filming": a wrap, no order
    got, _ = _named("Brine Pirates season 2\n\nThe team behind Netflix's Brine Pirates has "
                    "confirmed season 2 has finished filming.\n", date(2024, 12, 17))
    assert {c[2] for c in got} == {Kind.FILMING_WRAP}
    # a person who "does not return for season 3" denies no order
    got, _ = _named("Mirror Maze season 3\n\nMirror Maze season 3 arrives in May 2026. Harriet "
                    "Sloane, who played Imogen, does not return for season 3.\n",
                    date(2025, 10, 14))
    assert not any(c[2] is Kind.RENEWAL for c in got)
    # "started streaming" is a premiere; "is scheduled to stream ... in January 2026" too
    got, _ = _named("Mirror Maze season 3\n\nIn December 2020, Mirror Maze started streaming. "
                    "Crunchyroll is scheduled to stream Mirror Maze season 3 worldwide in "
                    "January 2026.\n", date(2025, 8, 31))
    assert ("Mirror Maze", 1, Kind.RELEASE, Modality.HAPPENED,
            (date(2020, 12, 1), date(2020, 12, 31))) in got
    assert ("Mirror Maze", 3, Kind.RELEASE, Modality.ANNOUNCED,
            (date(2026, 1, 1), date(2026, 1, 31))) in got


def test_more_dates_and_modalities_from_real_pages():
    # "for Oct. 3" is a day, not October
    got, _ = _named("Netflix’s ‘Gentleman Thief’ Part 3 Sets Release Date\n\nNetflix has set "
                    "the launch date for Part 3 of “Gentleman Thief,” its heist series, for Oct. "
                    "3.\n", date(2023, 4, 20))
    assert {c[4] for c in got if c[2] is Kind.RELEASE} == {(date(2023, 10, 3), date(2023, 10, 3))}
    # "originally scheduled for filming in autumn 2023": the shoot's plan
    got, _ = _named("Amelie Abroad season 4\n\nAmelie Abroad season 4 was originally scheduled "
                    "for filming in autumn 2023.\n", date(2024, 4, 7))
    assert {c[2] for c in got} == {Kind.FILMING_START}
    # "is thought to be landing": a guess; "no current official date" is no official word
    got, _ = _named("Amelie Abroad season 4\n\nThere is no current official release date for "
                    "Amelie Abroad season 4, but it is thought to be landing some time in winter "
                    "2024.\n", date(2024, 4, 7))
    assert {c[3] for c in got if c[2] is Kind.RELEASE} == {Modality.EXPECTED}
    # "doesn't wrap until September 2023" is the wrap; "a 2023 release looks unattainable"
    got, _ = _named("Hargreeve House season 4\n\nThe shoot could mean Hargreeve House season 4 "
                    "doesn't wrap until September 2023. That makes a 2023 release look "
                    "unattainable.\n", date(2022, 11, 22))
    assert {(c[2], c[3]) for c in got} >= {(Kind.FILMING_WRAP, Modality.DENIED),
                                          (Kind.RELEASE, Modality.DENIED)}
    # "before Christmas next year" is this Christmas's next; a date before television is
    # no season's
    got, _ = _named("Brine Pirates season 2\n\nAn actor said Brine Pirates season 2 will be "
                    "ready for Netflix before Christmas next year. The novels' hero was created "
                    "in 1905.\n", date(2024, 12, 17))
    assert all(c[4] is None or c[4][0].year >= 2025 for c in got)


def test_came_out_same_year_and_summer_months():
    got, _ = _named("Lark Academy season 4\n\nLark Academy season 4 premieres September 21. "
                    "Season three came out in September 2021. The show came out of nowhere.\n",
                    date(2023, 7, 5))
    assert ("Lark Academy", 3, Kind.RELEASE, Modality.HAPPENED,
            (date(2021, 9, 1), date(2021, 9, 30))) in got
    assert len([c for c in got if c[2] is Kind.RELEASE]) == 2
    got, _ = _named("Lumon Files season 2\n\nThe first season of Lumon Files premiered in "
                    "February 2022. In October that same year, Apple TV+ confirmed that filming "
                    "on season 2 had begun.\n", date(2024, 2, 1))
    assert ("Lumon Files", 2, Kind.FILMING_START, Modality.HAPPENED,
            (date(2022, 10, 1), date(2022, 10, 31))) in got
    got, _ = _named("Grey Wolf season 4\n\nGrey Wolf season 4 will not premiere until 2025, "
                    "and fans may have to wait until the summer months of 2025.\n",
                    date(2023, 10, 16))
    assert all(c[4] is None or c[4][0].year >= 2024 for c in got)


def test_a_habit_a_restart_and_scrapped_scripts():
    got, _ = _named("Grey Wolf season 4\n\nSince its debut in December 2019, Grey Wolf has been "
                    "a treat, with each season releasing around the Christmas holiday.\n",
                    date(2023, 10, 16))
    assert not any(c[1] == 4 for c in got)
    got, _ = _named("Lumon Files season 2\n\nThe streamer confirmed this week that production on "
                    "Lumon Files season 2 has re-commenced. A report blamed scrapped scripts.\n",
                    date(2024, 2, 1))
    assert {(c[2], c[3]) for c in got} == {(Kind.FILMING_START, Modality.HAPPENED)}


def test_a_line_that_is_only_a_tracked_name_heads_its_section():
    known = [Title("Outrider", (), None, None), Title("The Maid's Ledger", (), None, None)]
    text = ("Shows delayed by the strike\n\nOutrider\n\nOutrider season 8 is one of the shows "
            "hit by the strike.\n\nThe Maid’s Ledger\n\nThe hit show was originally planned to "
            "begin filming its final season in the late summer.\n")
    out = extract_document(text, published=date(2023, 8, 9), known_titles=known)
    starts = [c for c in out.claims if c.kind is Kind.FILMING_START]
    assert [c.title for c in starts] == ["The Maid's Ledger"]


def test_a_delay_is_dated_by_its_new_target_not_by_when_it_was_reported():
    got, _ = _named("Lumon Files season 2\n\nIn April 2023, a trade report said Lumon Files "
                    "season 2 had been delayed significantly.\n", date(2024, 2, 1))
    assert ("Lumon Files", 2, Kind.DELAY, Modality.HAPPENED, None) in got
    got, _ = _named("Lumon Files season 2\n\nIn April 2023, Lumon Files season 2 was delayed "
                    "to 2025.\n", date(2024, 2, 1))
    assert ("Lumon Files", 2, Kind.DELAY, Modality.HAPPENED,
            (date(2025, 1, 1), date(2025, 12, 31))) in got


def test_what_fans_can_expect_is_the_writers_guess_not_a_rumour():
    got, _ = _named("Iron: 100 season 2\n\nIf Iron: 100 season 2 follows the same pattern, fans "
                    "can likely expect an early 2024 release date.\n", date(2023, 8, 16))
    assert {c[3] for c in got if c[2] is Kind.RELEASE} == {Modality.EXPECTED}
    got, _ = _named("Iron: 100 season 2\n\nFans expect an early 2024 release date for Iron: "
                    "100 season 2.\n", date(2023, 8, 16))
    assert {c[3] for c in got if c[2] is Kind.RELEASE} == {Modality.RUMORED}


def test_a_reported_not_until_is_a_plan():
    got, _ = _named("Hollis & Fern Season 3\n\nIn February 2024, a report from a trade paper "
                    "stated that Season 3 of Hollis & Fern will not be released on Netflix until "
                    "sometime in 2025.\n", date(2024, 7, 24))
    assert ("Hollis & Fern", 3, Kind.RELEASE, Modality.PLANNED,
            (date(2025, 1, 1), date(2025, 12, 31))) in got


def test_a_site_kicker_and_a_character_for_a_show_are_not_the_name():
    got, out = _named("The Big Picture Magnolia Lane Season 4 Has Wrapped Filming\n\nFilming on "
                      "Magnolia Lane season 4 wrapped on May 30.\n", date(2024, 5, 31))
    assert out.titles == ["Magnolia Lane"]
    got, out = _named("Sarah Lancer returns\n\nSarah Lancer will return as Sergeant Cath Wood for "
                      "Calder Valley series 3, which starts filming in 2022.\n", date(2021, 10, 28))
    assert "Calder Valley" in out.titles
    assert {c[0] for c in got} == {"Calder Valley"}


def test_a_parenthesis_about_the_first_season_and_two_more_seasons():
    got, _ = _named("Rust Belt season 2\n\nRust Belt season 2 has wrapped. If season 2 follows a "
                    "timeline similar to the first (filming finished in March 2023 and the show "
                    "released in April 2024), we might potentially see a premiere in late spring "
                    "2026.\n", date(2025, 5, 9))
    assert ("Rust Belt", 1, Kind.FILMING_WRAP, Modality.HAPPENED,
            (date(2023, 3, 1), date(2023, 3, 31))) in got
    assert ("Rust Belt", 1, Kind.RELEASE, Modality.HAPPENED,
            (date(2024, 4, 1), date(2024, 4, 30))) in got
    assert ("Rust Belt", 2, Kind.RELEASE, Modality.EXPECTED,
            (date(2026, 3, 1), date(2026, 5, 31))) in got
    got, _ = _named("Ballroom Years season 4\n\nLast month, Netflix announced that the fourth "
                    "season of Ballroom Years will be premiering in 2026, and that it has been "
                    "renewed for two more seasons.\n", date(2025, 6, 20))
    assert {(c[1], c[4]) for c in got if c[2] is Kind.RENEWAL} == {
        (5, (date(2025, 5, 1), date(2025, 5, 31))), (6, (date(2025, 5, 1), date(2025, 5, 31)))}


def test_a_season_named_as_background_is_not_the_articles_season():
    text = ("There is fresh news on the latest season of ‘The Dawn Desk.’ Filming for the Apple "
            "TV series is slated to begin in Los Angeles in July 2024. Since season 3, the "
            "satirical drama has been helmed by Carla Stout, who works on the scripts with its "
            "stars.\n\nWith season 4, the show is expected to follow the election. The fourth "
            "season was reportedly green-lit in April 2023, months before the premiere of "
            "season 3.\n")
    got, _ = _named(text, date(2024, 5, 10))
    assert ("The Dawn Desk", 4, Kind.FILMING_START, Modality.PLANNED,
            (date(2024, 7, 1), date(2024, 7, 31))) in got


def test_a_one_word_show_renewed_for_a_season_is_named():
    got, out = _named("Renewals roundup\n\nCBS renewed Elsmere for a third season on Tuesday.\n",
                      date(2025, 2, 20))
    assert out.titles == ["Elsmere"]
    assert ("Elsmere", 3, Kind.RENEWAL, Modality.HAPPENED,
            (date(2025, 2, 18), date(2025, 2, 18))) in got


def test_a_renewals_round_up_in_list_form_orders_each_season():
    text = ("CBS hands out renewals\n\nThe full breakdown of the network's latest round of "
            "renewals includes a Season 3 for “Tin Star,” Season 2 of “Maple & Moss” and Season "
            "4 of “Ember County.”\n\nThe fates of two other shows are still up in the air, with "
            "Season 3 of “Night Desk” and Season 2 of “Low Tide” undecided.\n")
    got, _ = _named(text, date(2025, 2, 20))
    assert {(c[0], c[1]) for c in got if c[2] is Kind.RENEWAL} == {
        ("Tin Star", 3), ("Maple & Moss", 2), ("Ember County", 4)}


def test_what_happened_this_week_happened_by_the_articles_day():
    got, _ = _named("Lumon Files season 2\n\nThe streamer confirmed this week that production "
                    "on Lumon Files season 2 has re-commenced.\n", date(2024, 2, 1))
    assert ("Lumon Files", 2, Kind.FILMING_START, Modality.HAPPENED,
            (date(2024, 1, 29), date(2024, 2, 1))) in got
