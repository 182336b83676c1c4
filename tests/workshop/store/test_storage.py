"""The .workshop file: its marks, the SQLite settings of an open document, migrations with a
backup first, file permissions, and writes that fail without losing anything."""

from __future__ import annotations

import copy
import sqlite3
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import peewee as pw
import pytest
from workshop_state import SAMPLE, find, full_state, make_workshop, mode, reopened_state

from facilitator_app.workshop.document import Document
from facilitator_app.workshop.errors import BadInputError, StorageError
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.interchange import parse_workshop, workshop_to_json
from facilitator_app.workshop.operations import SetFields
from facilitator_app.workshop.store import migrations, schema
from facilitator_app.workshop.store.files import check_workshop_file
from facilitator_app.workshop.store.schema import APPLICATION_ID, SCHEMA_VERSION
from facilitator_app.workshop.store.storage import Storage


def pragma(path: Path, name: str) -> Any:
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as connection:
        value = connection.execute(f"PRAGMA {name}").fetchone()[0]
    connection.close()
    return value


@pytest.fixture
def created(tmp_path: Path) -> Path:
    return make_workshop(tmp_path)


def test_a_new_file_is_marked_as_ours(created: Path) -> None:
    assert pragma(created, "application_id") == APPLICATION_ID
    assert pragma(created, "user_version") == SCHEMA_VERSION
    assert pragma(created, "journal_mode") == "wal"
    assert created.read_bytes()[:16] == b"SQLite format 3\x00"
    assert check_workshop_file(created) == SCHEMA_VERSION


def test_an_open_document_uses_wal_foreign_keys_and_full_sync(created: Path) -> None:
    document = Document.open(created)
    try:
        db = document.storage.db

        def value(name: str) -> Any:
            return db.execute_sql(f"PRAGMA {name}").fetchone()[0]

        assert value("journal_mode") == "wal"
        assert value("foreign_keys") == 1
        assert value("synchronous") == 2  # FULL
        assert value("busy_timeout") > 0
        assert value("application_id") == APPLICATION_ID
        assert value("user_version") == SCHEMA_VERSION
        assert value("quick_check") == "ok"
    finally:
        document.close()


def test_the_file_has_its_tables(created: Path) -> None:
    with sqlite3.connect(created) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    connection.close()
    assert {"workshop", "attendee", "theme", "remark", "node", "block_theme"} <= tables


def test_files_are_readable_by_their_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "private.workshop"
    document = Document.create(path, parse_workshop(copy.deepcopy(SAMPLE)))
    try:
        document.apply(SetFields(Kind.DETAILS, 0, {"title": "zapsáno"}))
        assert mode(path) == 0o600
        for suffix in ("-wal", "-shm"):
            side = Path(f"{path}{suffix}")
            if side.exists():
                assert mode(side) == 0o600, suffix
    finally:
        document.close()
    assert mode(path) == 0o600


def test_creating_replaces_atomically_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "w.workshop"
    path.write_bytes(b"old content")
    Document.create(path, parse_workshop(copy.deepcopy(SAMPLE))).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.workshop"]
    assert workshop_to_json(Storage.read(path))["workshop"]["title"] == SAMPLE["workshop"]["title"]


def test_a_failed_create_leaves_nothing(tmp_path: Path) -> None:
    data = parse_workshop(copy.deepcopy(SAMPLE))
    data.root.children[0].children[0].votes = 2**64  # more than SQLite can hold
    with pytest.raises((StorageError, OverflowError)):
        Document.create(tmp_path / "w.workshop", data)
    assert list(tmp_path.iterdir()) == []


def test_reading_a_closed_file_writes_nothing_beside_it(created: Path) -> None:
    before = created.read_bytes()
    data = Storage.read(created)
    assert workshop_to_json(data)["workshop"]["title"] == SAMPLE["workshop"]["title"]
    assert created.read_bytes() == before
    assert sorted(p.name for p in created.parent.iterdir()) == [created.name]


def test_reading_a_file_open_elsewhere_sees_its_last_change(created: Path) -> None:
    document = Document.open(created)
    try:
        document.apply(SetFields(Kind.NODE, find(document.data, "B").id, {"text": "nové B"}))
        assert find(Storage.read(created), "nové B") is not None
    finally:
        document.close()


def test_files_read_in_parallel_threads_each_give_their_own_workshop(
    created: Path, tmp_path: Path
) -> None:
    """Backups, the restore list and the kill test read files from worker threads: one
    thread's read must never see another file's tables (peewee models are bound globally)."""
    other_path = tmp_path / "other.workshop"
    other = parse_workshop(copy.deepcopy(SAMPLE))
    other.details.title = "Jiná dílna"
    other.attendees = other.attendees[:1]
    Document.create(other_path, other).close()
    expected = {path: full_state(Storage.read(path)) for path in (created, other_path)}
    reads = 40
    start = threading.Barrier(2)

    def read_repeatedly(path: Path) -> list[bool]:
        start.wait()
        return [full_state(Storage.read(path)) == expected[path] for _ in range(reads)]

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible: the race shows at once
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(read_repeatedly, [created, other_path]))
    finally:
        sys.setswitchinterval(interval)
    assert results == [[True] * reads, [True] * reads]


