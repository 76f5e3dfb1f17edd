from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.input_role import InputRole

T = TypeVar("T", bound="DistributionListGrant")


@_attrs_define
class DistributionListGrant:
    """
    Attributes:
        type_ (Literal['distributionList']):
        distribution_list (DistributionListGrantDistributionList):
        role (InputRole): A role that can be given: delegatee (acts for the owner), all, read_write, view
            (read events), opaque_view (busy/free only). `owner` only appears in responses.
    """

    type_: Literal["distributionList"]
    distribution_list: DistributionListGrantDistributionList
    role: InputRole
    # JSON name -> attribute, for reading JSON pointers on the model (the iterators' item ids and starts).
    _calspec_json_names: ClassVar[dict[str, str]] = {
        "type": "type_",
        "distributionList": "distribution_list",
        "role": "role",
    }
    _calspec_json_keys: ClassVar[frozenset[str]] = frozenset(_calspec_json_names)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        distribution_list = self.distribution_list.to_dict()

        role = self.role.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "distributionList": distribution_list,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        type_ = cast(Literal["distributionList"], d["type"])
        if type_ != "distributionList":
            raise ValueError(f"type must match const 'distributionList', got '{type_}'")

        distribution_list = DistributionListGrantDistributionList.from_dict(d["distributionList"])

        role = InputRole.from_wire(d["role"])

        _instance = cls(
            type_,
            distribution_list,
            role,
        )

        return _instance


from ..models.distribution_list_grant_distribution_list import DistributionListGrantDistributionList  # noqa: E402
