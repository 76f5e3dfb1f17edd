"""Contains all the data models used in inputs/outputs"""

from .attachment import Attachment
from .attendee import Attendee
from .attendee_partstat import AttendeePartstat
from .create_event_request import CreateEventRequest
from .error import Error
from .event import Event
from .event_components import EventComponents
from .event_list import EventList
from .event_request import EventRequest
from .event_time import EventTime
from .map_ import Map
from .map_url import MapUrl
from .organizer import Organizer
from .reminder import Reminder
from .reminder_method import ReminderMethod
from .transparency import Transparency
from .video_meeting import VideoMeeting
from .visibility import Visibility
from .zoned_date_time import ZonedDateTime

__all__ = (
    "Attachment",
    "Attendee",
    "AttendeePartstat",
    "CreateEventRequest",
    "Error",
    "Event",
    "EventComponents",
    "EventList",
    "EventRequest",
    "EventTime",
    "Map",
    "MapUrl",
    "Organizer",
    "Reminder",
    "ReminderMethod",
    "Transparency",
    "VideoMeeting",
    "Visibility",
    "ZonedDateTime",
)
