from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types as _calspec_types
from ..models.calendar_type import CalendarType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Calendar")


@_attrs_define
class Calendar:
    """A calendar as the member sees it.

    Attributes:
        id (str): Calendar ID.
        name (str | Unset): Name; for a project calendar, the project's code name.
        type_ (CalendarType | Unset): private: a member's own; project: a project's (to be provided); subscription: an
            iCal feed.
        created_at (datetime.datetime | None | Unset):
        project_id (str | Unset): The project of a project calendar.
        owner_organization_member_id (str | Unset): The member who owns the calendar.
        calendar_member_list (list[CalendarMember] | Unset): Members the calendar is shared or delegated with (detail
            only).
        me (CalendarMe | Unset): The member's own settings for a calendar.
    """

    id: str
    name: str | Unset = UNSET
    type_: CalendarType | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    project_id: str | Unset = UNSET
    owner_organization_member_id: str | Unset = UNSET
    calendar_member_list: list[CalendarMember] | Unset = UNSET
    me: CalendarMe | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "id": "id",
        "name": "name",
        "type": "type_",
        "createdAt": "created_at",
        "projectId": "project_id",
        "ownerOrganizationMemberId": "owner_organization_member_id",
        "calendarMemberList": "calendar_member_list",
        "me": "me",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = _calspec_types.format_datetime(self.created_at)
        else:
            created_at = self.created_at

        project_id = self.project_id

        owner_organization_member_id = self.owner_organization_member_id

        calendar_member_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.calendar_member_list, Unset):
            calendar_member_list = []
            for calendar_member_list_item_data in self.calendar_member_list:
                calendar_member_list_item = calendar_member_list_item_data.to_dict()
                calendar_member_list.append(calendar_member_list_item)

        me: dict[str, Any] | Unset = UNSET
        if not isinstance(self.me, Unset):
            me = self.me.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if type_ is not UNSET:
            field_dict["type"] = type_
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if project_id is not UNSET:
            field_dict["projectId"] = project_id
        if owner_organization_member_id is not UNSET:
            field_dict["ownerOrganizationMemberId"] = owner_organization_member_id
        if calendar_member_list is not UNSET:
            field_dict["calendarMemberList"] = calendar_member_list
        if me is not UNSET:
            field_dict["me"] = me

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        id = d["id"]

        name = d.get("name", UNSET)

        _type_ = d.get("type", UNSET)
        type_: CalendarType | Unset = UNSET if _type_ is UNSET else CalendarType.from_wire(_type_)

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_nullable_date_time_type_0 = _calspec_types.parse_datetime(data)

                return componentsschemas_nullable_date_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.get("createdAt", UNSET))

        project_id = d.get("projectId", UNSET)

        owner_organization_member_id = d.get("ownerOrganizationMemberId", UNSET)

        _calendar_member_list = d.get("calendarMemberList", UNSET)
        calendar_member_list: list[CalendarMember] | Unset = UNSET
        if _calendar_member_list is not UNSET:
            calendar_member_list = []
            for calendar_member_list_item_data in _calendar_member_list:
                calendar_member_list_item = CalendarMember.from_dict(calendar_member_list_item_data)

                calendar_member_list.append(calendar_member_list_item)

        _me = d.get("me", UNSET)
        me: CalendarMe | Unset = UNSET if _me is UNSET else CalendarMe.from_dict(_me)

        _instance = cls(
            id,
            name,
            type_,
            created_at,
            project_id,
            owner_organization_member_id,
            calendar_member_list,
            me,
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


from ..models.calendar_me import CalendarMe  # noqa: E402
from ..models.calendar_member import CalendarMember  # noqa: E402
