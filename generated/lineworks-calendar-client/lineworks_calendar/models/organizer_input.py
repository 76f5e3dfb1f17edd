from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrganizerInput")


@_attrs_define
class OrganizerInput:
    """The organizer (主催者).

    Attributes:
        email (str): The organizer's mail address.
        display_name (str | Unset): The organizer's name.
    """

    email: str
    display_name: str | Unset = UNSET
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "email": "email",
        "displayName": "display_name",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        display_name = self.display_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
            }
        )
        if display_name is not UNSET:
            field_dict["displayName"] = display_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        email = d["email"]

        display_name = d.get("displayName", UNSET)

        _instance = cls(
            email,
            display_name,
        )

        return _instance
