"""The fake's state (SQLite), fixtures, spec compilation and the command line."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from starlette.testclient import TestClient

from calspec.core.formats import FORMAT_CHECKER, parse_date_time
from calspec.core.operations import Document, Router
from calspec.core.providers import FIXTURES_DIR, PROVIDERS
from calspec.fake import __main__ as cli
from calspec.fake.app import FakeApp, create_app
from calspec.fake.store import Conflict, Store, StoreVersionError

EVENTS = "/v1.0/users/me/calendars/calendar-96b8-4c74-8277-7953e0b4604a/events"
AUTH = {"Authorization": "Bearer lw-demo-token"}
WINDOW = {"fromDateTime": "2021-12-20T00:00:00+09:00", "untilDateTime": "2021-12-21T00:00:00+09:00"}
BODY = {
    "eventComponents": [
        {
            "eventId": "persisted",
            "summary": "survives a restart",
            "start": {"dateTime": "2021-12-20T15:00:00", "timeZone": "Asia/Seoul"},
            "end": {"dateTime": "2021-12-20T16:00:00", "timeZone": "Asia/Seoul"},
        }
    ]
}


def ids(client: TestClient) -> list[str]:
    response = client.get(EVENTS, params=WINDOW, headers=AUTH)
    assert response.status_code == 200
    return [e["eventComponents"][0]["eventId"] for e in response.json()["events"]]


def test_file_database_survives_a_restart_and_is_seeded_once(tmp_path: Path) -> None:
    db = str(tmp_path / "fake.sqlite")
    first = TestClient(create_app(db=db))
    assert first.post(EVENTS, json=BODY, headers=AUTH).status_code == 201
    second = TestClient(create_app(db=db))
    assert "persisted" in ids(second)
    assert ids(second).count("event-fixture-weekly") == 1  # fixtures not loaded twice
    # Both instances share the file: a write through one is seen by the other.
    other = {**BODY, "eventComponents": [{**BODY["eventComponents"][0], "eventId": "second"}]}
    assert second.post(EVENTS, json=other, headers=AUTH).status_code == 201
    assert "second" in ids(first)
    assert first.post(EVENTS, json=other, headers=AUTH).status_code == 409
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_memory_databases_are_independent() -> None:
    one, two = TestClient(create_app()), TestClient(create_app())
    assert one.post(EVENTS, json=BODY, headers=AUTH).status_code == 201
    assert "persisted" in ids(one)
    assert "persisted" not in ids(two)


def test_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite")

    def load(target: Store) -> None:
        target.put_calendar("x", "c1", {"id": "c1"})
        raise RuntimeError("half way")

    with pytest.raises(RuntimeError):
        store.seed_once(load)
    assert store.list_calendars("x") == []
    assert store.seed_once(lambda target: target.put_calendar("x", "c1", {"id": "c1"})) is True
    assert store.seed_once(lambda target: target.put_calendar("x", "c2", {"id": "c2"})) is False
    assert [c["id"] for c in store.list_calendars("x")] == ["c1"]
    store.insert_event("x", "c1", "e", {"id": "e"}, 0, 10)
    with pytest.raises(Conflict):
        store.insert_event("x", "c1", "e", {"id": "other"}, 0, 10)
    assert store.get_event("x", "c1", "e") == {"id": "e"}


def test_fixtures_come_from_the_data_files(tmp_path: Path) -> None:
    """Tokens are data: a changed fixture file changes who may call."""
    shutil.copytree(FIXTURES_DIR, tmp_path / "fixtures")
    path = tmp_path / "fixtures" / "lineworks.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    data["users"][0]["tokens"] = [{"token": "renamed", "scopes": ["calendar"]}]
    path.write_text(json.dumps(data), encoding="utf-8")
    client = TestClient(create_app(fixtures_dir=tmp_path / "fixtures"))
    assert client.get(EVENTS, params=WINDOW, headers=AUTH).status_code == 401
    assert client.get(EVENTS, params=WINDOW, headers={"Authorization": "Bearer renamed"}).status_code == 200


def test_every_operation_of_the_specs_has_a_handler() -> None:
    from calspec.fake.world import handlers

    for provider in PROVIDERS.values():
        for op in provider.document.operations:
            assert op.operation_id in handlers(provider.name), op.key


def test_router_prefers_literal_segments() -> None:
    router = Router(op for p in PROVIDERS.values() for op in p.document.operations)
    match = router.match("GET", b"/calendar/v1/calendars/*/events")
    assert match is not None and match.operation is not None
    assert match.operation.operation_id == "listEvents"
    match = router.match("GET", b"/v1.0/users/a%40b.c/calendars/x%2Fy/events")
    assert match is not None and match.path_params == {"userId": "a@b.c", "calendarId": "x/y"}
    assert router.match("GET", b"/v1.0/users/a/calendars/%FF/events") is None


@pytest.mark.parametrize(
    ("fmt", "value", "valid"),
    [
        ("date-time", "2021-06-03T10:00:00+09:00", True),
        ("date-time", "2021-06-03T10:00:00.123456789Z", True),
        ("date-time", "2021-06-03t10:00:00z", True),
        ("date-time", "2021-06-03T10:00:00", False),
        ("date-time", "2021-06-03 10:00:00+09:00", False),
        ("date-time", "2021-06-03T10:00+09:00", False),
        ("date-time", "2021-06-31T10:00:00+09:00", False),
        ("date-time", "2021-06-03T10:00:00+24:00", False),
        ("date", "2021-12-13", True),
        ("date", "2021-12-13T00:00:00", False),
        ("date", "20211213", False),
        ("local-date-time", "2021-12-13T14:00:00", True),
        ("local-date-time", "2021-12-13T14:00:00+09:00", False),
        ("local-date-time", "2021-12-13T25:00:00", False),
        ("offset-date", "2015-09-08+09:00", True),
        ("offset-date", "2015-09-08Z", True),
        ("offset-date", "2015-09-08", False),
        ("offset-date", "2015-02-30+09:00", False),
        ("uri", "https://example.com/holidays.ics", True),
        ("uri", "webcal://example.com/feed", True),
        ("uri", "", False),
        ("uri", "holidays.ics", False),
        ("uri", "https://example.com/a b", False),
    ],
)
def test_formats(fmt: str, value: str, valid: bool) -> None:
    assert FORMAT_CHECKER.conforms(value, fmt) is valid


def test_parse_date_time_keeps_the_offset() -> None:
    parsed = parse_date_time("2021-06-03T10:00:00+09:00")
    assert parsed.utcoffset() is not None and parsed.utcoffset().total_seconds() == 9 * 3600  # type: ignore[union-attr]


def test_banner_prints_base_urls_and_demo_credentials() -> None:
    text = cli.banner("127.0.0.1", 8080, None, None)
    for expected in (
        "http://127.0.0.1:8080/v1.0",
        "http://127.0.0.1:8080\n",
        "lw-demo-token",
        "lw-demo-readonly",
        "lw-other-token",
        "dooray-demo-token",
        "dooray-other-token",
        "scope calendar.read",
    ):
        assert expected in text


def test_workers_need_a_database() -> None:
    with pytest.raises(SystemExit):
        cli.main(["--workers", "2"])


def test_router_literal_segment_beats_a_parameter(tmp_path: Path) -> None:
    """Today's specs have no template that competes with `*/events`; this one does, in both orders."""
    paths = {
        "/calendars/{calendar-id}/events": {"get": {"operationId": "templated", "responses": {}}},
        "/calendars/*/events": {"get": {"operationId": "literal", "responses": {}}},
    }
    for order in (list(paths), list(reversed(paths))):
        document = {
            "openapi": "3.1.0",
            "servers": [{"url": "https://x/base"}],
            "paths": {k: paths[k] for k in order},
        }
        path = tmp_path / "spec.yaml"
        path.write_text(json.dumps(document), encoding="utf-8")
        router = Router(Document("test", path).operations)
        literal = router.match("GET", b"/base/calendars/*/events")
        templated = router.match("GET", b"/base/calendars/7/events")
        assert literal is not None and literal.operation is not None
        assert templated is not None and templated.operation is not None
        assert literal.operation.operation_id == "literal"
        assert templated.operation.operation_id == "templated"
        assert templated.path_params == {"calendar-id": "7"}


