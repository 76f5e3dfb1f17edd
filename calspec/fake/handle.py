"""A fresh fake in this process and what a test does with it: seed people, calendars and events from
plain dicts, move the clock, inject faults, and get the generated clients bound to it (no socket).

    fake = CalendarFake()
    fake.lineworks.add_user({"userId": "alice", "email": "alice@example.com"}, token="alice-token")
    calendar = fake.lineworks.add_calendar({"calendarName": "Team", "ownerUserId": "alice"})
    fake.set_now(datetime(2030, 1, 6, 9, 0, tzinfo=UTC))
    fake.faults.inject(status=503, operation="listEvents")
    client = fake.lineworks.client("alice-token")  # a lineworks_calendar.AuthenticatedClient

The dicts are the fixture files' format (calspec/fake/README.md, "Fixtures"), and go through the code
that loads those files, so seeded data looks like data created through the API: what a create would
fill in (ids, owner, organizer, createdTime...) is filled in, and what the API would refuse (an
unknown key, an end before the start, a bad recurrence rule) raises `SeedError`. The pytest plugin
(`calspec.pytest_plugin`) gives one of these per test.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from calspec.core.providers import PROVIDERS, Provider
from calspec.fake import dooray, lineworks
from calspec.fake.app import FakeApp, RateLimits, create_app
from calspec.fake.auth import Principal
from calspec.fake.context import utc_now
from calspec.fake.errors import ApiError
from calspec.fake.faults import Faults
from calspec.fake.store import Conflict
from calspec.fake.validate import SpecError

if TYPE_CHECKING:
    from calspec.fake.transport import FakeTransport

IN_PROCESS_ROOT = "http://calspec.test"  # what in-process clients are given: no request leaves the process


class SeedError(ValueError):
    """Data given to `add_user`, `add_calendar` or `add_event` that the fake can't take as it is."""


class ClientNotInstalled(ImportError):
    """The generated client package of a provider isn't installed."""


class Clock:
    """The fake's clock: the real time until `set` or `advance` moves it; once `set`, it stands still
    until set or advanced again."""

    def __init__(self, moment: datetime | None = None) -> None:
        self._fixed: datetime | None = None
        self._offset = timedelta(0)
        if moment is not None:
            self.set(moment)

    def __call__(self) -> datetime:
        return self._fixed if self._fixed is not None else utc_now() + self._offset

    def set(self, moment: datetime) -> None:
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError("the fake's clock needs an aware datetime (with tzinfo)")
        self._fixed = moment

    def advance(self, delta: timedelta) -> datetime:
        if self._fixed is not None:
            self._fixed += delta
        else:
            self._offset += delta
        return self()


