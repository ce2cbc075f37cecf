"""Which show, which season: title detection, season mentions and their coreference.

Articles name a show in several ways ("All of Us Are Dead Season 2", "the second season
of The Lantern Keepers", "Sweet Home 3", "## 1. Bridgerton (Season 4)") and then say
"the show" or "the series". We only track a name as a title when it is anchored to a
season (or given by the caller), so that shows mentioned in passing ("trailing only
Squid Game", "the Game of Thrones alum") never capture the claims around them. Any
later sentence belongs to the title named last: that is the coreference rule.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from seasoncast.model import Title
from seasoncast.titles import acronym, normalize_title
from seasoncast.wordscan import CaselessPattern, caseless_copy

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "sophomore": 2,  # "the sophomore season", US press for the second
}
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
         "x": 10}
_NUM = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|" \
       r"i{1,3}|iv|vi{0,3}|ix|x)"
_ORD = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|" \
       r"twelfth|sophomore|\d{1,2}(?:st|nd|rd|th))"
_SEASON_WORD = r"(?:seasons?|installment|instalment|chapter|outing|series|part)"

# Every pattern of this module that ignores case is a `CaselessPattern`, written in lower
# case so that it can scan a lower-cased copy of the text.
# "Season 2", "season two", "Season II", "S2", "Seasons 2 and 3"
# British usage: "series three" is the third season ("two years", "3 episodes" are not)
_SERIES_NUM = (rf"series\s+(?P<b>{_NUM})\b"
               r"(?!\s*(?:years?|months?|weeks?|days?|episodes?|times|of(?!\s+(?-i:[A-Z])))\b)")
_SEASON_NUM = CaselessPattern(
    rf"\bseasons?\s+(?P<n>{_NUM})\b(?:\s*(?:and|&|,|-|–|to)\s*(?P<n2>{_NUM})\b)?"
    rf"|\bs(?P<s>\d{{1,2}})(?=\b|e\d)|\b{_SERIES_NUM}")
# "the second season", "a fifth and final season", "its third installment", "2nd season"
_SEASON_ORD = CaselessPattern(rf"\b(?P<o>{_ORD})(?:\s+and\s+(?:a\s+)?(?P<o2>{_ORD}))?"
                              rf"(?:\s+and\s+final)?[\s-]+(?P<w>{_SEASON_WORD})\b")
# "Part 2", "Volume 2", "Vol. 2": a part of a split season
_PART = CaselessPattern(r"\b(?:part|volume|vol\.?)\s+(?P<n>\d|one|two|three)\b")
# "the new season", "the final season", "next season", "the previous season"
_SEASON_REL = CaselessPattern(
    r"\b(?:the|this|its|a|next|upcoming)\s+(?P<r>new|final|next|upcoming|latest|"
    r"previous|last|coming|forthcoming|follow-?up)?\s*(?:season|installment|chapter|episodes)\b"
    r"|\bnext\s+season\b|\blast\s+season\b|\bthe\s+next\s+one\b")
_CAP = re.compile(r"^[A-Z\u00C0-\u00DE\u0100-\u017F][\w'’.\-&!+]*:?$|^[A-Z]\w*:$")
_CONNECT = {"of", "the", "a", "an", "and", "in", "on", "to", "for", "from", "with", "at",
            "by", "or", "vs", "vs.", "de", "la", "le", "du", "&", "x",
            # Spanish, Portuguese, French and Italian names: "Crónicas del Ñandú"
            "del", "las", "los", "el", "y", "des", "les", "da", "do", "dos", "das", "di"}
_LEAD_STOP = {
    "when", "does", "do", "did", "has", "have", "had", "is", "are", "was", "were", "will",
    "would", "can", "could", "should", "what", "why", "how", "where", "who", "which", "here",
    "here's", "inside", "exclusive", "exclusive:", "breaking", "breaking:", "report",
    "watch", "official", "netflix", "netflix's", "hbo", "hbo's", "max", "max's", "prime",
    "video", "video's", "amazon", "amazon's", "disney+", "disney+'s", "apple", "apple's",
    "tv+", "hulu", "hulu's", "peacock", "peacock's", "paramount+", "paramount+'s", "fx",
    "fx's", "renews", "renewed", "confirms", "confirmed", "announces", "announced",
    "cancels", "cancelled", "sets", "dates", "drops", "releases", "unveils", "reveals",
    "first", "new", "look", "trailer", "teaser", "update", "updated", "everything", "we",
    "know", "about", "and", "but", "if", "so", "tl;dr", "tl;dr:", "korean", "k-drama",
    "anime", "tv", "series", "show", "drama", "it", "its", "this", "that", "after", "before",
    "with", "as", "in", "on", "for", "of", "to", "by", "a", "an", "at", "from", "yes",
    "no", "also", "finally", "officially", "returning", "upcoming", "while", "then",
    "plus", "per", "via", "sources", "source", "assuming", "considering", "given", "unlike",
    "jtbc", "tvn", "sbs", "kbs", "mbc", "bbc", "itv", "abc", "nbc", "cbs", "crunchyroll",
    "episode", "episodes",
    "the", "season", "seasons", "part", "date", "release", "premiere",
    # production words that open a sentence before the title ("Filming on X season 3")
    "filming", "production", "shooting", "shoot", "cameras", "principal", "photography",
    "casting", "work", "post-production", "reshoots", "wrapped", "wraps", "begins",
    "began", "starts", "started", "over",
    # discourse words that open a sentence ("Meanwhile The Pitt season 3 is set to ...")
    "meanwhile", "however", "elsewhere", "separately", "additionally", "moreover",
    "furthermore", "unfortunately", "fortunately", "luckily", "sadly", "thankfully",
    "hopefully", "surprisingly", "interestingly", "notably", "likewise", "similarly",
    "besides", "otherwise", "instead", "anyway", "eventually", "initially", "originally",
    "previously", "currently", "recently", "reportedly", "apparently", "allegedly",
    "naturally", "obviously", "clearly", "indeed", "ultimately", "although", "though",
    "because", "since", "unless", "until", "whether", "once", "even", "only", "just",
    # question heads: "Who's in the Ashgrove season 2 cast?"
    "who's", "what's", "where's", "when's", "how's", "who’s", "what’s", "where’s", "when’s",
    "how’s",
}
_NOT_TITLE = {"the", "this", "season", "series", "show", "netflix", "it", "part", "tv",
              "he", "she", "they", "we", "his", "her", "their", "its",
              "release", "premiere", "date", "drama", "k-drama", "streaming", "january",
              "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december", "spring", "summer", "fall",
              "autumn", "winter", "korean", "american", "british", "japanese",
              # platforms ("Over on TVING, a drama sequel called ...")
              "tving", "wavve", "coupang play", "hbo", "max", "hulu", "peacock", "disney+",
              "prime video", "apple tv+", "apple tv", "paramount+", "jtbc", "tvn", "sbs",
              "kbs", "mbc", "viki", "viu",
              # sentence adverbs ("Thankfully, the show did get renewed")
              *"""thankfully hopefully unfortunately fortunately luckily sadly meanwhile however
              finally additionally moreover furthermore interestingly surprisingly notably
              internationally domestically locally globally overseas elsewhere separately
              ultimately currently recently previously originally reportedly apparently
              clearly obviously naturally basically essentially honestly frankly officially
              initially eventually instead otherwise overall regardless nonetheless
              nevertheless elsewhere today yesterday tomorrow earlier later now still also
              plus so christmas halloween thanksgiving easter""".split()}
# news outlets an article cites ("Deadline reported ...", "*Variety*." in a reference list)
_OUTLETS = {name.lower() for name in (
    "Deadline", "Variety", "The Hollywood Reporter", "Hollywood Reporter", "THR", "The Wrap",
    "TheWrap", "Collider", "IndieWire", "TVLine", "Screen Daily", "Vulture", "Entertainment Weekly",
    "Rolling Stone", "Screen Rant", "ScreenRant", "Digital Spy", "Radio Times", "What's on Netflix",
    "Soompi", "Allkpop", "Koreaboo", "Anime News Network", "Polygon", "IGN", "Den of Geek",
    "GamesRadar", "TV Guide", "The Guardian", "The New York Times", "New York Times", "Yonhap",
    "Newsen", "Xportsnews", "OSEN", "Ilgan Sports", "Sports Seoul", "Korea JoongAng Daily",
    "The Korea Herald", "The Korea Times", "Pinkvilla", "Sportskeeda", "Dexerto", "CinemaBlend",
    "Forbes", "Reuters", "Decider", "The Direct", "Comicbook.com", "Gizmodo", "The A.V. Club",
    "Kidscreen", "Broadcast", "C21Media", "Realscreen", "Weibo", "Instagram", "TikTok", "Reddit")}


@dataclass(frozen=True, slots=True)
class SeasonMention:
    start: int
    end: int
    numbers: tuple[int, ...]  # empty when relative ("the new season")
    relative: str | None = None  # "focus" or "previous" for relative mentions
    part: int | None = None  # "Part 2" of a split season


@dataclass
class TitleContext:
    """Tracked titles, where they are mentioned, and every season mention."""

    titles: list[str]
    mentions: list[tuple[int, int, str]]
    seasons: list[SeasonMention]
    # mentions in passing ("alongside series like Copper Bay"): blanked for the date
    # tagger, but they never become the show that "the series" refers to
    passing: list[tuple[int, int, str]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)

    _season_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.mentions.sort()
        self._starts = [m[0] for m in self.mentions]
        self.seasons.sort(key=lambda m: m.start)
        self._season_starts = [m.start for m in self.seasons]

    def seasons_between(self, a: int, b: int) -> list[SeasonMention]:
        """Season mentions starting in [a, b)."""
        return self.seasons[bisect.bisect_left(self._season_starts, a):
                            bisect.bisect_left(self._season_starts, b)]

    def passing_between(self, a: int, b: int) -> list[tuple[int, int, str]]:
        return [m for m in self.passing if a <= m[0] < b]

    def mentions_between(self, a: int, b: int) -> list[tuple[int, int, str]]:
        return self.mentions[bisect.bisect_left(self._starts, a):
                             bisect.bisect_left(self._starts, b)]

    def title_at(self, pos: int) -> tuple[str | None, bool]:
        """The title in force at `pos` and whether it was named in the same breath.

        The last mention before `pos` wins (coreference of "the show"); before the
        first mention, the first tracked title.
        """
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0:
            return self.mentions[i][2], pos - self.mentions[i][1] < 120
        if self.mentions and len(self.titles) > 1:
            return None, False  # a round-up's preamble is about no title in particular
        if self.mentions:
            return self.mentions[0][2], False
        return (self.titles[0], False) if self.titles else (None, False)

    def masked(self, text: str) -> str:
        """The text with title mentions blanked, so the date tagger never reads a show
        called "Wednesday" or "1923" as a date."""
        chars = list(text)
        for s, e, _ in self.mentions + self.passing:
            for i in range(s, e):
                chars[i] = " "
        return "".join(chars)


def _num(word: str) -> int | None:
    w = word.lower()
    if w.isdigit():
        n = int(w)
        return n if 0 < n < 40 else None
    return WORD_NUMBERS.get(w) or ROMAN.get(w)


def _ordinal(word: str) -> int | None:
    w = word.lower()
    if w in ORDINALS:
        return ORDINALS[w]
    m = re.match(r"(\d{1,2})(?:st|nd|rd|th)$", w)
    return int(m.group(1)) if m else None


def find_season_mentions(text: str) -> list[SeasonMention]:
    lower = caseless_copy(text)
    out: list[SeasonMention] = []
    for m in _SEASON_NUM.finditer(text, lower):
        if m["s"]:
            out.append(SeasonMention(m.start(), m.end(), (int(m["s"]),)))
            continue
        if m["b"]:  # "series three"
            if (n := _num(m["b"])) and not (m["b"].lower() in ROMAN and not m["b"].isupper()):
                out.append(SeasonMention(m.start(), m.end(), (n,)))
            continue
        word = m["n"]
        if word.lower() in ROMAN and not word.isupper():
            continue  # "season i" is not a thing; "season x" is usually prose
        nums = [n for n in (_num(word), _num(m["n2"]) if m["n2"] else None) if n]
        if not nums:
            continue
        if len(nums) == 2 and nums[1] > nums[0] and re.search("[-–]|to", m.group()):
            nums = list(range(nums[0], nums[1] + 1))
        out.append(SeasonMention(m.start(), m.end(), tuple(nums)))
    for m in _SEASON_ORD.finditer(text, lower):
        n = _ordinal(m["o"])
        if n is None:
            continue
        n2 = _ordinal(m["o2"]) if m["o2"] else None
        if m["w"].lower() == "part":
            out.append(SeasonMention(m.start(), m.end(), (), "focus", part=n))
        else:
            out.append(SeasonMention(m.start(), m.end(), (n, n2) if n2 else (n,)))
    for m in _PART.finditer(text, lower):
        out.append(SeasonMention(m.start(), m.end(), (), "focus", part=_num(m["n"])))
    taken = [(s.start, s.end) for s in out]
    for m in _SEASON_REL.finditer(text, lower):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        rel = (m["r"] or "").lower()
        kind = "previous" if rel in ("previous", "last") or "last season" in m.group().lower() \
            else "focus"
        out.append(SeasonMention(m.start(), m.end(), (), kind))
    out.sort(key=lambda s: s.start)
    return out


def _line_bounds(text: str, pos: int, reach: int = 300) -> tuple[int, int]:
    """The line around `pos`, clipped to `reach` characters either side (so that a
    one-line 400 KB input costs no more than a normal article)."""
    a = text.rfind("\n", max(0, pos - reach), pos) + 1 or max(0, pos - reach)
    if a == 0 and pos > reach:
        a = pos - reach
    b = text.find("\n", pos, pos + reach)
    return a, (b if b >= 0 else min(len(text), pos + reach))


def _words_before(text: str, end: int) -> list[tuple[int, int]]:
    """Word offsets before `end` on the same line, nearest first."""
    line_start = _line_bounds(text, end, 200)[0]
    words = [(m.start() + line_start, m.end() + line_start)
             for m in re.finditer(r"[^\s\"“”‘()\[\],;|*#—–]+", text[line_start:end])]
    return words[::-1]


def _run_before(text: str, end: int) -> str | None:
    """The Title-Case phrase that ends at `end` ("All of Us Are Dead")."""
    quoted = re.search(r"(?:^|[\s(])['‘\"“]([A-Z0-9\u00C0-\u00DE][^'‘’\"“”\n]{0,60}?)['’\"”]\s*$",
                       text[max(0, end - 80):end])
    if quoted:  # "'Crown of Ash' Season 2": the quotes delimit the title
        return _unquoted(quoted.group(1))
    tail = text[max(0, end - 3):end]
    if re.search(r"[,.;!?\"“”]\s*$", tail) and not tail.rstrip().endswith(("'", "’")):
        return None
    taken: list[tuple[int, int]] = []
    words = _words_before(text, end)
    if len(words) > 2 and text[words[0][0]:words[0][1]].lower() in ("on", "about") and \
            text[words[1][0]:words[1][1]].lower() in _ROLE_WORDS:
        end = words[1][0]  # "Ridgeback showrunner on season 2": the title is before
        words = _words_before(text, end)
    near = words[:1]
    if near and text[near[0][0]:near[0][1]].lower() in ("its", "their", "his", "her", "a",
                                                         "an", "the", "this", "that", "for"):
        return None  # "... Will Return in Autumn for Its Third Season": no title here
    for ws, we in words:
        gap = text[we:(taken[-1][0] if taken else end)]
        if taken and re.search(r"[^\s:'’]", gap):
            break
        w = text[ws:we]
        if taken and (w.endswith(".") and not _ABBREVIATION.fullmatch(w) or w.endswith("!")):
            break  # "… in May. News on Wednesday season 3": a sentence ended there (and
            # "RENEWED! Cul-de-Sac Kings Is Coming Back")
        if w.endswith(("'s", "’s")) and not taken:
            w = w[:-2]
            we -= 2
        if _CAP.match(w) and not w.isdigit() or (w.isdigit() and len(w) <= 2 and taken) or (
                w.isdigit() and not taken and text[ws - 2:ws] == ": "):  # "Physical: 100"
            taken.append((ws, we))
        elif w.lower() in _CONNECT and taken:
            taken.append((ws, we))
        else:
            break
    while taken and _droppable(text[taken[-1][0]:taken[-1][1]]):
        taken.pop()
    # "Nell Ashdown Says Copperline Season 3 Won't Arrive": the show follows the verb
    cut = next((k for k in range(1, len(taken)) if text[taken[k][0]:taken[k][1]] in
                _SPEAKING_VERBS), None)
    if cut is not None:
        taken = taken[:cut]
    if len(taken) > 1 and text[taken[0][0]:taken[0][1]] in _HEADLINE_VERBS:
        taken.pop(0)  # "Stardust Mechanic Anime Confirms Season 2"
        while len(taken) > 1 and text[taken[0][0]:taken[0][1]] in _GENRE_WORDS:
            taken.pop(0)
    while taken and text[taken[0][0]:taken[0][1]] in _CONNECT:
        taken.pop(0)
    if not taken:
        return None
    phrase = text[taken[-1][0]:taken[0][1]].strip(" :-'’")
    phrase = _PART_OF.sub("", phrase)  # "Volume 2 of Copper Bay season 3": the show
    phrase = _STAGE_OF.sub("", phrase)  # "Filming for Outer Banks Season 4 Has Wrapped"
    phrase = _KICKER.sub("", phrase)  # "The Big Picture Sweet Magnolias Season 4 ..."
    if (cut := phrase.rfind(" for ")) > 0 and len(phrase[:cut].split()) >= 2:
        phrase = phrase[cut + 5:]  # "as Sergeant Catherine Cawood for Happy Valley series 3"
    if phrase.lower() in _NOT_TITLE or len(phrase) < 2:
        return None
    return phrase


# a headline's verb between a show and its season, and the genre word before it
_HEADLINE_VERBS = frozenset("Confirms Confirmed Renews Renewed Sets Reveals Revealed Announces "
                            "Announced Unveils Unveiled Teases Teased Gets Drops Lands Delays "
                            "Delayed Eyes Targets Pushes Greenlights Orders Ordered".split())
_SPEAKING_VERBS = frozenset("Says Say Said Reveals Teases Confirms Hints Admits Explains Shares "
                            "Talks Updates Addresses Discusses Details Promises Insists Warns "
                            "Denies Thinks Predicts Reflects Weighs".split())
_GENRE_WORDS = frozenset("Anime Drama Series Show K-Drama K-drama Docuseries Sitcom".split())
_PART_OF = re.compile(r"^(?:(?:Volume|Vol\.?|Part|Chapter|Episodes?)\s+(?:\d{1,2}|One|Two|"
                      r"Three|I{1,3})|\d{1,2})\s+of\s+")


# a site's box heading run into the headline after it
_KICKER = re.compile(r"^(?:The\s+Big\s+Picture|Key\s+Takeaways|Quick\s+Summary|Highlights)\s+"
                     r"(?=\S)")
# a production stage before the show it is of, in a Title-Case headline
_STAGE_OF = re.compile(r"^.*?\b(?:Filming|Production|Shooting|Photography|Casting)\s+"
                       r"(?:for|on|of)\s+(?=\S)")
_ABBREVIATION = re.compile(r"(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Vol|No)\.")
_ROLE_WORDS = frozenset("showrunner showrunners creator creators star stars boss director "
                        "writer writers cast actor actress producer".split())


def _unquoted(inside: str) -> str | None:
    """A title as quoted in US style, where a comma or full stop goes inside the quotes
    ("Lantern Street," "Paper Moons" and ...)."""
    return inside.strip().rstrip(",.;:!?").strip() or None


def _droppable(word: str) -> bool:
    """Leading words that cannot start a title (a capitalised "The" can, and so can the
    articles of other languages: "Las Hermanas Vega", "La Casa de los Relojes")."""
    if word in ("The", "El", "La", "Las", "Los", "Le", "Les", "Il"):
        return False
    if re.fullmatch(r"[A-Z][.:]|[A-Z]\w*-(?:winning|nominated|acclaimed|starring|led|based|"
                    r"produced|backed|awarded|favou?rite)", word):
        return True
    return word.lower() in _CONNECT | _LEAD_STOP


def _shouting(text: str, pos: int) -> bool:
    """Is `pos` on an all-caps line (a press-release headline)?"""
    a, b = _line_bounds(text, pos)
    line = text[a:b]
    letters = sum(c.isalpha() for c in line) if len(line) < 40 else len(re.findall(
        r"[^\W\d_]", line))
    upper = len(re.findall(r"[A-Z\u00C0-\u00DE]", line))
    return letters > 12 and upper > 0.7 * letters


def _leads_line(text: str, phrase_end: int, phrase: str) -> bool:
    """Does the phrase open its line (a heading such as "## 1. Bridgerton (Season 4)")?"""
    a = _line_bounds(text, phrase_end)[0]
    head = text[a:phrase_end]
    return re.fullmatch(r"[#*\s\d.)\-]*" + re.escape(phrase) + r"['’s]*", head.strip()) is not None


def _best_suffix(phrase: str, text: str) -> str | None:
    """Drop leading headline words ("When Does The Witcher" -> "The Witcher")."""
    words = phrase.split()
    while words and _droppable(words[0]):
        words.pop(0)
    best = " ".join(words)
    return best if best and best.lower() not in _NOT_TITLE else None


def _headline_case(text: str, pos: int) -> bool:
    """Is `pos` on a line where most words are capitalised (a headline)?"""
    a, b = _line_bounds(text, pos)
    words = re.findall(r"[^\W\d_][\w'’]*", text[a:b])
    return len(words) >= 4 and sum(w[0].isupper() for w in words) > 0.7 * len(words)


def _accept(text: str, pos: int, best: str) -> bool:
    return (_count(text, [best]) >= 2 or _leads_line(text, pos, best)
            or not _headline_case(text, pos))


# "<Title> Season 2", "<Title> (Season 4)", "<Title>'s second season", "<Title> S2"
_ANCHOR = CaselessPattern(
    rf"\b(?:seasons?\s+{_NUM}\b|s\d{{1,2}}\b|{_ORD}\s+season\b|final\s+season\b|"
    rf"{_SERIES_NUM})")
# (and a platform between: "'Dust Devils' (Paramount+) — season 3")
_ANCHOR_PREFIX = re.compile(r"(?:['’]s)?(?:[ \t]*\([^()\n]{1,30}\)(?=[ \t]*[:\-–—]))?"
                            r"\s*[(:,\-–—]?\s*(?:\(\s*)?$")


def _anchor_start(text: str, pos: int) -> int:
    """Where the title before an anchor ends: "Bridgerton (Season 4" → after "Bridgerton"."""
    m = _ANCHOR_PREFIX.search(text, max(0, pos - 45), pos)
    return m.start() if m else pos
# the platforms whose possessive comes before a show's name ("HBO's Larkspur Hollow")
_OWNERS = (r"(?:netflix|hbo|max|fx|prime\s+video|apple\s+tv\+?|disney\+|hulu|peacock|paramount\+|"
           r"amc|bbc|itv|starz|showtime|crunchyroll|tvn|jtbc|sbs|kbs|mbc|amazon|tving|"
           r"coupang\s+play)")
_AFTER = CaselessPattern(
    rf"\b(?:(?:(?:season|series)\s+{_NUM}|{_ORD}(?:\s+and\s+final)?\s+(?:season|series)|"
    r"final\s+season|new\s+season|latest\s+season|(?:(?:first|last|past|previous)\s+)?"
    r"(?:two|three|four|five|six|both)\s+seasons)\s+of(?:\s+(?-i:the|a|an|its))?"
    r"(?:\s+(?-i:[a-z][\w-]*)){0,3}|"
    r"renew(?:s|ed|ing)?|greenlit|greenlights|cancel(?:s|led|ed)?|axe[sd]?|picked\s+up|"
    r"(?:sequel|series|drama|season|spin-?off|show|installment)\s+(?:called|titled|named)|"
    rf"{_OWNERS}['’]s(?:\s+(?-i:[a-z][\w-]*)){{0,3}})\s+(?=[A-Z\u00C0-\u00DE0-9])")
_GENRE_AFTER = re.compile(r"(?:\s+[a-z][\w-]*)?\s+(?:saga|drama|thriller|comedy|sitcom|"
                          r"procedural|western|mystery|docuseries|soap|epic|series|show|"
                          r"telenovela|anime|melodrama)\b")
_SOURCE_WORK = re.compile(r"\b(?:adaptation|version|retelling|remake|reboot)\s+of\s*$",
                          re.IGNORECASE)
# "The Kelvin File returns to screens for series 4", "Ironvale is back for a second
# season": the show comes before a return verb whose clause names the season
_RETURNS_FOR = CaselessPattern(
    r"\s+(?:returns|is\s+back|will\s+return|is\s+returning|comes\s+back|is\s+coming\s+back|"
    r"(?:has\s+been|was|is)\s+(?:re)?commissioned|(?:has\s+been|was|is)\s+renewed)"
    rf"(?:\s+[\w-]+){{0,3}}?\s+for\s+(?:a\s+|its\s+)?(?:{_ORD}\s+(?:season|series)|"
    rf"(?:season|series)\s+{_NUM})\b|"
    # "Ashen Gear Chronicle is getting a second season"
    rf"\s+(?:is\s+getting|gets|got|has\s+got(?:ten)?|will\s+get|lands|landed|scores|scored)\s+"
    rf"(?:a|an|its)\s+{_ORD}\s+(?:season|series)\b")
# "Light Shop, the eerie horror series that ...": an appositive names a show
# ("Larkspur Hollow is HBO's slow, stubborn drama about ..."; not "Park, the show's
# unofficial farm manager")
_APPOSITIVE = CaselessPattern(
    r",\s+which\s+(?:premiered|debuted|aired|launched)\b|"
    rf"(?:,\s+(?:the|a|an)|\s+is\s+{_OWNERS}['’]s)\s+(?:[\w'’-]+,?\s+){{0,4}}?(?:series|drama|show|"
    r"thriller|comedy|sitcom|anime|k-drama|docuseries|saga|romance|procedural)\b(?!['’]s)")
_RUN_AFTER = re.compile(
    r"(?:[A-Z\u00C0-\u00DE\u0100-\u017F0-9][\w'’\-&!+]*+)(?::?\s+(?:(?:of|the|a|an|and|in|on|"
    r"to|for|from|with|at|by|or|x|&|(?-i:de|del|la|las|los|el|y|des|du|le|les|da|do|dos|das|"
    r"di))\s+){0,2}[A-Z\u00C0-\u00DE\u0100-\u017F][\w'’\-&!+]*+){0,7}")
_FOR_A_SEASON = re.compile(rf"\s+for\s+(?:a\s+|an\s+)?(?:(?:season|series)\s+{_NUM}\b|"
                           rf"{_ORD}\s+(?:season|series)\b)", re.IGNORECASE)
_QUOTED = re.compile(r"['‘\"“]([A-Z\u00C0-\u00DE][^'’\"”\n]{1,60}?)['’\"”](?=[\s,.:;!?]|$)")


def _after_run(text: str, pos: int, possessive: bool = False) -> str | None:
    m = _RUN_AFTER.match(text, pos)
    if not m:
        return None
    if re.match(r"['’]s\b", text[m.end():m.end() + 3]) or m.group().endswith(("'s", "’s")):
        return None  # "the second season of Marvel Television's ...": an owner, not a title
    words = m.group().split()
    for i in range(1, len(words) - 1):  # "The Tidewater Inquiry on Monday": a day ends it
        if words[i] in ("on", "in", "by", "from", "until") and \
                words[i + 1].lower().rstrip(".,") in _DAY_OR_MONTH:
            words = words[:i]
            break
    if len(words) > 3:  # "Shōgun Returns to Set in Vancouver": keep what recurs
        for n in range(len(words), 0, -1):
            if _count(text, [" ".join(words[:n])]) >= 2:
                words = words[:n]
                break
        else:
            words = words[:1]
    # stop before a verb-like capitalised word only in all-caps headlines; trim trailing
    # connectors and possessives
    while words and (words[-1] in _CONNECT or words[-1].lower() in ("season",)):
        words.pop()
    phrase = _without_number(" ".join(words).rstrip(":"))
    if phrase.endswith(("'s", "’s")):
        phrase = phrase[:-2]
    if not phrase or phrase.lower() in _NOT_TITLE | _LEAD_STOP or phrase.isupper() and \
            len(phrase) > 5 or re.match(r"(?:19|20)\d\d\b", phrase):
        return None
    if " " not in phrase and _count(text, [phrase]) < 2 and not possessive and not (
            text.startswith(phrase, pos) and _FOR_A_SEASON.match(text, pos + len(phrase))):
        return None  # "of the Appalachian crime drama" (not "renewed Elsbeth for season 3")
    if " " not in phrase and re.match(r"\s+(?:[a-z-]+\s+){1,2}(?:drama|series|show|thriller|"
                                      r"comedy|sitcom|anime|procedural|saga)\b",
                                      text[pos + len(m.group()):pos + len(m.group()) + 40]):
        return None  # "Apple TV+'s Glasgow crime drama": a place, not the name
    if re.match(r"\s+(?:fan\s+)?(?:event|festival|showcase|app|site|website|account|page|"
                r"service|library|platform|chart|ranking|list|report|press|panel|stage|"
                r"presentation|upfront)\b", text[pos + len(m.group()):pos + len(m.group()) + 30]):
        return None  # "at Netflix's Tudum event"
    return phrase


# words a phrase found before a tracked title may carry without being part of a name
_LEAD_WORDS = frozenset("""
    filming shooting production cameras roll rolling on of for in at to from by with and
    after before about new first look final latest next upcoming season seasons episode
    episodes series show drama kdrama anime trailer teaser release date premiere renewed
    renewal cancelled canceled wraps wrapped begins began starts started start wrap
    returns return back confirmed official update news exclusive breaking watch why how
    when where what is are a an netflix netflixs hbo max apple disney prime video amazon
    hulu peacock paramount star stars cast
