from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transparency import Transparency
from ..models.visibility import Visibility
from ..types import UNSET, Unset

T = TypeVar("T", bound="Event")


@_attrs_define
class Event:
    """One event component as the service returns it.

    Attributes:
        event_id (str): The event's ID (일정의 고유 ID).
        summary (str): Title of the event (일정의 내용).
        start (EventTime): Start or end of an event. All-day events have `date` (start inclusive, end
            exclusive); timed events have `dateTime` with `timeZone`, never both.
        created_time (ZonedDateTime | Unset): A wall-clock time with its time zone (날짜 및 시간 정보).
        updated_time (ZonedDateTime | Unset): A wall-clock time with its time zone (날짜 및 시간 정보).
        description (str | Unset): Memo (일정의 메모).
        location (str | Unset): Place (일정의 장소).
        map_ (Map | Unset): Map attached to the event (위치 정보).
        map_url (MapUrl | Unset): Image and URL of the attached map.
        category_id (str | Unset): Category ID.
        organizer (Organizer | Unset): The organizer (主催者).
        end (EventTime | Unset): Start or end of an event. All-day events have `date` (start inclusive, end
            exclusive); timed events have `dateTime` with `timeZone`, never both.
        recurrence (list[str] | Unset): Recurrence rules as RFC 5545 content lines: `RRULE:` (section 3.3.10) and
            `EXDATE`
            (section 3.8.5.1), e.g. `RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TH` for every Thursday.
        recurring_event_id (str | Unset): Marks a recurrence exception: the RFC 5545 RECURRENCE-ID (section 3.8.4.4) of
            the
            occurrence it replaces, e.g. `TZID=Asia/Seoul:20211213T140000`.
        transparency (Transparency | Unset): Busy or free: OPAQUE is busy (바쁨), TRANSPARENT is free (한가함).
        visibility (Visibility | Unset): PUBLIC (공개) or PRIVATE (비공개).
        sequence (int | Unset): iCalendar sequence number of the event.
        attendees (list[Attendee] | Unset): Attendees and resources (참가자 정보).
        video_meeting (VideoMeeting | Unset): The video meeting of the event (화상회의 정보).
        reminders (list[Reminder] | Unset): Reminders (일정 알림 정보).
        attachments (list[Attachment] | Unset): Attached files, 100 MB at most in total.
        view_url (str | Unset): Link to the event in the LINE WORKS calendar.
        priority (int | Unset): Importance: 0 undefined, 1 most important, 2 second, ... 9 least important.
    """

    event_id: str
    summary: str
    start: EventTime
    created_time: ZonedDateTime | Unset = UNSET
    updated_time: ZonedDateTime | Unset = UNSET
    description: str | Unset = UNSET
    location: str | Unset = UNSET
    map_: Map | Unset = UNSET
    map_url: MapUrl | Unset = UNSET
    category_id: str | Unset = UNSET
    organizer: Organizer | Unset = UNSET
    end: EventTime | Unset = UNSET
    recurrence: list[str] | Unset = UNSET
    recurring_event_id: str | Unset = UNSET
    transparency: Transparency | Unset = UNSET
    visibility: Visibility | Unset = UNSET
    sequence: int | Unset = UNSET
    attendees: list[Attendee] | Unset = UNSET
    video_meeting: VideoMeeting | Unset = UNSET
    reminders: list[Reminder] | Unset = UNSET
    attachments: list[Attachment] | Unset = UNSET
    view_url: str | Unset = UNSET
    priority: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "eventId": "event_id",
        "summary": "summary",
        "start": "start",
        "createdTime": "created_time",
        "updatedTime": "updated_time",
        "description": "description",
        "location": "location",
        "map": "map_",
        "mapUrl": "map_url",
        "categoryId": "category_id",
        "organizer": "organizer",
        "end": "end",
        "recurrence": "recurrence",
        "recurringEventId": "recurring_event_id",
        "transparency": "transparency",
        "visibility": "visibility",
        "sequence": "sequence",
        "attendees": "attendees",
        "videoMeeting": "video_meeting",
        "reminders": "reminders",
        "attachments": "attachments",
        "viewUrl": "view_url",
        "priority": "priority",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        event_id = self.event_id

        summary = self.summary

        start = self.start.to_dict()

        created_time: dict[str, Any] | Unset = UNSET
        if not isinstance(self.created_time, Unset):
            created_time = self.created_time.to_dict()

        updated_time: dict[str, Any] | Unset = UNSET
        if not isinstance(self.updated_time, Unset):
            updated_time = self.updated_time.to_dict()

        description = self.description

        location = self.location

        map_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.map_, Unset):
            map_ = self.map_.to_dict()

        map_url: dict[str, Any] | Unset = UNSET
        if not isinstance(self.map_url, Unset):
            map_url = self.map_url.to_dict()

        category_id = self.category_id

        organizer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.organizer, Unset):
            organizer = self.organizer.to_dict()

        end: dict[str, Any] | Unset = UNSET
        if not isinstance(self.end, Unset):
            end = self.end.to_dict()

        recurrence: list[str] | Unset = UNSET
        if not isinstance(self.recurrence, Unset):
            recurrence = self.recurrence

        recurring_event_id = self.recurring_event_id

        transparency: str | Unset = UNSET
        if not isinstance(self.transparency, Unset):
            transparency = self.transparency.value

        visibility: str | Unset = UNSET
        if not isinstance(self.visibility, Unset):
            visibility = self.visibility.value

        sequence = self.sequence

        attendees: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attendees, Unset):
            attendees = []
            for attendees_item_data in self.attendees:
                attendees_item = attendees_item_data.to_dict()
                attendees.append(attendees_item)

        video_meeting: dict[str, Any] | Unset = UNSET
        if not isinstance(self.video_meeting, Unset):
            video_meeting = self.video_meeting.to_dict()

        reminders: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.reminders, Unset):
            reminders = []
            for reminders_item_data in self.reminders:
                reminders_item = reminders_item_data.to_dict()
                reminders.append(reminders_item)

        attachments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attachments, Unset):
            attachments = []
            for attachments_item_data in self.attachments:
                attachments_item = attachments_item_data.to_dict()
                attachments.append(attachments_item)

        view_url = self.view_url

        priority = self.priority

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "eventId": event_id,
                "summary": summary,
                "start": start,
            }
        )
        if created_time is not UNSET:
            field_dict["createdTime"] = created_time
        if updated_time is not UNSET:
            field_dict["updatedTime"] = updated_time
        if description is not UNSET:
            field_dict["description"] = description
        if location is not UNSET:
            field_dict["location"] = location
        if map_ is not UNSET:
            field_dict["map"] = map_
        if map_url is not UNSET:
            field_dict["mapUrl"] = map_url
        if category_id is not UNSET:
            field_dict["categoryId"] = category_id
        if organizer is not UNSET:
            field_dict["organizer"] = organizer
        if end is not UNSET:
            field_dict["end"] = end
        if recurrence is not UNSET:
            field_dict["recurrence"] = recurrence
        if recurring_event_id is not UNSET:
            field_dict["recurringEventId"] = recurring_event_id
        if transparency is not UNSET:
            field_dict["transparency"] = transparency
        if visibility is not UNSET:
            field_dict["visibility"] = visibility
        if sequence is not UNSET:
            field_dict["sequence"] = sequence
        if attendees is not UNSET:
            field_dict["attendees"] = attendees
        if video_meeting is not UNSET:
            field_dict["videoMeeting"] = video_meeting
        if reminders is not UNSET:
            field_dict["reminders"] = reminders
        if attachments is not UNSET:
            field_dict["attachments"] = attachments
        if view_url is not UNSET:
            field_dict["viewUrl"] = view_url
        if priority is not UNSET:
            field_dict["priority"] = priority

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        event_id = d["eventId"]

        summary = d["summary"]

        start = EventTime.from_dict(d["start"])

        _created_time = d.get("createdTime", UNSET)
        created_time: ZonedDateTime | Unset = (
            UNSET if _created_time is UNSET else ZonedDateTime.from_dict(_created_time)
        )

        _updated_time = d.get("updatedTime", UNSET)
        updated_time: ZonedDateTime | Unset = (
            UNSET if _updated_time is UNSET else ZonedDateTime.from_dict(_updated_time)
        )

        description = d.get("description", UNSET)

        location = d.get("location", UNSET)

        _map_ = d.get("map", UNSET)
        map_: Map | Unset = UNSET if _map_ is UNSET else Map.from_dict(_map_)

        _map_url = d.get("mapUrl", UNSET)
        map_url: MapUrl | Unset = UNSET if _map_url is UNSET else MapUrl.from_dict(_map_url)

        category_id = d.get("categoryId", UNSET)

        _organizer = d.get("organizer", UNSET)
        organizer: Organizer | Unset = UNSET if _organizer is UNSET else Organizer.from_dict(_organizer)

        _end = d.get("end", UNSET)
        end: EventTime | Unset = UNSET if _end is UNSET else EventTime.from_dict(_end)

        recurrence = cast(list[str], d.get("recurrence", UNSET))

        recurring_event_id = d.get("recurringEventId", UNSET)

        _transparency = d.get("transparency", UNSET)
        transparency: Transparency | Unset = UNSET if _transparency is UNSET else Transparency.from_wire(_transparency)

        _visibility = d.get("visibility", UNSET)
        visibility: Visibility | Unset = UNSET if _visibility is UNSET else Visibility.from_wire(_visibility)

        sequence = d.get("sequence", UNSET)

        _attendees = d.get("attendees", UNSET)
        attendees: list[Attendee] | Unset = UNSET
        if _attendees is not UNSET:
            attendees = []
            for attendees_item_data in _attendees:
                attendees_item = Attendee.from_dict(attendees_item_data)

                attendees.append(attendees_item)

        _video_meeting = d.get("videoMeeting", UNSET)
        video_meeting: VideoMeeting | Unset = (
            UNSET if _video_meeting is UNSET else VideoMeeting.from_dict(_video_meeting)
        )

        _reminders = d.get("reminders", UNSET)
        reminders: list[Reminder] | Unset = UNSET
        if _reminders is not UNSET:
            reminders = []
            for reminders_item_data in _reminders:
                reminders_item = Reminder.from_dict(reminders_item_data)

                reminders.append(reminders_item)

        _attachments = d.get("attachments", UNSET)
        attachments: list[Attachment] | Unset = UNSET
        if _attachments is not UNSET:
            attachments = []
            for attachments_item_data in _attachments:
                attachments_item = Attachment.from_dict(attachments_item_data)

                attachments.append(attachments_item)

        view_url = d.get("viewUrl", UNSET)

        priority = d.get("priority", UNSET)

        _instance = cls(
            event_id,
            summary,
            start,
            created_time,
            updated_time,
            description,
            location,
            map_,
            map_url,
            category_id,
            organizer,
            end,
            recurrence,
            recurring_event_id,
            transparency,
            visibility,
            sequence,
            attendees,
            video_meeting,
            reminders,
            attachments,
            view_url,
            priority,
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


from ..models.attachment import Attachment  # noqa: E402
from ..models.attendee import Attendee  # noqa: E402
from ..models.event_time import EventTime  # noqa: E402
from ..models.map_ import Map  # noqa: E402
from ..models.map_url import MapUrl  # noqa: E402
from ..models.organizer import Organizer  # noqa: E402
from ..models.reminder import Reminder  # noqa: E402
from ..models.video_meeting import VideoMeeting  # noqa: E402
from ..models.zoned_date_time import ZonedDateTime  # noqa: E402
