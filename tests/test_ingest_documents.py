"""Loading files and directories, content hashes, tiers and feeds."""

from datetime import date

import pytest

from seasoncast.extract import extract_document
from seasoncast.ingest import load_path
from seasoncast.ingest.document import Document, content_hash, deduplicate
from seasoncast.ingest.feeds import load_feed, parse_feed
from seasoncast.ingest.fetch import IngestError
from seasoncast.ingest.html import html_to_text
from seasoncast.ingest.tiers import load_tiers, tier_for
from seasoncast.model import Tier

STORY = ("Tidewater Season 3 has wrapped filming in Halifax, the network confirmed on "
         "Monday. The new season will premiere in early 2027.")


def test_syndicated_copies_share_a_hash():
    copy = "  TIDEWATER season 3 has wrapped filming in Halifax — the network confirmed on\n" \
           "Monday.   The new season will premiere in early 2027!\nRead more: our newsletter"
    assert content_hash(STORY) == content_hash(copy)
    assert content_hash(STORY) != content_hash(STORY.replace("2027", "2028"))
    docs = [Document.create(STORY, url="https://a.example/x"),
            Document.create(copy, url="https://b.example/y")]
    assert len(deduplicate(docs)) == 1


def test_load_directory(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.md").write_text("# Tidewater\n\n" + STORY + " Extra line.", encoding="utf-8")
    (tmp_path / "c.html").write_text(f"<html><body><p>{STORY}</p></body></html>",
                                     encoding="utf-8")
    (tmp_path / "ignored.bin").write_bytes(b"\x00\x01")
    docs = load_path(tmp_path)
    kinds = sorted(d.kind for d in docs)
    assert kinds == ["markdown", "text"]  # the HTML copy has the same text as a.txt
    assert all(len(d.content_hash) == 64 for d in docs)


def test_missing_and_binary_files(tmp_path):
    with pytest.raises(IngestError):
        load_path(tmp_path / "nope.txt")
    p = tmp_path / "x.txt"
    p.write_bytes(b"\x00\xff\x00binary")
    with pytest.raises(IngestError):
        load_path(p)


@pytest.mark.parametrize("url,tier", [
    ("https://about.netflix.com/en/news/anything", Tier.OFFICIAL),
    ("https://www.netflix.com/tudum/articles/x", Tier.OFFICIAL),
    ("https://deadline.com/2025/01/x", Tier.TRADE),
    ("https://www.koreaherald.com/view.php", Tier.NEWS),
    ("https://www.whats-on-netflix.com/news/x", Tier.FAN),
    ("https://x.com/someone/status/1", Tier.SOCIAL),
    ("https://old.reddit.com/r/kdrama", Tier.SOCIAL),
    ("https://unknown.example/story", Tier.NEWS),
])
def test_bundled_tiers(url, tier):
    assert tier_for(url) == tier


def test_user_tier_file_overrides(tmp_path, monkeypatch):
    f = tmp_path / "tiers.toml"
    f.write_text('default = "fan"\nofficial = ["tidewater-tv.example"]\n'
                 'social = ["deadline.com"]\n', encoding="utf-8")
    monkeypatch.setenv("SEASONCAST_TIERS", str(f))
    load_tiers.cache_clear()
    try:
        assert tier_for("https://press.tidewater-tv.example/x") == Tier.OFFICIAL
        assert tier_for("https://deadline.com/x") == Tier.SOCIAL
        assert tier_for("https://unknown.example/") == Tier.FAN
    finally:
        monkeypatch.delenv("SEASONCAST_TIERS")
        load_tiers.cache_clear()


def test_html_main_text_title_and_date():
    page = """<html><head><title>Tidewater renewed</title>
    <meta property="article:published_time" content="2025-03-04T10:00:00Z"></head>
    <body><nav>Home | News</nav><script>var x = "Season 9 premieres tomorrow";</script>
    <article><h1>Tidewater renewed for Season 3</h1><p>""" + STORY + """</p>
    <p>The first two seasons are streaming now.</p></article></body></html>"""
    out = html_to_text(page)
    assert "wrapped filming in Halifax" in out.text
    assert "Season 9" not in out.text
    assert out.published == date(2025, 3, 4)
    assert out.title.startswith("Tidewater")



def test_bold_text_stays_in_its_sentence_on_a_short_page():
    page = ("<html><body><p>Filming of Ridgeline season 2 will wrap in <b>June 2026</b>, "
            "the studio said in a statement.</p></body></html>")
    lines = html_to_text(page).text.split("\n")
    assert "Filming of Ridgeline season 2 will wrap in June 2026, the studio said in a " \
           "statement." in lines

LINEUP_PAGE = """<html><head><title>Hulu's 2027 line-up: what's in, what's out</title></head>
<body><nav>Home | TV</nav><article><h1>Hulu's 2027 line-up: what's in, what's out</h1>
<p>Hulu showed its plans for next year on Thursday; some returning dramas made the cut.</p>
<h2>What's on the Hulu 2027 slate</h2>
<h3>Marrow Creek season 2</h3><p>The small-town mystery comes back with its whole cast.</p>
<h3>The Quiet Ward season 3</h3><p>The third season arrives in January, Hulu said.</p>
<h2>Not on the slate</h2>
<h3>Paper Lanterns season 2</h3><p>The period romance is still shooting in Vancouver.</p>
</article><footer>(c) Example Media</footer></body></html>"""


def test_html_headings_reach_the_extractor_as_sections():
    """A line-up page's headings say which shows are on the slate and which are not;
    read as plain lines, the "Not on the slate" heading was taken as the denial of the
    show just before it."""
    page = html_to_text(LINEUP_PAGE)
    assert "## Not on the slate" in page.text.split("\n")
    assert page.text.count("what's in, what's out") == 1  # the h1 is not repeated
    listings = {(c.title, c.modality.value) for c in extract_document(
        page.text, published=date(2026, 10, 2)).claims if c.kind.value == "slate_listing"}
    assert listings == {("Marrow Creek", "happened"), ("The Quiet Ward", "happened"),
                        ("Paper Lanterns", "denied")}


def test_italic_titles_lose_their_marks():
    page = html_to_text("<html><body><article><p>When <i>The Salt Road</i> returns for "
                        "season 2, <b>Ana Ruiz</b> is back.</p></article></body></html>")
    assert "When The Salt Road returns for season 2, Ana Ruiz is back." in page.text


FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>TV news</title>
<item><title>Tidewater Season 3 wraps</title><link>{base}/one</link>
<description>&lt;p&gt;Tidewater Season 3 wrapped filming in May 2025.&lt;/p&gt;</description>
<pubDate>Tue, 03 Jun 2025 10:00:00 GMT</pubDate></item>
<item><title>Other news</title><link>{base}/two</link><description>Nothing here.</description>
</item></channel></rss>"""


def test_parse_feed_items():
    docs = parse_feed(FEED.format(base="https://news.example"))
    assert [d.title for d in docs] == ["Tidewater Season 3 wraps", "Other news"]
    assert docs[0].published == date(2025, 6, 3)
    assert "wrapped filming in May 2025" in docs[0].text
    assert docs[0].domain == "news.example"


def test_load_feed_fetching_items(httpserver):
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/feed").respond_with_data(FEED.format(base=base),
                                                         content_type="application/rss+xml")
    httpserver.expect_request("/one").respond_with_data(
        "<html><body><article><p>Full story: Tidewater Season 3 wrapped filming in May "
        "2025 after a ten-week shoot in Halifax and Lunenburg.</p></article></body></html>",
        content_type="text/html")
    httpserver.expect_request("/two").respond_with_data("gone", status=404)
    docs = load_feed(httpserver.url_for("/feed"), fetch_items=True, allow_private=True)
    assert "ten-week shoot" in docs[0].text
    assert docs[1].text.startswith("Other news")  # fell back to the feed summary


def test_not_a_feed():
    with pytest.raises(IngestError):
        parse_feed(b"\x00\x01 this is not xml at all <<<")


TIMELINE_PAGE = """<!doctype html><html><head><title>Ashmoor season 3 countdown</title>
<meta property="article:published_time" content="2026-04-08T09:30:00+01:00"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news/">News</a></li></ul></nav>
<article><h1>Ashmoor season 3 countdown</h1>
<p>Prime Video finally put a date on season 3 of Ashmoor last week, so this page is now a
countdown. Everything below is sourced, and where it is not, we say so.</p>
<h2>The road to season 3</h2>
<ol class="timeline">
<li><time datetime="2024-08-02">August 2, 2024</time> &ndash; Prime Video renews Ashmoor.</li>
<li><time datetime="2025-06-02">June 2, 2025</time> &ndash; Filming begins in Budapest.</li>
<li><time datetime="2025-11-21">November 21, 2025</time> &ndash; Filming wraps.</li>
</ol>
<p>We will keep this page updated as news arrives, so check back often.</p>
</article><footer>All rights reserved.</footer></body></html>"""


def test_dates_in_time_elements_are_kept():
    text = html_to_text(TIMELINE_PAGE).text
    assert "June 2, 2025 – Filming begins in Budapest." in text
    assert "November 21, 2025 – Filming wraps." in text
