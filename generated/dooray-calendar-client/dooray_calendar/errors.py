"""Errors the API functions raise: one class per kind of failure, as the widely used SDKs name them.

`sync()` and `asyncio()` raise these for every answer that is not a success; `sync_detailed()` and
`asyncio_detailed()` return the `Response` whatever the status. The code and message are read from
the error body where the spec says they are (`_spec.ERROR_CODE_POINTER`...); a body that is not JSON
(an HTML page from a proxy, an empty 502) still gives the right class and a readable message.
"""

from __future__ import annotations

import datetime
import email.utils
import json
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

import httpx

from . import _spec

_SNIPPET = 200  # characters of a non-JSON body kept in a message


class ApiError(Exception):
    """An answer that is not a success.

    `status_code`: the HTTP status; `code`: the API's own error code as text (LINE WORKS `code`,
    Dooray `header.resultCode`), or None; `message`: what the server said, or a description of
    what came back; `headers` and `content`: the raw answer; `operation`: the operation called
    (its module name, `list_events`).
    """

    status_code: int
    code: str | None
    message: str
    headers: httpx.Headers
    content: bytes
    operation: str | None

    def __init__(
        self,
        status_code: int,
        message: str,
        *,
        code: str | None = None,
        headers: Mapping[str, str] | httpx.Headers | None = None,
        content: bytes = b"",
        operation: str | None = None,
    ) -> None:
        self.status_code = status_code
        self.code = code
        self.message = message
        self.headers = httpx.Headers(headers or {})
        self.content = content
        self.operation = operation
        super().__init__(self._describe())

    def _describe(self) -> str:
        try:
            reason = HTTPStatus(self.status_code).phrase
        except ValueError:
            reason = "Unknown Status"
        where = f" ({self.operation})" if self.operation else ""
        code = f" [{self.code}]" if self.code else ""
        return f"{self.status_code} {reason}{where}{code}: {self.message}"


class BadRequestError(ApiError):
    """400: the request broke a rule of the API."""


class AuthenticationError(ApiError):
    """401: no token, or a token the API doesn't accept (wrong, expired, revoked)."""


class PermissionDeniedError(ApiError):
    """403: the token's user or scope may not do this."""


class NotFoundError(ApiError):
    """404: no such user, calendar or event (or one the token may not see)."""


class ConflictError(ApiError):
    """409: it exists already."""


class RateLimitError(ApiError):
    """429: too many requests. `retry_after`: the seconds the server asked to wait, when it said."""

    retry_after: float | None

    def __init__(self, status_code: int, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        self.retry_after = retry_after
        super().__init__(status_code, message, **kwargs)


class ServerError(ApiError):
    """5xx: the server (or a gateway in front of it) failed."""


class UnexpectedStatus(ApiError):
    """A status the spec doesn't document for this operation (kept under its openapi-python-client name)."""

    def __init__(self, status_code: int, content: bytes, **kwargs: Any) -> None:
        kwargs.setdefault("message", describe_body(content, kwargs.get("headers")))
        super().__init__(status_code, content=content, **kwargs)


class ApiConnectionError(Exception):
    """The request got no answer: the connection failed or broke (after the retries the spec allows)."""

    def __init__(self, message: str, *, operation: str | None = None) -> None:
        self.operation = operation
        super().__init__(message)


class ApiTimeoutError(ApiConnectionError):
    """The server didn't answer within the client's timeout."""


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}


def _pointer(document: Any, pointer: str | None) -> Any:
    if pointer is None:
        return None
    node = document
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, Mapping) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return None
    return node


def describe_body(content: bytes, headers: Mapping[str, str] | httpx.Headers | None = None) -> str:
    """What a body that isn't the API's error JSON says, in a line."""
    kind = httpx.Headers(headers or {}).get("content-type", "").split(";")[0].strip() or "no content type"
    if not content:
        return f"empty body ({kind})"
    text = " ".join(content.decode("utf-8", errors="replace").split())
    shown = text if len(text) <= _SNIPPET else text[: _SNIPPET - 3] + "..."
    return f"the body is not the API's JSON ({kind}): {shown}"


def wait_seconds(headers: Mapping[str, str] | httpx.Headers, now: datetime.datetime | None = None) -> float | None:
    """The seconds the server asks to wait before trying again (`_spec.WAIT_HEADERS`, first match)."""
    fields = httpx.Headers(headers)
    for name, form in _spec.WAIT_HEADERS:
        raw = fields.get(name)
        if raw is None:
            continue
        raw = raw.strip()
        try:
            return max(0.0, float(raw))
        except ValueError:
            pass
        if form == "seconds-or-http-date":
            try:
                when = email.utils.parsedate_to_datetime(raw)
            except (TypeError, ValueError):
                continue
            if when.tzinfo is None:
                when = when.replace(tzinfo=datetime.UTC)
            current = now or datetime.datetime.now(datetime.UTC)
            return max(0.0, (when - current).total_seconds())
    return None


def from_response(
    status_code: int, content: bytes, headers: Mapping[str, str] | httpx.Headers, *, operation: str | None = None
) -> ApiError:
    """The error an answer means: the class by status, code and message from the body when it is JSON."""
    code: str | None = None
    message: str | None = None
    try:
        document = json.loads(content) if content else None
    except ValueError:
        document = None
    if isinstance(document, Mapping):
        raw_code = _pointer(document, _spec.ERROR_CODE_POINTER)
        raw_message = _pointer(document, _spec.ERROR_MESSAGE_POINTER)
        code = None if raw_code is None else str(raw_code)
        message = None if raw_message in (None, "") else str(raw_message)
    if message is None:
        message = describe_body(content, headers)
    kind = _BY_STATUS.get(status_code) or (ServerError if 500 <= status_code <= 599 else ApiError)
    common: dict[str, Any] = {"code": code, "headers": headers, "content": content, "operation": operation}
    if kind is RateLimitError:
        return RateLimitError(status_code, message, retry_after=wait_seconds(headers), **common)
    return kind(status_code, message, **common)


def failed(content: bytes) -> bool:
    """Whether a success status still carries the API's failure flag (`_spec.ERROR_SUCCESS_POINTER` false)."""
    if _spec.ERROR_SUCCESS_POINTER is None or not content:
        return False
    try:
        document = json.loads(content)
    except ValueError:
        return False
    return _pointer(document, _spec.ERROR_SUCCESS_POINTER) is False


__all__ = [
    "ApiConnectionError",
    "ApiError",
    "ApiTimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ServerError",
    "UnexpectedStatus",
    "describe_body",
    "from_response",
    "wait_seconds",
]
