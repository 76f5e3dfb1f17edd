"""The contract hooks, their format strategies and rule checkers, without running the engine.

What a hook does to a case, which operations it runs on, what the run records and which failures it
drops are checked here on the specs' own operations; `test_contract.py` runs the engine.
"""

from __future__ import annotations

import ast
import datetime
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calspec.contract import harness, hooks, rules, strategies
from calspec.core.formats import FORMAT_CHECKER
from calspec.core.operations import Operation
from calspec.core.pointer import put

CONTRACT_DIR = Path(hooks.__file__).resolve().parent
LW = harness.PROVIDERS["lineworks"].document.by_id
DR = harness.PROVIDERS["dooray"].document.by_id


def _operations() -> list[Operation]:
    return [op for provider in harness.PROVIDERS.values() for op in provider.document.operations]


def _walk(node: Any) -> Iterator[Any]:
    yield node
    if isinstance(node, Mapping):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


@pytest.fixture(autouse=True)
def _fresh_run() -> Iterator[None]:
    hooks.forget_run()
    yield
    hooks.forget_run()


# 1. Formats ----------------------------------------------------------------------------------------


def _patterns(format_name: str) -> set[str]:
    """Every pattern a spec puts beside the format."""
    return {
        node["pattern"]
        for provider in harness.PROVIDERS.values()
        for node in _walk(provider.document.raw)
        if isinstance(node, Mapping) and node.get("format") == format_name and "pattern" in node
    }


@pytest.mark.parametrize("name", sorted(strategies.FORMATS))
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_format_strategies_generate_only_valid_values(name: str, data: st.DataObject) -> None:
    value = data.draw(strategies.FORMATS[name])
    assert FORMAT_CHECKER.conforms(value, name), value
    for pattern in _patterns(name):
        assert re.search(pattern, value), (value, pattern)


def test_every_custom_format_of_the_specs_has_a_strategy_registered() -> None:
    from schemathesis.specs.openapi.formats import STRING_FORMATS

    used = {
        node["format"]
        for provider in harness.PROVIDERS.values()
        for node in _walk(provider.document.raw)
        if isinstance(node, Mapping) and isinstance(node.get("format"), str)
    }
    assert {"local-date-time", "offset-date", "iana-time-zone"} <= used
    assert set(strategies.FORMATS) <= set(STRING_FORMATS), "hooks.py registers them on import"


# 2-8. Which operations each hook runs on -------------------------------------------------------------


@pytest.fixture(scope="module", params=sorted(harness.PROVIDERS))
def loaded(request: pytest.FixtureRequest) -> list[Any]:
    """schemathesis' operations of one provider's spec, loaded with the suite's config."""
    provider = harness.get_provider(request.param)
    config = harness.build_config(provider, base_url="http://localhost", token=provider.demo_token)
    schema = harness.load_schema(provider, config)
    return [result.ok() for result in schema.get_all_operations()]


def test_every_loaded_operation_is_a_spec_operation(loaded: list[Any]) -> None:
    for api_operation in loaded:
        op = hooks.operation_of(api_operation)
        assert op is not None and op.operation_id == api_operation.definition.raw["operationId"]


@pytest.mark.parametrize(
    ("hook", "predicate"),
    [
        (hooks.keep_rules, hooks.has_keepers),
        (hooks.narrow_windows, hooks.has_window),
        (hooks.use_issued_cursors, hooks.issues_cursors),
        (hooks.keep_demo_data, hooks.removes),
        (hooks.record_answers, hooks.records),
        (hooks.accept_broken_rules, hooks.has_rules),
        (hooks.accept_removed, hooks.has_resource),
    ],
)
def test_hooks_run_only_on_the_operations_their_extension_selects(
    hook: Any, predicate: Any, loaded: list[Any]
) -> None:
    selected = {op.label for op in loaded if hook.filter_set.applies_to(op)}
    expected = {op.label for op in loaded if predicate(hooks.operation_of(op))}
    assert selected == expected
    assert len(selected) < len(loaded), "a scoped hook runs on some operations only"


def test_every_scoped_hook_selects_some_operation() -> None:
    operations = _operations()
    for predicate in (hooks.has_keepers, hooks.has_window, hooks.issues_cursors, hooks.removes):
        assert any(predicate(op) for op in operations), predicate.__name__


