from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreatePrivateCalendarRequestMe")


@_attrs_define
class CreatePrivateCalendarRequestMe:
    """The member's own settings for the new calendar.

    Attributes:
        color (str | Unset): Display colour, `#rrggbb`. The create example of the document sends `ffffff`, its
            subscription example `#ffffff`: both are taken, and answers always carry the `#` (spec/NOTES.md D36).
        notification (CalendarNotification | Unset): Default reminders of the calendar's events.
    """

    color: str | Unset = UNSET
    notification: CalendarNotification | Unset = UNSET
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "color": "color",
        "notification": "notification",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        color = self.color

        notification: dict[str, Any] | Unset = UNSET
        if not isinstance(self.notification, Unset):
            notification = self.notification.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if color is not UNSET:
            field_dict["color"] = color
        if notification is not UNSET:
            field_dict["notification"] = notification

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        color = d.get("color", UNSET)

        _notification = d.get("notification", UNSET)
        notification: CalendarNotification | Unset = (
            UNSET if _notification is UNSET else CalendarNotification.from_dict(_notification)
        )

        _instance = cls(
            color,
            notification,
        )

        return _instance


from ..models.calendar_notification import CalendarNotification  # noqa: E402
