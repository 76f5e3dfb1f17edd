from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.calendar_type import CalendarType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.calendar_member import CalendarMember


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
        from ..models.calendar_member import CalendarMember  # noqa: PLC0415

        d = dict(src_dict)
        calendar_id = d.pop("calendarId")

        calendar_name = d.pop("calendarName")

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = CalendarMember.from_dict(members_item_data)

            members.append(members_item)

        description = d.pop("description", UNSET)

        is_public = d.pop("isPublic", UNSET)

        calendar_email = d.pop("calendarEmail", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: CalendarType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = CalendarType.from_wire(_type_)

        _instance = cls(
            calendar_id=calendar_id,
            calendar_name=calendar_name,
            members=members,
            description=description,
            is_public=is_public,
            calendar_email=calendar_email,
            type_=type_,
        )

        _instance.additional_properties = d
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
