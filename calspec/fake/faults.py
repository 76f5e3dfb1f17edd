"""Faults injected on purpose: the next N calls answer a status, a `Retry-After`, a body that isn't
JSON, or only after a delay, so an integration's retry and timeout handling can be tested.

Set from Python (`app.faults.inject(...)`) or over HTTP through the control endpoint outside the API
paths (`POST /_calspec/faults`, see calspec/fake/README.md). A fault matches one operation
(`operationId`, or `provider:operationId`) or any; the oldest matching fault is used first.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from calspec.core.operations import Operation


class FaultError(ValueError):
    """A fault that can't be injected as described."""


@dataclass
class Fault:
    """What the next `times` matching calls get.

    `status` None answers normally (after `delay`); otherwise the status, in the provider's error
    format, or with `body` as given (`content_type` text/html unless said) for a proxy-like answer;
    204 and 304 answer no body at all.
    """

    status: int | None = None
    times: int = 1
    operation: str | None = None
    retry_after: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: str | None = None
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0

    def matches(self, operation: Operation) -> bool:
        return self.operation is None or self.operation in (operation.operation_id, operation.key)

    def response_headers(self) -> dict[str, str]:
        headers = dict(self.headers)
        if self.retry_after is not None:
            headers["Retry-After"] = self.retry_after
        return headers


_FIELDS = {"status", "times", "operation", "retry_after", "headers", "body", "content_type", "delay"}
_NO_BODY = frozenset({204, 304})  # statuses HTTP gives no body
_FRAMING = frozenset({"content-length", "transfer-encoding", "connection"})  # the server's to set
_HEADER_NAME = re.compile(r"[A-Za-z0-9!#$%&'*+.^_`|~-]+")  # an RFC 9110 token
_HEADER_VALUE = re.compile(r"[\t\x20-\x7e\x80-\xff]*")  # no CR, LF or other control characters


def fault_from(data: Mapping[str, Any]) -> Fault:
    """A fault from the control endpoint's JSON (snake_case or camelCase keys), checked."""
    renamed = {_snake(key): value for key, value in data.items()}
    unknown = set(renamed) - _FIELDS
    if unknown:
        raise FaultError(f"unknown fault fields: {', '.join(sorted(unknown))}")
    status = renamed.get("status")
    if status is not None and not (_is_int(status) and 200 <= status <= 599):
        raise FaultError("status must be an HTTP status (200-599)")
    times = renamed.get("times", 1)
    if not (_is_int(times) and 1 <= times <= 10_000):
        raise FaultError("times must be an integer from 1 to 10000")
    delay = renamed.get("delay", 0.0)
    if not (_is_number(delay) and 0 <= delay <= 300):
        raise FaultError("delay must be seconds from 0 to 300")
    retry_after = renamed.get("retry_after")
    if retry_after is not None:
        if _is_int(retry_after) and retry_after >= 0:
            retry_after = str(retry_after)
        elif not isinstance(retry_after, str) or not _HEADER_VALUE.fullmatch(retry_after):
            raise FaultError("retry_after must be seconds (an integer from 0) or an HTTP date")
    headers = renamed.get("headers") or {}
    if not (
        isinstance(headers, dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in headers.items())
    ):
        raise FaultError("headers must map names to strings")
    for name, value in headers.items():
        if not _HEADER_NAME.fullmatch(name) or not _HEADER_VALUE.fullmatch(value):
            raise FaultError(f"headers: {name!r} is not a valid header name and Latin-1 value without CR/LF")
        if name.lower() in _FRAMING:
            raise FaultError(f"headers: {name} is set by the server from the body")
    for name in ("operation", "body", "content_type"):
        if renamed.get(name) is not None and not isinstance(renamed[name], str):
            raise FaultError(f"{name} must be a string")
    content_type = renamed.get("content_type") or "text/html; charset=utf-8"
    if not _HEADER_VALUE.fullmatch(content_type):
        raise FaultError("content_type must be a Latin-1 header value without CR/LF")
    body = renamed.get("body")
    if body is not None and not _is_utf8(body):
        raise FaultError("body must be text that encodes as UTF-8 (no lone surrogates)")
    if status is None and (body is not None or retry_after is not None or headers):
        raise FaultError(
            "body, retry_after and headers need a status (without one the call answers normally)"
        )
    if status is None and not delay:
        raise FaultError("a fault needs a status, a delay, or both")
    if status in _NO_BODY and body is not None:
        raise FaultError(f"a {status} answer has no body")
    return Fault(
        status=status,
        times=times,
        operation=renamed.get("operation"),
        retry_after=retry_after,
        headers=dict(headers),
        body=body,
        content_type=content_type,
        delay=float(delay),
    )


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name)


class Faults:
    """The pending faults of one fake, safe to use from several threads.

    `operations`: the names a fault may match (each `operationId` and `provider:operationId`); a fault
    naming another is refused, so a typo can't make a fault that never fires. Empty: any name.
    """

    def __init__(self, operations: Iterable[str] = ()) -> None:
        self._lock = threading.Lock()
        self._pending: list[Fault] = []
        self._operations = frozenset(operations)

    def inject(self, fault: Fault | None = None, /, **fields: Any) -> Fault:
        """Queue a fault: `app.faults.inject(status=503, times=2, operation="listEvents")`."""
        return self.inject_all([fault if fault is not None else fields])[0]

    def inject_all(self, faults: Iterable[Fault | Mapping[str, Any]]) -> list[Fault]:
        """Queue several faults, in order; all are checked first, so a bad one queues none."""
        chosen = [self._checked(fault) for fault in faults]
        with self._lock:
            self._pending.extend(chosen)
        return chosen

    def _checked(self, fault: Fault | Mapping[str, Any]) -> Fault:
        # A Fault is checked like JSON and copied: `take` counts down the copy, not the caller's object.
        checked = fault_from(asdict(fault) if isinstance(fault, Fault) else fault)
        if self._operations and checked.operation is not None and checked.operation not in self._operations:
            raise FaultError(f"operation: no operation is named {checked.operation!r}")
        return checked

    def clear(self) -> None:
        with self._lock:
            self._pending.clear()

    def pending(self) -> list[dict[str, Any]]:
        with self._lock:
            return [asdict(fault) for fault in self._pending]

    def take(self, operation: Operation) -> Fault | None:
        """The fault this call gets, used up by one."""
        with self._lock:
            for index, fault in enumerate(self._pending):
                if fault.matches(operation):
                    fault.times -= 1
                    if fault.times <= 0:
                        del self._pending[index]
                    return fault
        return None
