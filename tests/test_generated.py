"""The generated clients: current, installable, type-clean, and their custom runtime behaviour.

The behaviour tests generate a tiny inline spec into tmp_path, so they do not depend on the real specs.
"""

from __future__ import annotations

import datetime
import importlib
import importlib.metadata
import json
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from calspec.core.providers import PROVIDERS, Provider
from generator.generate import generate_into
from generator.layout import ROOT, output_dir

BIN = Path(sys.executable).parent
NINE = datetime.timezone(datetime.timedelta(hours=9))

TINY_SPEC = """\
openapi: 3.1.0
info: {title: Tiny, version: "1.0"}
servers: [{url: "https://tiny.example.com/v1", description: Tiny}]
x-calspec-errors: {code: /code, message: /message, codes: {"400": BAD}}
x-calspec-retries:
  policies: [{methods: [GET], statuses: [429], connection-errors: any}]
security: [{token: []}]
paths:
  /things/{thingId}:
    get:
      operationId: getThing
      summary: Get a thing
      tags: [things]
      parameters:
        - {name: thingId, in: path, required: true, schema: {type: string}}
        - {name: from, in: query, schema: {type: string, format: local-date-time}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Thing"}
        "404": {description: missing}
components:
  securitySchemes:
    token: {type: http, scheme: bearer, x-calspec-auth: {header: X-Tiny-Token, prefix: Tiny}}
  schemas:
    Status:
      type: string
      enum: [CONFIRMED, NEEDS-ACTION]
    Level:
      type: integer
      enum: [1, 2]
    Thing:
      type: object
      required: [status]
      properties:
        status: {$ref: "#/components/schemas/Status"}
        level: {$ref: "#/components/schemas/Level"}
        wall: {type: string, format: local-date-time}
        day: {type: string, format: offset-date}
        when:
          anyOf:
            - {type: string, format: date-time}
            - {type: string, format: offset-date}
        whenDateFirst:
          anyOf:
            - {type: string, format: offset-date}
            - {type: string, format: date-time}
"""


def tiny_provider(spec: Path, client_version: str = "1.0.0") -> Provider:
    return Provider(
        "tiny",
        str(spec),
        "tiny-calendar-client",
        "tiny_calendar",
        "",
        demo_token="",
        client_version=client_version,
    )


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """Generate the tiny spec with the real templates and import it as `tiny_calendar`."""
    root = tmp_path_factory.mktemp("tiny")
    (root / "spec.yaml").write_text(TINY_SPEC, encoding="utf-8")
    provider = tiny_provider(root / "spec.yaml")
    out = generate_into(provider, root / "out")
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module("tiny_calendar")
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m == "tiny_calendar" or m.startswith("tiny_calendar.")]:
            del sys.modules[name]


def _models(tiny: ModuleType) -> Any:
    return importlib.import_module("tiny_calendar.models")


def _types(tiny: ModuleType) -> Any:
    return importlib.import_module("tiny_calendar.types")


# --- the committed output -------------------------------------------------------------------------


def test_generated_is_current() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


def test_generated_packages_type_check(tmp_path: Path) -> None:
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")
    packages = [str(output_dir(p) / p.package_name) for p in PROVIDERS.values()]
    result = subprocess.run(
        [str(BIN / "mypy"), "--strict", "--config-file", str(config), "--cache-dir", str(tmp_path / "cache")]
        + packages,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:]


@pytest.mark.parametrize("provider", sorted(PROVIDERS))
def test_generated_package_is_installed(provider: str) -> None:
    p = PROVIDERS[provider]
    dist = importlib.metadata.distribution(p.project_name)
    assert dist.metadata["Name"] == p.project_name
    module = importlib.import_module(p.package_name)
    assert Path(module.__file__ or "").resolve().is_relative_to(output_dir(p))
    assert (output_dir(p) / p.package_name / "py.typed").is_file()
    pyproject = (output_dir(p) / "pyproject.toml").read_text(encoding="utf-8")
    assert 'build-backend = "hatchling.build"' in pyproject