""".split())


def _spellings(name: str) -> tuple[str, ...]:
    """A name as typewriter and typographic apostrophes write it: "Single's Inferno" is
    "Single’s Inferno" on most news sites."""
    if "'" not in name and "’" not in name:
        return (name,)
    return name, name.replace("'", "’") if "'" in name else name.replace("’", "'")


class KnownTitles:
    """Tracked titles, with the lookups that match article phrases to them built once.

    A store tracks thousands of titles; building these per article costs more than
    reading the article, so callers that read many articles pass one `KnownTitles`.
    """

    def __init__(self, titles: Sequence[Title] = ()):
        self.titles = tuple(titles)
        self._by_key = {normalize_title(n): t for t in self.titles for n in t.all_names}
        # "Kingdom" and "The Kingdom" share a key: the name as written decides
        self._by_name = {n.casefold(): t for t in self.titles for name in t.all_names
                         for n in _spellings(name)}
        # names of several words, by their first word: found in a text word by word
        self._by_first_word: dict[str, list[tuple[str, Title]]] = defaultdict(list)
        for t in self.titles:
            for n in (n for name in t.all_names for n in _spellings(name)):
                if len(n.split()) >= 2 and n[0].isupper():
                    self._by_first_word[n.split()[0]].append((n, t))

    def written_in(self, text: str) -> list[Title]:
        """Titles whose name of several words the text writes as it is ("All of Us Are
        Dead"): a scan of the text's capitalised words, not of every tracked name."""
        out: list[Title] = []
        for m in _CAPITALISED.finditer(text):
            for name, t in self._by_first_word.get(m.group(), ()):
                end = m.start() + len(name)
                if t not in out and text.startswith(name, m.start()) and not (
                        end < len(text) and (text[end].isalnum() or text[end] == "_")):
                    out.append(t)
        return out

    @classmethod
    def of(cls, titles: Sequence[Title] | KnownTitles) -> KnownTitles:
        return titles if isinstance(titles, KnownTitles) else cls(titles)

    def named(self, name: str) -> Title | None:
        return next((t for t in self.titles if name in t.all_names), None)

    def named_exactly(self, phrase: str) -> Title | None:
        """The title with exactly this name or alias (case aside)."""
        return self._by_name.get(phrase.strip().casefold())

    def matching(self, phrase: str) -> Title | None:
        """The title a phrase names, or the longest one it ends with ("Filming On Weak
        Hero" ends with a tracked title)."""
        t = self._by_name.get(phrase.strip().casefold())
        if t is not None:
            return t
        key = normalize_title(phrase)
        t = self._by_key.get(key)
        if t is None:
            # the longest tracked name the phrase ends with, word for word; only news
            # words may come before it: "The Lantern Keepers" is not "The Keepers"
            words = key.split()
            t = next((self._by_key[k] for i in range(1, len(words))
                      if len(k := " ".join(words[i:])) >= 4 and k in self._by_key
                      and set(words[:i]) <= _LEAD_WORDS), None)
        return t

    def most_mentioned(self, text: str) -> Title | None:
        """The title whose names occur most often in the text (None if none occurs)."""
        counts = {t.name: _count(text, t.all_names) if len(t.name.split()) > 1 else
                  _count_mid_sentence(text, t.all_names) for t in self.titles}
        if not counts:
            return None
        top = max(counts, key=counts.get)
        return next(t for t in self.titles if t.name == top) if counts[top] else None


def detect_titles(
    text: str, known_titles: Sequence[Title] | KnownTitles = (),
    title_hint: str | None = None
) -> TitleContext:
    """Find the tracked titles of an article and every mention of them."""
    _COUNT_CACHE.clear()  # counts are per text
    known_titles = KnownTitles.of(known_titles)
    lower = caseless_copy(text)
    found: Counter[str] = Counter()
    for m in _ANCHOR.finditer(text, lower):
        if _shouting(text, m.start()):
            continue
        end = _anchor_start(text, m.start())
        if "," in text[end:m.start()] and not re.match(r"[ \t]*(?:\(|:|\||,\s*part|$)",
                                                        text[m.end():m.end() + 12], re.M | re.I):
            continue  # "Dust & Glory: The Frontier Years, Season 2 (Friday)", a listing
            # or a table's cell ("| Brinewater, season 3 |"); not "Unusually, season 2 was
            # filmed ..."
        phrase = _run_before(text, end)
        if phrase:
            best = _best_suffix(phrase, text)
            if best and _accept(text, end, best):
                found[best] += 1
    for m in _AFTER.finditer(text, lower):
        if _shouting(text, m.start()) or _SOURCE_WORK.search(m.group()):
            continue  # "Netflix's adaptation of Ysolde Farrant's novels": the books
        phrase = _after_run(text, m.end(), "'" in m.group() or "’" in m.group())
        if phrase and text.startswith(phrase, m.end()) and _GENRE_AFTER.match(
                text, m.end() + len(phrase)):
            continue  # "FX's Central Valley crime saga", "the second season of the Mexican
            # series": where the show is set or made
        if re.search(r"['’]s(?:\s+[a-z][\w-]*)*\s+(?:in|at|on|near|from|outside|across)\s*$",
                     m.group()):
            continue  # "JTBC's headquarters in Sangam-dong": a place
        if phrase and phrase.lower() in _DAY_OR_MONTH and re.search(r"['’]s\s+[a-z]", m.group()):
            continue  # "Hulu's announcement Thursday that ...": a day (not "Netflix's
            # Wednesday")
        if phrase:
            best = _best_suffix(phrase, text)
            if best and (_accept(text, m.start(), best) or "'" in m.group()
                         or "’" in m.group()):
                found[best] += 1
    # the show named right before a return verb or an appositive
    for m in (m for pattern in (_RETURNS_FOR, _APPOSITIVE) for m in pattern.finditer(text, lower)):
        phrase = _run_before(text, m.start())
        if phrase and not _shouting(text, m.start()):
            best = _best_suffix(phrase, text)
            if best and _accept(text, m.start(), best):
                found[best] += 1
    for line in text.splitlines()[:3] if not found else ():  # quotes only as a fallback
        for m in _QUOTED.finditer(line):
            q = _without_number(_unquoted(m.group(1)) or "")
            if q and len(q.split()) <= 6 and q.lower() not in _NOT_TITLE:
                found[q] += 1
    for q in _quoted_titles(text, found):
        found[q] += 1
    for q in _italic_titles(text):
        found[q] += 1
    heading = _heading_name(text)
    if heading:
        found[heading] += 1
    for name in _tracked_heading_lines(text, known_titles):
        found[name] += 1
    for name in _enumerated_names(text):
        found[name] += 1
    speakers = _speakers(text)
    for name in _transcript_topics(text, speakers):
        found[name] += 1
    if (name := _headline_lead(text)) is not None:
        found[name] += 1
    canon: dict[str, str] = {}  # normalised name -> canonical name
    names: dict[str, str] = {}  # surface name -> canonical
    titles: list[str] = []

    def track(canonical: str, surfaces: Sequence[str]) -> None:
        key = normalize_title(canonical)
        if not key:
            return
        if key not in canon:
            canon[key] = canonical
            titles.append(canonical)
        for s in (s for surface in surfaces for s in _spellings(surface)):
            names.setdefault(s, canon[key])
            short = acronym(s).upper()
            if len(short) >= 3:
                names.setdefault(short, canon[key])

    if title_hint:
        known = known_titles.named(title_hint)
        track(known.name if known else title_hint, known.all_names if known else [title_hint])
    glosses = _glosses(text)
    for phrase in [p for p in found if ": " in p and p.split(": ", 1)[0] in speakers]:
        found[phrase.split(": ", 1)[1]] += found.pop(phrase)  # "HOST: Tinderbox County"
    for phrase in [p for p in found if _STATUS_LABEL.match(p)]:
        found[_STATUS_LABEL.sub("", phrase)] += found.pop(phrase)  # "RENEWED: Copper & Ash"
    for phrase in list(found):  # "'Cinder Valley' Is Coming Back": the quoted name
        if (m := _QUOTE_CLOSED.match(phrase)) and re.search(
                r"['‘\"“]" + re.escape(m.group(1)) + r"['’\"”]", text):
            found[m.group(1)] += found.pop(phrase)
    for phrase, _ in sorted(found.items(), key=lambda kv: (-len(kv[0].split()), -kv[1])):
        t = known_titles.matching(phrase)
        if t is not None:
            track(t.name, t.all_names)  # ("1923" is a tracked show)
        elif _NOT_A_NAME.search(phrase) or phrase.lower() in _OUTLETS | _NEVER_A_SHOW \
                or _WEEKDAY_RUN.match(phrase) or phrase.startswith("According to "):
            continue  # a number ("crossed out the "2""), a tagline sentence, "Top 10", "OP",
            # a news outlet, a language, a status, a time slot
        elif _EVENT_NAME.search(phrase) and any(phrase.startswith(f"{f} ") for f in found):
            continue  # "Stardust Mechanic Hangar Day", the show's fan event
        elif phrase in speakers:
            continue  # "DANA: Season three premiered in April": a transcript's speaker
        elif phrase in glosses and glosses[phrase] in found:
            continue  # a translation of the name, linked to it below
        elif not _is_suffix_of_tracked(phrase, names):
            track(phrase, [phrase])
    for gloss, original in glosses.items():
        if original in names:  # "Sangre de Cafetal" (literally "Blood of the Coffee
            names[gloss] = names[original]  # Farm"): one show, two names
    for t in _named_in_lineup(text, known_titles):
        track(t.name, t.all_names)
    if not titles and (named := _named_before_role(text)):
        track(named, [named])  # "LARKSPUR LANE star Gemma Thornley has quit"
    if not titles:  # no anchored title: fall back on the tracked one named most
        t = known_titles.most_mentioned(text)
        if t is not None:
            track(t.name, t.all_names)
    mentions = _find_mentions(text, names)
    passing = [m for m in mentions if _PASSING.search(text, max(0, m[0] - 120), m[0])
               or _OTHER_WORK_AFTER.match(text, m[1])]
    mentions = [m for m in mentions if m not in passing]
    seasons = find_season_mentions(text)
    seasons += _title_number_mentions(text, mentions)
    seasons.sort(key=lambda s: s.start)
    # keep the article's order: the first-mentioned title is the default focus
    order: dict[str, int] = {}
    for i, (_, _, name) in enumerate(sorted(mentions)):
        order.setdefault(name, i)
    titles.sort(key=lambda n: order.get(n, 10**6))
    return TitleContext(titles, mentions, seasons, passing)


def _tracked_heading_lines(text: str, known: KnownTitles) -> list[str]:
    """Lines that are only a tracked show's name: the headings of a list of shows, each
    section about the show above it ("The Handmaid’s Tale" over "Elisabeth Moss’ hit
    show was originally planned to begin filming ...")."""
    out = []
    for line in text[:20_000].splitlines():
        name = line.strip(" \t#*:")
        if 2 < len(name) <= 60 and name not in _WEEKDAYS and (
                t := known.named_exactly(name)) is not None and t.name not in out:
            out.append(name)
    return out


# "Corazón de Arena: Netflix confirms Part 2 of the second season arrives on 9 April"
_HEADLINE_LEAD = re.compile(r"^\W*([A-Z0-9\u00C0-\u00DE][^:\n]{1,60}?):\s+"
                            r"(?=[^\n]*\b(?i:season|series|part)\b)")
_HEADLINE_LABELS = {"exclusive", "breaking", "update", "updated", "report", "review", "watch",
                    "opinion", "analysis", "explainer", "news", "recap", "interview", "faq",
                    "first look", "box office", "ratings", "tv", "streaming", "confirmed",
                    "official", "revealed", "rumor", "rumour", "spoilers", "trailer", "teaser"}


def _headline_lead(text: str) -> str | None:
    """A name that opens a headline before a colon, when the headline is about a season
    ("Corazón de Arena: Netflix confirms Part 2 ..."; not "Exclusive: ...")."""
    for line in text.splitlines()[:6]:
        m = _HEADLINE_LEAD.match(line)
        if m and m.group(1).lower() not in _HEADLINE_LABELS and _bare_name(m.group(1)) and \
                m.group(1).lower() not in _OUTLETS and not m.group(1).isupper():  # (a tabloid
            # shouts "LARKSPUR LANE IN CHAOS:")
            return m.group(1)
    return None


_SPEAKER = re.compile(r"^[ \t]*\**([A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,2})\**:[ \t]",
                      re.MULTILINE)


def _speakers(text: str) -> set[str]:
    """The speakers of a transcript or Q&A: names that open three lines or more with a
    colon ("DANA: ...", "MARCUS: ...")."""
    counts = Counter(m.group(1) for m in _SPEAKER.finditer(text))
    return {name for name, n in counts.items() if n >= 3}


_TOPIC = re.compile(r"(?:^|(?<=[.!?:]\s))([A-Z][^\s.!?:,]*(?:\s+[^\s.!?:,]+){0,4})([.!])"
                    r"(?=\s|$)", re.MULTILINE)


def _transcript_topics(text: str, speakers: set[str]) -> list[str]:
    """The shows a podcast transcript turns to, each said alone ("Next. Sable & Thorn.",
    "Dustbowl Saints."): in a transcript only, a sentence that is just a name of two words
    or more, or one word the speakers say three times or more ("Glasswing! Finally.")."""
    if not speakers:
        return []
    out: list[str] = []
    for m in _TOPIC.finditer(text):
        name = m.group(1)
        if name in speakers or name in out or not _bare_name(name):
            continue
        # a name exclaimed, "Wynn Castellanos!", is as often a person's; a word counts
        # only alone, not in a longer name ("Next Season Watch")
        said = len(re.findall(rf"\b{re.escape(name)}\b(?!\s+[A-Z])", text))
        if len(name.split()) >= 2 and m.group(2) == "." or said >= 3:
            out.append(name)
    return out


# a name glossed in English: "Sangre de Cafetal" (literally "Blood of the Coffee Farm"),
# *La Casa* (English title: *The House*)
_GLOSS = re.compile(r"[\"“*_]([^\"“”*_\n]{2,60}?)[\"”*_]+\s*\(\s*(?:literally|lit\.|meaning|"
                    r"translated\s+as|english(?:\s+title)?:?|in\s+english:?|known\s+in\s+english\s+as|"
                    r"also\s+known\s+as|aka|a\.k\.a\.)\s*[,:]?\s*[\"“*_]+([^\"“”*_\n]{2,60}?)[\"”*_]",
                    re.IGNORECASE)


def _glosses(text: str) -> dict[str, str]:
    """The translations an article gives of show names, each to the name it glosses."""
    if "(" not in text:
        return {}
    return {_unquoted(m.group(2)) or m.group(2): _unquoted(m.group(1)) or m.group(1)
            for m in _GLOSS.finditer(text)}


_DAY_OR_MONTH = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                 "january", "february", "march", "april", "may", "june", "july", "august",
                 "september", "october", "november", "december"}