def test_the_status_log_runs_on_every_operation(loaded: list[Any]) -> None:
    assert all(hooks.log_statuses.filter_set.applies_to(op) for op in loaded)


# 3. Windows ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("op", [op for op in _operations() if op.window], ids=lambda op: op.key)
def test_windows_are_narrowed_to_the_spec_limit_only_when_they_break_it(op: Operation) -> None:
    window = op.window
    assert window is not None
    start = datetime.datetime(2024, 6, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=9)))
    longest = datetime.timedelta(days=window.max_days)
    for end in (start, start + datetime.timedelta(hours=1), start + longest):
        query = {window.start: start.isoformat(), window.end: end.isoformat()}
        hooks.narrow_window(query, window)
        assert query == {window.start: start.isoformat(), window.end: end.isoformat()}, "kept"
    for end in (start - datetime.timedelta(seconds=1), start + longest + datetime.timedelta(seconds=1)):
        query = {window.start: start.isoformat(), window.end: end.isoformat()}
        hooks.narrow_window(query, window)
        assert query == {window.start: start.isoformat(), window.end: (start + longest).isoformat()}
    late = {window.start: "9999-12-31T00:00:00Z", window.end: "2024-06-01T00:00:00Z"}
    hooks.narrow_window(late, window)
    assert late[window.end] == "2024-06-01T00:00:00Z"
    assert late[window.start] == (datetime.datetime(2024, 6, 1, tzinfo=datetime.UTC) - longest).isoformat()
    unreadable = {window.start: "soon", window.end: "later"}
    hooks.narrow_window(unreadable, window)
    assert unreadable == {window.start: "soon", window.end: "later"}


# 4. Cursors ----------------------------------------------------------------------------------------


def test_only_issued_cursors_are_sent() -> None:
    op = next(op for op in _operations() if hooks.issues_cursors(op))
    assert op.pagination is not None and op.pagination.cursor is not None
    name = op.pagination.cursor
    query: dict[str, Any] = {name: "made-up"}
    hooks.use_issued_cursor(query, name, hooks.RUN.cursors.get(op.key, []))
    assert query == {}
    assert op.pagination.next_cursor is not None
    answer: dict[str, Any] = {}
    put(answer, op.pagination.next_cursor, "issued")
    hooks.record(op, 200, hooks.Call(path={}, response=answer))
    query = {name: "made-up"}
    hooks.use_issued_cursor(query, name, hooks.RUN.cursors[op.key])
    assert query == {name: "issued"}


# 5. Demo data --------------------------------------------------------------------------------------


def test_removals_stay_on_the_runs_own_data() -> None:
    delete, create = DR["deleteCalendar"], DR["createCalendar"]
    steered = {"calendar-id": "1"}
    hooks.protect(delete, steered, positive=False)
    assert steered == {"calendar-id": hooks.ABSENT_ID}, "a demo id is never removed"
    hooks.record(create, 200, hooks.Call(response={"result": {"id": "42"}}))
    foreign = {"calendar-id": "2"}
    hooks.protect(delete, foreign, positive=True)
    assert foreign == {"calendar-id": "42"}, "pointed at what the run created"
    own = {"calendar-id": "42"}
    hooks.protect(delete, own, positive=True)
    assert own == {"calendar-id": "42"}
    negative = {"calendar-id": ""}
    hooks.protect(delete, negative, positive=False)
    assert negative == {"calendar-id": ""}, "a negative case keeps its defect"
    hooks.record(delete, 200, hooks.Call(path={"calendar-id": "42"}))
    gone = {"calendar-id": "3"}
    hooks.protect(delete, gone, positive=True)
    assert gone == {"calendar-id": hooks.ABSENT_ID}, "what the run removed is no target any more"


def test_an_occurrence_of_an_owned_series_is_owned() -> None:
    hooks.record(
        DR["createEvent"], 200, hooks.Call(path={"calendar-id": "9"}, response={"result": {"id": "7"}})
    )
    path = {"calendar-id": "9", "event-id": "7-20240604T010000Z"}
    hooks.protect(DR["deleteEvent"], path, positive=True)
    assert path == {"calendar-id": "9", "event-id": "7-20240604T010000Z"}


