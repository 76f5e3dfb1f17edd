"""Extract the JSON examples of the seed documents exactly as the documents give them.

The seeds were flattened from web pages, so the examples carry presentation noise:
line numbers glued to the JSON (000, 002), line numbers at the start of each line (001),
and JSON-with-comments plus trailing commas (003).  This module removes only that noise;
every documented value, including the documents' own mistakes, is kept as written.
The deliberate fixes live in ``spec/corrections.yaml`` (see :func:`apply_corrections`).
"""

from __future__ import annotations

import copy
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
SEED_FILES = {
    "000": "000_60f9b03b04eb9923.txt",
    "001": "001_1e10e69f80fd477d.txt",
    "002": "002_bfd0b6b10eec25a4.txt",
    "003": "003_0bea056460d81a25.txt",
}
MISSING = (
    "the seed documents are not here: put them in ../shared/seeds beside the repository "
    "(shared/seeds/000_...txt etc.), or set CALSPEC_SEEDS to their folder"
)


def _seeds_dir() -> Path | None:
    """`$CALSPEC_SEEDS`, else `../shared/seeds` relative to the repository root; None when absent."""
    given = os.environ.get("CALSPEC_SEEDS")
    folder = Path(given) if given else REPO.parent / "shared" / "seeds"
    return folder if all((folder / name).is_file() for name in SEED_FILES.values()) else None


SEEDS = _seeds_dir()

Key = tuple[str, str]
"""(provider, example name), e.g. ("lineworks", "CreateEventRequestKo")."""


def seed_text(number: str) -> str:
    """Read one seed document; the seeds are the single source of the examples. The test asking
    for it is skipped, saying where the documents go, when they aren't there."""
    if SEEDS is None:
        pytest.skip(MISSING)
    return (SEEDS / SEED_FILES[number]).read_text(encoding="utf-8")


# --- 000 / 002: line numbers glued to the JSON --------------------------------------------

_AFTER_LINE_NUMBER = frozenset(' \t{}[]"')


def strip_glued_line_numbers(text: str, start: int = 0) -> tuple[str, int]:
    """Remove glued line numbers from the example starting at ``text[start]`` ("1{2  ...").

    A greedy regex would eat digits of values ("priority": 081 is 0 then line 81), so the
    numbers are matched sequentially: line n+1 is the leftmost occurrence of str(n+1)
    outside a JSON string that is not followed by another digit.  Scanning stops when the
    outermost bracket closes.  Returns the clean JSON text and the number of lines seen.
    """
    if not text.startswith("1", start):
        raise ValueError(f"example at {start} does not start with line number 1")
    out: list[str] = ["\n"]
    pos = start + 1
    line = 1
    depth = 0
    in_string = False
    while pos < len(text):
        ch = text[pos]
        if in_string:
            out.append(ch)
            if ch == "\\":
                out.append(text[pos + 1])
                pos += 2
                continue
            if ch == '"':
                in_string = False
            pos += 1
            continue
        nxt = str(line + 1)
        if text.startswith(nxt, pos):
            after = text[pos + len(nxt) : pos + len(nxt) + 1]
            if after and after in _AFTER_LINE_NUMBER:
                line += 1
                out.append("\n")
                pos += len(nxt)
                continue
        out.append(ch)
        pos += 1
        if ch == '"':
            in_string = True
        elif ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
            if depth == 0:
                return "".join(out).lstrip("\n") + "\n", line
    raise ValueError("unterminated example")


def _glued_examples(text: str) -> list[tuple[str, int]]:
    """Every example of a 000/002-style page: each follows a line reading 'example'."""
    found = []
    for m in re.finditer(r"^example\n\s*(?=1\{)", text, flags=re.MULTILINE):
        found.append(strip_glued_line_numbers(text, m.end()))
    return found


# --- 001: one line per JSON line, prefixed with its number -------------------------------


def strip_prefixed_line_numbers(lines: list[str]) -> tuple[str, int]:
    """Remove "N " / "N{" prefixes, checking that N counts up from 1 with no gaps."""
    out: list[str] = []
    depth = 0
    for n, raw in enumerate(lines, start=1):
        prefix = str(n)
        if not raw.startswith(prefix) or raw[len(prefix) : len(prefix) + 1].isdigit():
            raise ValueError(f"expected line number {n}, got {raw!r}")
        body = raw[len(prefix) :]
        body = body.removeprefix(" ")
        out.append(body)
        depth += _bracket_delta(body)
        if depth == 0:
            return "\n".join(out) + "\n", n
    raise ValueError("unterminated example")


