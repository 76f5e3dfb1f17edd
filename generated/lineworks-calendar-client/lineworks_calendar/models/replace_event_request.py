from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReplaceEventRequest")


@_attrs_define
class ReplaceEventRequest:
    """The whole event, replacing what is stored: the event and its recurrence
    exceptions, every element with the event's `eventId`.

        Attributes:
            event_components (list[EventReplacement]): The event and its recurrence exceptions; every element has the
                event's `eventId`. At most 1000 (spec/NOTES.md L47).
            send_notification (bool | Unset): Whether to notify the attendees (通知の送信フラグ). Default: True.
    """

    event_components: list[EventReplacement]
    send_notification: bool | Unset = UNSET
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "eventComponents": "event_components",
        "sendNotification": "send_notification",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        event_components = []
        for event_components_item_data in self.event_components:
            event_components_item = event_components_item_data.to_dict()
            event_components.append(event_components_item)

        send_notification = self.send_notification

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "eventComponents": event_components,
            }
        )
        if send_notification is not UNSET:
            field_dict["sendNotification"] = send_notification

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        event_components = []
        _event_components = d["eventComponents"]
        for event_components_item_data in _event_components:
            event_components_item = EventReplacement.from_dict(event_components_item_data)

            event_components.append(event_components_item)

        send_notification = d.get("sendNotification", UNSET)

        _instance = cls(
            event_components,
            send_notification,
        )

        return _instance


from ..models.event_replacement import EventReplacement  # noqa: E402
