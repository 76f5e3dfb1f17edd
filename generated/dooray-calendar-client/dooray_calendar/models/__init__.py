"""Contains all the data models used in inputs/outputs"""

from .attendance_status import AttendanceStatus
from .body import Body
from .body_input import BodyInput
from .body_input_mime_type import BodyInputMimeType
from .calendar import Calendar
from .calendar_alarm import CalendarAlarm
from .calendar_alarm_action import CalendarAlarmAction
from .calendar_alarm_option import CalendarAlarmOption
from .calendar_alarm_option_params import CalendarAlarmOptionParams
from .calendar_alarm_option_type import CalendarAlarmOptionType
from .calendar_list_response import CalendarListResponse
from .calendar_me import CalendarMe
from .calendar_member import CalendarMember
from .calendar_member_distribution_list import CalendarMemberDistributionList
from .calendar_member_type import CalendarMemberType
from .calendar_notification import CalendarNotification
from .calendar_response import CalendarResponse
from .calendar_role import CalendarRole
from .calendar_type import CalendarType
from .conferencing import Conferencing
from .create_event_request import CreateEventRequest
from .create_private_calendar_request import CreatePrivateCalendarRequest
from .create_private_calendar_request_me import CreatePrivateCalendarRequestMe
from .create_subscription_calendar_request import CreateSubscriptionCalendarRequest
from .create_subscription_calendar_request_me import CreateSubscriptionCalendarRequestMe
from .created_response import CreatedResponse
from .created_response_result import CreatedResponseResult
from .delete_event_request import DeleteEventRequest
from .delete_event_request_delete_type import DeleteEventRequestDeleteType
from .distribution_list_grant import DistributionListGrant
from .distribution_list_grant_distribution_list import DistributionListGrantDistributionList
from .email_invitee import EmailInvitee
from .email_invitee_email_user import EmailInviteeEmailUser
from .email_user import EmailUser
from .empty_response import EmptyResponse
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
from .event_users_input import EventUsersInput
from .input_role import InputRole
from .member_grant import MemberGrant
from .member_grant_member import MemberGrantMember
from .member_invitee import MemberInvitee
from .member_invitee_member import MemberInviteeMember
from .member_ref import MemberRef
from .named_ref import NamedRef
from .personal_settings import PersonalSettings
from .personal_settings_alarms_item import PersonalSettingsAlarmsItem
from .personal_settings_alarms_item_action import PersonalSettingsAlarmsItemAction
from .personal_settings_class import PersonalSettingsClass
from .post_type import PostType
from .recurrence_rule import RecurrenceRule
from .recurrence_rule_frequency import RecurrenceRuleFrequency
from .recurrence_rule_input import RecurrenceRuleInput
from .recurrence_rule_input_frequency import RecurrenceRuleInputFrequency
from .recurrence_type import RecurrenceType
from .replace_calendar_members_request import ReplaceCalendarMembersRequest
from .response_header import ResponseHeader
from .update_event_request import UpdateEventRequest

__all__ = (
    "AttendanceStatus",
    "Body",
    "BodyInput",
    "BodyInputMimeType",
    "Calendar",
    "CalendarAlarm",
    "CalendarAlarmAction",
    "CalendarAlarmOption",
    "CalendarAlarmOptionParams",
    "CalendarAlarmOptionType",
    "CalendarListResponse",
    "CalendarMe",
    "CalendarMember",
    "CalendarMemberDistributionList",
    "CalendarMemberType",
    "CalendarNotification",
    "CalendarResponse",
    "CalendarRole",
    "CalendarType",
    "Conferencing",
    "CreatedResponse",
    "CreatedResponseResult",
    "CreateEventRequest",
    "CreatePrivateCalendarRequest",
    "CreatePrivateCalendarRequestMe",
    "CreateSubscriptionCalendarRequest",
    "CreateSubscriptionCalendarRequestMe",
    "DeleteEventRequest",
    "DeleteEventRequestDeleteType",
    "DistributionListGrant",
    "DistributionListGrantDistributionList",
    "EmailInvitee",
    "EmailInviteeEmailUser",
    "EmailUser",
    "EmptyResponse",
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
    "EventUsersInput",
    "EventUserType",
    "InputRole",
    "MemberGrant",
    "MemberGrantMember",
    "MemberInvitee",
    "MemberInviteeMember",
    "MemberRef",
    "NamedRef",
    "PersonalSettings",
    "PersonalSettingsAlarmsItem",
    "PersonalSettingsAlarmsItemAction",
    "PersonalSettingsClass",
    "PostType",
    "RecurrenceRule",
    "RecurrenceRuleFrequency",
    "RecurrenceRuleInput",
    "RecurrenceRuleInputFrequency",
    "RecurrenceType",
    "ReplaceCalendarMembersRequest",
    "ResponseHeader",
    "UpdateEventRequest",
)
