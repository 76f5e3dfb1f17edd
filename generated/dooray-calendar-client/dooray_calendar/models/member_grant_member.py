from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MemberGrantMember")


@_attrs_define
class MemberGrantMember:
    """
    Attributes:
        organization_member_id (str):
    """

    organization_member_id: str
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "organizationMemberId": "organization_member_id",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        organization_member_id = self.organization_member_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "organizationMemberId": organization_member_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        organization_member_id = d["organizationMemberId"]

        _instance = cls(
            organization_member_id,
        )

        return _instance
