"""The extractor's building blocks: sentences, titles and seasons, triggers, modality."""

from datetime import date

from seasoncast.extract.sentences import clause_bounds, split_sentences
from seasoncast.extract.titles import detect_titles, find_season_mentions
from seasoncast.extract.triggers import find_triggers
from seasoncast.model import Kind, Title


def test_sentences_keep_offsets_and_lines():
    text = ("Headline Without A Stop\n\nDr. Reyes said filming began in Jan. 2025. It wrapped "
            "in May.\n- **June 2025** — Teaser out")
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "Headline Without A Stop", "Dr. Reyes said filming began in Jan. 2025.",
        "It wrapped in May.", "- **June 2025** — Teaser out"]
    for s in sents:
        assert text[s.start:s.end] == s.text


def test_hard_wrapped_paragraphs_are_joined():
    text = ("The streamer renewed the show for a second season in March 2025, and filming\n"
            "is expected to begin later this year in Belfast.")
    assert len(split_sentences(text)) == 1


def test_clauses():
    s = "Filming wraps in February, but the show likely won't release until 2027."
    parts = [s[a:b] for a, b in clause_bounds(s)]
    assert len(parts) == 2 and parts[1].lstrip(", ").startswith("but")


def test_season_mentions():
    text = "Season Two, season 3, Season IV, S5, the sixth season, Seasons 7 and 8, Part 2"
    got = [m.numbers for m in find_season_mentions(text) if m.numbers]
    assert got == [(2,), (3,), (4,), (5,), (6,), (7, 8)]
    assert any(m.part == 2 for m in find_season_mentions(text))


def test_titles_from_headlines_and_prose():
    cases = {
        "When Does The Witcher Season 4 Come Out? The Witcher returns.": "The Witcher",
        "FX's Shōgun Returns to Set as Production Begins": "Shōgun",
        "Netflix Renews 'Wednesday' For Season 2\n\nWednesday was a hit.": "Wednesday",
        "The second season of the legal thriller Blood Ledger was confirmed.": "Blood Ledger",
        "## 5. Daredevil: Born Again (Season 2)\n\nIt returns in March.": "Daredevil: Born Again",
        "Prime Video Delays 'Crown of Ash' Season 2 to 2025": "Crown of Ash",
    }
    for text, title in cases.items():
        assert detect_titles(text).titles[:1] == [title], text


def test_shows_named_in_passing_are_not_tracked():
    text = ("Tidewater Season 2 wraps in May. It was the biggest hit since Squid Game, and "
            "its star is a Game of Thrones alum.")
    assert detect_titles(text).titles == ["Tidewater"]


def test_outlets_and_source_books_are_not_shows():
    text = ("# Lantern Row\n\nLantern Row is based on *The Salt Atlas*, a novel by Ida Brenn. "
            "The series was renewed for a second season in May, Deadline reported. Its star "
            "is best known for the crime series *Harbour Nine*. Lantern Row wrapped in June."
            "\n\n## References\n\n1. \"Lantern Row renewed\". *Variety*.\n"
            "2. \"Lantern Row wraps\". *The Wrap*.")
    ctx = detect_titles(text)
    # a page headed by a bare name it repeats is that show's page
    assert ctx.titles[0] == "Lantern Row"
    assert not {"The Salt Atlas", "Deadline", "Variety", "The Wrap"} & set(ctx.titles)
    assert [m[2] for m in ctx.passing] == ["Harbour Nine"]
    assert detect_titles("# Hulu Renews Lantern Row\n\nLantern Row is back. Lantern Row "
                         "season 2 comes in May.").titles == ["Lantern Row"]


def test_a_comparison_by_viewers_is_a_passing_mention():
    text = ('"The Jade Ledger 2" wraps filming. It was compared by some viewers to "Nirvana '
            'in Fire" and "The Story of Ming Lan," and the second season airs next year.')
    ctx = detect_titles(text)
    assert ctx.titles[0] == "The Jade Ledger"
    assert [m[2] for m in ctx.passing] == ["Nirvana in Fire", "The Story of Ming Lan"]


def test_the_first_named_show_leads_even_if_named_again_last():
    text = ("Marrow Creek season 2 wraps in May. Its star also leads Quiet Ward season 3. "
            "Marrow Creek returns next year.")
    assert detect_titles(text).titles == ["Marrow Creek", "Quiet Ward"]


def test_a_numbered_section_opens_with_its_show():
    text = ("Why does TV take so long?\n\nExhibit A: Hollow Tide\n\nNetflix's thriller premiered "
            "in August 2021. Hollow Tide was renewed that October.\n\n2. Low Orbit gets two "
            "more seasons\n\nApple renewed it.")
    assert detect_titles(text).titles == ["Hollow Tide"]


