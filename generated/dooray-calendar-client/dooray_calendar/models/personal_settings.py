from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from ..models.personal_settings_class import PersonalSettingsClass
from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonalSettings")


@_attrs_define
class PersonalSettings:
    """The calling member's own settings for the event.

    Attributes:
        alarms (list[PersonalSettingsAlarmsItem] | Unset):
        busy (bool | Unset): Show the time as busy.
        class_ (PersonalSettingsClass | Unset): Visibility of the event to others.
    """

    alarms: list[PersonalSettingsAlarmsItem] | Unset = UNSET
    busy: bool | Unset = UNSET
    class_: PersonalSettingsClass | Unset = UNSET
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "alarms": "alarms",
        "busy": "busy",
        "class": "class_",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        alarms: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.alarms, Unset):
            alarms = []
            for alarms_item_data in self.alarms:
                alarms_item = alarms_item_data.to_dict()
                alarms.append(alarms_item)

        busy = self.busy

        class_: str | Unset = UNSET
        if not isinstance(self.class_, Unset):
            class_ = self.class_.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if alarms is not UNSET:
            field_dict["alarms"] = alarms
        if busy is not UNSET:
            field_dict["busy"] = busy
        if class_ is not UNSET:
            field_dict["class"] = class_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        _alarms = d.get("alarms", UNSET)
        alarms: list[PersonalSettingsAlarmsItem] | Unset = UNSET
        if _alarms is not UNSET:
            alarms = []
            for alarms_item_data in _alarms:
                alarms_item = PersonalSettingsAlarmsItem.from_dict(alarms_item_data)

                alarms.append(alarms_item)

        busy = d.get("busy", UNSET)

        _class_ = d.get("class", UNSET)
        class_: PersonalSettingsClass | Unset = UNSET if _class_ is UNSET else PersonalSettingsClass.from_wire(_class_)

        _instance = cls(
            alarms,
            busy,
            class_,
        )

        return _instance


from ..models.personal_settings_alarms_item import PersonalSettingsAlarmsItem  # noqa: E402
