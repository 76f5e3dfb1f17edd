"""Contains all the data models used in inputs/outputs"""

from .attachment import Attachment
from .attendee import Attendee
from .attendee_partstat import AttendeePartstat
from .calendar import Calendar
from .calendar_member import CalendarMember
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
from .map_ import Map
from .map_url import MapUrl
from .organizer import Organizer
from .reminder import Reminder
from .reminder_method import ReminderMethod
from .replace_event_request import ReplaceEventRequest
from .transparency import Transparency
from .update_calendar_personal_request import UpdateCalendarPersonalRequest
from .update_calendar_request import UpdateCalendarRequest
from .video_meeting import VideoMeeting
from .visibility import Visibility
from .zoned_date_time import ZonedDateTime

__all__ = (
    "Attachment",
    "Attendee",
    "AttendeePartstat",
    "Calendar",
    "CalendarMember",
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
    "Map",
    "MapUrl",
    "Organizer",
    "Reminder",
    "ReminderMethod",
    "ReplaceEventRequest",
    "Transparency",
    "UpdateCalendarPersonalRequest",
    "UpdateCalendarRequest",
    "VideoMeeting",
    "Visibility",
    "ZonedDateTime",
)