def test_headline_verbs_articles_and_fan_events_around_a_name():
    assert detect_titles("Stardust Mechanic Anime Confirms Season 2 for 2026\n\nThe studio "
                         "announced it. Stardust Mechanic is back.").titles == ["Stardust Mechanic"]
    assert detect_titles("'La Casa de los Relojes' Renewed for Season 3\n\nLa Casa de los "
                         "Relojes returns.").titles == ["La Casa de los Relojes"]
    text = ('Stardust Mechanic season 2 is coming. A stage event, "Stardust Mechanic Hangar Day," '
            'is set for September 14.')
    assert detect_titles(text).titles == ["Stardust Mechanic"]


def test_a_tabloid_names_its_show_before_a_star_not_as_a_pronoun():
    text = ("LARKSPUR LANE IN CHAOS: star QUITS\n\nLARKSPUR LANE star Gemma Thornley has quit "
            "the BBC drama. She told producers last week. She wants a change. Her pal Ray "
            "Dawson said so. She is in talks. Larkspur Lane is not being cancelled.")
    known = [Title("She"), Title("Ray")]  # tracked one-word shows
    assert detect_titles(text, known).titles == ["Larkspur Lane"]
    # with no other show named, a tracked one-word show counts only mid-sentence
    assert detect_titles("A new season of Netflix's She is coming. Critics loved She, and "
                         "She was renewed.", known).titles == ["She"]


def test_an_appositive_with_a_possessive_names_a_show():
    text = ("Saints of Calder, the company's flagship crime saga, finished filming its fourth "
            "season in Glasgow.")
    assert detect_titles(text).titles == ["Saints of Calder"]


def test_podcast_chapters_name_their_show():
    text = ("Show notes\n\n(00:00) Intro. Tom has finally watched Slow Horses.\n\n(14:20) Dust & "
            "Gospel, season 3. Filming wrapped in August.\n\n(27:05) Pinecrest Ward, season 5. "
            "First, the rumour.")
    assert detect_titles(text).titles == ["Dust & Gospel", "Pinecrest Ward"]


def test_bold_names_in_newsletters():
    text = ("# This week\n\n## 1. Low Orbit gets two more seasons\n\nApple renewed **Low "
            "Orbit** on Tuesday.\n\n## 2. Cinder & Vine is cancelled\n\nMax cancelled "
            "**Cinder & Vine** on Wednesday. **Philippa Ardent** posted a goodbye.\n\n"
            "## *Copperline* (HBO) — **FINAL SEASON**\n\nIt ends in May.")
    assert detect_titles(text).titles == ["Low Orbit", "Cinder & Vine", "Copperline"]


def test_korean_news_quotes_titles_in_single_quotes():
    text = ("'Sunrise Farmstay 3' confirms April premiere\n\ntvN's reality show 'Sunrise "
            "Farmstay' is returning for a third season. Park, the show's farm manager, is "
            "back. Kim Do-yeon, who received much love for the drama 'Hospital Days', joins. "
            "Yoon Ga-ram, who played a cook in the comedy series 'Night Canteen', joins too, "
            "and the show takes the slot held by the camping show 'Pocket Campers'.")
    ctx = detect_titles(text)
    assert ctx.titles[0] == "Sunrise Farmstay"
    assert "Park" not in ctx.titles
    assert [m[2] for m in ctx.passing] == ["Hospital Days", "Night Canteen", "Pocket Campers"]


def test_title_number_is_a_season():
    ctx = detect_titles("Sweet Home Season 3 is coming. Sweet Home 3 also made the list.")
    assert any(m.numbers == (3,) for m in ctx.seasons if m.start > 30)


def test_triggers_resolve_overlaps():
    kinds = [t.kind for t in find_triggers("It is absent from Netflix's 2026 release schedule.")]
    assert kinds == [Kind.SLATE_LISTING]
    kinds = [t.kind for t in find_triggers("A first teaser dropped on Friday.")]
    assert kinds == [Kind.TEASER]
    kinds = [t.kind for t in find_triggers("Lomon has already wrapped his part.")]
    assert kinds == [Kind.CAST_WRAP]
    kinds = [t.kind for t in find_triggers("Pre-production begins in Cape Town.")]
    assert kinds == [Kind.PREPRODUCTION]


