import pytest

from seasoncast.model import Title
from seasoncast.titles import TitleIndex, normalize_title, split_title_and_season

TITLES = [
    Title("All of Us Are Dead", aliases=("지금 우리 학교는", "Jigeum Uri Hakgyoneun")),
    Title("Squid Game", aliases=("오징어 게임",)),
    Title("The Witcher"),
    Title("Dead to Me"),
    Title("Money Heist", aliases=("La casa de papel",)),
    Title("Alice in Borderland"),
    Title("Pokémon Horizons"),
]


@pytest.mark.parametrize(("query", "expected"), [
    ("All of Us Are Dead", "All of Us Are Dead"),
    ("all of us are dead", "All of Us Are Dead"),
    ("ALL OF US ARE DEAD!", "All of Us Are Dead"),
    ("all of us r dead", "All of Us Are Dead"),
    ("all of us are ded", "All of Us Are Dead"),
    ("AOUAD", "All of Us Are Dead"),
    ("지금 우리 학교는", "All of Us Are Dead"),
    ("squid gme", "Squid Game"),
    ("witcher", "The Witcher"),
    ("la casa de papel", "Money Heist"),
    ("pokemon horizons", "Pokémon Horizons"),
])
def test_forgiving_lookup(query, expected):
    assert TitleIndex(TITLES).best(query).name == expected


def test_unknown_titles_give_no_guess_but_suggestions():
    index = TitleIndex(TITLES)
    assert index.best("Breaking Bad") is None
    assert [m.title.name for m in index.lookup("Squid")][:1] == ["Squid Game"]


def test_normalize():
    assert normalize_title("The Witcher: Blood Origin") == "witcher blood origin"
    assert normalize_title("Love & Death") == "love and death"


@pytest.mark.parametrize(("query", "title", "season"), [
    ("Wednesday season 3", "Wednesday", 3),
    ("All of Us Are Dead S2", "All of Us Are Dead", 2),
    ("AOUAD 2", "AOUAD", 2),
    ("the second season of Arcane", "Arcane", 2),
    ("Squid Game Season Two", "Squid Game", 2),
    ("Bridgerton", "Bridgerton", None),
])
def test_split_title_and_season(query, title, season):
    assert split_title_and_season(query) == (title, season)


def test_known_titles_prefer_the_name_as_written_and_refuse_named_prefixes():
    from seasoncast.extract.titles import KnownTitles

    known = KnownTitles([Title("The Kingdom"), Title("Kingdom"), Title("The Keepers"),
                         Title("Weak Hero")])
    assert known.matching("Kingdom").name == "Kingdom"  # both normalise to "kingdom"
    assert known.matching("The Kingdom").name == "The Kingdom"
    assert known.matching("The Lantern Keepers") is None  # a show of its own
    assert known.matching("Filming On Weak Hero").name == "Weak Hero"  # news words only


def test_a_leading_the_tells_two_shows_apart_when_both_are_tracked():
    index = TitleIndex([Title("Signal"), Title("The Signal"), Title("XO Kitty")])
    assert index.best("The Signal").name == "The Signal"
    assert index.best("signal").name == "Signal"
    assert index.best("XO, Kitty").name == "XO Kitty"
