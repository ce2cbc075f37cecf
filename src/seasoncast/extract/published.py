"""The publication date of an article whose caller did not give one: a dateline or
byline date among the first lines ("January 6, 2023 10:02am PT", "2025.11.12 | Written
by", "Published October 15, 2024")."""

from __future__ import annotations

import re
from datetime import date

from seasoncast.datespan import Precision, find_datespans

_DOTTED = re.compile(r"\b((?:19|20)\d\d)[./](\d{1,2})[./](\d{1,2})\b")


def guess_published(text: str, head_chars: int = 600, today: date | None = None
                    ) -> date | None:
    """The first full date near the top that is not in the future: a date still to come
    ("will premiere on March 5, 2027") is news, not the day the article appeared."""
    today = today or date.today()
    head = text[:head_chars]
    for m in _DOTTED.finditer(head):
        try:
            d = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            continue
        if d <= today:
            return d
    for t in find_datespans(head):
        if t.span.precision is Precision.DAY and re.search(r"\d{4}", t.span.text or "") \
                and t.span.start <= today:
            return t.span.start
    return None
