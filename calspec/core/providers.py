"""The one registry of providers: each one's spec, generated package and its version, fixtures and demo data.

Everything else about a provider (its base path, auth header and prefix, error format, windows,
paging, retries, rate limits) is read from its spec's extensions through `Provider.document`, so
adding a provider is one entry here plus its spec and its handlers in the fake.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from calspec.core.locations import SPEC_DIR
from calspec.core.operations import Document

FIXTURES_DIR = Path(__file__).resolve().parent.parent / "fake" / "fixtures"


@dataclass(frozen=True)
class Provider:
    """One API: a spec file in, one client package out, and the fake's demo data for it."""

    name: str
    spec_file: str  # relative to the spec directory (or absolute)
    project_name: str  # the generated client's distribution
    package_name: str  # and its import name
    fixtures_file: str  # in calspec/fake/fixtures
    demo_token: str
    # The client package's own release, MAJOR.MINOR.PATCH: not the API's version (the spec's
    # info.version). Bump it whenever the spec changes (`generator check` fails otherwise);
    # `python -m generator diff` says whether the change is major, minor or patch.
    client_version: str
    # Demo ids per parameter (`path.<name>`) that the contract suite steers generated requests to,
    # so positive cases reach 2xx: ids the demo token's user can read.
    demo_ids: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Per operation, ids to steer to instead (operationId -> `path.<name>` -> ids).
    operation_ids: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)

    @property
    def spec(self) -> Path:
        return SPEC_DIR / self.spec_file

    @property
    def fixtures(self) -> Path:
        return FIXTURES_DIR / self.fixtures_file

    @cached_property
    def document(self) -> Document:
        return Document(self.name, self.spec)

    @property
    def base_path(self) -> str:
        return self.document.base_path

    def authorization(self, token: str) -> str:
        """The Authorization header value for `token`."""
        return self.document.auth.value(token)


PROVIDERS: dict[str, Provider] = {
    "lineworks": Provider(
        name="lineworks",
        spec_file="lineworks/calendar.yaml",
        project_name="lineworks-calendar-client",
        package_name="lineworks_calendar",
        fixtures_file="lineworks.json",
        demo_token="lw-demo-token",
        client_version="1.0.0",
        demo_ids={
            "path.userId": ("userf7da-f82c-4284-13e7-030f3b4c756x", "me"),
            "path.calendarId": ("calendar-96b8-4c74-8277-7953e0b4604a",),
            # In the demo user's default calendar (the calendarId above).
            "path.eventId": ("event-fixture-timed", "event-fixture-weekly"),
        },
        # Calendars the demo user sees and doesn't own: the only ones a user may take out of their list.
        operation_ids={
            "removeCalendarFromList": {
                "path.calendarId": (
                    "calendar-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
                    "calendar-7e8f-4a0b-9c1d-2e3f4a5b6c7d",
                )
            }
        },
    ),
    "dooray": Provider(
        name="dooray",
        spec_file="dooray/calendar.yaml",
        project_name="dooray-calendar-client",
        package_name="dooray_calendar",
        fixtures_file="dooray.json",
        demo_token="dooray-demo-token",
        client_version="1.0.0",
        # Calendar 1 is the demo member's default calendar; event 1 is in it.
        demo_ids={"path.calendar-id": ("1",), "path.event-id": ("1",)},
    ),
}


def get_provider(name: str) -> Provider:
    """Look a provider up by name, with a message that lists the valid ones."""
    try:
        return PROVIDERS[name]
    except KeyError:
        raise ValueError(f"unknown provider {name!r}; expected one of: {', '.join(PROVIDERS)}") from None


def provider_for_path(path: str) -> Provider:
    """The provider whose API a request path belongs to, for answering in its error format: the one
    with an operation whose leading literal segments agree longest with the path (the first provider
    when none agrees at all)."""
    segments = path.split("/")[1:]

    def agreement(provider: Provider) -> int:
        best = 0
        for op in provider.document.operations:
            shared = 0
            for expected, actual in zip(op.segments, segments, strict=False):
                if expected is None or expected != actual:
                    break
                shared += 1
            best = max(best, shared)
        return best

    providers = list(PROVIDERS.values())
    return max(providers, key=lambda p: (agreement(p), -providers.index(p)))
