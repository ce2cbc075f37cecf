"""Credibility tier of a source from its URL, via the editable `data/tiers.toml`.

The bundled mapping can be extended or overridden by a user TOML file named in the
environment variable `SEASONCAST_TIERS`; the most specific entry (longest domain, then
a path prefix) wins, so "netflix.com/tudum" can be official while "netflix.com" is not
listed at all.
"""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from seasoncast.model import Tier

_NAMES = {"official": Tier.OFFICIAL, "trade": Tier.TRADE, "news": Tier.NEWS,
          "fan": Tier.FAN, "social": Tier.SOCIAL}


def _parse(data: dict) -> tuple[dict[str, Tier], Tier | None]:
    table: dict[str, Tier] = {}
    for name, tier in _NAMES.items():
        for entry in data.get(name, []):
            table[str(entry).lower().strip().strip("/")] = tier
    default = _NAMES.get(str(data.get("default", "")).lower())
    return table, default


@lru_cache(maxsize=4)
def load_tiers(user_file: str | None = None) -> tuple[dict[str, Tier], Tier]:
    """The merged domain table and the default tier."""
    bundled = (Path(__file__).resolve().parent.parent / "data" / "tiers.toml").read_text("utf-8")
    table, default = _parse(tomllib.loads(bundled))
    default = default or Tier.NEWS
    if user_file:
        user_table, user_default = _parse(tomllib.loads(Path(user_file).read_text("utf-8")))
        table.update(user_table)
        default = user_default or default
    return table, default


def domain_of(url: str) -> str | None:
    host = urlsplit(url if "//" in url else "//" + url).hostname
    if not host:
        return None
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def tier_for(url: str | None) -> Tier:
    """The tier of a URL (or bare domain); unknown sources get the default tier."""
    table, default = load_tiers(os.environ.get("SEASONCAST_TIERS") or None)
    if not url:
        return default
    host = domain_of(url)
    if not host:
        return default
    path = urlsplit(url if "//" in url else "//" + url).path.lower().rstrip("/")
    best, best_len = None, -1
    for key, tier in table.items():
        dom, _, prefix = key.partition("/")
        if host != dom and not host.endswith("." + dom):
            continue
        if prefix and not (path == "/" + prefix or path.startswith("/" + prefix + "/")):
            continue
        score = len(dom) + (1000 if prefix else 0)
        if score > best_len:
            best, best_len = tier, score
    return best if best is not None else default