def test_lineworks_removals_are_redirected_to_events_they_can_address() -> None:
    created = {"eventComponents": [{"eventId": "e-cal"}], "organizerCalendarId": "cal-b"}
    hooks.record(
        LW["createEvent"], 201, hooks.Call(path={"userId": "me", "calendarId": "cal-b"}, response=created)
    )
    by_default = {"eventComponents": [{"eventId": "e-def"}], "organizerCalendarId": "cal-d"}
    hooks.record(
        LW["createEventInDefaultCalendar"], 201, hooks.Call(path={"userId": "me"}, response=by_default)
    )
    path = {"userId": "someone", "eventId": "event-fixture-timed"}
    hooks.protect(LW["deleteEventInDefaultCalendar"], path, positive=False)
    assert path == {"userId": "me", "eventId": "e-def"}, "only an event created through the default calendar"
    path = {"userId": "someone", "calendarId": "x", "eventId": "y"}
    hooks.protect(LW["deleteEvent"], path, positive=True)
    assert path == {"userId": "me", "calendarId": "cal-b", "eventId": "e-cal"}, "the oldest, with its user"


def test_ids_the_registry_steers_a_removal_to_are_left_alone() -> None:
    provider = harness.PROVIDERS["lineworks"]
    for operation_id, steering in provider.operation_ids.items():
        op = LW[operation_id]
        for key, values in steering.items():
            path = {key.removeprefix("path."): values[0], "userId": "me"}
            hooks.protect(op, path, positive=True)
            assert path[key.removeprefix("path.")] == values[0]


# 6-7. What the run learns, and removals schemathesis can't see ---------------------------------------


def _lineworks_event(calendar: str, event: str) -> hooks.Call:
    return hooks.Call(
        path={"userId": "me", "calendarId": calendar, "eventId": event},
        response={"eventComponents": [{"eventId": event}], "organizerCalendarId": calendar},
    )


def test_a_deleted_calendar_takes_its_events() -> None:
    delete, get = LW["deleteCalendar"], LW["getEvent"]
    assert not hooks.removed(get, _lineworks_event("cal-a", "e1"))
    hooks.record(delete, 404, hooks.Call(path={"calendarId": "cal-a"}))
    assert not hooks.removed(get, _lineworks_event("cal-a", "e1")), "a failed delete removes nothing"
    hooks.record(delete, 204, hooks.Call(path={"calendarId": "cal-a"}))
    assert hooks.removed(get, _lineworks_event("cal-a", "e1"))
    assert not hooks.removed(get, _lineworks_event("cal-b", "e1"))


def test_default_calendar_removals_match_the_calendar_the_run_learned() -> None:
    """`organizerCalendarId` names the default calendar; a 204 and a 404 are completed from it."""
    by_default = LW["getEventInDefaultCalendar"]
    hooks.record(
        by_default, 200, hooks.Call(path={"userId": "me", "eventId": "e3"}, response=_body("cal-d", "e3"))
    )
    hooks.record(LW["deleteEventInDefaultCalendar"], 204, hooks.Call(path={"userId": "me", "eventId": "e3"}))
    assert hooks.removed(LW["getEvent"], _lineworks_event("cal-d", "e3"))
    assert not hooks.removed(LW["getEvent"], _lineworks_event("cal-x", "e3")), "same id, another calendar"
    not_found = hooks.Call(path={"userId": "me", "eventId": "e3"}, response={"code": "NOT_FOUND"})
    assert hooks.removed(by_default, not_found), "the 404's calendar is the one learned"
    hooks.record(
        LW["deleteEvent"], 204, hooks.Call(path={"userId": "me", "calendarId": "cal-b", "eventId": "e2"})
    )
    hooks.record(
        by_default, 200, hooks.Call(path={"userId": "me", "eventId": "e2"}, response=_body("cal-d", "e2"))
    )
    no_body = hooks.Call(path={"userId": "me", "eventId": "e2"})
    assert not hooks.removed(by_default, no_body), "e2 was deleted from cal-b; the default calendar's stays"


def test_a_calendar_no_answer_named_matches_any() -> None:
    hooks.record(LW["deleteEventInDefaultCalendar"], 204, hooks.Call(path={"userId": "me", "eventId": "e5"}))
    assert hooks.removed(LW["getEvent"], _lineworks_event("cal-q", "e5"))
    assert not hooks.removed(LW["getEvent"], _lineworks_event("cal-q", "e6"))


def _body(calendar: str, event: str) -> dict[str, Any]:
    return {"eventComponents": [{"eventId": event}], "organizerCalendarId": calendar}


