"""One place that says how calspec runs schemathesis, for the pytest suite and for `make contract`.

The pytest suite runs the engine in-process against the fake's ASGI app; `python -m calspec.contract` runs the
schemathesis CLI against a URL. Both take their settings from `config_dict`, so they test the same things.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from calspec.core.providers import PROVIDERS, Provider, get_provider

__all__ = ["PROVIDERS", "Provider", "get_provider"]
# The directory that holds the `calspec` package (the repository root in a checkout): the schemathesis
# CLI that `python -m calspec.contract` starts needs it on its path to load `calspec.contract.hooks`.
REPO = Path(__file__).resolve().parent.parent.parent

# Every check schemathesis 4.32 ships, listed so that a change of defaults cannot silently drop one.
# object_level_authorization only acts when peers are configured (WFC auth); it is listed for completeness.
CHECKS: tuple[str, ...] = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
    "positive_data_acceptance",
    "missing_required_header",
    "unsupported_method",
    "allow_header_conformance",
    "use_after_free",
    "ensure_resource_availability",
    "ignored_auth",
    "object_level_authorization",
)
PHASES: tuple[str, ...] = ("examples", "coverage", "fuzzing", "stateful")
DEFAULT_SEED = 20240611
DEFAULT_MAX_EXAMPLES = 30
DEFAULT_STATEFUL_STEPS = 12
# Set by `python -m contract` to a file in its temporary directory: the hooks append there the operation
# and status of each response that shows whether the token works, so the runner can tell a failed login.
STATUS_LOG_VARIABLE = "CALSPEC_CONTRACT_STATUS_LOG"


def config_dict(
    provider: Provider,
    *,
    base_url: str,
    token: str,
    seed: int = DEFAULT_SEED,
    max_examples: int = DEFAULT_MAX_EXAMPLES,
    stateful_steps: int = DEFAULT_STATEFUL_STEPS,
    known_id_probability: float = 0.5,
    phases: Iterable[str] = PHASES,
) -> dict[str, Any]:
    """The schemathesis configuration (the shape of schemathesis.toml) for one provider.

    `token` goes into the Authorization header as is; pass `${VAR}` to have schemathesis read it from the
    environment, which keeps it out of files and command lines.
    """
    enabled = set(phases)
    unknown = enabled - set(PHASES)
    if unknown:
        raise ValueError(f"unknown phases {sorted(unknown)}; expected some of: {', '.join(PHASES)}")
    dictionaries: dict[str, Any] = {}
    parameters: dict[str, Any] = {}
    for key, values in provider.demo_ids.items():
        name = f"{provider.name}-{key.replace('.', '-')}"
        dictionaries[name] = {"values": list(values)}
        parameters[key] = {"dictionary": name, "probability": known_id_probability}
    operations: dict[str, dict[str, Any]] = {}
    for operation_id, steering in provider.operation_ids.items():
        bindings = operations.setdefault(operation_id, {}).setdefault("parameters", {})
        for key, values in steering.items():
            name = f"{provider.name}-{operation_id}-{key.replace('.', '-')}"
            dictionaries[name] = {"values": list(values)}
            bindings[key] = {"dictionary": name, "probability": known_id_probability}
    return {
        "seed": seed,
        "base-url": base_url,
        "headers": {"Authorization": provider.authorization(token)},
        "request-timeout": 10,
        "generation": {
            "mode": "all",
            "max-examples": max_examples,
            # Derandomized Hypothesis and no example database: the same inputs on every run.
            "deterministic": True,
            "database": "none",
        },
        "checks": {"enabled": True, **{name: {"enabled": True} for name in CHECKS}},
        "phases": {
            "examples": {"enabled": "examples" in enabled, "fill-missing": True},
            "coverage": {"enabled": "coverage" in enabled},
            "fuzzing": {"enabled": "fuzzing" in enabled},
            "stateful": {"enabled": "stateful" in enabled, "max-steps": stateful_steps},
        },
        "operations": [
            {"include-operation-id": operation_id, **settings}
            for operation_id, settings in operations.items()
        ],
        "dictionaries": dictionaries,
        "parameters": parameters,
        "output": {"sanitization": {"enabled": True}},
        # Valid formats, windows and cursors; the demo data kept alive; a positive 400 accepted only when
        # the request breaks a rule of x-calspec-rules (contract/hooks.py, contract/rules.py).
        "hooks": "calspec.contract.hooks",
    }


def _toml_key(key: str) -> str:
    return key if key.replace("-", "").replace("_", "").isalnum() else json.dumps(key)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def to_toml(data: Mapping[str, Any]) -> str:
    """Write `config_dict` output as TOML for the schemathesis CLI (nested tables become sections)."""
    lines: list[str] = []

    def emit(table: Mapping[str, Any], prefix: tuple[str, ...]) -> None:
        scalars = [(k, v) for k, v in table.items() if not isinstance(v, dict) or not v]
        tables = [(k, v) for k, v in table.items() if isinstance(v, dict) and v]
        if prefix and scalars:
            lines.append("[" + ".".join(_toml_key(p) for p in prefix) + "]")
        for key, value in scalars:
            lines.append(f"{_toml_key(key)} = {_toml_value(value)}")
        if scalars:
            lines.append("")
        for key, value in tables:
            emit(value, (*prefix, key))

    emit(data, ())
    return "\n".join(lines)


def build_config(provider: Provider, *, base_url: str, token: str, **options: Any) -> Any:
    """`config_dict` loaded as a `schemathesis.Config` for the Python API."""
    import schemathesis

    # `${` would be read as an environment placeholder; a literal token must not be.
    literal = token.replace("${", "$${")
    return schemathesis.Config.from_dict(config_dict(provider, base_url=base_url, token=literal, **options))


def load_schema(provider: Provider, config: Any, *, app: Any = None) -> Any:
    """The provider's spec loaded with `config`; with `app`, requests go to that ASGI app in-process."""
    import schemathesis

    schema = schemathesis.openapi.from_path(provider.spec, config=config)
    if app is not None:
        schema.app = app
    return schema