_EVENT_NAME = re.compile(r"\s(?:Day|Festival|Fest|Expo|Con|Convention|Panel|Event|Live|"
                         r"Showcase|Fan\s+Meeting|Fanmeeting|Concert|Party|Screening|Tour)$")
# words that name a people, a language, a status or a channel, never a show on their own:
# "its Spanish social channels", "| Dragon Post | Pending |", "Max's YouTube channel"
_NEVER_A_SHOW = {*"""spanish italian french german korean japanese chinese mexican colombian
    argentine argentinian brazilian chilean peruvian turkish indian thai filipino vietnamese
    indonesian malaysian taiwanese cantonese mandarin hindi tamil telugu bengali arabic
    egyptian nigerian israeli greek polish russian ukrainian dutch danish swedish norwegian
    finnish icelandic nordic scandinavian irish scottish welsh english british american
    canadian australian european asian latin latino hispanic portuguese
    austrian swiss belgian czech hungarian romanian
    pending delayed renewed cancelled canceled confirmed ended ending returning unknown tba
    tbd upcoming postponed announced rumored rumoured unconfirmed ongoing concluded
    youtube twitter facebook threads bluesky vimeo twitch weverse""".split()}
_WEEKDAY_RUN = re.compile(r"(?i)^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)"
                          r"(?:day)?s?[\s/&,–-]*){2,}$")  # "Saturday-Sunday": a time slot
