"""Make the copy of a spec that openapi-python-client reads.

openapi-python-client only knows standard formats, so the custom ones become their closest standard
format; the generated code then parses them with the tolerant helpers in the package's types module.
It doesn't know `unevaluatedProperties` either, so closed `allOf`s are flattened (see closing.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from calspec.core.specfile import load_spec

from .closing import close_all_of

# Custom format -> the standard one the generated code parses it as (None: a plain string).
FORMAT_MAP: dict[str, str | None] = {
    "local-date-time": "date-time",
    "offset-date": "date",
    "iana-time-zone": None,
}


def map_formats(node: Any) -> Any:
    """A copy of node with custom `format` values replaced by their standard one; the original stays
    beside it as `x-calspec-format`, so a template can tell a wall-clock time from an RFC 3339 one."""
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "format" and isinstance(value, str) and value in FORMAT_MAP:
                mapped = FORMAT_MAP[value]
                if mapped is not None:
                    out[key] = mapped
                out["x-calspec-format"] = value
            else:
                out[key] = map_formats(value)
        return out
    if isinstance(node, list):
        return [map_formats(item) for item in node]
    return node


def prepare_spec(spec: Path, dest_dir: Path) -> Path:
    """Write the transformed spec as JSON into dest_dir and return its path."""
    dest = dest_dir / "openapi.json"
    prepared = map_formats(close_all_of(load_spec(spec)))
    dest.write_text(json.dumps(prepared, indent=2, ensure_ascii=False), encoding="utf-8")
    return dest
