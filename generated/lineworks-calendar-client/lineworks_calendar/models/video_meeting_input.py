from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VideoMeetingInput")


@_attrs_define
class VideoMeetingInput:
    """The video meeting of the event (화상회의 정보).

    Attributes:
        url (str | Unset): Join URL; read-only per the ja page.
        resource_id (str | Unset): Video meeting ID; read-only per the ja page.
    """

    url: str | Unset = UNSET
    resource_id: str | Unset = UNSET
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "url": "url",
        "resourceId": "resource_id",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        resource_id = self.resource_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if url is not UNSET:
            field_dict["url"] = url
        if resource_id is not UNSET:
            field_dict["resourceId"] = resource_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        url = d.get("url", UNSET)

        resource_id = d.get("resourceId", UNSET)

        _instance = cls(
            url,
            resource_id,
        )

        return _instance
