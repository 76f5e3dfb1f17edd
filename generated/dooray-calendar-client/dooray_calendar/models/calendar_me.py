from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.calendar_role import CalendarRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="CalendarMe")


@_attrs_define
class CalendarMe:
    """The member's own settings for a calendar.

    Attributes:
        default (bool | Unset): Whether this is the member's default calendar.
        color (str | Unset): Display colour, `#rrggbb`.
        listed (bool | Unset): Whether the calendar is shown in the member's list.
        checked (bool | Unset): Whether its events are shown.
        role (CalendarRole | Unset): What a member may do: owner, delegatee (acts for the owner), all, read_write,
            view (read events), opaque_view (busy/free only).
        order (int | Unset): Position in the member's list.
    """

    default: bool | Unset = UNSET
    color: str | Unset = UNSET
    listed: bool | Unset = UNSET
    checked: bool | Unset = UNSET
    role: CalendarRole | Unset = UNSET
    order: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "default": "default",
        "color": "color",
        "listed": "listed",
        "checked": "checked",
        "role": "role",
        "order": "order",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        default = self.default

        color = self.color

        listed = self.listed

        checked = self.checked

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value

        order = self.order

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if default is not UNSET:
            field_dict["default"] = default
        if color is not UNSET:
            field_dict["color"] = color
        if listed is not UNSET:
            field_dict["listed"] = listed
        if checked is not UNSET:
            field_dict["checked"] = checked
        if role is not UNSET:
            field_dict["role"] = role
        if order is not UNSET:
            field_dict["order"] = order

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        default = d.get("default", UNSET)

        color = d.get("color", UNSET)

        listed = d.get("listed", UNSET)

        checked = d.get("checked", UNSET)

        _role = d.get("role", UNSET)
        role: CalendarRole | Unset = UNSET if _role is UNSET else CalendarRole.from_wire(_role)

        order = d.get("order", UNSET)

        _instance = cls(
            default,
            color,
            listed,
            checked,
            role,
            order,
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
