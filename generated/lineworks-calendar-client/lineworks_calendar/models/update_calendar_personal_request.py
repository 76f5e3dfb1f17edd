from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateCalendarPersonalRequest")


@_attrs_define
class UpdateCalendarPersonalRequest:
    """The user's own settings to change.

    Attributes:
        is_show_on_lnb_list (bool | Unset): Whether the calendar shows in the user's calendar list. Default: True.
        display_order (int | Unset): Position in the user's list. Default: 9999.
    """

    is_show_on_lnb_list: bool | Unset = UNSET
    display_order: int | Unset = UNSET
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "isShowOnLNBList": "is_show_on_lnb_list",
        "displayOrder": "display_order",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        is_show_on_lnb_list = self.is_show_on_lnb_list

        display_order = self.display_order

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if is_show_on_lnb_list is not UNSET:
            field_dict["isShowOnLNBList"] = is_show_on_lnb_list
        if display_order is not UNSET:
            field_dict["displayOrder"] = display_order

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        is_show_on_lnb_list = d.get("isShowOnLNBList", UNSET)

        display_order = d.get("displayOrder", UNSET)

        _instance = cls(
            is_show_on_lnb_list,
            display_order,
        )

        return _instance
