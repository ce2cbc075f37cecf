"""The CLI through its real entry point (a subprocess), on the bundled data."""

import json
import os
import re
import subprocess
import sys

import pytest

from tests.test_reference_import import EVENTS, SEASONS


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli")
    e = dict(os.environ, SEASONCAST_DATABASE_URL=f"sqlite:///{root / 'cli.sqlite3'}",
             XDG_CACHE_HOME=str(root / "cache"), COLUMNS="200")
    run(e, "init")
    return e


def run(env, *args, check=True):
    p = subprocess.run([sys.executable, "-m", "seasoncast", *args], env=env,
                       capture_output=True, text=True, timeout=300)
    if check and p.returncode != 0:
        raise AssertionError(f"{args} exited {p.returncode}: {p.stderr}")
    return p


def test_init_is_idempotent(env):
    p = run(env, "init")
    assert "added 0 titles, 0 seasons, 0 events" in p.stderr


def test_titles_lists_upcoming_seasons(env):
    rows = json.loads(run(env, "titles", "--json", "--as-of", "2026-11-24").stdout)
    aouad = [r for r in rows if r["title"] == "All of Us Are Dead" and r["season"] == 2]
    assert aouad and aouad[0]["status"] == "post_production"
    assert len(rows) >= 60
    # with forecasts: soonest median first, and the promises gone by are named
    rows = json.loads(run(env, "titles", "--forecast", "--json", "--as-of", "2026-11-24"
                          ).stdout)
    medians = [r["median"] for r in rows if r["median"]]
    assert medians == sorted(medians) and len(medians) >= 60
    beef = next(r for r in rows if r["title"] == "Beef" and r["season"] == 2)
    assert beef["passed_unreported"] == {
        "what": "official premiere date",
        "date": {"start": "2026-04-16", "end": "2026-04-16", "precision": "day",
                 "text": beef["passed_unreported"]["date"]["text"]}}
    # the table says the same as the JSON, in words
    table = run(env, "titles", "--forecast", "--as-of", "2026-11-24").stdout
    assert "Beef" in table and "may be out" in table
    assert all(r["interval_80"][0] <= r["median"] <= r["interval_80"][1]
               for r in rows if r["median"])


def test_the_forecast_table_stays_readable_at_80_columns(env):
    table = run(dict(env, COLUMNS="80"), "titles", "--forecast", "--as-of", "2026-11-24").stdout
    assert max(len(line) for line in table.splitlines()) <= 80
    # the dates give way to their months, so the reasons keep whole words per line
    assert re.search(r"\b[A-Z][a-z]{2} 20\d\d – [A-Z][a-z]{2} 20\d\d\b", table)
    assert "(announced)" in table and "(happened)" in table


def test_show_with_a_misspelt_title(env):
    out = json.loads(run(env, "show", "all of us r dead", "-s", "2", "--json").stdout)
    assert out["title"] == "All of Us Are Dead"
    kinds = {e["kind"] for e in out["events"]}
    assert {"renewal", "filming_start", "filming_wrap"} <= kinds
    assert all(e["source_url"].startswith("http") for e in out["events"])


def test_forecast_json_on_stdout_only(env):
    p = run(env, "forecast", "All of Us Are Dead", "-s", "2", "--as-of", "2026-11-24",
            "--json")
    out = json.loads(p.stdout)
    assert out["status"] == "post_production" and out["released"] is None
    assert len(out["cdf"]) == 60


def test_import_user_csvs_twice(env, tmp_path):
    (tmp_path / "s.csv").write_text(SEASONS, encoding="utf-8")
    (tmp_path / "e.csv").write_text(EVENTS, encoding="utf-8")
    first = run(env, "import", str(tmp_path / "s.csv"), str(tmp_path / "e.csv"))
    assert "added 2 seasons and 4 events" in first.stderr
    again = run(env, "import", str(tmp_path / "s.csv"), str(tmp_path / "e.csv"))
    assert "added 0 seasons and 0 events; 4 events were already present" in again.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["show", "zzzzqqq"], "no tracked title matches"),
    (["forecast", "All of Us Are Dead", "-s", "9"], "season 9 is not tracked"),
    (["forecast", "All of Us Are Dead", "--as-of", "tomorrow"], "is not a date"),
    (["import", "missing.csv", "missing2.csv"], "cannot open"),
    (["check", "All of Us Are Dead season 2 soon"], "no date or period"),
    # a "when" question is answered by the forecast, and "Wednesday season 3" is no weekday
    (["check", "When is Wednesday season 3 coming out?"], "forecast of Wednesday season 3"),
    (["report", "All of Us Are Dead", "-s", "2", "--format", "pdf"], "--format must be"),
    # usage mistakes: one line naming the command's help, not a traceback
    (["forecast"], "Missing argument 'title'"),
    (["forecast", "Wednesday", "-s", "abc"], "Invalid value for '--season'"),
    (["forecast", "Wednesday", "--bogus"], "No such option: --bogus"),
    (["nonexistentcmd"], "No such command"),
    # a forecast from before anything was known about the season
    (["forecast", "All of Us Are Dead", "-s", "2", "--as-of", "1990-01-01"],
     "was known on 1990-01-01"),
    # a day so far ahead that the forecast's calendar would run out of years
    (["forecast", "All of Us Are Dead", "-s", "2", "--as-of", "9999-12-31"], "out of range"),
])
def test_bad_input_is_one_line_and_exit_2(env, args, message):
    p = run(env, *args, check=False)
    assert p.returncode == 2
    assert message in p.stderr
    assert "Traceback" not in p.stderr
    assert len(p.stderr.strip().splitlines()) <= 2


