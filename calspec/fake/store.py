"""State in SQLite (stdlib sqlite3).

In memory by default: one shared connection (`check_same_thread=False`) guarded by a lock. With a
file path: WAL mode and a busy timeout, so several worker processes can share the file; every write
runs in one `BEGIN IMMEDIATE` transaction, so a request is applied whole or not at all.

Calendars and events are JSON documents keyed by (provider, id), with the few indexed columns the
queries need: the event's calendar and a coarse window `[lo, hi)` in UTC epoch seconds that
contains every occurrence (open-ended series get `hi = FOREVER`). Handlers refine the coarse match,
except where the writer marked the window `exact` (it is the event's own extent at every window
offset): such a row is listed as stored, its text never decoded.

A list costs what its window holds, not what the calendar holds: events no longer than `SHORT`
(nearly all of them) are found by an index range on `lo` bounded on both sides, the few longer ones
(series, long spans) by the open-ended range.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from calspec.fake.jsontext import dumps, loads

FOREVER = 2**62
SHORT = 8 * 86400  # seconds: an event whose coarse window is no longer is found by a bounded range
SCHEMA_VERSION = "3"

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS calendars (
    position INTEGER PRIMARY KEY AUTOINCREMENT,  -- creation order, never reused: cursors stay right
    provider TEXT NOT NULL,
    calendar_id TEXT NOT NULL,
    doc BLOB NOT NULL,  -- UTF-8 JSON (jsontext)
    UNIQUE (provider, calendar_id)
);
CREATE TABLE IF NOT EXISTS events (
    provider TEXT NOT NULL,
    calendar_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    doc BLOB NOT NULL,  -- UTF-8 JSON (jsontext), answered as it is
    lo INTEGER NOT NULL,
    hi INTEGER NOT NULL,
    short INTEGER NOT NULL,  -- hi - lo <= SHORT
    exact INTEGER NOT NULL,  -- [lo, hi) is the event's extent: overlap needs no decoding
    seq INTEGER NOT NULL,
    PRIMARY KEY (provider, calendar_id, event_id)
);
CREATE INDEX IF NOT EXISTS events_window ON events (provider, calendar_id, short, lo, hi);
CREATE INDEX IF NOT EXISTS events_seq ON events (seq);
"""


class Conflict(Exception):
    """The row exists already."""


class StoreVersionError(Exception):
    """The database file was made by another version of the fake."""


