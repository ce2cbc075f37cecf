"""Trigger phrases: the words that say which production step a sentence is about.

Each kind of interfaces.md §2 has a few regular expressions, written as verb/noun
families rather than whole sentences, so they generalise across phrasings ("began
filming", "cameras started rolling", "production got underway"). Where two triggers
overlap the more specific kind wins (a "release schedule" is a slate, a "teaser
dropped" is a teaser, "wrapped his part" is one actor's wrap, not the whole shoot).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from seasoncast.extract.modality import PLATFORMS
from seasoncast.model import Kind
from seasoncast.wordscan import CaselessPattern, caseless_copy

_FILM = (r"(?<![-\w])(?:filming|shooting|production|principal\s+photography|photography|cameras|"
         r"the\s+shoot)")  # not the "production" of "pre-production"
_START = (r"(?:beg[iau]n|begins|beginning|start(?:s|ed|ing)?|kick(?:s|ed|ing)?\s+off|"
          r"(?:got|get|gets|getting)\s+under\s?way|underway|(?:re-?)?commenc(?:e|es|ed|ing)|"
          r"roll(?:s|ed|ing)?|go(?:es)?\s+(?:back\s+)?(?:into|before)|"
          r"went\s+(?:back\s+)?(?:into|before)|"
          r"(?:enter(?:s|ed|ing)?|entering)|resum(?:e|es|ed|ing))")
_WRAP = (r"(?:wrap(?:s|ped|ping)?(?:\s+up)?|end(?:s|ed)?|finish(?:es|ed|ing)?|"
         r"conclud(?:e|es|ed)|complet(?:e|es|ed)|stop(?:s|ped)?\s+rolling|"
         r"c[oa]me?s?\s+to\s+an\s+end|draw(?:s|ing)?\s+to\s+a\s+close)")
# up to four words between a verb and "filming", but never a new clause ("the script is
# complete and filming will start" is no wrap)
_GAP = r"(?:\s+(?!(?:and|but|or|while)\b)[\w'’-]+){0,4}?\s+"
# "filming on “Stranger Things 5”", "production of the new season": what is filmed,
# quoted or not (its name is blanked by then)
_ON_THE_SHOW = r"(?:\s+(?:on|of|for)\s+(?:the\s+)?[“\"‘]?[\w\s'’-]{0,30}?[”\"’]?)?"
_SEASONISH = r"(?:season|series|show|drama|installment|chapter|episodes|sequel)"
# a season after the first, in words ("no third season", "no season four order")
_LATER_ORD = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
_LATER_NUM = r"(?:two|three|four|five|six|seven|eight|nine|ten)"

# (kind, pattern, priority): the higher priority wins an overlap
_PATTERNS: list[tuple[Kind, str, int]] = [
    (Kind.CAST_WRAP, r"\bwrap(?:s|ped|ping)?(?:\s+up)?\s+(?:filming\s+|shooting\s+)?"
     r"(?:on\s+)?(?:his|her|their|my)\s+(?:part|parts|role|roles|scenes|filming|shoot|"
     r"portion)\b", 9),
    (Kind.CAST_WRAP, r"\bfinish(?:es|ed)?\s+(?:filming\s+|shooting\s+)?(?:his|her|their)\s+"
     r"(?:(?:last|final|remaining)\s+)?(?:part|parts|role|scenes|portion)\b", 9),
    (Kind.CAST_WRAP, r"\bfinish(?:es|ed)?\s+(?:filming|shooting)\s+(?=[\"“'‘]?(?-i:[A-Z]))", 6),
    (Kind.CAST_WRAP, r"\b(?:last|final)\s+day\s+(?:of\s+filming|on\s+set)\b", 7),
    # "she shot her final scene in mid-July"
    (Kind.CAST_WRAP, r"\b(?:shot|filmed|wrapped)\s+(?:his|her|their)\s+(?:final|last)\s+"
     r"(?:scenes?|shot|day)\b", 9),
    (Kind.ADDITIONAL_FILMING, r"\bre-?shoots?\b|\breshot\b|\badditional\s+(?:shooting|"
     r"filming|photography|scenes|footage|shoot|shoots|days\s+of\s+shooting)\b|"
     r"(?<!\bseason\s\d\s)(?<!\bseason\s\d\d\s)\bpick-?ups?\b(?!\s+(?:for|truck))|\bextra\s+(?:shooting|filming|shoot)(?:\s+days?)?\b|"
     r"\b(?:extra|additional)\s+(?:\w+\s+)?(?:days?|nights?|weeks?)\s+of\s+(?:filming|shooting)\b|"
     r"\bre-?filming\b", 8),
    # (not "completed its filming registration": the paperwork before a shoot)
    (Kind.FILMING_WRAP, rf"\b{_WRAP}{_GAP}?{_FILM}\b(?!\s+(?:registration|permits?|licen[cs]es?|"
     r"applications?|approval))", 6),
    # (not "Filming began in Dublin in January and wrapped in June": that is the start)
    (Kind.FILMING_WRAP, rf"\b{_FILM}{_ON_THE_SHOW}"
     rf"(?:\s+(?!{_START}\b|and\b)[\w'’]+){{0,4}}?"
     rf"\s+(?:to\s+)?{_WRAP}\b", 6),
    (Kind.FILMING_WRAP, r"\b(?:wrap(?:s|ped)?\s+(?:up\s+)?filming|filming\s+wrap(?:s|ped)?|"
     r"(?:the|a|after|before|its|their|production)\s+wrap\b|stop\s+rolling|"
     r"(?:to|will|would|could|should|must|['’]ll)\s+wrap\b|"
     r"(?:doesn['’]t|don['’]t|won['’]t|didn['’]t|not)\s+wrap\b|"
     r"(?<=\band\s)(?:it\s+|they\s+)?(?:was\s+|is\s+)?(?:concluded|wrapped|finished|ended|completed|wraps|"
     r"concludes)\b(?!\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:run|broadcast|airing)\b)|"
     r"finish\s+line|end\s+of\s+(?:filming|production|shooting)|in\s+the\s+can\b|"
     # "the crew finished on October 30": the crew's work is the shoot
     r"(?:cast\s+and\s+)?crew\s+(?:has\s+|have\s+|had\s+)?(?:finished|wrapped|concluded|"
     r"completed)\b(?!\s+(?:work\s+on\s+)?(?:the\s+)?(?:script|pre-?production|prep)))", 5),
    (Kind.FILMING_WRAP, rf"\b{_FILM}{_ON_THE_SHOW}"
     rf"(?:\s+[\w'’]+){{0,3}}?\s+(?:runs?|continues?|lasts?|will\s+run|"
     r"(?:is\s+)?set\s+to\s+(?:run|continue|last)|goes\s+on)\s+(?:until|till|through|into)\b", 7),
    # "is scheduled to film until late summer": the shoot's end (not "didn't start
    # filming until May", the start)
    (Kind.FILMING_WRAP, r"(?<!start\s)(?<!begin\s)(?<!resume\s)"
     r"\b(?:film|shoot)(?:s|ing)?\s+(?:until|till|through)\b", 7),
    # "season 2 wrapped on 14 February", "the second season has officially wrapped" (not
    # a story that "wrapped up on a cliffhanger" or "wrapped with a twist")
    (Kind.FILMING_WRAP, r"\b(?:season|series)(?:\s+[\w-]+)?"
     # "Season 2 of Copper Hollow wrapped in March" (the show's name is blanked by then)
     r"(?:\s+of(?:\s+(?-i:[A-Z][\w'’&-]*)(?:\s+(?:(?-i:[A-Z][\w'’&-]*)|of|the|and)){0,4})?)?"
     r"\s+(?:has\s+|have\s+|had\s+)?(?:officially\s+|finally\s+)?wrap(?:s|ped)\b"
     r"(?!\s+(?:up|with|its|their|the|on\s+an?)\b)", 5),
    # post-production follows the wrap: "is in post-production", "entered post-production"
    # "the last day of shooting is planned for late September" (not an actor's: above)
    (Kind.FILMING_WRAP, r"\bthe\s+(?:last|final)\s+day\s+of\s+(?:shooting|filming|production|"
     r"principal\s+photography)\b", 8),
    (Kind.FILMING_WRAP, r"\bin\s+post-?production\b|\b(?:enter(?:s|ed)?|went\s+into|"
     r"mov(?:es|ed)\s+into)\s+post-?production\b", 6),
    (Kind.FILMING_START, rf"\b{_START}{_GAP}?{_FILM}\b", 6),
    (Kind.FILMING_START, r"\b(?:scheduled|slated|set|planned|due)\s+for\s+(?:filming|shooting|"
     r"production)\b(?!\s+(?:to|of)\b)", 7),
    (Kind.FILMING_START, r"\bfirst\s+day\s+(?:on\s+set|of\s+(?:filming|shooting|production|"
     r"principal\s+photography))\b|\bfirst\s+(?:shoot|shooting\s+day|filming\s+day)\b", 7),
    (Kind.FILMING_START, rf"\b{_FILM}{_ON_THE_SHOW}"
     rf"(?:\s+[\w'’]+){{0,4}}?\s+(?:to\s+)?{_START}\b", 6),
    # "filming took place from June 2 to October 30": a run, read as its start (and, for
    # a range of days, its wrap: see the pipeline)
    (Kind.FILMING_START, rf"\b{_FILM}{_ON_THE_SHOW}"
     r"(?:\s+[\w'’]+){0,4}?\s+(?:took\s+place|ran|lasted|was\s+held|went\s+on)\s+"
     r"(?=(?:from|between)\b)", 8),
    # "shows shoot dates of February through June 2026": the planned run
    (Kind.FILMING_START, r"\b(?:shoot(?:ing)?|filming|production)\s+dates?\s+(?:of|from|are|"
     r"run)\b", 5),
    (Kind.FILMING_START, rf"\b{_FILM}(?:\s+[\w'’]+){{0,6}}?\s+(?:target(?:s|ed|ing)?|"
     r"aim(?:s|ed|ing)?|planned|scheduled|slated|set\s+(?:for|to))\b", 4),
    (Kind.FILMING_START, r"\b(?:(?:has|have|had|was|were|been|is|are|be)\s+)(?:being\s+|"
     r"already\s+|now\s+|currently\s+|still\s+)?(?:filming|shooting|in\s+production)\b|\bfilming\s+(?:since|from)\b|"
     r"\bset\s+to\s+(?:film|shoot)\b|\bwill\s+(?:film|shoot)\b|\bto\s+(?:film|shoot)\s+in\b|"
     r"\bcameras\s+(?:are\s+)?(?:still\s+)?rolling\b|\bspotted\s+(?:filming|shooting)\b|\b(?:shooting|filming|in\s+production|"
     r"cameras\s+rolling)\s+by\b", 4),
    (Kind.PREPRODUCTION, r"\bpre-?production\b|\bwriters[’']?\s+room\b|\btable\s+read\b|"
     r"\bscript\s+read(?:ing|-through)?\b|\blocation\s+scouting\b|"
     # a Chinese drama's filing with the broadcasting regulator before it shoots
     r"\b(?:filming|production)\s+(?:registration|permit)\b", 6),
    (Kind.CASTING, r"\bjoin(?:s|ed|ing)?\s+(?:the\s+)?(?:cast|ensemble|series|show)\b|"
     # "had joined the third season", "joined as the ship's engineer in June 2021" (not
     # "has joined as a rival smuggler", who is in the season)
     r"\bjoin(?:s|ed|ing)?\s+(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|new)\s+"
     r"(?:season|series)\b|(?<!\bhas\s)(?<!\bhave\s)\bjoined\s+as\s+(?:the|a|an)\b|"
     r"\b(?:has\s+been|was|been|were)\s+cast\b|\bcast\s+as\b|\bboard(?:s|ed)\b|"
     r"\bsigned\s+on\b|\btapped\s+to\s+(?:play|star)\b|\bin\s+talks\s+to\s+(?:join|star)\b|"
     r"\bcasting\s+(?:of\s+[^.;,]{1,40}?\s+)?(?:was|has\s+been|is|had\s+been)\s+(?:\w+\s+)?"
     r"(?:confirmed|announced|revealed)\b|"
     # "Netflix announced her casting in November", "joined us as a shipping inspector"
     r"\b(?:announced|confirmed|revealed)\s+(?:his|her|their|[\w-]+['’]s)\s+(?:casting|entry)\b|"
     # "whose casting Fuji TV announced on August 4", "Her casting was first reported"
     r"\b(?:whose|his|her|their)\s+casting\b(?=[^.;]{0,60}?\b(?:announced|confirmed|revealed|"
     r"reported)\b)|"
     r"\bjoined\s+us\s+as\b", 5),
    (Kind.TEASER, r"\bteasers?(?:\s+(?:trailer|pv|clip|video))?\b|\bfirst[\s-]+look"
     r"(?:\s+(?:images?|photos?|stills|pictures?|clips?|footage|teaser|video))?\b|"
     r"\bfirst\s+(?:footage|images|stills|glimpse|clip)\b|\bsneak\s+peek\b", 7),
    # "the official account dropped a 14-second clip": footage, not the season
    (Kind.TEASER, r"\b(?:dropped|released|posted|shared|unveiled|debuted)\s+(?:a|an|the)\s+"
     r"(?:[\w-]+\s+){0,2}?(?:clip|footage|video|sneak\s+peek)\b", 8),
    (Kind.TRAILER, r"\b(?:official\s+|full\s+|final\s+|main\s+)?trailers?\b|"
     r"\b(?:full(?:-length)?|main|official|second)\s+PVs?\b", 7),  # anime: "a full-length PV"
    (Kind.SLATE_LISTING,
     r"\b(?:release\s+(?:schedule|calendar|slate)|line-?ups?|slate|catalog(?:ue)?|preview(?:\s+(?:reel|video|"
     r"event|list|sizzle))?(?:\s+of\s+(?:its\s+)?(?:(?:19|20)\d\d\s+)?(?:releases|titles|shows|"
     r"series|originals))?|sizzle\s+reel)\b(?!\s+(?:for|of)\s+(?:the\s+)?(?:episode|"
     r"cast))", 8),
    (Kind.SLATE_LISTING, r"\b(?:made|make|makes|on|from|off|in)\s+the\s+list\b", 6),
    # "named among iQIYI's key dramas for 2026"
    (Kind.SLATE_LISTING, r"\b(?:named|listed|included)\s+(?:among|in|on)\s+(?:[\w'’+-]+\s+){0,3}?"
     r"(?:key|upcoming|tentpole|major|flagship|biggest)\s+(?:dramas|titles|series|shows|"
     r"releases|originals)\b", 6),
    # "Among the returning favourites are A, B and C", after a line-up was named
    (Kind.SLATE_LISTING, r"\bamong\s+(?:the|its|their)\s+(?:[\w'’-]+\s+){0,3}?(?:are|were)\b", 4),
    # "Also not mentioned were ...", after a line-up was named
    (Kind.SLATE_LISTING, r"\b(?:not|never)\s+mentioned\b", 5),
    (Kind.SLATE_LISTING, r"\bamong\s+(?:its|the|their)\s+(?:19|20)\d\d\s+(?:[\w-]+\s+)?"
     r"(?:originals|releases|titles|premieres|shows|series)\b", 6),
    (Kind.DELAY, r"\bdelay(?:s|ed|ing)?\b|\bpostpon(?:e|es|ed|ement|ing)\b|"
     r"\bpush(?:es|ed|ing)?\s+(?:[\w'’]+\s+){0,4}?(?:back|to|into)\b|"
     # "moved to 2026", "slipped into the fall" (not "the crew moved to Hengdian")
     r"\b(?:moved|bumped|slipped|slips|slid|slip)\s+(?:back\s+)?(?:to|into)\b"
     r"(?!\s+(?-i:[A-Z])(?!(?i:anuary|ebruary|arch|pril|ay|une|uly|ugust|eptember|ctober|"
     r"ovember|ecember|pring|ummer|utumn|inter|all)\b|(?i:an|eb|ar|pr|un|ul|ug|ept?|ct|ov|ec)\.))|\bsetbacks?\b|"
     r"\bmoved\s+(?:everything|it|things|production|filming|the\s+shoot)\s+back\b|"
     r"\bhalt(?:s|ed)?\b|\bshut\s+down\b|\bpaused\b|"
     # "the shoot has been extended by two weeks"
     r"\b(?:shoot|filming|production|schedule)\s+(?:has\s+been\s+|had\s+been\s+|was\s+|is\s+"
     r"being\s+|will\s+be\s+)?extended\b|"
     # "the new target is the first half of 2026": the date has moved
     r"\bnew\s+(?:target|release\s+date|premiere\s+date|window)\s+(?:is|was)\b", 6),
    # "that start has been scrapped": the date is off, not the show
    (Kind.DELAY, r"\b(?:start|date|shoot|schedule|plans?)\s+(?:has\s+been\s+|have\s+been\s+|"
     r"was\s+|were\s+|is\s+|got\s+)?(?:scrapped|cancell?ed|called\s+off)\b", 9),
    (Kind.CANCELLATION, r"\bcancel(?:l?ed|s|lation|ling)?\b|\baxe[sd]?\b|\bscrapped\b(?!\s+"
     r"(?:scripts?|plans?|episodes?|footage|scenes?|storylines?|ideas?|drafts?))|"
     r"\bpull(?:s|ed|ing)?\s+the\s+plug\b|\bwill\s+not\s+(?:return|continue)\s+for\b|"
     # ("has not been renewed" is undecided: a renewal denied, below)
     r"\b(?:will|would|is|are|was|were)\s+not\s+(?:be\s+|being\s+)?renew(?:ed|ing)\b|"
     r"\bwon['’]t\s+be\s+renewed\b", 8),
    # "a fourth season? Netflix has not ordered one", "has not yet ordered a third"
    (Kind.RENEWAL, r"\b(?:has|have|had)\s+not\s+(?:yet\s+)?(?:\w+ly\s+)?(?:ordered|renewed|"
     r"commissioned|green-?lit)\s+(?:one|it|another|a\s+(?:second|third|fourth|fifth|sixth|"
     r"seventh|eighth|ninth|tenth)\b(?!\s+(?:episode|film|movie|book)))\b|"
     # "ITV has not yet said whether there will be a fifth series"
     r"\b(?:has|have)\s+not\s+(?:yet\s+)?(?:said|decided|confirmed|announced)\s+whether\s+"
     r"(?:there\s+will\s+be|it\s+will\s+(?:order|renew))\b|"
     # "JTBC has not confirmed one", "There's no season four order", "There will be no fifth
     # season", "no plans for a third season", "nothing is confirmed about the third season",
     # "a third season has not been confirmed": a next season not (yet) ordered
     rf"\b(?:has|have)\s+not\s+(?:yet\s+)?(?:confirmed|announced)\s+(?:one|another|a\s+{_LATER_ORD}"
     r"\s+(?:season|series))\b|"
     rf"\bno\s+(?:season\s+(?:\d{{1,2}}|{_LATER_NUM})|{_LATER_ORD}\s+(?:season|series))\s+"
     r"(?:order|renewal|pickup|announcement)\b|"
     rf"\b(?:there\s+(?:is|was|will\s+be)|there['’]s)\s+no\s+(?:{_LATER_ORD}|new)\s+(?:season|series)\b|"
     rf"\bno\s+plans?\s+(?:yet\s+)?for\s+(?:a|another)\s+(?:{_LATER_ORD}\s+)?(?:season|series)\b|"
     r"\bnothing\s+(?:has\s+been|is|was|had\s+been)\s+(?:decided|confirmed)[\"”]?\s+"
     rf"(?:yet\s+)?(?:about|on|regarding|for)\s+(?:a|the)\s+(?:{_LATER_ORD}\s+season|season\s+"
     rf"(?:\d{{1,2}}|{_LATER_NUM}))\b|"
     rf"\b(?:a|the)\s+{_LATER_ORD}\s+(?:season|series)\s+(?:has|had)\s+not\s+(?:yet\s+)?been\s+"
     r"(?:confirmed|announced|ordered|commissioned)\b", 8),
    (Kind.RENEWAL, r"\brenew(?:s|ed|al|ing)?\b|\bre-?commission(?:s|ed|ing)?\b|"
     r"\b(?:seasons?|series)(?:\s+\d+(?:\s*(?:,|and|&)\s*\d+)*)?\s+(?:was|were|has\s+been|"
     r"have\s+been|had\s+been)\s+(?:quickly\s+|swiftly\s+)?ordered\b|"
     r"\bgreen[\s-]?l(?:it|ighted|ights?)\b|"
     r"\b(?:ordered|picked\s+up|commissioned)\s+(?:a\s+|for\s+)?(?:[\w-]+\s+){0,3}?"
     r"(?:seasons?|series|installments?)\b|"
     # "CBS has picked up the legal drama for a fifth season"
     r"\bpicked\s+up\s+[^.;,]{0,50}?\s+for\s+(?:a|an|its)\s+(?:[\w-]+\s+){0,2}?"
     r"(?:season|series|installment)\b|\b(?:season|series)\s+order\b|\bS\d\s+order\b|"
     # "announced the second season", "confirmed the production of Season 2", "an early
     # season 3 pickup", "revealed plans for a sequel", anime's "production decided"
     r"\b(?:announced|confirmed|revealed)\s+(?:the\s+production\s+of\s+)?(?:a|the)\s+"
     r"(?:second|third|fourth|fifth|sixth|new)\s+season\b|\b(?:announced|confirmed)\s+the\s+"
     r"production\s+of\s+season\s+\d+\b|\b(?:season|series)\s+\d+\s+pickup\b|"
     r"\bplans\s+for\s+a\s+(?:sequel|second\s+season|new\s+season)\b|"
     # "Hulu confirmed the order on Tuesday"
     r"\b(?:confirmed|announced|made)\s+the\s+(?:order|renewal|pickup)\b|"
     r"\bproduction\s+(?:has\s+been\s+|was\s+|is\s+)?decided\b|"
     r"\b(?:season|installment|sequel)(?:\s+\d+)?\s+(?:is|was|has\s+been|had\s+been|have\s+been|"
     r"had\s+already\s+been|has\s+already\s+been|"
     r"got|been)\s+(?:also\s+)?"
     r"(?:officially\s+)?(?:on\s+the\s+way|happening|confirm(?:ed)?|a\s+go|in\s+the\s+works|"
     r"in\s+development)\b|"
     r"\bconfirm(?:s|ed)?\s+(?:that\s+)?(?:the\s+|a\s+)?(?:season\s+\d+|(?:a|the)\s+(?:second|third|"
     r"fourth|fifth|sixth|new)\s+season)(?!\s+(?:will|is\s+set|premieres|arrives|has|have|had|is|was|"
     r"were)\b)"
     r"(?![^.;!?]{0,80}?\b(?:will|is\s+set\s+to|set\s+to)\s+(?:premiere|return|arrive|debut|"
     r"drop|launch|stream|air|hit)\b)|"
     r"\b(?:get(?:s|ting)?|land(?:s|ed)?|score[sd]?|earn(?:s|ed)?|got)\s+(?:a\s+)?"
     r"(?:second|third|fourth|fifth|sixth|new|another)\s+season\b|"
     r"\bconfirm(?:s|ed)?\s+that\s+(?:[\w'’:-]+\s+){1,8}?(?:will\s+)?(?:also\s+)?have\s+"
     r"(?:a\s+)?(?:second|third|fourth|fifth|sixth|another)\s+season\b|"
     r"\bback\s+for\s+(?:a\s+)?(?:second|third|fourth|fifth|sixth|another)\s+season\b|"
     r"\b(?:will\s+)?return(?:s|ing)?\s+for\s+(?:a\s+)?(?:second|third|fourth|fifth|sixth|"
     r"another)\s+season\b", 7),
    (Kind.RELEASE, r"\bpremi[eè]r(?:e|es|ed|ing)\b|\brelease(?:s|d)?\b|\breleasing\b|"
     r"\bwent\s+out\s+(?=(?:in|on|last|this|at)\b)|"  # British: "series one went out in"
     # "opens with two episodes on January 9", "kicked off with a double bill"
     # "opens its sixth season on Wednesday, Oct. 1"
     r"\b(?:opens|opened)\s+(?:its|the|their)\s+(?:[\w-]+\s+)?(?:season|series)\b|"
     # "Apple has committed to 2026", "Hulu has only committed to "January""
     r"\bcommitted\s+to\s+(?=[\"“']?(?:a\s+)?(?:(?:19|20)\d\d|jan|feb|mar|apr|may|jun|jul|aug|sep|"
     r"oct|nov|dec|spring|summer|fall|autumn|winter|early|late|mid|the\s+(?:first|second)))|"
     r"\b(?:opens|opened|kicks\s+off|kicked\s+off)\s+with\s+(?:(?:a|its|the|two|three|four|"
     r"\d)\s+)?(?:[\w-]+\s+)?(?:episodes?|double\s+bill)\b|"
     # "Part 2 follows in July", "the second followed on January 8, 2023"
     r"\b(?<=part\s\d\s)follow(?:s|ed)\s+(?=(?:in|on)\b)|"
     r"\bdebut(?:s|ed|ing)?\b|\bdrop(?:s|ped|ping)?\b|\barriv(?:e|es|ed|ing|al)\b|"
     r"\bland(?:s|ed|ing)?\b(?!\s+(?:of|in\s+the\s+role))|\bair(?:s|ed|ing)\b|"
     r"\b(?:won['’]t|not|never)\s+air\b|"
     r"\blaunch(?:es|ed|ing)?\b|\broll(?:s|ing)?\s+out\b|\bcome\s+(?:out|back|in|on)\b|\bcame\s+(?:out|back)\b(?!\s+of\b)|\bbe\s+back\b|\bbe\s+out\b(?!\s+of\b)|\bran\s+(?=(?:for|from|on)\b)|\breturn(?:s|ed|ing)?\b(?!\s+(?:as|to\s+(?:the\s+)?(?:role|sets?|studios?|filming|shooting|work)\b|in\s+"
     r"the\s+(?:title\s+)?role|for\s+(?:a|the)\s+\w+\s+season))|\bcom(?:es|ing)\s+(?:back\s+)?"
     r"(?:out|back|in|on|to)\b|\bhit(?:s|ting)?\s+(?:netflix|screens|the\s+(?:streamer|"
     r"platform))\b|\b(?:release|premiere|launch|air)\s+(?:date|window)\b|\bdated\b|"
     r"\block(?:s|ed)?\s+(?:in\s+)?(?=(?:a\s+)?(?-i:[A-Z0-9]))|\b(?:slated|scheduled|set|targeted|"
     r"aimed|planned|pencill?ed\s+in|earmarked|eyed|eyeing|eyes)\s+(?:for|at)\b|"
     r"\bslott(?:ed|ing)\s+(?:[\w'’-]+\s+){0,4}?(?:for|in|into)\b|"
     r"\bbows?\b|\bbowed\b|\bresum(?:e|es|ed)\b|\bfollow(?:s|ed|ing)?\s+on\b|\bby\s+storm\b|"
     r"\bstream(?:s|ing)?\s+(?:from|on|in)\s+(?=(?-i:[A-Z0-9]))|\bout\s+now\b|"
     r"\b(?:started|began|begins|starts)\s+streaming\b|\b(?:to|will)\s+stream\b|\bgo(?:es)?\s+live\b|"
     r"\bbroadcast(?:s|ed|ing)?\b|\b(?:be|been|being)\s+shown\b|\bon\s+air\b|\bonair\b|\b(?:to|will|would|could)\s+air\b|"
     r"\bair\s+(?:in|on|from|this|next|later)\b|"
     # British: "the first series went out in January", "back on screens for Christmas"
     r"\b(?:went|goes)\s+out\s+(?=(?:in|on)\s)|\bon\s+(?:our\s+|your\s+)?screens\b|"
     # "series 2 begins on BBC One and iPlayer on Sunday 7 July": a broadcaster's start
     rf"\b(?:begins|began|starts|started|kicks\s+off|kicked\s+off)\s+on\s+(?={PLATFORMS}\b)",
     3),
]
# a list of returning shows gives each a date and no verb: "**Saltmarsh, season 2
# (Hulu): January.**", "Ninefold season 2 – February 26"
_PATTERNS.append((Kind.RELEASE, r"\b(?:season|series|part)\s+(?:\d{1,2}|one|two|three|four|"
                  r"five|six|seven|eight|nine|ten)\s*(?:\([^()\n]{1,40}\)\s*)?(?::|\s[–—-])\s*"
                  r"(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|fall|"
                  r"autumn|winter|early|late|mid|q[1-4]|(?:19|20)\d\d|[0-3]?\d(?:st|nd|rd|th)?\s|"
                  r"(?:first|second)\s+half|later\s+this|this\s+(?:year|month|spring|summer|"
                  r"fall|autumn|winter)|next\s+(?:year|month)))",
                  2))
# weakest of all: "a July date", "a far more specific date: June 2025"
_PATTERNS.append((Kind.RELEASE, r"\b(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?date\b(?!\s+(?:night|of\s+"
                  r"birth))", 1))
# Every pattern is case-insensitive: found through a lower-cased copy of the text, which
# Python's regex engine scans several times as fast
_COMPILED = [(k, CaselessPattern(p), pr) for k, p, pr in _PATTERNS]

_PAST_WORDS = {
    "began", "begun", "got", "went", "took", "shot", "wrapped", "dropped", "premiered",
    "arrived", "landed", "aired", "debuted", "launched", "returned", "renewed", "greenlit",
    "ordered", "cancelled", "canceled", "axed", "delayed", "postponed", "pushed", "started",
    "kicked", "finished", "ended", "concluded", "completed", "released", "dated", "locked",
    "unveiled", "revealed", "commenced", "entered", "rolled", "resumed", "halted", "scrapped",
    "moved", "bumped", "slipped", "boarded", "joined", "stopped", "picked", "bowed",
    "followed", "commissioned", "recommissioned", "came", "slid", "paused", "pulled",
}


@dataclass(frozen=True, slots=True)
class Trigger:
    kind: Kind
    start: int  # offsets relative to the sentence
    end: int
    text: str
    priority: int
    prospective: bool = False  # a participle after "will be", "to be": "will be released"

    @property
    def past_form(self) -> bool:
        """Is the trigger itself a past-tense verb ("wrapped", "began")?"""
        # ("a teaser for season two will be released": a verb taken in, still to come)
        return not self.prospective and any(
            w.lower() in _PAST_WORDS for w in re.findall(r"[\w]+", self.text)) and not \
            re.search(r"\b(?:will|shall)\s+(?:be\s+)?\w+", self.text, re.IGNORECASE)

    @property
    def nominal(self) -> bool:
        """A noun trigger ("the trailer", "a 2027 release") carries no tense itself."""
        return self.kind in (Kind.TEASER, Kind.TRAILER, Kind.SLATE_LISTING) or bool(
            re.fullmatch(r"(?:release|premiere|return|arrival|debut|launch|delays?|"
                         r"setbacks?|renewal|cancellation|reshoots?|wrap|the\s+wrap|"
                         r"(?:release|premiere|launch|air)\s+(?:date|window))",
                         self.text.strip().lower()))


# the words before a line-up noun that belong to its name ("Netflix's official 2026
# K-drama release schedule"); matched leftwards from the noun, which is much faster than
# letting the noun's pattern start with optional words
_SLATE_PREFIX = re.compile(
    r"(?:(?:netflix|hbo|max|disney\+?|prime\s+video|apple\s+tv\+?|hulu|the\s+streamer|"
    r"streamer|platform)(?:['’]s)?\s+)?(?:official\s+)?(?:(?:19|20)\d\d\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE)


def _with_slate_prefix(sentence: str, t: Trigger) -> Trigger:
    m = _SLATE_PREFIX.search(sentence, max(0, t.start - 70), t.start)
    if not m or m.start() == t.start:
        return t
    return Trigger(t.kind, m.start(), t.end, sentence[m.start():t.end], t.priority)


def find_triggers(sentence: str, exclude: tuple[Kind, ...] = ()) -> list[Trigger]:
    """Non-overlapping triggers of a sentence, in text order."""
    raw: list[Trigger] = []
    lower = caseless_copy(sentence)
    for kind, pattern, prio in _COMPILED:
        if kind in exclude:
            continue
        for m in pattern.finditer(sentence, lower):
            before = sentence[max(0, m.start() - 9):m.start()].lower()
            if kind is Kind.RELEASE and re.search(r"\b(?:home|dvd|digital|blu-ray|press|news)\s+$",
                                                  before):
                continue  # "the home release", "a press release": not the premiere
            if prio == 1 and re.fullmatch(r"(?:a|the)\s+date", m.group(), re.IGNORECASE) and \
                    _DATE_GIVEN.search(sentence, max(0, m.start() - 24), m.start()):
                continue  # "put a date on it last month": the day the date was given
            if m.end() > m.start():
                t = Trigger(kind, m.start(), m.end(), sentence[m.start():m.end()], prio)
                if kind is Kind.SLATE_LISTING and m.group().lower().startswith(
                        ("release", "line", "slate", "catalog", "preview", "sizzle")):
                    t = _with_slate_prefix(sentence, t)
                raw.append(t)
    raw.sort(key=lambda t: (-t.priority, -(t.end - t.start), t.start))
    chosen: list[Trigger] = []
    covered = bytearray(len(sentence) + 1)  # a linear-time overlap test, even on huge input
    for t in raw:
        if covered.find(1, t.start, t.end) < 0:
            chosen.append(t)
            covered[t.start:t.end] = b"\x01" * (t.end - t.start)
    chosen.sort(key=lambda t: t.start)
    return [replace(t, prospective=True)
            if _PROSPECTIVE.search(sentence, max(0, t.start - 40), t.start) else t
            for t in _absorb(sentence, chosen)]


_DATE_GIVEN = re.compile(r"\b(?:put|set|confirmed|announced|revealed|gave|given|named|shared|"
                         r"locked\s+in|pinned)\s+$", re.IGNORECASE)


# "will be released", "is set to be renewed", "won't be released": the participle
# speaks of what is to come, not of what happened
_PROSPECTIVE = re.compile(r"\b(?:will|['’]ll|shall|would|won['’]t|to|going\s+to)\s+(?:not\s+)?"
                          r"(?:\w+ly\s+)?be\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _absorb(sentence: str, triggers: list[Trigger]) -> list[Trigger]:
    """A release verb next to a teaser/trailer noun is that teaser's verb ("a trailer
    dropped", "released the official trailer"); a release verb next to a filming or
    renewal trigger is not a premiere either ("returned to set")."""
    out: list[Trigger] = []
    absorbed: dict[int, Trigger] = {}
    starts = [t.start for t in triggers]  # in text order: neighbours by bisection
    for t in triggers:
        if t.kind is Kind.RELEASE and not t.nominal:
            lo, hi = bisect_left(starts, t.start - 59), bisect_right(starts, t.start + 59)
            near = [o for o in triggers[lo:hi] if o is not t and o.kind in (
                Kind.TEASER, Kind.TRAILER, Kind.CAST_WRAP, Kind.FILMING_START,
                Kind.FILMING_WRAP, Kind.ADDITIONAL_FILMING)
                and abs(o.start - t.start) < 60
                and _gap_words(sentence, t, o) <= (5 if o.start < t.start else 3)]
            # "the first trailer for the second season premiered": the noun's verb; but
            # not across a comma or a date ("Drops Trailer at Expo, Premieres Jan 2026")
            near = [o for o in near if not re.search(r"[\d,;]", sentence[min(o.end, t.end):max(
                o.start, t.start)])]
            # "season two wrapped last spring and landed on Netflix last August": two
            # verbs, two steps
            near = [o for o in near if o.kind in (Kind.TEASER, Kind.TRAILER) or not re.search(
                r"\b(?:and|but|then)\b", sentence[min(o.end, t.end):max(o.start, t.start)])]
            if near:
                absorbed[id(near[0])] = t
                continue
        out.append(t)
    # the absorbing trigger takes the verb's span, so its tense is read ("trailer dropped")
    for i, t in enumerate(out):
        v = absorbed.get(id(t))
        if v is not None:
            a, b = min(t.start, v.start), max(t.end, v.end)
            out[i] = Trigger(t.kind, a, b, sentence[a:b], t.priority)
    # merge adjacent triggers of the same kind ("delays pushed everything back")
    merged: list[Trigger] = []
    for t in out:
        if merged and merged[-1].kind is t.kind and _gap_words(sentence, merged[-1], t) <= 2:
            p = merged[-1]
            merged[-1] = Trigger(t.kind, p.start, t.end, sentence[p.start:t.end],
                                 max(p.priority, t.priority))
            continue
        merged.append(t)
    return merged


def _gap_words(sentence: str, a: Trigger, b: Trigger) -> int:
    lo, hi = (a.end, b.start) if a.start < b.start else (b.end, a.start)
    if hi <= lo:
        return 0
    if hi - lo > 80 or "\x00" in sentence[lo:hi]:
        return 99  # far apart, or in different sentences
    return len(re.findall(r"[\w'’]+", sentence[lo:hi]))
