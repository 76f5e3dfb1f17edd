from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CalendarPersonalList")


@_attrs_define
class CalendarPersonalList:
    """One page of the calendars the user sees.

    Attributes:
        calendar_personals (list[CalendarPersonal] | Unset):
        response_meta_data (CalendarPersonalListResponseMetaData | Unset): Paging.
    """

    calendar_personals: list[CalendarPersonal] | Unset = UNSET
    response_meta_data: CalendarPersonalListResponseMetaData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "calendarPersonals": "calendar_personals",
        "responseMetaData": "response_meta_data",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        calendar_personals: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.calendar_personals, Unset):
            calendar_personals = []
            for calendar_personals_item_data in self.calendar_personals:
                calendar_personals_item = calendar_personals_item_data.to_dict()
                calendar_personals.append(calendar_personals_item)

        response_meta_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.response_meta_data, Unset):
            response_meta_data = self.response_meta_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if calendar_personals is not UNSET:
            field_dict["calendarPersonals"] = calendar_personals
        if response_meta_data is not UNSET:
            field_dict["responseMetaData"] = response_meta_data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        _calendar_personals = d.get("calendarPersonals", UNSET)
        calendar_personals: list[CalendarPersonal] | Unset = UNSET
        if _calendar_personals is not UNSET:
            calendar_personals = []
            for calendar_personals_item_data in _calendar_personals:
                calendar_personals_item = CalendarPersonal.from_dict(calendar_personals_item_data)

                calendar_personals.append(calendar_personals_item)

        _response_meta_data = d.get("responseMetaData", UNSET)
        response_meta_data: CalendarPersonalListResponseMetaData | Unset = (
            UNSET
            if _response_meta_data is UNSET
            else CalendarPersonalListResponseMetaData.from_dict(_response_meta_data)
        )

        _instance = cls(
            calendar_personals,
            response_meta_data,
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


from ..models.calendar_personal import CalendarPersonal  # noqa: E402
from ..models.calendar_personal_list_response_meta_data import CalendarPersonalListResponseMetaData  # noqa: E402