def test_bad_csv_row_names_file_and_line(env, tmp_path):
    (tmp_path / "s.csv").write_text(SEASONS, encoding="utf-8")
    (tmp_path / "e.csv").write_text(EVENTS + "Zombie School,2,premiere,happened,2026-01-01,"
                                    "2026-01-01,day,2026-01-02,https://x.org/,\n",
                                    encoding="utf-8")
    p = run(env, "import", str(tmp_path / "s.csv"), str(tmp_path / "e.csv"), check=False)
    assert p.returncode == 2 and "e.csv:6: unknown kind 'premiere'" in p.stderr


def test_check_and_report(env, tmp_path):
    v = json.loads(run(env, "check", "All of Us Are Dead S2 drops December 2026",
                       "--as-of", "2026-01-12", "--json").stdout)
    assert v["verdict"] in ("unlikely", "contradicted") and v["probability"] < 0.25
    out = tmp_path / "r.html"
    run(env, "report", "AOUAD", "-s", "2", "--format", "html", "-o", str(out))
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    j = json.loads(run(env, "report", "AOUAD", "-s", "2", "--format", "json").stdout)
    assert j["status"] == "post_production" and j["tldr"]



def test_the_explainer_wraps_long_reasons_instead_of_cutting_them(env):
    # an 80-column terminal: every reason of the forecast must be there in full
    narrow = dict(env, COLUMNS="80")
    shown = " ".join(run(narrow, "report", "AOUAD", "-s", "2", "--as-of", "2026-11-24")
                     .stdout.split())
    fc = json.loads(run(env, "forecast", "AOUAD", "-s", "2", "--as-of", "2026-11-24",
                        "--json").stdout)
    assert any(len(d) > 80 for d in fc["drivers"])
    for driver in fc["drivers"]:
        assert " ".join(driver.split()) in shown


def test_extract_numbers_an_unnumbered_season_from_the_bundled_data(env, tmp_path):
    # no season number anywhere: the bundled data's next season after the last premiere
    path = tmp_path / "a.txt"
    path.write_text("Alien: Earth is coming back\n\nThe new episodes of Alien: Earth are on "
                    "the way. Filming began in London on June 2, 2026, the studio said.\n",
                    encoding="utf-8")
    doc = json.loads(run(env, "extract", str(path), "--published", "2026-06-20",
                         "--json").stdout)
    assert {(c["title"], c["season"], c["kind"]) for c in doc["claims"]} == \
        {("Alien: Earth", 2, "filming_start")}

def test_data_validate_passes_on_bundled_data(env):
    assert "ok:" in run(env, "data", "validate").stderr


def test_extract_of_a_binary_file_exits_2(env, tmp_path):
    path = tmp_path / "noise.bin"
    path.write_bytes(bytes(range(256)) * 40)
    p = run(env, "extract", str(path), "--json", check=False)
    assert p.returncode == 2 and "not a text file" in p.stderr and p.stdout == ""


def test_extract_knows_the_bundled_shows_by_name(env, tmp_path):
    # no "Season 3" next to the name: only a list of known shows can tell it is a title
    path = tmp_path / "a.txt"
    path.write_text("Ted Lasso may be a while yet.\n\nCameras rolled on the third season "
                    "in England on March 14, 2022, the producers said.\n", encoding="utf-8")
    doc = json.loads(run(env, "extract", str(path), "--published", "2022-03-21",
                         "--json").stdout)
    assert {(c["title"], c["season"], c["kind"], c["modality"]) for c in doc["claims"]} == \
        {("Ted Lasso", 3, "filming_start", "happened")}


def test_a_bug_of_ours_is_one_line_not_a_traceback(monkeypatch, capsys, tmp_path):
    from seasoncast import api, cli

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("SEASONCAST_DATABASE_URL", raising=False)

    def broken():
        raise RuntimeError("boom [x]\nsecond line")

    monkeypatch.setattr(api, "today", broken)
    monkeypatch.setattr(sys, "argv", ["seasoncast", "titles"])
    monkeypatch.delenv("SEASONCAST_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 1
    said = capsys.readouterr().err
    assert "internal error: RuntimeError: boom [x]" in said and "Traceback" not in said
    assert "second line" not in said
