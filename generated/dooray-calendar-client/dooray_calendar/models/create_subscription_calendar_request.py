from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

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
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

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
        d = src_dict
        name = d["name"]

        type_ = cast(Literal["subscription"], d["type"])
        if type_ != "subscription":
            raise ValueError(f"type must match const 'subscription', got '{type_}'")

        calendar_url = d["calendarUrl"]

        _me = d.get("me", UNSET)
        me: CreateSubscriptionCalendarRequestMe | Unset = (
            UNSET if _me is UNSET else CreateSubscriptionCalendarRequestMe.from_dict(_me)
        )

        _instance = cls(
            name,
            type_,
            calendar_url,
            me,
        )

        return _instance


from ..models.create_subscription_calendar_request_me import CreateSubscriptionCalendarRequestMe  # noqa: E402
