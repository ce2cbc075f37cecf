"""HTML → main text, title and publication date (trafilatura + htmldate).

Pages from the web are hostile input: huge, deeply nested, full of scripts, or not HTML
at all. Input is capped before parsing, every library call is guarded, and when the
main-text extractor finds nothing we fall back to a plain tag stripper, so a page always
yields *some* text and never an exception.
"""

from __future__ import annotations

import html as html_lib
import logging
import re
from dataclasses import dataclass
from datetime import date

MAX_HTML_BYTES = 3_000_000
_MAX_DEPTH_TAGS = 20_000  # more open tags than this: skip the DOM libraries entirely

for _name in ("trafilatura", "htmldate", "charset_normalizer", "readability"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


@dataclass(frozen=True, slots=True)
class HtmlText:
    text: str
    title: str | None
    published: date | None


def looks_like_html(raw: str) -> bool:
    head = raw[:2000].lower()
    return "<html" in head or "<!doctype html" in head or bool(
        re.search(r"<(?:body|div|p|article|head|meta|title)\b", head))


def html_to_text(raw: str | bytes) -> HtmlText:
    """Main text of a page, its title and its publication date (each may be missing)."""
    if isinstance(raw, bytes):
        raw = raw[:MAX_HTML_BYTES].decode("utf-8", errors="replace")
    raw = raw[:MAX_HTML_BYTES]
    title = _title(raw)
    heavy = raw.count("<") > _MAX_DEPTH_TAGS
    # trafilatura drops what a <time> element holds in some lists ("<li><time>June 2,
    # 2025</time> – Filming begins"), the very dates we read: keep the words, not the tag
    text = None if heavy else _trafilatura(_TIME_TAG.sub("", raw))
    if not text:
        text = strip_tags(raw)
    published = None if heavy else _htmldate(raw)
    if title and text and not text.lstrip("# \n").startswith(title[:40]):
        text = f"{title}\n\n{text}"
    return HtmlText(text, title, published)


_TIME_TAG = re.compile(r"<time\b[^>]*>|</time\s*>", re.IGNORECASE)


def _trafilatura(raw: str) -> str | None:
    try:
        import trafilatura

        # with formatting, headings come out as Markdown "#" lines, which tell the
        # extractor which sections sit under a line-up heading, and Q&A questions in
        # bold stay lines of their own
        text = trafilatura.extract(raw, include_comments=False, include_tables=True,
                                   favor_recall=True, deduplicate=False,
                                   include_formatting=True)
    except Exception:  # noqa: BLE001 - a broken page must not stop ingestion
        return None
    return _rejoin_inline(_EMPHASIS.sub("", text)) if text else text


# the bold and italic marks that come with the headings; an italic title would otherwise
# read as "*The Cartographer's Daughter*"
_EMPHASIS = re.compile(r"(?<![\w*])\*{1,3}(?=\S)|(?<=\S)\*{1,3}(?![\w*])")


# On a page with little text trafilatura falls back to a line per element, so bold text
# inside a sentence ("wrap in <b>June 2026</b>, the studio said") lands on a line of its
# own and the sentence splitter loses the date. A line that cannot start a sentence, or
# one after a line that cannot end one, continues the line before.
_OPEN_END = re.compile(r"\b(?:in|on|at|by|for|of|to|from|until|till|since|the|a|an|and|or"
                       r"|with|between|around|before|after|during|into)$", re.I)
_CONTINUES = re.compile(r"^(?:[,;:)\]]|[a-z])")


def _rejoin_inline(text: str) -> str:
    lines = text.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        prev = out[-1].rstrip()
        if prev and line.strip() and (_CONTINUES.match(line.lstrip()) or
                                      _OPEN_END.search(prev)):
            sep = "" if re.match(r"[,;:.)\]]", line.lstrip()) else " "
            out[-1] = prev + sep + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def _htmldate(raw: str) -> date | None:
    try:
        from htmldate import find_date

        found = find_date(raw, original_date=True, extensive_search=False)
        return date.fromisoformat(found) if found else None
    except Exception:  # noqa: BLE001
        return None


def _title(raw: str) -> str | None:
    m = re.search(r"<h1[^>]*>(.*?)</h1>", raw[:300_000], re.I | re.S) or re.search(
        r"<title[^>]*>(.*?)</title>", raw[:300_000], re.I | re.S)
    if not m:
        return None
    t = html_lib.unescape(re.sub(r"<[^>]{0,2000}>", "", m.group(1))).strip()
    return re.sub(r"\s+", " ", t)[:300] or None


def strip_tags(raw: str) -> str:
    """A last-resort text of a page: scripts and styles dropped, block tags as lines."""
    raw = re.sub(r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>", " ", raw,
                 flags=re.I | re.S)
    raw = re.sub(r"<!--.*?-->", " ", raw, flags=re.S)
    raw = re.sub(r"<(?:br|/p|/div|/h[1-6]|/li|/tr|/article|/section)\b[^>]{0,500}>", "\n",
                 raw, flags=re.I)
    raw = re.sub(r"<[^>]{0,2000}>", " ", raw)
    text = html_lib.unescape(raw)
    lines = [re.sub(r"[ \t\r\f\v]+", " ", ln).strip() for ln in text.split("\n")]
    return "\n".join(ln for ln in lines if ln)
