"""Every spec example is a seed document's example plus the corrections listed in
spec/corrections.yaml, and every corrected example is valid against the schema it documents.

The extraction itself is checked against facts that a careless cleaning would break
(glued line numbers eating digits of values, the Korean and Japanese pages disagreeing).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import seed_examples as se
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from calspec.core.formats import FORMAT_CHECKER

# Without the seed documents every test that reads them skips (seed_examples.MISSING says why); the
# spec's own example names stand in as parameters so the skips are listed by name.
JSON_EXAMPLES = sorted(se.raw_example_texts()) if se.SEEDS else sorted(se.spec_example_names())
QUERY_EXAMPLES = [("dooray", "ListEventsQuery"), ("dooray", "ListEventsQueryParams")]
ALL_EXAMPLES = JSON_EXAMPLES + QUERY_EXAMPLES

SPEC_URI = "urn:calspec:spec"


def _id(key: se.Key) -> str:
    return f"{key[0]}/{key[1]}"


@pytest.fixture(scope="module")
def raw() -> dict[se.Key, Any]:
    return se.raw_examples()


@pytest.fixture(scope="module")
def corrections() -> list[dict[str, Any]]:
    return se.load_corrections()


def _lw(raw: dict[se.Key, Any], name: str) -> Any:
    return raw[("lineworks", name)]


def _diff(a: Any, b: Any, path: str = "") -> Iterator[str]:
    """JSON pointers where two documents differ (missing keys, other values, other types)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in a.keys() | b.keys():
            if key not in a or key not in b:
                yield f"{path}/{key}"
            else:
                yield from _diff(a[key], b[key], f"{path}/{key}")
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            yield from _diff(x, y, f"{path}/{i}")
    elif a != b or type(a) is not type(b):
        yield path


# --- extraction ---------------------------------------------------------------------------


@pytest.mark.parametrize("key", JSON_EXAMPLES, ids=_id)
def test_seed_example_is_json(key: se.Key) -> None:
    """Cleaning leaves nothing but JSON: no stray line numbers or comments."""
    value = json.loads(se.raw_example_texts()[key])
    assert isinstance(value, dict)


def test_line_numbers_count_up_to_the_documented_last_line() -> None:
    """Each example's numbering ended where the page's did, so no line number was missed."""
    assert se.line_counts() == {
        ("lineworks", "CreateEventRequestKo"): 84,
        ("lineworks", "CreateEventResponseKo"): 99,
        ("lineworks", "CreateEventRequestJa"): 90,
        ("lineworks", "CreateEventResponseJa"): 100,
        ("lineworks", "ListEventsResponseKo"): 103,
    }


def test_glued_numbers_are_split_sequentially() -> None:
    """Values ending in digits keep them: '066' is 6 then line 6, '88}' is 8 then line 8."""
    glued = '1{2  "a": 0,3  "b": {4  "c": "3 4",5  "d": 485066  },7  "e": 88}Bad Request'
    text, lines = se.strip_glued_line_numbers(glued)
    assert json.loads(text) == {"a": 0, "b": {"c": "3 4", "d": 48506}, "e": 8}
    assert lines == 8


def test_glued_examples_keep_digit_values(raw: dict[se.Key, Any]) -> None:
    """The values that sit right before a glued number survived (Japanese page has 48506)."""
    for name in ("CreateEventRequestKo", "CreateEventResponseKo"):
        assert _lw(raw, name)["eventComponents"][0]["priority"] == 0
    for event in (
        _lw(raw, "CreateEventResponseKo"),
        _lw(raw, "CreateEventResponseJa"),
        _lw(raw, "ListEventsResponseKo")["events"][0],
    ):
        assert event["eventComponents"][0]["attachments"][0]["fileSize"] == 48506
    for name in (
        "CreateEventRequestKo",
        "CreateEventRequestJa",
        "CreateEventResponseKo",
        "CreateEventResponseJa",
    ):
        assert len(_lw(raw, name)["eventComponents"][0]["attendees"]) == 4
    assert _lw(raw, "CreateEventRequestKo")["sendNotification"] is False


def _time_zone_paths(prefix: str) -> set[str]:
    return {f"{prefix}/{p}/timeZone" for p in ("start", "end")}


def test_korean_and_japanese_requests_agree(raw: dict[se.Key, Any]) -> None:
    """The two pages show the same request; only the known differences differ."""
    e = "/eventComponents/0"
    known = {
        *_time_zone_paths(e),  # Asia/Seoul vs Asia/Tokyo
        f"{e}/reminders/1/triggerDateTime/timeZone",
        f"{e}/recurrence/1",  # EXDATE;TZID=Asia/Seoul vs Asia/Tokyo
        f"{e}/recurringEventId",
        f"{e}/organizer",  # only ja documents organizer in the request
        f"{e}/priority",  # only ko has priority ...
        "/sendNotification",  # ... and sendNotification
        *(f"{e}/attendees/{i}/isExternalResouce" for i in range(4)),  # only ja, misspelt
    }
    ko, ja = _lw(raw, "CreateEventRequestKo"), _lw(raw, "CreateEventRequestJa")
    assert set(_diff(ko, ja)) == known
    assert "Asia/Tokyo" in ja["eventComponents"][0]["recurringEventId"]


