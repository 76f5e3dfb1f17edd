"""`calspec-fake` (or `python -m calspec.fake`) [--host 127.0.0.1] [--port 8080] [--db PATH]
[--workers N] [--rate-limits] [--rate-limit PROVIDER:KEY=VALUE ...] [--token-lifetime SECONDS]
[--fault JSON ...]: run the fake with uvicorn.

Once it accepts connections it prints `calspec-fake ready: http://HOST:PORT` on stdout (flushed), the
line a script or CI waits for; `--port 0` picks a free port, which that line names.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import uvicorn

from calspec.core.providers import FIXTURES_DIR, PROVIDERS
from calspec.fake.limits import UVICORN_OPTIONS
from calspec.fake.world import load_world

APP_FACTORY = "calspec.fake.__main__:app_from_env"
DEFAULT_TOKEN_LIFETIME = 3600
SERVICE_ACCOUNT_KEY = "lineworks-demo-service-account.pem"  # in the fixtures directory, test-only
# Settings a uvicorn worker reads (it is started by import path, so it can't be given arguments).
ENV_DB = "CALSPEC_FAKE_DB"
ENV_FIXTURES = "CALSPEC_FAKE_FIXTURES"
ENV_RATE_LIMITS = "CALSPEC_FAKE_RATE_LIMITS"  # JSON: true, or {provider: {setting: number}}
ENV_TOKEN_LIFETIME = "CALSPEC_FAKE_TOKEN_LIFETIME"  # seconds
ENV_FAULTS = "CALSPEC_FAKE_FAULTS"  # JSON: a list of faults, queued when the app starts
READY = "calspec-fake ready: {url}"
HEALTH = "/_calspec/health"

RateLimitSetting = bool | dict[str, dict[str, float]]


def app_from_env() -> object:
    """The app of one uvicorn worker: settings come through the environment, so workers agree."""
    from calspec.fake.app import create_app

    fixtures = os.environ.get(ENV_FIXTURES)
    app = create_app(
        db=os.environ.get(ENV_DB) or None,
        fixtures_dir=Path(fixtures) if fixtures else None,
        rate_limits=json.loads(os.environ.get(ENV_RATE_LIMITS) or "false"),
        token_lifetime=int(os.environ.get(ENV_TOKEN_LIFETIME) or DEFAULT_TOKEN_LIFETIME),
    )
    app.faults.inject_all(json.loads(os.environ.get(ENV_FAULTS) or "[]"))
    return app


def fault_list(options: list[str]) -> list[dict[str, Any]]:
    """The `--fault JSON` options as one list of faults (an option may hold one object or a list),
    each checked as `POST /_calspec/faults` checks it. ValueError naming the bad one."""
    from calspec.fake.faults import Faults

    names = [
        name for p in PROVIDERS.values() for op in p.document.operations for name in (op.operation_id, op.key)
    ]
    faults: list[dict[str, Any]] = []
    for option in options:
        try:
            data = json.loads(option)
        except ValueError:
            raise ValueError(f"--fault {option!r}: not JSON") from None
        items = data if isinstance(data, list) else [data]
        if not all(isinstance(item, dict) for item in items):
            raise ValueError(f"--fault {option!r}: expected a fault object or a list of them")
        try:
            Faults(names).inject_all(items)
        except ValueError as error:
            raise ValueError(f"--fault {option!r}: {error}") from None
        faults.extend(items)
    return faults


def rate_limit_setting(documented: bool, overrides: list[str]) -> RateLimitSetting:
    """`--rate-limits` and the `--rate-limit PROVIDER:KEY=VALUE` options as `create_app` takes them:
    False (off), True (every spec's numbers) or {provider: overrides}; a provider named only with
    `--rate-limit` is limited, the others are not unless `--rate-limits` is given too. ValueError
    for a malformed option or a setting `create_app` would refuse."""
    from calspec.fake.app import _rate_limiters

    if not overrides:
        return documented
    setting: dict[str, dict[str, float]] = {}
    if documented:
        setting = {n: {} for n, p in PROVIDERS.items() if p.document.rate_limit is not None}
    for option in overrides:
        provider, colon, assignment = option.partition(":")
        key, equals, value = assignment.partition("=")
        if not (colon and equals and provider and key and value):
            raise ValueError(f"--rate-limit {option!r}: expected PROVIDER:KEY=VALUE, like lineworks:limit=5")
        try:
            number: float = int(value)
        except ValueError:
            try:
                number = float(value)
            except ValueError:
                raise ValueError(f"--rate-limit {option!r}: {value!r} is not a number") from None
        setting.setdefault(provider, {})[key] = number
    _rate_limiters(PROVIDERS, setting)  # refuses what create_app would refuse
    return setting


def positive_seconds(text: str) -> int:
    try:
        seconds = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of seconds") from None
    if seconds < 1:
        raise argparse.ArgumentTypeError("must be at least 1 second")
    return seconds


def banner(
    host: str,
    port: int,
    db: str | None,
    fixtures_dir: Path | None,
    *,
    rate_limits: RateLimitSetting = False,
    token_lifetime: int = DEFAULT_TOKEN_LIFETIME,
) -> str:
    world = load_world(fixtures_dir)
    base = f"http://{host}:{port}"
    lines = [
        "calspec fake calendar server",
        f"  LINE WORKS base URL: {base}/v1.0",
        f"  Dooray base URL:     {base}",
        f"  state: {db if db else 'in memory (lost at exit; --db PATH keeps it)'}",
        f"  rate limits: {_describe_rate_limits(rate_limits)}",
        "  LINE WORKS tokens (Authorization: Bearer <token>):",
    ]
    for token, principal in world.tokens.demo_tokens("lineworks"):
        scopes = " ".join(sorted(principal.scopes))
        lines.append(f"    {token:<20} user {principal.user_id} <{principal.email}> scope {scopes}")
    lines.append("  Dooray tokens (Authorization: dooray-api <token>):")
    for token, principal in world.tokens.demo_tokens("dooray"):
        lines.append(f"    {token:<20} member {principal.user_id} <{principal.email}>")
    lines.extend(_token_endpoint_lines(base, world.fixtures["lineworks"], fixtures_dir, token_lifetime))
    calendar = world.fixtures["lineworks"]["calendars"][0]["calendarId"]
    user = world.fixtures["lineworks"]["users"][0]["userId"]
    lines.append("  try:")
    lines.append(
        f"    curl -H 'Authorization: Bearer lw-demo-token' '{base}/v1.0/users/{user}/calendars/{calendar}"
        "/events?fromDateTime=2021-12-01T00:00:00%2B09:00&untilDateTime=2021-12-31T00:00:00%2B09:00'"
    )
    lines.append(f"    curl -H 'Authorization: dooray-api dooray-demo-token' '{base}/calendar/v1/calendars'")
    return "\n".join(lines)


def _token_endpoint_lines(
    base: str, data: dict[str, Any], fixtures_dir: Path | None, token_lifetime: int
) -> list[str]:
    from calspec.fake.app import _token_path

    path = _token_path(PROVIDERS["lineworks"])
    if path is None:
        return []
    lines = [f"  LINE WORKS token endpoint: {base}{path} (access tokens live {token_lifetime} s)"]
    for app in data.get("apps", []):
        accounts = ", ".join(app.get("serviceAccounts", [])) or "none"
        lines.append(f"    client_id {app['clientId']}  client_secret {app['clientSecret']}")
        lines.append(f"      service accounts (JWT sub): {accounts}")
    key = (fixtures_dir or FIXTURES_DIR) / SERVICE_ACCOUNT_KEY
    if key.is_file():
        lines.append(f"    service-account private key (test only): {key.resolve()}")
    for entry in data.get("refreshTokens", []):
        lines.append(f"    refresh_token {entry['refreshToken']} (user {entry['userId']}, once: it rotates)")
    return lines


def _describe_rate_limits(setting: RateLimitSetting) -> str:
    if setting is False:
        return "off (--rate-limits turns on the documented ones)"
    chosen = PROVIDERS if setting is True else setting
    parts = []
    for name in chosen:
        limit = PROVIDERS[name].document.rate_limit
        overrides = {} if setting is True else setting[name]
        if limit is None:
            continue
        if limit.algorithm == "token-bucket":
            burst, rate = overrides.get("burst", limit.burst), overrides.get("rate", limit.rate)
            parts.append(f"{name} burst {burst:g}, {rate:g}/s per {limit.scope}")
        else:
            calls = overrides.get("limit", limit.limit)
            window = overrides.get("window-seconds", limit.window_seconds)
            parts.append(f"{name} {calls:g} per {window:g} s per {limit.scope}")
    return "; ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="calspec-fake", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument(
        "--port",
        type=int,
        default=int(os.environ.get("PORT", "8080")),
        help="port to listen on (default 8080, or $PORT); 0 picks a free one, named in the ready line",
    )
    parser.add_argument("--db", default=None, help="SQLite file to keep state in (default: in memory)")
    parser.add_argument(
        "--fixtures", type=Path, default=None, help="directory with lineworks.json, dooray.json"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="worker processes (needs --db to share state; issued tokens, faults and rate-limit counts "
        "stay in the worker that made them)",
    )
    parser.add_argument("--log-level", default="info")
    parser.add_argument(
        "--rate-limits",
        action="store_true",
        help="enforce each spec's documented rate limit (LINE WORKS 240/min per operation, Dooray "
        "a burst of 20 refilled at 5/s per token); off by default",
    )
    parser.add_argument(
        "--rate-limit",
        action="append",
        default=[],
        metavar="PROVIDER:KEY=VALUE",
        help="replace one documented number (lineworks:limit, lineworks:window-seconds, dooray:burst, "
        "dooray:rate); limits that provider even without --rate-limits; repeatable",
    )
    parser.add_argument(
        "--token-lifetime",
        type=positive_seconds,
        default=DEFAULT_TOKEN_LIFETIME,
        metavar="SECONDS",
        help=f"how long an access token from the token endpoint lives (default {DEFAULT_TOKEN_LIFETIME})",
    )
    parser.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="JSON",
        help="a fault queued at start, as POST /_calspec/faults takes it (one object or a list): "
        '\'{"status": 503, "times": 2, "operation": "listEvents", "retryAfter": 1}\'; repeatable, '
        "used in order; one worker only",
    )
    args = parser.parse_args(argv)
    if args.workers > 1 and not args.db:
        parser.error("--workers > 1 needs --db PATH: in-memory state can't be shared between processes")
    if args.workers > 1 and args.fault:
        parser.error("--fault needs one worker: each worker would queue a copy of every fault")
    try:
        rate_limits = rate_limit_setting(args.rate_limits, args.rate_limit)
        faults = fault_list(args.fault)
    except ValueError as error:
        parser.error(str(error))
    if args.db:
        os.environ[ENV_DB] = str(Path(args.db).resolve())
        from calspec.fake.app import create_app
        from calspec.fake.store import StoreVersionError

        try:
            # Seed once, up front, before the workers start.
            create_app(db=os.environ[ENV_DB], fixtures_dir=args.fixtures).store.close()
        except StoreVersionError as error:
            parser.error(str(error))
    if args.fixtures:
        os.environ[ENV_FIXTURES] = str(args.fixtures.resolve())
    os.environ[ENV_RATE_LIMITS] = json.dumps(rate_limits)
    os.environ[ENV_TOKEN_LIFETIME] = str(args.token_lifetime)
    os.environ[ENV_FAULTS] = json.dumps(faults)
    config = uvicorn.Config(
        APP_FACTORY,
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=args.log_level,
        **UVICORN_OPTIONS,
    )
    return run_server(
        config,
        lambda port: banner(
            args.host,
            port,
            args.db,
            args.fixtures,
            rate_limits=rate_limits,
            token_lifetime=args.token_lifetime,
        ),
    )


def run_server(config: uvicorn.Config, describe: Callable[[int], str]) -> int:
    """Bind the port, print `describe(port)`, serve until stopped; the ready line once it answers."""
    sock = config.bind_socket()  # exits (3) when the port can't be had
    port = int(sock.getsockname()[1])
    print(describe(port), flush=True)
    url = f"http://{_connectable(config.host)}:{port}"
    threading.Thread(target=_announce, args=(url,), daemon=True, name="calspec-fake-ready").start()
    server = uvicorn.Server(config)
    try:
        if config.workers > 1:
            from uvicorn.supervisors import Multiprocess

            Multiprocess(config, sockets=[sock]).run()
        else:
            server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
    if config.workers == 1 and not server.started:
        return 3  # uvicorn's own exit status for a server that could not start
    return 0


def _connectable(host: str) -> str:
    """The host to reach a server bound to `host` from this machine (a wildcard means loopback)."""
    host = {"": "127.0.0.1", "0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)
    return f"[{host}]" if ":" in host else host


def _announce(url: str, timeout: float = 120.0) -> None:
    """Print the ready line once the server answers its health check (any worker, when several)."""
    host, _, port = url.removeprefix("http://").rpartition(":")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        connection = http.client.HTTPConnection(host.strip("[]"), int(port), timeout=2)
        try:
            connection.request("GET", HEALTH)
            if connection.getresponse().status == 200:
                print(READY.format(url=url), flush=True)
                return
        except (OSError, http.client.HTTPException):
            pass
        finally:
            connection.close()
        time.sleep(0.02)


if __name__ == "__main__":
    sys.exit(main())