class CalendarFake:
    """One fresh fake of both APIs (state in memory, its own clock), and the handles to seed it.

    Options are `create_app`'s: `fixtures_dir`, `check_responses`, `rate_limits`, `token_lifetime`;
    `now` pins the clock at start. Cheap to make (well under a millisecond once the first one has
    compiled the specs): make one per test.
    """

    def __init__(
        self,
        *,
        fixtures_dir: Path | None = None,
        check_responses: bool = False,
        rate_limits: RateLimits = False,
        token_lifetime: int = 3600,
        now: datetime | None = None,
    ) -> None:
        self.clock = Clock(now)
        self.app: FakeApp = create_app(
            None,
            fixtures_dir,
            check_responses=check_responses,
            now=self.clock,
            rate_limits=rate_limits,
            token_lifetime=token_lifetime,
        )
        self.lineworks = LineWorksFake(self, PROVIDERS["lineworks"])
        self.dooray = DoorayFake(self, PROVIDERS["dooray"])
        self._transports: list[FakeTransport] = []

    def __repr__(self) -> str:
        return f"CalendarFake(now={self.now().isoformat()})"

    def provider(self, name: str) -> ProviderFake:
        """The handle of one provider by name: `lineworks` or `dooray`."""
        handles: dict[str, ProviderFake] = {"lineworks": self.lineworks, "dooray": self.dooray}
        if name not in handles:
            raise ValueError(f"unknown provider {name!r}; expected one of: {', '.join(handles)}")
        return handles[name]

    # The clock and the faults ---------------------------------------------------------------------

    def now(self) -> datetime:
        """The fake's time now."""
        return self.clock()

    def set_now(self, moment: datetime) -> None:
        """Stop the fake's clock at `moment` (aware): what it writes is dated then, and tokens from
        the token endpoint expire against it."""
        self.clock.set(moment)

    def advance(self, delta: timedelta | None = None, **units: float) -> datetime:
        """Move the fake's clock on: `advance(timedelta(hours=1))` or `advance(minutes=5)`; the new now."""
        return self.clock.advance((delta or timedelta(0)) + timedelta(**units))

    @property
    def faults(self) -> Faults:
        """`faults.inject(status=503, times=2, operation="listEvents", retry_after=1, delay=...)`; the
        fields of `POST /_calspec/faults` (calspec/fake/README.md, "Fault injection")."""
        return self.app.faults

    @property
    def violations(self) -> list[str]:
        """Answers that broke the spec (recorded only with `check_responses=True`)."""
        return self.app.violations

    # Reaching it ----------------------------------------------------------------------------------

    def transport(self) -> FakeTransport:
        """An httpx transport into this fake, for an `httpx.Client` or `httpx.AsyncClient` of your own
        (`base_url` anything, e.g. `IN_PROCESS_ROOT`); closed with the fake."""
        from calspec.fake.transport import FakeTransport

        transport = FakeTransport(self.app)
        self._transports.append(transport)
        return transport

    @contextmanager
    def serve(self) -> Iterator[str]:
        """Serve this fake on a free 127.0.0.1 port (uvicorn in a background thread) until the block
        ends; yields the root URL, `http://127.0.0.1:PORT`."""
        from calspec.contract.loopback import serve
        from calspec.fake.limits import UVICORN_OPTIONS

        with serve(self.app, **UVICORN_OPTIONS) as url:
            yield url

    def close(self) -> None:
        for transport in self._transports:
            transport.close()
        self._transports.clear()
        self.app.store.close()

    def __enter__(self) -> CalendarFake:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ProviderFake:
    """One provider of a `CalendarFake`: its demo user, seeding, and clients bound to the fake."""

    USER_KEYS: frozenset[str] = frozenset()
    CALENDAR_KEYS: frozenset[str] = frozenset()
    EVENT_KEYS: frozenset[str] = frozenset()

    def __init__(self, fake: CalendarFake, provider: Provider) -> None:
        self.fake = fake
        self.provider = provider
        self.name = provider.name
        self.demo_token = provider.demo_token
        self.base_url = IN_PROCESS_ROOT + provider.base_path
        """The base URL the in-process clients are given (no request leaves the process)."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self.fake!r}>"

    @property
    def _store(self) -> Any:
        return self.fake.app.store

    @property
    def users(self) -> dict[str, Principal]:
        """The provider's people by id (fixture users and those added)."""
        return self.fake.app.world.users[self.name]

    @property
    def demo_user(self) -> Principal:
        """Whom the demo token (`demo_token`) speaks for."""
        return dict(self.fake.app.world.tokens.demo_tokens(self.name))[self.demo_token]

    # Clients --------------------------------------------------------------------------------------

    def client(self, token: str | None = None, **options: Any) -> Any:
        """The generated client (`<package>.AuthenticatedClient`) bound to the fake, for sync and async
        calls alike, with `token` (the demo token by default); `options` go to the client (for
        example `max_retries=0`, `timeout=httpx.Timeout(1.0)`). ClientNotInstalled when the client
        package isn't installed."""
        package = self.client_package()
        httpx_args = dict(options.pop("httpx_args", {}))
        httpx_args["transport"] = self.fake.transport()
        return package.AuthenticatedClient(
            base_url=self.base_url, token=token or self.demo_token, httpx_args=httpx_args, **options
        )

    def async_client(self, token: str | None = None, **options: Any) -> Any:
        """`client`, for `asyncio` calls (the same transport serves both)."""
        return self.client(token, **options)

    def client_package(self) -> Any:
        """The generated client package, imported; ClientNotInstalled when it isn't installed."""
        try:
            return importlib.import_module(self.provider.package_name)
        except ModuleNotFoundError as error:
            if error.name != self.provider.package_name:
                raise
            raise ClientNotInstalled(
                f"the {self.provider.package_name} package isn't installed: pip install the "
                f"{self.provider.project_name} wheel (calspec's README, 'Testing your integration')",
                name=self.provider.package_name,
            ) from None

    # Reading state --------------------------------------------------------------------------------

    def calendars(self) -> list[dict[str, Any]]:
        """Every calendar as stored (the fixture format), in creation order."""
        return list(self._store.list_calendars(self.name))

    def events(self, calendar_id: str) -> list[dict[str, Any]]:
        """Every event of a calendar as stored, in creation order."""
        return list(self._store.calendar_events(self.name, calendar_id))

    # Seeding --------------------------------------------------------------------------------------

    def _people(self, user: Mapping[str, Any]) -> Iterable[tuple[list[str], Principal]]:
        raise NotImplementedError

    def _add_people(self, user: Mapping[str, Any]) -> None:
        world = self.fake.app.world
        for tokens, principal in self._people(user):
            for token in tokens:
                world.tokens.add(token, principal)
            world.users[self.name].setdefault(principal.user_id, principal)

    def _known(self, kind: str, data: Mapping[str, Any], keys: frozenset[str]) -> dict[str, Any]:
        if not isinstance(data, Mapping):
            raise SeedError(f"{kind}: expected a dict, got {type(data).__name__}")
        unknown = sorted(str(key) for key in data if key not in keys)
        if unknown:
            raise SeedError(
                f"{kind}: unknown keys {', '.join(unknown)} (known: {', '.join(sorted(keys))}; "
                "calspec/fake/README.md, 'Fixtures')"
            )
        return dict(data)

    def _request(self, operation_id: str, body: Mapping[str, Any], kind: str) -> None:
        """Refuse what the operation's request body schema refuses, as a request would be."""
        checks = self.fake.app.checks[f"{self.name}:{operation_id}"]
        try:
            checks.content("application/json", json.dumps(body, ensure_ascii=False).encode("utf-8"))
        except SpecError as error:
            raise SeedError(f"{kind}: {error.message} (as the spec's {operation_id} request)") from None


