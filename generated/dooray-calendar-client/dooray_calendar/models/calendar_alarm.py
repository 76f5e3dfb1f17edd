from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from ..models.calendar_alarm_action import CalendarAlarmAction
from ..types import UNSET, Unset

T = TypeVar("T", bound="CalendarAlarm")


@_attrs_define
class CalendarAlarm:
    """
    Attributes:
        action (CalendarAlarmAction): mail, app (push), or custom (a message to a Dooray or Slack hook).
        trigger (str): When, as an iCalendar trigger, e.g. `TRIGGER:-PT10M`.
        whole_day_trigger (str | Unset): When, for all-day events.
        option (CalendarAlarmOption | Unset): Where a `custom` alarm goes.
    """

    action: CalendarAlarmAction
    trigger: str
    whole_day_trigger: str | Unset = UNSET
    option: CalendarAlarmOption | Unset = UNSET
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "action": "action",
        "trigger": "trigger",
        "wholeDayTrigger": "whole_day_trigger",
        "option": "option",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        trigger = self.trigger

        whole_day_trigger = self.whole_day_trigger

        option: dict[str, Any] | Unset = UNSET
        if not isinstance(self.option, Unset):
            option = self.option.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
                "trigger": trigger,
            }
        )
        if whole_day_trigger is not UNSET:
            field_dict["wholeDayTrigger"] = whole_day_trigger
        if option is not UNSET:
            field_dict["option"] = option

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        action = CalendarAlarmAction.from_wire(d["action"])

        trigger = d["trigger"]

        whole_day_trigger = d.get("wholeDayTrigger", UNSET)

        _option = d.get("option", UNSET)
        option: CalendarAlarmOption | Unset = UNSET if _option is UNSET else CalendarAlarmOption.from_dict(_option)

        _instance = cls(
            action,
            trigger,
            whole_day_trigger,
            option,
        )

        return _instance


from ..models.calendar_alarm_option import CalendarAlarmOption  # noqa: E402