def test_dooray_deletes_honour_delete_type_and_series() -> None:
    delete, get = DR["deleteEvent"], DR["getEvent"]

    def at(event: str) -> hooks.Call:
        return hooks.Call(path={"calendar-id": "9", "event-id": event})

    hooks.record(delete, 200, hooks.Call(path={"calendar-id": "9", "event-id": "7-20240604T010000Z"}))
    assert hooks.removed(get, at("7-20240604T010000Z"))
    assert not hooks.removed(get, at("7")) and not hooks.removed(get, at("7-20240611T010000Z")), "`this`"
    whole = hooks.Call(
        path={"calendar-id": "9", "event-id": "8-20240604T010000Z"}, body={"deleteType": "whole"}
    )
    hooks.record(delete, 200, whole)
    assert hooks.removed(get, at("8")) and hooks.removed(get, at("8-20240611T010000Z"))
    assert not hooks.removed(get, hooks.Call(path={"calendar-id": "10", "event-id": "8"})), "another calendar"


# 8. Rules ------------------------------------------------------------------------------------------


def test_every_rule_in_the_specs_has_a_checker_and_every_checker_a_rule() -> None:
    named = {(op.provider, rule.name) for op in _operations() for rule in op.rules}
    checked = {(provider, name) for provider, checkers in rules.CHECKERS.items() for name in checkers}
    assert named == checked
    kept = {(provider, name) for provider, keepers in rules.KEEPERS.items() for name in keepers}
    assert kept <= named


def _lw(operation_id: str, *components: dict[str, Any], event_id: str = "e1") -> rules.Request:
    path = {"userId": "me", "calendarId": "c", "eventId": event_id}
    return rules.Request(LW[operation_id], body={"eventComponents": list(components)}, path=path)


def _at(day: str, time: str | None = None, zone: str = "Asia/Seoul") -> dict[str, Any]:
    return {"date": day} if time is None else {"dateTime": f"{day}T{time}", "timeZone": zone}


def test_lineworks_rules() -> None:
    timed = {"start": _at("2024-06-01", "10:00:00"), "end": _at("2024-06-01", "11:00:00")}
    assert rules.verdicts(_lw("updateEvent", {**timed, "eventId": "e1"})) == dict.fromkeys(
        ["start-end-same-kind", "end-not-before-start", "one-main-component", "same-event-id"]
        + ["recurrence-valid", "path-event-id"],
        False,
    )
    mixed = {"start": _at("2024-06-01"), "end": _at("2024-06-01", "11:00:00")}
    assert rules.start_end_same_kind(_lw("createEvent", mixed))
    before = {"start": _at("2024-06-01", "10:00:00"), "end": _at("2024-06-01", "10:00:00", "Asia/Tokyo")}
    assert not rules.lineworks_end_not_before_start(_lw("createEvent", before)), "the same instant"
    earlier = {"start": _at("2024-06-01", "10:00:00", "Asia/Tokyo"), "end": _at("2024-06-01", "09:59:59")}
    assert rules.lineworks_end_not_before_start(_lw("createEvent", earlier))
    assert rules.lineworks_end_not_before_start(
        _lw("createEvent", {"start": _at("2024-06-02"), "end": _at("2024-06-01")})
    )
    no_zone = {"start": {"dateTime": "2024-06-01T10:00:00"}, "end": _at("2024-06-01", "09:00:00")}
    assert rules.lineworks_end_not_before_start(_lw("createEvent", no_zone)) is None, "the user's zone"
    exception = {**timed, "recurringEventId": "20240601T100000"}
    assert not rules.one_main_component(_lw("createEvent", timed, exception))
    assert rules.one_main_component(_lw("createEvent", timed, timed))
    assert rules.same_event_id(_lw("createEvent", {**timed, "eventId": "a"}, {**exception, "eventId": "b"}))
    assert rules.path_event_id(_lw("updateEvent", {**timed, "eventId": "other"}))
    assert not rules.path_event_id(_lw("updateEvent", timed))


@pytest.mark.parametrize(
    ("lines", "broken"),
    [
        (["RRULE:FREQ=WEEKLY;BYDAY=MO"], False),
        (["RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"], True),  # never occurs
        (["RRULE:FREQ=DAILY;INTERVAL=0"], True),
        (["EXRULE:FREQ=DAILY"], True),
        (["RRULE:FREQ=SOMETIMES"], True),
    ],
)
def test_lineworks_recurrence_is_judged_by_the_fakes_parser(lines: list[str], broken: bool) -> None:
    component = {
        "start": _at("2024-06-03", "10:00:00"),
        "end": _at("2024-06-03", "11:00:00"),
        "recurrence": lines,
    }
    assert rules.recurrence_valid(_lw("createEvent", component)) is broken


