from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MapInput")


@_attrs_define
class MapInput:
    """Map attached to the event (위치 정보).

    Attributes:
        type_ (str | Unset): Map provider, e.g. NAVER, google.
        geo (str | Unset): Latitude and longitude, e.g. `40.7486484;-73.98400699999999`.
    """

    type_: str | Unset = UNSET
    geo: str | Unset = UNSET
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "type": "type_",
        "geo": "geo",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        geo = self.geo

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if geo is not UNSET:
            field_dict["geo"] = geo

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        type_ = d.get("type", UNSET)

        geo = d.get("geo", UNSET)

        _instance = cls(
            type_,
            geo,
        )

        return _instance
