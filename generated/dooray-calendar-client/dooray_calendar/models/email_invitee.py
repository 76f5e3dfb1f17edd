from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="EmailInvitee")


@_attrs_define
class EmailInvitee:
    """
    Attributes:
        type_ (Literal['emailUser']):
        email_user (EmailInviteeEmailUser):
    """

    type_: Literal["emailUser"]
    email_user: EmailInviteeEmailUser
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "type": "type_",
        "emailUser": "email_user",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        email_user = self.email_user.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "emailUser": email_user,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        type_ = cast(Literal["emailUser"], d["type"])
        if type_ != "emailUser":
            raise ValueError(f"type must match const 'emailUser', got '{type_}'")

        email_user = EmailInviteeEmailUser.from_dict(d["emailUser"])

        _instance = cls(
            type_,
            email_user,
        )

        return _instance


from ..models.email_invitee_email_user import EmailInviteeEmailUser  # noqa: E402
