"""JSON out of the fake: orjson where it can, the standard library where it can't, and answers
already written.

orjson writes the same compact UTF-8 JSON as `json.dumps(..., ensure_ascii=False,
separators=(",", ":"))` at a tenth of the cost, but handles integers of 64 bits only: it refuses to
write longer ones (a request may carry them within the fake's digit limit) and would read them as
floats. So what it can't write is written by `json` behind one leading space (still JSON), and text
that starts with a space is read by `json`: exact either way, fast for everything else.

Stored events are this UTF-8 text, and a list is answered as `Raw`: the stored bytes joined, never
decoded and encoded again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import orjson

_WIDE = b" "  # marks text written by `json` (it holds an integer beyond 64 bits)


@dataclass(frozen=True)
class Raw:
    """A JSON document already written; `value()` reads it back (to check it against the spec)."""

    data: bytes

    def value(self) -> Any:
        return json.loads(self.data)  # exact whatever its parts hold; only checks read it back


def dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON that `loads` reads back exactly."""
    if isinstance(value, Raw):
        return value.data
    try:
        return orjson.dumps(value)
    except TypeError:  # orjson.JSONEncodeError: an integer beyond 64 bits
        return _WIDE + json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def loads(data: bytes) -> Any:
    """Read what `dumps` wrote."""
    if data.startswith(_WIDE):
        return json.loads(data)
    return orjson.loads(data)
