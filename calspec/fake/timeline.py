"""Time logic both providers share: moments, windows, overlap, bounded occurrences, coarse windows.

Instants are compared as UTC epoch seconds (ints), so year 1 at -23:59 and year 9999 at +23:59 never
overflow a datetime. A `Moment` is an event's start or end as either API writes it; an `Occurrence`
is one start of a series in a window. The recurrence itself is expanded with bounded work by
`recurrence.py`; list windows are checked against the operation's `x-calspec-window`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from calspec.core.extensions import Window
from calspec.core.formats import parse_date_time
from calspec.fake.errors import ApiError
from calspec.fake.recurrence import Recurrence
from calspec.fake.store import FOREVER

_EPOCH = datetime(1970, 1, 1)
DAY = 86400


# Instants ------------------------------------------------------------------------------------------


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
    """`YYYYMMDDTHHMMSSZ` of an epoch second (the year always four digits, as the ids need)."""
    value = _EPOCH + timedelta(seconds=seconds)
    return f"{value.year:04d}" + value.strftime("%m%dT%H%M%SZ")


def format_offset(seconds: int) -> str:
    sign = "-" if seconds < 0 else "+"
    seconds = abs(seconds)
    return f"{sign}{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"


# Moments and occurrences -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Moment:
    """An event's start or end, as either API writes it.

    - a fixed instant: LINE WORKS `dateTime` + `timeZone`, Dooray `2015-09-08T10:30:00+09:00`;
    - a day at a fixed offset: Dooray's all-day `2015-09-08+09:00`, midnight at that offset;
    - a floating day: LINE WORKS' all-day `date`, midnight wherever it is read (`at` takes the offset).

    `clock` is the time a recurrence rule is read on: aware in the event's zone for instants, naive
    midnight for days.
    """

    seconds: int  # epoch seconds; for a floating day, wall seconds of its midnight
    floating: bool
    clock: datetime
    day: bool = False  # an all-day value (a date), fixed or floating
    offset: int = 0  # seconds east of UTC a day was written at

    def at(self, window_offset: int) -> int:
        """Epoch seconds, a floating day read at the window's offset."""
        return self.seconds - window_offset if self.floating else self.seconds

    def epoch_of(self, value: datetime, window_offset: int = 0) -> int:
        """Epoch seconds of a value on this moment's clock (a start a rule gave)."""
        if value.tzinfo is not None:
            return epoch(value)
        return wall_seconds(value) - (window_offset if self.floating else self.offset)

    def render(self, value: datetime) -> str:
        """A value on this moment's clock written as the API writes this moment (Dooray's forms)."""
        if self.day:
            return f"{value.date().isoformat()}{format_offset(self.offset)}"
        offset = value.utcoffset()
        if offset is not None and offset.total_seconds() % 60:
            # Local mean time before 1900 has offsets like -04:56:02, which RFC 3339 can't write:
            # the same instant is written in UTC instead.
            return value.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        return value.isoformat(timespec="seconds")

    @classmethod
    def instant(cls, value: datetime) -> Moment:
        return cls(epoch(value), False, value, offset=offset_of(value))

    @classmethod
    def fixed_day(cls, day: date, offset: int) -> Moment:
        return cls(date_epoch(day, offset), False, datetime(day.year, day.month, day.day), True, offset)

    @classmethod
    def floating_day(cls, day: date) -> Moment:
        midnight = datetime(day.year, day.month, day.day)
        return cls(wall_seconds(midnight), True, midnight, True)


@dataclass(frozen=True)
class Occurrence:
    """One start of a series in a window: when it starts (epoch seconds), and the start the rule
    gave on the series' clock (for ids and `recurrenceId`)."""

    start: int
    value: datetime


def overlaps(start: int, end: int, lo: int, hi: int) -> bool:
    """Whether [start, end) meets [lo, hi); an instant (start == end) counts when lo <= start < hi."""
    if start == end:
        return lo <= start < hi
    return start < hi and end > lo


def occurrences(
    recurrence: Recurrence, start: Moment, lo: int, hi: int, window_offset: int = 0
) -> Iterator[Occurrence]:
    """The series' starts in [lo, hi) (epoch seconds), in order, with bounded work."""
    where = recurrence.dtstart.tzinfo
    if where is None:  # days: read at the window's offset when floating, the event's own otherwise
        shift = window_offset if start.floating else start.offset
        values = recurrence.starts(wall_time(lo + shift), wall_time(hi + shift))
    else:
        values = recurrence.starts(zoned_time(lo, where), zoned_time(hi, where))
    for value in values:
        seconds = start.epoch_of(value, window_offset)
        if lo <= seconds < hi:
            yield Occurrence(seconds, value)


def coarse_window(start: Moment, end: Moment, recurrence: Recurrence | None) -> tuple[int, int]:
    """Epoch bounds `[lo, hi)` that hold every occurrence of an event at any window offset
    (floating days widen by a day); a series that never ends reaches FOREVER."""
    lo = start.seconds - (DAY if start.floating else 0)
    hi = max(end.seconds + (DAY if end.floating else 0), start.seconds + 1)
    if recurrence is not None:
        last = recurrence.last_start()
        if last is None:
            return lo, FOREVER
        duration = max(end.seconds - start.seconds, 0)
        hi = max(hi, start.epoch_of(last) + duration + DAY + 1)
    return lo, min(hi, FOREVER)


# List windows ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A checked list window: `[lo, hi)` in epoch seconds, and the offset its start was written at."""

    lo: int
    hi: int
    offset: int


def check_window(window: Window, query: Mapping[str, Any]) -> Span:
    """The window of a list request, or 400 when it is reversed or longer than the spec allows."""
    start = parse_date_time(str(query[window.start]))
    end = parse_date_time(str(query[window.end]))
    lo, hi = epoch(start), epoch(end)
    if hi < lo:
        raise ApiError(400, f"{window.end}: must not be before {window.start}", "invalid-parameter")
    if hi - lo > window.max_seconds:
        raise ApiError(
            400, f"{window.end}: the window is longer than {window.max_days} days", "invalid-parameter"
        )
    return Span(lo, hi, offset_of(start))
