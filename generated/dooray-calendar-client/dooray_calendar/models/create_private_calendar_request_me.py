from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.calendar_notification import CalendarNotification


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
        from ..models.calendar_notification import CalendarNotification  # noqa: PLC0415

        d = dict(src_dict)
        color = d.pop("color", UNSET)

        _notification = d.pop("notification", UNSET)
        notification: CalendarNotification | Unset
        if isinstance(_notification, Unset):
            notification = UNSET
        else:
            notification = CalendarNotification.from_dict(_notification)

        _instance = cls(
            color=color,
            notification=notification,
        )

        return _instance
