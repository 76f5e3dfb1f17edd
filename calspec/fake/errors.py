"""Errors the fake answers, in each provider's own format.

The format is the spec's `x-calspec-errors`: where the code and the message go, what every error body
carries besides (Dooray's `isSuccessful: false` and `result: null`), and the documented code for each
status and kind of error. Messages are the fake's own; they never contain a token.
"""

from __future__ import annotations

import copy
from typing import Any

from calspec.core.extensions import Errors
from calspec.core.pointer import put


class ApiError(Exception):
    """Raised by handlers and checks; rendered in the provider's format by the app.

    `kind` names a documented code that shares its status with others (`invalid-parameter`,
    `access-denied`...); the spec maps it to the provider's code.
    """

    def __init__(
        self, status: int, message: str, kind: str | None = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.kind = kind
        self.headers = headers or {}


def error_body(errors: Errors, status: int, message: str, kind: str | None = None) -> dict[str, Any]:
    """The error body a provider answers, built from its `x-calspec-errors`."""
    body: dict[str, Any] = {}
    for pointer, value in errors.fixed.items():
        put(body, pointer, copy.deepcopy(value))
    put(body, errors.code, errors.code_for(status, kind))
    put(body, errors.message, message)
    return body