def test_korean_and_japanese_responses_agree(raw: dict[se.Key, Any]) -> None:
    """Same for the 201 response: ja lacks viewUrl, priority and organizerCalendarId."""
    e = "/eventComponents/0"
    known = {
        *_time_zone_paths(e),
        f"{e}/createdTime/timeZone",
        f"{e}/updatedTime/timeZone",
        f"{e}/organizer/displayName",
        f"{e}/viewUrl",
        f"{e}/priority",
        "/organizerCalendarId",
        *(f"{e}/attendees/{i}/isExternalResouce" for i in range(4)),
    }
    ko, ja = _lw(raw, "CreateEventResponseKo"), _lw(raw, "CreateEventResponseJa")
    assert set(_diff(ko, ja)) == known


def test_list_item_is_the_create_response(raw: dict[se.Key, Any]) -> None:
    """Page 002's list item is page 000's response, so both cleanings must agree."""
    events = _lw(raw, "ListEventsResponseKo")["events"]
    assert events == [_lw(raw, "CreateEventResponseKo")]


def test_commented_json_keeps_urls_and_mistakes(raw: dict[se.Key, Any]) -> None:
    """'//' inside strings is not a comment; documented mistakes are kept as written."""
    assert se.clean_commented_json('{"u": "https://x/y", // c\n "a": [1,], /* d */}') == (
        '{"u": "https://x/y", \n "a": [1] }'
    )
    calendars = raw[("dooray", "ListCalendarsResponse")]
    assert calendars["totalCount"] == "2"
    assert calendars["result"][0]["me"]["default"] == "true"
    event = raw[("dooray", "GetEventResponse")]["result"]
    assert "organiztaionMemberId" in event["users"]["to"][0]["member"]
    assert event["files"][0]["size"] == ""
    listed = raw[("dooray", "ListEventsResponse")]["result"]
    assert listed[0]["conferencing"]["url"].startswith("https://www.roundee.io/")
    assert [item["uid"] for item in listed] == [
        "1@dooray.com",
        "3@dooray.com",
        "3234234+post@dooray.com",
        "12+milestone@dooray.com",
    ]


def test_query_examples_keep_plus_and_quotes(raw: dict[se.Key, Any]) -> None:
    """The '+' of the offset is not turned into a space; the document's quotes are kept raw."""
    assert raw[("dooray", "ListEventsQuery")] == {
        "calendars": "1,2,3",
        "timeMin": '"2020-08-01T00:00:00+09:00"',
        "timeMax": '"2020-09-01T00:00:00+09:00"',
    }
    assert raw[("dooray", "ListEventsQueryParams")] == {
        "timeMin": '"2014-10-08T09:30:00+09:00"',
        "timeMax": '"2014-10-09T09:30:00+09:00"',
        "calendars": "1,2,3,4",
        "postType": "toMe",
        "category": "general",
    }


# --- corrections --------------------------------------------------------------------------


def test_corrections_are_well_formed(raw: dict[se.Key, Any], corrections: list[dict[str, Any]]) -> None:
    """Every entry names a known example, an action with its argument, and a one-line reason."""
    names = {_id(key) for key in raw}
    for c in corrections:
        assert c["example"] in names, c
        assert str(c["pointer"]).startswith("/"), c
        required = {"rename": {"to"}, "set": {"value"}, "delete": set[str]()}[c["action"]]
        assert set(c) == {"example", "pointer", "action", "why"} | required, c
        assert isinstance(c["why"], str) and c["why"].strip() and "\n" not in c["why"], c


def test_every_correction_hits_the_raw_example(
    raw: dict[se.Key, Any], corrections: list[dict[str, Any]]
) -> None:
    """A correction whose target is not in the document is stale; applying raises then."""
    for key, value in raw.items():
        se.apply_corrections(key, value, corrections)


def _spec_example(provider: str, name: str) -> Any:
    examples = se.load_spec(provider).get("components", {}).get("examples", {})
    assert name in examples, f"spec/{provider}/calendar.yaml has no components/examples/{name}"
    return examples[name]["value"]


@pytest.mark.parametrize("key", JSON_EXAMPLES, ids=_id)
def test_spec_example_is_seed_plus_corrections(
    key: se.Key, raw: dict[se.Key, Any], corrections: list[dict[str, Any]]
) -> None:
    """The spec's example is exactly the document's, changed only where corrections say."""
    expected = se.apply_corrections(key, raw[key], corrections)
    actual = _spec_example(*key)
    assert sorted(_diff(expected, actual)) == []


# --- schema validation --------------------------------------------------------------------


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _resolve(spec: Any, ref: str) -> Any:
    node = spec
    for token in ref.removeprefix("#/").split("/"):
        node = node[token.replace("~1", "/").replace("~0", "~")]
    return node


