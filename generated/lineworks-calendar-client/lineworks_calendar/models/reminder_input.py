from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from ..models.reminder_method import ReminderMethod
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReminderInput")


@_attrs_define
class ReminderInput:
    """A reminder (Alarm).

    Attributes:
        method (ReminderMethod): DISPLAY: push or in-app notice; EMAIL: mail.
        trigger (str | Unset): ISO 8601 duration before the start: `-PT0S` on time, `-PT15M` 15 minutes,
            `-PT12H` 12 hours, `-P1D` a day, `-P1W` a week, `-P6DT12H` 6 days 12 hours.
             Example: -PT10M.
        trigger_date_time (ZonedDateTimeInput | Unset): A wall-clock time with its time zone (날짜 및 시간 정보).
    """

    method: ReminderMethod
    trigger: str | Unset = UNSET
    trigger_date_time: ZonedDateTimeInput | Unset = UNSET
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "method": "method",
        "trigger": "trigger",
        "triggerDateTime": "trigger_date_time",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        method = self.method.value

        trigger = self.trigger

        trigger_date_time: dict[str, Any] | Unset = UNSET
        if not isinstance(self.trigger_date_time, Unset):
            trigger_date_time = self.trigger_date_time.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "method": method,
            }
        )
        if trigger is not UNSET:
            field_dict["trigger"] = trigger
        if trigger_date_time is not UNSET:
            field_dict["triggerDateTime"] = trigger_date_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        method = ReminderMethod.from_wire(d["method"])

        trigger = d.get("trigger", UNSET)

        _trigger_date_time = d.get("triggerDateTime", UNSET)
        trigger_date_time: ZonedDateTimeInput | Unset = (
            UNSET if _trigger_date_time is UNSET else ZonedDateTimeInput.from_dict(_trigger_date_time)
        )

        _instance = cls(
            method,
            trigger,
            trigger_date_time,
        )

        return _instance


from ..models.zoned_date_time_input import ZonedDateTimeInput  # noqa: E402
