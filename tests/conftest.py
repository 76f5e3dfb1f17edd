"""Fixtures shared by the fake server's tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from starlette.testclient import TestClient

from calspec.fake.app import FakeApp, create_app
from calspec.fake.context import utc_now


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
