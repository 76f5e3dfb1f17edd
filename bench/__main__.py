"""`make bench`: what the fake and the generated clients cost, as ratios to what they can't beat.

Method. Goals 1, 2 and 4 are measured end to end, as the issue that set them was: the fake and a bare
Starlette endpoint that answers the same bytes each run in a process of their own on the same
uvicorn settings (one worker, h11), and a load generator in a third process (`bench/load.py`: raw
HTTP/1.1 keep-alive on asyncio streams, far cheaper per request than either server, so the servers
are what is measured, not the client). Beside each, the in-process figure times the ASGI app alone
(a prepared request sent again and again with a `send` that discards the answer): the application's
own cost without uvicorn's. Goals 3 and 5 and the fixture start are in-process.

Every ratio is taken side by side: the two figures it compares are measured in turn, round after
round (`--rounds`, `--seconds` each), and the median of the per-round ratios is printed. On a shared
machine the speed drifts by half within a minute; two figures measured a minute apart would report
the drift as a difference.

Goals (issue 12), each a ratio measured in this one run:
  1. seed list request (the demo calendar, December 2021): fake >= 0.5 x bare
  2. a month with 200 events: fake >= 0.25 x bare
  3. a month of 80 events in a calendar of 8,000 costs <= 1.5 x the same month in a calendar of 80
  4. 1,000 creates at concurrency 8 against a SQLite file: >= 0.25 x the read rate of goal 1
  5. the generated client parses the 200-event list in <= 3 x json.loads
Also printed: how long creating a fresh in-process fake takes (what each pytest-plugin fixture
pays). Figures only: nothing here passes or fails, and no test asserts a time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
import timeit
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

REPO = Path(__file__).resolve().parent.parent
USER = "userf7da-f82c-4284-13e7-030f3b4c756x"
CALENDAR = "calendar-96b8-4c74-8277-7953e0b4604a"
AUTH = "Bearer lw-demo-token"
EVENTS_PATH = f"/v1.0/users/{USER}/calendars/{CALENDAR}/events"
SEED_WINDOW = {"fromDateTime": "2021-12-01T00:00:00+09:00", "untilDateTime": "2021-12-31T00:00:00+09:00"}
# A month no fixture uses, so the list holds exactly the events the bench stored.
BENCH_WINDOW = {"fromDateTime": "2031-03-01T00:00:00+09:00", "untilDateTime": "2031-04-01T00:00:00+09:00"}

ASGIApp = Any  # an ASGI application: the fake, or a bare Starlette app


def event(number: int, month: str = "2031-03") -> dict[str, Any]:
    """A realistic event: attendees and a reminder, one a day at varying hours in `month`."""
    day, hour = 1 + number % 28, 8 + number % 10
    return {
        "eventComponents": [
            {
                "eventId": f"bench-{month}-{number:05d}",
                "summary": f"Benchmark event {number} 회의",
                "description": "Agenda: " + "x" * 80,
                "location": "Room 4-5",
                "start": {"dateTime": f"{month}-{day:02d}T{hour:02d}:00:00", "timeZone": "Asia/Seoul"},
                "end": {"dateTime": f"{month}-{day:02d}T{hour:02d}:30:00", "timeZone": "Asia/Seoul"},
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


@dataclass
class Prepared:
    """One request, ready to send to an ASGI app any number of times."""

    method: str
    path: str
    query: dict[str, str]
    body: bytes = b""

    def scope(self) -> dict[str, Any]:
        headers = [(b"authorization", AUTH.encode()), (b"host", b"bench")]
        if self.body:
            headers.append((b"content-type", b"application/json"))
        return {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": self.method,
            "scheme": "http",
            "path": self.path,
            "raw_path": self.path.encode(),
            "query_string": urlencode(self.query).encode(),
            "root_path": "",
            "headers": headers,
            "client": ("127.0.0.1", 1234),
            "server": ("bench", 80),
        }


async def call(app: ASGIApp, request: Prepared) -> tuple[int, bytes]:
    """Send one request; the status and the body the app answered."""
    sent = False
    status, chunks = 0, []

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": request.body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(request.scope(), receive, send)
    return status, b"".join(chunks)


async def rate(app: ASGIApp, request: Prepared, seconds: float) -> float:
    """Calls per second of one prepared request, sequentially on one loop, after a warm-up."""
    for _ in range(20):
        await call(app, request)
    count, began = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - began) < seconds:
        for _ in range(10):
            await call(app, request)
        count += 10
    return count / elapsed


def bare(body: bytes) -> ASGIApp:
    async def endpoint(request: Request) -> Response:
        return Response(body, media_type="application/json")

    app: ASGIApp = Starlette(routes=[Route(EVENTS_PATH, endpoint, methods=["GET"])])
    return app


async def store(app: ASGIApp, count: int, month: str, start: int = 0) -> None:
    for number in range(start, start + count):
        status, answer = await call(
            app, Prepared("POST", EVENTS_PATH, {}, json.dumps(event(number, month)).encode())
        )
        if status != 201:
            raise RuntimeError(f"storing an event failed: {status} {answer[:200]!r}")


def parse_ratio(body: bytes, repeat: int) -> tuple[float, float, float]:
    """json.loads against what the client does with the answer: the generated listEvents' own
    `_parse_response` (JSON to the typed EventList), given the received response.

    The two are timed in alternation, short rounds side by side, and the ratio taken per round: on a
    shared machine the speed drifts by half within seconds, which separate medians would mistake for
    a difference. Returns the median seconds of each and the median ratio."""
    import httpx
    from lineworks_calendar import Client
    from lineworks_calendar.api.events import list_events

    client = Client(base_url="http://bench")
    response = httpx.Response(200, content=body, headers={"Content-Type": "application/json"})

    def loads() -> object:
        return json.loads(body)

    def parse() -> object:
        return list_events._parse_response(client=client, response=response)

    if type(parse()).__name__ != "EventList":
        raise RuntimeError("the client did not parse the bench's list")
    timers = [timeit.Timer(loads), timeit.Timer(parse)]
    numbers = [max(1, int(0.05 / max(timer.timeit(1), 1e-9))) for timer in timers]
    seconds: list[list[float]] = [[], []]
    for _ in range(max(repeat, 5) * 3):
        for index, timer in enumerate(timers):
            seconds[index].append(timer.timeit(numbers[index]) / numbers[index])
    return statistics.median(seconds[0]), statistics.median(seconds[1]), _median_ratio(seconds[1], seconds[0])


def fixture_start(repeat: int) -> float:
    """Median seconds to create a fresh in-process fake and bind a client to it: what the pytest
    plugin's `calendar_fake` and `lineworks_client` fixtures pay per test."""
    from calspec.fake.handle import CalendarFake

    CalendarFake().close()  # the first one loads the specs and imports; later ones are what tests pay
    timings = []
    for _ in range(max(repeat, 25)):
        began = time.perf_counter()
        fake = CalendarFake()
        fake.lineworks.client()
        timings.append(time.perf_counter() - began)
        fake.close()
    return statistics.median(timings)