_QUOTE_CLOSED = re.compile(r"^['‘\"“]?(.+?\w)['’\"”]\s")
_STATUS_LABEL = re.compile(r"^[A-Z]{3,}(?:\s+[A-Z]{2,})*:\s+(?=\S)")  # "RENEWED: Copper & Ash"
_NOT_A_NAME = re.compile(r"^[\d\s.,:#-]+$|[a-z][.!?]\s+[A-Z]|\s(?:Wiki|Fandom)$|"
                         r"^(?:Top|OP|TL;?DR|FAQ|One|Two|Three|Four|Five|Six)$|^[A-Z][a-z]+-(?:language|born|based|speaking|"
                         r"made|produced|backed)$")
# US trade press quotes show names ("Copper Bay," "Night Tram" and "Ember Road"): once an
# article quotes a title it anchors to a season, its other quoted Title-Case names are
# shows too. Quoted speech is a sentence, not Title Case, and stays out.
_QUOTED_NAME = re.compile(r"[\"“]([A-Z0-9\u00C0-\u00DE][^\"“”\n]{0,60}?)[\"”]|"
                          # and single quotes, as Korean entertainment news sets them
                          r"['‘](?<![\w'’]['‘])([A-Z0-9\u00C0-\u00DE][^'‘’\n]{0,60}?)['’](?!\w)")
