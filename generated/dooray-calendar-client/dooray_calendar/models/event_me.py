from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.attendance_status import AttendanceStatus
from ..models.event_me_type import EventMeType
from ..models.event_me_user_type import EventMeUserType
from ..types import UNSET, Unset

T = TypeVar("T", bound="EventMe")


@_attrs_define
class EventMe:
    """The calling member's own place on the event.

    Attributes:
        type_ (EventMeType | Unset):
        member (MemberRef | Unset): An organization member.
        email_user (EmailUser | Unset):
        status (AttendanceStatus | Unset): Answer to the invitation; posts default to accepted.
        user_type (EventMeUserType | Unset): from: organizer; to: invitee; cc: copied.
    """

    type_: EventMeType | Unset = UNSET
    member: MemberRef | Unset = UNSET
    email_user: EmailUser | Unset = UNSET
    status: AttendanceStatus | Unset = UNSET
    user_type: EventMeUserType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "type": "type_",
        "member": "member",
        "emailUser": "email_user",
        "status": "status",
        "userType": "user_type",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        member: dict[str, Any] | Unset = UNSET
        if not isinstance(self.member, Unset):
            member = self.member.to_dict()

        email_user: dict[str, Any] | Unset = UNSET
        if not isinstance(self.email_user, Unset):
            email_user = self.email_user.to_dict()

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        user_type: str | Unset = UNSET
        if not isinstance(self.user_type, Unset):
            user_type = self.user_type.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if member is not UNSET:
            field_dict["member"] = member
        if email_user is not UNSET:
            field_dict["emailUser"] = email_user
        if status is not UNSET:
            field_dict["status"] = status
        if user_type is not UNSET:
            field_dict["userType"] = user_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        _type_ = d.get("type", UNSET)
        type_: EventMeType | Unset = UNSET if _type_ is UNSET else EventMeType.from_wire(_type_)

        _member = d.get("member", UNSET)
        member: MemberRef | Unset = UNSET if _member is UNSET else MemberRef.from_dict(_member)

        _email_user = d.get("emailUser", UNSET)
        email_user: EmailUser | Unset = UNSET if _email_user is UNSET else EmailUser.from_dict(_email_user)

        _status = d.get("status", UNSET)
        status: AttendanceStatus | Unset = UNSET if _status is UNSET else AttendanceStatus.from_wire(_status)

        _user_type = d.get("userType", UNSET)
        user_type: EventMeUserType | Unset = UNSET if _user_type is UNSET else EventMeUserType.from_wire(_user_type)

        _instance = cls(
            type_,
            member,
            email_user,
            status,
            user_type,
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


from ..models.email_user import EmailUser  # noqa: E402
from ..models.member_ref import MemberRef  # noqa: E402
