"""Importers, linking, idempotence and all-or-nothing errors on small fixtures."""

from __future__ import annotations

import zipfile
from datetime import date

import pytest
from sqlalchemy import func, select
from test_views_helpers import (
    AOUAD,
    HEADER,
    engagement_2023h1,
    engagement_2023h2,
    most_popular_tsv,
    title_rows,
    weekly_tsv,
    write_xlsx,
)

from seasoncast.datespan import DateSpan
from seasoncast.errors import UserError
from seasoncast.model import Event, Kind, Modality, Season
from seasoncast.reference import ReferenceData
from seasoncast.store import schema as t
from seasoncast.views.figures import season_demand, season_figures
from seasoncast.views.importers import read_engagement, read_paths, read_top10_weekly
from seasoncast.views.linking import Linker, parse_title
from seasoncast.views.store_views import counts, import_rows, review_rows

SRC = "https://example.org/ref"


@pytest.fixture
def vstore(store):
    data = ReferenceData(
        seasons=[Season("All of Us Are Dead", 1), Season("All of Us Are Dead", 2),
                 Season("Quiet Town", 1), Season("Quiet Town", 2)],
        events=[Event("All of Us Are Dead", 1, Kind.RELEASE, Modality.HAPPENED,
                      DateSpan.day(date(2022, 1, 28)), date(2022, 1, 28), SRC)])
    data.aliases["All of Us Are Dead"] = {"지금 우리 학교는"}
    store.import_reference(data)
    return store


@pytest.fixture
def files(tmp_path):
    tmp_path = tmp_path / "raw"  # the store's database lives in tmp_path itself
    (tmp_path / "eng").mkdir(parents=True)
    (tmp_path / "top10" / "most-popular-history").mkdir(parents=True)
    engagement_2023h1(tmp_path / "eng" / "What_We_Watched_2023Jan-Jun.xlsx")
    engagement_2023h2(tmp_path / "eng" / "What_We_Watched_2023Jul-Dec.xlsx")
    (tmp_path / "eng" / "SOURCE.md").write_text("notes")
    weekly_tsv(tmp_path / "top10" / "all-weeks-global.tsv")
    hist = tmp_path / "top10" / "most-popular-history"
    most_popular_tsv(hist / "most-popular-2022-03-02.tsv", 28)
    most_popular_tsv(hist / "most-popular-2025-01-01.tsv", 91)
    (hist / "most-popular-2023-06-01.tsv").write_text('<a href="x">Moved Permanently</a>.\n')
    return tmp_path


def test_parse_title():
    p = parse_title(AOUAD)
    assert (p.show, p.season, p.kind, p.original) == ("All of Us Are Dead", 1, "season",
                                                      "지금 우리 학교는")
    assert parse_title("Dear Child: Limited Series // Liebes Kind: Miniserie").season == 1
    assert parse_title("Lupin: Part 3").kind == "part"
    assert parse_title("Avatar: The Last Airbender: Season 1").show == \
        "Avatar: The Last Airbender"
    assert parse_title("Squid Game: Season 1: Part 2").part == 2


def test_linking_by_alias_and_fuzzy(vstore):
    from seasoncast.views.store_views import make_linker

    linker: Linker = make_linker(vstore)
    assert linker.link("지금 우리 학교는: Season 2").season == 2  # original-language title
    fuzzy = linker.link("Quiet Twn: Season 2")
    assert fuzzy.title == "Quiet Town" and fuzzy.season_id is None and fuzzy.for_review
    assert linker.link("Some Film", is_film=True).confidence == 0
    untracked = linker.link("All of Us Are Dead: Season 3")
    assert untracked.season_id is None and untracked.for_review


def test_readers(files):
    weekly = read_top10_weekly(files / "top10" / "all-weeks-global.tsv")
    assert {r.raw_title for r in weekly} >= {'The "Quoted" Film', "All of Us Are Dead: Season 1"}
    first = read_engagement(files / "eng" / "What_We_Watched_2023Jan-Jun.xlsx")
    assert {r.metric for r in first} == {"hours"}  # the first report has no views
    assert first[0].period_start == date(2023, 1, 1) and first[0].dataset == "engagement-2023H1"
    second = read_engagement(files / "eng" / "What_We_Watched_2023Jul-Dec.xlsx")
    runtime = next(r for r in second if r.metric == "runtime" and "Quiet" in r.raw_title)
    assert runtime.value == pytest.approx(4 + 10 / 60)  # "4:10*"
    assert {r.category for r in second} == {"TV", "Film"}


def test_import_accounts_for_every_row_and_is_idempotent(vstore, files):
    read = read_paths([files])
    assert len(read.files) == 5 and len(read.skipped) == 2  # notes + the HTML redirect
    first = import_rows(vstore, read.rows)
    assert first.added == len(read.rows) == first.linked + first.unlinked
    assert first.derived_views == 3  # each 2023 H1 title with a runtime in 2023 H2
    before = counts(vstore)
    again = import_rows(vstore, read_paths([files]).rows)
    assert again.added == 0 and again.unchanged == len(read.rows) and again.derived_views == 0
    assert counts(vstore) == before
    assert any(r["raw_title"] == "Quiet Twn: Season 2" for r in review_rows(vstore))


