from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CalendarPersonal")


@_attrs_define
class CalendarPersonal:
    """A calendar the user sees, with the user's own settings for it.

    Attributes:
        calendar_id (str): The calendar's ID.
        calendar_name (str): Name.
        is_show_on_lnb_list (bool): Whether the calendar shows in the user's calendar list (left navigation bar).
        display_order (int): Position in the user's list.
        resource_location (int | Unset): Code of the instance holding the calendar's shared information.
    """

    calendar_id: str
    calendar_name: str
    is_show_on_lnb_list: bool
    display_order: int
    resource_location: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "calendarId": "calendar_id",
        "calendarName": "calendar_name",
        "isShowOnLNBList": "is_show_on_lnb_list",
        "displayOrder": "display_order",
        "resourceLocation": "resource_location",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        calendar_id = self.calendar_id

        calendar_name = self.calendar_name

        is_show_on_lnb_list = self.is_show_on_lnb_list

        display_order = self.display_order

        resource_location = self.resource_location

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "calendarId": calendar_id,
                "calendarName": calendar_name,
                "isShowOnLNBList": is_show_on_lnb_list,
                "displayOrder": display_order,
            }
        )
        if resource_location is not UNSET:
            field_dict["resourceLocation"] = resource_location

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        calendar_id = d["calendarId"]

        calendar_name = d["calendarName"]

        is_show_on_lnb_list = d["isShowOnLNBList"]

        display_order = d["displayOrder"]

        resource_location = d.get("resourceLocation", UNSET)

        _instance = cls(
            calendar_id,
            calendar_name,
            is_show_on_lnb_list,
            display_order,
            resource_location,
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
