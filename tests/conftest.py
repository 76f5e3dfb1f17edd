"""Fixtures shared by the fake server's tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from starlette.testclient import TestClient

from calspec.fake.app import FakeApp, create_app
from calspec.fake.context import utc_now


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The contract runs (grouped by `xdist_group`, the longest tests there are) first, so that under
    pytest-xdist they start at once on workers of their own while the rest fills the others."""
    items.sort(key=lambda item: item.get_closest_marker("xdist_group") is None)


@pytest.fixture
def fake_now() -> Callable[[], datetime]:
    """The fake's clock; a test module overrides this fixture to pin it."""
    return utc_now


@pytest.fixture
def app(fake_now: Callable[[], datetime]) -> Iterator[FakeApp]:
    """A fresh fake whose every answer is checked against the spec; any mismatch fails the test."""
    fake = create_app(check_responses=True, now=fake_now)
    yield fake
    assert fake.violations == [], "responses broke the spec"


@pytest.fixture
def client(app: FakeApp) -> TestClient:
    return TestClient(app, raise_server_exceptions=True)