def _bracket_delta(line: str) -> int:
    """Net bracket depth change of one JSON line, ignoring brackets inside strings."""
    delta = 0
    in_string = False
    escaped = False
    for ch in line:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "{[":
            delta += 1
        elif ch in "}]":
            delta -= 1
    return delta


def _prefixed_examples(text: str) -> list[tuple[str, int]]:
    """Every example of the 001 page: the lines after a line reading 'example'."""
    lines = text.splitlines()
    return [strip_prefixed_line_numbers(lines[i + 1 :]) for i, line in enumerate(lines) if line == "example"]


# --- 003: JSON with comments and trailing commas -----------------------------------------


def strip_json_comments(text: str) -> str:
    """Drop /* */ and // comments outside strings (URLs inside strings contain '//')."""
    out: list[str] = []
    pos = 0
    in_string = False
    while pos < len(text):
        ch = text[pos]
        if in_string:
            out.append(ch)
            if ch == "\\":
                out.append(text[pos + 1])
                pos += 2
                continue
            if ch == '"':
                in_string = False
            pos += 1
        elif text.startswith("/*", pos):
            end = text.index("*/", pos + 2)
            pos = end + 2
        elif text.startswith("//", pos):
            end = text.find("\n", pos)
            pos = len(text) if end < 0 else end
        else:
            if ch == '"':
                in_string = True
            out.append(ch)
            pos += 1
    return "".join(out)


_TRAILING_COMMA = re.compile(r",(\s*[}\]])")


def clean_commented_json(text: str) -> str:
    """Comments out, then trailing commas out; the seeds have no ',}' inside strings."""
    return _TRAILING_COMMA.sub(r"\1", strip_json_comments(text))


def _commented_examples(text: str) -> list[str]:
    """Every 'Body' example of the 003 page, from its '{' to its matching '}'."""
    found = []
    for m in re.finditer(r"^Body\n\s*\{", text, flags=re.MULTILINE):
        start = m.end() - 1
        depth = 0
        for end in range(start, len(text)):
            # brackets inside strings or comments are balanced in this seed
            if text[end] == "{":
                depth += 1
            elif text[end] == "}":
                depth -= 1
                if depth == 0:
                    found.append(clean_commented_json(text[start : end + 1]))
                    break
    return found


def _query_string_params(query: str) -> dict[str, str]:
    """Split a query string by hand: parse_qsl would turn the unencoded '+09:00' into ' 09:00'."""
    params: dict[str, str] = {}
    for pair in query.split("&"):
        name, _, value = pair.partition("=")
        params[name] = value
    return params


def dooray_query_examples(text: str) -> dict[str, dict[str, str]]:
    """The list-events query example (a URL) and its Parameters block, values as written."""
    url = re.search(r"^\.\.\./events\?(\S+)$", text, flags=re.MULTILINE)
    if url is None:
        raise ValueError("no request example in seed 003")
    block = text[text.index("GET /calendar/v1/calendars/*/events") :]
    block = block[block.index("Parameters\n") : block.index("\n", block.index("category="))]
    params: dict[str, str] = {}
    for line in block.splitlines()[1:]:
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, value = line.partition("=")
            params[name] = value
    return {
        "ListEventsQuery": _query_string_params(url.group(1)),
        "ListEventsQueryParams": params,
    }


# --- all examples -------------------------------------------------------------------------


def raw_example_texts() -> dict[Key, str]:
    """Cleaned JSON text of every example, before parsing."""
    ko_create = _glued_examples(seed_text("000"))
    ja_create = _prefixed_examples(seed_text("001"))
    ko_list = _glued_examples(seed_text("002"))
    dooray = _commented_examples(seed_text("003"))
    if (len(ko_create), len(ja_create), len(ko_list), len(dooray)) != (2, 2, 1, 4):
        raise ValueError("unexpected number of examples in the seeds")
    return {
        ("lineworks", "CreateEventRequestKo"): ko_create[0][0],
        ("lineworks", "CreateEventResponseKo"): ko_create[1][0],
        ("lineworks", "CreateEventRequestJa"): ja_create[0][0],
        ("lineworks", "CreateEventResponseJa"): ja_create[1][0],
        ("lineworks", "ListEventsResponseKo"): ko_list[0][0],
        ("dooray", "ListCalendarsResponse"): dooray[0],
        ("dooray", "GetCalendarResponse"): dooray[1],
        ("dooray", "ListEventsResponse"): dooray[2],
        ("dooray", "GetEventResponse"): dooray[3],
    }


