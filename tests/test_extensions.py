"""The x-calspec-* extensions: documented, enforced by the lint, and read as the specs declare them."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest

from calspec.core import extensions
from calspec.core.locations import SPEC_DIR
from calspec.core.providers import PROVIDERS, provider_for_path
from generator.lint import Linter

LW_LIST = "/users/{userId}/calendars/{calendarId}/events"


def test_every_extension_is_documented() -> None:
    text = (SPEC_DIR / "EXTENSIONS.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^## (x-calspec-[a-z-]+)$", text, re.MULTILINE))
    assert documented == set(extensions.places())
    assert set(extensions.places()) <= set(extensions.schemas()["$defs"])


def lint(provider: str, change: Any) -> list[str]:
    document = copy.deepcopy(PROVIDERS[provider].document.raw)
    change(document)
    return Linter(Path(PROVIDERS[provider].spec), document).run()


def test_lint_refuses_an_unknown_extension() -> None:
    errors = lint("lineworks", lambda d: d["paths"][LW_LIST]["get"].update({"x-calspec-windows": {}}))
    assert any("unknown extension x-calspec-windows" in line for line in errors), errors


def test_lint_refuses_an_extension_out_of_place() -> None:
    errors = lint("dooray", lambda d: d.update({"x-calspec-window": {}}))
    assert any("belongs on: operation" in line for line in errors), errors
    errors = lint("dooray", lambda d: d["components"]["schemas"]["Calendar"].update({"x-calspec-rules": []}))
    assert any("/components/schemas/Calendar/x-calspec-rules" in line for line in errors), errors


def test_lint_refuses_an_extension_that_breaks_its_schema() -> None:
    def negative_window(document: dict[str, Any]) -> None:
        document["paths"][LW_LIST]["get"]["x-calspec-window"]["max-days"] = -1

    errors = lint("lineworks", negative_window)
    assert any("x-calspec-window/max-days" in line for line in errors), errors


def test_lint_refuses_a_parameter_the_operation_lacks() -> None:
    def renamed(document: dict[str, Any]) -> None:
        document["paths"][LW_LIST]["get"]["x-calspec-window"]["start"]["parameter"] = "fromTime"

    errors = lint("lineworks", renamed)
    assert any("query parameter 'fromTime'" in line for line in errors), errors


def test_lint_needs_the_auth_of_every_scheme() -> None:
    errors = lint(
        "dooray", lambda d: d["components"]["securitySchemes"]["doorayApiToken"].pop("x-calspec-auth")
    )
    assert any("no x-calspec-auth" in line for line in errors), errors


def test_windows_are_read_from_the_specs() -> None:
    lineworks, dooray = PROVIDERS["lineworks"].document, PROVIDERS["dooray"].document
    window = lineworks.by_id["listEvents"].window
    assert window is not None and (window.start, window.end, window.max_days) == (
        "fromDateTime",
        "untilDateTime",
        31,
    )
    assert lineworks.by_id["listEventsInDefaultCalendar"].window == window
    dooray_window = dooray.by_id["listEvents"].window
    assert dooray_window is not None and (dooray_window.start, dooray_window.max_days) == ("timeMin", 366)


def test_paging_auth_and_errors_are_read_from_the_specs() -> None:
    lineworks, dooray = PROVIDERS["lineworks"].document, PROVIDERS["dooray"].document
    personals = lineworks.by_id["listCalendarPersonals"].pagination
    assert personals is not None and (personals.type, personals.next_cursor) == (
        "cursor",
        "/responseMetaData/nextCursor",
    )
    calendars = dooray.by_id["listCalendars"].pagination
    assert calendars is not None and (calendars.type, calendars.total) == ("page", "/totalCount")
    assert (lineworks.auth.header, lineworks.auth.prefix) == ("Authorization", "Bearer")
    assert dooray.auth.prefix == "dooray-api"
    assert (
        dooray.errors.code_for(404) == -404
        and lineworks.errors.code_for(403, "access-denied") == "ACCESS_DENIED"
    )
    assert lineworks.errors.code_for(418) == "BAD_REQUEST"


def test_retries_follow_the_method() -> None:
    retries = PROVIDERS["lineworks"].document.retries
    assert retries is not None
    get, post = retries.policy("GET"), retries.policy("POST")
    assert (
        get is not None
        and get.retries_status(503)
        and get.retries_status(429)
        and not get.retries_status(404)
    )
    assert post is not None and post.retries_status(429) and not post.retries_status(500)
    assert post.connection_errors == "unsent"


@pytest.mark.parametrize(
    ("path", "provider"),
    [("/v1.0/users/me/calendar", "lineworks"), ("/calendar/v1/nothing", "dooray"), ("/", "lineworks")],
)
def test_errors_of_unknown_paths_take_the_nearest_providers_format(path: str, provider: str) -> None:
    assert provider_for_path(path).name == provider


def test_every_operation_an_extension_names_exists() -> None:
    """Removals and resources name kinds; each kind a removal takes is one some operation addresses."""
    for provider in PROVIDERS.values():
        operations = provider.document.operations
        kinds = {op.resource.kind for op in operations if op.resource}
        for op in operations:
            for removal in op.removes:
                assert removal.kind in kinds, f"{op.key} removes {removal.kind}, which no operation addresses"
