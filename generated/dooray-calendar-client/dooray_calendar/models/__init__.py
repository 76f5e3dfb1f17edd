"""Contains all the data models used in inputs/outputs"""

from .attendance_status import AttendanceStatus
from .body import Body
from .calendar import Calendar
from .calendar_list_response import CalendarListResponse
from .calendar_me import CalendarMe
from .calendar_member import CalendarMember
from .calendar_member_distribution_list import CalendarMemberDistributionList
from .calendar_member_type import CalendarMemberType
from .calendar_response import CalendarResponse
from .calendar_role import CalendarRole
from .calendar_type import CalendarType
from .conferencing import Conferencing
from .email_user import EmailUser
from .error_response import ErrorResponse
from .event import Event
from .event_category import EventCategory
from .event_file import EventFile
from .event_list_response import EventListResponse
from .event_me import EventMe
from .event_me_type import EventMeType
from .event_me_user_type import EventMeUserType
from .event_response import EventResponse
from .event_tenant import EventTenant
from .event_user import EventUser
from .event_user_type import EventUserType
from .event_users import EventUsers
from .member_ref import MemberRef
from .named_ref import NamedRef
from .post_type import PostType
from .recurrence_rule import RecurrenceRule
from .recurrence_rule_frequency import RecurrenceRuleFrequency
from .recurrence_type import RecurrenceType
from .response_header import ResponseHeader

__all__ = (
    "AttendanceStatus",
    "Body",
    "Calendar",
    "CalendarListResponse",
    "CalendarMe",
    "CalendarMember",
    "CalendarMemberDistributionList",
    "CalendarMemberType",
    "CalendarResponse",
    "CalendarRole",
    "CalendarType",
    "Conferencing",
    "EmailUser",
    "ErrorResponse",
    "Event",
    "EventCategory",
    "EventFile",
    "EventListResponse",
    "EventMe",
    "EventMeType",
    "EventMeUserType",
    "EventResponse",
    "EventTenant",
    "EventUser",
    "EventUsers",
    "EventUserType",
    "MemberRef",
    "NamedRef",
    "PostType",
    "RecurrenceRule",
    "RecurrenceRuleFrequency",
    "RecurrenceType",
    "ResponseHeader",
)
