"""`python -m calendar_sync [--week-of YYYY-MM-DD] [--zone ZONE]`: copy a week, credentials from the
environment (LINEWORKS_TOKEN, LINEWORKS_CALENDAR, DOORAY_TOKEN, DOORAY_CALENDAR; LINEWORKS_BASE_URL and
DOORAY_BASE_URL to use another server)."""

from __future__ import annotations

import argparse
import datetime
import os
import sys

from dooray_calendar import AuthenticatedClient as DoorayClient
from dooray_calendar import errors as dooray_errors
from lineworks_calendar import AuthenticatedClient as LineWorksClient
from lineworks_calendar import errors as lineworks_errors

from calendar_sync.sync import copy_week

NEEDED = ("LINEWORKS_TOKEN", "LINEWORKS_CALENDAR", "DOORAY_TOKEN", "DOORAY_CALENDAR")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="calendar-sync", description=__doc__)
    parser.add_argument(
        "--week-of", type=datetime.date.fromisoformat, default=None, help="default: next week"
    )
    parser.add_argument("--zone", default="Asia/Seoul")
    args = parser.parse_args(argv)
    missing = [name for name in NEEDED if not os.environ.get(name)]
    if missing:
        parser.error(f"set {', '.join(missing)}")
    week_of = args.week_of or datetime.date.today() + datetime.timedelta(days=7)
    lineworks = LineWorksClient(
        base_url=os.environ.get("LINEWORKS_BASE_URL", "https://www.worksapis.com/v1.0"),
        token=os.environ["LINEWORKS_TOKEN"],
    )
    dooray = DoorayClient(
        base_url=os.environ.get("DOORAY_BASE_URL", "https://api.dooray.com"), token=os.environ["DOORAY_TOKEN"]
    )
    try:
        report = copy_week(
            lineworks,
            dooray,
            source_calendar=os.environ["LINEWORKS_CALENDAR"],
            target_calendar=os.environ["DOORAY_CALENDAR"],
            week_of=week_of,
            zone=args.zone,
        )
    except (lineworks_errors.ApiError, dooray_errors.ApiError) as error:
        print(f"calendar-sync: {error}", file=sys.stderr)
        return 1
    for subject in report.copied:
        print(f"copied: {subject}")
    for subject in report.already_there:
        print(f"already there: {subject}")
    for reason in report.skipped:
        print(f"skipped: {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
