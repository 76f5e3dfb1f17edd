from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from ..models.body_input_mime_type import BodyInputMimeType
from ..types import UNSET, Unset

T = TypeVar("T", bound="BodyInput")


@_attrs_define
class BodyInput:
    """
    Attributes:
        content (str):
        mime_type (BodyInputMimeType | Unset):
    """

    content: str
    mime_type: BodyInputMimeType | Unset = UNSET
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "content": "content",
        "mimeType": "mime_type",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        mime_type: str | Unset = UNSET
        if not isinstance(self.mime_type, Unset):
            mime_type = self.mime_type.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "content": content,
            }
        )
        if mime_type is not UNSET:
            field_dict["mimeType"] = mime_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        content = d["content"]

        _mime_type = d.get("mimeType", UNSET)
        mime_type: BodyInputMimeType | Unset = UNSET if _mime_type is UNSET else BodyInputMimeType.from_wire(_mime_type)

        _instance = cls(
            content,
            mime_type,
        )

        return _instance
