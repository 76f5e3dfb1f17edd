from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="DistributionListGrantDistributionList")


@_attrs_define
class DistributionListGrantDistributionList:
    """
    Attributes:
        email_address (str):
    """

    email_address: str
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "emailAddress": "email_address",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        email_address = self.email_address

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "emailAddress": email_address,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        email_address = d["emailAddress"]

        _instance = cls(
            email_address,
        )

        return _instance
