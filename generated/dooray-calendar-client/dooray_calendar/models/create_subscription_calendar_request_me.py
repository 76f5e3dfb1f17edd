from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateSubscriptionCalendarRequestMe")


@_attrs_define
class CreateSubscriptionCalendarRequestMe:
    """
    Attributes:
        color (str | Unset): Display colour, `#rrggbb`. The create example of the document sends `ffffff`, its
            subscription example `#ffffff`: both are taken, and answers always carry the `#` (spec/NOTES.md D36).
    """

    color: str | Unset = UNSET
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "color": "color",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        color = self.color

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if color is not UNSET:
            field_dict["color"] = color

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        color = d.get("color", UNSET)

        _instance = cls(
            color,
        )

        return _instance
