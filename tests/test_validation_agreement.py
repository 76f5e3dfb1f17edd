"""The fake's two validators agree: jsonschema_rs answers "valid?" for every request, jsonschema
finds the error the fake's message names. A value one accepts and the other refuses would be let
through (or refused with no reason), so they are compared on the specs' examples and on mutations
of them, for every body and response schema of both specs."""

from __future__ import annotations

import copy
import random
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from calspec.core.locations import SPEC_DIR
from calspec.core.validation import Checker
from calspec.fake.app import create_app

PROVIDERS = ("lineworks", "dooray")


def _examples(provider: str) -> list[Any]:
    document = yaml.safe_load((SPEC_DIR / provider / "calendar.yaml").read_text(encoding="utf-8"))
    return [example["value"] for example in document["components"]["examples"].values() if "value" in example]


def _checkers(provider: str) -> Iterator[tuple[str, Checker]]:
    app = create_app()
    for key, checks in sorted(app.checks.items()):
        if checks.operation.provider != provider:
            continue
        if checks.body is not None:
            yield f"{key} body", checks.body
        for status, checker in sorted(checks.responses.items()):
            if checker is not None:
                yield f"{key} {status}", checker


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*path, index))


REPLACEMENTS: list[Any] = [
    None,
    "",
    "x" * 300,
    0,
    -1,
    2**40,
    1.5,
    True,
    [],
    {},
    "2021-13-01T00:00:00",
    "Asia/Nowhere",
]


def _mutations(value: Any, rng: random.Random, count: int) -> Iterator[Any]:
    paths = list(_leaves(value))
    for _ in range(count):
        mutated = copy.deepcopy(value)
        path = rng.choice(paths)
        if not path:
            yield rng.choice(REPLACEMENTS)
            continue
        parent = mutated
        for part in path[:-1]:
            parent = parent[part]
        action = rng.choice(["replace", "delete", "add"])
        if action == "delete" and isinstance(parent, dict):
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent["unknownProperty"] = rng.choice(REPLACEMENTS)
        else:
            parent[path[-1]] = rng.choice(REPLACEMENTS)
        yield mutated


@pytest.mark.parametrize("provider", PROVIDERS)
def test_fast_and_explaining_validators_agree(provider: str) -> None:
    rng = random.Random(f"agreement-{provider}")
    examples = _examples(provider)
    disagreements = []
    valid_seen = invalid_seen = 0
    for name, checker in _checkers(provider):
        for example in examples:
            for value in [example, *_mutations(example, rng, 6)]:
                fast = checker.is_valid(value)
                explained = next(checker.errors(value), None) is None
                valid_seen += fast
                invalid_seen += not fast
                if fast != explained:
                    disagreements.append(
                        f"{name}: is_valid={fast}, errors={'none' if explained else 'some'}: {value!r:.200}"
                    )
    assert not disagreements, "\n".join(disagreements[:20])
    assert valid_seen and invalid_seen  # both answers were exercised