def test_figures(vstore, files):
    import_rows(vstore, read_paths([files]).rows)
    f = season_figures(vstore, "All of Us Are Dead", 1)
    by = {x["figure"]: x for x in f["first_days"]}
    views91 = by["views_first_91_days"]
    assert views91["value"] == 55_500_000
    assert views91["rank_latest_listed"] == {"list": "2025-01-01", "rank": 10}
    assert views91["period"]["start"] == "2022-01-28" and views91["period"]["end"] == "2022-04-28"
    assert by["hours_first_28_days"]["rank_at_the_time"] == {"list": "2022-03-02", "rank": 3}
    h1 = f["half_years"][0]
    assert h1["views"] == 7_700_000 and "runtime" in h1["note"]  # 94.6M h ÷ 12:14
    assert f["views_in_reports"]["value"] == 13_400_000
    assert f["staying_power"]["value"] == 13_400_000
    assert [w["rank"] for w in f["weekly"]] == [1, 9]
    early = season_demand(vstore, "All of Us Are Dead", 1, date(2022, 12, 31))
    assert early["views_first_91_days"] is None and early["latest_half_year_views"] is None
    assert early["hours_first_28_days"] == 560_780_000 and early["weeks_in_top10"] == 1


def _count(store) -> int:
    with store.engine.connect() as c:
        return c.scalar(select(func.count()).select_from(t.viewership))


def test_truncated_workbook_imports_nothing(vstore, files, tmp_path):
    good = files / "eng" / "What_We_Watched_2023Jul-Dec.xlsx"
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[:700])
    with pytest.raises(UserError, match=r"cut\.xlsx: not a readable \.xlsx workbook"):
        read_paths([files, cut])
    assert _count(vstore) == 0


def test_malformed_row_names_file_sheet_and_row(tmp_path):
    bad = write_xlsx(tmp_path / "bad.xlsx", {"TV": title_rows(
        "Views from July to December 2023") + [HEADER, [AOUAD, "Yes", "", 1000, "12:14", 10],
                                               ["Broken", "Yes", "", "lots", "1:00", 1]]})
    with pytest.raises(UserError, match=r"bad\.xlsx, sheet 'TV', row 7: Hours Viewed 'lots'"):
        read_engagement(bad)
    nohead = write_xlsx(tmp_path / "nohead.xlsx", {"Shows": [["just a title"], ["x", 1]]})
    with pytest.raises(UserError, match="sheet 'Shows': no header row"):
        read_engagement(nohead)
    broken_xml = tmp_path / "xml.xlsx"
    with zipfile.ZipFile(bad) as src, zipfile.ZipFile(broken_xml, "w") as dst:
        for item in src.namelist():
            data = src.read(item)
            dst.writestr(item, data[: len(data) // 2] if "sheet1" in item else data)
    with pytest.raises(UserError, match=r"xml\.xlsx"):
        read_engagement(broken_xml)


def test_truncated_tsv_line(tmp_path):
    p = tmp_path / "all-weeks-global.tsv"
    weekly_tsv(p)
    p.write_text(p.read_text() + "2022-02-06\tTV (English)\t1\tCut\n")
    with pytest.raises(UserError, match=r"all-weeks-global\.tsv:5: 4 columns"):
        read_paths([p])


def test_cli_bad_workbook_is_one_line_exit_2(tmp_path):
    import os
    import subprocess
    import sys

    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    env = dict(os.environ, SEASONCAST_DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
               COLUMNS="400")
    p = subprocess.run([sys.executable, "-m", "seasoncast", "import-views", str(bad), "--json"],
                       capture_output=True, text=True, env=env, timeout=120)
    assert p.returncode == 2 and p.stdout == ""
    assert "bad.xlsx: not a readable .xlsx workbook" in p.stderr
    assert len(p.stderr.strip().splitlines()) == 1


def test_relink_after_alias_added(vstore, files):
    from seasoncast.views.store_views import relink, season_views

    import_rows(vstore, read_paths([files]).rows)
    assert season_views(vstore, "Quiet Town", 2) == []
    data = ReferenceData(seasons=[Season("Quiet Town", 2)])
    data.aliases["Quiet Town"] = {"Quiet Twn"}  # a reviewer's answer to the review list
    vstore.import_reference(data)
    assert relink(vstore) == 2  # hours and views of 2023 H2 (its runtime is "*")
    assert {v.metric for v in season_views(vstore, "Quiet Town", 2)} == {"hours", "views"}
    assert not any(r["raw_title"] == "Quiet Twn: Season 2" for r in review_rows(vstore))
