"""The small bundled extract of Netflix's viewing files: only the figures of the titles
seasoncast curates (the `curated-*` reference batches), so `seasoncast init` can show
them without the ~25 MB of raw files (docs/viewership.md says where to get those).

Rows keep their original dataset/category/key, so their fingerprints equal those of a
full import: importing the raw files later adds only what the bundle left out. The
most-popular list history is thinned to the versions where a season's rank or figure
changed, plus the newest list (for "rank now").
"""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

from sqlalchemy import select

from seasoncast.errors import UserError
from seasoncast.reference import BUNDLED, ReferenceData, bundled_dirs, read_pair
from seasoncast.store import Store
from seasoncast.titles import normalize_title, same_name_key
from seasoncast.views.importers import ViewRow, read_paths
from seasoncast.views.linking import Link
from seasoncast.views.store_views import FIRST_REPORT, ImportSummary, import_rows

BUNDLE = Path(__file__).resolve().parent.parent / "data" / "views" / "views.json"
COLUMNS = ["title", "season", "dataset", "category", "key", "raw_title", "show_title",
           "metric", "value", "period_start", "period_end", "precision", "rank", "source",
           "window_days", "confidence"]


def curated_titles(root: Path = BUNDLED) -> set[str]:
    names: set[str] = set()
    for folder in bundled_dirs(root):
        if folder.name.startswith("curated-"):
            with (folder / "seasons.csv").open(encoding="utf-8") as f:
                import csv

                names |= {r["title"] for r in csv.DictReader(f)}
    return names


def _reference(root: Path = BUNDLED) -> ReferenceData:
    data = ReferenceData()
    for folder in bundled_dirs(root):
        try:
            data.extend(read_pair(folder / "seasons.csv", folder / "events.csv"))
        except UserError:
            continue  # a batch being edited; its titles are simply not linked
    return data


def build_bundle(raw: Path, out: Path = BUNDLE, titles: set[str] | None = None) -> dict:
    """Import the raw files into a scratch store and write the curated titles' rows."""
    paths = [raw / "netflix-top10", raw / "netflix-engagement"]
    for p in paths:
        if not p.exists():
            raise UserError(f"{p}: not found")
    titles = titles if titles is not None else curated_titles()
    read = read_paths(paths)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{tmp}/build.sqlite3")
        store.import_reference(_reference())
        import_rows(store, read.rows)
        picked = _pick(store, read.rows, titles)
        store.engine.dispose()
    sources = sorted({r[13] for r in picked})
    for r in picked:
        r[13] = sources.index(r[13])
    out.parent.mkdir(parents=True, exist_ok=True)
    doc = {"about": "Netflix viewing figures of seasoncast's curated titles; built by "
                    "`seasoncast build-views` from the files listed in docs/viewership.md",
           "built": date.today().isoformat(), "columns": COLUMNS, "sources": sources,
           "rows": picked}
    # one row per line, so a rebuild diffs readably
    head = json.dumps({k: v for k, v in doc.items() if k != "rows"}, ensure_ascii=False,
                      indent=1)[:-2]
    body = ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":"))
                      for r in picked)
    out.write_text(f'{head},\n "rows": [\n{body}\n]}}\n', encoding="utf-8")
    return {"rows": len(picked), "titles": len({r[0] for r in picked}), "path": str(out),
            "bytes": out.stat().st_size}


