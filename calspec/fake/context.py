"""What a handler gets: the caller, the validated request, the store and the fixture world."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from calspec.core.operations import Operation
from calspec.fake.auth import Principal, TokenBook
from calspec.fake.store import Store


@dataclass
class World:
    """People from the fixture files (not state: reloaded at every start)."""

    tokens: TokenBook = field(default_factory=TokenBook)
    users: dict[str, dict[str, Principal]] = field(default_factory=dict)  # provider -> user id -> principal
    fixtures: dict[str, dict[str, Any]] = field(default_factory=dict)  # provider -> raw fixture data
    sources: list[dict[str, Any]] = field(default_factory=list)  # the fixture files read, in order (shared)


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Context:
    operation: Operation
    principal: Principal
    path: dict[str, str]
    query: dict[str, Any]
    body: Any
    store: Store
    world: World
    now: Callable[[], datetime] = utc_now


# A handler answers (status, JSON body) or raises fake.errors.ApiError.
Handler = Callable[[Context], tuple[int, Any]]
