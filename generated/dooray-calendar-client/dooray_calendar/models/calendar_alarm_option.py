from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from ..models.calendar_alarm_option_type import CalendarAlarmOptionType
from ..types import UNSET, Unset

T = TypeVar("T", bound="CalendarAlarmOption")


@_attrs_define
class CalendarAlarmOption:
    """Where a `custom` alarm goes.

    Attributes:
        type_ (CalendarAlarmOptionType | Unset):
        params (CalendarAlarmOptionParams | Unset): The hook's own settings, passed on as they are (free-form).
    """

    type_: CalendarAlarmOptionType | Unset = UNSET
    params: CalendarAlarmOptionParams | Unset = UNSET
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "type": "type_",
        "params": "params",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.params, Unset):
            params = self.params.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if params is not UNSET:
            field_dict["params"] = params

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        _type_ = d.get("type", UNSET)
        type_: CalendarAlarmOptionType | Unset = UNSET if _type_ is UNSET else CalendarAlarmOptionType.from_wire(_type_)

        _params = d.get("params", UNSET)
        params: CalendarAlarmOptionParams | Unset = (
            UNSET if _params is UNSET else CalendarAlarmOptionParams.from_dict(_params)
        )

        _instance = cls(
            type_,
            params,
        )

        return _instance


from ..models.calendar_alarm_option_params import CalendarAlarmOptionParams  # noqa: E402
