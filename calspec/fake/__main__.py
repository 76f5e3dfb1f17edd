"""`python -m fake [--host 127.0.0.1] [--port 8080] [--db PATH] [--workers N]`: run the fake with uvicorn."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import uvicorn

from calspec.fake.limits import UVICORN_OPTIONS
from calspec.fake.world import load_world

APP_FACTORY = "calspec.fake.__main__:app_from_env"


def app_from_env() -> object:
    """The app of one uvicorn worker: settings come through the environment, so workers agree."""
    from calspec.fake.app import create_app

    fixtures = os.environ.get("CALSPEC_FAKE_FIXTURES")
    return create_app(
        db=os.environ.get("CALSPEC_FAKE_DB") or None, fixtures_dir=Path(fixtures) if fixtures else None
    )


def banner(host: str, port: int, db: str | None, fixtures_dir: Path | None) -> str:
    world = load_world(fixtures_dir)
    base = f"http://{host}:{port}"
    lines = [
        "calspec fake calendar server",
        f"  LINE WORKS base URL: {base}/v1.0",
        f"  Dooray base URL:     {base}",
        f"  state: {db if db else 'in memory (lost at exit; --db PATH keeps it)'}",
        "  LINE WORKS tokens (Authorization: Bearer <token>):",
    ]
    for token, principal in world.tokens.demo_tokens("lineworks"):
        scopes = " ".join(sorted(principal.scopes))
        lines.append(f"    {token:<20} user {principal.user_id} <{principal.email}> scope {scopes}")
    lines.append("  Dooray tokens (Authorization: dooray-api <token>):")
    for token, principal in world.tokens.demo_tokens("dooray"):
        lines.append(f"    {token:<20} member {principal.user_id} <{principal.email}>")
    calendar = world.fixtures["lineworks"]["calendars"][0]["calendarId"]
    user = world.fixtures["lineworks"]["users"][0]["userId"]
    lines.append("  try:")
    lines.append(
        f"    curl -H 'Authorization: Bearer lw-demo-token' '{base}/v1.0/users/{user}/calendars/{calendar}"
        "/events?fromDateTime=2021-12-01T00:00:00%2B09:00&untilDateTime=2021-12-31T00:00:00%2B09:00'"
    )
    lines.append(f"    curl -H 'Authorization: dooray-api dooray-demo-token' '{base}/calendar/v1/calendars'")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fake", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8080")))
    parser.add_argument("--db", default=None, help="SQLite file to keep state in (default: in memory)")
    parser.add_argument(
        "--fixtures", type=Path, default=None, help="directory with lineworks.json, dooray.json"
    )
    parser.add_argument("--workers", type=int, default=1, help="worker processes (needs --db to share state)")
    parser.add_argument("--log-level", default="info")
    args = parser.parse_args(argv)
    if args.workers > 1 and not args.db:
        parser.error("--workers > 1 needs --db PATH: in-memory state can't be shared between processes")
    if args.db:
        os.environ["CALSPEC_FAKE_DB"] = str(Path(args.db).resolve())
        from calspec.fake.app import create_app
        from calspec.fake.store import StoreVersionError

        try:
            # Seed once, up front, before the workers start.
            create_app(db=os.environ["CALSPEC_FAKE_DB"], fixtures_dir=args.fixtures).store.close()
        except StoreVersionError as error:
            parser.error(str(error))
    if args.fixtures:
        os.environ["CALSPEC_FAKE_FIXTURES"] = str(args.fixtures.resolve())
    print(banner(args.host, args.port, args.db, args.fixtures), flush=True)
    uvicorn.run(
        APP_FACTORY,
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=args.log_level,
        **UVICORN_OPTIONS,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
