"""JSON pointers (RFC 6901): the one helper the specs' $refs, the extensions and the tools share."""

from __future__ import annotations

from typing import Any

MISSING: Any = object()


def escape(token: str | int) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join(*parts: str | int) -> str:
    """A pointer from its reference tokens: join("paths", "/a/{b}", "get") == "/paths/~1a~1{b}/get"."""
    return "".join("/" + escape(part) for part in parts)


def split(pointer: str) -> list[str]:
    if pointer == "":
        return []
    if not pointer.startswith("/"):
        raise ValueError(f"not a JSON pointer: {pointer!r}")
    return [unescape(token) for token in pointer[1:].split("/")]


def get(document: Any, pointer: str, default: Any = MISSING) -> Any:
    """The value at `pointer`; `default` (or KeyError) when the pointer names nothing."""
    node = document
    for token in split(pointer):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        elif default is not MISSING:
            return default
        else:
            raise KeyError(pointer)
    return node


def put(document: dict[str, Any], pointer: str, value: Any) -> None:
    """Set the value at `pointer`, making the objects on the way."""
    tokens = split(pointer)
    if not tokens:
        raise ValueError("can't replace the whole document")
    node = document
    for token in tokens[:-1]:
        node = node.setdefault(token, {})
    node[tokens[-1]] = value
