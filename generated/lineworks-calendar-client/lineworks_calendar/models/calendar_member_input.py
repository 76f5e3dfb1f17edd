from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from ..models.calendar_member_role import CalendarMemberRole
from ..models.calendar_member_type import CalendarMemberType

T = TypeVar("T", bound="CalendarMemberInput")


@_attrs_define
class CalendarMemberInput:
    """A user, group or organisation unit a calendar is shared with, and what they may do.

    Attributes:
        id (str): User ID (or login email), group ID or organisation-unit ID.
        type_ (CalendarMemberType): USER: a user (개인 사용자); GROUP: a group (그룹); ORGUNIT: an organisation unit (조직).
        role (CalendarMemberRole): CALENDAR_EVENT_READ_WRITE: manage the calendar and its events; EVENT_READ_WRITE:
            manage events; EVENT_READ: read events; EVENT_READ_FREE_BUSY: see only when
            events are (busy/free).
    """

    id: str
    type_: CalendarMemberType
    role: CalendarMemberRole
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "id": "id",
        "type": "type_",
        "role": "role",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_.value

        role = self.role.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "type": type_,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        id = d["id"]

        type_ = CalendarMemberType.from_wire(d["type"])

        role = CalendarMemberRole.from_wire(d["role"])

        _instance = cls(
            id,
            type_,
            role,
        )

        return _instance
