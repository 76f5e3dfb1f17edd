"""The fixture files: people and tokens (read at every start) and the initial calendars and events
(written to the database only when it is new). See fake/README.md for their format."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fake import dooray, lineworks
from fake.auth import Principal
from fake.context import World
from fake.store import Store

FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"


def load_world(fixtures_dir: Path | None = None) -> World:
    directory = fixtures_dir or FIXTURES_DIR
    world = World()
    lineworks_data = _read(directory / "lineworks.json")
    dooray_data = _read(directory / "dooray.json")
    world.fixtures = {"lineworks": lineworks_data, "dooray": dooray_data}
    world.users["lineworks"] = {}
    for user in lineworks_data.get("users", []):
        for grant in user.get("tokens", []):
            principal = Principal(
                provider="lineworks",
                user_id=user["userId"],
                email=user["email"],
                name=user.get("displayName", ""),
                scopes=frozenset(grant.get("scopes", [])),
                time_zone=user.get("timeZone", "UTC"),
            )
            world.tokens.add(grant["token"], principal)
            world.users["lineworks"].setdefault(user["userId"], principal)
    world.users["dooray"] = {}
    for member in dooray_data.get("members", []):
        principal = Principal(
            provider="dooray",
            user_id=member["organizationMemberId"],
            email=member.get("emailAddress", ""),
            name=member.get("name", ""),
            scopes=frozenset(),
        )
        for token in member.get("tokens", []):
            world.tokens.add(token, principal)
        world.users["dooray"][principal.user_id] = principal
    return world


def seed_store(store: Store, world: World) -> bool:
    """Write the fixture calendars and events when the database is new; True when it did."""

    def load(target: Store) -> None:
        lineworks.seed(target, world.fixtures["lineworks"], world.users["lineworks"])
        dooray.seed(target, world.fixtures["dooray"])

    return store.seed_once(load)


def _read(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a fixture file holds one JSON object")
    return data
