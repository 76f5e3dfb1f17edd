"""The fixture files: people and tokens (read at every start) and the initial calendars and events
(written to the database only when it is new). See calspec/fake/README.md for their format.

Each provider's handler package (`calspec.fake.<provider>`) reads its own fixture file: `people(data)`
gives its users with their tokens, `seed(store, data, users)` writes its calendars and events.
"""

from __future__ import annotations

import importlib
import json
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

from calspec.core.providers import FIXTURES_DIR, PROVIDERS
from calspec.fake.auth import Principal
from calspec.fake.context import Handler, World
from calspec.fake.store import Store


def handlers_of(provider: str) -> ModuleType:
    """The handler package of a provider: `HANDLERS`, `people` and `seed`."""
    return importlib.import_module(f"calspec.fake.{provider}")


def handlers(provider: str) -> Mapping[str, Handler]:
    table: Mapping[str, Handler] = handlers_of(provider).HANDLERS
    return table


def load_world(fixtures_dir: Path | None = None) -> World:
    directory = fixtures_dir or FIXTURES_DIR
    world = World()
    for provider in PROVIDERS.values():
        data = _read(directory / provider.fixtures_file)
        world.sources.append(data)
        world.fixtures[provider.name] = data
        people: Callable[[Mapping[str, Any]], Iterable[tuple[list[str], Principal]]]
        people = handlers_of(provider.name).people
        users: dict[str, Principal] = {}
        for tokens, principal in people(data):
            for token in tokens:
                world.tokens.add(token, principal)
            users.setdefault(principal.user_id, principal)
        world.users[provider.name] = users
    return world


def seed_store(store: Store, world: World) -> bool:
    """Write the fixture calendars and events when the database is new; True when it did."""

    def load(target: Store) -> None:
        for provider in PROVIDERS:
            handlers_of(provider).seed(target, world.fixtures[provider], world.users[provider])

    return store.seed_once(load)


def fresh_store(world: World) -> Store:
    """A new in-memory store seeded from the world's fixture files: a copy of one seeded once per
    process for the same files (seeding checks and expands every fixture event; copying doesn't)."""
    key = tuple(id(data) for data in world.sources)
    with _LOCK:
        entry = _SEEDED.get(key)
        if entry is None:
            template = Store()
            seed_store(template, world)
            entry = _SEEDED[key] = (list(world.sources), template)  # the sources keep their ids
    return entry[1].copy()


# Parsed fixture files by content, and the stores seeded from them by the identity of those parsed
# files: both only grow with distinct fixture files, a handful per process.
_FILES: dict[bytes, dict[str, Any]] = {}
_SEEDED: dict[tuple[int, ...], tuple[list[dict[str, Any]], Store]] = {}
_LOCK = threading.Lock()


def _read(path: Path) -> dict[str, Any]:
    """A fixture file's data, parsed once per content. Shared by every app that reads the same
    content: nothing may change it (handlers read the fixtures; state lives in the store)."""
    raw = path.read_bytes()
    with _LOCK:
        cached = _FILES.get(raw)
    if cached is not None:
        return cached
    data = json.loads(raw.decode("utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a fixture file holds one JSON object")
    with _LOCK:
        return _FILES.setdefault(raw, data)
