"""Dooray semantics of the fake: calendars, paging, the event list with expanded series, event detail."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from calspec.core.providers import FIXTURES_DIR
from calspec.fake.app import create_app

AUTH = {"Authorization": "dooray-api dooray-demo-token"}
OTHER_AUTH = {"Authorization": "dooray-api dooray-other-token"}
AUGUST = {"timeMin": "2020-08-01T00:00:00+09:00", "timeMax": "2020-09-01T00:00:00+09:00"}


def ok(response: Any) -> Any:
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["header"] == {"isSuccessful": True, "resultCode": 0, "resultMessage": ""}
    return body


def events(
    client: TestClient, query: dict[str, str] | None = None, auth: dict[str, str] = AUTH, **params: str
) -> list[dict[str, Any]]:
    body = ok(
        client.get(
            "/calendar/v1/calendars/*/events", params={**AUGUST, **(query or {}), **params}, headers=auth
        )
    )
    assert body["totalCount"] == len(body["result"])
    result: list[dict[str, Any]] = body["result"]
    return result


# Calendars ---------------------------------------------------------------------------------------


def test_calendars_are_own_and_shared_without_subscriptions(client: TestClient) -> None:
    body = ok(client.get("/calendar/v1/calendars", headers=AUTH))
    assert [c["id"] for c in body["result"]] == ["1", "2", "4", "6", "7"]
    assert body["totalCount"] == 5 and isinstance(body["totalCount"], int)
    first = body["result"][0]
    assert first["name"] == "내 캘린더"
    assert first["me"] == {
        "default": True,
        "color": "#333333",
        "listed": True,
        "checked": True,
        "role": "owner",
        "order": 1,
    }
    assert [c["me"]["role"] for c in body["result"]] == [
        "owner",
        "owner",
        "view",
        "opaque_view",
        "read_write",
    ]
    assert all("calendarMemberList" not in c for c in body["result"])


@pytest.mark.parametrize(
    ("params", "ids"),
    [
        ({"page": "0", "size": "2"}, ["1", "2"]),
        ({"page": "1", "size": "2"}, ["4", "6"]),
        ({"page": "2", "size": "2"}, ["7"]),
        ({"page": "3", "size": "2"}, []),
        ({"size": "1"}, ["1"]),
        ({"page": "5"}, ["1", "2", "4", "6", "7"]),  # without size, one page holds everything
    ],
)
def test_calendar_paging_keeps_the_total(client: TestClient, params: dict[str, str], ids: list[str]) -> None:
    body = ok(client.get("/calendar/v1/calendars", params=params, headers=AUTH))
    assert [c["id"] for c in body["result"]] == ids
    assert body["totalCount"] == 5


def test_other_member_sees_their_calendars(client: TestClient) -> None:
    body = ok(client.get("/calendar/v1/calendars", headers=OTHER_AUTH))
    assert [c["id"] for c in body["result"]] == ["3", "4", "1", "6", "7"]


def test_calendar_detail_lists_members_when_shared(client: TestClient) -> None:
    shared = ok(client.get("/calendar/v1/calendars/1", headers=AUTH))["result"]
    assert [(m["member"]["organizationMemberId"], m["role"]) for m in shared["calendarMemberList"]] == [
        ("1", "owner"),
        ("2", "view"),
    ]
    alone = ok(client.get("/calendar/v1/calendars/2", headers=AUTH))["result"]
    assert "calendarMemberList" not in alone


@pytest.mark.parametrize("calendar_id", ["3", "999", "*"])
def test_calendar_not_visible_or_unknown_is_404(client: TestClient, calendar_id: str) -> None:
    response = client.get(f"/calendar/v1/calendars/{calendar_id}", headers=AUTH)
    assert response.status_code == 404
    assert response.json()["header"]["resultCode"] == -404


# Events ------------------------------------------------------------------------------------------


def test_list_expands_the_series_and_keeps_the_edited_occurrence(client: TestClient) -> None:
    items = events(client)
    assert [(i["id"], i["startedAt"], i["recurrenceType"]) for i in items] == [
        ("3-20200804T010000Z", "2020-08-04T10:00:00+09:00", "unmodified"),
        ("3-20200811T010000Z", "2020-08-11T10:00:00+09:00", "unmodified"),
        ("2", "2020-08-14+09:00", "none"),
        ("3-20200818T010000Z", "2020-08-18T14:00:00+09:00", "modified"),
        ("5", "2020-08-20T15:00:00+09:00", "none"),
        ("3-20200825T010000Z", "2020-08-25T10:00:00+09:00", "unmodified"),
    ]
    for item in items:
        assert "body" not in item and "users" not in item
        if item["id"].startswith("3-"):
            assert item["masterScheduleId"] == "3"
            assert item["recurrenceId"] is not None
        else:
            assert item["masterScheduleId"] == item["id"]
            assert item["recurrenceId"] is None
    occurrence = items[1]
    assert occurrence["endedAt"] == "2020-08-11T11:00:00+09:00"
    assert occurrence["recurrenceId"] == "2020-08-11T10:00:00+09:00"
    assert occurrence["calendar"] == {"id": "2", "name": "업무"}
    assert items[2]["wholeDayFlag"] is True and items[2]["endedAt"] == "2020-08-15+09:00"


def test_window_bounds_are_inclusive_then_exclusive(client: TestClient) -> None:
    ids = [
        i["id"]
        for i in events(client, timeMin="2020-08-11T11:00:00+09:00", timeMax="2020-08-14T00:00:00+09:00")
    ]
    assert ids == []
    ids = [
        i["id"]
        for i in events(client, timeMin="2020-08-11T10:59:59+09:00", timeMax="2020-08-14T00:00:01+09:00")
    ]
    assert ids == ["3-20200811T010000Z", "2"]


def test_all_day_event_keeps_its_own_offset(client: TestClient) -> None:
    # 2020-08-14+09:00 starts at 2020-08-13T15:00Z.
    ids = [i["id"] for i in events(client, timeMin="2020-08-13T14:00:00Z", timeMax="2020-08-13T15:00:00Z")]
    assert ids == []
    ids = [i["id"] for i in events(client, timeMin="2020-08-13T15:00:00Z", timeMax="2020-08-13T15:00:01Z")]
    assert ids == ["2"]


def test_series_ends_at_until(client: TestClient) -> None:
    ids = [
        i["id"]
        for i in events(client, timeMin="2020-09-01T00:00:00+09:00", timeMax="2020-12-31T00:00:00+09:00")
    ]
    assert ids == [f"3-202009{day:02d}T010000Z" for day in (1, 8, 15, 22, 29)]


@pytest.mark.parametrize(
    ("params", "ids"),
    [
        ({"calendars": "1"}, ["2"]),
        ({"calendars": "4,1"}, ["2", "5"]),
        ({"calendars": "3"}, []),  # not visible: ignored
        ({"calendars": "5"}, []),  # subscription: left out
        ({"calendars": "nope,1"}, ["2"]),
        ({"category": "post"}, []),
        ({"category": "general", "calendars": "1"}, ["2"]),
        ({"postType": "toMe"}, ["5"]),
        (
            {"postType": "fromToCcMe", "calendars": "2"},
            ["3-20200804T010000Z", "3-20200811T010000Z", "3-20200818T010000Z", "3-20200825T010000Z"],
        ),
    ],
)
def test_list_filters(client: TestClient, params: dict[str, str], ids: list[str]) -> None:
    assert [i["id"] for i in events(client, params)] == ids


def test_other_member_sees_only_their_calendars_events(client: TestClient) -> None:
    ids = [i["id"] for i in events(client, auth=OTHER_AUTH)]
    assert ids == ["4", "2", "5"]


def test_window_of_a_year_is_allowed_and_an_empty_window_is_empty(client: TestClient) -> None:
    events(client, timeMin="2020-01-01T00:00:00+09:00", timeMax="2021-01-01T00:00:00+09:00")
    assert events(client, timeMin="2020-08-04T10:00:00+09:00", timeMax="2020-08-04T10:00:00+09:00") == []


@pytest.mark.parametrize(
    ("time_max", "message"),
    [
        ("2020-07-31T23:59:59+09:00", "timeMax: must not be before timeMin"),
        ("2021-08-02T00:00:01+09:00", "timeMax: the window is longer than 366 days"),
    ],
)
def test_window_reversed_or_over_the_specs_limit_is_400(
    client: TestClient, time_max: str, message: str
) -> None:
    """The limit is the spec's `x-calspec-window` `max-days` (366: a leap year fits), to the second."""
    events(client, timeMin="2020-08-01T00:00:00+09:00", timeMax="2021-08-02T00:00:00+09:00")
    response = client.get(
        "/calendar/v1/calendars/*/events",
        params={"timeMin": "2020-08-01T00:00:00+09:00", "timeMax": time_max},
        headers=AUTH,
    )
    assert response.status_code == 400
    assert response.json() == {
        "header": {"isSuccessful": False, "resultCode": -400, "resultMessage": message},
        "result": None,
    }