def test_calendar_positions_are_never_reused() -> None:
    """A personals cursor names a position: a calendar made after the last one was deleted comes after it."""
    store = Store()
    store.put_calendar("x", "a", {"id": "a"})
    store.put_calendar("x", "b", {"id": "b"})
    last = max(position for position, _ in store.calendar_rows("x"))
    assert store.delete_calendar("x", "b")
    store.put_calendar("x", "c", {"id": "c"})
    store.put_calendar("x", "a", {"id": "a", "renamed": True})  # an update keeps its place
    rows = store.calendar_rows("x")
    assert [doc["id"] for _, doc in rows] == ["a", "c"]
    assert rows[1][0] > last


def test_personals_paging_does_not_skip_a_calendar_made_after_a_delete() -> None:
    """A cursor names the last calendar of its page; deleting it and all later ones must not hide the next."""
    client = TestClient(create_app())
    personals = "/v1.0/users/me/calendar-personals"

    def make(name: str) -> str:
        response = client.post("/v1.0/calendars", json={"calendarName": name}, headers=AUTH)
        assert response.status_code == 201
        calendar_id: str = response.json()["calendarId"]
        return calendar_id

    cursor_at, last = make("cursor ends here"), make("last")
    listed = client.get(personals, params={"count": 50}, headers=AUTH).json()["calendarPersonals"]
    assert [c["calendarId"] for c in listed[-2:]] == [cursor_at, last]
    page = client.get(personals, params={"count": len(listed) - 1}, headers=AUTH).json()
    assert page["calendarPersonals"][-1]["calendarId"] == cursor_at
    cursor = page["responseMetaData"]["nextCursor"]
    for calendar_id in (cursor_at, last):
        assert client.delete(f"/v1.0/calendars/{calendar_id}", headers=AUTH).status_code == 204
    again = make("made after the deletes")
    rest = client.get(personals, params={"count": 50, "cursor": cursor}, headers=AUTH).json()
    assert [c["calendarId"] for c in rest["calendarPersonals"]] == [again]