def _media_schema_pointers(spec: Any, name: str) -> list[str]:
    """JSON pointers (in the spec) of the media-type schemas whose examples use `name`."""
    target = f"#/components/examples/{name}"
    found = []
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            if not isinstance(op, dict) or method == "parameters":
                continue
            bodies: list[tuple[str, Any]] = []
            if "requestBody" in op:
                bodies.append((f"/paths/{_escape(path)}/{method}/requestBody", op["requestBody"]))
            for status, response in op.get("responses", {}).items():
                if str(status) in {"200", "201"}:
                    bodies.append(
                        (
                            f"/paths/{_escape(path)}/{method}/responses/{status}",
                            response,
                        )
                    )
            for where, body in bodies:
                if "$ref" in body:
                    where, body = body["$ref"][1:], _resolve(spec, body["$ref"])
                for media_type, media in body.get("content", {}).items():
                    refs = [ex.get("$ref") for ex in media.get("examples", {}).values()]
                    if target in refs:
                        found.append(f"{where}/content/{_escape(media_type)}/schema")
    return found


def _validator(spec: Any, pointer: str) -> Draft202012Validator:
    """A validator for the schema at `pointer`, with `#/components/...` refs into the spec."""
    registry: Registry[Any] = Registry().with_resource(SPEC_URI, DRAFT202012.create_resource(spec))
    return Draft202012Validator(
        {"$ref": f"{SPEC_URI}#{pointer}"},
        registry=registry,
        format_checker=FORMAT_CHECKER,
    )


def _errors(validator: Draft202012Validator, instance: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
        for e in validator.iter_errors(instance)
    ]


@pytest.mark.parametrize("key", JSON_EXAMPLES, ids=_id)
def test_corrected_example_is_valid(
    key: se.Key, raw: dict[se.Key, Any], corrections: list[dict[str, Any]]
) -> None:
    """The corrected example validates against every schema that cites it."""
    spec = se.load_spec(key[0])
    pointers = _media_schema_pointers(spec, key[1])
    assert pointers, f"no 200/201 response or request body of spec/{key[0]} cites {key[1]}"
    example = se.apply_corrections(key, raw[key], corrections)
    for pointer in pointers:
        assert _errors(_validator(spec, pointer), example) == [], pointer


def test_format_checker_knows_the_custom_formats() -> None:
    """Guards the test itself: a wrong wall-clock, all-day value or day no calendar has must fail."""
    checker = FORMAT_CHECKER
    assert checker.conforms("2021-12-13T14:00:00", "local-date-time")
    assert not checker.conforms("2021-12-13T14:00:00+09:00", "local-date-time")
    assert checker.conforms("2015-09-08+09:00", "offset-date")
    assert not checker.conforms("2015-09-08", "offset-date")
    assert not checker.conforms("2021-02-30T14:00:00", "local-date-time")
    assert not checker.conforms("2021-12-13 14:00:00+09:00", "date-time") and not checker.conforms("x", "uri")


LIST_EVENTS = "/calendar/v1/calendars/*/events"


def _list_events_parameters(spec: Any) -> dict[str, tuple[str, dict[str, Any]]]:
    """Query parameters of Dooray's list-events operation: name -> (pointer, parameter)."""
    base = f"/paths/{_escape(LIST_EVENTS)}"
    item = spec["paths"][LIST_EVENTS]
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    for where, params in (
        (f"{base}/parameters", item.get("parameters", [])),
        (f"{base}/get/parameters", item["get"].get("parameters", [])),
    ):
        for i, param in enumerate(params):
            pointer = f"{where}/{i}"
            if "$ref" in param:
                pointer, param = param["$ref"][1:], _resolve(spec, param["$ref"])
            if param.get("in") == "query":
                found[param["name"]] = (pointer, param)
    return found


@pytest.mark.parametrize("key", QUERY_EXAMPLES, ids=_id)
def test_query_example_is_valid(
    key: se.Key, raw: dict[se.Key, Any], corrections: list[dict[str, Any]]
) -> None:
    """The corrected query examples pass the list-events query parameters' schemas."""
    spec = se.load_spec("dooray")
    params = _list_events_parameters(spec)
    example = se.apply_corrections(key, raw[key], corrections)
    assert set(example) <= set(params), "the document uses a parameter the spec lacks"
    assert {n for n, (_, p) in params.items() if p.get("required")} <= set(example)
    for name, value in example.items():
        pointer, param = params[name]
        schema = param["schema"]
        if "$ref" in schema:
            schema = _resolve(spec, schema["$ref"])
        # style form, explode false: an array parameter travels as a comma list
        instance: Any = value.split(",") if schema.get("type") == "array" else value
        assert _errors(_validator(spec, f"{pointer}/schema"), instance) == [], name


def test_raw_query_quotes_would_fail(raw: dict[se.Key, Any]) -> None:
    """Why the quote correction exists: a quoted date-time is not a date-time."""
    assert not FORMAT_CHECKER.conforms(raw[("dooray", "ListEventsQuery")]["timeMin"], "date-time")