class LineWorksFake(ProviderFake):
    """LINE WORKS: users with tokens and scopes, calendars with members, events of components."""

    USER_KEYS = lineworks.USER_KEYS
    CALENDAR_KEYS = lineworks.CALENDAR_KEYS
    EVENT_KEYS = lineworks.EVENT_KEYS

    def _people(self, user: Mapping[str, Any]) -> Iterable[tuple[list[str], Principal]]:
        return lineworks.people({"users": [user]})

    def add_user(
        self,
        user: Mapping[str, Any] | None = None,
        /,
        *,
        token: str | None = None,
        scopes: Iterable[str] = ("calendar",),
    ) -> dict[str, Any]:
        """A user of the fixture format (`userId`, `email`, `displayName`, `timeZone`, `tokens` of
        `{token, scopes}`), plus `token` with `scopes` when given; missing ids are made up. The user,
        completed."""
        done = lineworks.complete_user(self._known("user", user or {}, self.USER_KEYS))
        if token is not None:
            done["tokens"].append({"token": token, "scopes": list(scopes)})
        self._add_people(done)
        return done

    def add_calendar(self, calendar: Mapping[str, Any] | None = None, /) -> dict[str, Any]:
        """A calendar of the fixture format (`calendarName`, `ownerUserId`, `members`, `isPublic`,
        `default`, `personal`...; calspec/fake/README.md), owned by the demo user unless
        `ownerUserId` says; what createCalendar fills is filled. The stored calendar."""
        given = self._known("calendar", calendar or {}, self.CALENDAR_KEYS)
        self._request(
            "createCalendar",
            {
                "calendarName": "Calendar",
                **{k: given[k] for k in lineworks.CALENDAR_REQUEST_KEYS if k in given},
            },
            "calendar",
        )
        owner_id = str(given.get("ownerUserId") or self.demo_user.user_id)
        owner = self.users.get(owner_id)
        if owner is None:
            raise SeedError(f"calendar: ownerUserId {owner_id!r} is no user of the fake (add_user first)")
        done = lineworks.complete_calendar(given, owner)
        lineworks.seed_calendar(self._store, done)
        return done

    def add_event(self, event: Mapping[str, Any]) -> dict[str, Any]:
        """An event of the fixture format: `eventComponents` exactly as a createEvent request sends
        them, `calendarId` (the demo user's default calendar when missing) and `createdAt` (the fake's
        now when missing). Checked and filled as createEvent does, by the calendar's owner. The stored
        event, `{"eventComponents": [...], "organizerCalendarId": ...}`."""
        given = self._known("event", event, self.EVENT_KEYS)
        if "eventComponents" not in given:
            raise SeedError("event: eventComponents is required")
        self._request("createEvent", {"eventComponents": given["eventComponents"]}, "event")
        given.setdefault("calendarId", self.default_calendar_id())
        given.setdefault("createdAt", self.fake.now().isoformat())
        try:
            return lineworks.seed_event(self._store, given, self.users)
        except ApiError as error:
            raise SeedError(f"event: {error.message}") from None
        except ValueError as error:
            raise SeedError(f"event: {error}") from None

    def default_calendar_id(self, user_id: str | None = None) -> str:
        """The id of a user's default calendar (the demo user's by default)."""
        owner = user_id or self.demo_user.user_id
        for calendar in self._store.list_calendars(self.name):
            if calendar.get("default") and calendar.get("ownerUserId") == owner:
                return str(calendar["calendarId"])
        raise SeedError(f"user {owner!r} has no default calendar")


