"""Store round-trips, on SQLite and (in CI) PostgreSQL."""

from datetime import date

import pytest
from sqlalchemy import inspect

from seasoncast.reference import read_pair
from tests.test_reference_import import EVENTS, write


def test_schema_is_created_by_migrations(store):
    tables = set(inspect(store.engine).get_table_names())
    assert {"titles", "seasons", "events", "documents", "alembic_version"} <= tables


def test_import_round_trip_and_idempotence(store, tmp_path):
    data = read_pair(*write(tmp_path))
    first = store.import_reference(data)
    assert (first.titles_added, first.seasons_added, first.events_added) == (1, 2, 4)
    again = store.import_reference(data)
    assert (again.titles_added, again.seasons_added, again.events_added) == (0, 0, 0)
    assert again.events_unchanged == 4
    events = store.events("Zombie School", 2)
    assert [e.kind.value for e in events] == ["renewal", "filming_start", "filming_wrap"]
    wrap = events[-1]
    assert wrap.date.start == date(2026, 2, 11) and wrap.source_url == "https://example.org/d"
    assert store.season("Zombie School", 1).episodes == 12
    assert [e.kind.value for e in store.events("Zombie School", 2, as_of=date(2025, 1, 1))] == [
        "renewal"]


def test_failed_import_writes_nothing(store, tmp_path, monkeypatch):
    from seasoncast.store import repository

    store.import_reference(read_pair(*write(tmp_path)))
    more = read_pair(*write(tmp_path, events=EVENTS + (
        "Zombie Town,1,renewal,happened,2026-03-01,2026-03-01,day,2026-03-02,"
        "https://example.org/z,\n")))
    before = store.counts()
    real = repository._event_values

    def fail_on_new_title(ev, fp, season_id, origin):
        if ev.title == "Zombie Town":  # after its title and season rows were written
            raise RuntimeError("disk full")
        return real(ev, fp, season_id, origin)

    monkeypatch.setattr(repository, "_event_values", fail_on_new_title)
    with pytest.raises(RuntimeError):
        store.import_reference(more)
    assert store.counts() == before
    assert [t.name for t in store.titles()] == ["Zombie School"]


def test_aliases_are_stored_and_listed(store, tmp_path):
    data = read_pair(*write(tmp_path))
    data.aliases["Zombie School"] = {"좀비 학교"}
    store.import_reference(data)
    (title,) = store.titles()
    assert title.aliases == ("좀비 학교",)


def test_meta_values(store):
    assert store.get_meta("x") is None
    store.set_meta("x", "1")
    store.set_meta("x", "2")
    assert store.get_meta("x") == "2"


def test_a_title_stored_by_one_article_is_known_to_the_next(store):
    from seasoncast.api import ingest_document
    from seasoncast.ingest.document import Document

    # unanchored ("Tidewater will premiere"): read only once Tidewater is tracked
    unanchored = Document.create("Netflix confirmed that Tidewater will premiere on "
                                 "June 5, 2026.")
    first = Document.create("Tidewater Season 3 has wrapped filming in Halifax.")
    assert ingest_document(store, unanchored, dry_run=True).claims == 0
    assert ingest_document(store, first, published=date(2026, 3, 1)).claims == 1
    report = ingest_document(store, unanchored, published=date(2026, 3, 2))
    # no season named: the store's next season (3) is meant, not season 1
    assert report.seasons == [("Tidewater", 3)]


def test_an_unnumbered_season_is_the_next_one_the_store_tracks(store, tmp_path):
    from seasoncast.api import ingest_document
    from seasoncast.ingest.document import Document
    from seasoncast.timeline import season_in_the_news

    store.import_reference(read_pair(*write(tmp_path)))  # season 1 out, season 2 tracked
    news = Document.create("Cameras are rolling again: the final season of Zombie School "
                           "began filming in Seoul this week, Netflix confirmed.")
    assert ingest_document(store, news, published=date(2025, 7, 3)).seasons == \
        [("Zombie School", 2)]
    events = store.events("Zombie School")
    assert season_in_the_news([1, 2], events, date(2021, 6, 1)) == 1  # before the premiere
    # with nothing tracked after the premiered season, no guess (the caller keeps 1)
    assert season_in_the_news([1], events, date(2024, 6, 1)) is None


