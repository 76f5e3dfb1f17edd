from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .. import types as _calspec_types
from ..types import UNSET, Unset

T = TypeVar("T", bound="EventTimeInput")


@_attrs_define
class EventTimeInput:
    """Start or end of an event. All-day events have `date` (start inclusive, end
    exclusive); timed events have `dateTime` with `timeZone`, never both.

        Attributes:
            date (datetime.date | Unset): The day of an all-day event, `YYYY-MM-DD` (종일 일정이면 존재). Example: 2021-12-13.
            date_time (datetime.datetime | Unset): Wall-clock time of a timed event in `timeZone`, `YYYY-MM-DDTHH:mm:ss` (시간
                일정이면 존재). Example: 2021-12-13T14:00:00.
            time_zone (str | Unset): IANA time zone name, e.g. `Asia/Seoul`, `Asia/Tokyo`. Example: Asia/Seoul.
    """

    date: datetime.date | Unset = UNSET
    date_time: datetime.datetime | Unset = UNSET
    time_zone: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        date: str | Unset = UNSET
        if not isinstance(self.date, Unset):
            date = _calspec_types.format_date(self.date)

        date_time: str | Unset = UNSET
        if not isinstance(self.date_time, Unset):
            date_time = _calspec_types.format_datetime(self.date_time)

        time_zone = self.time_zone

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if date is not UNSET:
            field_dict["date"] = date
        if date_time is not UNSET:
            field_dict["dateTime"] = date_time
        if time_zone is not UNSET:
            field_dict["timeZone"] = time_zone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _date = d.pop("date", UNSET)
        date: datetime.date | Unset
        if isinstance(_date, Unset):
            date = UNSET
        else:
            date = _calspec_types.parse_date(_date)

        _date_time = d.pop("dateTime", UNSET)
        date_time: datetime.datetime | Unset
        if isinstance(_date_time, Unset):
            date_time = UNSET
        else:
            date_time = _calspec_types.parse_datetime(_date_time)

        time_zone = d.pop("timeZone", UNSET)

        _instance = cls(
            date=date,
            date_time=date_time,
            time_zone=time_zone,
        )

        return _instance
