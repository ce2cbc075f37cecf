"""Modality: how the article holds a claim (happened / announced / planned / expected /
rumored / denied), read from cue words, tense and the date relative to publication.

The rules run in a fixed order, strongest first, and each returns the cue that fired so
the decision can be shown to a user. Cue scope matters: a hedge only colours the clause
it sits in ("wraps in February, but likely won't release until 2027"), while writer
asides such as "our best guess" or attribution such as "according to reports" colour the
whole sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from seasoncast.model import Modality

_I = re.IGNORECASE
SKIP = re.compile(
    r"\b(?:if|unless|(?<!weighing\s)(?<!considering\s)(?<!deciding\s)whether|imagine|suppose|supposing|even\s+if|in\s+case)\b|"
    r"\b(?:could|would|should|might|must)(?:\s+not)?\s*(?:have|['’]ve)\b|"
    r"(?:\bnot|n['’]t|\bnever)\s+(?:\w+\s+)?rul(?:e|es|ed|ing)\s+out\b|\bwhat\s+if\b|"
    r"\bassuming\b", _I)
NEGATION = re.compile(
    r"\bnot\b(?!-)|n['’]t\b|\bnever\b|\bno\s+longer\b|\bnowhere\b|\babsent\b|\bmissing\b|"
    r"\bnone\s+of\b|\b(?:has|have)\s+yet\s+to\s+(?:be\s+)?(?:renew|order|green-?light|confirm)|"
    r"\bleft\s+off\b|\bexcluded\b|\bwithout\b|\bno\s+(?:sign|mention)\b|\bnor\b|"
    r"\bnothing\s+(?:has|is|was|had)\s+(?:been\s+)?(?:decided|confirmed|announced|official)|"
    r"\bisn['’]t\b|\bwasn['’]t\b|\bno\b(?!\s+(?:doubt|longer\s+a\s+secret|wonder))|\bdon['’]t\s+hold\s+your\s+breath\b|\bfailed\s+to\b|"
    r"\brul(?:ed|es|e|ing)\s+out\b|\bdenied\b|\bdenies\b|\bdebunk|\bnobody\b|\bno\s+one\b|"
    r"\b(?:push\w*|knock\w*|bump\w*|mov\w*|take\w*|took)\s+(?:[\w'’]+\s+){0,4}?out\s+of\b", _I)
_DENIED_AFTER = re.compile(
    r"^[^,;]{0,60}?\b(?:is|was|seems|looks|feels)\s+(?:not|n['’]t)\s+(?:\w+\s+)?(?:realistic|"
    r"likely|possible|happening|going\s+to\s+happen|in\s+the\s+cards|on\s+the\s+cards)\b|"
    r"^[^,;]{0,60}?\b(?:is|was|seems|looks?)\s+(?:\w+\s+)?(?:unrealistic|unattainable|"
    r"impossible|unlikely|off\s+the\s+table|"
    r"out\s+of\s+the\s+question|ruled\s+out)\b", _I)
_ANSWER = re.compile(r"^\W*(?:yes|no)[.!]\s+", _I)
_SOURCE_ASIDE = re.compile(r",\s*(?:who|which)\b[^,]*,", _I)
# a relative clause about shows has its own verb, out of reach of an earlier negation
_RELATIVE = re.compile(r"\b(?:series|shows|titles|dramas|seasons|ones|show|drama|title)\s+"
                       r"(?:that|which)\b", _I)
UNTIL = re.compile(r"\b(?:until|till|before|not\s+before)\s*(?:(?:close|closer|near|"
                   r"nearer|around)\s+(?:to\s+)?|some\s?time\s+(?:in\s+|during\s+)?)?$", _I)
RUMOR = re.compile(
    r"\brumou?r(?:s|ed|mill)?\b|\bchatter\b|\bspeculat\w*|\bleak(?:s|ed|er)?\b|\bbuzz\w*|"
    r"\bwhisper\w*|\bunconfirmed\b|\bunverified\b|\bfan\s+theor\w+|"
    r"\bfans?\b[^.]{0,40}?\b(?:convinced|claim\w*|believ\w*|circulat\w*|insist\w*|"
    # (not "fans can likely expect": the writer's word to them)
    r"specul\w*|think|say|(?<!can\s)(?<!likely\s)(?<!should\s)(?<!will\s)(?<!could\s)"
    r"(?<!may\s)expect\w*|hop\w*|predict\w*|fear\w*|worr\w*|bet(?:s|ting)?)\b|"
    r"\binsiders?\s+(?:claim|say|said)|"
    r"\bfan\s+(?:accounts?|pages?|sites?|posters?|-?made)\b|\bcommunity\s+boards?\b|"
    r"\b(?:social\s+media|twitter|reddit|tiktok|instagram|weibo|x)\s+(?:posts?|users?|"
    r"accounts?|is|are|has|have)\b|\bcirculat\w+|\btrending\b|\ballegedly\b|\balleged\b|\bsupposed(?!\s+to\b)(?:ly)?\b|"
    r"\bcommunity\s+(?:posts?|pages?)\b|\bnetizens?\b|\bviral\b|\bsomeone\s+on\b|"
    r"\bclaimed\b|\bclaims\s+(?:that\s+)?(?:netflix|the|it|season)\b|\btabloid\b|"
    r"\bunnamed\b|\banonymous\b|\bmagazine\s+report|"
    r"\b(?:they|he|she|someone|people|users?)\s+claim\w*|\b(?:tiktok|tweet|thread|post|"
    r"video|account|leaker|insider|poster)s?\s+(?:[\w-]+\s+){0,6}?(?:claim|say|said|suggest|"
    r"saying|insist)\w*|"
    # "a slick video … announcing that", "The X account ReelWhisper, which …, posted that"
    # (not the show's or the platform's own account)
    r"\b(?<!official\s)(?<!show['’]s\s)(?<!series['’]\s)(?:video|clip|account)\b"
    r"(?![^.;]{0,80}?\b(?:official|verified)\b)[^.;]{0,80}?\b(?:announcing|posted)\s+that\b|\bonline\s+communit\w+|"
    r"\baccording\s+to\s+(?:a\s+)?(?:fan|leaker)|\bscreenshots?\b|\bsubreddit\b|"
    r"\ba\s+theory\b|\binsider['’\"”]?\s+account\b|"
    r"\b(?:account|user|poster|creator)s?\s+on\s+(?:tiktok|x|twitter|reddit|instagram)\b|"
    r"\b(?:post|video|thread|tweet|page|account)s?\s+(?:\w+\s+){0,3}?claiming\b", _I)
HEDGE = re.compile(
    r"\blikely\b|\bunlikely\b|\bhopefully\b|\b(?:widely|generally|largely)\s+expected\b|\bwe\s+hope\b|\bprobabl[ey]\b|\bpossibl[ey]\b|"
    r"\bmaybe\b|\bperhaps\b|\bpotentially\b|\bit\s+(?:seems|appears)\b|"
    r"\bis\s+(?:thought|believed)\s+to\b|"
    r"(?-i:\bmay\b)|\bmight\b|\bcould\b|\bwould\b|['’]d\s+(?:bet|guess|say|put|expect|love|"
    r"like)\b|"
    r"\b(?:we|i)\s+(?:expect|think|reckon|predict|estimate|suspect|believe|bet|guess|"
    r"anticipate|wouldn['’]t\s+be\s+surprised)\b|\bour\s+(?:own\s+)?(?:best\s+)?"
    r"(?:guess|read|bet|prediction|estimate|take|money)\b|\bmy\s+(?:best\s+)?(?:guess|bet|"
    r"money)\b|\blooks?\s+like\b|\blooking\s+(?:a\s+lot\s+)?(?:more\s+)?(?:like|likely|"
    r"probable)\b|\bodds\s+are\b|\bchances\s+are\b|\brealistic(?:ally)?\b|"
    r"\bat\s+the\s+earliest\b|\bearliest\s+realistic\b|\bsafe\s+bet\b|\bin\s+our\s+view\b|"
    r"(?<!\bto\s)\bexpect\b(?!\w)|\b(?:analyst|observer|critic)s?\b[^.;]{0,120}?\bexpects?\b|"
    r"\bshould\b|\bprojected\b|\bpredict\w*|\bguess\w*|\bwe['’]re\s+"
    r"(?:betting|guessing|looking\s+at)\b|\byou['’]re\s+looking\s+at\b|\bpencil\b", _I)
# the platforms and broadcasters whose own words are announcements
PLATFORMS = (r"(?:netflix|hbo|max|prime\s+video|amazon|disney\+?|apple(?:\s+tv\+?)?|hulu|"
             r"peacock|paramount\+?|fx|amc|bbc|itv|channel\s+4|starz|showtime|crunchyroll|tvn|"
             r"jtbc|sbs|kbs|mbc|coupang\s+play|tving|wavve|zdf|ard|arte|rtve|rai|tf1|canal\+|"
             r"nhk|fuji\s+tv|tv\s+asahi|tbs|nippon\s+tv|tv\s+tokyo|iqiyi|tencent(?:\s+video)?|"
             r"youku|mango\s+tv|viu|abc|cbs|nbc|the\s+cw|sky|channel\s+5|rté|svt|nrk|cbc|"
             r"crave|globoplay|vix|zee5|sonyliv|jiocinema|hotstar)")
OFFICIAL = re.compile(
    r"(?<!\bno\s)(?<!\bno\scurrent\s)(?<!\bnot\s)(?<!\bnot\syet\s)\bofficial(?:ly)?\b|"
    r"\bconfirm(?:s|ed|ing)?\b|\bspokes(?:person|woman|man)\b|"
    r"\bpromised\b|"
    r"\bannounc\w+|\bunveil\w*|\bpress\s+release\b|"
    rf"\b(?:{PLATFORMS}|the\s+streamer|the\s+network|the\s+studio|"
    r"the\s+platform|the\s+broadcaster|the\s+channel|showrunners?|creators?)(?:['’]s)?\s+"
    # (not "Netflix has not set a date": no word given)
    r"(?:(?!not\b|never\b|yet\b)[\w.-]+\s+){0,3}?(?:has\s+|have\s+|also\s+)?"
    r"(?:said|says|say|dated|set|sets|locked|assured|"
    r"revealed|reveals|told|shared|posted|confirmed|announced|tweeted|unveiled|noted|"
    r"teased)\b|\bdated\b|\bsaid\s+in\s+a\s+statement\b|\bofficial\s+site\b|"
    # "According to ZDF, filming will begin on 3 March": the broadcaster's word
    rf"\baccording\s+to\s+(?:the\s+)?(?:network|streamer|broadcaster|{PLATFORMS})\b", _I)
PLAN = re.compile(
    r"\bschedul\w+|\bset\s+(?:to|for)\b|\bslated\b|\bplan(?:s|ned|ning)?\b|"
    r"\btarget\w*|\baim(?:s|ed|ing)?\b|\bdue\s+(?:to|in|for)\b|\bexpected\s+to\b|"
    r"\bis\s+expected\b|\btentativ\w+|\breported(?:ly)?\b|\baccording\s+to\b|"
    r"\bsources?\b|\binsiders?\b|\bis\s+said\s+to\b|\bmedia\b|\boutlets?\b|\bare\s+said\s+to\b|\bcalls?\s+for\b|"
    r"\bcalled\s+for\b|\bsupposed\s+to\b|\bwas\s+to\b|\boriginal(?:ly)?\b|\bon\s+track\b|"
    r"\bpoised\b|\bgearing\s+up\b|\bpreparing\b|\bwill\b|['’]ll\b|\bgoing\s+to\b|"
    r"\bset\s+to\b|\bintends?\b|\bhopes?\s+to\b|\bbooked\s+(?:to|for|through|until)\b", _I)
# the writer's (or a fan's) own estimate: "our best guess is", "we think", "I'm saying"
WRITER_GUESS = re.compile(
    r"\b(?:our|my)\s+(?:own\s+|personal\s+)?(?:best\s+)?(?:guess|read|bet|take|prediction|"
    r"money|estimate|hope)\b|\b(?:we|I)\s+(?:think|expect|reckon|predict|suspect|hope)\b|"
    r"\b(?:smart|safe|safest)\s+(?:bet|money)\b|\bI['’]d\s+(?:love|like|bet)\b|"
    r"\b(?:we|I)(?:['’]d|\s+would)\s+(?:guess|bet|say|put\s+(?:it|money))\b|"
    r"\bI['’]m\s+(?:saying|guessing|betting|calling)\b|^\W*hopefully\b", _I)
# a list item's label, "Wolfsbane Academy season 2 (Crunchyroll) — spring 2025": its date
# may be the current season, and is still the schedule
_RUN_IN_LABEL = re.compile(r"(?:season|series|part)\s+\S+\s*(?:\([^()]*\)\s*)?(?::|[–—-])\s*", _I)
_SCHEDULE_ONLY = re.compile(r"will|['’]ll|going\s+to|set\s+(?:to|for)|slated|scheduled|"
                            r"schedul\w+|due\s+(?:to|in|for)", _I)
# what makes a stated date a report rather than the platform's word, beyond PLAN's own cues
# (a date is promoted only when PLAN finds nothing but "will", "set to", "scheduled" ...)
_REPORTED_PLAN = re.compile(
    # ("according to the network" is the platform's word)
    rf"\baccording\s+to\b(?!\s+(?:the\s+)?(?:network|streamer|studio|broadcaster|{PLATFORMS}))|"
    r"\breports?\b|\bexpected\b|\bhop(?:e|es|ed|ing)\b|\bintend\w*|\bgearing\b|\bsupposed\b|"
    r"\bpeople\b|\bfamiliar\b|\bunderstood\b|\bdeadline\b|\bvariety\b|\bhollywood\s+reporter\b|"
    r"\bproduction\s+(?:company|companies|listing)\b|\btold\b|\bsaid\b|\bsays\b|"
    r"\beye(?:s|d|ing)\b|\bmull\w*|\bconsider\w*|\bweigh\w*|\bdiscuss\w*|\bin\s+talks\b|"
    r"\blooking\s+at\b|\bpenc[i]?l+ed\s+in\b|\beyeing\b", _I)
ATTRIBUTION = re.compile(
    r"\b(?:media|outlets?|reports?|sources?|insiders?|people)\b[^.]{0,30}?\b(?:said|say|says|"
    r"reported|report|suggested|told)\b|\baccording\s+to\b|\breported(?:ly)?\b", _I)
ORIGINAL_PLAN = re.compile(
    r"\boriginal(?:ly)?\s+(?:plan\w*|scheduled|slated|set|expected|intended|supposed|targeted|"
    r"aimed|due|date|window|target|hoped|meant|announced)\b|\b(?:was|were)\s+originally\b|"
    r"\b(?:was|were)\s+(?:actually\s+|initially\s+|first\s+)?(?:supposed|scheduled|slated|"
    r"set|planned|due|expected|booked)\b|"
    r"\b(?:was|were)\s+meant\s+to\b|\bhad\s+(?:been\s+)?"
    r"(?:planned|hoped|aimed|targeted)\b|\bplan\s+called\b|\b(?:the\s+)?plans?\s+(?:was|were|"
    r"had\s+been)\b|\binitial(?:ly)?\b|\bfirst\s+"
    r"(?:planned|scheduled)\b|\bcalled\s+for\b", _I)
FUTURE = re.compile(
    r"\bwill\b|['’]ll\b|\bwon['’]t\b|\bgoing\s+to\b|\bset\s+to\b|\bdue\s+to\b|\bto\s+"
    r"(?:be|begin|start|wrap|premiere|release|debut|arrive|air|roll|finish|return|drop|"
    r"land|launch)\b|\bupcoming\b|\bnext\b|\bexpected\b|\bscheduled\b|\bslated\b|"
    r"\bplanned\b|\bplans?\b|\bcoming\b|\bshall\b", _I)
_WILL = re.compile(r"\b(?:will|shall)\s+(?:\w+\s+)?$|['’]ll\s+$|\b(?:going|set)\s+to\s+$", _I)
PAST = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+\s+){0,2}?(?:been\s+)?\w+ed\b|\b(?:has|have|had)\s+"
    r"(?:\w+\s+){0,2}?(?:begun|got|gotten|shot|taken|gone|come|done|seen|hit|set|begun)\b|"
    r"\bwas\b|\bwere\b|\bdid\b|\bago\b|\bback\s+in\b|\balready\b|\bearlier\b|\blast\b|"
    r"\bsince\b|\byesterday\b|\bpreviously\b|\bfinally\b|\b(?:appeared|featured|included|"
    r"listed|showed|made|got|saw|took|went|unveiled|revealed|released|dropped|shared|posted|"
    r"debuted|premiered|launched|published|aired|gave|handed|offered|screened|informed|"
    r"told|notified|decided|chose|picked|ordered)\b", _I)
BACKGROUND = re.compile(r"\b(?:after|following|despite|amid|through)\s+(?:[\w'’-]+\s+){0,3}$",
                        _I)


_REPORTED_OFFICIAL = re.compile(OFFICIAL.pattern + r"[^.;]{0,20}?\b(?:that\b|:)", _I)


def _reported_official(sentence: str, before_trigger: str) -> str | None:
    """"Netflix has confirmed that ...", "Disney+ said that filming will start": an
    official reporting verb whose complement holds the trigger."""
    head = sentence[: max(0, sentence.find(before_trigger))] + before_trigger
    m = _REPORTED_OFFICIAL.search(head) or _PLATFORM_SAID.search(head)
    return m.group() if m else None


# "Amazon added that a first teaser would arrive in December": the platform's own words
_PLATFORM_SAID = re.compile(
    rf"\b(?:{PLATFORMS}|the\s+(?:streamer|network|broadcaster|studio|platform))\s+"
    r"(?:\w+\s+){0,2}?(?:said|says|"
    r"added|told\s+\w+(?:\s+\w+)?|confirmed|announced|stated|noted)\s+(?:that\b|:)", _I)
# "told the Mexican press that shooting would begin in February": a reported plan
# "told Deadline that the shoot would start in May", "The company said cameras would roll
# in February": reported speech, not a hedge
_TOLD_THAT = re.compile(r"\b(?:told|said|says|reported|stated|explained|added)\b(?:[^.;]{0,80}?"
                        r"\bthat\b)?[^.;]{0,60}\bwould\b", _I)


_UNDERWAY = re.compile(r"\b(?:is|are)\s+(?:now\s+|already\s+|currently\s+|officially\s+|"
                       r"well\s+)?(?:under\s?way|in\s+full\s+swing|rolling)\b", _I)
# a cancellation said with a negation ("will not return for a third season"): the
# negation is the news, not a denial of it
_NEGATIVE_CANCELLATION = re.compile(r"\b(?:will\s+not|won['’]t)\s+(?:return|continue)\b|"
                                    r"\bnot\s+(?:be\s+|being\s+)?renew(?:ed|ing)\b|"
                                    r"\bwon['’]t\s+be\s+renewed\b", _I)
_ORDERED_STATE = re.compile(r"\b(?:is|are|has\s+been|have\s+been)\s+(?:also\s+)?(?:officially\s+)?"
                            r"(?:on\s+the\s+way|happening|a\s+go|in\s+the\s+works|"
                            r"in\s+development)\b", _I)
_PROGRESSIVE_BEFORE = re.compile(r"\b(?:is|are|['’]s|['’]re)\s+(?:\w+ly\s+|now\s+|also\s+|"
                                 r"finally\s+)?$", _I)


def _present_future(before_trigger: str, trigger_text: str) -> bool:
    """"is returning", "are coming back", "returns": present forms that, with a period
    under way, speak of an arrangement. ("Returning this year are A, B and C" opens a
    list, whose claims are the list's business.)"""
    word = trigger_text.strip().split()[0].lower() if trigger_text.strip() else ""
    if word.endswith("ing"):
        return bool(_PROGRESSIVE_BEFORE.search(before_trigger))
    return len(trigger_text.split()) == 1 and word.endswith("s") and not word.endswith("ss")


@dataclass(frozen=True, slots=True)
class ModalityDecision:
    modality: Modality | None  # None: skip the claim
    cue: str | None
    explicit: bool  # a cue fired (vs. a default from tense/date)
    until: bool = False  # "won't ... until X": X is the end of the denial
    past_plan: bool = False  # "was originally planned for April": a plan made earlier


@lru_cache(maxsize=8192)
def _cue(pattern: re.Pattern[str], text: str) -> str | None:
    """The first cue of a kind in `text` (cached: claims of one sentence share text)."""
    m = pattern.search(text)
    return m.group() if m else None


def decide(
    *,
    clause: str,
    before_trigger: str,
    sentence: str,
    before_date: str,
    trigger_past: bool,
    trigger_nominal: bool,
    date_past: bool | None,
    date_future: bool | None,
    trigger_text: str = "",
    after_trigger: str = "",
    whole_clause: str = "",
    kind: str = "",
    trailing: str = "",
    today: bool = False,
    date_now: bool = False,
) -> ModalityDecision:
    """Classify one trigger (+ its date, if any).

    `clause` is the text of the clause(s) holding the trigger and its date, cut at the
    later of the two (so that trailing asides such as "ending weeks of speculation" do
    not colour the claim); `before_trigger` the clause text up to the trigger;
    `before_date` the clause text up to the date.
    """
    if cue := _cue(SKIP, re.split(r",\s", before_trigger)[-1]):
        # "If filming wraps in June, ..." is hypothetical; what follows the comma is the
        # writer's conclusion and is judged on its own cues
        return ModalityDecision(None, cue, True)
    ended = kind == "cancellation" and bool(_NEGATIVE_CANCELLATION.search(trigger_text))
    if ended:
        trigger_text = ""  # its "not" says what happened
    # "not mentioned were series that had been renewed": no denial; nor in an aside about
    # the sources (", who were not authorized to speak,")
    own = _SOURCE_ASIDE.sub(",", _RELATIVE.split(before_trigger)[-1])
    # "No. Netflix's only commitment came in ...": the "No." answers the question before
    own, before_date = (_ANSWER.sub("", x) for x in (own, before_date))
    # (a negation before ", and" ends with its clause: "we don't think it will land this
    # year, and early 2027 is the smart bet")
    tail = re.split(r",\s+(?:and|but|so)\s+|;", before_date)
    later_clause = len(tail) > 1 and before_date.startswith(before_trigger) and len(
        before_date) - len(tail[-1]) > len(before_trigger) + len(trigger_text)
    neg = (None if later_clause else _cue(NEGATION, own + " " + trigger_text)) or _cue(
        NEGATION, tail[-1][-60:])
    if not neg and trigger_nominal:
        # "A premiere before the end of 2025 is not realistic": the verb after the noun
        neg = _cue(_DENIED_AFTER, after_trigger)
    if kind == "slate_listing" and not neg:
        neg = _cue(NEGATION, after_trigger + " " + trailing)  # "..., Wednesday was nowhere on it"
    if neg and not re.search(r"\bnot\s+only\b|\bnot\s+(?:one|just)\b|\bno\s+doubt\b", clause,
                             _I):
        return ModalityDecision(Modality.DENIED, neg, True,
                                until=bool(UNTIL.search(before_date[-24:])))
    scope = clause
    at = sentence.find(clause)
    if at >= 0 and (re.match(r"\s*,?\s*and\s+(?:then\s+)?(?:\w+ed|\w+s)\b", clause, _I)
                    or re.match(r"\s*,\s*(?:which|who)\b", clause, _I)
                    or re.search(r"\bthat\s*$", sentence[:at])):
        # "some netizens have gone further and predicted a premiere": the subject is
        # shared; "an account … posted that the season premieres …": the source is said
        scope = sentence[:at + len(clause)]
    if cue := _cue(RUMOR, scope):
        return ModalityDecision(Modality.RUMORED, cue, True)
    writer = WRITER_GUESS.search(sentence[:40] + " | " + (whole_clause or clause))
    cue = _cue(HEDGE, whole_clause or clause)
    if cue and cue.lower() in ("would", "could", "may", "might", "should") and (
            ATTRIBUTION.search(clause) or cue.lower() == "would" and _reported_official(
                sentence, before_trigger)):
        # "reports had said the series would be back", "Netflix announced that it would
        # be launching on August 23": reported, not hedged
        cue = None
    if not writer and cue and cue.lower() == "would" and _TOLD_THAT.search(sentence) and (
            date_past is not True or not re.search(r"\b(?:19|20)\d\d\b", clause)):
        return ModalityDecision(Modality.PLANNED, "reported", True)
    if writer or cue:
        return ModalityDecision(Modality.EXPECTED, writer.group() if writer else cue, True)
    if kind == "slate_listing" and (re.search(r"\b(?:is|are|was|were)\s+(?:also\s+)?part\s+of\s+"
                                              r"[^,;]{0,40}$", before_trigger, _I)
                                    or re.search(r"\b(?:sat|was|were|is|are|appears?|appeared|"
                                             r"featured|included|listed)\s+(?:\w+\s+)?(?:among|"
                                             r"on|in)\b", after_trigger[:80], _I)):
        # "its 2026 line-up, where the show sat among the series promised", "is part of
        # Netflix's 2026 slate": it is on it
        return ModalityDecision(Modality.HAPPENED, "listed", True)
    if kind == "slate_listing" and re.match(r"among\b", trigger_text, _I):
        # "Among the returning favourites are A, B and C": the line-up lists them now
        return ModalityDecision(Modality.HAPPENED, trigger_text, True)
    if ended:  # "Copper Bay will not return for a third season"
        return ModalityDecision(Modality.HAPPENED, "will not return", True)
    if kind == "delay" and not trigger_nominal and (trigger_past or re.search(
            r"\b(?:has|have|had|was|were|been)\s+(?:\w+\s+)?$", before_trigger, _I)
            or re.match(r"(?:delays|pushes|postpones|moves|bumps|new)\b", trigger_text, _I)):
        return ModalityDecision(Modality.HAPPENED, trigger_text, True)  # "has pushed it to"
    if kind == "filming_start" and date_future is not True and re.match(
            r"(?:is|are)\s+(?:already\s+|now\s+|currently\s+|still\s+)?(?:filming|shooting|"
            r"in\s+production)", trigger_text, _I):
        return ModalityDecision(Modality.HAPPENED, trigger_text, True)  # under way now
    if kind == "filming_start" and date_future is not True and _UNDERWAY.search(
            trigger_text + after_trigger[:12]):
        return ModalityDecision(Modality.HAPPENED, trigger_text, True)  # "is underway"
    if kind == "renewal" and date_future is not True and _ORDERED_STATE.search(trigger_text):
        # "season 3 is in development", "is officially a go": the order is in place
        return ModalityDecision(Modality.HAPPENED, trigger_text, True)
    if kind == "filming_wrap" and date_future is not True and trigger_text.lower().startswith(
            ("in the can", "in post")) and _PROGRESSIVE_BEFORE.search(before_trigger):
        # "is in the can", "is currently in post-production": the shoot is over
        return ModalityDecision(Modality.HAPPENED, trigger_text, True)
    if trigger_nominal and date_future is not True and BACKGROUND.search(before_trigger):
        return ModalityDecision(Modality.HAPPENED, "after", True)
    if re.search(r"\boriginally\s+(?:announced|confirmed|dated|set)\b", clause, _I):
        return ModalityDecision(Modality.ANNOUNCED, "originally announced", True, past_plan=True)
    if ORIGINAL_PLAN.search(clause):
        return ModalityDecision(Modality.PLANNED, _cue(ORIGINAL_PLAN, clause), True,
                                past_plan=True)
    if aim := re.search(r"\b(?:hop|aim|plan|want|intend|target)(?:e|es|ed|ing|s)?\s+to\s+$",
                        before_trigger[-30:], _I):
        # "told reporters it hoped to start shooting in the first half of 2025": an aim
        return ModalityDecision(Modality.PLANNED, aim.group().strip(), True,
                                past_plan=aim.group().lower().rstrip().endswith("ed to"))
    if trigger_nominal and re.match(r"\s*(?:that|which)\s+(?:came|arrived|happened|landed|"
                                    r"dropped|was\s+announced)\b", after_trigger, _I):
        # "after an early Season 3 renewal that came in July": the relative clause's
        # past tense, not the main verb's future, dates the renewal
        return ModalityDecision(Modality.HAPPENED, "past tense", True)
    after_past = trigger_nominal and bool(re.match(
        r"[^,;]{0,40}?\b(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?\w+ed|"
        r"dropped|arrived|debuted|landed|came\s+out|went\s+live|premiered|showed|"
        r"revealed|unveiled|released)\b", after_trigger, _I))
    past = date_past is True or (date_past is None and (
        trigger_past or after_past or bool(PAST.search(before_trigger[-40:]))))
    if today and not FUTURE.search(before_trigger[-40:] + " " + trigger_text):
        past = True  # "the teaser debuts today"
    # "is finally coming back this year": a present form with the period under way
    arranged = date_now and not trigger_nominal and _present_future(before_trigger,
                                                                    trigger_text)
    if date_future is True or arranged or (date_past is None and
                                           FUTURE.search(before_trigger[-40:])):
        past = False
    elif date_past and not trigger_past and (_WILL.search(before_trigger[-25:]) or re.search(
            r"\b(?:will|shall|would)\b", trigger_text, _I)):
        # "HBO will release it in June 2026" in a later article: a plan the page kept
        # (or a page dated late), not news that it happened
        past = False
    if not past and date_future is None and trigger_past:
        past = True
    if kind == "renewal" and date_future is not True and re.search(
            r"\b(?:announced|confirmed|revealed)\s+(?:\w+\s+){0,2}?that\b[^.;,]{0,60}?"
            r"\bwill\s+return\b", before_trigger[-90:] + trigger_text, _I):
        # "On Monday, Hulu announced that Brackenfield will return for season 3": the
        # order is made
        return ModalityDecision(Modality.HAPPENED, "announced", True)
    if kind == "renewal" and (trigger_past or re.search(r"\b(?:confirmed|announced)\b",
                                                        trigger_text, _I)) and not FUTURE.search(
            before_trigger[-40:] + " " + trigger_text):
        # "tvN confirmed the second season in April": a renewal said is a renewal made
        return ModalityDecision(Modality.HAPPENED, "past tense", True)
    official = _cue(OFFICIAL, clause) or _reported_official(sentence, before_trigger) or (
        _cue(OFFICIAL, trailing) if re.match(r"\s*,", trailing) else None)
    if past:
        verbal = date_past is not True or trigger_past or after_past
        return ModalityDecision(Modality.HAPPENED, "past tense" if verbal else None, verbal)
    if official and (date_future or FUTURE.search(clause) or not trigger_past):
        return ModalityDecision(Modality.ANNOUNCED, official, True)
    if cue := _cue(PLAN, sentence):
        if kind in ("release", "trailer") and all(
                _SCHEDULE_ONLY.fullmatch(m.group()) or m.group().lower().startswith("according")
                for m in PLAN.finditer(sentence)) and not _cue(_REPORTED_PLAN, sentence):
            # "Season 2 will premiere on March 3": a date stated as settled, with no source
            # or aim named, is the platform's schedule
            return ModalityDecision(Modality.ANNOUNCED, cue, True)
        return ModalityDecision(Modality.PLANNED, cue, True)
    if arranged:  # "Copper Bay is returning this year", "it returns this year"
        return ModalityDecision(Modality.PLANNED, trigger_text, True)
    if (date_future or date_now and _RUN_IN_LABEL.fullmatch(trigger_text)) and kind in (
            "release", "trailer") and not _cue(_REPORTED_PLAN, sentence):
        # "Part 2 follows in July": a settled date, stated without a source, as above
        return ModalityDecision(Modality.ANNOUNCED, None, False)
    if date_future:
        return ModalityDecision(Modality.PLANNED, None, False)
    return ModalityDecision(None, None, False)
