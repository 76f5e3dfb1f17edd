from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types as _calspec_types
from ..models.recurrence_rule_frequency import RecurrenceRuleFrequency
from ..types import UNSET, Unset

T = TypeVar("T", bound="RecurrenceRule")


@_attrs_define
class RecurrenceRule:
    """The rule of a recurring series. No count, no exdate.

    Attributes:
        frequency (RecurrenceRuleFrequency | Unset):
        interval (int | Unset):
        until (datetime.datetime | None | Unset):
        byday (str | Unset): Days: `SU`, `MO`, `TU`, `WE`, `TH`, `FR`, `SA`, optionally with a week number
            (`1 MO`, `-1 WE`), comma-separated (`FR,SA`). The page writes Saturday `ST`.
        bymonth (str | Unset): Month, 1 - 12.
        bymonthday (str | Unset): Day of the month, 1 - 31.
    """

    frequency: RecurrenceRuleFrequency | Unset = UNSET
    interval: int | Unset = UNSET
    until: datetime.datetime | None | Unset = UNSET
    byday: str | Unset = UNSET
    bymonth: str | Unset = UNSET
    bymonthday: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "frequency": "frequency",
        "interval": "interval",
        "until": "until",
        "byday": "byday",
        "bymonth": "bymonth",
        "bymonthday": "bymonthday",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        frequency: str | Unset = UNSET
        if not isinstance(self.frequency, Unset):
            frequency = self.frequency.value

        interval = self.interval

        until: None | str | Unset
        if isinstance(self.until, Unset):
            until = UNSET
        elif isinstance(self.until, datetime.datetime):
            until = _calspec_types.format_datetime(self.until)
        else:
            until = self.until

        byday = self.byday

        bymonth = self.bymonth

        bymonthday = self.bymonthday

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if frequency is not UNSET:
            field_dict["frequency"] = frequency
        if interval is not UNSET:
            field_dict["interval"] = interval
        if until is not UNSET:
            field_dict["until"] = until
        if byday is not UNSET:
            field_dict["byday"] = byday
        if bymonth is not UNSET:
            field_dict["bymonth"] = bymonth
        if bymonthday is not UNSET:
            field_dict["bymonthday"] = bymonthday

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        _frequency = d.get("frequency", UNSET)
        frequency: RecurrenceRuleFrequency | Unset = (
            UNSET if _frequency is UNSET else RecurrenceRuleFrequency.from_wire(_frequency)
        )

        interval = d.get("interval", UNSET)

        def _parse_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_nullable_date_time_type_0 = _calspec_types.parse_datetime(data)

                return componentsschemas_nullable_date_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        until = _parse_until(d.get("until", UNSET))

        byday = d.get("byday", UNSET)

        bymonth = d.get("bymonth", UNSET)

        bymonthday = d.get("bymonthday", UNSET)

        _instance = cls(
            frequency,
            interval,
            until,
            byday,
            bymonth,
            bymonthday,
        )

        if not d.keys() <= cls._calspec_json_keys:
            known = cls._calspec_json_names
            _instance.additional_properties = {key: value for key, value in d.items() if key not in known}
        return _instance

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
