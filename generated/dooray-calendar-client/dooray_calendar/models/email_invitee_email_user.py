from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EmailInviteeEmailUser")


@_attrs_define
class EmailInviteeEmailUser:
    """
    Attributes:
        email_address (str):
        name (str | Unset):
    """

    email_address: str
    name: str | Unset = UNSET
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "emailAddress": "email_address",
        "name": "name",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        email_address = self.email_address

        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "emailAddress": email_address,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        email_address = d["emailAddress"]

        name = d.get("name", UNSET)

        _instance = cls(
            email_address,
            name,
        )

        return _instance
