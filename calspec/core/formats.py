"""The string formats the specs use, checked one way wherever a spec is read (lint, fake).

`local-date-time` (LINE WORKS' wall-clock time), `offset-date` (Dooray's all-day date) and
`iana-time-zone` (a name in the IANA time zone database) are the specs' own; `date-time` is RFC 3339
with the `T` and the offset required; `uri` is judged by jsonschema_rs, as schemathesis judges it.
No optional extras: what passes here passes everywhere.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

import jsonschema_rs
from jsonschema import FormatChecker

# RFC 3339 date-time: a 'T' and an offset are required (datetime.fromisoformat alone accepts less).
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LOCAL_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")
_OFFSET_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(Z|[+-]\d{2}:\d{2})$")
_OFFSET = re.compile(r"^([+-])(\d{2}):(\d{2})$")


@lru_cache(maxsize=4096)  # a request's times are read by its format check, then by its handler
def parse_date_time(value: str) -> datetime:
    """An RFC 3339 date-time (offset required) as an aware datetime; ValueError otherwise."""
    if not _DATE_TIME.match(value):
        raise ValueError(f"not an RFC 3339 date-time with offset: {value!r}")
    normalised = value[:10] + "T" + value[11:]
    if normalised.endswith(("z", "Z")):
        normalised = normalised[:-1] + "+00:00"
    dot = normalised.find(".")
    if dot != -1:  # fromisoformat takes at most 6 fraction digits: truncate, keep the offset
        end = dot + 1
        while end < len(normalised) and normalised[end].isdigit():
            end += 1
        normalised = normalised[: min(end, dot + 7)] + normalised[end:]
    parsed = datetime.fromisoformat(normalised)
    if parsed.tzinfo is None:  # pragma: no cover - the pattern requires an offset
        raise ValueError("offset required")
    return parsed


def parse_offset(text: str) -> int:
    """'Z' or '+09:00' as seconds east of UTC; ValueError when out of range."""
    if text in ("Z", "z"):
        return 0
    match = _OFFSET.match(text)
    if not match:
        raise ValueError(f"not an offset: {text!r}")
    hours, minutes = int(match.group(2)), int(match.group(3))
    if hours > 23 or minutes > 59:
        raise ValueError(f"offset out of range: {text!r}")
    seconds = hours * 3600 + minutes * 60
    return -seconds if match.group(1) == "-" else seconds


def parse_offset_date(value: str) -> tuple[date, int]:
    """Dooray's all-day value `2015-09-08+09:00` as (date, offset seconds)."""
    match = _OFFSET_DATE.match(value)
    if not match:
        raise ValueError(f"not a date with offset: {value!r}")
    return date.fromisoformat(match.group(1)), parse_offset(match.group(2))


def _check_date_time(value: object) -> bool:
    if isinstance(value, str):
        parse_date_time(value)
    return True


def _check_date(value: object) -> bool:
    if isinstance(value, str):
        if not _DATE.match(value):
            raise ValueError("not YYYY-MM-DD")
        date.fromisoformat(value)
    return True


def _check_local_date_time(value: object) -> bool:
    if isinstance(value, str):
        if not _LOCAL_DATE_TIME.match(value):
            raise ValueError("not YYYY-MM-DDTHH:mm:ss")
        datetime.fromisoformat(value)
    return True


def _check_offset_date(value: object) -> bool:
    if isinstance(value, str):
        parse_offset_date(value)
    return True


# RFC 3986 absolute URIs, judged by jsonschema_rs (pinned in requirements.lock) so the fake agrees
# with schemathesis, which uses it for its own format checks.
_URI = jsonschema_rs.validator_for({"type": "string", "format": "uri"}, validate_formats=True)


def _check_uri(value: object) -> bool:
    if isinstance(value, str) and not _URI.is_valid(value):
        raise ValueError("not an absolute URI")
    return True


@lru_cache(maxsize=1024)
def is_time_zone(name: str) -> bool:
    """Whether `name` is a zone of the IANA database this Python knows (tzdata)."""
    if not name or name != name.strip() or "\x00" in name or len(name) > 64:
        return False
    try:
        ZoneInfo(name)
    except Exception:  # ZoneInfoNotFoundError, ValueError for paths and odd keys
        return False
    return True


def _check_time_zone(value: object) -> bool:
    if isinstance(value, str) and not is_time_zone(value):
        raise ValueError("not an IANA time zone name")
    return True


def _checker() -> FormatChecker:
    """Only the formats the specs use, checked the same way wherever this runs (no optional extras)."""
    checker = FormatChecker(formats=())
    checker.checks("date-time", raises=ValueError)(_check_date_time)
    checker.checks("date", raises=ValueError)(_check_date)
    checker.checks("local-date-time", raises=ValueError)(_check_local_date_time)
    checker.checks("offset-date", raises=ValueError)(_check_offset_date)
    checker.checks("uri", raises=ValueError)(_check_uri)
    checker.checks("iana-time-zone", raises=ValueError)(_check_time_zone)
    return checker


FORMAT_CHECKER = _checker()