def _dr(operation_id: str, body: dict[str, Any], event_id: str = "5") -> rules.Request:
    return rules.Request(DR[operation_id], body=body, path={"calendar-id": "1", "event-id": event_id})


def test_dooray_rules_on_create() -> None:
    timed = {"subject": "s", "startedAt": "2024-06-01T10:00:00+09:00", "endedAt": "2024-06-01T11:00:00+09:00"}
    assert not rules.may_be_refused(_dr("createEvent", timed))
    assert rules.times_same_kind(_dr("createEvent", {**timed, "endedAt": "2024-06-02+09:00"}))
    assert rules.times_same_kind(_dr("createEvent", {**timed, "wholeDayFlag": True}))
    assert not rules.times_same_kind(_dr("createEvent", {**timed, "wholeDayFlag": False}))
    assert rules.dooray_end_not_before_start(_dr("createEvent", {**timed, "endedAt": "2024-06-01T00:59:59Z"}))
    assert not rules.dooray_end_not_before_start(
        _dr("createEvent", {**timed, "endedAt": "2024-06-01T01:00:00Z"})
    )
    day = {"subject": "s", "startedAt": "2024-06-01+09:00", "endedAt": "2024-06-01+10:00"}
    assert rules.dooray_end_not_before_start(_dr("createEvent", day)), "midnight at +10:00 is earlier"


@pytest.mark.parametrize(
    ("rule", "broken"),
    [
        ({"frequency": "weekly", "byday": "MO,2 TU", "timezoneName": "Asia/Seoul"}, False),
        ({"frequency": "daily", "until": "2024-06-01T00:00:00+09:00"}, True),  # ends before it starts
        ({"frequency": "yearly", "bymonth": "2", "bymonthday": "30"}, True),  # never occurs
        ({"frequency": "daily", "timezoneName": "Mars/Olympus"}, True),
    ],
)
def test_dooray_rules_are_judged_by_the_fakes_parser(rule: dict[str, Any], broken: bool) -> None:
    body = {
        "startedAt": "2024-06-03T10:00:00+09:00",
        "endedAt": "2024-06-03T11:00:00+09:00",
        "recurrenceRule": rule,
    }
    assert rules.rule_occurs(_dr("createEvent", {"subject": "s", **body})) is broken


def test_dooray_updates_that_depend_on_the_stored_event_cant_be_told() -> None:
    assert rules.verdicts(_dr("updateEvent", {"subject": "new"})) == dict.fromkeys(
        ["times-same-kind", "end-not-before-start", "rule-occurs"]
        + ["whole-day-change-with-times", "no-rule-on-occurrence"],
        False,
    )
    only_end = rules.verdicts(_dr("updateEvent", {"endedAt": "2024-06-01T11:00:00+09:00"}))
    assert only_end["end-not-before-start"] is None and only_end["times-same-kind"] is None
    assert rules.verdicts(_dr("updateEvent", {"wholeDayFlag": True}))["whole-day-change-with-times"] is None
    moved = rules.verdicts(
        _dr("updateEvent", {"startedAt": "2024-06-01T10:00:00+09:00", "endedAt": "2024-06-01T11:00:00+09:00"})
    )
    assert moved["rule-occurs"] is None, "a stored rule may stop occurring"
    assert moved["end-not-before-start"] is False and moved["times-same-kind"] is False
    rule = {"recurrenceRule": {"frequency": "daily"}}
    assert rules.no_rule_on_occurrence(_dr("updateEvent", rule, event_id="5-20240604T010000Z"))
    assert not rules.no_rule_on_occurrence(_dr("updateEvent", rule, event_id="5"))


def _failure(check: str) -> Any:
    return SimpleNamespace(checks=(check,))


def _case(op: Operation, body: Any, path: dict[str, Any], *, positive: bool = True) -> Any:
    meta = SimpleNamespace(
        generation=SimpleNamespace(mode=SimpleNamespace(is_positive=positive)),
        phase=SimpleNamespace(name=SimpleNamespace(value="fuzzing"), data=None),
    )
    return SimpleNamespace(body=body, path_parameters=path, query={}, meta=meta)