class Server:
    """`python -m bench.serve ARGS` on a free port, in its own process, until the block ends."""

    def __init__(self, *args: str) -> None:
        self.args = args
        self.port = 0

    def __enter__(self) -> int:
        import socket
        import subprocess

        import httpx

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = int(sock.getsockname()[1])
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench.serve", "--port", str(self.port), *self.args],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"http://127.0.0.1:{self.port}/", timeout=1.0)
                return self.port
            except httpx.TransportError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"bench server {self.args} did not start") from None
                time.sleep(0.05)

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def load(port: int, request: Prepared, seconds: float, requests: int | None = None) -> float:
    """Answers per second from `bench/load.py` in its own process."""
    import subprocess

    command = [sys.executable, "-m", "bench.load", "--port", str(port), "--seconds", str(seconds)]
    command += ["--path", request.path + ("?" + urlencode(request.query) if request.query else "")]
    command += ["--header", f"Authorization: {AUTH}", "--method", request.method]
    with tempfile.NamedTemporaryFile(suffix=".json") as body:
        if request.body:
            body.write(request.body)
            body.flush()
            command += ["--body-file", body.name]
        if requests is not None:
            command += ["--requests", str(requests)]
        result = json.loads(
            subprocess.run(command, cwd=REPO, capture_output=True, check=True, text=True).stdout
        )
    if result["failed"]:
        raise RuntimeError(f"{result['failed']} requests failed under load: {request.method} {request.path}")
    return float(result["rate"])


def seeded(port: int, count: int) -> tuple[bytes, bytes]:
    """Store `count` events in the bench month through the API; the seed list's and the month's bytes."""
    import httpx

    with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers={"Authorization": AUTH}) as client:
        for number in range(count):
            client.post(EVENTS_PATH, json=event(number)).raise_for_status()
        seed = client.get(EVENTS_PATH, params=SEED_WINDOW)
        month = client.get(EVENTS_PATH, params=BENCH_WINDOW)
        return seed.content, month.content


def unnamed(body: dict[str, Any]) -> dict[str, Any]:
    """A create body without its eventId, so the same bytes can be sent again and again."""
    components = [{k: v for k, v in c.items() if k != "eventId"} for c in body["eventComponents"]]
    return {**body, "eventComponents": components}


async def in_process(
    create_app: Any, seed_list: Prepared, month: Prepared, args: argparse.Namespace
) -> tuple[float, float]:
    fake = create_app(db=None)
    await store(fake, args.events, "2031-03")
    return await rate(fake, seed_list, args.seconds), await rate(fake, month, args.seconds)


async def index_rates(
    create_app: Any, month: Prepared, args: argparse.Namespace
) -> tuple[float, float, float]:
    small, big = create_app(db=None), create_app(db=None)
    await store(small, 80, "2031-03")
    await store(big, 80, "2031-03")
    for first in range(0, args.big_calendar - 80, 500):  # the rest of the big calendar: other months
        other = f"2029-{1 + first // 500 % 12:02d}"
        await store(big, min(500, args.big_calendar - 80 - first), other, start=first)
    small_rates, big_rates = [], []
    for _ in range(args.rounds):  # side by side, round by round (see `paired`)
        small_rates.append(await rate(small, month, args.seconds))
        big_rates.append(await rate(big, month, args.seconds))
    return statistics.median(small_rates), statistics.median(big_rates), _median_ratio(small_rates, big_rates)


