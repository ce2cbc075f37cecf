"""Extraction speed: articles per second for ~7 KB articles, end to end on one core.

"End to end" means text in, claims stored: each article becomes a document (hashed),
is read against the store's tracked titles and stored with its claims, cast and
viewing figures, as `seasoncast ingest` does (`api.ingest_document`). The store is a
fresh SQLite file holding the bundled reference data, like the one a first `ingest`
creates. Extraction alone (with the same tracked titles) is timed too, to show what
storing adds. The articles are synthetic (built here from a few paragraphs) so the
benchmark runs anywhere; pass a directory of .txt/.md/.html files to time real ones:

    python benchmarks/extract_speed.py [DIR] [--seconds 10]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from seasoncast.api import ingest_document, init_store
from seasoncast.extract import extract_document
from seasoncast.extract.titles import KnownTitles
from seasoncast.ingest.document import Document
from seasoncast.store import Store

PUBLISHED = date(2026, 1, 12)
PARAGRAPHS = [
    "{t} Season {n} has finally started filming. Cameras began rolling in {m} {y} in "
    "Vancouver, according to the production company, and the shoot is set to wrap in "
    "late {y2}.",
    "Netflix renewed {t} for a season {n} in June {y0}, a few weeks after the first season "
    "premiered on March 4, {y0} and logged 41.5 million views in its first 91 days.",
    "Fans on Reddit are convinced the new season will drop in December {y2}, but there is "
    "zero concrete evidence for that. {t} is nowhere to be found on Netflix's official "
    "{y2} release schedule, and we expect a {y3} release at the earliest.",
    "Park Ji-hu returns as Nam On-jo, while Yoon Chan-young is back as Lee Cheong-san. "
    "Newcomer Seo Ji-hoon from Prison Playbook joins the cast, and Kim Si-eun (Squid Game) "
    "is on board as well.",
    "The original plan called for filming to begin in {y0}, but delays pushed everything "
    "back to {y}. Additional shooting is planned for January 17 and 18, {y2}, at the "
    "Gangwon Provincial Government Building.",
    "Why does it take so long? Visual effects, sound design and colour grading all need "
    "months, and the streamer will want the season to match the quality of the first. "
    "Post-production alone could run well into the next year, so patience is advised.",
]
TITLES = ["Tidewater", "Glass Orchard", "Copper Bay", "Night Tram", "Ember Road"]


def synthetic_articles(n: int, size: int = 7000, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        t, y = rng.choice(TITLES), rng.randint(2022, 2026)
        parts = [f"{t} Season {rng.randint(2, 4)}: everything we know\n"]
        while sum(map(len, parts)) < size:
            p = rng.choice(PARAGRAPHS).format(t=t, n=rng.randint(2, 4), m="July", y=y,
                                              y0=y - 1, y2=y + 1, y3=y + 2)
            parts.append(p + "\n\n")
        out.append("".join(parts)[:size])
    return out


def load_dir(path: Path) -> list[str]:
    from seasoncast.ingest import load_path

    return [d.text for d in load_path(path)]


def timed(label: str, articles: list[str], seconds: float, read: Callable[[str, int], None]
          ) -> float:
    """Call `read(text, i)` for article after article for `seconds`; print and return the
    CPU seconds per article."""
    for i, a in enumerate(articles[:5]):  # warm up regex and statement caches
        read(a, -1 - i)
    done, chars = 0, 0
    t0, c0 = time.perf_counter(), time.process_time()
    while time.perf_counter() - t0 < seconds:
        a = articles[done % len(articles)]
        read(a, done)
        done += 1
        chars += len(a)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    # CPU time is what one core spends; wall time also counts waiting for a busy machine
    print(f"{label}: {done} articles ({chars / done / 1000:.1f} KB average): "
          f"{done / cpu:.1f} articles/second of CPU time on one core "
          f"({done / secs:.1f}/s wall clock)", flush=True)
    return cpu / done


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir", nargs="?", type=Path)
    ap.add_argument("--seconds", type=float, default=10.0)
    args = ap.parse_args()
    articles = load_dir(args.dir) if args.dir else synthetic_articles(200)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{tmp}/bench.sqlite3")
        init_store(store)
        titles = KnownTitles(store.titles())  # prepared once, as ingest does

        def extract(text: str, _: int) -> None:
            extract_document(text, published=PUBLISHED, known_titles=titles)

        def ingest(text: str, i: int) -> None:
            # documents are stored once per content hash: each pass must differ
            doc = Document.create(f"{text}\n\nBenchmark copy {i}.\n")
            ingest_document(store, doc, published=PUBLISHED)

        extract_cpu = timed("extract only", articles, args.seconds, extract)
        total_cpu = timed("end to end  ", articles, args.seconds, ingest)
        store.engine.dispose()
    print(f"extraction takes {extract_cpu / total_cpu:.0%} of the end-to-end CPU time; "
          f"linking and storing the rest")


if __name__ == "__main__":
    main()