_TITLE_WORD = re.compile(r"[A-Z0-9\u00C0-\u00DE\u0100-\u017F][\w'’.\-&!+:]*")


def _without_number(name: str) -> str:
    """"Moonlit Pharmacy 2" names season 2 of "Moonlit Pharmacy" (but "Station 12" is a
    show: a season that far along is not written after the name)."""
    return re.sub(r"\s+(?:[1-9]|II|III|IV)$", "", name)


# an actor's credit: 'Ellis Granger ("Fennimore Park")' names the show they were in
_CREDIT_BEFORE = re.compile(r"[A-Z][\w'’.-]+\s+\(\s*$")


def _quoted_titles(text: str, found: Counter[str]) -> list[str]:
    names = {_without_number(q) for m in _QUOTED_NAME.finditer(text)
             if (q := _unquoted(m.group(1) or m.group(2)))
             and not _CREDIT_BEFORE.search(text, max(0, m.start() - 40), m.start())}
    if not names & set(found):
        return []
    return [q for q in names if len(q.split()) <= 6 and q.lower() not in _NOT_TITLE
            and all(_TITLE_WORD.fullmatch(w) or w in _CONNECT for w in q.split())
            and _TITLE_WORD.fullmatch(q.split()[-1]) is not None]


# Markdown italics, the way style guides set a show's name: "*Sunken Cathedral* (Hulu)";
# and bold, the way newsletters introduce one ("Max cancelled **Cinder & Vine**")
# (each alternative opens on its mark, the lookbehind after it, so that the engine can skip
# ahead to the marks)
_ITALIC = re.compile(r"\*(?<![*\w]\*)(?!\*)([A-Z0-9\u00C0-\u00DE][^*\n]{0,60}?)(?<![\s*])\*"
                     r"(?![*\w])|"
                     r"_(?<![_\w]_)(?!_)([A-Z0-9\u00C0-\u00DE][^_\n]{0,60}?)(?<![\s_])_(?![_\w])|"
                     r"\*\*(?<![*\w]\*\*)([A-Z0-9\u00C0-\u00DE][^*\n]{0,60}?)(?<![\s*:])\*\*(?![*\w:])")
