from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.create_subscription_calendar_request_me import CreateSubscriptionCalendarRequestMe


T = TypeVar("T", bound="CreateSubscriptionCalendarRequest")


@_attrs_define
class CreateSubscriptionCalendarRequest:
    """
    Attributes:
        name (str):
        type_ (Literal['subscription']):
        calendar_url (str): The iCalendar feed to subscribe to.
        me (CreateSubscriptionCalendarRequestMe | Unset):
    """

    name: str
    type_: Literal["subscription"]
    calendar_url: str
    me: CreateSubscriptionCalendarRequestMe | Unset = UNSET
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "name": "name",
        "type": "type_",
        "calendarUrl": "calendar_url",
        "me": "me",
    }

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_ = self.type_

        calendar_url = self.calendar_url

        me: dict[str, Any] | Unset = UNSET
        if not isinstance(self.me, Unset):
            me = self.me.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "type": type_,
                "calendarUrl": calendar_url,
            }
        )
        if me is not UNSET:
            field_dict["me"] = me

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.create_subscription_calendar_request_me import CreateSubscriptionCalendarRequestMe  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        type_ = cast(Literal["subscription"], d.pop("type"))
        if type_ != "subscription":
            raise ValueError(f"type must match const 'subscription', got '{type_}'")

        calendar_url = d.pop("calendarUrl")

        _me = d.pop("me", UNSET)
        me: CreateSubscriptionCalendarRequestMe | Unset
        if isinstance(_me, Unset):
            me = UNSET
        else:
            me = CreateSubscriptionCalendarRequestMe.from_dict(_me)

        _instance = cls(
            name=name,
            type_=type_,
            calendar_url=calendar_url,
            me=me,
        )

        return _instance
