"""The fake's command as CI starts it: a subprocess that prints a ready line once it accepts
connections, with `--port 0` (a free port, named in that line) and faults queued from the command line."""

from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parent.parent
READY = re.compile(r"^calspec-fake ready: (http://\S+)$")


class Lines:
    """A process's stdout, line by line, read in a thread so a wait can time out."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def wait_for(self, pattern: re.Pattern[str], timeout: float = 30.0) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                break
            self.seen.append(line)
            match = pattern.match(line.strip())
            if match:
                return match
        raise AssertionError(f"no line matching {pattern.pattern!r} in:\n{''.join(self.seen)}")


def wait_for_ready(process: subprocess.Popen[str], timeout: float = 30.0) -> str:
    """The URL of the fake's ready line (the banner before it is read and kept in the message)."""
    return Lines(process).wait_for(READY, timeout).group(1)


@pytest.fixture
def fake_process(tmp_path: Path) -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def start(args: list[str], started: list[subprocess.Popen[str]], cwd: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        [sys.executable, "-m", "calspec.fake", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    started.append(process)
    return process


def test_ready_line_then_faults_from_the_command_line_then_normal_answers(
    fake_process: list[subprocess.Popen[str]], tmp_path: Path
) -> None:
    faults = ['{"status": 503, "times": 2, "operation": "listEvents", "retryAfter": 2}', '{"status": 500}']
    process = start(["--port", "0", "--fault", faults[0], "--fault", faults[1]], fake_process, tmp_path)
    url = wait_for_ready(process)
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", url) and not url.endswith(":0")
    assert httpx.get(f"{url}/_calspec/faults").json()["faults"][0]["times"] == 2
    events = f"{url}/v1.0/users/me/calendars/calendar-96b8-4c74-8277-7953e0b4604a/events"
    window = {"fromDateTime": "2021-12-01T00:00:00+09:00", "untilDateTime": "2021-12-31T00:00:00+09:00"}
    auth = {"Authorization": "Bearer lw-demo-token"}
    for _ in range(2):
        answer = httpx.get(events, params=window, headers=auth)
        assert (answer.status_code, answer.headers["Retry-After"]) == (503, "2")
    assert (
        httpx.get(
            f"{url}/calendar/v1/calendars", headers={"Authorization": "dooray-api dooray-demo-token"}
        ).status_code
        == 500
    )
    assert httpx.get(events, params=window, headers=auth).status_code == 200


def test_the_banner_names_the_port_it_picked(
    fake_process: list[subprocess.Popen[str]], tmp_path: Path
) -> None:
    process = start(["--port", "0", "--rate-limits"], fake_process, tmp_path)
    lines = Lines(process)
    url = lines.wait_for(READY).group(1)
    banner = "".join(lines.seen)
    assert f"LINE WORKS base URL: {url}/v1.0" in banner and "rate limits: lineworks" in banner
    assert banner.rstrip().endswith(f"calspec-fake ready: {url}")  # the last line, after the banner


def test_a_port_in_use_fails_at_once_without_a_ready_line(
    fake_process: list[subprocess.Popen[str]], tmp_path: Path
) -> None:
    first = start(["--port", "0"], fake_process, tmp_path)
    port = wait_for_ready(first).rsplit(":", 1)[1]
    second = start(["--port", port], fake_process, tmp_path)
    assert second.wait(timeout=30) != 0
    assert second.stdout is not None and "ready" not in second.stdout.read()