def test_event_detail_has_body_and_users(client: TestClient) -> None:
    result = ok(client.get("/calendar/v1/calendars/1/events/1", headers=AUTH))["result"]
    assert result["subject"] == "출시계획회의"
    assert result["body"] == {"mimeType": "text/html", "content": "<p>출시 일정 논의</p>"}
    assert result["users"]["from"]["member"]["organizationMemberId"] == "1"
    assert result["me"]["userType"] == "from"
    assert result["recurrenceType"] == "none"


def test_occurrence_detail_from_the_list(client: TestClient) -> None:
    listed = events(client)[1]
    detail = ok(client.get(f"/calendar/v1/calendars/2/events/{listed['id']}", headers=AUTH))["result"]
    assert {k: v for k, v in detail.items() if k not in ("body", "users", "recurrenceRule")} == {
        k: v for k, v in listed.items() if k != "recurrenceRule"
    }
    assert detail["body"]["content"] == "<p>매주 화요일</p>"
    assert detail["users"]["to"][0]["member"]["organizationMemberId"] == "2"


def test_edited_occurrence_detail_is_its_own(client: TestClient) -> None:
    detail = ok(client.get("/calendar/v1/calendars/2/events/3-20200818T010000Z", headers=AUTH))["result"]
    assert detail["recurrenceType"] == "modified"
    assert detail["startedAt"] == "2020-08-18T14:00:00+09:00"
    assert detail["body"]["content"] == "<p>이번 주만 오후</p>"


