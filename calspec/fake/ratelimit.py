"""Rate limits as each spec documents them (`x-calspec-rate-limit`), off unless asked for.

LINE WORKS: a fixed window per operation (240 a minute), reported in `rateLimit-limit`,
`rateLimit-remaining` and `rateLimit-reset` (seconds until the window resets). Dooray: a token
bucket per token (a burst of 20, refilled at 5 a second), reported in `X-RateLimit-Remaining`,
`X-RateLimit-Requested-Tokens`, `X-RateLimit-Burst-Capacity` and `X-RateLimit-Replenish-Rate`. A call
over the limit gets 429 in the provider's format with the same headers. The documented numbers can be
replaced (`limit`/`window-seconds`, `burst`/`rate`) so tests hit the limit quickly.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from calspec.core.extensions import RateLimit


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    headers: dict[str, str]
    retry_after: float | None = None


class RateLimiter:
    """One provider's limit; `check` counts a call and says whether it may go ahead."""

    def __init__(self, limit: RateLimit, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self._clock = clock
        self._lock = threading.Lock()
        self._windows: dict[str, tuple[float, int]] = {}  # key -> (window start, calls)
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (last refill, tokens)

    def check(self, operation: str, token: str) -> Verdict:
        key = operation if self.limit.scope == "operation" else token
        with self._lock:
            if self.limit.algorithm == "token-bucket":
                return self._bucket(key)
            return self._window(key)

    def _window(self, key: str) -> Verdict:
        now, size, budget = self._clock(), self.limit.window_seconds, self.limit.limit
        start, calls = self._windows.get(key, (now, 0))
        if now - start >= size:
            start, calls = now, 0
        reset = max(0, math.ceil(start + size - now))
        allowed = calls < budget
        if allowed:
            calls += 1
        self._windows[key] = (start, calls)
        names = self.limit.headers
        headers = {
            names["limit"]: str(budget),
            names["remaining"]: str(budget - calls),
            names["reset"]: str(reset),
        }
        return Verdict(allowed, headers, None if allowed else float(reset))

    def _bucket(self, key: str) -> Verdict:
        now, burst, rate = self._clock(), self.limit.burst, self.limit.rate
        last, tokens = self._buckets.get(key, (now, float(burst)))
        tokens = min(float(burst), tokens + (now - last) * rate)
        allowed = tokens >= 1.0
        if allowed:
            tokens -= 1.0
        self._buckets[key] = (now, tokens)
        names = self.limit.headers
        headers = {
            names["remaining"]: str(int(tokens)),
            names["requested-tokens"]: "1",
            names["burst-capacity"]: str(burst),
            names["replenish-rate"]: f"{rate:g}",
        }
        return Verdict(allowed, headers, None if allowed else (1.0 - tokens) / rate)


_SETTINGS = {  # per algorithm: setting -> (RateLimit field, whether it must be a whole number)
    "fixed-window": {"limit": ("limit", True), "window-seconds": ("window_seconds", False)},
    "token-bucket": {"burst": ("burst", True), "rate": ("rate", False)},
}


def limit_with(limit: RateLimit, overrides: Mapping[str, Any] | None) -> RateLimit:
    """The documented limit with some numbers replaced: `limit` and `window-seconds` of a fixed
    window, `burst` and `rate` of a token bucket. ValueError for anything else."""
    if not overrides:
        return limit
    names = _SETTINGS[limit.algorithm]
    unknown = sorted(str(key) for key in overrides if key not in names)
    if unknown:
        raise ValueError(
            f"unknown rate-limit settings for a {limit.algorithm} limit: {', '.join(unknown)}"
            f" (use {' and '.join(names)})"
        )
    changes: dict[str, Any] = {}
    for key, value in overrides.items():
        field_name, whole = names[key]
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if not number or not math.isfinite(value) or value <= 0 or (whole and value != int(value)):
            kind = "a positive whole number" if whole else "a positive number"
            raise ValueError(f"rate-limit {key} must be {kind}")
        changes[field_name] = int(value) if whole else value
    return replace(limit, **changes)
