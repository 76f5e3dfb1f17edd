"""Reading an answer's JSON: orjson, several times faster than the standard `json` on the lists this
client parses (the bench: `make bench`, goal 5).

orjson reads an integer beyond 64 bits as a float; neither service sends one. What orjson refuses
and `json` takes (NaN, Infinity) is read by `json`, so this is never stricter than `response.json()`.
"""

from __future__ import annotations

import json
from typing import Any

import orjson


def loads(content: bytes) -> Any:
    try:
        return orjson.loads(content)
    except orjson.JSONDecodeError:
        return json.loads(content)