def test_master_detail_carries_the_rule(client: TestClient) -> None:
    detail = ok(client.get("/calendar/v1/calendars/2/events/3", headers=AUTH))["result"]
    assert detail["recurrenceRule"] == {
        "frequency": "weekly",
        "interval": 1,
        "until": "2020-09-29T23:59:59+09:00",
        "byday": "TU",
    }


@pytest.mark.parametrize(
    "path",
    [
        "/calendar/v1/calendars/2/events/3-20200805T010000Z",  # a Wednesday: no such occurrence
        "/calendar/v1/calendars/2/events/3-20201006T010000Z",  # after UNTIL
        "/calendar/v1/calendars/2/events/1-20150908T013000Z",  # event 1 is in calendar 1 and doesn't recur
        "/calendar/v1/calendars/1/events/3-20200804T010000Z",  # wrong calendar
        "/calendar/v1/calendars/1/events/999",
        "/calendar/v1/calendars/3/events/4",  # not visible
        "/calendar/v1/calendars/2/events/3-20201399T010000Z",  # digits that are no time: not an occurrence
        "/calendar/v1/calendars/2/events/3-00000000T000000Z",
    ],
)
def test_unknown_events_and_occurrences_are_404(client: TestClient, path: str) -> None:
    response = client.get(path, headers=AUTH)
    assert response.status_code == 404
    assert response.json()["header"]["isSuccessful"] is False


def test_all_day_series_occurrences_use_the_events_offset(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES_DIR, tmp_path / "fixtures")
    path = tmp_path / "fixtures" / "dooray.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["events"].append(
        {
            "id": "77",
            "calendarId": "1",
            "subject": "금요일 재택",
            "startedAt": "2020-08-07+09:00",
            "endedAt": "2020-08-08+09:00",
            "wholeDayFlag": True,
            "recurrenceRule": {"frequency": "weekly", "interval": 2, "byday": "FR"},
        }
    )
    path.write_text(json.dumps(data), encoding="utf-8")
    client = TestClient(create_app(fixtures_dir=tmp_path / "fixtures", check_responses=True))
    items = [i for i in events(client, calendars="1") if i["masterScheduleId"] == "77"]
    assert [(i["id"], i["startedAt"], i["endedAt"]) for i in items] == [
        ("77-20200806T150000Z", "2020-08-07+09:00", "2020-08-08+09:00"),
        ("77-20200820T150000Z", "2020-08-21+09:00", "2020-08-22+09:00"),
    ]
    # The day starts at 15:00Z the day before: a window ending then misses it.
    assert events(client, timeMin="2020-08-20T00:00:00Z", timeMax="2020-08-20T15:00:00Z", calendars="1") == []
    detail = ok(client.get("/calendar/v1/calendars/1/events/77-20200820T150000Z", headers=AUTH))["result"]
    assert detail["startedAt"] == "2020-08-21+09:00"
