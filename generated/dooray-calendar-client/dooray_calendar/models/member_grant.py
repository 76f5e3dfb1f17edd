from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.input_role import InputRole

T = TypeVar("T", bound="MemberGrant")


@_attrs_define
class MemberGrant:
    """
    Attributes:
        type_ (Literal['member']):
        member (MemberGrantMember):
        role (InputRole): A role that can be given: delegatee (acts for the owner), all, read_write, view
            (read events), opaque_view (busy/free only). `owner` only appears in responses.
    """

    type_: Literal["member"]
    member: MemberGrantMember
    role: InputRole
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "type": "type_",
        "member": "member",
        "role": "role",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        member = self.member.to_dict()

        role = self.role.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "member": member,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        type_ = cast(Literal["member"], d["type"])
        if type_ != "member":
            raise ValueError(f"type must match const 'member', got '{type_}'")

        member = MemberGrantMember.from_dict(d["member"])

        role = InputRole.from_wire(d["role"])

        _instance = cls(
            type_,
            member,
            role,
        )

        return _instance


from ..models.member_grant_member import MemberGrantMember  # noqa: E402
