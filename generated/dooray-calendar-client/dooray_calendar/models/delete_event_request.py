from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from ..models.delete_event_request_delete_type import DeleteEventRequestDeleteType
from ..types import UNSET, Unset

T = TypeVar("T", bound="DeleteEventRequest")


@_attrs_define
class DeleteEventRequest:
    """
    Attributes:
        delete_type (DeleteEventRequestDeleteType | Unset):  Default: DeleteEventRequestDeleteType.THIS.
    """

    delete_type: DeleteEventRequestDeleteType | Unset = UNSET
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "deleteType": "delete_type",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        delete_type: str | Unset = UNSET
        if not isinstance(self.delete_type, Unset):
            delete_type = self.delete_type.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if delete_type is not UNSET:
            field_dict["deleteType"] = delete_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        _delete_type = d.get("deleteType", UNSET)
        delete_type: DeleteEventRequestDeleteType | Unset = (
            UNSET if _delete_type is UNSET else DeleteEventRequestDeleteType.from_wire(_delete_type)
        )

        _instance = cls(
            delete_type,
        )

        return _instance