# the book or comic a show adapts: "based on *The Long Coast of Kestrel*, a novella"
_ADAPTED_FROM = re.compile(r"\b(?:based\s+on|adapted\s+from|adaptation\s+of|inspired\s+by)"
                           r"\s+(?:the\s+|a\s+)?$", re.IGNORECASE)
# "promoting her festival film *The Quiet Orchard*": a film, not a show
_WORK_BEFORE = re.compile(r"\b(?:film|movie|feature|novel|book|memoir|album|play|documentary|"
                          r"podcast|game|musical)\s+$", re.IGNORECASE)
_WORK_AFTER = re.compile(
    r"[*_\"”’]*,?\s+(?:an?|the|his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:novels?|novellas?|books?|"
    r"manga|webtoons?|web\s+novels?|comics?|memoirs?|plays?|films?|podcasts?|games?)\b",
    re.IGNORECASE)


def _italic_titles(text: str) -> list[str]:
    """Italicised Title Case names (not emphasis: "*Last updated: May 2, 2026*"), and bold
    ones that a heading names too (not a label: "**Status:** renewed")."""
    out, adapted = [], set()
    for m in _ITALIC.finditer(text):
        name = _without_number(_unquoted(m.group(1) or m.group(2) or m.group(3)) or "")
        words = name.split()
        if not words or len(words) > 6 or name.lower() in _NOT_TITLE | _LEAD_STOP | _OUTLETS:
            continue
        in_heading = r"^#+[ \t].*?(?<!\w)" + re.escape(name) + r"(?!\w)"
        if m.group(3) and (name.isupper() or not re.search(in_heading, text, re.MULTILINE)):
            continue  # bold is a show's name when a heading names it too, not emphasis,
            # a status ("— **PENDING**") or a cast member ("**Gideon Marsh** has joined")
        if _ADAPTED_FROM.search(text, max(0, m.start() - 40), m.start()) or \
                _WORK_AFTER.match(text, m.end()) or \
                _WORK_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            adapted.add(name)
            continue
        if all(_TITLE_WORD.fullmatch(w) or w in _CONNECT for w in words) and \
                _TITLE_WORD.fullmatch(words[-1]) and not re.search(r"\d{4}", name):
            out.append(name)
    return [name for name in out if name not in adapted]


