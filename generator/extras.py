"""Files the generator writes into each package beside openapi-python-client's output.

openapi-python-client's templates see only the OpenAPI objects it knows, not the x-calspec-*
extensions. So the spec's runtime facts (auth prefix, servers, error format, retries, rate-limit
headers, windows, paging) are rendered from `calspec.core` into `<package>/_spec.py`, beside the
runtime modules that read them. `templates/runtime/common/` holds what every client gets
(`package/` into the package, `project/` beside it: README, pyproject); `templates/runtime/<provider>/`
what one API's calendar model needs on top (its recurrence and iCalendar mapping).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2
from openapi_python_client.strings import snake_case

from calspec.core.providers import Provider

from .layout import TEMPLATES_DIR
from .prepare import TIME_FORMATS

RUNTIME_DIR = TEMPLATES_DIR / "runtime"


def facts(provider: Provider) -> dict[str, Any]:
    """What the runtime templates are rendered with, all of it from the spec."""
    document = provider.document
    info = document.raw.get("info") or {}
    servers = document.raw.get("servers", ())
    return {
        "provider": provider,
        "title": info.get("title", provider.name),
        "api_version": str(info.get("version", "")),  # the API's, from the spec
        "version": provider.client_version,  # the package's own release, from the registry
        "spec_file": f"spec/{provider.spec_file}",
        "servers": [(str(s["url"]), str(s.get("description", ""))) for s in servers],
        "server_names": [_constant(str(s.get("description") or s["url"])) for s in servers],
        "auth": document.auth,
        "errors": document.errors,
        "retries": document.retries,
        "rate_limit": document.rate_limit,
        "operations": [
            {"module": snake_case(op.operation_id), "operation": op} for op in document.operations
        ],
        "token_url": _token_url(document.security_schemes),
        "time_formats": _time_formats(document.raw),
    }


def _time_formats(node: Any) -> list[str]:
    """The time formats the spec uses anywhere, in TIME_FORMATS order (times.py offers what they need)."""
    found: set[str] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            value = current.get("format")
            if isinstance(value, str) and value in TIME_FORMATS:
                found.add(value)
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)
    return [name for name in TIME_FORMATS if name in found]


def _constant(description: str) -> str:
    """A server's description as a constant name ("Public sector" -> PUBLIC_SECTOR)."""
    name = re.sub(r"[^0-9A-Za-z]+", "_", description).strip("_").upper()
    return name if name and not name[0].isdigit() else f"SERVER_{name}"


def _token_url(schemes: dict[str, Any]) -> str | None:
    """The OAuth token URL of the spec's security schemes, when there is one (LINE WORKS)."""
    for scheme in schemes.values():
        for flow in (scheme.get("flows") or {}).values():
            if isinstance(flow, dict) and flow.get("tokenUrl"):
                return str(flow["tokenUrl"])
    return None


def write_extras(provider: Provider, project: Path) -> list[Path]:
    """Render the runtime templates into a generated project; the files written."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(RUNTIME_DIR),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["py"] = repr
    environment.globals["zip"] = zip
    context = facts(provider)
    written = []
    for folder in (RUNTIME_DIR / "common", RUNTIME_DIR / provider.name):
        for template in sorted(folder.rglob("*.jinja")):
            relative = template.relative_to(folder)
            if relative.name == "auth.py.jinja" and context["token_url"] is None:
                continue  # OAuth helpers only for an API that has a token URL
            name = relative.with_suffix("")  # drop .jinja
            if relative.parts[0] == "package":
                target = project / provider.package_name / Path(*name.parts[1:])
            else:
                target = project / Path(*name.parts[1:])
            target.parent.mkdir(parents=True, exist_ok=True)
            source = template.relative_to(RUNTIME_DIR).as_posix()
            target.write_text(environment.get_template(source).render(context), encoding="utf-8")
            written.append(target)
    return written
