from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.calendar_type import CalendarType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Calendar")


@_attrs_define
class Calendar:
    """A calendar's shared properties.

    Attributes:
        calendar_id (str): The calendar's ID.
        calendar_name (str): Name.
        members (list[CalendarMember]): Who the calendar is shared with.
        description (str | Unset): Memo.
        is_public (bool | Unset): Whether everyone in the company may see the calendar. Default: False.
        calendar_email (str | Unset): The calendar's own mail address; events in a shared calendar carry it as
            `organizer.email`.
        type_ (CalendarType | Unset): Kind of calendar: DOMAIN, INDIVIDUAL, GROUP, ORGUNIT, MESSAGE (a talk room's).
    """

    calendar_id: str
    calendar_name: str
    members: list[CalendarMember]
    description: str | Unset = UNSET
    is_public: bool | Unset = UNSET
    calendar_email: str | Unset = UNSET
    type_: CalendarType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "calendarId": "calendar_id",
        "calendarName": "calendar_name",
        "members": "members",
        "description": "description",
        "isPublic": "is_public",
        "calendarEmail": "calendar_email",
        "type": "type_",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        calendar_id = self.calendar_id

        calendar_name = self.calendar_name

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        description = self.description

        is_public = self.is_public

        calendar_email = self.calendar_email

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "calendarId": calendar_id,
                "calendarName": calendar_name,
                "members": members,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if is_public is not UNSET:
            field_dict["isPublic"] = is_public
        if calendar_email is not UNSET:
            field_dict["calendarEmail"] = calendar_email
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        calendar_id = d["calendarId"]

        calendar_name = d["calendarName"]

        members = []
        _members = d["members"]
        for members_item_data in _members:
            members_item = CalendarMember.from_dict(members_item_data)

            members.append(members_item)

        description = d.get("description", UNSET)

        is_public = d.get("isPublic", UNSET)

        calendar_email = d.get("calendarEmail", UNSET)

        _type_ = d.get("type", UNSET)
        type_: CalendarType | Unset = UNSET if _type_ is UNSET else CalendarType.from_wire(_type_)

        _instance = cls(
            calendar_id,
            calendar_name,
            members,
            description,
            is_public,
            calendar_email,
            type_,
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


from ..models.calendar_member import CalendarMember  # noqa: E402
