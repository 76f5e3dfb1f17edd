from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from ..models.personal_settings_alarms_item_action import PersonalSettingsAlarmsItemAction

T = TypeVar("T", bound="PersonalSettingsAlarmsItem")


@_attrs_define
class PersonalSettingsAlarmsItem:
    """
    Attributes:
        action (PersonalSettingsAlarmsItemAction):
        trigger (str):
    """

    action: PersonalSettingsAlarmsItemAction
    trigger: str
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "action": "action",
        "trigger": "trigger",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        trigger = self.trigger

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
                "trigger": trigger,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        action = PersonalSettingsAlarmsItemAction.from_wire(d["action"])

        trigger = d["trigger"]

        _instance = cls(
            action,
            trigger,
        )

        return _instance