def test_modality_cues_end_to_end():
    from seasoncast.extract import extract_document

    def mods(sentence: str) -> set[str]:
        out = extract_document("Copper Bay Season 2 news.\n\n" + sentence,
                               published=date(2025, 6, 1))
        return {c.modality.value for c in out.claims if c.date is not None}

    assert mods("Netflix confirmed the show will premiere in March 2026.") == {"announced"}
    assert mods("The show is reportedly slated for March 2026.") == {"planned"}
    assert mods("We think it will premiere in March 2026.") == {"expected"}
    assert mods("Fans on TikTok claim it will premiere in March 2026.") == {"rumored"}
    assert mods("It will not premiere in 2025.") == {"denied"}
    assert mods("It premiered in March 2024.") == {"happened"}


def test_published_guess_skips_dates_still_to_come():
    from datetime import date

    from seasoncast.extract.published import guess_published

    text = "Netflix says the show will premiere on March 5, 2027.\nPublished June 2, 2026"
    assert guess_published(text, today=date(2026, 11, 26)) == date(2026, 6, 2)
    assert guess_published("It premieres March 5, 2027.", today=date(2026, 11, 26)) is None


def test_a_translated_name_is_the_same_show():
    text = ('"Sangre de Cafetal" renewed\n\nPrime Video said "Sangre de Cafetal" (literally '
            '"Blood of the Coffee Farm") will return. Filming of Blood of the Coffee Farm '
            'begins in September.')
    ctx = detect_titles(text)
    assert ctx.titles == ["Sangre de Cafetal"]
    assert {name for _, _, name in ctx.mentions} == {"Sangre de Cafetal"}


def test_transcript_speakers_are_not_shows_and_topics_are():
    text = ("THE BINGE REPORT, episode 212\n\nDANA: Let's start. Glasswing.\n\nMARCUS: "
            "Glasswing! Finally.\n\nDANA: Okay, Glasswing: October 9. Next. Sable & Thorn.\n\n"
            "MARCUS: Reshoots.\n\nDANA: Season three premiered in April.")
    assert detect_titles(text).titles == ["Glasswing", "Sable & Thorn"]


def test_a_platform_between_a_show_and_its_season_and_a_setting_before_a_genre():
    text = ("## 'Dust Devils' (Paramount+) — season 3\n\nThe ranch burned.\n\n"
            "## 'Lowlands' (FX/Hulu) — season 4\n\nFX's Central Valley crime saga wrapped.")
    assert detect_titles(text).titles == ["Dust Devils", "Lowlands"]


def test_a_bold_run_in_label_ends_its_sentence_and_a_signed_question_is_a_question():
    got = split_sentences("**Saltmarsh, season 2 (Hulu): January.** Hulu has only committed "
                          "to January.\n> Is it happening, or did I miss a cancellation? — "
                          "Russ, Tucson")
    assert [s.text[:12] for s in got] == ["**Saltmarsh,", "Hulu has onl", "> Is it happ"]
    assert [s.question for s in got] == [False, False, True]


def test_more_trigger_phrasings():
    def kinds(sentence):
        return [(t.kind, t.text) for t in find_triggers(sentence)]
    assert kinds("Peacock slotted the new season for this fall.") == [
        (Kind.RELEASE, "slotted the new season for")]
    assert (Kind.DELAY, "moved to") in kinds("The premiere has moved to Feb. 6, 2025.")
    assert kinds("The crew moved to Hengdian.") == []
    assert kinds("The shoot has been extended by two weeks.") == [
        (Kind.DELAY, "shoot has been extended")]
    assert kinds("We announced Wynn's casting in February.") == [
        (Kind.CASTING, "announced Wynn's casting")]
    assert kinds("A listing shows shoot dates of February through June.") == [
        (Kind.FILMING_START, "shoot dates of")]
    assert (Kind.SLATE_LISTING, "named among iQIYI's key dramas") in kinds(
        "The drama was named among iQIYI's key dramas for 2026.")


def test_credits_days_and_exclaimed_names_are_not_shows():
    text = ('Bellwether County season 2 is coming. New to the cast is Ellis Granger ("Fennimore '
            'Park"). Hulu\'s announcement Thursday that the "Bellwether County" premiere moved '
            'surprised no one.')
    assert detect_titles(text).titles == ["Bellwether County"]
    text = ("HOST: Tinderbox County season 2 is done.\n\nMAREN: Wynn Castellanos! He plays "
            "Teo.\n\nHOST: Great.\n\nMAREN: Thanks.\n\nHOST: Bye.\n\nMAREN: Bye.")
    assert detect_titles(text).titles == ["Tinderbox County"]