def _median_ratio(numerators: list[float], denominators: list[float]) -> float:
    return statistics.median(n / d for n, d in zip(numerators, denominators, strict=True))


def paired(
    fake_port: int, bare_port: int, request: Prepared, args: argparse.Namespace
) -> tuple[float, float, float]:
    """The fake's and the bare endpoint's rates, loaded in turn for `args.rounds` rounds: the median
    of each and the median of the per-round ratios. Both servers stay up, idle while the other is
    loaded; a ratio is taken from two figures measured seconds apart, so the machine's drift (on a
    shared machine, by half within a minute) doesn't masquerade as a difference."""
    fakes, bares = [], []
    for _ in range(args.rounds):
        fakes.append(load(fake_port, request, args.seconds))
        bares.append(load(bare_port, request, args.seconds))
    return statistics.median(fakes), statistics.median(bares), _median_ratio(fakes, bares)


def measure(args: argparse.Namespace) -> list[tuple[str, float, str, str]]:
    from calspec.fake.app import create_app

    rows: list[tuple[str, float, str, str]] = []
    seed_list = Prepared("GET", EVENTS_PATH, SEED_WINDOW)
    month = Prepared("GET", EVENTS_PATH, BENCH_WINDOW)
    with tempfile.TemporaryDirectory(prefix="calspec-bench-") as folder:
        with Server("--fake") as fake_port:
            seed_body, month_body = seeded(fake_port, args.events)
            (Path(folder) / "seed.json").write_bytes(seed_body)
            (Path(folder) / "month.json").write_bytes(month_body)
            with Server("--bare", str(Path(folder) / "seed.json"), "--path", EVENTS_PATH) as bare_port:
                fake_seed, bare_seed, seed_ratio = paired(fake_port, bare_port, seed_list, args)
            with Server("--bare", str(Path(folder) / "month.json"), "--path", EVENTS_PATH) as bare_port:
                fake_month, bare_month, month_ratio = paired(fake_port, bare_port, month, args)
        with Server("--fake", "--db", str(Path(folder) / "writes.sqlite")) as write_port:
            create = Prepared("POST", EVENTS_PATH, {}, json.dumps(unnamed(event(0, "2032-01"))).encode())
            write_rate = load(write_port, create, args.seconds, requests=args.writes)

    app_seed, app_month = asyncio.run(in_process(create_app, seed_list, month, args))
    rows.append(
        (
            "1. seed list request: fake / bare",
            seed_ratio,
            ">= 0.50",
            f"{fake_seed:,.0f} vs {bare_seed:,.0f} req/s ({len(seed_body):,} B); app alone {app_seed:,.0f}/s",
        )
    )
    rows.append(
        (
            f"2. {args.events}-event month: fake / bare",
            month_ratio,
            ">= 0.25",
            f"{fake_month:,.0f} vs {bare_month:,.0f} req/s ({len(month_body):,} B);"
            f" app alone {app_month:,.0f}/s",
        )
    )
    small_rate, big_rate, index_ratio = asyncio.run(index_rates(create_app, month, args))
    rows.append(
        (
            f"3. 80 events in {args.big_calendar:,} / in 80: cost",
            index_ratio,
            "<= 1.50",
            f"{big_rate:,.0f} vs {small_rate:,.0f} req/s, in-process",
        )
    )
    rows.append(
        (
            f"4. {args.writes:,} creates at 8 on a SQLite file / seed reads",
            write_rate / fake_seed,
            ">= 0.25",
            f"{write_rate:,.0f} creates/s",
        )
    )
    loads, client, ratio = parse_ratio(month_body, args.repeat)
    rows.append(
        (
            f"5. client parse of the {args.events}-event list / json.loads",
            ratio,
            "<= 3.00",
            f"{client * 1000:.2f} vs {loads * 1000:.2f} ms",
        )
    )
    start = fixture_start(args.repeat) * 1000
    rows.append(("fresh in-process fake (a fixture's start), ms", start, "< 50", "median"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=200, help="events in the listed month (goal 2)")
    parser.add_argument("--big-calendar", type=int, default=8000, help="events in the big calendar (goal 3)")
    parser.add_argument("--writes", type=int, default=1000, help="creates of goal 4")
    parser.add_argument("--seconds", type=float, default=1.0, help="seconds per rate measured")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of a ratio measured side by side")
    parser.add_argument("--repeat", type=int, default=7, help="repetitions of each timing")
    args = parser.parse_args(argv)
    print(
        f"calspec bench: {args.rounds} rounds of {args.seconds:g} s per ratio;"
        f" Python {sys.version.split()[0]}; method in the module docstring"
    )
    rows = measure(args)
    print()
    print(f"{'measure':58} {'ratio':>9} {'target':>12}  figures")
    for name, value, target, figures in rows:
        print(f"{name:58} {value:9.2f} {target:>12}  {figures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
