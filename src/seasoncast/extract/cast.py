"""Cast: who returns, who is new, who leaves, whom they play, what they are known for.

Works sentence by sentence on sentences that carry a cast cue. Character names ("as
Nam On Jo", "who plays Lee Su Hyeok") and shows an actor is known for ("from Prison
Playbook", "(The Crown, Slow Horses)", "Game of Thrones alum") are found first and
masked, so that what is left and capitalised is a person. Each person takes the status
of the nearest cue, preferring one that follows the name in the same clause ("Leo
Brandt, who played Finch, does not return"). Korean names are normalised to the
space-separated romanisation ("Park Ji-hu" → "Park Ji Hu"); the spellings seen are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from seasoncast.extract.sentences import Sentence
from seasoncast.extract.titles import TitleContext
from seasoncast.model import CastCredit, CastStatus
from seasoncast.wordscan import CaselessPattern, caseless_copy

KOREAN_SURNAMES = {
    "kim", "lee", "yi", "park", "choi", "jung", "jeong", "kang", "cho", "jo", "yoon", "yun",
    "jang", "lim", "im", "han", "oh", "seo", "shin", "kwon", "hwang", "ahn", "an", "song",
    "yoo", "yu", "hong", "jeon", "go", "ko", "moon", "mun", "son", "bae", "baek", "heo",
    "nam", "sim", "shim", "noh", "roh", "nah", "na", "ha", "kwak", "sung", "seong", "cha",
    "joo", "ju", "woo", "gu", "koo", "min", "ryu", "jin", "ji", "um", "eom", "chae", "won",
    "byun", "yeo", "chu", "choo", "do", "so", "wi", "pyo", "gong", "kong", "hyun", "tak",
    "bang", "lyu", "ok", "maeng", "gil", "ryoo", "yang", "geum", "kyung",
}
_STOP = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "Season", "Seasons", "Part", "Netflix", "HBO", "Disney",
    "Prime", "Video", "Apple", "Hulu", "Max", "Amazon", "Peacock", "Korean", "American",
    "British", "Japanese", "Spanish", "K-drama", "K-Drama", "The", "This", "That", "These",
    "Those", "A", "An", "And", "But", "Or", "If", "When", "While", "Meanwhile", "However",
    "Also", "Plus", "Then", "Still", "Now", "Notably", "Additionally", "Elsewhere",
    "Finally", "Instead", "Here", "There", "It", "Its", "He", "She", "They", "We", "I",
    "You", "Our", "Their", "His", "Her", "Yes", "No", "Not", "Returning", "Joining", "New",
    "Both", "Actor", "Actors", "Actress", "Actresses", "Star", "Stars", "Cast", "TL;DR",
    "Who", "What", "Where",
    "Why", "How", "Among", "Alongside", "With", "As", "In", "On", "At", "For", "From",
    "Of", "To", "By", "After", "Before", "Director", "Showrunner", "Creator", "Writer",
    "Producer", "EXCLUSIVE", "Sources", "Co-showrunners", "Showrunners", "Executive",
    "Lead", "Leads", "Fans", "Viewers", "Original", "Filming", "Production", "Only",
    "Together", "Rounding", "Other", "Another", "Some", "Many", "Most", "All", "Every",
    "Each", "Mr", "Ms", "Mrs", "Dr", "Sir", "Dame", "Lord", "Lady", "Prince", "Princess",
    "King", "Queen", "Captain", "General", "Principal", "Brother", "Sister", "Father",
    "Mother", "Detective", "Officer", "Agent", "Doctor", "Professor", "Per", "Via",
    "Oscar", "Emmy", "Golden", "Globe", "Award", "Tony", "Grammy", "Reddit", "Instagram",
    "TikTok", "Twitter", "X", "Weverse", "YouTube", "Newcomer", "Newcomers", "Veteran",
    "Rising", "Fellow", "Former", "Singer", "Rapper", "Idol", "Model", "Comedian",
    "Series", "Show", "Drama", "Film", "Movie", "Episode", "Studios", "Studio", "City",
    "Avenue", "Street", "Entertainment", "Pictures", "Television", "Productions", "Works",
    "Nobody", "Creators", "Regulars", "Adds", "Exit", "Exits", "Return",
    "Returns", "Joins", "Madhouse", "Anime", "Manga", "Webtoon", "Hotel", "Island",
    "Station", "Company", "Network", "Everyone", "Someone", "Writers",
}
_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĜĞĠĢĤĦĨĪĮİĴĶĹĻĽĿŁŃŅŇŌŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_LOW = "a-zß-öø-ÿā-ž"
_TOKEN = (rf"(?:[{_UP}][{_LOW}]?['’][{_UP}][{_LOW}]+|[{_UP}][{_LOW}'’]+(?:-[{_UP}{_LOW}][{_LOW}]+)?"
          rf"|[{_UP}][{_LOW}]+[{_UP}][{_LOW}]+|[{_UP}]\.)")
_NAME = re.compile(rf"\b{_TOKEN}(?:\s+{_TOKEN}){{0,3}}\b")
_CHAR = re.compile(
    r"\b(?:as|plays?|played|playing|portrays?|portrayed|portraying|role\s+of)\s+"
    r"(?:the\s+|a\s+|an\s+|his\s+|her\s+)?(?:[a-z][\w-]*\s+){0,3}?"
    r"(?P<c>(?:(?:Dr|Mr|Mrs|Ms|St)\.\s+)?[A-Z][\w'’-]*+(?:\s+(?:of\s+|the\s+|de\s+)?"
    r"[A-Z][\w'’-]*+){0,4})")
_SHOW = r"(?P<s>[A-Z0-9][\w'’:!?&.-]*+(?:\s+(?:(?:of|the|a|an|and|in|on|to|for|&|x)\s+)?" \
        r"[A-Z0-9][\w'’:!?&.-]*+){0,6})"
_KNOWN_FOR = [
    re.compile(r"\((?P<s>[A-Z0-9][^()\n]{1,80})\)"),
    re.compile(rf"\b(?:from|of|in)\s+(?:the\s+hit\s+|hit\s+)?(?:series\s+|drama\s+)?{_SHOW}"
               r"(?=\s+(?:fame|is|are|was|joins|returns|has|will|and|,|—|–)|\s*[,—–.:]|$)"),
    re.compile(rf"\b(?:known\s+for|best\s+known\s+for|star\s+of|who\s+(?:was|starred)\s+in|"
               rf"remembered\s+for|breakout\s+in|alums?\s+of|veteran\s+of)\s+(?:the\s+)?"
               rf"(?:hit\s+)?(?:series\s+|drama\s+|film\s+)?{_SHOW}"),
    re.compile(rf"{_SHOW}\s+(?:alum|alumna|alumnus|alums|star|stars|actor|actors|actress|"
               r"actresses|breakout|cast\s+members?|veteran)\b"),
]
_CUES = [
    (CastStatus.LEAVING, CaselessPattern(
        r"\b(?:will\s+not|won['’]t|does\s+not|doesn['’]t|did\s+not|didn['’]t|not\s+set\s+to|"
        r"is\s+not|isn['’]t|not)\s+(?:be\s+)?(?:return\w*|back|appear\w*|reprise\w*|"
        r"be\s+part|part\s+of|be\s+among|among|coming\s+back)|\bhas\s+left\b|\bleft\s+the\b|"
        r"\bleav(?:es|ing)\b|\bexit\w*|\bdepart\w*|\bbow(?:s|ed)?\s+out\b|\bstep(?:s|ped)?\s+"
        r"(?:down|away)\b|\bwritten\s+out\b|\bkilled\s+off\b|\bwon['’]t\s+be\s+back\b|"
        r"\bno\s+longer\b|\breplaced\s+by\b|\bnot\s+be\s+(?:a\s+)?(?:series\s+)?regular\b|"
        r"\bhas\s+left\b|\bleft\s+the\s+(?:series|show|role|cast)\b|"
        r"\b(?:dropped|booted|cut)\s+from\s+the\s+(?:series|show|cast|season)\b")),
    (CastStatus.NEW, CaselessPattern(
        r"\bjoin\w*|\bnew\s+(?:face|faces|addition|additions|cast\s+members?|blood|recruits?|"
        r"cast|arrivals?|characters?|star)\b|\bnewcomers?\b|\bon\s+board\b|\bboard(?:s|ed)\b|"
        r"\bcast\s+as\b|\bhas\s+been\s+cast\b|\bwas\s+cast\b|\btakes?\s+over\b|\btaking\s+"
        r"over\b|\bfresh\s+faces?\b|\bround(?:s|ing)?\s+out\b|\badded\b|\badds\b|\btapped\b|"
        r"\bsigned\s+on\b|\benlisted\b|\bcast\s+addition|\bwelcome[sd]?\b|\bintroduc\w+|"
        r"^\W*new\s*:|\bnew\s+to\s+the\s+(?:cast|series|show)\b|\bnew\s+this\s+season\b|"
        r"\bnew\s+signings?\b|\bsigning\b|\bamong\s+the\s+new(?:comers)?\b")),
    (CastStatus.RETURNING, CaselessPattern(
        r"\breturn\w*|\b(?:is|are|confirmed|set|expected|also)\s+(?:also\s+|to\s+be\s+)?back\b|"
        r"\bback\s+as\b|^\W*returning\s*:|\breprise\w*|\bcom(?:e|es|ing)"
        r"\s+back\b|\breturning\b|\bonce\s+again\b|\bcore\s+(?:cast|group|ensemble)\b|"
        r"\bstill\s+(?:on\s+board|starring)\b|\bwill\s+be\s+back\b")),
]


# a sentence without any of these words names no cast member and no character
_CASTY = CaselessPattern(
    r"\b(?:as|plays?|played|playing|portray\w*|role\w*|return\w*|back|join\w*|new\w*|cast\w*|"
    r"star\w*|leav\w*|left|exit\w*|depart\w*|repris\w*|board\w*|fresh|round\w*|added|adds|"
    r"tapped|signed|replace\w*|core|ensemble|roster|lineup|line-up|over|once|still|"
    r"longer|written|killed|bow\w*|step\w*|welcome\w*|introduc\w*|enlisted|dropped|"
    r"booted)\b")


@dataclass
class _Person:
    name: str
    start: int
    end: int


def normalize_person(name: str) -> str:
    """"Park Ji-hu" → "Park Ji Hu" (Korean given names); other names unchanged."""
    parts = name.split()
    if len(parts) >= 2 and (parts[0].lower() in KOREAN_SURNAMES or len(parts) == 2 and
                            re.fullmatch(r"[A-Z][a-z]+-[a-z]{1,5}", parts[1])):
        out = [parts[0]]
        for p in parts[1:]:
            if "-" in p:
                a, b = p.split("-", 1)
                if b[:1].islower() or b.lower() == b:
                    out.extend([a, b.capitalize()])
                    continue
            out.append(p)
        return " ".join(out)
    return name


def _masks(sentence: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """(character spans, known-for spans) of a sentence."""
    chars = [(m.start("c"), m.end("c"), m["c"]) for m in _CHAR.finditer(sentence)]
    shows = []
    for pat in _KNOWN_FOR:
        for m in pat.finditer(sentence):
            for part in re.split(r",\s*|\s+and\s+", m["s"]):
                part = part.strip().rstrip(".,")
                if re.match(r"(?:Season|Part|Episode|Series)\s+\d", part):
                    continue  # "who played the doctor in Season 1": not a credit
                if part and part[0].isupper() or part[:1].isdigit():
                    off = sentence.find(part, m.start("s"))
                    shows.append((off, off + len(part), part))
    return chars, shows


_COMPANY = re.compile(r"\s+(?:Pictures|Studios?|Entertainment|Media|Productions?|Films|"
                      r"Company|Group|Networks?|Broadcasting|Television|TV|Agency)\b")
_COMPANY_BEFORE = re.compile(r"\b(?:company|studio|agency|broadcaster|network|label|"
                             r"distributor|producer)\s+$", re.IGNORECASE)


def _people(sentence: str, blocked: list[tuple[int, int]], single_ok: set[str]) -> list[_Person]:
    out: list[_Person] = []
    for m in _NAME.finditer(sentence):
        tokens = [(t.start() + m.start(), t.end() + m.start(), t.group())
                  for t in re.finditer(r"\S+", m.group())]
        run: list[tuple[int, int, str]] = []
        padded = tokens + [(0, 0, "")]
        for i, tok in enumerate(padded):
            ok = tok[2] and (tok[2] not in _STOP or _given_name(tok[2], padded[i + 1][2])) \
                and not any(a <= tok[0] < b for a, b in blocked)
            if ok:
                run.append(tok)
                continue
            if run:
                name = " ".join(t[2] for t in run)
                start, end = run[0][0], run[-1][1]
                if _COMPANY.match(sentence, end) or _COMPANY_BEFORE.search(sentence, 0, start):
                    run = []  # "production company Blue Lantern Pictures": not a person
                    continue
                if len(run) >= 2 or name in single_ok or _listed_single(sentence, start, end):
                    out.append(_Person(name, start, end))
            run = []
    return out


_GIVEN_MONTHS = frozenset({"April", "May", "June", "August"})


def _given_name(token: str, following: str) -> bool:
    """"June Okafor", "May Calamawy": a month that is a given name, before a surname."""
    return token in _GIVEN_MONTHS and bool(following) and following not in _STOP and \
        not following[:1].isdigit()


def _title_case(sentence: str) -> bool:
    """A headline in Title Case ("Season 3 Adds Eliza Moreno; Two Regulars Exit")."""
    if sentence.rstrip().endswith((".", "!")) or re.match(r"\W*[-*•]", sentence):
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", sentence)
    return len(words) >= 5 and sum(w[0].isupper() for w in words) > 0.7 * len(words)


def _listed_single(sentence: str, start: int, end: int) -> bool:
    """A one-word stage name inside a list of names ("Cho Yi Hyun, Lomon, Lee Eun Saem")
    or directly before a cast verb ("Zendaya is back as Rue")."""
    before, after = sentence[max(0, start - 2):start], sentence[end:end + 24]
    if before == ", " and re.match(r",|\s+and\b|\s*\(", after):
        return True
    return bool(re.match(r"\s*(?:,\s+who\s+play|is\s+back|returns\b|joins\b|reprises\b|"
                         r"will\s+return\b|has\s+(?:joined|left)\b|is\s+set\s+to\s+return)",
                         after))


def person_near(sentence: str, pos: int) -> str | None:
    """The person named closest to `pos` in a sentence (subject of a cast wrap)."""
    chars, shows = _masks(sentence)
    blocked = [(a, b) for a, b, _ in chars + shows]
    people = _people(sentence, blocked, set())
    if not people:
        return None
    p = min(people, key=lambda p: abs(p.start - pos))
    return normalize_person(p.name)


def _status(sentence: str, person: _Person, cues: list[tuple[int, int, CastStatus]],
            others: list[_Person]) -> CastStatus | None:
    best, best_d = None, 10**9
    nxt = min((o.start for o in others if o.start > person.end), default=len(sentence))
    for a, _b, st in cues:
        if a >= person.end:
            d = a - person.end
            if re.search(r"[;—–]|\bwhile\b|\bbut\b|\bwhereas\b", sentence[person.end:a]):
                d += 200
            if a > nxt and st is not CastStatus.LEAVING:
                d += 15
        else:
            d = (person.start - a) * 1.3 + 40  # a cue after the name usually governs it
        if d < best_d:
            best, best_d = st, d
    return best if best_d < 400 else None


def extract_cast(text: str, sentences: list[Sentence], ctx: TitleContext,
                 focus: dict[str, int]) -> tuple[list[CastCredit], dict[str, str]]:
    credits: dict[str, CastCredit] = {}
    variants: dict[str, str] = {}
    characters: dict[str, str] = {}  # person -> character, from any sentence
    all_chars: set[str] = set()
    staged: list[tuple[str, CastStatus, str | None, str | None, list[str], int]] = []
    single_ok: set[str] = set()
    for m in re.finditer(r"\b([A-Z][a-z]+),\s+who\s+play", text):
        single_ok.add(m.group(1))
    for s in sentences:
        if s.question or s.heading:
            continue
        lower = caseless_copy(s.text)
        if not _CASTY.search(s.text, lower) or _title_case(s.text):
            continue
        chars, shows = _masks(s.text)
        all_chars.update(normalize_person(c) for _, _, c in chars)
        shows_named = ctx.mentions_between(s.start, s.end) + ctx.passing_between(s.start, s.end)
        blocked = [(a, b) for a, b, _ in chars + shows] + [
            (a - s.start, b - s.start) for a, b, _ in shows_named]
        people = _people(s.text, blocked, single_ok)
        for p in people:
            char = next((c for a, _b, c in chars if a > p.end and a - p.end < 45 and not any(
                p.end < o.start < a for o in people)), None)
            if char:
                characters[normalize_person(p.name)] = normalize_person(char)
        cues = [(m.start(), m.end(), st) for st, pat in _CUES
                for m in pat.finditer(s.text, lower)] if people else []
        if not cues:
            continue
        for p in people:
            status = _status(s.text, p, cues, [o for o in people if o is not p])
            if status is None:
                continue
            kf = _known_for(s.text, p, people, shows)
            title, _ = ctx.title_at(s.start + p.start)
            staged.append((p.name, status, title, characters.get(normalize_person(p.name)),
                           kf, s.start + p.start))
    for name, status, title, _char, kf, _pos in staged:
        norm = normalize_person(name)
        if norm != name:
            variants[name] = norm
        if norm in all_chars or (title and norm.lower() == title.lower()):
            continue
        old = credits.get(norm)
        if old is not None:
            if kf and not old.known_for:
                credits[norm] = CastCredit(norm, old.status, old.title, old.season,
                                           old.character, tuple(kf))
            continue
        credits[norm] = CastCredit(norm, status, title, focus.get(title) if title else None,
                                   characters.get(norm), tuple(kf))
    persons = set(credits)
    out = [CastCredit(c.person, c.status, c.title, c.season, c.character or characters.get(
        c.person), tuple(k for k in c.known_for if normalize_person(k) not in persons))
        for c in credits.values()]
    return out, variants


def _known_for(sentence: str, p: _Person, people: list[_Person],
               shows: list[tuple[int, int, str]]) -> list[str]:
    out = []
    for a, b, show in shows:
        if a >= p.end and a - p.end <= 40 and not any(p.end < o.start < a for o in people):
            out.append(show)
        elif b <= p.start and p.start - b <= 30 and re.search(
                r"(?:alum\w*|star|actor|actress|breakout|[—–:]|from)\s*(?:[A-Z][\w-]*\s*)*$",
                sentence[b:p.start]):
            out.append(show)
        elif b <= p.start and re.match(r"\s*[—–:]", sentence[b:p.start]) and \
                p.start - b < 60:
            out.append(show)
    seen: list[str] = []
    for s in out:
        if s not in seen:
            seen.append(s)
    return seen
