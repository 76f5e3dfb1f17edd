"""Sending a request: timeouts, retries as the spec allows them, and the errors a failure raises.

What is retried is `_spec.RETRY_POLICIES` (the spec's x-calspec-retries): by method, the statuses worth
another try and whether a connection error is (for POST, only one where the request never left).
The wait is the server's (`_spec.WAIT_HEADERS`: Retry-After in seconds or as a date, LINE WORKS'
rateLimit-reset), else exponential backoff with jitter; a server that asks for longer than the
client's `max_retry_wait` gets no retry, and the call raises at once. stamina runs the attempts and
the sleeps, the same way for sync and async code. Each retry is logged on this package's logger with
the operation, the status or error, and the wait; never a header, so never a token.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass, field
from typing import Any, Protocol

import httpx
import stamina

from . import _spec, errors

log = logging.getLogger(__name__.rsplit(".", 1)[0])

BACKOFF_INITIAL = 0.5  # seconds before the first retry when the server doesn't say
BACKOFF_MAX = 8.0
# Transport errors where the request never reached the server: safe to retry even for POST.
UNSENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)


class Settings(Protocol):
    """What a client tells this module (`Client` and `AuthenticatedClient` both do)."""

    max_retries: int
    max_retry_wait: float


class _Retry(Exception):
    """An answer worth another try; carries it in case the retries run out."""

    def __init__(self, response: httpx.Response) -> None:
        super().__init__(response.status_code)
        self.response = response


def _policy(method: str) -> _spec.RetryPolicy | None:
    return next((policy for policy in _spec.RETRY_POLICIES if method.upper() in policy.methods), None)


def _retries_status(policy: _spec.RetryPolicy | None, status: int) -> bool:
    if policy is None:
        return False
    return any(
        status == wanted if isinstance(wanted, int) else str(status)[0] == wanted[0] for wanted in policy.statuses
    )


@dataclass
class _Decider:
    """stamina's hook: whether to try again after an error, and how long to wait first."""

    operation: str
    policy: _spec.RetryPolicy | None
    attempts: int
    max_wait: float
    tried: int = 0
    waits: list[float] = field(default_factory=list)

    def __call__(self, error: Exception) -> bool | float:
        self.tried += 1
        if self.tried >= self.attempts or self.policy is None:
            return False
        if isinstance(error, _Retry):
            reason = str(error.response.status_code)
            wait = errors.wait_seconds(error.response.headers)
            if wait is not None and wait > self.max_wait:
                log.info(
                    "%s: %s asks to wait %.1f s, more than max_retry_wait: not retrying", self.operation, reason, wait
                )
                return False
        elif isinstance(error, httpx.TransportError):
            unsent = isinstance(error, UNSENT)
            if self.policy.connection_errors == "none" or (self.policy.connection_errors == "unsent" and not unsent):
                return False
            reason, wait = type(error).__name__, None
        else:
            return False
        if wait is None:
            wait = min(BACKOFF_MAX, BACKOFF_INITIAL * 2 ** (self.tried - 1)) * random.uniform(0.5, 1.0)
        log.info(
            "%s: retrying after %s in %.2f s (retry %d of %d)",
            self.operation,
            reason,
            wait,
            self.tried,
            self.attempts - 1,
        )
        self.waits.append(wait)
        return wait


def _decider(client: Settings, method: str, operation: str) -> _Decider:
    policy = _policy(method)
    attempts = 1 + max(0, int(client.max_retries)) if policy is not None else 1
    return _Decider(operation, policy, attempts, float(client.max_retry_wait))


def _connection_error(error: httpx.TransportError, operation: str) -> errors.ApiConnectionError:
    if isinstance(error, httpx.TimeoutException):
        return errors.ApiTimeoutError(
            f"{operation}: no answer within the timeout ({type(error).__name__})", operation=operation
        )
    return errors.ApiConnectionError(f"{operation}: {type(error).__name__}: {error}", operation=operation)


def send(client: Any, kwargs: dict[str, Any], *, operation: str) -> httpx.Response:
    """The answer to a request, after the retries the spec allows (an error status is returned)."""
    http: httpx.Client = client.get_httpx_client()
    decide = _decider(client, kwargs["method"], operation)
    try:
        for attempt in stamina.retry_context(on=decide, attempts=decide.attempts, timeout=None):
            with attempt:
                response = http.request(**kwargs)
                if _retries_status(decide.policy, response.status_code):
                    raise _Retry(response)
                return response
    except _Retry as last:
        return last.response
    except httpx.TransportError as error:
        raise _connection_error(error, operation) from error
    raise AssertionError("unreachable")  # pragma: no cover


async def asend(client: Any, kwargs: dict[str, Any], *, operation: str) -> httpx.Response:
    """`send` for async code."""
    http: httpx.AsyncClient = client.get_async_httpx_client()
    decide = _decider(client, kwargs["method"], operation)
    try:
        async for attempt in stamina.retry_context(on=decide, attempts=decide.attempts, timeout=None):
            with attempt:
                response = await http.request(**kwargs)
                if _retries_status(decide.policy, response.status_code):
                    raise _Retry(response)
                return response
    except _Retry as last:
        return last.response
    except httpx.TransportError as error:
        raise _connection_error(error, operation) from error
    raise AssertionError("unreachable")  # pragma: no cover


def check(response: httpx.Response, *, operation: str) -> None:
    """Raise the error an answer means, unless it is a success."""
    if not 200 <= response.status_code < 300 or errors.failed(response.content):
        raise errors.from_response(response.status_code, response.content, response.headers, operation=operation)