# "[show] star [person]", the tabloid way of naming a show, often in capitals
_BEFORE_ROLE = re.compile(r"(?<![\w'’])((?:[A-Z][\w'’&-]*[ \t]+){0,5}[A-Z][\w'’&-]*)[ \t]+"
                          r"(?:star|stars|actor|actress|creator|showrunner|boss|bosses)\b")


def _named_before_role(text: str) -> str | None:
    """The show an article with no anchored title names before a star or creator, as the
    text writes it in mixed case elsewhere, if it names it twice or more."""
    for m in _BEFORE_ROLE.finditer(text):
        words = m.group(1).split()
        while words and _droppable(words[0]):
            words.pop(0)
        if not words or len(words) > 6:
            continue
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)"
        written = [w.group() for w in re.finditer(pattern, text, re.IGNORECASE)]
        mixed = [w for w in written if not w.isupper() and w[0].isupper()]
        if len(written) >= 2 and mixed and mixed[0].lower() not in _NOT_TITLE | _OUTLETS \
                and not _NOT_A_NAME.search(mixed[0]):
            return re.sub(r"\s+", " ", mixed[0])
    return None


def _heading_name(text: str) -> str | None:
    """A page headed by a bare name that its text repeats is that show's page ("#
    Meridian Drift" on a fan wiki); a headline ("Hulu Renews Marrow Creek") is not
    repeated word for word."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    name = first.lstrip("#").strip().strip("*_")
    if not _bare_name(name):
        return None
    rest = text[text.index(first) + len(first):]
    return name if len(re.findall(r"(?<!\w)" + re.escape(name) + r"(?!\w)", rest)) >= 2 \
        else None


# a line of its own that opens a numbered section: "Exhibit A: Hollow Tide", "2. Saltmarsh"
_ENUMERATED = re.compile(r"^[ \t]*(?:#+[ \t]*)?(?:(?:Exhibit|Case|No\.?|Number)[ \t]+\w{1,3}[ \t]*"
                         r"[:.)–—-]|#?\d{1,2}[.):]|[A-Z][.)])[ \t]+(?P<name>[^\n]{1,60}?)[ \t]*$|"
                         # a podcast chapter: "(14:20) Dust & Gospel, season 3."
                         r"^[ \t]*\(?\d{1,2}:\d\d(?::\d\d)?\)?[ \t]+(?P<chapter>[^,\n]{1,60}),"
                         r"[ \t]+(?:season|series)[ \t]+\d{1,2}\b", re.MULTILINE)


# a section heading that names its show before a status or note: "## Dragon Post — Pending",
# "### Starfall Academy (season 3)", "**Ghost Line:** renewed"
_SECTION_HEAD = re.compile(r"^[ \t]*(?:#{2,4}[ \t]*|\*\*)(?P<name>[^\n—–:(|*]{2,60}?)[ \t]*"
                           r"(?:\*\*)?[ \t]*(?:[—–:(|]|-[ \t])", re.MULTILINE)


def _enumerated_names(text: str) -> list[str]:
    """Shows named alone on the line that opens a numbered section, and again in the text
    (not "1. Low Orbit gets two more seasons", a headline), or with their season at a
    podcast chapter's timestamp, or before a dash or colon in a section heading and again
    in the text."""
    out = []
    for m in _ENUMERATED.finditer(text):
        name = (m["name"] or m["chapter"]).strip("*_ ")
        if _bare_name(name) and (m["chapter"] or _count(text, [name]) >= 2):
            out.append(name)
    for m in _SECTION_HEAD.finditer(text):
        name = m["name"].strip("*_ ")
        if _bare_name(name) and name.lower() not in _NEVER_A_SHOW and _count(text, [name]) >= 2:
            out.append(name)
    return out


def _bare_name(name: str) -> bool:
    """Is a line's text only a name: up to six Title Case words (and connectors), with no
    digit, that is not a stop word, an outlet or a label?"""
    words = name.split()
    return 0 < len(words) <= 6 and name.lower() not in _NOT_TITLE | _LEAD_STOP | _OUTLETS \
        and not re.search(r"\d", name) and not _NOT_A_NAME.search(name) \
        and all(_TITLE_WORD.fullmatch(w) or w in _CONNECT for w in words) \
        and _TITLE_WORD.fullmatch(words[-1]) is not None


# a show named as a comparison or example is not what the next sentences are about
_PASSING = re.compile(
    r"\b(?:(?:series|shows|dramas|titles|hits)\s+(?:like|such\s+as)|such\s+as|alongside|"
    r"(?:in\s+the\s+same\s+(?:league|company|conversation|breath|class|tier)|on\s+par)\s+"
    r"(?:as|with)|(?:compared|likened)\s+(?:by\s+(?:[\w-]+\s+){1,3}?)?(?:with|to)|"
    r"the\s+likes\s+of|similar\s+to|like|(?:best\s+)?known\s+for|starred\s+in|star\s+of|"
    r"alum(?:nus|na)?\s+of|fame|previously\s+in|know\s+(?:\w+\s+){0,3}?from|"
    # "familiar to viewers from 'Vincenzo'", "who people will know from *Stillwater Farm*"
    r"(?:familiar|recogni[sz]able|remembered)\s+(?:to\s+(?:\w+\s+){1,2}?)?(?:from|for)|"
    r"(?:love|praise|acclaim|attention|recognition)\s+for|appeared\s+in)\s+"
    # "best known for the Nordic noir series *Vinterhavn*"
    r"(?:(?:the|a|an|her|his|their)\s+(?:[\w'’-]+\s+){0,4}?(?:series|shows?|drama|film|movie|"
    r"sitcom|comedy|thriller|anime|k-drama|docuseries)\s+)?"
    r"(?:[\"“‘'*_]?[A-Z][^.;\n]{0,40}?[\"”’'*_]?,?\s+(?:and\s+|or\s+)?)*[\"“‘'*_]?$|"
    # "who played the quiet resident in the medical drama 'Hospital Days'", "the slot held
    # by the camping show 'Pocket Campers'", "the follow-up to 'Three Meals'"
    r"\b(?:(?:played|plays|playing)\s+(?:[\w'’-]+\s+){1,5}?in|held\s+by|follow-up\s+(?:of|to)|"
    r"successor\s+to|replacing|tak(?:es|ing)\s+over\s+from)\s+(?:the|a|an|her|his|their)\s+"
    r"(?:[\w'’-]+\s+){0,4}?(?:series|shows?|drama|film|movie|sitcom|comedy|thriller|anime|"
    r"k-drama|docuseries)\s+[\"“‘'*_]?$")


# a show named to describe another work: "a Reacher spin-off", "the Gilded Age prequel"
_OTHER_WORK_AFTER = re.compile(r"['’]?\s*(?:spin-?offs?|prequels?|reboots?|remakes?|"
                               r"franchise|universe|-verse)\b", re.IGNORECASE)


def _is_suffix_of_tracked(phrase: str, names: dict[str, str]) -> bool:
    """Is the phrase part of a longer tracked name ("Ash" of "Crown of Ash")?"""
    pat = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")
    return any(pat.search(n) for n in names)


def _count_mid_sentence(text: str, names: Sequence[str]) -> int:
    """Occurrences of one-word names that do not open a sentence or line ("She" or "You"
    there is a pronoun, not Netflix's show) nor start a person's name ("Ray Dawson")."""
    total = 0
    for n in names:
        if n not in text:
            continue
        for m in re.finditer(r"(?<!\w)" + re.escape(n) + r"(?!\w)", text):
            if not re.search(r"(?:^|[.!?:\"“”]\s*)$", text[max(0, m.start() - 3):m.start()]) \
                    and not re.match(r"[ \t]+[A-Z][a-z]", text[m.end():m.end() + 3]):
                total += 1
    return total


_COUNT_CACHE: dict[tuple[int, str], int] = {}  # cleared for every new text


def _count(text: str, names: Sequence[str]) -> int:
    """Whole-word occurrences of the names (memoised per text: anchors repeat)."""
    total = 0
    for n in (n for name in names for n in _spellings(name)):
        key = (id(text), n)
        if key not in _COUNT_CACHE:
            if len(_COUNT_CACHE) > 5000:
                _COUNT_CACHE.clear()
            # most tracked names are absent: a substring test spares compiling their regex
            _COUNT_CACHE[key] = len(re.findall(r"(?<!\w)" + re.escape(n) + r"(?!\w)", text)
                                    ) if n in text else 0
        total += _COUNT_CACHE[key]
    return total


# line-up articles list their shows without a season number: "Among the returning
# favourites are Wednesday, Bridgerton and One Piece"
_LINEUP_WORDS = re.compile(r"\b(?:line-?ups?|slates?|release\s+(?:schedule|calendar))\b",
                           re.IGNORECASE)
_LIST_NAME = (r"[A-Z0-9][\w'’:&!+-]*"
              r"(?:[ \t]+(?:(?:of|the|a|an|in|on|to|for|with)\b|[A-Z0-9][\w'’:&!+-]*))*")
_NAME_LIST = re.compile(rf"{_LIST_NAME}(?:[ \t]*,[ \t]*{_LIST_NAME})*[ \t]*,?[ \t]+(?:and|&)[ \t]+"
                        rf"{_LIST_NAME}")
def _listed_title(item: str, known: KnownTitles) -> Title | None:
    """The tracked show a list item names, allowing for a sentence's first words before
    it ("After Squid Game") and a phrase after it ("The Witcher on Friday")."""
    words = _LIST_ITEM_EDGES.sub("", item).split()
    ends = [len(words)] + [k for k in range(1, len(words)) if words[k] in _AFTER_NAME]
    for first in range(min(3, len(words))):
        for end in ends:
            if end > first and (t := known.named_exactly(" ".join(words[first:end]))):
                return t
    return None


_AFTER_NAME = {"on", "in", "at", "by", "from", "until", "this", "next", "last"}
# what a list item carries that is not its name: "Both Wednesday", "Emily in Paris for"
_LIST_ITEM_EDGES = re.compile(r"^(?:Both|Either|Neither|Also|And)\s+|"
                              r"(?:\s+(?:of|the|a|an|in|on|to|for|with))+$|[.!:]+$")
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")


def _named_in_lineup(text: str, known: KnownTitles) -> list[Title]:
    """Tracked shows an article names without a season: those in a list of two or more
    tracked names ("A, B and C"; one alone could be anything, "Netflix and Wednesday
    Addams fans") in a sentence about a line-up, the two after it, or one with news of
    the shows ("A, B and C will return in 2027"); and, in an article about a line-up,
    those whose name of several words is written as it is in a sentence about it
    ("Missing from the list was All of Us Are Dead"; a credit elsewhere, "Kim Si-eun
    (Squid Game)", is no news about that show)."""
    head = text[:20_000]
    lineup = bool(_LINEUP_WORDS.search(head))
    out: list[Title] = []
    since = 99  # sentences since the last one about the line-up
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", head):
        low = sentence.lower()  # a substring test spares most sentences the regexes
        about = lineup and any(w in low for w in _ABOUT_HINTS) and bool(
            _LINEUP_WORDS.search(sentence) or _LIST_WORD.search(sentence))
        since = 0 if about else since + 1
        if since > 2 and not _NEWS_OF_SHOWS.search(sentence):
            continue  # lists are read near the line-up, or with news of the shows
        for m in _NAME_LIST.finditer(sentence) if " and " in sentence or "&" in sentence \
                else ():
            hits = [t for item in _LIST_SPLIT.split(m.group())
                    if (t := _listed_title(item, known)) is not None]
            if len(hits) >= 2:
                out += [t for t in hits if t not in out]
        if about:
            out += [t for t in known.written_in(sentence) if t not in out]
    return out


_ABOUT_HINTS = ("line", "slate", "schedule", "calendar", "list")
_NEWS_OF_SHOWS = re.compile(r"\b(?:return\w*|renew\w*|premier\w*|releas\w*|debut\w*|"
                            r"film\w*|shoot\w*|cancel\w*|seasons?|schedule|line-?ups?|slates?|back)\b",
                            re.IGNORECASE)
_LIST_WORD = re.compile(r"\b(?:list|listed|schedule|calendar)\b", re.IGNORECASE)
_CAPITALISED = re.compile(r"(?<![\w'’])[A-Z0-9][\w'’:&!.+-]*")
_WEEKDAY_CONTEXT = re.compile(
    r"(?:\b(?:on|last|this|next|by|until|since|from|every|each|late|early)\s+$)|"
    r"^(?:,?\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d)|"
    r"\s+(?:morning|afternoon|evening|night)\b)", re.IGNORECASE)
_SHOW_AFTER = re.compile(r"\s+(?:season|series|s\d)|['’]s\s+(?:season|cast|star|creator)",
                         re.IGNORECASE)  # "news on Wednesday season 3": the show
_WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def _find_mentions(text: str, names: dict[str, str]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    covered = bytearray(len(text) + 1)  # longer names first; shorter ones fill the gaps
    for surface in sorted(names, key=len, reverse=True):
        flags = re.IGNORECASE if len(surface.split()) >= 2 else 0
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text, flags):
            if covered.find(1, m.start(), m.end()) >= 0:
                continue
            if surface in _WEEKDAYS and not _SHOW_AFTER.match(text, m.end()) and (
                    _WEEKDAY_CONTEXT.search(text[max(0, m.start() - 12):m.start()])
                    or _WEEKDAY_CONTEXT.match(text[m.end():m.end() + 16])):
                continue  # "on Wednesday", "Wednesday, March 4": the day, not the show
            covered[m.start():m.end()] = b"\x01" * (m.end() - m.start())
            out.append((m.start(), m.end(), names[surface]))
            if len(out) > 20_000:
                break
    return sorted(out)


def _title_number_mentions(text: str, mentions: list[tuple[int, int, str]]) -> list[
        SeasonMention]:
    """"Sweet Home 3", "Squid Game II": a number right after a tracked title."""
    out = []
    for _, end, _ in mentions:
        m = re.match(r"\s+(\d{1,2}|II|III|IV|V|VI)\b(?![\d,.:]\d|\s*(?:million|billion|%|"
                     r"percent|episodes|countries|days|weeks|months|years))", text[end:end + 20])
        if m:
            n = _num(m.group(1))
            if n:
                out.append(SeasonMention(end + m.start(1), end + m.end(1), (n,)))
    return out
