from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CalendarNotification")


@_attrs_define
class CalendarNotification:
    """Default reminders of the calendar's events.

    Attributes:
        enabled (bool | Unset):
        alarms (list[CalendarAlarm] | Unset):
    """

    enabled: bool | Unset = UNSET
    alarms: list[CalendarAlarm] | Unset = UNSET
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "enabled": "enabled",
        "alarms": "alarms",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        alarms: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.alarms, Unset):
            alarms = []
            for alarms_item_data in self.alarms:
                alarms_item = alarms_item_data.to_dict()
                alarms.append(alarms_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if alarms is not UNSET:
            field_dict["alarms"] = alarms

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        enabled = d.get("enabled", UNSET)

        _alarms = d.get("alarms", UNSET)
        alarms: list[CalendarAlarm] | Unset = UNSET
        if _alarms is not UNSET:
            alarms = []
            for alarms_item_data in _alarms:
                alarms_item = CalendarAlarm.from_dict(alarms_item_data)

                alarms.append(alarms_item)

        _instance = cls(
            enabled,
            alarms,
        )

        return _instance


from ..models.calendar_alarm import CalendarAlarm  # noqa: E402