def test_headline_names_before_a_colon_a_speaking_verb_or_after_an_exclamation():
    text = ("Corazón de Arena: Netflix confirms Part 2 of the second season arrives on 9 April\n\n"
            "The wait is over. Netflix said the second part of the second season of the "
            "Mexican series will premiere on 9 April.")
    assert detect_titles(text).titles == ["Corazón de Arena"]
    text = ("# Nell Ashdown Says Copperline Season 3 Won't Arrive Next Year\n\nShe was promoting "
            "her festival film *The Quiet Orchard*. Copperline is Apple's drama.")
    assert detect_titles(text).titles == ["Copperline"]
    assert detect_titles("RENEWED! Cul-de-Sac Kings Season 3 Is Coming\n\nCul-de-Sac Kings has "
                         "been renewed for season 3.").titles == ["Cul-de-Sac Kings"]
    assert detect_titles("Exclusive: Netflix renews Tin Harbor for a second season\n\nIt is "
                         "official.").titles == ["Tin Harbor"]


def test_a_run_on_sentence_is_read_in_bounded_pieces():
    # reading a sentence costs its length times its triggers: kilobytes without a full
    # stop (hostile input) are cut at commas, and no words are lost
    text = "Saltmarsh season 2 premieres in January, " * 400
    pieces = split_sentences(text)
    assert len(pieces) > 1 and all(len(s.text) <= 1_500 for s in pieces)
    assert " ".join(s.text for s in pieces).split() == text.split()


def test_languages_statuses_channels_and_time_slots_are_not_shows():
    text = ("Corvid Hill season 2 teaser ran on its Spanish social channels last month. "
            "JTBC's Saturday-Sunday 10:30 p.m. slot awaits it. The trailer left Max's "
            "YouTube channel.\n\n| Show | Status |\n| Corvid Hill | Pending |")
    assert detect_titles(text).titles == ["Corvid Hill"]


def test_a_status_label_before_a_name_and_a_quoted_name_in_a_headline():
    assert detect_titles("RENEWED: Copper & Ash is getting a third season.").titles == [
        "Copper & Ash"]
    text = ("'Cinder Valley' Is Coming Back: HBO Orders Season 2\n\n"
            "HBO is going back to Cinder Valley. Cinder Valley season 2 films in May.")
    assert detect_titles(text).titles == ["Cinder Valley"]


def test_a_place_after_a_platform_and_a_preposition_is_not_a_show():
    text = ("Velvet Frontier season 4 was renewed on Tuesday. The cast met at JTBC's "
            "headquarters in Sangam-dong for season 2.")
    assert detect_titles(text).titles == ["Velvet Frontier"]


def test_a_section_heading_names_its_show_before_a_dash():
    text = ("# Every show's status\n\n## Dragon Post — Pending\n\nThe courier comedy's first "
            "season premiered in March; season 2 is undecided.\n\n## Ghost Line — Renewed "
            "(season 2)\n\nFilming began this month.\n\n| Dragon Post | Pending |\n"
            "| Ghost Line | Renewed |")
    ctx = detect_titles(text)
    assert ctx.titles == ["Dragon Post", "Ghost Line"]


def test_a_credit_or_a_comparison_in_other_words_is_a_passing_mention():
    text = ("*The Quiet Meridian* season 2 wrapped in May. Joseph Kinnaird, who people will "
            "know from *Stillwater Farm*, is new. Bae Tae-oh, familiar to viewers from "
            "*Vincenzo*, joins. Season 1 drew 31 million viewers, putting it in the same "
            "company as *The Boys* and *Reacher*.")
    ctx = detect_titles(text)
    assert ctx.titles[0] == "The Quiet Meridian"
    assert [m[2] for m in ctx.passing] == ["Stillwater Farm", "Vincenzo", "The Boys", "Reacher"]


def test_a_day_after_a_name_ends_it_and_a_spin_off_names_another_work():
    text = ("4. THE TIDEWATER INQUIRY SETS ITS RETURN DATE\n\nThe BBC released the trailer for "
            "series 2 of The Tidewater Inquiry on Monday.")
    assert detect_titles(text).titles == ["The Tidewater Inquiry"]
    text = ("Deadwater Run season 4 is rumoured for March, after Reacher season 3. The "
            "leaked list names a Reacher spin-off as well.")
    ctx = detect_titles(text)
    assert ctx.titles[0] == "Deadwater Run"
    spin_off = text.rindex("Reacher")
    assert [m[0] for m in ctx.passing] == [spin_off]
    assert spin_off not in [m[0] for m in ctx.mentions]