def _bundle(tmp_path, name, seasons, events):
    folder = tmp_path / name
    folder.mkdir()
    return read_pair(*write(folder, seasons=seasons, events=events))


def test_rows_dropped_from_the_bundled_data_leave_the_store(store, tmp_path):
    from seasoncast.store.repository import event_fingerprint

    header, *rows = EVENTS.strip().splitlines()
    old_seasons = "title,season,platform,country,genres,vfx_heavy,episodes,notes\n"
    typo = "Zombie Shool,2,renewal,happened,2022-06-01,2022-06-01,day,2022-06-01,https://x.example/t,\n"
    old = _bundle(tmp_path, "old", old_seasons, EVENTS + typo)
    store.import_reference(old, origin="bundled")
    mine = _bundle(tmp_path, "mine", old_seasons, header + "\n" + rows[0].replace(
        "https://example.org/a", "https://mine.example/a") + "\n")
    store.import_reference(mine)  # a user's own row stays whatever the bundle does
    new = _bundle(tmp_path, "new", old_seasons, "\n".join([header, *rows[:3]]) + "\n")
    assert store.sync_bundled(new) == 2  # the typo title's row and the planned wrap
    assert {ev.source_url for ev in store.events("Zombie School")} == {
        "https://example.org/a", "https://example.org/b", "https://example.org/c",
        "https://mine.example/a"}
    assert "Zombie Shool" not in {title.name for title in store.titles()}
    assert store.sync_bundled(new) == 0  # idempotent
    # a store written before bundled rows were marked: "reference" rows, a retired list
    legacy = _bundle(tmp_path, "legacy", old_seasons, header + "\n" + typo)
    store.import_reference(legacy)
    fp = event_fingerprint(legacy.events[0])
    assert store.sync_bundled(new) == 0  # without the list, a user's row is kept
    assert store.sync_bundled(new, retired={fp}) == 1
    assert "Zombie Shool" not in {title.name for title in store.titles()}


def test_bundled_import_and_clean_up_are_one_transaction(store, tmp_path, monkeypatch):
    seasons = "title,season,platform,country,genres,vfx_heavy,episodes,notes\n"
    extra = "Night Ferry,1,renewal,happened,2024-03-01,2024-03-01,day,2024-03-01,https://x.example/n,\n"
    new = _bundle(tmp_path, "new", seasons, EVENTS + extra)
    before = store.counts()

    def broken(*_args):
        raise RuntimeError("disk full")
    monkeypatch.setattr(store, "_sync", broken)
    with pytest.raises(RuntimeError):
        store.import_bundled(new)
    assert store.counts() == before  # the import was rolled back with the clean-up
    monkeypatch.undo()
    result = store.import_bundled(new)
    assert result.events_added >= 1 and "Night Ferry" in {t.name for t in store.titles()}


def test_a_title_the_bundled_data_now_spells_otherwise_is_folded_into_it(store, tmp_path):
    seasons = "title,season,platform,country,genres,vfx_heavy,episodes,notes\n"
    header = EVENTS.splitlines()[0] + "\n"
    renewal = ",1,renewal,happened,2023-06-01,2023-06-01,day,2023-06-02,https://x.example/"
    old = _bundle(tmp_path, "old", seasons + '"XO, Kitty",1,Netflix,,,,,\n',
                  header + '"XO, Kitty"' + renewal + "r,\n")
    store.import_bundled(old)
    mine = _bundle(tmp_path, "mine", seasons + '"XO, Kitty",2,Netflix,,,,,\n',
                   header + '"XO, Kitty",2,renewal,happened,2024-05-01,2024-05-01,day,'
                   '2024-05-02,https://mine.example/s2,\n')
    store.import_reference(mine)  # a user's own row about the old spelling
    new = _bundle(tmp_path, "new", seasons + "XO Kitty,1,Netflix,,,,,\n",
                  header + "XO Kitty" + renewal + "r,\n")
    store.import_bundled(new)
    assert [t.name for t in store.titles()] == ["XO Kitty"]
    assert {e.source_url for e in store.events("XO Kitty")} == {
        "https://x.example/r", "https://mine.example/s2"}
    assert [s.number for s in store.seasons("XO Kitty")] == [1, 2]
    store.import_bundled(new)  # idempotent
    assert [t.name for t in store.titles()] == ["XO Kitty"]
