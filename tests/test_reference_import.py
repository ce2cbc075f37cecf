"""Reading reference CSVs and importing them: errors name file:line, nothing half-written."""

from datetime import date

import pytest

from seasoncast.model import Kind, Modality
from seasoncast.reference import (
    ReferenceDataError,
    load_bundled,
    read_events_csv,
    read_pair,
    validate,
)

SEASONS = """title,season,platform,country,genres,vfx_heavy,episodes,notes
Zombie School,1,Netflix,KR,horror;drama,true,12,
Zombie School,2,Netflix,KR,horror;drama,true,,
"""
EVENTS = """title,season,kind,modality,date_start,date_end,precision,known_on,source_url,note
Zombie School,1,release,happened,2022-01-28,2022-01-28,day,2022-01-28,https://example.org/a,premiere
Zombie School,2,renewal,happened,2022-06-01,2022-06-30,month,2022-06-07,https://example.org/b,renewed
Zombie School,2,filming_start,happened,2025-07-01,2025-07-31,month,2025-08-02,https://example.org/c,
Zombie School,2,filming_wrap,planned,2026-02-11,2026-02-20,part_of_month,2026-01-10,https://example.org/d,
"""


def write(tmp_path, seasons=SEASONS, events=EVENTS):
    s, e = tmp_path / "seasons.csv", tmp_path / "events.csv"
    s.write_text(seasons, encoding="utf-8")
    e.write_text(events, encoding="utf-8")
    return s, e


def test_reads_rows_as_domain_objects(tmp_path):
    data = read_pair(*write(tmp_path))
    assert len(data.seasons) == 2 and len(data.events) == 4
    wrap = data.events[3]
    assert wrap.kind is Kind.FILMING_WRAP and wrap.modality is Modality.PLANNED
    assert wrap.date.start == date(2026, 2, 11) and wrap.date.precision.value == "part_of_month"
    assert data.seasons[0].vfx_heavy is True and data.seasons[0].genres == ("horror", "drama")


@pytest.mark.parametrize(("row", "message"), [
    ("Zombie School,2,renewal,happened,2022-13-01,2022-13-01,day,2022-06-07,https://x.org/,",
     "events.csv:6: date_start '2022-13-01' is not an ISO date"),
    ("Zombie School,2,premiere,happened,2022-06-01,2022-06-01,day,2022-06-07,https://x.org/,",
     "events.csv:6: unknown kind 'premiere'"),
    ("Zombie School,2,renewal,confirmed,2022-06-01,2022-06-01,day,2022-06-07,https://x.org/,",
     "events.csv:6: unknown modality 'confirmed'"),
    ("Zombie School,2,renewal,happened,2022-06-01,2022-06-01,day,2022-06-07,,",
     "events.csv:6: source_url is empty"),
    ("Zombie School,two,renewal,happened,2022-06-01,2022-06-01,day,2022-06-07,https://x.org/,",
     "events.csv:6: season 'two' is not a whole number"),
    ("Zombie School,2,renewal,happened,2022-06-09,2022-06-01,day,2022-06-07,https://x.org/,",
     "events.csv:6: date_end 2022-06-01 is before date_start 2022-06-09"),
    ("Zombie School,2,renewal,happened,2022-06-01,2022-06-01,week,2022-06-07,https://x.org/,",
     "events.csv:6: unknown precision 'week'"),
])
def test_bad_rows_name_file_and_line(tmp_path, row, message):
    _, e = write(tmp_path, events=EVENTS + row + "\n")
    with pytest.raises(ReferenceDataError) as err:
        read_events_csv(e)
    assert message in str(err.value)


def test_missing_column_is_reported(tmp_path):
    _, e = write(tmp_path, events=EVENTS.replace(",source_url", ""))
    with pytest.raises(ReferenceDataError, match=r"events.csv:1: missing column\(s\) source_url"):
        read_events_csv(e)


def test_a_spreadsheet_byte_order_mark_is_read_and_an_open_quote_is_named(tmp_path):
    s, e = write(tmp_path, seasons="\ufeff" + SEASONS)
    assert len(read_pair(s, e).seasons) == 2
    _, e = write(tmp_path, events=EVENTS + '"Zombie School,2,release,planned\n')
    with pytest.raises(ReferenceDataError, match=r"events.csv:6: a quoted field is never "):
        read_events_csv(e)


def test_duplicate_rows_and_order_problems_are_found(tmp_path):
    dup = EVENTS.splitlines()[2]
    bad = ("Zombie School,1,filming_start,happened,2022-03-01,2022-03-01,day,2022-03-02,"
           "https://example.org/e,")
    early = ("Zombie School,2,filming_start,happened,2025-07-01,2025-07-31,month,2025-06-01,"
             "https://example.org/f,")
    data = read_pair(*write(tmp_path, events=EVENTS + "\n".join([dup, bad, early]) + "\n"))
    problems = validate(data, snapshot=date(2026, 11, 24))
    assert any("events.csv:6: duplicate of" in p and "events.csv:3" in p for p in problems)
    assert any("events.csv:7: filming start 2022-03-01 after premiere 2022-01-28" in p
               for p in problems)
    assert any("events.csv:8: known_on 2025-06-01 is before the event" in p for p in problems)


def test_rows_known_after_the_snapshot_are_flagged(tmp_path):
    data = read_pair(*write(tmp_path))
    assert any("after the snapshot" in p for p in validate(data, snapshot=date(2025, 1, 1)))


def test_events_of_unknown_seasons_are_flagged(tmp_path):
    data = read_pair(*write(tmp_path, seasons=SEASONS.splitlines()[0] + "\n"))
    assert any("Zombie School season 2 is not in seasons.csv" in p for p in validate(data))


def test_bundled_data_is_valid():
    data = load_bundled()
    assert validate(data) == []
    assert len(data.merged_seasons()) > 2500


def test_batches_spelling_a_title_differently_give_one_title(tmp_path):
    # curated rows first (folders sort that way), then a report's spellings
    for folder, rows in (("a-curated", ["XO Kitty,2", "Signal,2"]),
                         ("b-report", ["\"XO, Kitty\",3", "XO KITTY,1", "The Signal,1"])):
        (tmp_path / folder).mkdir()
        write(tmp_path / folder, SEASONS.splitlines()[0] + "\n" + "".join(
            f"{r},Netflix,,,,,\n" for r in rows), EVENTS.splitlines()[0] + "\n")
    data = load_bundled(tmp_path)
    assert sorted({s.title for s in data.seasons}) == ["Signal", "The Signal", "XO Kitty"]
    assert sorted(s.number for s in data.seasons if s.title == "XO Kitty") == [1, 2, 3]
