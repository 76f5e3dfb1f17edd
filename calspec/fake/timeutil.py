"""Time helpers that never overflow: instants are compared as UTC epoch seconds (ints)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

_EPOCH = datetime(1970, 1, 1)
DAY = 86400


def wall_seconds(naive: datetime) -> int:
    """Seconds of a wall-clock time since 1970-01-01T00:00 on the same clock."""
    return int((naive.replace(tzinfo=None) - _EPOCH).total_seconds())


def epoch(value: datetime) -> int:
    """UTC epoch seconds of an aware datetime, without converting (year 1 with -23:59 is fine)."""
    offset = value.utcoffset()
    if offset is None:
        raise ValueError("naive datetime")
    return wall_seconds(value) - int(offset.total_seconds())


def date_epoch(day: date, offset_seconds: int) -> int:
    """Epoch seconds of midnight of `day` at a fixed UTC offset."""
    return wall_seconds(datetime(day.year, day.month, day.day)) - offset_seconds


def offset_of(value: datetime) -> int:
    offset = value.utcoffset()
    return 0 if offset is None else int(offset.total_seconds())


@lru_cache(maxsize=512)
def zone(name: str) -> tzinfo:
    """An IANA zone; ValueError for an unknown or malformed name."""
    try:
        return ZoneInfo(name)
    except Exception:  # ZoneInfoNotFoundError, ValueError for paths, ...
        raise ValueError(f"unknown time zone {name!r}") from None


def local_epoch(naive: datetime, zone_name: str) -> int:
    """Epoch seconds of a wall-clock time in an IANA zone."""
    return epoch(naive.replace(tzinfo=zone(zone_name)))


def wall_time(seconds: int) -> datetime:
    """The naive wall-clock time `seconds` after 1970-01-01T00:00 (clamped to the calendar's range)."""
    try:
        return _EPOCH + timedelta(seconds=seconds)
    except OverflowError:
        return datetime.min if seconds < 0 else datetime.max


def zoned_time(seconds: int, where: tzinfo) -> datetime:
    """An epoch second on the clock of `where`, clamped to what that clock can show (so a window
    that starts before the year 1 in UTC still starts before anything of a zone east of UTC)."""
    try:
        return (_EPOCH + timedelta(seconds=seconds)).replace(tzinfo=UTC).astimezone(where)
    except OverflowError:
        edge = datetime.min if seconds < 0 else datetime.max
        return edge.replace(tzinfo=where)


def utc_stamp(seconds: int) -> str:
    """`YYYYMMDDTHHMMSSZ` of an epoch second."""
    return (_EPOCH + timedelta(seconds=seconds)).strftime("%Y%m%dT%H%M%SZ")


def format_offset(seconds: int) -> str:
    sign = "-" if seconds < 0 else "+"
    seconds = abs(seconds)
    return f"{sign}{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"
