"""Error bodies in each provider's format.

LINE WORKS: `{"code": ..., "description": ...}` with the documented codes.
Dooray: the envelope `{"header": {"isSuccessful": false, "resultCode": -<status>, "resultMessage": ...},
"result": null}` (the negated HTTP status as `resultCode`, spec/NOTES.md D18).
Messages are built by the fake itself; they never contain the token.
"""

from __future__ import annotations

from typing import Any

LINEWORKS = "lineworks"
DOORAY = "dooray"

# Default code per status for LINE WORKS (the documented first choice).
_LINEWORKS_CODES = {
    400: "BAD_REQUEST",
    401: "UNAUTHORIZED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    409: "CONFLICT",
    415: "BAD_REQUEST",
    429: "TOO_MANY_REQUESTS",
    500: "INTERNAL_SERVER_ERROR",
}


class ApiError(Exception):
    """Raised by handlers; rendered in the provider's format by the app."""

    def __init__(
        self, status: int, message: str, code: str | None = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.headers = headers or {}


def error_body(provider: str, status: int, message: str, code: str | None = None) -> dict[str, Any]:
    if provider == DOORAY:
        return {
            "header": {"isSuccessful": False, "resultCode": -status, "resultMessage": message},
            "result": None,
        }
    return {"code": code or _LINEWORKS_CODES.get(status, "BAD_REQUEST"), "description": message}


def provider_for_path(path: str) -> str:
    """Which provider's error format answers a path: Dooray under /calendar/, LINE WORKS otherwise."""
    if path == "/calendar" or path.startswith("/calendar/"):
        return DOORAY
    return LINEWORKS
