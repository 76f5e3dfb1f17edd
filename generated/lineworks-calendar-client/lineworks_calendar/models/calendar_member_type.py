from enum import StrEnum
from typing import Any


class CalendarMemberType(StrEnum):
    GROUP = "GROUP"
    ORGUNIT = "ORGUNIT"
    USER = "USER"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def from_wire(cls, value: str) -> "CalendarMemberType":
        """Parse a value received from the server without failing on values the spec does not list.

        An unknown value becomes a pseudo-member named ``UNKNOWN`` whose ``value`` is the original
        string, so it is sent back unchanged. ``CalendarMemberType(value)`` still raises for unknown values.
        """
        try:
            return _MEMBERS[value]
        except (KeyError, TypeError):  # not listed; unhashable
            pass
        try:
            return cls(value)
        except ValueError:
            member = str.__new__(cls, value)
            member._name_ = "UNKNOWN"
            member._value_ = value
            return member


# Value -> member: what CalendarMemberType(value) looks up first, read without its overhead (every
# enum of every answer goes through from_wire).
_MEMBERS: dict[Any, CalendarMemberType] = {member.value: member for member in CalendarMemberType}