class DoorayFake(ProviderFake):
    """Dooray: members with tokens, calendars with members and their settings, events as stored."""

    USER_KEYS = dooray.USER_KEYS
    CALENDAR_KEYS = dooray.CALENDAR_KEYS
    EVENT_KEYS = dooray.EVENT_KEYS

    def _people(self, user: Mapping[str, Any]) -> Iterable[tuple[list[str], Principal]]:
        return dooray.people({"members": [user]})

    def add_user(
        self, user: Mapping[str, Any] | None = None, /, *, token: str | None = None
    ) -> dict[str, Any]:
        """A member of the fixture format (`organizationMemberId`, `name`, `emailAddress`, `tokens`),
        plus `token` when given; a missing id is made up. The member, completed."""
        done = dooray.complete_user(self._known("member", user or {}, self.USER_KEYS))
        if token is not None:
            done["tokens"].append(token)
        self._add_people(done)
        return done

    def add_calendar(self, calendar: Mapping[str, Any] | None = None, /) -> dict[str, Any]:
        """A calendar of the fixture format (`name`, `type`, `ownerOrganizationMemberId`, `members` of
        `{organizationMemberId, role, default, color, listed, checked, order}`), owned by the demo
        member unless `ownerOrganizationMemberId` says; what createCalendar fills is filled. The
        stored calendar."""
        given = self._known("calendar", calendar or {}, self.CALENDAR_KEYS)
        owner = str(given.get("ownerOrganizationMemberId") or self.demo_user.user_id)
        if owner not in self.users:
            raise SeedError(f"calendar: member {owner!r} is no member of the fake (add_user first)")
        done = dooray.complete_calendar(given, owner, self._store, self.fake.now())
        dooray.seed_calendar(self._store, done)
        return done

    def add_event(self, event: Mapping[str, Any]) -> dict[str, Any]:
        """An event of the fixture format (`subject`, `startedAt`, `endedAt`, `wholeDayFlag`,
        `recurrenceRule`, `body`, `users`...), in `calendarId` (the demo member's default calendar when
        missing). Checked and filled as createEvent does, organized by the calendar's owner. The stored
        event."""
        given = self._known("event", event, self.EVENT_KEYS)
        calendar_id = str(given.get("calendarId") or self.default_calendar_id())
        calendar = self._store.get_calendar(self.name, calendar_id)
        if calendar is None:
            raise SeedError(f"event: no calendar {calendar_id!r}")
        try:
            done = dooray.complete_event(given, calendar, self.users, self.fake.now())
            return dooray.seed_event(self._store, done)
        except ApiError as error:
            raise SeedError(f"event: {error.message}") from None
        except Conflict:
            raise SeedError(
                f"event: calendar {calendar_id!r} has an event {given.get('id')!r} already"
            ) from None
        except (ValueError, TypeError, KeyError) as error:
            raise SeedError(f"event: {error}") from None

    def default_calendar_id(self, member_id: str | None = None) -> str:
        """The id of a member's default calendar (the demo member's by default)."""
        member = member_id or self.demo_user.user_id
        for calendar in self._store.list_calendars(self.name):
            for entry in calendar.get("members", []):
                if entry.get("organizationMemberId") == member and entry.get("default"):
                    return str(calendar["id"])
        raise SeedError(f"member {member!r} has no default calendar")
