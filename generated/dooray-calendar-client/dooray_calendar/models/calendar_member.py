from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.calendar_member_type import CalendarMemberType
from ..models.calendar_role import CalendarRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="CalendarMember")


@_attrs_define
class CalendarMember:
    """A member or distribution list a calendar is shared with.

    Attributes:
        type_ (CalendarMemberType | Unset):
        member (MemberRef | Unset): An organization member.
        distribution_list (CalendarMemberDistributionList | Unset):
        role (CalendarRole | Unset): What a member may do: owner, delegatee (acts for the owner), all, read_write,
            view (read events), opaque_view (busy/free only).
    """

    type_: CalendarMemberType | Unset = UNSET
    member: MemberRef | Unset = UNSET
    distribution_list: CalendarMemberDistributionList | Unset = UNSET
    role: CalendarRole | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "type": "type_",
        "member": "member",
        "distributionList": "distribution_list",
        "role": "role",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        member: dict[str, Any] | Unset = UNSET
        if not isinstance(self.member, Unset):
            member = self.member.to_dict()

        distribution_list: dict[str, Any] | Unset = UNSET
        if not isinstance(self.distribution_list, Unset):
            distribution_list = self.distribution_list.to_dict()

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if member is not UNSET:
            field_dict["member"] = member
        if distribution_list is not UNSET:
            field_dict["distributionList"] = distribution_list
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        _type_ = d.get("type", UNSET)
        type_: CalendarMemberType | Unset = UNSET if _type_ is UNSET else CalendarMemberType.from_wire(_type_)

        _member = d.get("member", UNSET)
        member: MemberRef | Unset = UNSET if _member is UNSET else MemberRef.from_dict(_member)

        _distribution_list = d.get("distributionList", UNSET)
        distribution_list: CalendarMemberDistributionList | Unset = (
            UNSET if _distribution_list is UNSET else CalendarMemberDistributionList.from_dict(_distribution_list)
        )

        _role = d.get("role", UNSET)
        role: CalendarRole | Unset = UNSET if _role is UNSET else CalendarRole.from_wire(_role)

        _instance = cls(
            type_,
            member,
            distribution_list,
            role,
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


from ..models.calendar_member_distribution_list import CalendarMemberDistributionList  # noqa: E402
from ..models.member_ref import MemberRef  # noqa: E402
