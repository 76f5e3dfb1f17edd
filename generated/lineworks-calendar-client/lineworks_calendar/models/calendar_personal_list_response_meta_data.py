from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CalendarPersonalListResponseMetaData")


@_attrs_define
class CalendarPersonalListResponseMetaData:
    """Paging.

    Attributes:
        next_cursor (None | str | Unset): Cursor of the next page; absent or null on the last page.
    """

    next_cursor: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "nextCursor": "next_cursor",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        next_cursor: None | str | Unset
        if isinstance(self.next_cursor, Unset):
            next_cursor = UNSET
        else:
            next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if next_cursor is not UNSET:
            field_dict["nextCursor"] = next_cursor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict

        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.get("nextCursor", UNSET))

        _instance = cls(
            next_cursor,
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