def line_counts() -> dict[Key, int]:
    """How many numbered lines each LINE WORKS example has (last number on the page)."""
    ko_create = _glued_examples(seed_text("000"))
    ja_create = _prefixed_examples(seed_text("001"))
    ko_list = _glued_examples(seed_text("002"))
    return {
        ("lineworks", "CreateEventRequestKo"): ko_create[0][1],
        ("lineworks", "CreateEventResponseKo"): ko_create[1][1],
        ("lineworks", "CreateEventRequestJa"): ja_create[0][1],
        ("lineworks", "CreateEventResponseJa"): ja_create[1][1],
        ("lineworks", "ListEventsResponseKo"): ko_list[0][1],
    }


def raw_examples() -> dict[Key, Any]:
    """Every seed example as parsed JSON (plus the Dooray query examples as dicts)."""
    examples: dict[Key, Any] = {key: json.loads(text) for key, text in raw_example_texts().items()}
    for name, params in dooray_query_examples(seed_text("003")).items():
        examples[("dooray", name)] = params
    return examples


# --- corrections --------------------------------------------------------------------------


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def _parent(doc: Any, pointer: str) -> tuple[Any, str]:
    """Container and last token of an RFC 6901 pointer; raises if the path is missing."""
    if not pointer.startswith("/"):
        raise ValueError(f"not a JSON pointer: {pointer!r}")
    tokens = [_unescape(t) for t in pointer[1:].split("/")]
    node = doc
    for token in tokens[:-1]:
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node, tokens[-1]


def apply_correction(doc: Any, correction: dict[str, Any]) -> None:
    """Apply one rename|set|delete in place; the target must exist, so stale entries fail."""
    parent, token = _parent(doc, correction["pointer"])
    action = correction["action"]
    if isinstance(parent, list):
        index = int(token)
        if action == "set":
            parent[index]  # must exist
            parent[index] = correction["value"]
        elif action == "delete":
            del parent[index]
        else:
            raise ValueError(f"cannot {action} a list item: {correction}")
        return
    if token not in parent:
        raise KeyError(f"{correction['example']}{correction['pointer']} is not in the raw example")
    if action == "rename":
        new = correction["to"]
        if new in parent:
            raise KeyError(f"rename target {new!r} already present: {correction}")
        # rebuild to keep the key at its documented position
        items = [(new if k == token else k, v) for k, v in parent.items()]
        parent.clear()
        parent.update(items)
    elif action == "set":
        parent[token] = correction["value"]
    elif action == "delete":
        del parent[token]
    else:
        raise ValueError(f"unknown action: {correction}")


def apply_corrections(key: Key, raw: Any, corrections: list[dict[str, Any]]) -> Any:
    """The spec's version of one example: the raw example plus its listed corrections."""
    doc = copy.deepcopy(raw)
    name = f"{key[0]}/{key[1]}"
    for correction in corrections:
        if correction["example"] == name:
            apply_correction(doc, correction)
    return doc


class _JsonLikeLoader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver: OpenAPI data is JSON, dates stay strings."""


_JsonLikeLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(path: Path) -> Any:
    """Load YAML as JSON data (no datetime objects), so values compare equal to the seeds."""
    with path.open(encoding="utf-8") as stream:
        # yaml.load with a SafeLoader subclass is as safe as yaml.safe_load
        return yaml.load(stream, Loader=_JsonLikeLoader)


def load_corrections(
    path: Path = REPO / "spec" / "corrections.yaml",
) -> list[dict[str, Any]]:
    """The correction list; a top-level list, or a mapping holding it under `corrections`."""
    data = load_yaml(path)
    if isinstance(data, dict):
        data = data["corrections"]
    if not isinstance(data, list):
        raise TypeError(f"{path}: expected a list of corrections")
    return data


def load_spec(provider: str) -> Any:
    """One provider's OpenAPI document."""
    return load_yaml(REPO / "spec" / provider / "calendar.yaml")


def write_cleaned(directory: Path = Path("/tmp/cleaned")) -> list[Path]:
    """Write each raw example to <dir>/<provider>-<name>.json for pasting into the specs."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for (provider, name), value in raw_examples().items():
        path = directory / f"{provider}-{name}.json"
        path.write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_cleaned():
        print(written_path)


def spec_example_names() -> list[Key]:
    """The JSON examples the specs keep in components/examples (what the seeds' examples become)."""
    return [
        (provider, name)
        for provider in ("lineworks", "dooray")
        for name, example in (load_spec(provider).get("components", {}).get("examples") or {}).items()
        if isinstance(example.get("value"), dict) and not name.endswith(("Query", "QueryParams"))
    ]
