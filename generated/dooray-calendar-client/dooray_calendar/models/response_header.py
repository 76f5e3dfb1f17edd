from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ResponseHeader")


@_attrs_define
class ResponseHeader:
    """Outcome of the call. Branch on the HTTP status and `resultCode`; `resultMessage` is
    for people and may change.

        Attributes:
            is_successful (bool):
            result_code (int): 0 on success. No other values are documented.
            result_message (str):
    """

    is_successful: bool
    result_code: int
    result_message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "isSuccessful": "is_successful",
        "resultCode": "result_code",
        "resultMessage": "result_message",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        is_successful = self.is_successful

        result_code = self.result_code

        result_message = self.result_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "isSuccessful": is_successful,
                "resultCode": result_code,
                "resultMessage": result_message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        is_successful = d["isSuccessful"]

        result_code = d["resultCode"]

        result_message = d["resultMessage"]

        _instance = cls(
            is_successful,
            result_code,
            result_message,
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
