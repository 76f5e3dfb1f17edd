"""Contains all the data models used in inputs/outputs"""

from .attachment import Attachment
from .attendee import Attendee
from .attendee_input import AttendeeInput
from .attendee_partstat import AttendeePartstat
from .calendar import Calendar
from .calendar_member import CalendarMember
from .calendar_member_input import CalendarMemberInput
from .calendar_member_role import CalendarMemberRole
from .calendar_member_type import CalendarMemberType
from .calendar_personal import CalendarPersonal
from .calendar_personal_list import CalendarPersonalList
from .calendar_personal_list_response_meta_data import CalendarPersonalListResponseMetaData
from .calendar_type import CalendarType
from .create_calendar_request import CreateCalendarRequest
from .create_event_request import CreateEventRequest
from .error import Error
from .event import Event
from .event_components import EventComponents
from .event_list import EventList
from .event_replacement import EventReplacement
from .event_request import EventRequest
from .event_time import EventTime
from .event_time_input import EventTimeInput
from .map_ import Map
from .map_input import MapInput
from .map_url import MapUrl
from .map_url_input import MapUrlInput
from .organizer import Organizer
from .organizer_input import OrganizerInput
from .reminder import Reminder
from .reminder_input import ReminderInput
from .reminder_method import ReminderMethod
from .replace_event_request import ReplaceEventRequest
from .transparency import Transparency
from .update_calendar_personal_request import UpdateCalendarPersonalRequest
from .update_calendar_request import UpdateCalendarRequest
from .video_meeting import VideoMeeting
from .video_meeting_input import VideoMeetingInput
from .visibility import Visibility
from .zoned_date_time import ZonedDateTime
from .zoned_date_time_input import ZonedDateTimeInput

__all__ = (
    "Attachment",
    "Attendee",
    "AttendeeInput",
    "AttendeePartstat",
    "Calendar",
    "CalendarMember",
    "CalendarMemberInput",
    "CalendarMemberRole",
    "CalendarMemberType",
    "CalendarPersonal",
    "CalendarPersonalList",
    "CalendarPersonalListResponseMetaData",
    "CalendarType",
    "CreateCalendarRequest",
    "CreateEventRequest",
    "Error",
    "Event",
    "EventComponents",
    "EventList",
    "EventReplacement",
    "EventRequest",
    "EventTime",
    "EventTimeInput",
    "Map",
    "MapInput",
    "MapUrl",
    "MapUrlInput",
    "Organizer",
    "OrganizerInput",
    "Reminder",
    "ReminderInput",
    "ReminderMethod",
    "ReplaceEventRequest",
    "Transparency",
    "UpdateCalendarPersonalRequest",
    "UpdateCalendarRequest",
    "VideoMeeting",
    "VideoMeetingInput",
    "Visibility",
    "ZonedDateTime",
    "ZonedDateTimeInput",
)
