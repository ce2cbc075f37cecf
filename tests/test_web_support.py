"""Shared helpers for the web tests (no tests here).

The small store holds the bundled Korean and upcoming-Asia batches (real seasons to
train on) plus two fictional seasons written below; it is built once per test process
and copied for each test module that writes to it.
"""

from __future__ import annotations

import functools
import shutil
import tempfile
from pathlib import Path

SEASONS = """title,season,platform,country,genres,vfx_heavy,episodes,notes
Moonlit Harbor,1,Netflix,KR,drama;romance,false,10,fictional test title
Moonlit Harbor,2,Netflix,KR,drama;romance,false,,fictional test title
Glass Orchard,3,Apple TV+,US,drama,false,,fictional test title
"""

EVENTS = """title,season,kind,modality,date_start,date_end,precision,known_on,source_url,note
Moonlit Harbor,1,release,happened,2024-03-01,2024-03-01,day,2024-03-01,https://example.com/mh1,premiere
Moonlit Harbor,2,renewal,announced,2024-05-02,2024-05-02,day,2024-05-02,https://example.com/mh2-renewal,renewed
Moonlit Harbor,2,filming_start,happened,2025-09-01,2025-09-30,month,2025-10-02,https://example.com/mh2f,began
Glass Orchard,3,renewal,announced,2026-02-10,2026-02-10,day,2026-02-10,https://example.com/go3,renewed
Glass Orchard,3,release,announced,2026-03-01,2026-03-31,month,2026-02-12,https://example.com/go3w,window
"""

TOKEN = "test-token-123"

# An article whose title line and body carry markup that must never reach a page raw.
EVIL_TEXT = ("<script>alert('pwned')</script> Moonlit Harbor season 2 news\n\n"
             "Netflix confirmed that Moonlit Harbor season 2 will premiere on March 5, 2027. "
             "Filming on <img src=x onerror=alert(1)> Moonlit Harbor season 2 wrapped in "
             "October 2026, the studio said.")
EVIL_URL = "https://example.com/news?q=<script>alert(2)</script>&x=\"><b>bold</b>"


@functools.lru_cache(maxsize=1)
def _template_store() -> Path:
    from seasoncast.reference import BUNDLED, read_pair
    from seasoncast.store import Store

    root = Path(tempfile.mkdtemp(prefix="seasoncast-web-tests-"))
    (root / "seasons.csv").write_text(SEASONS, encoding="utf-8")
    (root / "events.csv").write_text(EVENTS, encoding="utf-8")
    path = root / "template.sqlite3"
    store = Store.open(f"sqlite:///{path}")
    for batch in ("curated-korean", "curated-upcoming-asia"):
        store.import_reference(read_pair(BUNDLED / batch / "seasons.csv",
                                         BUNDLED / batch / "events.csv"))
    store.import_reference(read_pair(root / "seasons.csv", root / "events.csv"))
    store.engine.dispose()
    return path


def small_store_url(directory: Path) -> str:
    """A fresh copy of the small store in `directory`."""
    target = directory / "web.sqlite3"
    shutil.copy(_template_store(), target)
    return f"sqlite:///{target}"
