from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="MemberInvitee")


@_attrs_define
class MemberInvitee:
    """
    Attributes:
        type_ (Literal['member']):
        member (MemberInviteeMember):
    """

    type_: Literal["member"]
    member: MemberInviteeMember
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "type": "type_",
        "member": "member",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        member = self.member.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "member": member,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        type_ = cast(Literal["member"], d["type"])
        if type_ != "member":
            raise ValueError(f"type must match const 'member', got '{type_}'")

        member = MemberInviteeMember.from_dict(d["member"])

        _instance = cls(
            type_,
            member,
        )

        return _instance


from ..models.member_invitee_member import MemberInviteeMember  # noqa: E402