def test_database_of_another_version_is_refused_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "old.sqlite"
    Store(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES ('seeded', '1')")
    with pytest.raises(StoreVersionError, match="another version of the fake"):
        Store(db)
    with pytest.raises(SystemExit):
        cli.main(["--db", str(db)])
    assert "delete it, or pass another --db" in capsys.readouterr().err


# Command line: rate limits and token lifetime ------------------------------------------------------------

CLI_ENV = (cli.ENV_DB, cli.ENV_FIXTURES, cli.ENV_RATE_LIMITS, cli.ENV_TOKEN_LIFETIME, cli.ENV_FAULTS)


@pytest.fixture(autouse=True)
def cli_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """`cli.main` hands its settings to uvicorn's workers in the environment: every test here gets the
    originals back, or a `--db` of one test would reach every fake started later in the same process."""
    for name in CLI_ENV:
        monkeypatch.setenv(name, "")


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """`cli.main` without a server: run_server records the uvicorn settings and prints the banner."""
    calls: list[dict[str, Any]] = []

    def run_server(config: uvicorn.Config, describe: Callable[[int], str]) -> int:
        calls.append({"app": config.app, "factory": config.factory, "port": config.port})
        print(describe(config.port))
        return 0

    monkeypatch.setattr(cli, "run_server", run_server)
    return calls


def test_cli_rate_limits_and_token_lifetime_reach_the_app(
    served: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [
        "--rate-limits",
        "--rate-limit",
        "lineworks:limit=5",
        "--rate-limit",
        "lineworks:window-seconds=1.5",
    ]
    assert cli.main([*argv, "--token-lifetime", "60", "--port", "9123"]) == 0
    assert served[0]["app"] == cli.APP_FACTORY and served[0]["factory"] is True
    assert json.loads(os.environ[cli.ENV_RATE_LIMITS]) == {
        "lineworks": {"limit": 5, "window-seconds": 1.5},
        "dooray": {},
    }
    assert os.environ[cli.ENV_TOKEN_LIFETIME] == "60"
    app = cli.app_from_env()
    assert isinstance(app, FakeApp)
    assert app.rate_limiters["lineworks"].limit.limit == 5
    assert app.rate_limiters["lineworks"].limit.window_seconds == 1.5
    assert app.rate_limiters["dooray"].limit.burst == 20  # --rate-limits: the documented numbers
    assert [grants.lifetime for grants in app.token_endpoints.values()] == [60]
    printed = capsys.readouterr().out
    for expected in (
        "http://127.0.0.1:9123/oauth2/v2.0/token",
        "access tokens live 60 s",
        "client_id demo-client-id",
        "client_secret demo-client-secret",
        "demo.serviceaccount@example.com",
        "lineworks-demo-service-account.pem",
        "lw-demo-refresh-token",
        "rate limits: lineworks 5 per 1.5 s per operation; dooray burst 20, 5/s per token",
    ):
        assert expected in printed


def test_cli_rate_limit_alone_limits_only_that_provider(served: list[dict[str, Any]]) -> None:
    assert cli.main(["--rate-limit", "dooray:burst=3", "--rate-limit", "dooray:rate=0.5"]) == 0
    assert json.loads(os.environ[cli.ENV_RATE_LIMITS]) == {"dooray": {"burst": 3, "rate": 0.5}}
    app = cli.app_from_env()
    assert isinstance(app, FakeApp)
    assert set(app.rate_limiters) == {"dooray"}
    assert (app.rate_limiters["dooray"].limit.burst, app.rate_limiters["dooray"].limit.rate) == (3, 0.5)


def test_cli_defaults_no_rate_limits_and_an_hour_of_token(
    served: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main([]) == 0
    assert json.loads(os.environ[cli.ENV_RATE_LIMITS]) is False
    app = cli.app_from_env()
    assert isinstance(app, FakeApp)
    assert app.rate_limiters == {}
    assert [grants.lifetime for grants in app.token_endpoints.values()] == [3600]
    assert "rate limits: off" in capsys.readouterr().out
    assert cli.main(["--rate-limits"]) == 0
    assert json.loads(os.environ[cli.ENV_RATE_LIMITS]) is True
    app = cli.app_from_env()
    assert isinstance(app, FakeApp)
    assert set(app.rate_limiters) == {"lineworks", "dooray"}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--rate-limit", "lineworks:limit"], "PROVIDER:KEY=VALUE"),
        (["--rate-limit", "lineworks=5"], "PROVIDER:KEY=VALUE"),
        (["--rate-limit", ":limit=5"], "PROVIDER:KEY=VALUE"),
        (["--rate-limit", "lineworks:limit=many"], "not a number"),
        (["--rate-limit", "lineworks:limit=0"], "positive"),
        (["--rate-limit", "lineworks:limit=2.5"], "whole number"),
        (["--rate-limit", "lineworks:burst=2"], "burst"),
        (["--rate-limit", "nowhere:limit=2"], "nowhere"),
        (["--token-lifetime", "0"], "at least 1"),
        (["--token-lifetime", "1.5"], "whole number"),
        (["--token-lifetime", "soon"], "whole number"),
    ],
)
def test_cli_refuses_bad_rate_limit_and_lifetime_options(
    served: list[dict[str, Any]], capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(argv)
    assert exited.value.code == 2
    assert message in capsys.readouterr().err
    assert served == []  # no server started


def test_cli_faults_are_queued_at_start(served: list[dict[str, Any]]) -> None:
    argv = [
        "--fault",
        '{"status": 503, "times": 2, "operation": "listEvents", "retryAfter": 1}',
        "--fault",
        '[{"delay": 0.5}, {"status": 502, "body": "<html>bad gateway</html>"}]',
    ]
    assert cli.main(argv) == 0
    app = cli.app_from_env()
    assert isinstance(app, FakeApp)
    pending = app.faults.pending()
    assert [(f["status"], f["times"], f["operation"], f["retry_after"]) for f in pending] == [
        (503, 2, "listEvents", "1"),
        (None, 1, None, None),
        (502, 1, None, None),
    ]
    assert pending[1]["delay"] == 0.5 and pending[2]["body"] == "<html>bad gateway</html>"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--fault", "{status: 503}"], "not JSON"),
        (["--fault", "[1]"], "a fault object or a list"),
        (["--fault", '{"status": 99}'], "status must be an HTTP status"),
        (["--fault", '{"status": 503, "operation": "listEvent"}'], "no operation is named 'listEvent'"),
        (["--fault", '{"status": 503}', "--workers", "2", "--db", "x.sqlite"], "one worker"),
    ],
)
def test_cli_refuses_bad_faults(
    served: list[dict[str, Any]], capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(argv)
    assert exited.value.code == 2
    assert message in capsys.readouterr().err
    assert served == []
