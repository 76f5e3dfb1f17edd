"""Contains some shared types for properties"""

import datetime
import re
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from operator import index
from typing import IO, Any, BinaryIO, Generic, Literal, Self, SupportsIndex, TypeVar

from attrs import define


class Unset:
    """A field or parameter left out (not the same as null)."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


# Time helpers (added by calspec). datetime.fromisoformat alone is not safe for these APIs: in Python 3.11
# it reads the Dooray all-day value "2015-09-08+09:00" as 09:00 on that day, and it accepts a bare date
# as a datetime, which breaks `date-time | date` unions.
_DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}")
_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:([Zz])|([+-])(\d{2}):(\d{2}))?$")


class OffsetDate(datetime.date):
    """A calendar date that carries a UTC offset, as in Dooray's all-day values ("2015-09-08+09:00").

    Equality, hashing and ordering are those of the calendar date (so it equals ``date(2015, 9, 8)``);
    compare ``tzinfo`` as well when the offset matters.
    """

    __slots__ = ("_tzinfo",)
    _tzinfo: datetime.timezone

    def __new__(cls, year: int, month: int, day: int, tzinfo: datetime.timezone) -> Self:
        self = super().__new__(cls, year, month, day)
        self._tzinfo = tzinfo
        return self

    @property
    def tzinfo(self) -> datetime.timezone:
        return self._tzinfo

    def utcoffset(self) -> datetime.timedelta:
        return self._tzinfo.utcoffset(None)

    def isoformat(self) -> str:
        return datetime.date.isoformat(self) + _format_offset(self.utcoffset())

    def __str__(self) -> str:
        return self.isoformat()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.year}, {self.month}, {self.day}, tzinfo={self._tzinfo!r})"

    def replace(
        self,
        year: SupportsIndex | None = None,
        month: SupportsIndex | None = None,
        day: SupportsIndex | None = None,
        tzinfo: datetime.timezone | None = None,
    ) -> Self:
        return type(self)(
            self.year if year is None else index(year),
            self.month if month is None else index(month),
            self.day if day is None else index(day),
            self._tzinfo if tzinfo is None else tzinfo,
        )

    def __add__(self, other: datetime.timedelta) -> Self:
        if not isinstance(other, datetime.timedelta):
            return NotImplemented
        moved = datetime.date.fromordinal(self.toordinal() + other.days)
        return type(self)(moved.year, moved.month, moved.day, self._tzinfo)

    __radd__ = __add__

    def __sub__(self, other: Any) -> Any:
        if isinstance(other, datetime.timedelta):
            return self + -other
        return datetime.date.__sub__(self, other)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.year, self.month, self.day, self._tzinfo))


def _format_offset(offset: datetime.timedelta) -> str:
    total = int(offset.total_seconds())
    sign = "-" if total < 0 else "+"
    hours, minutes = divmod(abs(total) // 60, 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def parse_datetime(value: str) -> datetime.datetime:
    """Parse an RFC 3339 date-time (offset or "Z") or a wall-clock "YYYY-MM-DDTHH:MM:SS".

    A value without a time part raises ValueError, so a `date-time | date` union falls through to the date.
    """
    # The shape `_DATETIME_RE` asks for, checked by position (half the cost, for every time of every
    # answer): fromisoformat then requires digits where the regex has them, and the separators where
    # it would take any character.
    if not (isinstance(value, str) and len(value) >= 16 and value[4] == value[7] == "-" and value[13] == ":"):
        raise ValueError(f"not a date-time: {value!r}")
    if value[10] not in "Tt":
        raise ValueError(f"not a date-time: {value!r}")
    return datetime.datetime.fromisoformat(value)


def format_datetime(value: datetime.datetime) -> str:
    """Write a date-time for the wire: whole seconds, the offset only if the value has one."""
    return value.isoformat(timespec="seconds")


def parse_date(value: str) -> datetime.date:
    """Parse "YYYY-MM-DD" to a date, or "YYYY-MM-DD+HH:MM" / "YYYY-MM-DDZ" to an OffsetDate."""
    match = _DATE_RE.match(value) if isinstance(value, str) else None
    if match is None:
        raise ValueError(f"not a date: {value!r}")
    year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
    if match.group(4):
        return OffsetDate(year, month, day, datetime.UTC)
    if match.group(5):
        offset = datetime.timedelta(hours=int(match.group(6)), minutes=int(match.group(7)))
        return OffsetDate(year, month, day, datetime.timezone(-offset if match.group(5) == "-" else offset))
    return datetime.date(year, month, day)


def format_date(value: datetime.date) -> str:
    """Write a date for the wire, keeping an OffsetDate's offset (a datetime is written as a date-time)."""
    if isinstance(value, datetime.datetime):
        return format_datetime(value)
    return value.isoformat()


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "OffsetDate",
    "RequestFiles",
    "Response",
    "Unset",
    "format_date",
    "format_datetime",
    "parse_date",
    "parse_datetime",
]
