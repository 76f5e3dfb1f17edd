from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateCalendarRequest")


@_attrs_define
class UpdateCalendarRequest:
    """The shared properties to change; fields left out keep their values.

    Attributes:
        calendar_name (str | Unset): Name.
        members (list[CalendarMemberInput] | Unset): The new member list, replacing the old one. At most 1000 entries
            (spec/NOTES.md L47).
        description (str | Unset): Memo.
        is_public (bool | Unset): Whether everyone in the company may see the calendar.
    """

    calendar_name: str | Unset = UNSET
    members: list[CalendarMemberInput] | Unset = UNSET
    description: str | Unset = UNSET
    is_public: bool | Unset = UNSET
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "calendarName": "calendar_name",
        "members": "members",
        "description": "description",
        "isPublic": "is_public",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        calendar_name = self.calendar_name

        members: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.members, Unset):
            members = []
            for members_item_data in self.members:
                members_item = members_item_data.to_dict()
                members.append(members_item)

        description = self.description

        is_public = self.is_public

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if calendar_name is not UNSET:
            field_dict["calendarName"] = calendar_name
        if members is not UNSET:
            field_dict["members"] = members
        if description is not UNSET:
            field_dict["description"] = description
        if is_public is not UNSET:
            field_dict["isPublic"] = is_public

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        calendar_name = d.get("calendarName", UNSET)

        _members = d.get("members", UNSET)
        members: list[CalendarMemberInput] | Unset = UNSET
        if _members is not UNSET:
            members = []
            for members_item_data in _members:
                members_item = CalendarMemberInput.from_dict(members_item_data)

                members.append(members_item)

        description = d.get("description", UNSET)

        is_public = d.get("isPublic", UNSET)

        _instance = cls(
            calendar_name,
            members,
            description,
            is_public,
        )

        return _instance


from ..models.calendar_member_input import CalendarMemberInput  # noqa: E402
