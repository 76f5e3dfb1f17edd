from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MapUrlInput")


@_attrs_define
class MapUrlInput:
    """Image and URL of the attached map.

    Attributes:
        map_url (str | Unset): Map URL.
        image_id (str | Unset): Map image ID.
    """

    map_url: str | Unset = UNSET
    image_id: str | Unset = UNSET
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "mapUrl": "map_url",
        "imageId": "image_id",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        map_url = self.map_url

        image_id = self.image_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if map_url is not UNSET:
            field_dict["mapUrl"] = map_url
        if image_id is not UNSET:
            field_dict["imageId"] = image_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        map_url = d.get("mapUrl", UNSET)

        image_id = d.get("imageId", UNSET)

        _instance = cls(
            map_url,
            image_id,
        )

        return _instance