class Store:
    def __init__(self, db: str | Path | None = None) -> None:
        self.path = None if self.in_memory(db) else str(db)
        self._lock = threading.RLock()
        self._depth = 0
        self._conn = sqlite3.connect(
            self.path or ":memory:", check_same_thread=False, isolation_level=None, timeout=30.0
        )
        self._conn.execute("PRAGMA busy_timeout = 30000")
        if self.path:
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
        with self.transaction():
            for statement in _DDL.strip().split(";"):
                if statement.strip():
                    self._conn.execute(statement)
        with self._lock:
            row = self._conn.execute("SELECT value FROM meta WHERE key = 'seeded'").fetchone()
        if row is not None and row[0] != SCHEMA_VERSION:
            self._conn.close()
            raise StoreVersionError(
                f"{self.path} was made by another version of the fake (schema {row[0]}, this one is "
                f"{SCHEMA_VERSION}): delete it, or pass another --db"
            )

    @staticmethod
    def in_memory(db: str | Path | None) -> bool:
        """Whether `db` names no file: the store then lives in memory."""
        return db in (None, "", ":memory:")

    def copy(self) -> Store:
        """A new in-memory store holding what this one holds (SQLite's backup: far cheaper than
        writing the same rows again)."""
        copy = Store()
        with self._lock, copy._lock:
            self._conn.backup(copy._conn)
        return copy

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is applied, or none of it. Nested calls join the outer one."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self._conn
                finally:
                    self._depth -= 1
                return
            self._conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")
            finally:
                self._depth = 0

    def seed_once(self, load: Callable[[Store], None]) -> bool:
        """Run `load` (inside the transaction) only when the database is new. True when it ran."""
        with self.transaction() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'seeded'").fetchone()
            if row is not None:
                return False
            load(self)
            conn.execute("INSERT INTO meta (key, value) VALUES ('seeded', ?)", (SCHEMA_VERSION,))
            return True

    # Calendars -------------------------------------------------------------------------------

    def put_calendar(self, provider: str, calendar_id: str, doc: dict[str, Any]) -> None:
        """Insert or update a calendar; an update keeps its place in creation order."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO calendars (provider, calendar_id, doc) VALUES (?, ?, ?)"
                " ON CONFLICT (provider, calendar_id) DO UPDATE SET doc = excluded.doc",
                (provider, calendar_id, dumps(doc)),
            )

    def delete_calendar(self, provider: str, calendar_id: str) -> bool:
        """Delete a calendar with every event in it; False when there was no such calendar."""
        with self.transaction() as conn:
            deleted = conn.execute(
                "DELETE FROM calendars WHERE provider = ? AND calendar_id = ?", (provider, calendar_id)
            ).rowcount
            conn.execute("DELETE FROM events WHERE provider = ? AND calendar_id = ?", (provider, calendar_id))
        return bool(deleted)

    def get_calendar(self, provider: str, calendar_id: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT doc FROM calendars WHERE provider = ? AND calendar_id = ?", (provider, calendar_id)
            ).fetchone()
        return None if row is None else _load(row[0])

    def list_calendars(self, provider: str) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT doc FROM calendars WHERE provider = ? ORDER BY position", (provider,)
            ).fetchall()
        return [_load(row[0]) for row in rows]

    def calendar_rows(self, provider: str) -> list[tuple[int, dict[str, Any]]]:
        """(position, calendar) in creation order; positions only grow, so they make stable cursors."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT position, doc FROM calendars WHERE provider = ? ORDER BY position", (provider,)
            ).fetchall()
        return [(int(row[0]), _load(row[1])) for row in rows]

    # Events ----------------------------------------------------------------------------------

    def insert_event(
        self,
        provider: str,
        calendar_id: str,
        event_id: str,
        doc: dict[str, Any],
        lo: int,
        hi: int,
        *,
        exact: bool = False,
    ) -> None:
        """Insert a new event; Conflict when the id exists in that calendar. `exact`: `[lo, hi)` is
        the event's extent at every window offset (see the module docstring)."""
        with self.transaction() as conn:
            exists = conn.execute(
                "SELECT 1 FROM events WHERE provider = ? AND calendar_id = ? AND event_id = ?",
                (provider, calendar_id, event_id),
            ).fetchone()
            if exists:
                raise Conflict(event_id)
            seq = conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM events").fetchone()[0]
            conn.execute(
                "INSERT INTO events (provider, calendar_id, event_id, doc, lo, hi, short, exact, seq)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (provider, calendar_id, event_id, dumps(doc), lo, hi, hi - lo <= SHORT, exact, seq),
            )

    def replace_event(
        self,
        provider: str,
        calendar_id: str,
        event_id: str,
        doc: dict[str, Any],
        lo: int,
        hi: int,
        *,
        exact: bool = False,
    ) -> None:
        """Overwrite a stored event (it keeps its place in insertion order)."""
        with self.transaction() as conn:
            conn.execute(
                "UPDATE events SET doc = ?, lo = ?, hi = ?, short = ?, exact = ?"
                " WHERE provider = ? AND calendar_id = ? AND event_id = ?",
                (dumps(doc), lo, hi, hi - lo <= SHORT, exact, provider, calendar_id, event_id),
            )

    def delete_event(self, provider: str, calendar_id: str, event_id: str) -> bool:
        with self.transaction() as conn:
            deleted = conn.execute(
                "DELETE FROM events WHERE provider = ? AND calendar_id = ? AND event_id = ?",
                (provider, calendar_id, event_id),
            ).rowcount
        return bool(deleted)

    def calendar_events(self, provider: str, calendar_id: str) -> list[dict[str, Any]]:
        """Every event of one calendar, in insertion order."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT doc FROM events WHERE provider = ? AND calendar_id = ? ORDER BY seq",
                (provider, calendar_id),
            ).fetchall()
        return [_load(row[0]) for row in rows]

    def get_event(self, provider: str, calendar_id: str, event_id: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT doc FROM events WHERE provider = ? AND calendar_id = ? AND event_id = ?",
                (provider, calendar_id, event_id),
            ).fetchone()
        return None if row is None else _load(row[0])

    def events_between(
        self, provider: str, calendar_ids: Sequence[str], lo: int, hi: int
    ) -> list[dict[str, Any]]:
        """Events of the calendars whose coarse window meets `[lo, hi)`, in insertion order."""
        return [_load(text) for text, _ in self.event_texts_between(provider, calendar_ids, lo, hi)]

    def event_texts_between(
        self, provider: str, calendar_ids: Sequence[str], lo: int, hi: int
    ) -> list[tuple[bytes, bool]]:
        """(stored JSON, exact) of the events whose coarse window meets `[lo, hi)`, in insertion
        order: an exact row overlaps the window as it stands, the others need their handler's check."""
        if not calendar_ids:
            return []
        marks = ",".join("?" for _ in calendar_ids)
        where = f"provider = ? AND calendar_id IN ({marks}) AND lo < ? AND hi > ?"
        with self._lock:
            rows = self._conn.execute(
                f"SELECT doc, exact, seq FROM events WHERE {where} AND short = 1 AND lo >= ?"
                f" UNION ALL SELECT doc, exact, seq FROM events WHERE {where} AND short = 0"
                " ORDER BY seq",
                (provider, *calendar_ids, hi, lo, lo - SHORT, provider, *calendar_ids, hi, lo),
            ).fetchall()
        return [(row[0], bool(row[1])) for row in rows]

    def count_events(self, provider: str) -> int:
        with self._lock:
            return int(
                self._conn.execute("SELECT COUNT(*) FROM events WHERE provider = ?", (provider,)).fetchone()[
                    0
                ]
            )


def _load(data: bytes) -> dict[str, Any]:
    value = loads(data)
    if not isinstance(value, dict):  # pragma: no cover - only this module writes rows
        raise ValueError("stored document is not an object")
    return value
