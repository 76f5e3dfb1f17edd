from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import times as _calspec_times
from .. import types as _calspec_types
from ..models.recurrence_rule_input_frequency import RecurrenceRuleInputFrequency
from ..types import UNSET, Unset

T = TypeVar("T", bound="RecurrenceRuleInput")


@_attrs_define
class RecurrenceRuleInput:
    """How the event repeats. No count, no exceptions.

    Attributes:
        frequency (RecurrenceRuleInputFrequency):
        interval (int | Unset):
        until (datetime.datetime | Unset):
        byday (str | Unset):
        bymonth (str | Unset):
        bymonthday (str | Unset):
        timezone_name (str | Unset): IANA zone the rule is read in, e.g. `Asia/Seoul`.
    """

    frequency: RecurrenceRuleInputFrequency
    interval: int | Unset = UNSET
    until: datetime.datetime | Unset = _attrs_field(
        default=UNSET, validator=_calspec_times.validator("RecurrenceRuleInput", "until", "until", ("date-time",))
    )
    byday: str | Unset = UNSET
    bymonth: str | Unset = UNSET
    bymonthday: str | Unset = UNSET
    timezone_name: str | Unset = UNSET
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "frequency": "frequency",
        "interval": "interval",
        "until": "until",
        "byday": "byday",
        "bymonth": "bymonth",
        "bymonthday": "bymonthday",
        "timezoneName": "timezone_name",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        frequency = self.frequency.value

        interval = self.interval

        until: str | Unset = UNSET
        if not isinstance(self.until, Unset):
            until = _calspec_types.format_datetime(self.until)

        byday = self.byday

        bymonth = self.bymonth

        bymonthday = self.bymonthday

        timezone_name = self.timezone_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "frequency": frequency,
            }
        )
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
        if timezone_name is not UNSET:
            field_dict["timezoneName"] = timezone_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        frequency = RecurrenceRuleInputFrequency.from_wire(d["frequency"])

        interval = d.get("interval", UNSET)

        _until = d.get("until", UNSET)
        until: datetime.datetime | Unset = UNSET if _until is UNSET else _calspec_types.parse_datetime(_until)

        byday = d.get("byday", UNSET)

        bymonth = d.get("bymonth", UNSET)

        bymonthday = d.get("bymonthday", UNSET)

        timezone_name = d.get("timezoneName", UNSET)

        _instance = cls(
            frequency,
            interval,
            until,
            byday,
            bymonth,
            bymonthday,
            timezone_name,
        )

        return _instance
