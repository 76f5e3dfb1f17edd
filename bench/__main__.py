"""`make bench`: what the fake's validation and logic cost, and what the generated client's parsing costs.

Two figures, each measured side by side in one run:
  1. requests/s of the fake's LINE WORKS list (200 stored events) against a bare Starlette endpoint on the
     same uvicorn settings returning the same bytes; both servers run in their own process on 127.0.0.1.
  2. time to parse that response with the generated client (`EventList.from_dict`) against `json.loads`.
Load is bounded (a fixed number of requests, a few concurrent connections, a time cap per target) and the
server processes are stopped at the end. Figures only: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
USER = "userf7da-f82c-4284-13e7-030f3b4c756x"
CALENDAR = "calendar-96b8-4c74-8277-7953e0b4604a"
LIST_PATH = f"/v1.0/users/{USER}/calendars/{CALENDAR}/events"
# A month no fixture uses, so the list holds exactly the seeded events.
WINDOW = {"fromDateTime": "2031-03-01T00:00:00+09:00", "untilDateTime": "2031-04-01T00:00:00+09:00"}
AUTH = {"Authorization": "Bearer lw-demo-token"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def server(*args: str, timeout: float = 20.0) -> Iterator[str]:
    """Start `python -m bench.serve ARGS` on a free port; yield its root URL; stop it afterwards."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.serve", "--port", str(port), *args],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(
                    f"server exited: {process.stderr.read().decode() if process.stderr else ''}"
                )
            try:
                httpx.get(url + "/", timeout=1.0)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise RuntimeError("server did not start") from None
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def event(number: int) -> dict[str, object]:
    """A realistic event: attendees, reminders, one a day at varying hours in March 2031."""
    day, hour = 1 + number % 30, 8 + number % 10
    start = f"2031-03-{day:02d}T{hour:02d}:00:00"
    end = f"2031-03-{day:02d}T{hour:02d}:30:00"
    return {
        "eventComponents": [
            {
                "eventId": f"bench-{number:04d}",
                "summary": f"Benchmark event {number} 회의",
                "description": "Agenda: " + "x" * 80,
                "location": "Room 4-5",
                "start": {"dateTime": start, "timeZone": "Asia/Seoul"},
                "end": {"dateTime": end, "timeZone": "Asia/Seoul"},
                "transparency": "OPAQUE",
                "visibility": "PUBLIC",
                "attendees": [
                    {"email": f"a{i}@example.com", "displayName": f"A{i}", "partstat": "NEEDS-ACTION"}
                    for i in range(3)
                ],
                "reminders": [{"method": "DISPLAY", "trigger": "-PT10M"}],
            }
        ],
        "sendNotification": False,
    }


def seed(url: str, count: int) -> bytes:
    """Store `count` events through the API and return the list response's bytes."""
    with httpx.Client(base_url=url, headers=AUTH, timeout=10.0) as client:
        for number in range(count):
            response = client.post(f"/v1.0/users/{USER}/calendars/{CALENDAR}/events", json=event(number))
            response.raise_for_status()
        listing = client.get(LIST_PATH, params=WINDOW)
        listing.raise_for_status()
        return listing.content


@dataclass
class Load:
    """Outcome of one bounded load run."""

    requests: int
    seconds: float
    failures: int
    latencies: list[float]

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


async def _load(url: str, total: int, concurrency: int, cap: float, expected: int) -> Load:
    latencies: list[float] = []
    failures = 0
    remaining = total
    deadline = time.perf_counter() + cap

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal remaining, failures
        while remaining > 0 and time.perf_counter() < deadline:
            remaining -= 1
            began = time.perf_counter()
            response = await client.get(LIST_PATH, params=WINDOW)
            latencies.append(time.perf_counter() - began)
            if response.status_code != 200 or len(response.content) != expected:
                failures += 1

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, headers=AUTH, limits=limits, timeout=30.0) as client:
        for _ in range(min(20, total)):  # warm-up: connections, caches, JIT-free but import-warm paths
            await client.get(LIST_PATH, params=WINDOW)
        began = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        seconds = time.perf_counter() - began
    return Load(len(latencies), seconds, failures, latencies)


def load(url: str, total: int, concurrency: int, cap: float, expected: int) -> Load:
    return asyncio.run(_load(url, total, concurrency, cap, expected))


def parse_times(body: bytes, repeat: int) -> dict[str, float]:
    """Median seconds per call of json.loads, EventList.from_dict on loaded data, and both together."""
    from lineworks_calendar.models import EventList

    data = json.loads(body)

    def median(stmt: object) -> float:
        timer = timeit.Timer(stmt)  # type: ignore[arg-type]
        number = max(1, int(0.2 / max(timer.timeit(1), 1e-9)))
        return statistics.median(t / number for t in timer.repeat(repeat=repeat, number=number))

    return {
        "json.loads": median(lambda: json.loads(body)),
        "EventList.from_dict": median(lambda: EventList.from_dict(data)),
        "both (what the client does)": median(lambda: EventList.from_dict(json.loads(body))),
    }


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.3f} ms"


def main() -> int:
    """Run both measurements and print them side by side."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=200, help="events stored in the listed month")
    parser.add_argument("--requests", type=int, default=300, help="requests per target")
    parser.add_argument("--concurrency", type=int, default=4, help="concurrent connections")
    parser.add_argument("--max-seconds", type=float, default=20.0, help="time cap per target")
    parser.add_argument("--repeat", type=int, default=7, help="repetitions of each parse timing")
    args = parser.parse_args()

    print(
        f"calspec bench: {args.events} events, {args.requests} requests per target, "
        f"{args.concurrency} connections, at most {args.max_seconds:.0f} s per target, 127.0.0.1"
    )
    with server("--fake") as fake_url:
        body = seed(fake_url, args.events)
        listed = sum(1 for _ in json.loads(body).get("events", []))
        print(f"list response: {len(body)} bytes, {listed} events")
        with tempfile.TemporaryDirectory(prefix="calspec-bench-") as tmp:
            body_file = Path(tmp) / "body.json"
            body_file.write_bytes(body)
            with server("--bare", str(body_file), "--path", LIST_PATH) as bare_url:
                results = {
                    "fake (validation + SQLite + logic)": load(
                        fake_url, args.requests, args.concurrency, args.max_seconds, len(body)
                    ),
                    "bare Starlette, same bytes": load(
                        bare_url, args.requests, args.concurrency, args.max_seconds, len(body)
                    ),
                }
    print()
    print(f"{'target':38} {'req/s':>9} {'requests':>9} {'failed':>7} {'p50':>11} {'p95':>11}")
    for name, result in results.items():
        ordered = sorted(result.latencies) or [0.0]
        p50, p95 = ordered[len(ordered) // 2], ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
        print(f"{name:38} {result.rate:9.1f} {result.requests:9d} {result.failures:7d} {ms(p50)} {ms(p95)}")
    fake_rate, bare_rate = (result.rate for result in results.values())
    if fake_rate:
        print(f"bare / fake throughput: {bare_rate / fake_rate:.2f}x")

    print()
    times = parse_times(body, args.repeat)
    print(f"{'parse of the list response':38} {'median per call':>16}")
    for name, seconds in times.items():
        print(f"{name:38} {ms(seconds):>16}")
    print(f"client parse / json.loads: {times['both (what the client does)'] / times['json.loads']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
