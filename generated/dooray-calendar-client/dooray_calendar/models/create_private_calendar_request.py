from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreatePrivateCalendarRequest")


@_attrs_define
class CreatePrivateCalendarRequest:
    """
    Attributes:
        name (str):
        type_ (Literal['private']):
        calendar_member_list (list[DistributionListGrant | MemberGrant] | Unset): At most 1000 entries (spec/NOTES.md
            D35).
        me (CreatePrivateCalendarRequestMe | Unset): The member's own settings for the new calendar.
    """

    name: str
    type_: Literal["private"]
    calendar_member_list: list[DistributionListGrant | MemberGrant] | Unset = UNSET
    me: CreatePrivateCalendarRequestMe | Unset = UNSET
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "name": "name",
        "type": "type_",
        "calendarMemberList": "calendar_member_list",
        "me": "me",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_ = self.type_

        calendar_member_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.calendar_member_list, Unset):
            calendar_member_list = []
            for calendar_member_list_item_data in self.calendar_member_list:
                calendar_member_list_item: dict[str, Any]
                if isinstance(calendar_member_list_item_data, MemberGrant):
                    calendar_member_list_item = calendar_member_list_item_data.to_dict()
                else:
                    calendar_member_list_item = calendar_member_list_item_data.to_dict()

                calendar_member_list.append(calendar_member_list_item)

        me: dict[str, Any] | Unset = UNSET
        if not isinstance(self.me, Unset):
            me = self.me.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "type": type_,
            }
        )
        if calendar_member_list is not UNSET:
            field_dict["calendarMemberList"] = calendar_member_list
        if me is not UNSET:
            field_dict["me"] = me

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        name = d["name"]

        type_ = cast(Literal["private"], d["type"])
        if type_ != "private":
            raise ValueError(f"type must match const 'private', got '{type_}'")

        _calendar_member_list = d.get("calendarMemberList", UNSET)
        calendar_member_list: list[DistributionListGrant | MemberGrant] | Unset = UNSET
        if _calendar_member_list is not UNSET:
            calendar_member_list = []
            for calendar_member_list_item_data in _calendar_member_list:

                def _parse_calendar_member_list_item(data: object) -> DistributionListGrant | MemberGrant:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_calendar_member_input_type_0 = MemberGrant.from_dict(data)

                        return componentsschemas_calendar_member_input_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_calendar_member_input_type_1 = DistributionListGrant.from_dict(data)

                    return componentsschemas_calendar_member_input_type_1

                calendar_member_list_item = _parse_calendar_member_list_item(calendar_member_list_item_data)

                calendar_member_list.append(calendar_member_list_item)

        _me = d.get("me", UNSET)
        me: CreatePrivateCalendarRequestMe | Unset = (
            UNSET if _me is UNSET else CreatePrivateCalendarRequestMe.from_dict(_me)
        )

        _instance = cls(
            name,
            type_,
            calendar_member_list,
            me,
        )

        return _instance


from ..models.create_private_calendar_request_me import CreatePrivateCalendarRequestMe  # noqa: E402
from ..models.distribution_list_grant import DistributionListGrant  # noqa: E402
from ..models.member_grant import MemberGrant  # noqa: E402