def _pick(store: Store, rows: list[ViewRow], titles: set[str]) -> list[list]:
    from seasoncast.store import schema as t
    from seasoncast.views.store_views import V, row_fingerprint

    q = (select(V.c.fingerprint, t.titles.c.name, t.seasons.c.number, V.c.link_confidence)
         .join(t.seasons, t.seasons.c.id == V.c.season_id)
         .join(t.titles, t.titles.c.id == t.seasons.c.title_id))
    # case/punctuation variants of a curated title ("BEEF" for "Beef") count as curated
    keys = {normalize_title(x) for x in titles}
    with store.engine.connect() as c:
        linked = {fp: (name, n, conf) for fp, name, n, conf in c.execute(q)
                  if normalize_title(name) in keys}
    by_fp = {}
    for r in rows:
        if (fp := row_fingerprint(r)) in linked:
            by_fp[fp] = r
    first_report_titles = {r.raw_title for r in by_fp.values() if r.dataset == FIRST_REPORT}
    newest = max((r.dataset for r in rows if r.dataset.startswith("most-popular-2")),
                 default=None)
    last_seen: dict[tuple, tuple] = {}
    keep: list[tuple[str, ViewRow]] = []
    runtime_kept: set[str] = set()
    for fp, r in sorted(by_fp.items(), key=lambda kv: kv[1].dataset):
        if r.metric == "runtime":
            # runtimes are only needed to derive 2023 H1 views: the earliest later one
            if (not r.dataset.startswith("engagement-") or r.dataset == FIRST_REPORT
                    or r.raw_title not in first_report_titles
                    or r.raw_title in runtime_kept):
                continue
            runtime_kept.add(r.raw_title)
        if r.dataset.startswith("most-popular-"):
            ident = (linked[fp][:2], r.metric, r.window_days)
            state = (r.rank, r.value, r.category)
            changed = last_seen.get(ident) != state
            last_seen[ident] = state
            if not changed and r.dataset != newest:
                continue
        keep.append((fp, r))
    out = []
    for fp, r in keep:
        name, number, conf = linked[fp]
        out.append([name, number, r.dataset, r.category, r.key.replace(r.raw_title, "{t}"),
                    r.raw_title, r.show_title, r.metric, _compact(r.value),
                    _iso(r.period_start), _iso(r.period_end), r.precision,
                    r.rank, r.source_url, r.window_days, conf])
    return out


def _compact(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 6)


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


class _BundleLinker:
    """Links bundled rows to the (title, season) they were linked to when built."""

    def __init__(self, targets: dict[tuple, tuple[str, int, float]],
                 season_ids: dict[tuple[str, int], int]):
        self.targets, self.season_ids = targets, season_ids
        # the store may spell a title differently ("BEEF"/"Beef", "XO, Kitty"/"XO Kitty")
        # than the build did
        self.by_key = {(same_name_key(name), n): sid for (name, n), sid in season_ids.items()}

    def link(self, raw_title, show_title=None, *, is_film=False, mixed=False) -> Link:
        name, number, conf = self.targets[(raw_title, show_title)]
        sid = (self.season_ids.get((name, number))
               or self.by_key.get((same_name_key(name), number)))
        return Link(name, number, sid, conf if sid else round(conf * 0.6, 3),
                    "bundled" if sid else "bundled, season untracked")


def load_bundled_views(store: Store, path: Path = BUNDLE) -> ImportSummary:
    """Add the bundled figures to a store (idempotent); called by `seasoncast init`."""
    from seasoncast.views.store_views import season_ids

    if not path.exists():
        return ImportSummary()
    doc = json.loads(path.read_text(encoding="utf-8"))
    idx = {c: i for i, c in enumerate(doc["columns"])}
    rows, targets = [], {}
    for r in doc["rows"]:
        def g(name, r=r):
            return r[idx[name]]

        rows.append(ViewRow(
            dataset=g("dataset"), category=g("category"), raw_title=g("raw_title"),
            metric=g("metric"), value=g("value"),
            period_start=date.fromisoformat(g("period_start")) if g("period_start") else None,
            period_end=date.fromisoformat(g("period_end")) if g("period_end") else None,
            precision=g("precision"), rank=g("rank"), source_url=doc["sources"][g("source")],
            key=g("key").replace("{t}", g("raw_title")), show_title=g("show_title"),
            window_days=g("window_days")))
        targets[(g("raw_title"), g("show_title"))] = (g("title"), g("season"), g("confidence"))
    with store.engine.connect() as c:
        ids = season_ids(c)
    return import_rows(store, rows, linker=_BundleLinker(targets, ids))
