"""Decode a request body as strict JSON, within limits, before any schema sees it.

`json.loads` alone takes things neither API can mean and that break later steps: lone surrogates
(`"\\ud800"`, unencodable when stored or answered), `1e999` (an infinite float, written back as
`Infinity`), duplicate keys (the last silently wins) and nesting deep enough to overflow the stack of
whatever recurses over it next. Each is refused here with a message that names the place; the limits
are listed in fake/README.md ("Limits").
"""

from __future__ import annotations

import json
import math
from typing import Any

from calspec.fake.limits import MAX_BODY, MAX_DEPTH, MAX_NUMBER_DIGITS


class BodyError(ValueError):
    """The body is not JSON the fake will read; the message names where."""


def _number_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise BodyError(f"a number has more than {MAX_NUMBER_DIGITS} digits")
    return int(text)


def _number_float(text: str) -> float:
    if len(text) > MAX_NUMBER_DIGITS + 8:
        raise BodyError(f"a number has more than {MAX_NUMBER_DIGITS} digits")
    value = float(text)
    if not math.isfinite(value):
        raise BodyError(f"the number {text} is out of range")
    return value


def _constant(name: str) -> Any:
    raise BodyError(f"{name} is not JSON")


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise BodyError(f"the key {_shown(key)} appears twice in one object")
        result[key] = value
    return result


def _shown(text: str) -> str:
    """A key for a message: short, and printable even when it holds a lone surrogate."""
    safe = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return repr(safe if len(safe) <= 40 else safe[:37] + "...")


def _place(where: str, key: str | int) -> str:
    return f"{where}[{key}]" if isinstance(key, int) else f"{where}.{key}"


def _check_tree(value: Any) -> None:
    """Depth and text checks, iteratively (the point is not to recurse on hostile input)."""
    stack: list[tuple[Any, str, int]] = [(value, "body", 1)]
    while stack:
        node, where, depth = stack.pop()
        if isinstance(node, dict | list):
            if depth > MAX_DEPTH:
                raise BodyError(f"{where}: nested deeper than {MAX_DEPTH} levels")
            items = node.items() if isinstance(node, dict) else enumerate(node)
            for key, item in items:
                if isinstance(key, str):
                    _check_text(key, f"{where} (a key)")
                stack.append((item, _place(where, key), depth + 1))
        elif isinstance(node, str):
            _check_text(node, where)


def _check_text(text: str, where: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        code = ord(text[error.start])
        raise BodyError(
            f"{where}: contains an unpaired surrogate (\\u{code:04x}), which is not Unicode text"
        ) from None


def decode(raw: bytes) -> Any:
    """The JSON value of `raw`; BodyError with a plain message when it is not acceptable."""
    if len(raw) > MAX_BODY:
        raise BodyError(f"request body is larger than {MAX_BODY // 1024 // 1024} MiB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BodyError(f"request body is not valid UTF-8 (byte {error.start})") from None
    try:
        value = json.loads(
            text,
            parse_int=_number_int,
            parse_float=_number_float,
            parse_constant=_constant,
            object_pairs_hook=_object,
        )
    except BodyError:
        raise
    except RecursionError:
        raise BodyError(f"body: nested deeper than {MAX_DEPTH} levels") from None
    except ValueError as error:
        position = getattr(error, "pos", None)
        at = f" (at character {position})" if isinstance(position, int) else ""
        raise BodyError(f"request body is not valid JSON{at}") from None
    _check_tree(value)
    return value
