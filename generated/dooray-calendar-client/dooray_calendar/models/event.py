from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types as _calspec_types
from ..models.event_category import EventCategory
from ..models.recurrence_type import RecurrenceType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Event")


@_attrs_define
class Event:
    """An event (일정), a project post (업무) or a milestone (단계), as the calendar shows it.
    List items have no `body` and no `users`; detail has both.

        Attributes:
            id (str): Event ID; for an occurrence of a series `{masterId}-{YYYYMMDDTHHMMSSZ}` (its UTC start); for a post,
                the post ID; for a milestone, the milestone ID.
            master_schedule_id (str | Unset): The series (or the event itself when it doesn't recur).
            calendar (NamedRef | Unset):
            project (NamedRef | Unset):
            recurrence_id (None | str | Unset): Set on an occurrence of a series.
            started_at (datetime.date | datetime.datetime | None | Unset): A timed value with offset
                (`2015-09-08T10:30:00+09:00`), or for an all-day event a
                date with offset (`2015-09-08+09:00`); null for posts without dates.
            ended_at (datetime.date | datetime.datetime | None | Unset): A timed value with offset
                (`2015-09-08T10:30:00+09:00`), or for an all-day event a
                date with offset (`2015-09-08+09:00`); null for posts without dates.
            due_date (datetime.datetime | None | Unset):
            due_date_class (None | str | Unset): Undocumented; seen on some posts (morning, lunch, evening).
            location (None | str | Unset):
            subject (str | Unset):
            body (Body | Unset): The event's content (detail only).
            created_at (datetime.datetime | None | Unset):
            updated_at (datetime.datetime | None | Unset):
            category (EventCategory | Unset): general: an event; post: a project post (업무); milestone: a project milestone
                (단계).
            whole_day_flag (bool | Unset): All-day event; `startedAt`/`endedAt` are then dates with an offset.
            users (EventUsers | None | Unset):
            me (EventMe | Unset): The calling member's own place on the event.
            files (list[EventFile] | Unset):
            tenant (EventTenant | Unset):
            uid (str | Unset): iCalendar UID, e.g. `1@dooray.com`, `3234234+post@dooray.com`.
            recurrence_type (RecurrenceType | Unset): none: not recurring; unmodified: an occurrence of a series; modified:
                an occurrence edited on its own.
            recurrence_rule (RecurrenceRule | Unset): The rule of a recurring series. No count, no exdate.
            conferencing (Conferencing | Unset): The video meeting (화상회의).
    """

    id: str
    master_schedule_id: str | Unset = UNSET
    calendar: NamedRef | Unset = UNSET
    project: NamedRef | Unset = UNSET
    recurrence_id: None | str | Unset = UNSET
    started_at: datetime.date | datetime.datetime | None | Unset = UNSET
    ended_at: datetime.date | datetime.datetime | None | Unset = UNSET
    due_date: datetime.datetime | None | Unset = UNSET
    due_date_class: None | str | Unset = UNSET
    location: None | str | Unset = UNSET
    subject: str | Unset = UNSET
    body: Body | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    category: EventCategory | Unset = UNSET
    whole_day_flag: bool | Unset = UNSET
    users: EventUsers | None | Unset = UNSET
    me: EventMe | Unset = UNSET
    files: list[EventFile] | Unset = UNSET
    tenant: EventTenant | Unset = UNSET
    uid: str | Unset = UNSET
    recurrence_type: RecurrenceType | Unset = UNSET
    recurrence_rule: RecurrenceRule | Unset = UNSET
    conferencing: Conferencing | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "id": "id",
        "masterScheduleId": "master_schedule_id",
        "calendar": "calendar",
        "project": "project",
        "recurrenceId": "recurrence_id",
        "startedAt": "started_at",
        "endedAt": "ended_at",
        "dueDate": "due_date",
        "dueDateClass": "due_date_class",
        "location": "location",
        "subject": "subject",
        "body": "body",
        "createdAt": "created_at",
        "updatedAt": "updated_at",
        "category": "category",
        "wholeDayFlag": "whole_day_flag",
        "users": "users",
        "me": "me",
        "files": "files",
        "tenant": "tenant",
        "uid": "uid",
        "recurrenceType": "recurrence_type",
        "recurrenceRule": "recurrence_rule",
        "conferencing": "conferencing",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        master_schedule_id = self.master_schedule_id

        calendar: dict[str, Any] | Unset = UNSET
        if not isinstance(self.calendar, Unset):
            calendar = self.calendar.to_dict()

        project: dict[str, Any] | Unset = UNSET
        if not isinstance(self.project, Unset):
            project = self.project.to_dict()

        recurrence_id: None | str | Unset
        if isinstance(self.recurrence_id, Unset):
            recurrence_id = UNSET
        else:
            recurrence_id = self.recurrence_id

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = _calspec_types.format_datetime(self.started_at)
        elif isinstance(self.started_at, datetime.date):
            started_at = _calspec_types.format_date(self.started_at)
        else:
            started_at = self.started_at

        ended_at: None | str | Unset
        if isinstance(self.ended_at, Unset):
            ended_at = UNSET
        elif isinstance(self.ended_at, datetime.datetime):
            ended_at = _calspec_types.format_datetime(self.ended_at)
        elif isinstance(self.ended_at, datetime.date):
            ended_at = _calspec_types.format_date(self.ended_at)
        else:
            ended_at = self.ended_at

        due_date: None | str | Unset
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.datetime):
            due_date = _calspec_types.format_datetime(self.due_date)
        else:
            due_date = self.due_date

        due_date_class: None | str | Unset
        if isinstance(self.due_date_class, Unset):
            due_date_class = UNSET
        else:
            due_date_class = self.due_date_class

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        subject = self.subject

        body: dict[str, Any] | Unset = UNSET
        if not isinstance(self.body, Unset):
            body = self.body.to_dict()

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = _calspec_types.format_datetime(self.created_at)
        else:
            created_at = self.created_at

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = _calspec_types.format_datetime(self.updated_at)
        else:
            updated_at = self.updated_at

        category: str | Unset = UNSET
        if not isinstance(self.category, Unset):
            category = self.category.value

        whole_day_flag = self.whole_day_flag

        users: dict[str, Any] | None | Unset
        if isinstance(self.users, Unset):
            users = UNSET
        elif isinstance(self.users, EventUsers):
            users = self.users.to_dict()
        else:
            users = self.users

        me: dict[str, Any] | Unset = UNSET
        if not isinstance(self.me, Unset):
            me = self.me.to_dict()

        files: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.files, Unset):
            files = []
            for files_item_data in self.files:
                files_item = files_item_data.to_dict()
                files.append(files_item)

        tenant: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tenant, Unset):
            tenant = self.tenant.to_dict()

        uid = self.uid

        recurrence_type: str | Unset = UNSET
        if not isinstance(self.recurrence_type, Unset):
            recurrence_type = self.recurrence_type.value

        recurrence_rule: dict[str, Any] | Unset = UNSET
        if not isinstance(self.recurrence_rule, Unset):
            recurrence_rule = self.recurrence_rule.to_dict()

        conferencing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.conferencing, Unset):
            conferencing = self.conferencing.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if master_schedule_id is not UNSET:
            field_dict["masterScheduleId"] = master_schedule_id
        if calendar is not UNSET:
            field_dict["calendar"] = calendar
        if project is not UNSET:
            field_dict["project"] = project
        if recurrence_id is not UNSET:
            field_dict["recurrenceId"] = recurrence_id
        if started_at is not UNSET:
            field_dict["startedAt"] = started_at
        if ended_at is not UNSET:
            field_dict["endedAt"] = ended_at
        if due_date is not UNSET:
            field_dict["dueDate"] = due_date
        if due_date_class is not UNSET:
            field_dict["dueDateClass"] = due_date_class
        if location is not UNSET:
            field_dict["location"] = location
        if subject is not UNSET:
            field_dict["subject"] = subject
        if body is not UNSET:
            field_dict["body"] = body
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at
        if category is not UNSET:
            field_dict["category"] = category
        if whole_day_flag is not UNSET:
            field_dict["wholeDayFlag"] = whole_day_flag
        if users is not UNSET:
            field_dict["users"] = users
        if me is not UNSET:
            field_dict["me"] = me
        if files is not UNSET:
            field_dict["files"] = files
        if tenant is not UNSET:
            field_dict["tenant"] = tenant
        if uid is not UNSET:
            field_dict["uid"] = uid
        if recurrence_type is not UNSET:
            field_dict["recurrenceType"] = recurrence_type
        if recurrence_rule is not UNSET:
            field_dict["recurrenceRule"] = recurrence_rule
        if conferencing is not UNSET:
            field_dict["conferencing"] = conferencing

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        id = d["id"]

        master_schedule_id = d.get("masterScheduleId", UNSET)

        _calendar = d.get("calendar", UNSET)
        calendar: NamedRef | Unset = UNSET if _calendar is UNSET else NamedRef.from_dict(_calendar)

        _project = d.get("project", UNSET)
        project: NamedRef | Unset = UNSET if _project is UNSET else NamedRef.from_dict(_project)

        def _parse_recurrence_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        recurrence_id = _parse_recurrence_id(d.get("recurrenceId", UNSET))

        def _parse_started_at(data: object) -> datetime.date | datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_event_time_type_0 = _calspec_types.parse_datetime(data)

                return componentsschemas_event_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_event_time_type_1 = _calspec_types.parse_date(data)

                return componentsschemas_event_time_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.get("startedAt", UNSET))

        def _parse_ended_at(data: object) -> datetime.date | datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_event_time_type_0 = _calspec_types.parse_datetime(data)

                return componentsschemas_event_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_event_time_type_1 = _calspec_types.parse_date(data)

                return componentsschemas_event_time_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | datetime.datetime | None | Unset, data)

        ended_at = _parse_ended_at(d.get("endedAt", UNSET))

        def _parse_due_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_nullable_date_time_type_0 = _calspec_types.parse_datetime(data)

                return componentsschemas_nullable_date_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        due_date = _parse_due_date(d.get("dueDate", UNSET))

        def _parse_due_date_class(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        due_date_class = _parse_due_date_class(d.get("dueDateClass", UNSET))

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.get("location", UNSET))

        subject = d.get("subject", UNSET)

        _body = d.get("body", UNSET)
        body: Body | Unset = UNSET if _body is UNSET else Body.from_dict(_body)

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_nullable_date_time_type_0 = _calspec_types.parse_datetime(data)

                return componentsschemas_nullable_date_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.get("createdAt", UNSET))

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_nullable_date_time_type_0 = _calspec_types.parse_datetime(data)

                return componentsschemas_nullable_date_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.get("updatedAt", UNSET))

        _category = d.get("category", UNSET)
        category: EventCategory | Unset = UNSET if _category is UNSET else EventCategory.from_wire(_category)

        whole_day_flag = d.get("wholeDayFlag", UNSET)

        def _parse_users(data: object) -> EventUsers | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                users_type_0 = EventUsers.from_dict(data)

                return users_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventUsers | None | Unset, data)

        users = _parse_users(d.get("users", UNSET))

        _me = d.get("me", UNSET)
        me: EventMe | Unset = UNSET if _me is UNSET else EventMe.from_dict(_me)

        _files = d.get("files", UNSET)
        files: list[EventFile] | Unset = UNSET
        if _files is not UNSET:
            files = []
            for files_item_data in _files:
                files_item = EventFile.from_dict(files_item_data)

                files.append(files_item)

        _tenant = d.get("tenant", UNSET)
        tenant: EventTenant | Unset = UNSET if _tenant is UNSET else EventTenant.from_dict(_tenant)

        uid = d.get("uid", UNSET)

        _recurrence_type = d.get("recurrenceType", UNSET)
        recurrence_type: RecurrenceType | Unset = (
            UNSET if _recurrence_type is UNSET else RecurrenceType.from_wire(_recurrence_type)
        )

        _recurrence_rule = d.get("recurrenceRule", UNSET)
        recurrence_rule: RecurrenceRule | Unset = (
            UNSET if _recurrence_rule is UNSET else RecurrenceRule.from_dict(_recurrence_rule)
        )

        _conferencing = d.get("conferencing", UNSET)
        conferencing: Conferencing | Unset = UNSET if _conferencing is UNSET else Conferencing.from_dict(_conferencing)

        _instance = cls(
            id,
            master_schedule_id,
            calendar,
            project,
            recurrence_id,
            started_at,
            ended_at,
            due_date,
            due_date_class,
            location,
            subject,
            body,
            created_at,
            updated_at,
            category,
            whole_day_flag,
            users,
            me,
            files,
            tenant,
            uid,
            recurrence_type,
            recurrence_rule,
            conferencing,
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


from ..models.body import Body  # noqa: E402
from ..models.conferencing import Conferencing  # noqa: E402
from ..models.event_file import EventFile  # noqa: E402
from ..models.event_me import EventMe  # noqa: E402
from ..models.event_tenant import EventTenant  # noqa: E402
from ..models.event_users import EventUsers  # noqa: E402
from ..models.named_ref import NamedRef  # noqa: E402
from ..models.recurrence_rule import RecurrenceRule  # noqa: E402
