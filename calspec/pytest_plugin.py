"""pytest fixtures for testing an integration with LINE WORKS or Dooray calendars against the fake.

Installing calspec registers this plugin (entry point `pytest11`, name `calspec`; `-p no:calspec`
turns it off). Each test gets a fresh fake of both APIs in its own process, state in memory:

- `calendar_fake`: the `CalendarFake` handle (calspec.fake.handle): seed users, calendars and events
  from plain dicts, set the clock, inject faults, read what is stored;
- `lineworks_fake`, `dooray_fake`: its two provider handles (`calendar_fake.lineworks`, `.dooray`);
- `lineworks_client`, `dooray_client`: the generated clients (`AuthenticatedClient`, demo token)
  bound to that fake through an httpx transport: no socket, no port;
- `lineworks_async_client`, `dooray_async_client`: the same for `asyncio` calls;
- `calendar_fake_url`: that fake served on a free 127.0.0.1 port in a background thread, for code
  that builds its own HTTP client (`http://127.0.0.1:PORT`; LINE WORKS under `/v1.0`);
- `calendar_fake_options`: the fake's options (`create_app`'s); override it in a conftest.py, or
  mark a test `@pytest.mark.calendar_fake(rate_limits=True, now=...)`.

Every fixture is function-scoped. The client fixtures skip the test, saying what to install, when
the client package isn't installed. This module imports nothing of calspec until a fixture is used,
so a test run that uses none pays nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from calspec.fake.handle import CalendarFake, DoorayFake, LineWorksFake, ProviderFake

MARKER = "calendar_fake"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}(**options): options of the test's calspec fake (check_responses, rate_limits, "
        "token_lifetime, now, fixtures_dir), over the calendar_fake_options fixture",
    )


@pytest.fixture
def calendar_fake_options() -> dict[str, Any]:
    """Options for every test's fake (`calspec.fake.handle.CalendarFake`'s): override this fixture in a
    conftest.py, e.g. `return {"check_responses": True}`."""
    return {}


@pytest.fixture
def calendar_fake(
    request: pytest.FixtureRequest, calendar_fake_options: dict[str, Any]
) -> Iterator[CalendarFake]:
    """A fresh fake of both APIs for this test (in memory, its own clock and faults)."""
    from calspec.fake.handle import CalendarFake

    options = dict(calendar_fake_options)
    for marker in reversed(list(request.node.iter_markers(MARKER))):  # the closest marker wins
        options.update(marker.kwargs)
    with CalendarFake(**options) as fake:
        yield fake
        if options.get("check_responses") and fake.violations:
            pytest.fail("the fake's answers broke the spec:\n" + "\n".join(fake.violations), pytrace=False)


@pytest.fixture
def lineworks_fake(calendar_fake: CalendarFake) -> LineWorksFake:
    """The LINE WORKS side of this test's fake: `add_user`, `add_calendar`, `add_event`, `client`."""
    return calendar_fake.lineworks


@pytest.fixture
def dooray_fake(calendar_fake: CalendarFake) -> DoorayFake:
    """The Dooray side of this test's fake: `add_user`, `add_calendar`, `add_event`, `client`."""
    return calendar_fake.dooray


def _client(handle: ProviderFake) -> Any:
    from calspec.fake.handle import ClientNotInstalled

    try:
        return handle.client()
    except ClientNotInstalled as error:
        pytest.skip(str(error))


@pytest.fixture
def lineworks_client(lineworks_fake: LineWorksFake) -> Any:
    """`lineworks_calendar.AuthenticatedClient` with the demo token (`lw-demo-token`), bound to this
    test's fake in-process."""
    return _client(lineworks_fake)


@pytest.fixture
def dooray_client(dooray_fake: DoorayFake) -> Any:
    """`dooray_calendar.AuthenticatedClient` with the demo token (`dooray-demo-token`), bound to this
    test's fake in-process."""
    return _client(dooray_fake)


@pytest.fixture
def lineworks_async_client(lineworks_fake: LineWorksFake) -> Any:
    """`lineworks_client` for `asyncio()` calls (its own client object)."""
    return _client(lineworks_fake)


@pytest.fixture
def dooray_async_client(dooray_fake: DoorayFake) -> Any:
    """`dooray_client` for `asyncio()` calls (its own client object)."""
    return _client(dooray_fake)


@pytest.fixture
def calendar_fake_url(calendar_fake: CalendarFake) -> Iterator[str]:
    """This test's fake served on a free 127.0.0.1 port until the test ends: `http://127.0.0.1:PORT`
    (LINE WORKS at `/v1.0`, Dooray at the root); seed and fault it through `calendar_fake`."""
    with calendar_fake.serve() as url:
        yield url
