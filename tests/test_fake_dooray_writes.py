"""Dooray semantics of the fake beyond reading: calendars created, shared and deleted; events created,
updated (only the fields given) and deleted (this / wholeFromThis / whole); roles."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from starlette.testclient import TestClient

from calspec.fake import dooray
from calspec.fake.app import FakeApp
from calspec.fake.errors import ApiError

AUTH = {"Authorization": "dooray-api dooray-demo-token"}
OTHER_AUTH = {"Authorization": "dooray-api dooray-other-token"}
AUGUST = {"timeMin": "2020-08-01T00:00:00+09:00", "timeMax": "2020-09-01T00:00:00+09:00"}
JULY = {"timeMin": "2020-07-01T00:00:00+09:00", "timeMax": "2020-08-01T00:00:00+09:00"}
AUTUMN = {"timeMin": "2020-08-01T00:00:00+09:00", "timeMax": "2020-12-01T00:00:00+09:00"}
NOW = datetime(2020, 7, 20, 1, 2, 3, tzinfo=UTC)
SERIES = ["3-20200804T010000Z", "3-20200811T010000Z", "3-20200818T010000Z", "3-20200825T010000Z"] + [
    f"3-202009{day:02d}T010000Z" for day in (1, 8, 15, 22, 29)
]


@pytest.fixture
def fake_now() -> Callable[[], datetime]:
    return lambda: NOW


def ok(response: Any) -> Any:
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["header"] == {"isSuccessful": True, "resultCode": 0, "resultMessage": ""}
    return body["result"]


def refused(response: Any, status: int) -> None:
    assert response.status_code == status, response.text
    assert response.json()["header"]["resultCode"] == -status
    assert response.json()["result"] is None


def listed(client: TestClient, window: dict[str, str] = AUGUST, auth: Any = AUTH, **params: str) -> list[str]:
    result = ok(client.get("/calendar/v1/calendars/*/events", params={**window, **params}, headers=auth))
    return [item["id"] for item in result]


def detail(client: TestClient, calendar: str, event: str, auth: Any = AUTH) -> dict[str, Any]:
    result: dict[str, Any] = ok(client.get(f"/calendar/v1/calendars/{calendar}/events/{event}", headers=auth))
    return result


def calendar_ids(client: TestClient, auth: Any = AUTH) -> list[str]:
    return [c["id"] for c in ok(client.get("/calendar/v1/calendars", headers=auth))]


def grant(member: str, role: str) -> dict[str, Any]:
    return {"type": "member", "member": {"organizationMemberId": member}, "role": role}


def create_calendar(client: TestClient, auth: Any = AUTH, **body: Any) -> str:
    result = ok(
        client.post(
            "/calendar/v1/calendars", json={"name": "새 캘린더", "type": "private", **body}, headers=auth
        )
    )
    assert set(result) == {"id"}
    calendar_id: str = result["id"]
    return calendar_id


def create_event(client: TestClient, calendar: str, auth: Any = AUTH, **body: Any) -> str:
    payload = {
        "subject": "새 일정",
        "startedAt": "2020-08-12T09:00:00+09:00",
        "endedAt": "2020-08-12T10:00:00+09:00",
        **body,
    }
    result = ok(client.post(f"/calendar/v1/calendars/{calendar}/events", json=payload, headers=auth))
    event_id: str = result["id"]
    return event_id


def delete(
    client: TestClient, calendar: str, event: str, delete_type: str | None = None, auth: Any = AUTH
) -> Any:
    path = f"/calendar/v1/calendars/{calendar}/events/{event}/delete"
    if delete_type is None:
        return client.post(path, headers=auth)
    return client.post(path, json={"deleteType": delete_type}, headers=auth)


def update(client: TestClient, calendar: str, event: str, auth: Any = AUTH, **body: Any) -> Any:
    return client.put(f"/calendar/v1/calendars/{calendar}/events/{event}", json=body, headers=auth)


# Calendars ---------------------------------------------------------------------------------------


def test_create_private_calendar_with_members(client: TestClient) -> None:
    calendar_id = create_calendar(
        client,
        calendarMemberList=[
            grant("2", "view"),
            grant("2", "read_write"),  # named twice: the last role
            grant("999", "all"),  # unknown to the organization: ignored
            grant("1", "view"),  # the owner stays owner
            {
                "type": "distributionList",
                "distributionList": {"emailAddress": "team@example.com"},
                "role": "view",
            },
        ],
        me={
            "color": "#123456",
            "notification": {"enabled": True, "alarms": [{"action": "app", "trigger": "TRIGGER:-PT10M"}]},
        },
    )
    assert len(calendar_id) == 19 and calendar_id.isdigit()
    result = ok(client.get(f"/calendar/v1/calendars/{calendar_id}", headers=AUTH))
    assert result["name"] == "새 캘린더" and result["type"] == "private"
    assert result["ownerOrganizationMemberId"] == "1"
    assert result["createdAt"] == "2020-07-20T10:02:03+09:00"
    assert result["me"] == {
        "default": False,
        "color": "#123456",
        "listed": True,
        "checked": True,
        "role": "owner",
        "order": 7,
    }
    assert [
        (m["type"], m.get("member", m.get("distributionList")), m["role"])
        for m in result["calendarMemberList"]
    ] == [
        (
            "member",
            {"organizationMemberId": "1", "name": "데모 사용자", "emailAddress": "demo@example.com"},
            "owner",
        ),
        (
            "member",
            {"organizationMemberId": "2", "name": "다른 사용자", "emailAddress": "other@example.com"},
            "read_write",
        ),
        ("distributionList", {"emailAddress": "team@example.com"}, "view"),
    ]
    assert calendar_ids(client)[-1] == calendar_id
    theirs = ok(client.get(f"/calendar/v1/calendars/{calendar_id}", headers=OTHER_AUTH))
    assert theirs["me"]["role"] == "read_write" and theirs["me"]["order"] == 5
    assert calendar_ids(client, OTHER_AUTH)[-1] == calendar_id


def test_subscription_calendar_is_stored_but_never_listed(client: TestClient) -> None:
    calendar_id = create_calendar(
        client, type="subscription", calendarUrl="https://example.com/holidays.ics", me={"color": "#aa0000"}
    )
    assert calendar_id not in calendar_ids(client)
    result = ok(client.get(f"/calendar/v1/calendars/{calendar_id}", headers=AUTH))
    assert result["type"] == "subscription" and "calendarMemberList" not in result
    refused(
        client.post(
            f"/calendar/v1/calendars/{calendar_id}/events",
            json={"subject": "x", "startedAt": "2020-08-01T00:00:00Z", "endedAt": "2020-08-01T01:00:00Z"},
            headers=AUTH,
        ),
        403,
    )
    refused(
        client.put(
            f"/calendar/v1/calendars/{calendar_id}/members", json={"calendarMemberList": []}, headers=AUTH
        ),
        403,
    )


@pytest.mark.parametrize("url", ["", "holidays.ics", "https://example.com/a b"])
def test_subscription_needs_an_absolute_url(client: TestClient, app: FakeApp, url: str) -> None:
    before = app.store.list_calendars("dooray")
    body = {"name": "x", "type": "subscription", "calendarUrl": url}
    refused(client.post("/calendar/v1/calendars", json=body, headers=AUTH), 400)
    assert app.store.list_calendars("dooray") == before


def test_replace_members_keeps_the_owner_and_replaces_the_rest(client: TestClient) -> None:
    path = "/calendar/v1/calendars/1/members"
    before = ok(client.get("/calendar/v1/calendars/1", headers=OTHER_AUTH))["me"]
    assert (
        ok(
            client.put(
                path,
                json={"calendarMemberList": [grant("2", "read_write"), grant("404", "view")]},
                headers=AUTH,
            )
        )
        is None
    )
    members = ok(client.get("/calendar/v1/calendars/1", headers=AUTH))["calendarMemberList"]
    assert [(m["member"]["organizationMemberId"], m["role"]) for m in members] == [
        ("1", "owner"),
        ("2", "read_write"),
    ]
    after = ok(client.get("/calendar/v1/calendars/1", headers=OTHER_AUTH))["me"]
    assert after == {**before, "role": "read_write"}  # their own settings stay
    assert ok(client.put(path, json={"calendarMemberList": []}, headers=AUTH)) is None
    assert "calendarMemberList" not in ok(client.get("/calendar/v1/calendars/1", headers=AUTH))
    refused(client.get("/calendar/v1/calendars/1", headers=OTHER_AUTH), 404)
    refused(client.get("/calendar/v1/calendars/1/events/1", headers=OTHER_AUTH), 404)
    assert "1" not in calendar_ids(client, OTHER_AUTH)


@pytest.mark.parametrize(
    ("calendar", "status"), [("4", 403), ("6", 403), ("7", 403), ("3", 404), ("404", 404)]
)
def test_replace_members_refused_changes_nothing(client: TestClient, calendar: str, status: int) -> None:
    before = client.get(f"/calendar/v1/calendars/{calendar}", headers=OTHER_AUTH).json()
    response = client.put(
        f"/calendar/v1/calendars/{calendar}/members",
        json={"calendarMemberList": [grant("1", "all")]},
        headers=AUTH,
    )
    refused(response, status)
    assert client.get(f"/calendar/v1/calendars/{calendar}", headers=OTHER_AUTH).json() == before


def test_all_and_delegatee_may_manage_members_within_their_role(client: TestClient) -> None:
    path = "/calendar/v1/calendars/4/members"
    team = {"type": "distributionList", "distributionList": {"emailAddress": "team@example.com"}}
    ok(client.put(path, json={"calendarMemberList": [grant("1", "all")]}, headers=OTHER_AUTH))
    ok(
        client.put(
            path, json={"calendarMemberList": [grant("1", "all"), {**team, "role": "all"}]}, headers=AUTH
        )
    )
    ok(client.put(path, json={"calendarMemberList": [grant("1", "delegatee")]}, headers=OTHER_AUTH))
    assert ok(client.get("/calendar/v1/calendars/4", headers=AUTH))["me"]["role"] == "delegatee"
    ok(client.put(path, json={"calendarMemberList": [grant("1", "read_write")]}, headers=AUTH))
    assert ok(client.get("/calendar/v1/calendars/4", headers=AUTH))["me"]["role"] == "read_write"


def test_a_member_can_not_raise_itself_and_delete_the_owners_calendar(
    client: TestClient, app: FakeApp
) -> None:
    """Issue 13 row 9: a member with role `all` made itself `delegatee`, then deleted the calendar."""
    path = "/calendar/v1/calendars/4/members"
    ok(client.put(path, json={"calendarMemberList": [grant("1", "all")]}, headers=OTHER_AUTH))
    refused(client.put(path, json={"calendarMemberList": [grant("1", "delegatee")]}, headers=AUTH), 403)
    assert ok(client.get("/calendar/v1/calendars/4", headers=AUTH))["me"]["role"] == "all"
    refused(client.delete("/calendar/v1/calendars/4", headers=AUTH), 403)
    assert app.store.get_calendar("dooray", "4") is not None


def test_a_member_can_not_change_or_remove_members_above_it() -> None:
    calendar = {
        "ownerOrganizationMemberId": "1",
        "members": [
            {"organizationMemberId": "1", "role": "owner"},
            {"organizationMemberId": "2", "role": "all"},
            {"organizationMemberId": "3", "role": "delegatee"},
        ],
    }
    keep = [grant("2", "all"), grant("3", "delegatee"), grant("4", "view")]
    dooray.check_grants(calendar, "2", keep)  # within its role: passes
    for grants in ([grant("2", "all")], [grant("2", "all"), grant("3", "view")], [grant("4", "delegatee")]):
        with pytest.raises(ApiError) as raised:
            dooray.check_grants(calendar, "2", grants)
        assert raised.value.status == 403


def test_delete_calendar_removes_it_and_its_events(client: TestClient, app: FakeApp) -> None:
    calendar_id = create_calendar(client, calendarMemberList=[grant("2", "read_write")])
    event_id = create_event(client, calendar_id)
    create_event(client, calendar_id, recurrenceRule={"frequency": "daily"})
    assert event_id in listed(client)
    refused(client.delete(f"/calendar/v1/calendars/{calendar_id}", headers=OTHER_AUTH), 403)
    assert len(app.store.calendar_events("dooray", calendar_id)) == 2
    assert ok(client.delete(f"/calendar/v1/calendars/{calendar_id}", headers=AUTH)) is None
    assert app.store.calendar_events("dooray", calendar_id) == []
    assert event_id not in listed(client) and calendar_id not in calendar_ids(client)
    refused(client.get(f"/calendar/v1/calendars/{calendar_id}", headers=AUTH), 404)
    refused(client.get(f"/calendar/v1/calendars/{calendar_id}/events/{event_id}", headers=AUTH), 404)
    refused(client.delete(f"/calendar/v1/calendars/{calendar_id}", headers=AUTH), 404)


@pytest.mark.parametrize(("calendar", "status"), [("1", 403), ("4", 403), ("7", 403), ("3", 404)])
def test_delete_calendar_refused_changes_nothing(
    client: TestClient, app: FakeApp, calendar: str, status: int
) -> None:
    events = app.store.count_events("dooray")
    refused(client.delete(f"/calendar/v1/calendars/{calendar}", headers=AUTH), status)
    assert app.store.count_events("dooray") == events
    assert app.store.get_calendar("dooray", calendar) is not None


def test_delegatee_may_delete_a_calendar(client: TestClient) -> None:
    ok(
        client.put(
            "/calendar/v1/calendars/4/members",
            json={"calendarMemberList": [grant("1", "delegatee")]},
            headers=OTHER_AUTH,
        )
    )
    ok(client.delete("/calendar/v1/calendars/4", headers=AUTH))
    assert "5" not in listed(client, auth=OTHER_AUTH)


# Create and update events ------------------------------------------------------------------------


def test_create_event_answers_the_id_with_null_fields_and_stores_the_event(client: TestClient) -> None:
    response = client.post(
        "/calendar/v1/calendars/2/events",
        json={
            "subject": "디자인 리뷰",
            "startedAt": "2020-08-12T09:00:00+09:00",
            "endedAt": "2020-08-12T10:00:00+09:00",
            "location": "5층",
            "body": {"mimeType": "text/x-markdown", "content": "**안건**"},
            "users": {
                "to": [{"type": "member", "member": {"organizationMemberId": "2"}}],
                "cc": [
                    {"type": "emailUser", "emailUser": {"emailAddress": "guest@example.com", "name": "Guest"}}
                ],
            },
            "personalSettings": {
                "busy": True,
                "class": "public",
                "alarms": [{"action": "app", "trigger": "TRIGGER:-PT5M"}],
            },
        },
        headers=AUTH,
    )
    result = ok(response)
    event_id = result["id"]
    assert result == {"id": event_id, **{key: None for key in result if key != "id"}}
    assert {"subject", "startedAt", "calendar", "uid", "wholeDayFlag"} <= set(result)
    event = detail(client, "2", event_id)
    assert event["subject"] == "디자인 리뷰" and event["location"] == "5층"
    assert event["body"] == {"mimeType": "text/x-markdown", "content": "**안건**"}
    assert event["wholeDayFlag"] is False and event["recurrenceType"] == "none"
    assert event["masterScheduleId"] == event_id and event["calendar"] == {"id": "2", "name": "업무"}
    assert event["createdAt"] == event["updatedAt"] == "2020-07-20T10:02:03+09:00"
    assert event["users"]["from"]["member"]["organizationMemberId"] == "1"
    assert event["users"]["to"] == [
        {
            "type": "member",
            "member": {
                "organizationMemberId": "2",
                "name": "다른 사용자",
                "emailAddress": "other@example.com",
            },
            "status": "not_confirmed",
        }
    ]
    assert event["users"]["cc"][0]["emailUser"] == {"emailAddress": "guest@example.com", "name": "Guest"}
    assert event["me"]["userType"] == "from"
    assert "personalSettings" not in event
    assert event_id in listed(client)


def test_create_all_day_event_infers_the_flag(client: TestClient) -> None:
    event_id = create_event(client, "1", startedAt="2020-08-05+09:00", endedAt="2020-08-06+09:00")
    assert detail(client, "1", event_id)["wholeDayFlag"] is True
    assert event_id in listed(
        client, timeMin="2020-08-05T00:00:00+09:00", timeMax="2020-08-05T00:00:01+09:00"
    )


@pytest.mark.parametrize(
    "body",
    [
        {"startedAt": "2020-08-12T10:00:00+09:00", "endedAt": "2020-08-12T09:00:00+09:00"},
        {"startedAt": "2020-08-12+09:00", "endedAt": "2020-08-12T09:00:00+09:00"},
        {"wholeDayFlag": True},
        {"wholeDayFlag": False, "startedAt": "2020-08-12+09:00", "endedAt": "2020-08-13+09:00"},
        {"recurrenceRule": {"frequency": "daily", "timezoneName": "Mars/Olympus"}},
    ],
)
def test_create_event_semantic_errors_are_400_and_store_nothing(
    client: TestClient, app: FakeApp, body: dict[str, Any]
) -> None:
    before = app.store.count_events("dooray")
    payload = {
        "subject": "x",
        "startedAt": "2020-08-12T09:00:00+09:00",
        "endedAt": "2020-08-12T10:00:00+09:00",
        **body,
    }
    refused(client.post("/calendar/v1/calendars/2/events", json=payload, headers=AUTH), 400)
    assert app.store.count_events("dooray") == before


def test_update_changes_only_the_fields_given(client: TestClient) -> None:
    before = detail(client, "1", "1")
    assert ok(update(client, "1", "1", location="7층 대회의실")) is None
    after = detail(client, "1", "1")
    assert after == {**before, "location": "7층 대회의실", "updatedAt": "2020-07-20T10:02:03+09:00"}
    ok(update(client, "1", "1", users={"to": []}))
    users = detail(client, "1", "1")["users"]
    assert users["to"] == [] and users["cc"] == before["users"]["cc"]  # cc not given: kept, with its answers
    ok(update(client, "1", "1", users={"cc": [{"type": "member", "member": {"organizationMemberId": "2"}}]}))
    assert detail(client, "1", "1")["users"]["cc"][0]["status"] == "not_confirmed"


def test_update_to_all_day_needs_both_times(client: TestClient) -> None:
    before = detail(client, "1", "1")
    refused(update(client, "1", "1", wholeDayFlag=True, startedAt="2015-09-08+09:00"), 400)
    refused(update(client, "1", "1", endedAt="2015-09-08T09:00:00+09:00"), 400)  # before the start
    assert detail(client, "1", "1") == before
    ok(update(client, "1", "1", wholeDayFlag=True, startedAt="2015-09-08+09:00", endedAt="2015-09-09+09:00"))
    assert detail(client, "1", "1")["wholeDayFlag"] is True


def test_updating_an_occurrence_makes_it_modified(client: TestClient) -> None:
    occurrence = "3-20200811T010000Z"
    ok(
        update(
            client,
            "2",
            occurrence,
            subject="이번 주만 변경",
            startedAt="2020-08-11T16:00:00+09:00",
            endedAt="2020-08-11T17:00:00+09:00",
        )
    )
    event = detail(client, "2", occurrence)
    assert event["recurrenceType"] == "modified" and event["masterScheduleId"] == "3"
    assert event["recurrenceId"] == "2020-08-11T10:00:00+09:00"
    assert event["startedAt"] == "2020-08-11T16:00:00+09:00" and event["subject"] == "이번 주만 변경"
    assert event["body"]["content"] == "<p>매주 화요일</p>" and event["location"] == "3층 회의실"
    assert "recurrenceRule" not in event
    items = ok(
        client.get("/calendar/v1/calendars/*/events", params={**AUGUST, "calendars": "2"}, headers=AUTH)
    )
    assert [(i["id"], i["subject"], i["recurrenceType"]) for i in items][:2] == [
        ("3-20200804T010000Z", "주간 회의", "unmodified"),
        ("3-20200811T010000Z", "이번 주만 변경", "modified"),
    ]
    assert detail(client, "2", "3")["subject"] == "주간 회의"
    # Updating it again changes the stored occurrence, not the series.
    ok(update(client, "2", occurrence, location="옥상"))
    assert detail(client, "2", occurrence)["location"] == "옥상"
    assert detail(client, "2", "3-20200825T010000Z")["location"] == "3층 회의실"


def test_an_occurrence_takes_no_rule(client: TestClient) -> None:
    refused(update(client, "2", "3-20200811T010000Z", recurrenceRule={"frequency": "daily"}), 400)
    refused(update(client, "2", "3-20200818T010000Z", recurrenceRule={"frequency": "daily"}), 400)
    assert detail(client, "2", "3-20200811T010000Z")["recurrenceType"] == "unmodified"


def test_changing_the_series_rule_redefines_it(client: TestClient) -> None:
    ok(delete(client, "2", "3-20200811T010000Z"))
    ok(
        update(
            client,
            "2",
            "3",
            recurrenceRule={
                "frequency": "weekly",
                "interval": 2,
                "byday": "TU",
                "until": "2020-08-31T00:00:00+09:00",
            },
        )
    )
    assert listed(client, calendars="2") == ["3-20200804T010000Z", "3-20200818T010000Z"]
    assert (
        detail(client, "2", "3-20200818T010000Z")["recurrenceType"] == "unmodified"
    )  # the edited one is gone


def test_update_of_unknown_event_is_404(client: TestClient) -> None:
    refused(update(client, "2", "3-20200812T010000Z", subject="x"), 404)  # a Wednesday: no occurrence
    refused(update(client, "2", "999", subject="x"), 404)
    refused(update(client, "1", "3", subject="x"), 404)  # event of another calendar
    refused(update(client, "2", "3-20201399T010000Z", subject="x"), 404)  # no time: not an occurrence id
    refused(delete(client, "2", "3-20201399T010000Z", "whole"), 404)
    assert listed(client, AUTUMN, calendars="2") == SERIES


# Delete events -----------------------------------------------------------------------------------


@pytest.mark.parametrize("delete_type", [None, "this"])
def test_delete_this_excludes_one_occurrence(client: TestClient, delete_type: str | None) -> None:
    assert ok(delete(client, "2", "3-20200811T010000Z", delete_type)) is None
    assert listed(client, AUTUMN, calendars="2") == [i for i in SERIES if i != "3-20200811T010000Z"]
    refused(client.get("/calendar/v1/calendars/2/events/3-20200811T010000Z", headers=AUTH), 404)
    refused(delete(client, "2", "3-20200811T010000Z", delete_type), 404)
    assert detail(client, "2", "3")["recurrenceRule"]["until"] == "2020-09-29T23:59:59+09:00"


def test_delete_this_on_an_edited_occurrence_does_not_bring_the_original_back(client: TestClient) -> None:
    ok(delete(client, "2", "3-20200818T010000Z", "this"))
    assert "3-20200818T010000Z" not in listed(client, AUTUMN, calendars="2")
    refused(client.get("/calendar/v1/calendars/2/events/3-20200818T010000Z", headers=AUTH), 404)
    assert len(listed(client, AUTUMN, calendars="2")) == len(SERIES) - 1


def test_delete_whole_from_this_ends_the_series_before_it(client: TestClient) -> None:
    ok(delete(client, "2", "3-20200825T010000Z", "wholeFromThis"))
    assert listed(client, AUTUMN, calendars="2") == SERIES[:3]
    assert detail(client, "2", "3")["recurrenceRule"]["until"] == "2020-08-25T09:59:59+09:00"
    assert detail(client, "2", "3-20200818T010000Z")["recurrenceType"] == "modified"  # before it: kept


def test_delete_whole_from_this_removes_later_edited_occurrences(client: TestClient) -> None:
    ok(delete(client, "2", "3-20200811T010000Z", "wholeFromThis"))
    assert listed(client, AUTUMN, calendars="2") == ["3-20200804T010000Z"]
    refused(client.get("/calendar/v1/calendars/2/events/3-20200818T010000Z", headers=AUTH), 404)


def test_delete_whole_from_the_first_occurrence_removes_the_series(client: TestClient) -> None:
    ok(delete(client, "2", "3-20200804T010000Z", "wholeFromThis"))
    assert listed(client, AUTUMN, calendars="2") == []
    refused(client.get("/calendar/v1/calendars/2/events/3", headers=AUTH), 404)


@pytest.mark.parametrize("event", ["3-20200901T010000Z", "3-20200818T010000Z", "3"])
def test_delete_whole_removes_the_series_and_its_edited_occurrences(
    client: TestClient, app: FakeApp, event: str
) -> None:
    ok(delete(client, "2", event, "whole"))
    assert listed(client, AUTUMN, calendars="2") == []
    assert app.store.calendar_events("dooray", "2") == []


def test_all_day_series_whole_from_this_uses_the_events_offset(client: TestClient) -> None:
    event_id = create_event(
        client,
        "1",
        startedAt="2020-08-03+09:00",
        endedAt="2020-08-04+09:00",
        recurrenceRule={"frequency": "daily"},
    )
    ok(delete(client, "1", f"{event_id}-20200805T150000Z", "wholeFromThis"))  # the 6th, KST
    assert [i for i in listed(client, calendars="1") if i.startswith(event_id)] == [
        f"{event_id}-20200802T150000Z",
        f"{event_id}-20200803T150000Z",
        f"{event_id}-20200804T150000Z",
    ]


@pytest.mark.parametrize("delete_type", ["this", "wholeFromThis", "whole"])
def test_a_single_event_is_deleted_by_any_type(client: TestClient, delete_type: str) -> None:
    ok(delete(client, "1", "2", delete_type))
    refused(client.get("/calendar/v1/calendars/1/events/2", headers=AUTH), 404)
    assert "2" not in listed(client)


# Roles -------------------------------------------------------------------------------------------


def test_view_member_reads_but_cannot_write(client: TestClient) -> None:
    assert detail(client, "4", "5")["subject"] == "팀 회고"
    refused(
        client.post(
            "/calendar/v1/calendars/4/events",
            json={"subject": "x", "startedAt": "2020-08-01T00:00:00Z", "endedAt": "2020-08-01T01:00:00Z"},
            headers=AUTH,
        ),
        403,
    )
    refused(update(client, "4", "5", subject="x"), 403)
    refused(delete(client, "4", "5", "this"), 403)
    assert detail(client, "4", "5", OTHER_AUTH)["subject"] == "팀 회고"


def test_opaque_view_member_sees_only_when(client: TestClient) -> None:
    items = ok(client.get("/calendar/v1/calendars/*/events", params={**JULY, "calendars": "6"}, headers=AUTH))
    assert len(items) == 1
    item = items[0]
    assert item["subject"] == "Busy" and item["location"] is None
    assert item["startedAt"] == "2020-07-15T14:00:00+09:00" and item["endedAt"] == "2020-07-15T15:00:00+09:00"
    assert "me" not in item and "body" not in item
    event = detail(client, "6", "7")
    assert (
        event["subject"] == "Busy"
        and event["users"] is None
        and "body" not in event
        and event["location"] is None
    )
    assert not ({"me", "tenant"} & set(event))
    refused(update(client, "6", "7", subject="x"), 403)
    refused(delete(client, "6", "7"), 403)
    owner = detail(client, "6", "7", OTHER_AUTH)
    assert owner["subject"] == "연봉 협상" and owner["body"]["content"] == "<p>비공개 내용</p>"


def test_read_write_member_writes_events_but_does_not_manage_the_calendar(client: TestClient) -> None:
    event_id = create_event(client, "7")
    ok(update(client, "7", "8", location="3층"))
    assert detail(client, "7", "8", OTHER_AUTH)["location"] == "3층"
    ok(delete(client, "7", event_id))
    refused(client.delete("/calendar/v1/calendars/7", headers=AUTH), 403)


def test_members_without_access_get_404(client: TestClient) -> None:
    refused(update(client, "3", "4", subject="x"), 404)
    refused(delete(client, "3", "4"), 404)
    refused(
        client.post(
            "/calendar/v1/calendars/3/events",
            json={"subject": "x", "startedAt": "2020-08-01T00:00:00Z", "endedAt": "2020-08-01T01:00:00Z"},
            headers=AUTH,
        ),
        404,
    )
    assert detail(client, "3", "4", OTHER_AUTH)["subject"] == "개인 일정"


@pytest.mark.parametrize("color", ["ffffff", "#ffffff"])
def test_color_is_taken_in_both_forms_and_answered_with_a_hash(client: TestClient, color: str) -> None:
    """NOTES D36: the create example sends `ffffff`, the subscription example `#ffffff`."""
    calendar_id = create_calendar(client, me={"color": color})
    assert ok(client.get(f"/calendar/v1/calendars/{calendar_id}", headers=AUTH))["me"]["color"] == "#ffffff"


def test_occurrences_in_local_mean_time_are_written_in_utc(client: TestClient, app: FakeApp) -> None:
    """Before 1883 New York kept local mean time (-04:56:02): RFC 3339 can't write that offset, so an
    occurrence is answered in UTC, the same instant (the conftest app checks every answer's shape)."""
    calendar_id = create_calendar(client)
    create_event(
        client,
        calendar_id,
        startedAt="1800-05-18T13:00:00Z",
        endedAt="1800-05-18T14:00:00Z",
        recurrenceRule={"frequency": "daily", "timezoneName": "America/New_York"},
    )
    window = {"timeMin": "1800-05-19T00:00:00Z", "timeMax": "1800-05-20T00:00:00Z", "calendars": calendar_id}
    items = ok(client.get("/calendar/v1/calendars/*/events", params=window, headers=AUTH))
    assert [item["startedAt"] for item in items] == ["1800-05-19T13:00:00Z"]
    assert app.violations == []
