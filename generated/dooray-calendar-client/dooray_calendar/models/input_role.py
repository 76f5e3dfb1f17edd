from enum import StrEnum
from typing import Self


class InputRole(StrEnum):
    ALL = "all"
    DELEGATEE = "delegatee"
    OPAQUE_VIEW = "opaque_view"
    READ_WRITE = "read_write"
    VIEW = "view"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def from_wire(cls, value: str) -> Self:
        """Parse a value received from the server without failing on values the spec does not list.

        An unknown value becomes a pseudo-member named ``UNKNOWN`` whose ``value`` is the original
        string, so it is sent back unchanged. ``InputRole(value)`` still raises for unknown values.
        """
        try:
            return cls(value)
        except ValueError:
            member = str.__new__(cls, value)
            member._name_ = "UNKNOWN"
            member._value_ = value
            return member
