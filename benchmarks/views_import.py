"""Benchmark (issue 8): import all engagement workbooks and Top 10 files into a fresh
store; target under 60 seconds. Prints the seconds for reading, storing and the total.

    .venv/bin/python benchmarks/views_import.py [--raw ../shared/data/raw]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from seasoncast.api import init_store
from seasoncast.store import Store
from seasoncast.views.importers import read_paths
from seasoncast.views.store_views import import_rows

TARGET_SECONDS = 60.0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--raw", type=Path,
                    default=Path(__file__).resolve().parents[2] / "shared" / "data" / "raw")
    args = ap.parse_args()
    paths = [args.raw / "netflix-engagement", args.raw / "netflix-top10"]
    if not all(p.exists() for p in paths):
        print(f"views_import: skipped ({args.raw} has no Netflix files)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{tmp}/bench.sqlite3")
        init_store(store)
        t0 = time.perf_counter()
        read = read_paths(paths)
        t1 = time.perf_counter()
        result = import_rows(store, read.rows)
        t2 = time.perf_counter()
        store.engine.dispose()
    total = t2 - t0
    print(f"views_import: {len(read.files)} files, {result.rows} rows "
          f"({result.linked} linked, {result.unlinked} unlinked, {result.review} for review, "
          f"{result.derived_views} 2023 H1 views derived)")
    print(f"views_import: read {t1 - t0:.1f} s + store {t2 - t1:.1f} s = {total:.1f} s "
          f"(target < {TARGET_SECONDS:.0f} s): {'ok' if total < TARGET_SECONDS else 'SLOW'}")
    return 0 if total < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
