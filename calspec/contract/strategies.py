"""Hypothesis strategies for the specs' own string formats, so schemathesis generates valid values.

JSON Schema states these formats only as patterns, which admit values no calendar has (31 February, a
time zone named `0`). With a strategy registered for the format, schemathesis draws from it (and still
filters by the schema's pattern and length), so every positive value passes
`calspec.core.formats.FORMAT_CHECKER`, the check the fake applies. `register` runs when
`calspec.contract.hooks` is imported, which both the CLI and the in-process engine do (the `hooks`
setting).
"""

from __future__ import annotations

import datetime
import zoneinfo

import schemathesis
from hypothesis import strategies as st

FIRST = datetime.datetime(1, 1, 1)
LAST = datetime.datetime(9999, 12, 31, 23, 59, 59)


def local_date_times() -> st.SearchStrategy[str]:
    """`local-date-time`: `YYYY-MM-DDTHH:mm:ss` of a real day, years 0001-9999, no offset."""
    values = st.datetimes(min_value=FIRST, max_value=LAST)
    return values.map(lambda value: value.isoformat(timespec="seconds"))


def offsets() -> st.SearchStrategy[str]:
    """`Z` or `±HH:MM` with hours 00-23 and minutes 00-59."""
    signed = st.builds(
        lambda sign, hours, minutes: f"{sign}{hours:02d}:{minutes:02d}",
        st.sampled_from("+-"),
        st.integers(0, 23),
        st.integers(0, 59),
    )
    return st.one_of(st.just("Z"), signed)


def offset_dates() -> st.SearchStrategy[str]:
    """`offset-date`: `YYYY-MM-DD` of a real day followed by an offset (Dooray's all-day times)."""
    days = st.dates(min_value=FIRST.date(), max_value=LAST.date())
    return st.builds(lambda day, offset: day.isoformat() + offset, days, offsets())


def time_zones() -> st.SearchStrategy[str]:
    """`iana-time-zone`: a name of the IANA database this Python knows (sorted, for reproducible runs)."""
    return st.sampled_from(sorted(zoneinfo.available_timezones()))


FORMATS: dict[str, st.SearchStrategy[str]] = {
    "local-date-time": local_date_times(),
    "offset-date": offset_dates(),
    "iana-time-zone": time_zones(),
}


def register() -> None:
    """Make schemathesis draw each format above from its strategy."""
    for name, strategy in FORMATS.items():
        schemathesis.openapi.format(name, strategy)
