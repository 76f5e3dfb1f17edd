"""Schemathesis hooks of the contract suite (loaded through the `hooks` setting of `config_dict`).

Both list operations take a time window whose limits JSON Schema cannot state: the end after the start,
at most 31 days (LINE WORKS) or a year (Dooray). A schema-valid random window almost always breaks them,
the server rightly answers 400, and `positive_data_acceptance` reports valid data rejected. For positive
cases only, an out-of-limits window is narrowed to a week from its start, so the check stays strict and
fuzzing still reaches the list logic with odd dates and offsets. Negative cases are left alone; windows
that are too long or reversed are covered by the fake's own tests and the client end-to-end tests.
"""

from __future__ import annotations

import datetime
from typing import Any

import schemathesis

# operationId -> (start parameter, end parameter, longest window)
WINDOWS: dict[str, tuple[str, str, datetime.timedelta]] = {
    "lineworks:listEvents": ("fromDateTime", "untilDateTime", datetime.timedelta(days=31)),
    "dooray:listEvents": ("timeMin", "timeMax", datetime.timedelta(days=365)),
}
NARROWED = datetime.timedelta(days=7)


def _parse(value: object) -> datetime.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def narrow_window(query: dict[str, Any], start_name: str, end_name: str, longest: datetime.timedelta) -> None:
    """Make `query`'s window valid in place when both ends parse and it breaks the limits."""
    start, end = _parse(query.get(start_name)), _parse(query.get(end_name))
    if start is None or end is None or datetime.timedelta(0) < end - start <= longest:
        return
    try:
        query[end_name] = (start + NARROWED).isoformat()
    except OverflowError:
        query[start_name] = (end - NARROWED).isoformat()


def _key(case: Any) -> str:
    operation_id = case.operation.definition.raw.get("operationId", "")
    provider = "dooray" if case.operation.path.startswith("/calendar/") else "lineworks"
    return f"{provider}:{operation_id}"


@schemathesis.hook
def map_case(context: Any, case: Any) -> Any:
    """Narrow the window of positive list cases (see the module docstring)."""
    window = WINDOWS.get(_key(case))
    meta = getattr(case, "meta", None)
    if window is None or meta is None or not meta.generation.mode.is_positive or not case.query:
        return case
    narrow_window(case.query, *window)
    return case
