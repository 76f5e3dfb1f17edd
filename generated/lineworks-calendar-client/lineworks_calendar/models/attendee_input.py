from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from ..models.attendee_partstat import AttendeePartstat
from ..types import UNSET, Unset

T = TypeVar("T", bound="AttendeeInput")


@_attrs_define
class AttendeeInput:
    """An attendee or a shared resource (facility).

    Attributes:
        id (str | Unset): ID of a shared resource; required when the attendee is a resource.
        email (str | Unset): The attendee's mail address; required when the attendee is a person.
        display_name (str | Unset): Name of the user or resource.
        partstat (AttendeePartstat | Unset): Answer: NEEDS-ACTION (no answer, 응답 안 함), ACCEPTED (참석), TENTATIVE (미정),
            DECLINED (거부).
        is_resource (bool | Unset): Whether this is a resource (설비 여부). Default: False.
        is_external_resource (bool | Unset): Whether this is an external resource (外部設備フラグ; documented only in ja).
            Default: False.
        is_optional (bool | Unset): Whether attendance is optional (任意参加フラグ). Default: False.
        resource_value (str | Unset): The resource's unique value (리소스 고윳값); read-only per the ja page.
    """

    id: str | Unset = UNSET
    email: str | Unset = UNSET
    display_name: str | Unset = UNSET
    partstat: AttendeePartstat | Unset = UNSET
    is_resource: bool | Unset = UNSET
    is_external_resource: bool | Unset = UNSET
    is_optional: bool | Unset = UNSET
    resource_value: str | Unset = UNSET
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "id": "id",
        "email": "email",
        "displayName": "display_name",
        "partstat": "partstat",
        "isResource": "is_resource",
        "isExternalResource": "is_external_resource",
        "isOptional": "is_optional",
        "resourceValue": "resource_value",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        email = self.email

        display_name = self.display_name

        partstat: str | Unset = UNSET
        if not isinstance(self.partstat, Unset):
            partstat = self.partstat.value

        is_resource = self.is_resource

        is_external_resource = self.is_external_resource

        is_optional = self.is_optional

        resource_value = self.resource_value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if email is not UNSET:
            field_dict["email"] = email
        if display_name is not UNSET:
            field_dict["displayName"] = display_name
        if partstat is not UNSET:
            field_dict["partstat"] = partstat
        if is_resource is not UNSET:
            field_dict["isResource"] = is_resource
        if is_external_resource is not UNSET:
            field_dict["isExternalResource"] = is_external_resource
        if is_optional is not UNSET:
            field_dict["isOptional"] = is_optional
        if resource_value is not UNSET:
            field_dict["resourceValue"] = resource_value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        id = d.get("id", UNSET)

        email = d.get("email", UNSET)

        display_name = d.get("displayName", UNSET)

        _partstat = d.get("partstat", UNSET)
        partstat: AttendeePartstat | Unset = UNSET if _partstat is UNSET else AttendeePartstat.from_wire(_partstat)

        is_resource = d.get("isResource", UNSET)

        is_external_resource = d.get("isExternalResource", UNSET)

        is_optional = d.get("isOptional", UNSET)

        resource_value = d.get("resourceValue", UNSET)

        _instance = cls(
            id,
            email,
            display_name,
            partstat,
            is_resource,
            is_external_resource,
            is_optional,
            resource_value,
        )

        return _instance
