"""A load generator that can't be the bottleneck: raw HTTP/1.1 keep-alive on asyncio streams.

httpx spends more time per request than the fake's bare endpoint does, so an httpx load measures
httpx. This sends one prepared request over a few keep-alive connections and reads each answer by
its Content-Length, nothing more; it runs in a process of its own (`python -m bench.load`), so the
server keeps its core. wrk would do the same in C; it isn't installable from PyPI.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time


async def _connection(
    host: str, port: int, request: bytes, deadline: float, counts: list[int], budget: list[int] | None = None
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while time.perf_counter() < deadline:
            if budget is not None:
                if budget[0] <= 0:
                    return
                budget[0] -= 1
            writer.write(request)
            await writer.drain()
            length, status = 0, 0
            line = await reader.readline()
            status = int(line.split()[1])
            while True:
                header = await reader.readline()
                if header in (b"\r\n", b""):
                    break
                name, _, value = header.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            await reader.readexactly(length)
            counts[0 if 200 <= status < 300 else 1] += 1
    finally:
        writer.close()


async def run(
    host: str,
    port: int,
    path: str,
    headers: dict[str, str],
    seconds: float,
    connections: int,
    method: str = "GET",
    body: bytes = b"",
    requests: int | None = None,
) -> dict[str, float]:
    """Answers per second over `connections` keep-alive connections: for `seconds`, or for exactly
    `requests` requests (then without a warm-up, so every request is counted)."""
    extra = [f"Content-Length: {len(body)}", "Content-Type: application/json"] if body else []
    lines = [
        f"{method} {path} HTTP/1.1",
        f"Host: {host}:{port}",
        *(f"{k}: {v}" for k, v in headers.items()),
        *extra,
    ]
    request = ("\r\n".join(lines) + "\r\n\r\n").encode() + body
    if requests is None:
        warm = [0, 0]
        warm_until = time.perf_counter() + 0.3
        await asyncio.gather(
            *(_connection(host, port, request, warm_until, warm) for _ in range(connections))
        )
    counts = [0, 0]
    budget = None if requests is None else [requests]
    deadline = time.perf_counter() + (seconds if requests is None else 3600.0)
    began = time.perf_counter()
    await asyncio.gather(
        *(_connection(host, port, request, deadline, counts, budget) for _ in range(connections))
    )
    elapsed = time.perf_counter() - began
    return {"rate": counts[0] / elapsed, "ok": counts[0], "failed": counts[1]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", required=True, help="path and query")
    parser.add_argument("--header", action="append", default=[], help="NAME: VALUE")
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--method", default="GET")
    parser.add_argument("--body-file", help="a body to send with every request")
    parser.add_argument(
        "--requests", type=int, help="send exactly this many requests instead of for --seconds"
    )
    args = parser.parse_args()
    headers = dict(h.split(": ", 1) for h in args.header)
    body = open(args.body_file, "rb").read() if args.body_file else b""
    result = asyncio.run(
        run(
            args.host,
            args.port,
            args.path,
            headers,
            args.seconds,
            args.connections,
            args.method,
            body,
            args.requests,
        )
    )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