def _context(op: Operation) -> Any:
    return SimpleNamespace(operation=SimpleNamespace(method=op.method.lower(), path=op.path, label=op.key))


def test_a_positive_400_is_accepted_only_when_a_rule_is_broken() -> None:
    op = DR["createEvent"]
    valid = {"subject": "s", "startedAt": "2024-06-01T10:00:00+09:00", "endedAt": "2024-06-01T11:00:00+09:00"}
    reversed_ = {**valid, "endedAt": "2024-06-01T09:00:00+09:00"}
    path = {"calendar-id": "1"}
    refused = SimpleNamespace(status_code=400, content=b"{}")

    def kept(failure: str, body: Any, response: Any = refused) -> bool:
        return bool(
            hooks.accept_broken_rules(_context(op), _failure(failure), _case(op, body, path), response)
        )

    assert not kept("positive_data_acceptance", reversed_), "the documented 400"
    assert kept("positive_data_acceptance", valid), "a valid request refused is a failure"
    assert kept("positive_data_acceptance", reversed_, SimpleNamespace(status_code=422, content=b"")), (
        "not 400"
    )
    assert kept("response_schema_conformance", reversed_)


def test_created_then_not_found_is_dropped_only_after_a_matching_removal() -> None:
    op = DR["getEvent"]
    missing = SimpleNamespace(status_code=404, content=b'{"header": {"isSuccessful": false}}')
    case = _case(op, None, {"calendar-id": "9", "event-id": "7"})

    def kept() -> bool:
        return bool(
            hooks.accept_removed(_context(op), _failure("ensure_resource_availability"), case, missing)
        )

    assert kept()
    hooks.record(DR["deleteEvent"], 200, hooks.Call(path={"calendar-id": "9", "event-id": "7"}))
    assert not kept()
    assert hooks.accept_removed(_context(op), _failure("use_after_free"), case, missing)


# The hooks name no operation, no window length -------------------------------------------------------

OPERATION_LIKE = re.compile(r"^(list|get|create|update|delete|remove|replace|add|set|leave)[A-Z][A-Za-z]*$")


def _spec_names() -> tuple[set[str], set[str]]:
    """(operationIds, property and parameter names) of both specs."""
    operation_ids = {op.operation_id for op in _operations()}
    names: set[str] = set()
    for provider in harness.PROVIDERS.values():
        for node in _walk(provider.document.raw):
            if isinstance(node, Mapping):
                names.update(k for k in (node.get("properties") or {}) if isinstance(k, str))
                if isinstance(node.get("name"), str) and "in" in node:
                    names.add(node["name"])
    return operation_ids, names


def _string_literals(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


@pytest.mark.parametrize("path", sorted(CONTRACT_DIR.glob("*.py")), ids=lambda p: p.name)
def test_the_contract_code_names_no_operation(path: Path) -> None:
    """Every per-operation fact comes from the extensions: no operationId, existing or stale, is written."""
    operation_ids, names = _spec_names()
    literals = _string_literals(path)
    assert not literals & operation_ids
    stale = {s for s in literals if OPERATION_LIKE.match(s) and s not in names}
    assert not stale, f"operationId-like strings that name no operation: {sorted(stale)}"


def test_every_operation_id_the_registry_and_the_specs_name_exists() -> None:
    operation_ids, _ = _spec_names()
    for provider in harness.PROVIDERS.values():
        ids = {op.operation_id for op in provider.document.operations}
        assert set(provider.operation_ids) <= ids, provider.name
        for node in _walk(provider.document.raw):
            if not isinstance(node, Mapping):
                continue
            for key, value in node.items():
                if key == "operationId" and isinstance(value, str):
                    assert value in ids, value  # operations and their links
                if isinstance(key, str) and key.startswith("x-calspec-"):
                    named = {s for s in _walk(value) if isinstance(s, str) and OPERATION_LIKE.match(s)}
                    assert named <= operation_ids, (key, named)


@pytest.mark.parametrize("name", ["hooks.py", "harness.py"])
def test_no_window_length_is_written_in_the_hooks(name: str) -> None:
    lengths = {op.window.max_days for op in _operations() if op.window is not None}
    text = (CONTRACT_DIR / name).read_text(encoding="utf-8")
    tree = ast.parse(text)
    numbers = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, int)
    }
    assert not numbers & lengths and "days=" not in text
