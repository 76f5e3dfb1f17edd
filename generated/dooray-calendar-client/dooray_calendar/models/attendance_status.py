from enum import StrEnum
from typing import Any


class AttendanceStatus(StrEnum):
    ACCEPTED = "accepted"
    DECLINED = "declined"
    NOT_CONFIRMED = "not_confirmed"
    TENTATIVE = "tentative"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def from_wire(cls, value: str) -> "AttendanceStatus":
        """Parse a value received from the server without failing on values the spec does not list.

        An unknown value becomes a pseudo-member named ``UNKNOWN`` whose ``value`` is the original
        string, so it is sent back unchanged. ``AttendanceStatus(value)`` still raises for unknown values.
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


# Value -> member: what AttendanceStatus(value) looks up first, read without its overhead (every
# enum of every answer goes through from_wire).
_MEMBERS: dict[Any, AttendanceStatus] = {member.value: member for member in AttendanceStatus}