@pytest.mark.parametrize("provider", sorted(PROVIDERS))
def test_lock_file_records_inputs(provider: str) -> None:
    p = PROVIDERS[provider]
    lock = json.loads((output_dir(p) / "calspec.lock").read_text(encoding="utf-8"))
    assert lock["spec"] == f"spec/{provider}/calendar.yaml"
    assert lock["openapi_python_client"] == importlib.metadata.version("openapi-python-client")
    assert lock["config"]["package_name_override"] == p.package_name


@pytest.mark.parametrize("provider", sorted(PROVIDERS))
def test_package_carries_its_own_version_and_the_apis(provider: str) -> None:
    """The client's release (the registry's client_version) and the API's version (the spec's info.version)
    are two facts, each visible where a consumer looks: the package, its metadata, README and lock file."""
    p = PROVIDERS[provider]
    api_version = str(p.document.raw["info"]["version"])
    module = importlib.import_module(p.package_name)
    assert module.__version__ == p.client_version == importlib.metadata.version(p.project_name)
    assert module.API_VERSION == api_version and "API_VERSION" in module.__all__
    project = output_dir(p)
    pyproject = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["version"] == p.client_version
    assert pyproject["tool"]["calspec"]["api-version"] == api_version
    assert f"(API version {api_version})" in pyproject["project"]["description"]
    readme = (project / "README.md").read_text(encoding="utf-8")
    assert f"client {p.client_version} for API {api_version}" in readme
    lock = json.loads((project / "calspec.lock").read_text(encoding="utf-8"))
    assert (lock["client_version"], lock["api_version"]) == (p.client_version, api_version)
    assert (
        (project / "CHANGELOG.md")
        .read_text(encoding="utf-8")
        .startswith(f"# Changelog of {p.project_name}\n")
    )


def test_default_auth_prefixes() -> None:
    import dooray_calendar
    import lineworks_calendar

    assert dooray_calendar.AuthenticatedClient(base_url="http://x", token="t").prefix == "dooray-api"
    assert lineworks_calendar.AuthenticatedClient(base_url="http://x", token="t").prefix == "Bearer"


def test_auth_header_and_prefix_come_from_the_spec(tiny: ModuleType) -> None:
    """The tiny spec's x-calspec-auth names its own header and word: the client sends exactly those,
    with the token it holds at each request (a token changed on a live client is used next)."""
    import httpx

    sent: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request.headers.get("X-Tiny-Token", ""))
        return httpx.Response(200, json={"status": "CONFIRMED"})

    client = tiny.AuthenticatedClient(
        base_url="http://x", token="secret", httpx_args={"transport": httpx.MockTransport(answer)}
    )
    assert (client.auth_header_name, client.prefix) == ("X-Tiny-Token", "Tiny")
    get_thing = importlib.import_module("tiny_calendar.api.things.get_thing")
    get_thing.sync("1", client=client)
    client.token = "rotated"
    get_thing.sync("1", client=client)
    assert sent == ["Tiny secret", "Tiny rotated"]
    assert "secret" not in repr(client) and "rotated" not in repr(client)


# --- generator behaviour, on the tiny spec ----------------------------------------------------------


