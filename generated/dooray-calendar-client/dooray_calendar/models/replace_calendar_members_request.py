from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReplaceCalendarMembersRequest")


@_attrs_define
class ReplaceCalendarMembersRequest:
    """
    Attributes:
        calendar_member_list (list[DistributionListGrant | MemberGrant]): At most 1000 entries (spec/NOTES.md D35).
    """

    calendar_member_list: list[DistributionListGrant | MemberGrant]
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "calendarMemberList": "calendar_member_list",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        calendar_member_list = []
        for calendar_member_list_item_data in self.calendar_member_list:
            calendar_member_list_item: dict[str, Any]
            if isinstance(calendar_member_list_item_data, MemberGrant):
                calendar_member_list_item = calendar_member_list_item_data.to_dict()
            else:
                calendar_member_list_item = calendar_member_list_item_data.to_dict()

            calendar_member_list.append(calendar_member_list_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "calendarMemberList": calendar_member_list,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        calendar_member_list = []
        _calendar_member_list = d["calendarMemberList"]
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

        _instance = cls(
            calendar_member_list,
        )

        return _instance


from ..models.distribution_list_grant import DistributionListGrant  # noqa: E402
from ..models.member_grant import MemberGrant  # noqa: E402
