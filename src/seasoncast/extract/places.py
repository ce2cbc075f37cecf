"""Where filming happens: "in Northern Ireland", "at the Gangwon Provincial Government
Building". A capitalised phrase after "in"/"at" that is not a date, a season or a
platform, looked for only in the few words after a filming trigger."""

from __future__ import annotations

import re

_PLACE = re.compile(
    r"\b(?:in|at|across|around|on\s+location\s+in)\s+(?:the\s+)?"
    r"(?P<p>[A-Z\u00C0-\u00DE][\w'’.-]*+(?:\s+(?:of\s+|de\s+|the\s+)?"
    r"[A-Z\u00C0-\u00DE][\w'’.-]*+){0,5})")
_NOT_PLACE = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Season|Part|Netflix|HBO|"
    r"Spring|Summer|Fall|Autumn|Winter|Q[1-4]|The|This|Early|Late|Mid|Korean|K-drama|"
    r"Episode|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def find_location(sentence: str, after: int, window: int = 120) -> str | None:
    """The first place named within `window` characters after offset `after`."""
    chunk = sentence[after:after + window]
    for m in _PLACE.finditer(chunk):
        place = m["p"].rstrip(".,")
        if not _NOT_PLACE.match(place) and not re.match(r"^\d", place):
            return place
    return None
