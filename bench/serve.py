"""Server process of the benchmark: the fake, or a bare Starlette endpoint, on the same uvicorn settings.

Both targets run in their own process, started the same way, so the only difference measured is the
application: the fake's validation and logic against returning fixed bytes.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


def bare_app(path: str, body: bytes) -> Starlette:
    """An app that answers GET `path` with `body` as JSON, doing nothing else."""

    async def endpoint(request: Request) -> Response:
        return Response(body, media_type="application/json")

    return Starlette(routes=[Route(path, endpoint, methods=["GET"])])


def main() -> None:
    """Parse the arguments and serve until killed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--fake", action="store_true", help="serve fake.app with an in-memory database")
    target.add_argument("--bare", type=Path, metavar="BODY_FILE", help="serve these bytes at --path")
    parser.add_argument("--path", default="/")
    parser.add_argument("--db", default=None, help="the fake's SQLite file (default: in memory)")
    args = parser.parse_args()
    app: Any
    if args.fake:
        from calspec.fake.app import create_app

        app = create_app(db=args.db)
    else:
        app = bare_app(args.path, args.bare.read_bytes())
    from calspec.fake.limits import UVICORN_OPTIONS  # the same server settings for both targets

    uvicorn.run(
        app, host="127.0.0.1", port=args.port, log_level="warning", access_log=False, **UVICORN_OPTIONS
    )


if __name__ == "__main__":
    main()