# --- migrations ---------------------------------------------------------------------------


def add_colour(db: pw.SqliteDatabase) -> None:
    db.execute_sql("ALTER TABLE node ADD COLUMN colour TEXT NOT NULL DEFAULT ''")


def columns(path: Path, table: str) -> list[str]:
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as connection:
        names = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
    connection.close()
    return names


@pytest.fixture
def next_version(monkeypatch: pytest.MonkeyPatch) -> int:
    """Pretend the app has one more schema version, reached by ``add_colour``."""
    version = SCHEMA_VERSION + 1
    monkeypatch.setattr(schema, "SCHEMA_VERSION", version)
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, add_colour])
    return version


def test_an_older_file_is_backed_up_then_migrated(created: Path, next_version: int) -> None:
    original = created.read_bytes()
    expected = full_state(Storage.read(created))
    document = Document.open(created)
    try:
        assert full_state(document.data) == expected
        backup = created.with_name(f"{created.name}.v{SCHEMA_VERSION}.bak")
        assert backup.exists()
        assert mode(backup) == 0o600
        # The backup is a complete, valid copy of the file as it was before the migration.
        assert pragma(backup, "integrity_check") == "ok"
        assert pragma(backup, "user_version") == SCHEMA_VERSION
        assert pragma(backup, "application_id") == APPLICATION_ID
        assert "colour" not in columns(backup, "node")
        assert full_state(Storage.read(backup)) == expected
        # The file itself is migrated and keeps working.
        assert pragma(created, "user_version") == next_version
        assert "colour" in columns(created, "node")
        document.apply(SetFields(Kind.NODE, find(document.data, "A").id, {"text": "po migraci"}))
    finally:
        document.close()
    assert created.read_bytes() != original
    assert find(Storage.read(created), "po migraci") is not None
    # Opened again, the migrated file needs no second migration and no second backup.
    backup.unlink()
    assert reopened_state(created)["tree"]
    assert not backup.exists()


def test_a_failing_migration_leaves_the_file_as_it_was(
    created: Path, next_version: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(db: pw.SqliteDatabase) -> None:
        add_colour(db)
        raise RuntimeError("migration step failed")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS[:-1], broken])
    expected = full_state(Storage.read(created))
    with pytest.raises(RuntimeError, match="migration step failed"):
        Document.open(created)
    assert pragma(created, "user_version") == SCHEMA_VERSION
    assert "colour" not in columns(created, "node")
    assert full_state(Storage.read(created)) == expected
    assert created.with_name(f"{created.name}.v{SCHEMA_VERSION}.bak").exists()


def test_a_newer_file_is_refused_before_anything_is_written(created: Path) -> None:
    with sqlite3.connect(created) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    before = created.read_bytes()
    with pytest.raises(BadInputError, match="newer version"):
        Document.open(created)
    assert created.read_bytes() == before
    assert sorted(p.name for p in created.parent.iterdir()) == [created.name]


# --- a write that fails ---------------------------------------------------------------------


def test_a_failed_write_keeps_the_change_and_retries(
    created: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = Document.open(created)
    saves: list[tuple[bool, str | None]] = []
    document.add_save_listener(lambda saved, error: saves.append((saved, error)))
    try:
        real_commit = document.storage._commit

        def failing_commit(*args: Any, **kwargs: Any) -> Any:
            raise sqlite3.OperationalError("disk I/O error")

        monkeypatch.setattr(document.storage, "_commit", failing_commit)
        node = find(document.data, "B")
        document.apply(SetFields(Kind.NODE, node.id, {"text": "B offline"}))
        assert node.text == "B offline"  # in memory
        assert not document.is_saved
        assert saves[-1] == (False, "disk I/O error")
        assert find(Storage.read(created), "B").id == node.id  # not in the file

        monkeypatch.setattr(document.storage, "_commit", real_commit)
        assert document.flush()
        assert document.is_saved
        assert saves[-1] == (True, None)
        assert find(Storage.read(created), "B offline").id == node.id
    finally:
        document.close()


def test_queued_updates_fold_only_when_the_last_one_wins(created: Path) -> None:
    """Typing folds its updates of one field into one; shifts of positions all count."""
    document = Document.open(created)
    try:
        storage = document.storage
        first = document.data.attendees[0].id
        for name in ("J", "Ja", "Jan"):
            storage.queue('UPDATE attendee SET "name" = ? WHERE id = ?', (name, first))
        assert len(storage._pending) == 1
        shift = "UPDATE attendee SET position = position + 1 WHERE position >= ?"
        storage.queue(shift, (0,))
        storage.queue(shift, (1,))
        assert len(storage._pending) == 3
        assert document.flush()
    finally:
        document.close()
    with sqlite3.connect(created) as connection:
        rows = connection.execute("SELECT name, position FROM attendee ORDER BY id").fetchall()
    connection.close()
    assert rows[0] == ("Jan", 2)  # shifted twice