def test_generation_is_deterministic(tiny: ModuleType, tmp_path: Path) -> None:
    out = Path(tiny.__file__ or "").parent.parent
    spec = out.parent.parent / "spec.yaml"
    provider = tiny_provider(spec)
    again = generate_into(provider, tmp_path)
    first = {
        p.relative_to(out): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first == second
    assert not (out / ".ruff_cache").exists()


@pytest.mark.parametrize(
    ("wire", "expected"),
    [
        ("2015-09-08T10:30:00+09:00", datetime.datetime(2015, 9, 8, 10, 30, tzinfo=NINE)),
        ("2021-12-13T14:00:00", datetime.datetime(2021, 12, 13, 14, 0)),
        ("2015-09-08T01:30:00Z", datetime.datetime(2015, 9, 8, 1, 30, tzinfo=datetime.UTC)),
        ("2015-09-08+09:00", "offset"),
        ("2015-09-08", datetime.date(2015, 9, 8)),
    ],
)
@pytest.mark.parametrize("field", ["when", "whenDateFirst"])
def test_datetime_or_date_union_round_trips(
    tiny: ModuleType, field: str, wire: str, expected: object
) -> None:
    models, types = _models(tiny), _types(tiny)
    if expected == "offset":
        expected = types.OffsetDate(2015, 9, 8, NINE)
    thing = models.Thing.from_dict({"status": "CONFIRMED", field: wire})
    value = thing.when if field == "when" else thing.when_date_first
    assert type(value) is type(expected) and value == expected
    assert getattr(value, "tzinfo", None) == getattr(expected, "tzinfo", None)
    out = thing.to_dict()[field]
    assert out == (wire.replace("Z", "+00:00"))


def test_custom_formats_parse_strictly(tiny: ModuleType) -> None:
    models, types = _models(tiny), _types(tiny)
    thing = models.Thing.from_dict(
        {"status": "CONFIRMED", "wall": "2021-12-13T14:00:00", "day": "2015-09-08+09:00"}
    )
    assert thing.wall == datetime.datetime(2021, 12, 13, 14, 0) and thing.wall.tzinfo is None
    assert thing.day == types.OffsetDate(2015, 9, 8, NINE) and thing.day.tzinfo == NINE
    assert thing.to_dict() == {
        "status": "CONFIRMED",
        "wall": "2021-12-13T14:00:00",
        "day": "2015-09-08+09:00",
    }
    for bad in ("2015-09-08", "2015-09-08+09:00", "nope"):
        with pytest.raises(ValueError):
            types.parse_datetime(bad)
    for bad in ("2015-09-08T10:00:00", "2015-09-08+0900", "nope"):
        with pytest.raises(ValueError):
            types.parse_date(bad)


def test_time_helpers(tiny: ModuleType) -> None:
    types = _types(tiny)
    assert types.format_datetime(datetime.datetime(2021, 1, 2, 3, 4, 5, 678901)) == "2021-01-02T03:04:05"
    assert (
        types.format_datetime(datetime.datetime(2021, 1, 2, 3, 4, 5, tzinfo=NINE))
        == "2021-01-02T03:04:05+09:00"
    )
    day = types.parse_date("2015-09-08-05:30")
    assert isinstance(day, types.OffsetDate) and types.format_date(day) == "2015-09-08-05:30"
    assert day.tzinfo == datetime.timezone(-datetime.timedelta(hours=5, minutes=30))
    assert types.parse_date("2015-09-08Z").tzinfo == datetime.UTC
    nine = types.OffsetDate(2015, 9, 8, NINE)
    assert nine == datetime.date(2015, 9, 8) and hash(nine) == hash(datetime.date(2015, 9, 8))
    assert (nine + datetime.timedelta(days=1)).tzinfo == NINE
    assert types.format_date(nine + datetime.timedelta(days=30)) == "2015-10-08+09:00"
    assert types.format_date(nine.replace(day=1)) == "2015-09-01+09:00"
    for name in ("OffsetDate", "parse_date", "format_date", "parse_datetime", "format_datetime"):
        assert name in types.__all__


def test_tolerant_enums(tiny: ModuleType) -> None:
    models = _models(tiny)
    thing = models.Thing.from_dict({"status": "DELEGATED", "level": 7})
    assert isinstance(thing.status, models.Status)
    assert (
        thing.status.name == "UNKNOWN" and thing.status.value == "DELEGATED" and thing.status == "DELEGATED"
    )
    assert thing.level.name == "UNKNOWN" and thing.level.value == 7
    assert thing.to_dict() == {"status": "DELEGATED", "level": 7}
    assert models.Thing.from_dict({"status": "NEEDS-ACTION"}).status is models.Status.NEEDS_ACTION
    with pytest.raises(ValueError):
        models.Status("DELEGATED")


def test_query_parameter_uses_wire_format(tiny: ModuleType) -> None:
    get_thing = importlib.import_module("tiny_calendar.api.things.get_thing")
    kwargs = get_thing._get_kwargs(thing_id="a/b", from_=datetime.datetime(2021, 12, 13, 14, 0, 0, 123))
    assert kwargs["params"] == {"from": "2021-12-13T14:00:00"}
