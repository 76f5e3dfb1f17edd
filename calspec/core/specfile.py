"""Load spec YAML the way JSON sees it: no implicit timestamps, no duplicate keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class SpecLoader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver (an unquoted 2015-09-08 stays a string, as in JSON)
    that rejects duplicate mapping keys (YAML silently keeps the last one)."""


SpecLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: SpecLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    keys: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in keys:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        keys.add(key)
    return loader.construct_mapping(node)


SpecLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_spec(path: Path) -> dict[str, Any]:
    """Read an OpenAPI document; a document that is not a mapping is an error."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=SpecLoader)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not an OpenAPI document (top level is not a mapping)")
    return data