def operation_labels(schema: Any) -> set[str]:
    """Labels (`GET /path`) of every operation in the loaded spec."""
    return {result.ok().label for result in schema.get_all_operations()}


@dataclass
class RunResult:
    """What an engine run did: failures as readable lines, request and check counts per phase."""

    failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: Counter[str] = field(default_factory=Counter)
    checks: Counter[str] = field(default_factory=Counter)
    statuses: Counter[int] = field(default_factory=Counter)
    operations_2xx: set[str] = field(default_factory=set)
    stop_reason: str = ""

    def summary(self) -> str:
        """One paragraph for test output."""
        return (
            f"stop={self.stop_reason} requests={dict(self.requests)} "
            f"statuses={dict(sorted(self.statuses.items()))} "
            f"checks={sum(self.checks.values())} failures={len(self.failures)} errors={len(self.errors)} "
            f"2xx-operations={sorted(self.operations_2xx)}"
        )


def run_engine(schema: Any) -> RunResult:
    """Run every configured phase the way the CLI does, collecting failures instead of printing them."""
    from schemathesis.engine import events, from_schema

    result = RunResult()
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished | events.FuzzScenarioFinished):
            _record(result, event.phase.value if hasattr(event, "phase") else "fuzz", event.recorder)
        elif isinstance(event, events.NonFatalError):
            result.errors.append(f"{event.label}: {event.info.format()}")
        elif isinstance(event, events.FatalError):
            result.errors.append(f"fatal: {event.exception!r}")
        elif isinstance(event, events.EngineFinished):
            result.stop_reason = str(event.stop_reason)
    return result


def _record(result: RunResult, phase: str, recorder: Any) -> None:
    for case_id, node in recorder.cases.items():
        interaction = recorder.interactions.get(case_id)
        if interaction is None or interaction.response is None:
            continue
        result.requests[phase] += 1
        status = interaction.response.status_code
        result.statuses[status] += 1
        if 200 <= status < 300:
            result.operations_2xx.add(node.value.operation.label)
    for checks in recorder.checks.values():
        for check in checks:
            result.checks[check.name] += 1
            if check.failure_info is not None:
                failure = check.failure_info.failure
                sample = check.failure_info.code_sample
                result.failures.append(
                    f"[{phase}] {check.name}: {failure.title}\n{failure.message}\n{sample}"
                )


def format_failures(lines: Iterable[str], limit: int = 20) -> str:
    """Failures deduplicated by their first line, for an assertion message."""
    seen: dict[str, str] = {}
    for line in lines:
        seen.setdefault(line.split("\n", 1)[0], line)
    shown = list(seen.values())[:limit]
    return "\n\n".join(shown) + (f"\n\n... and {len(seen) - limit} more kinds" if len(seen) > limit else "")
