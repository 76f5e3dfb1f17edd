from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EventUsersInput")


@_attrs_define
class EventUsersInput:
    """Invitees; the organizer is the calling member.

    Attributes:
        to (list[EmailInvitee | MemberInvitee] | Unset):
        cc (list[EmailInvitee | MemberInvitee] | Unset):
    """

    to: list[EmailInvitee | MemberInvitee] | Unset = UNSET
    cc: list[EmailInvitee | MemberInvitee] | Unset = UNSET
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "to": "to",
        "cc": "cc",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        to: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.to, Unset):
            to = []
            for to_item_data in self.to:
                to_item: dict[str, Any]
                if isinstance(to_item_data, MemberInvitee):
                    to_item = to_item_data.to_dict()
                else:
                    to_item = to_item_data.to_dict()

                to.append(to_item)

        cc: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.cc, Unset):
            cc = []
            for cc_item_data in self.cc:
                cc_item: dict[str, Any]
                if isinstance(cc_item_data, MemberInvitee):
                    cc_item = cc_item_data.to_dict()
                else:
                    cc_item = cc_item_data.to_dict()

                cc.append(cc_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if to is not UNSET:
            field_dict["to"] = to
        if cc is not UNSET:
            field_dict["cc"] = cc

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        _to = d.get("to", UNSET)
        to: list[EmailInvitee | MemberInvitee] | Unset = UNSET
        if _to is not UNSET:
            to = []
            for to_item_data in _to:

                def _parse_to_item(data: object) -> EmailInvitee | MemberInvitee:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_event_user_input_type_0 = MemberInvitee.from_dict(data)

                        return componentsschemas_event_user_input_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_user_input_type_1 = EmailInvitee.from_dict(data)

                    return componentsschemas_event_user_input_type_1

                to_item = _parse_to_item(to_item_data)

                to.append(to_item)

        _cc = d.get("cc", UNSET)
        cc: list[EmailInvitee | MemberInvitee] | Unset = UNSET
        if _cc is not UNSET:
            cc = []
            for cc_item_data in _cc:

                def _parse_cc_item(data: object) -> EmailInvitee | MemberInvitee:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_event_user_input_type_0 = MemberInvitee.from_dict(data)

                        return componentsschemas_event_user_input_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_user_input_type_1 = EmailInvitee.from_dict(data)

                    return componentsschemas_event_user_input_type_1

                cc_item = _parse_cc_item(cc_item_data)

                cc.append(cc_item)

        _instance = cls(
            to,
            cc,
        )

        return _instance


from ..models.email_invitee import EmailInvitee  # noqa: E402
from ..models.member_invitee import MemberInvitee  # noqa: E402
