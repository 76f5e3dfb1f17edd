from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define

from ..models.transparency import Transparency
from ..models.visibility import Visibility
from ..types import UNSET, Unset

T = TypeVar("T", bound="EventRequest")


@_attrs_define
class EventRequest:
    """One event component as sent; read-only fields of `Event` are left out.

    Attributes:
        summary (str): Title of the event (일정의 내용).
        start (EventTimeInput): Start or end of an event. All-day events have `date` (start inclusive, end
            exclusive); timed events have `dateTime` with `timeZone`, never both.
        event_id (str | Unset): The event's ID; assigned when left out (지정하지 않으면 자동으로 할당된다).
        description (str | Unset): Memo (일정의 메모).
        location (str | Unset): Place (일정의 장소).
        map_ (MapInput | Unset): Map attached to the event (위치 정보).
        map_url (MapUrlInput | Unset): Image and URL of the attached map.
        category_id (str | Unset): Category ID; read it from an event that has the category set.
        organizer (OrganizerInput | Unset): The organizer (主催者).
        end (EventTimeInput | Unset): Start or end of an event. All-day events have `date` (start inclusive, end
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
        attendees (list[AttendeeInput] | Unset): Attendees and resources (참가자 정보).
        video_meeting (VideoMeetingInput | Unset): The video meeting of the event (화상회의 정보).
        reminders (list[ReminderInput] | Unset): Reminders (일정 알림 정보).
        priority (int | Unset): Importance: 0 undefined, 1 most important, 2 second, ... 9 least important.
    """

    summary: str
    start: EventTimeInput
    event_id: str | Unset = UNSET
    description: str | Unset = UNSET
    location: str | Unset = UNSET
    map_: MapInput | Unset = UNSET
    map_url: MapUrlInput | Unset = UNSET
    category_id: str | Unset = UNSET
    organizer: OrganizerInput | Unset = UNSET
    end: EventTimeInput | Unset = UNSET
    recurrence: list[str] | Unset = UNSET
    recurring_event_id: str | Unset = UNSET
    transparency: Transparency | Unset = UNSET
    visibility: Visibility | Unset = UNSET
    sequence: int | Unset = UNSET
    attendees: list[AttendeeInput] | Unset = UNSET
    video_meeting: VideoMeetingInput | Unset = UNSET
    reminders: list[ReminderInput] | Unset = UNSET
    priority: int | Unset = UNSET
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "summary": "summary",
        "start": "start",
        "eventId": "event_id",
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
        "priority": "priority",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        summary = self.summary

        start = self.start.to_dict()

        event_id = self.event_id

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

        priority = self.priority

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "summary": summary,
                "start": start,
            }
        )
        if event_id is not UNSET:
            field_dict["eventId"] = event_id
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
        if priority is not UNSET:
            field_dict["priority"] = priority

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        summary = d["summary"]

        start = EventTimeInput.from_dict(d["start"])

        event_id = d.get("eventId", UNSET)

        description = d.get("description", UNSET)

        location = d.get("location", UNSET)

        _map_ = d.get("map", UNSET)
        map_: MapInput | Unset = UNSET if _map_ is UNSET else MapInput.from_dict(_map_)

        _map_url = d.get("mapUrl", UNSET)
        map_url: MapUrlInput | Unset = UNSET if _map_url is UNSET else MapUrlInput.from_dict(_map_url)

        category_id = d.get("categoryId", UNSET)

        _organizer = d.get("organizer", UNSET)
        organizer: OrganizerInput | Unset = UNSET if _organizer is UNSET else OrganizerInput.from_dict(_organizer)

        _end = d.get("end", UNSET)
        end: EventTimeInput | Unset = UNSET if _end is UNSET else EventTimeInput.from_dict(_end)

        recurrence = cast(list[str], d.get("recurrence", UNSET))

        recurring_event_id = d.get("recurringEventId", UNSET)

        _transparency = d.get("transparency", UNSET)
        transparency: Transparency | Unset = UNSET if _transparency is UNSET else Transparency.from_wire(_transparency)

        _visibility = d.get("visibility", UNSET)
        visibility: Visibility | Unset = UNSET if _visibility is UNSET else Visibility.from_wire(_visibility)

        sequence = d.get("sequence", UNSET)

        _attendees = d.get("attendees", UNSET)
        attendees: list[AttendeeInput] | Unset = UNSET
        if _attendees is not UNSET:
            attendees = []
            for attendees_item_data in _attendees:
                attendees_item = AttendeeInput.from_dict(attendees_item_data)

                attendees.append(attendees_item)

        _video_meeting = d.get("videoMeeting", UNSET)
        video_meeting: VideoMeetingInput | Unset = (
            UNSET if _video_meeting is UNSET else VideoMeetingInput.from_dict(_video_meeting)
        )

        _reminders = d.get("reminders", UNSET)
        reminders: list[ReminderInput] | Unset = UNSET
        if _reminders is not UNSET:
            reminders = []
            for reminders_item_data in _reminders:
                reminders_item = ReminderInput.from_dict(reminders_item_data)

                reminders.append(reminders_item)

        priority = d.get("priority", UNSET)

        _instance = cls(
            summary,
            start,
            event_id,
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
            priority,
        )

        return _instance


from ..models.attendee_input import AttendeeInput  # noqa: E402
from ..models.event_time_input import EventTimeInput  # noqa: E402
from ..models.map_input import MapInput  # noqa: E402
from ..models.map_url_input import MapUrlInput  # noqa: E402
from ..models.organizer_input import OrganizerInput  # noqa: E402
from ..models.reminder_input import ReminderInput  # noqa: E402
from ..models.video_meeting_input import VideoMeetingInput  # noqa: E402
