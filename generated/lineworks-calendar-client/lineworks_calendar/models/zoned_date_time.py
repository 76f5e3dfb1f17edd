from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar
from zoneinfo import ZoneInfo

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import times as _calspec_times
from .. import types as _calspec_types
from ..types import UNSET, Unset

T = TypeVar("T", bound="ZonedDateTime")


@_attrs_define
class ZonedDateTime:
    """A wall-clock time with its time zone (날짜 및 시간 정보).

    Attributes:
        date_time (datetime.datetime | Unset): `YYYY-MM-DDTHH:mm:ss` in `timeZone`. Example: 2021-12-13T10:00:00.
        time_zone (str | Unset): IANA time zone name, e.g. `Asia/Seoul`, `Asia/Tokyo`. Example: Asia/Seoul.
    """

    date_time: datetime.datetime | Unset = UNSET
    time_zone: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "dateTime": "date_time",
        "timeZone": "time_zone",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        date_time: str | Unset = UNSET
        if not isinstance(self.date_time, Unset):
            date_time = _calspec_types.format_datetime(self.date_time)

        time_zone = self.time_zone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if date_time is not UNSET:
            field_dict["dateTime"] = date_time
        if time_zone is not UNSET:
            field_dict["timeZone"] = time_zone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        _date_time = d.get("dateTime", UNSET)
        date_time: datetime.datetime | Unset = (
            UNSET if _date_time is UNSET else _calspec_types.parse_datetime(_date_time)
        )

        time_zone = d.get("timeZone", UNSET)

        _instance = cls(
            date_time,
            time_zone,
        )

        if not d.keys() <= cls._calspec_json_keys:
            known = cls._calspec_json_names
            _instance.additional_properties = {key: value for key, value in d.items() if key not in known}
        return _instance

    def to_datetime(self) -> datetime.datetime:
        """This time as an aware datetime: the wall-clock `dateTime` read in its `timeZone` (zoneinfo).

        Raises:
            ValueError: it has no `dateTime`, or no `timeZone` to read it in, or an unknown zone.
        """
        return _calspec_times.zoned_datetime(self.date_time, self.time_zone, owner="ZonedDateTime")

    @classmethod
    def from_datetime(cls: type[T], value: datetime.datetime, time_zone: str | ZoneInfo) -> T:
        """The instant `value` (an aware datetime) as the wall-clock time it shows in `time_zone` (an IANA
        name such as "Asia/Seoul"), with that zone: `dateTime` and `timeZone`.

        Raises:
            ValueError: `value` is naive, or the zone is unknown.
        """
        zone = _calspec_times.zone(time_zone)
        return cls(date_time=_calspec_times.wall_clock(value, zone), time_zone=zone.key)

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
