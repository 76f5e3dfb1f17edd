from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import times as _calspec_times
from .. import types as _calspec_types
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateEventRequest")


@_attrs_define
class CreateEventRequest:
    """A new event.

    Attributes:
        subject (str):
        started_at (datetime.date | datetime.datetime): A time with offset (`2015-09-08T10:30:00+09:00`), or for all-day
            events a date with offset (`2015-09-08+09:00`).
        ended_at (datetime.date | datetime.datetime): A time with offset (`2015-09-08T10:30:00+09:00`), or for all-day
            events a date with offset (`2015-09-08+09:00`).
        users (EventUsersInput | Unset): Invitees; the organizer is the calling member.
        body (BodyInput | Unset):
        whole_day_flag (bool | Unset): All-day; `startedAt`/`endedAt` are then dates with an offset, end exclusive.
        location (str | Unset):
        recurrence_rule (RecurrenceRuleInput | Unset): How the event repeats. No count, no exceptions.
        personal_settings (PersonalSettings | Unset): The calling member's own settings for the event.
    """

    subject: str
    started_at: datetime.date | datetime.datetime = _attrs_field(
        validator=_calspec_times.validator(
            "CreateEventRequest",
            "started_at",
            "startedAt",
            (
                "date-time",
                "offset-date",
            ),
        )
    )
    ended_at: datetime.date | datetime.datetime = _attrs_field(
        validator=_calspec_times.validator(
            "CreateEventRequest",
            "ended_at",
            "endedAt",
            (
                "date-time",
                "offset-date",
            ),
        )
    )
    users: EventUsersInput | Unset = UNSET
    body: BodyInput | Unset = UNSET
    whole_day_flag: bool | Unset = UNSET
    location: str | Unset = UNSET
    recurrence_rule: RecurrenceRuleInput | Unset = UNSET
    personal_settings: PersonalSettings | Unset = UNSET
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "subject": "subject",
        "startedAt": "started_at",
        "endedAt": "ended_at",
        "users": "users",
        "body": "body",
        "wholeDayFlag": "whole_day_flag",
        "location": "location",
        "recurrenceRule": "recurrence_rule",
        "personalSettings": "personal_settings",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        subject = self.subject

        started_at: str
        if isinstance(self.started_at, datetime.datetime):
            started_at = _calspec_types.format_datetime(self.started_at)
        else:
            started_at = _calspec_types.format_date(self.started_at)

        ended_at: str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = _calspec_types.format_datetime(self.ended_at)
        else:
            ended_at = _calspec_types.format_date(self.ended_at)

        users: dict[str, Any] | Unset = UNSET
        if not isinstance(self.users, Unset):
            users = self.users.to_dict()

        body: dict[str, Any] | Unset = UNSET
        if not isinstance(self.body, Unset):
            body = self.body.to_dict()

        whole_day_flag = self.whole_day_flag

        location = self.location

        recurrence_rule: dict[str, Any] | Unset = UNSET
        if not isinstance(self.recurrence_rule, Unset):
            recurrence_rule = self.recurrence_rule.to_dict()

        personal_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.personal_settings, Unset):
            personal_settings = self.personal_settings.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "subject": subject,
                "startedAt": started_at,
                "endedAt": ended_at,
            }
        )
        if users is not UNSET:
            field_dict["users"] = users
        if body is not UNSET:
            field_dict["body"] = body
        if whole_day_flag is not UNSET:
            field_dict["wholeDayFlag"] = whole_day_flag
        if location is not UNSET:
            field_dict["location"] = location
        if recurrence_rule is not UNSET:
            field_dict["recurrenceRule"] = recurrence_rule
        if personal_settings is not UNSET:
            field_dict["personalSettings"] = personal_settings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        subject = d["subject"]

        def _parse_started_at(data: object) -> datetime.date | datetime.datetime:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_event_time_input_type_0 = _calspec_types.parse_datetime(data)

                return componentsschemas_event_time_input_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            componentsschemas_event_time_input_type_1 = _calspec_types.parse_date(data)

            return componentsschemas_event_time_input_type_1

        started_at = _parse_started_at(d["startedAt"])

        def _parse_ended_at(data: object) -> datetime.date | datetime.datetime:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_event_time_input_type_0 = _calspec_types.parse_datetime(data)

                return componentsschemas_event_time_input_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            componentsschemas_event_time_input_type_1 = _calspec_types.parse_date(data)

            return componentsschemas_event_time_input_type_1

        ended_at = _parse_ended_at(d["endedAt"])

        _users = d.get("users", UNSET)
        users: EventUsersInput | Unset = UNSET if _users is UNSET else EventUsersInput.from_dict(_users)

        _body = d.get("body", UNSET)
        body: BodyInput | Unset = UNSET if _body is UNSET else BodyInput.from_dict(_body)

        whole_day_flag = d.get("wholeDayFlag", UNSET)

        location = d.get("location", UNSET)

        _recurrence_rule = d.get("recurrenceRule", UNSET)
        recurrence_rule: RecurrenceRuleInput | Unset = (
            UNSET if _recurrence_rule is UNSET else RecurrenceRuleInput.from_dict(_recurrence_rule)
        )

        _personal_settings = d.get("personalSettings", UNSET)
        personal_settings: PersonalSettings | Unset = (
            UNSET if _personal_settings is UNSET else PersonalSettings.from_dict(_personal_settings)
        )

        _instance = cls(
            subject,
            started_at,
            ended_at,
            users,
            body,
            whole_day_flag,
            location,
            recurrence_rule,
            personal_settings,
        )

        return _instance


from ..models.body_input import BodyInput  # noqa: E402
from ..models.event_users_input import EventUsersInput  # noqa: E402
from ..models.personal_settings import PersonalSettings  # noqa: E402
from ..models.recurrence_rule_input import RecurrenceRuleInput  # noqa: E402
