from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EventComponents")


@_attrs_define
class EventComponents:
    """An event with its recurrence exceptions, as returned by create and list.

    Attributes:
        event_components (list[Event]): The event and its recurrence exceptions.
        organizer_calendar_id (str | Unset): The calendar the event belongs to (이벤트가 속해 있는 calendarId).
    """

    event_components: list[Event]
    organizer_calendar_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "eventComponents": "event_components",
        "organizerCalendarId": "organizer_calendar_id",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        event_components = []
        for event_components_item_data in self.event_components:
            event_components_item = event_components_item_data.to_dict()
            event_components.append(event_components_item)

        organizer_calendar_id = self.organizer_calendar_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "eventComponents": event_components,
            }
        )
        if organizer_calendar_id is not UNSET:
            field_dict["organizerCalendarId"] = organizer_calendar_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        event_components = []
        _event_components = d["eventComponents"]
        for event_components_item_data in _event_components:
            event_components_item = Event.from_dict(event_components_item_data)

            event_components.append(event_components_item)

        organizer_calendar_id = d.get("organizerCalendarId", UNSET)

        _instance = cls(
            event_components,
            organizer_calendar_id,
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


from ..models.event import Event  # noqa: E402
